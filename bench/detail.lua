-- GET /api/v1/issues/{number} for random generated issues.
math.randomseed(os.time())
request = function()
  local n = math.random(1, tonumber(os.getenv("BENCH_ISSUES") or "1000000"))
  return wrk.format("GET", string.format("/api/v1/issues/%d-%07d", 2024 + n % 2, n))
end
