-- POST /api/v1/issues with a valid anonymous pothole report at random places in the centre.
math.randomseed(os.time())
wrk.method = "POST"
wrk.path = "/api/v1/issues"
wrk.headers["Content-Type"] = "application/json"
request = function()
  local lat = 51.75 + math.random() * 0.02
  local lon = 19.44 + math.random() * 0.03
  local body = string.format(
    '{"category":"road-damage","title":"Dziura","description":"Dziura w jezdni (benchmark).",' ..
    '"location":{"lat":%.6f,"lon":%.6f},"field_values":{"surface":"road"}}', lat, lon)
  return wrk.format(nil, nil, nil, body)
end
