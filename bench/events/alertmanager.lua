-- wrk script: the same alerts as bench/events/pagerduty.lua, posted to Prometheus
-- Alertmanager's POST /api/v2/alerts (a JSON array with one alert per request). Half the
-- alerts reuse one of a small fixed set of label sets (Alertmanager merges them into the
-- alert it already holds), half have a label set used once (a new alert).
--
--   wrk -t2 -c32 -d30s --latency -s bench/events/alertmanager.lua http://127.0.0.1:PORT -- RUN [HOT]
--
-- Arguments after "--": a run label (else "run") and the number of shared label sets (else
-- HOT_KEYS, else 200). done() prints the same RESULT line as pagerduty.lua.

local result = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/result.lua")

local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

local run, hot
local counter = 0
local severities = { "critical", "error", "warning", "info" }

function init(args)
  run = args[1] or "run"
  hot = tonumber(args[2] or os.getenv("HOT_KEYS") or "200")
  wrk.method = "POST"
  wrk.path = "/api/v2/alerts"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function request()
  counter = counter + 1
  local name, summary
  if counter % 2 == 0 then
    local n = ((id or 0) * 7919 + math.floor(counter / 2)) % hot
    name = string.format("hot-%03d", n)
    summary = string.format("Disk almost full on db-%03d", n)
  else
    name = string.format("new-%s-%d-%d", run, id or 0, counter)
    summary = string.format("Error rate above 5 %% on checkout (%s/%d/%d)", run, id or 0, counter)
  end
  local severity = severities[(counter % #severities) + 1]
  -- the severity of a shared label set must not change, or it would be another alert
  if counter % 2 == 0 then
    severity = "error"
  end
  local body = string.format(
    '[{"labels":{"alertname":"%s","severity":"%s","instance":"host-%d.example","component":"checkout"},' ..
    '"annotations":{"summary":"%s","value":"%d"},"startsAt":"%s",' ..
    '"generatorURL":"http://prometheus.example:9090/graph?g0.expr=up"}]',
    name, severity, (counter % 2 == 0) and 0 or (counter % 50), summary, counter,
    os.date("!%Y-%m-%dT%H:%M:%SZ"))
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  result.write(summary, latency, { 50, 90, 99 })
end
