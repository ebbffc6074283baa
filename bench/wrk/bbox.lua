-- wrk script: GET /api/v1/actors?bbox=... with boxes of 0.05 to 0.5 degrees over Great Britain.
math.randomseed(42)
request = function()
  local size = 0.05 + math.random() * 0.45
  local lon = -5.5 + math.random() * 7.0
  local lat = 50.0 + math.random() * 8.0
  local bbox = string.format("%.4f,%.4f,%.4f,%.4f", lon, lat, lon + size, lat + size)
  return wrk.format("GET", "/api/v1/actors?bbox=" .. bbox .. "&limit=50")
end
