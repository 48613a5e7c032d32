#!/usr/bin/env bash
# Startup benchmark: starts `steward server --demo` on a fresh data directory (embedded H2)
# $RUNS times and measures, per run:
#   - the wall time from launching the launcher until /actuator/health answers UP,
#   - the wall time until the demo organization is loaded (the CLI prints
#     "Steward is running at …" only after all startup runners, the demo loader included),
#   - Spring Boot's own "Started Steward in X seconds" (context refresh; excludes the runners),
#   - heap used after a forced full GC (jcmd GC.run, then jcmd GC.heap_info), and the RSS.
# Then prints each run and the medians.
#
# Run from the repository root:  bench/startup/run.sh
# Settings (environment): STEWARD (launcher, default ./steward), JAVA_HOME (default Temurin 25),
# PORT (default 18090), RUNS (default 3), START_TIMEOUT (seconds per run, default 120),
# STEWARD_JAVA_OPTS (passed on by the launcher to the JVM, e.g. -Xmx512m).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# shellcheck source=bench/env.sh
. "$here/../env.sh"
JCMD=${JCMD:-$JAVA_HOME/bin/jcmd}
PORT=${PORT:-18090}
RUNS=${RUNS:-3}
START_TIMEOUT=${START_TIMEOUT:-120}

work="$(mktemp -d -t steward-startup-bench.XXXXXX)"
server_pid=""
ok=0


cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_server
  if [ "$ok" != 1 ]; then
    echo "FAILED (status $status); logs kept in $work" >&2
    for log in "$work"/run-*/server.log; do
      [ -f "$log" ] && { echo "--- $log" >&2; tail -n 30 "$log" >&2; }
    done
  else
    rm -rf "$work"
  fi
  exit "$status"
}
# shellcheck source=bench/common.sh
. "$here/../common.sh"
now_ms() { local t=${EPOCHREALTIME/./}; echo $(( t / 1000 )); }  # no fork
secs() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

[ -x "$JCMD" ] || die "jcmd not found at $JCMD (set JAVA_HOME or JCMD)"
require_launcher_and_free_port

# Not timed: lets the launcher build the jar if it is stale, and warms the file cache.
"$STEWARD" --version >/dev/null

printf '%-6s %9s %9s %10s %9s %13s %12s %7s\n' run health_s demo_s started_s jvm_s heap_used_mb heap_cmt_mb rss_mb
for run in $(seq 1 "$RUNS"); do
  dir="$work/run-$run"
  mkdir -p "$dir"
  t0=$(now_ms)
  SERVER_ADDRESS=127.0.0.1 setsid "$STEWARD" server --port "$PORT" --data-dir "$dir/data" --demo \
    >"$dir/server.log" 2>&1 &
  server_pid=$!
  health_ms="" ready_ms=""
  deadline=$(( t0 + START_TIMEOUT * 1000 ))
  while [ -z "$health_ms" ] || [ -z "$ready_ms" ]; do
    kill -0 "$server_pid" 2>/dev/null || die "run $run: the server exited during start"
    [ "$(now_ms)" -lt "$deadline" ] || die "run $run: not started after $START_TIMEOUT s"
    if [ -z "$health_ms" ] && curl -sf --max-time 1 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null \
        | grep -q '"status":"UP"'; then
      health_ms=$(( $(now_ms) - t0 ))
    fi
    if [ -z "$ready_ms" ] && grep -q '^Steward is running at' "$dir/server.log"; then
      ready_ms=$(( $(now_ms) - t0 ))
    fi
    sleep 0.1
  done
  grep -q 'Loaded the demo organization' "$dir/server.log" || die "run $run: the demo organization was not loaded"
  started=$(sed -n 's/.*Started Steward in \([0-9.]*\) seconds.*/\1/p' "$dir/server.log" | head -n 1)
  [ -n "$started" ] || die "run $run: no 'Started Steward in' line in the log"
  jvm=$(sed -n 's/.*Started Steward in [0-9.]* seconds (process running for \([0-9.]*\)).*/\1/p' "$dir/server.log" | head -n 1)

  "$JCMD" "$server_pid" GC.run >/dev/null
  "$JCMD" "$server_pid" GC.heap_info >"$dir/heap.txt"
  # G1: " garbage-first heap   total reserved 6291456K, committed 262144K, used 41234K [0x…"
  heap_used_kb=$(grep -m1 -i 'heap' "$dir/heap.txt" | sed -n 's/.*used \([0-9]*\)K.*/\1/p')
  heap_committed_kb=$(grep -m1 -i 'heap' "$dir/heap.txt" | sed -n 's/.*committed \([0-9]*\)K.*/\1/p')
  [ -n "$heap_used_kb" ] || { cat "$dir/heap.txt" >&2; die "run $run: cannot read the heap figures"; }
  rss_kb=$(ps -o rss= -p "$server_pid" | tr -d ' ')
  stop_server

  ready_s=$(secs "$ready_ms")
  health_s=$(secs "$health_ms")
  used_mb=$(awk -v k="$heap_used_kb" 'BEGIN { printf "%.1f", k / 1024 }')
  committed_mb=$(awk -v k="${heap_committed_kb:-0}" 'BEGIN { printf "%.1f", k / 1024 }')
  rss_mb=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
  printf '%-6s %9s %9s %10s %9s %13s %12s %7s\n' "$run" "$health_s" "$ready_s" "$started" "${jvm:-?}" "$used_mb" \
    "$committed_mb" "$rss_mb"
  echo "$health_s $ready_s $started ${jvm:-0} $used_mb $committed_mb $rss_mb" >>"$work/figures.txt"
done

col() { awk -v c="$1" '{ print $c }' "$work/figures.txt" | median; }
printf '%-6s %9s %9s %10s %9s %13s %12s %7s\n' median "$(col 1)" "$(col 2)" "$(col 3)" "$(col 4)" "$(col 5)" "$(col 6)" \
  "$(col 7)"
echo
echo "health_s: launch → /actuator/health UP; demo_s: launch → demo organization loaded and"
echo "\"Steward is running\" printed (target < 10 s); started_s: Spring's 'Started Steward in' (context refresh);"
echo "jvm_s: JVM uptime at that line ('process running for');"
echo "heap_used_mb: heap used after a forced GC (target < 512 MB); heap_cmt_mb: committed heap; rss_mb: process RSS."
ok=1
