-- GET /api/v1/issues with filters: a category, open statuses, a district box, page 1..5.
math.randomseed(os.time())
request = function()
  local lon = 19.40 + math.random(0, 60) / 1000.0
  local lat = 51.74 + math.random(0, 30) / 1000.0
  return wrk.format("GET", string.format(
    "/api/v1/issues?category=road-damage&status=new,accepted,in_progress&bbox=%.4f,%.4f,%.4f,%.4f&page=%d",
    lon, lat, lon + 0.025, lat + 0.016, math.random(1, 5)))
end
