-- wrk script of the cluster benchmark: trigger events to Steward's POST /api/v1/events
-- (through the load balancer), each thread opening a new incident every PER_KEY events
-- (dedup key <run>-t<thread>-k<n>, the keys alternating between the two services' routing
-- keys) and folding the events in between into it. Every 2xx answer names the dedup key and
-- the incident the event went to; the script counts them per (dedup key, incident), and
-- done() writes those counts to $ACKED_LOG ("dedup_key incident count" per line) for the
-- run script to hold against the database.
--
--   ACKED_LOG=acked.txt wrk -t2 -c4 -d60s -s bench/cluster/events.lua http://127.0.0.1:PORT \
--     -- KEY_A KEY_B RUN PER_KEY PAUSE_MS
--
-- PAUSE_MS is the wait before each request on a connection (wrk's delay()), which bounds
-- the rate at connections × 1000 / PAUSE_MS events a second.
-- done() also prints the RESULT line of bench/lib/result.lua, with accepted=N (2xx) added.

local result = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/result.lua")

local threads = result.number_threads()

local routing_keys, run, per_key, pause
local counter = 0
acked = {}
unreadable = 0

function init(args)
  routing_keys = { args[1], args[2] }
  run = args[3] or "run"
  per_key = tonumber(args[4] or "50")
  pause = tonumber(args[5] or "0")
  if routing_keys[1] == nil or routing_keys[2] == nil then
    error("pass two routing keys after --")
  end
  result.post_json("/api/v1/events")
end

function delay()
  return pause
end

function request()
  local n = counter
  counter = counter + 1
  local key = math.floor(n / per_key)
  local body = string.format(
    '{"routingKey":"%s","action":"trigger","dedupKey":"%s-t%d-k%d","summary":"Queue backlog on worker %d-%d",' ..
    '"severity":"critical","source":"worker-%d.example","details":{"event":"t%d-n%d"}}',
    routing_keys[(key % 2) + 1], run, id, key, id, key, n % 20, id, n)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status < 200 or status >= 300 then
    return
  end
  local dedup = body:match('"dedupKey"%s*:%s*"([^"]*)"')
  local incident = body:match('"incident"%s*:%s*(%d+)')
  if dedup == nil or incident == nil then
    unreadable = unreadable + 1
    return
  end
  local pair = dedup .. " " .. incident
  acked[pair] = (acked[pair] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  local accepted = 0
  local unreadable_answers = 0
  for _, thread in ipairs(threads) do
    for pair, count in pairs(thread:get("acked")) do
      total[pair] = (total[pair] or 0) + count
      accepted = accepted + count
    end
    unreadable_answers = unreadable_answers + thread:get("unreadable")
  end
  local path = os.getenv("ACKED_LOG")
  if path ~= nil and path ~= "" then
    local out = assert(io.open(path, "w"))
    for pair, count in pairs(total) do
      out:write(pair, " ", count, "\n")
    end
    out:close()
  end
  io.write(result.line(summary, latency, { 50, 90, 99 }),
    string.format(" accepted=%d unreadable=%d\n", accepted, unreadable_answers))
end
