-- wrk script for tests/security/run.sh: cycles through the paths given after `--` and tallies every response
-- by status and by what the body is (code page, search page, suggest JSON), because wrk's own summary only says
-- "Non-2xx or 3xx responses". A response does not say which request it answers (a thread's connections
-- interleave), so the kind is read from the body: the search page's <title>, the code page's JSON-LD type, the
-- suggest answer's JSON array.
--
--   wrk -t2 -c256 -d30s --timeout 5s -s load.lua http://127.0.0.1:PORT -- /codes/37188 /search?q=clot /api/suggest?q=thromb
--
-- A path with {n} in it ('/search?q=clot&n={n}') is asked with a new number each time: past the output cache.
--
-- done() prints lines that run.sh parses:
--   WRK requests N duration_us N bytes N
--   WRK errors connect N read N write N timeout N status N
--   WRK latency_us p50 N p90 N p99 N max N
--   WRK tally STATUS KIND N          (one line per status and kind)

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  requests = {}
  paths = {}
  for _, path in ipairs(args) do
    table.insert(requests, wrk.format("GET", path))
    table.insert(paths, path)
  end
  if #requests == 0 then
    error("load.lua: give the paths to request after --")
  end
  -- Each thread starts at a different place in the list, so the kinds are mixed from the first second.
  next_index = math.random(#requests) - 1
  tally = {}
end

-- A path with {n} in it gets a number of its own each time (a page the output cache has not seen), so the
-- request reaches the database.
counter = 0
function request()
  next_index = next_index % #requests + 1
  local path = paths[next_index]
  if path:find("{n}", 1, true) then
    counter = counter + 1
    return wrk.format("GET", (path:gsub("{n}", tostring(counter))))
  end
  return requests[next_index]
end

local function kind(body)
  if body == nil or body == "" then return "empty" end
  if body:find("<title>Search:", 1, true) then return "search" end
  if body:find("MedicalProcedure", 1, true) then return "code" end
  if body:sub(1, 1) == "[" then return "suggest" end
  return "other"
end

function response(status, headers, body)
  local key = status .. " " .. kind(body)
  tally[key] = (tally[key] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("tally") or {}
    for key, n in pairs(counts) do
      total[key] = (total[key] or 0) + n
    end
  end
  local e = summary.errors
  io.write(string.format("WRK requests %d duration_us %d bytes %d\n", summary.requests, summary.duration, summary.bytes))
  io.write(string.format("WRK errors connect %d read %d write %d timeout %d status %d\n",
    e.connect, e.read, e.write, e.timeout, e.status))
  io.write(string.format("WRK latency_us p50 %d p90 %d p99 %d max %d\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
  local keys = {}
  for key in pairs(total) do table.insert(keys, key) end
  table.sort(keys)
  for _, key in ipairs(keys) do
    io.write(string.format("WRK tally %s %d\n", key, total[key]))
  end
end
