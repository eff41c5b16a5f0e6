-- Question pages by id. SPREAD ids from 1; ids divisible by 4 are the
-- synthetic questions still waiting for an answer (private), so skip them.
local spread = tonumber(os.getenv("SPREAD") or "1000")
math.randomseed(os.time())
request = function()
  local id = math.random(1, spread)
  if id % 4 == 0 then id = id + 1 end
  return wrk.format("GET", "/q/" .. id)
end
