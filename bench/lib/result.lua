-- Shared by the wrk scripts of the benchmarks: the one machine-readable RESULT line that
-- their done() prints and the run scripts read (bench/lib/server.sh `field`), the
-- numbering of threads for scripts that count per thread, and JSON POST requests.
--
-- wrk (4.x, LuaJIT) loads a script with -s by the path given, relative to the working
-- directory, and runs it in one Lua state per thread plus one for setup/done. A script
-- loads this file from its own directory, so it works from any working directory:
--
--   local result = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/result.lua")
--
--   function done(summary, latency, requests)
--     result.write(summary, latency, { 50, 90, 99 })          -- or result.write(…, "label")
--   end
--
-- prints
--
--   RESULT [label ]requests=N seconds=S rps=R p50_ms=… p90_ms=… p99_ms=… max_ms=… non2xx=N socket_errors=N
--
-- with one pNN_ms field per requested percentile (99.9 is written p999_ms), latencies in
-- milliseconds, non2xx = answers with status >= 400 (as wrk counts them) and socket errors
-- = connect + read + write errors and timeouts.

local M = {}

local function percentile_name(p)
  return "p" .. string.gsub(string.format("%g", p), "%.", "") .. "_ms"
end

function M.line(summary, latency, percentiles, label)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local parts = { "RESULT" }
  if label ~= nil and label ~= "" then
    table.insert(parts, label)
  end
  table.insert(parts, string.format("requests=%d seconds=%.1f rps=%.1f", summary.requests, seconds,
    summary.requests / seconds))
  for _, p in ipairs(percentiles or { 50, 90, 99 }) do
    table.insert(parts, string.format("%s=%.2f", percentile_name(p), latency:percentile(p) / 1000))
  end
  table.insert(parts, string.format("max_ms=%.2f non2xx=%d socket_errors=%d", latency.max / 1000, e.status,
    e.connect + e.read + e.write + e.timeout))
  return table.concat(parts, " ")
end

-- Numbers wrk's threads: defines the global setup() that gives each thread its 0-based
-- number as the global `id`, and answers the list of threads, for done() to read their
-- counters with thread:get(…).
function M.number_threads()
  local threads = {}
  setup = function(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
  end
  return threads
end

-- Makes every request of this thread a JSON POST to `path` (answers asked for as JSON).
function M.post_json(path)
  wrk.method = "POST"
  wrk.path = path
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
end

function M.write(summary, latency, percentiles, label)
  io.write(M.line(summary, latency, percentiles, label) .. "\n")
end

return M
