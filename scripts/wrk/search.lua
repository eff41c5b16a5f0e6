-- The search page with a few everyday queries, in turn.
local queries = { "pain+after+sex", "condom+broke", "feel+sad+after", "test+for+chlamydia", "low+desire" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/search?q=" .. queries[(i % #queries) + 1])
end
