-- GET /api/v1/issues/map for random boxes of BOX_LON × BOX_LAT degrees in the centre.
math.randomseed(os.time())
local dlon = tonumber(os.getenv("BOX_LON") or "0.025")
local dlat = tonumber(os.getenv("BOX_LAT") or "0.016")
request = function()
  local lon = 19.40 + math.random(0, 60) / 1000.0
  local lat = 51.74 + math.random(0, 30) / 1000.0
  return wrk.format("GET", string.format("/api/v1/issues/map?bbox=%.4f,%.4f,%.4f,%.4f", lon, lat, lon + dlon, lat + dlat))
end
