-- wrk script for the service list and search endpoints of Steward.
--
--   STEWARD_TOKEN=T wrk -t2 -c16 -d20s -s bench/catalog/api.lua http://127.0.0.1:PORT -- list
--   STEWARD_TOKEN=T wrk -t2 -c16 -d20s -s bench/catalog/api.lua http://127.0.0.1:PORT -- search
--
-- Arguments after "--": mode ("list" or "search"), then optionally the token (else the
-- STEWARD_TOKEN environment variable) and the number of teams the loader created
-- (else BENCH_TEAMS, else 1000). Each thread cycles through a fixed set of paths:
--   list:   first page, owner-filtered pages, tier-filtered pages, later pages by cursor
--   search: q= with several words (common, rare, title-only, description-only, no hit)
-- done() prints one machine-readable RESULT line with p50/p95/p99 in ms and requests/s
-- (wrk's own --latency output has no p95; the line is made by bench/lib/result.lua).

local result = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/result.lua")

mode = "list" -- global, so done() can read it from a thread
local paths = {}
local counter = 0

local function build(kind, teams)
  local p = {}
  if kind == "list" then
    -- first page of everything
    table.insert(p, "/api/v1/services?limit=50")
    -- owner filter: 20 teams spread over all of them
    for i = 0, 19 do
      local team = string.format("team-%04d", (i * 53) % teams)
      table.insert(p, "/api/v1/services?limit=50&owner=" .. team)
    end
    -- tier filter
    for tier = 1, 4 do
      table.insert(p, "/api/v1/services?limit=50&tier=" .. tier)
    end
    -- later pages: cursors are base64url of the last name seen; these stand for
    -- "c", "i", "o", "t", so the pages start in the middle of the catalog
    for _, cursor in ipairs({ "Yw", "aQ", "bw", "dA" }) do
      table.insert(p, "/api/v1/services?limit=50&cursor=" .. cursor)
    end
  elseif kind == "search" then
    -- payments: in names, titles and descriptions; kafka: descriptions only (other case);
    -- resilient: titles only; reconciliation: descriptions; scheduler: names/titles;
    -- zzz-no-hit: matches nothing, so every row is scanned
    for _, q in ipairs({ "payments", "kafka", "resilient", "reconciliation", "scheduler", "zzz-no-hit" }) do
      table.insert(p, "/api/v1/services?limit=50&q=" .. q)
    end
    -- search combined with a filter
    table.insert(p, "/api/v1/services?limit=50&q=orders&tier=1")
  else
    error("mode must be 'list' or 'search', not '" .. tostring(kind) .. "'")
  end
  return p
end

local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  mode = args[1] or "list"
  local token = args[2] or os.getenv("STEWARD_TOKEN")
  if token == nil or token == "" then
    error("no token: pass it after the mode or set STEWARD_TOKEN")
  end
  local teams = tonumber(args[3] or os.getenv("BENCH_TEAMS") or "1000")
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Accept"] = "application/json"
  paths = build(mode, teams)
  -- threads start at different places in the cycle
  counter = (id or 0) * 7
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local m = mode
  if #threads > 0 then
    m = threads[1]:get("mode") or mode
  end
  result.write(summary, latency, { 50, 95, 99 }, m)
end
