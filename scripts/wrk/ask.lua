-- Asking through the API: a write (triage, redaction, one transaction, fsync).
local n = 0
request = function()
  n = n + 1
  local body = string.format(
    '{"title":"Is it normal to feel tired after sex, time %d?","body":"We have been together a year and I always want to sleep afterwards.","topic":"emotions"}', n)
  return wrk.format("POST", "/api/v1/questions", { ["Content-Type"] = "application/json" }, body)
end
