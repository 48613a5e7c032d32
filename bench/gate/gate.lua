-- wrk script: the deployment gate, GET /api/v1/gate?service=<s>&environment=<e>, each
-- request for a service drawn at random from a file of service names (one per line).
--
--   STEWARD_TOKEN=T wrk -t2 -c4 -d30s --latency -s bench/gate/gate.lua http://127.0.0.1:PORT -- SERVICES_FILE [ENVIRONMENT]
--
-- Arguments after "--": the file of service names (else GATE_SERVICES) and the environment
-- (else "production"). The token comes from STEWARD_TOKEN. No `at`: the gate answers for
-- the present instant, as a deployment pipeline asks it.
-- done() prints one machine-readable RESULT line (bench/lib/result.lua) with requests,
-- requests/s, p50/p90/p99/p99.9 (p999_ms)/max in ms, non2xx and socket errors.

local result = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/result.lua")

local thread_id = 0

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

local paths = {}

function init(args)
  local file = args[1] or os.getenv("GATE_SERVICES")
  if file == nil or file == "" then
    error("no services file: pass it after -- or set GATE_SERVICES")
  end
  local environment = args[2] or "production"
  local token = os.getenv("STEWARD_TOKEN")
  if token == nil or token == "" then
    error("no token: set STEWARD_TOKEN")
  end
  local f = assert(io.open(file, "r"))
  for name in f:lines() do
    if name ~= "" then
      -- service and environment names are slugs: nothing to escape
      table.insert(paths, "/api/v1/gate?service=" .. name .. "&environment=" .. environment)
    end
  end
  f:close()
  if #paths == 0 then
    error("no service names in " .. file)
  end
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Accept"] = "application/json"
  -- a different sequence per thread and run
  math.randomseed(os.time() * 1000 + (id or 0) * 7919)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  result.write(summary, latency, { 50, 90, 99, 99.9 })
end
