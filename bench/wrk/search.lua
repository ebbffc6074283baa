-- wrk script: GET /api/v1/actors?q=WORD with words drawn from Co-operatives UK names.
local words = {"housing", "community", "cooperative", "club", "farm", "energy", "football",
  "bakery", "wholefoods", "credit", "union", "society", "social", "village", "shop", "pub",
  "workers", "green", "tenants", "sports", "association", "brewery", "education", "care"}
math.randomseed(42)
request = function()
  local w = words[math.random(#words)]
  return wrk.format("GET", "/api/v1/actors?q=" .. w .. "&limit=20")
end
