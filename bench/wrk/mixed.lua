-- wrk script: the mixed read/write API load of docs/benchmarks.md ("Running at scale").
-- Per 100 requests: 40 searches (GET /actors?q=WORD), 25 listings by box (GET /actors?bbox=),
-- 20 actor pages (GET /actors/{id}, ids from the file ECOSOL_LOAD_IDS) and 15 new actors
-- (POST /actors with the admin token ECOSOL_LOAD_TOKEN, named with one of the searched words). Prints the answers by kind and status.
local words = {"housing", "community", "cooperative", "club", "farm", "energy", "football",
  "bakery", "wholefoods", "credit", "union", "society", "social", "village", "shop", "pub",
  "workers", "green", "tenants", "sports", "association", "brewery", "education", "care"}
local ids = {}
local token = os.getenv("ECOSOL_LOAD_TOKEN") or ""
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("ECOSOL_LOAD_IDS")) do ids[#ids + 1] = line end
  math.randomseed(1000 + tid)
  written, read, errors = 0, 0, 0
  n = 0
end

local kind_of = {}

function request()
  n = n + 1
  local r = math.random(100)
  if r <= 40 then
    return wrk.format("GET", "/api/v1/actors?q=" .. words[math.random(#words)] .. "&limit=20")
  elseif r <= 65 then
    local lon = -5.5 + math.random() * 7
    local lat = 50.5 + math.random() * 5
    local d = 0.05 + math.random() * 0.45
    return wrk.format("GET", string.format("/api/v1/actors?bbox=%.4f,%.4f,%.4f,%.4f&limit=50",
      lon, lat, lon + d, lat + d))
  elseif r <= 85 then
    return wrk.format("GET", "/api/v1/actors/" .. ids[math.random(#ids)])
  else
    -- Each new name holds one of the searched words, so that every write changes the first
    -- page of one word's search (the server cannot keep that page).
    local body = string.format(
      '{"name": "Load test %s co-op %d-%d", "kind": "organisation", "address": {"country": "GB"}}',
      words[math.random(#words)], tid, n)
    return wrk.format("POST", "/api/v1/actors",
      {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
  end
end

function response(status, headers, body)
  if status == 201 then
    written = written + 1
  elseif status == 200 then
    read = read + 1
  else
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local w, r, e = 0, 0, 0
  for _, t in ipairs(threads) do
    w = w + t:get("written")
    r = r + t:get("read")
    e = e + t:get("errors")
  end
  io.write(string.format("answers: %d reads (200), %d writes (201), %d other\n", r, w, e))
  io.write(string.format("latency ms: p50 %.2f p90 %.2f p99 %.2f max %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
