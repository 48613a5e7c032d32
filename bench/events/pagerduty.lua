-- wrk script: PagerDuty Events v2 triggers to Steward's
-- POST /integrations/pagerduty/v2/enqueue, half with a dedup key from a small fixed set
-- (they fold into the open incidents of those keys) and half with a key used once (each
-- opens a new incident).
--
--   wrk -t2 -c32 -d30s --latency -s bench/events/pagerduty.lua http://127.0.0.1:PORT -- KEY RUN [HOT]
--
-- Arguments after "--": the integration (routing) key (else ROUTING_KEY), a run label that
-- makes the new dedup keys of this run differ from those of other runs (else "run"), and the
-- number of shared dedup keys (else HOT_KEYS, else 200).
-- done() prints one machine-readable RESULT line: requests, requests/s, p50/p90/p99/max in
-- ms, non2xx (answers >= 400, as wrk counts them) and socket errors (bench/lib/result.lua).

local result = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/result.lua")

local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

local key, run, hot
local counter = 0
local severities = { "critical", "error", "warning", "info" }

function init(args)
  key = args[1] or os.getenv("ROUTING_KEY")
  if key == nil or key == "" then
    error("no routing key: pass it after -- or set ROUTING_KEY")
  end
  run = args[2] or "run"
  hot = tonumber(args[3] or os.getenv("HOT_KEYS") or "200")
  wrk.method = "POST"
  wrk.path = "/integrations/pagerduty/v2/enqueue"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function request()
  counter = counter + 1
  local dedup, summary
  if counter % 2 == 0 then
    -- shared key: thread and counter spread over the whole set
    local n = ((id or 0) * 7919 + math.floor(counter / 2)) % hot
    dedup = string.format("hot-%03d", n)
    summary = string.format("Disk almost full on db-%03d", n)
  else
    dedup = string.format("new-%s-%d-%d", run, id or 0, counter)
    summary = string.format("Error rate above 5 %% on checkout (%s/%d/%d)", run, id or 0, counter)
  end
  local severity = severities[(counter % #severities) + 1]
  local body = string.format(
    '{"routing_key":"%s","event_action":"trigger","dedup_key":"%s",' ..
    '"payload":{"summary":"%s","source":"host-%d.example","severity":"%s",' ..
    '"component":"checkout","custom_details":{"value":"%d"}}}',
    key, dedup, summary, counter % 50, severity, counter)
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  result.write(summary, latency, { 50, 90, 99 })
end
