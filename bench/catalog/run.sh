#!/usr/bin/env bash
# Catalog load benchmark, end to end, against a fresh PostgreSQL database:
#   1. (re)creates the database $DB_NAME,
#   2. starts `steward server` on it (bootstrap token from STEWARD_BOOTSTRAP_TOKEN, temp data dir),
#   3. loads $TEAMS teams, $SERVICES services and $DEPENDENCIES dependencies through the API
#      (bench/catalog/CatalogLoader.java) and times it,
#   4. runs wrk against the service list and the service search (bench/catalog/api.lua),
#   5. prints the figures, stops the server and drops the database (also on failure).
#
# Run from the repository root:  bench/catalog/run.sh
# Every setting below can be overridden from the environment.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/env.sh
. "$here/../env.sh"
PORT=${PORT:-18080}
DB_NAME=${DB_NAME:-steward_bench}
WRK=${WRK:-wrk}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-16}
WRK_DURATION=${WRK_DURATION:-20s}
WRK_WARMUP=${WRK_WARMUP:-5s}          # unmeasured run before each measured one (JIT warm-up); 0 to skip
WRK_SERIAL_DURATION=${WRK_SERIAL_DURATION:-10s}  # extra run with 1 connection (latency without queueing); 0 to skip
KEEP_LOGS=${KEEP_LOGS:-0}             # 1 keeps the work directory (server log, outputs)

work="$(mktemp -d -t steward-catalog-bench.XXXXXX)"
# shellcheck source=bench/lib/server.sh
. "$here/../lib/server.sh"
# shellcheck source=bench/lib/catalog.sh
. "$here/../lib/catalog.sh"
ok=0

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  cleanup_run "$status" "$work/server.log"
  exit "$status"
}
# shellcheck source=bench/common.sh
. "$here/../common.sh"

command -v "$WRK" >/dev/null || die "wrk not found (set WRK)"
command -v psql >/dev/null || die "psql not found"
require_launcher_and_free_port

fresh_database
start_server "$work/server.log"
echo "   $(grep -o 'Started Steward in [0-9.]* seconds' "$work/server.log" || true)"

load_catalog "$work/loader.txt"

rows=$(psql_bench -At -F ' ' -c "select (select count(*) from teams), (select count(*) from services),
  (select count(*) from dependencies), (select count(*) from audit_entries),
  pg_size_pretty(pg_database_size(current_database()))")
echo "   database now: teams services dependencies audit_entries size = $rows"

run_wrk() {
  local mode=$1 label=$2 threads=$3 connections=$4 duration=$5
  if [ "$WRK_WARMUP" != 0 ]; then
    STEWARD_TOKEN="$token" BENCH_TEAMS="$TEAMS" timeout 120 "$WRK" -t"$threads" -c"$connections" \
      -d"$WRK_WARMUP" --timeout 10s -s "$here/api.lua" "http://127.0.0.1:$PORT" -- "$mode" >/dev/null
  fi
  STEWARD_TOKEN="$token" BENCH_TEAMS="$TEAMS" timeout 600 "$WRK" -t"$threads" -c"$connections" \
    -d"$duration" --timeout 10s --latency -s "$here/api.lua" "http://127.0.0.1:$PORT" -- "$mode" \
    | tee "$work/wrk-$label.txt"
  local result
  result=$(grep '^RESULT' "$work/wrk-$label.txt") || die "wrk printed no RESULT line for $label"
  case "$result" in
    *" non2xx=0 socket_errors=0") ;;
    *) die "wrk $label saw failed requests: $result" ;;
  esac
}

labels=""
for mode in list search; do
  echo "== wrk: service $mode (-t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION, warm-up $WRK_WARMUP)"
  run_wrk "$mode" "$mode" "$WRK_THREADS" "$WRK_CONNECTIONS" "$WRK_DURATION"
  labels="$labels $mode"
done
if [ "$WRK_SERIAL_DURATION" != 0 ]; then
  for mode in list search; do
    echo "== wrk: service $mode, one connection (-t1 -c1 -d$WRK_SERIAL_DURATION)"
    run_wrk "$mode" "$mode-c1" 1 1 "$WRK_SERIAL_DURATION"
    labels="$labels $mode-c1"
  done
fi

echo
echo "== Figures"
grep -E '^(teams|services|dependencies|TOTAL) ' "$work/loader.txt" | sed 's/^/   /'
echo "   loader wall time: $load_wall s (target < 60 s)"
for label in $labels; do
  r=$(grep '^RESULT' "$work/wrk-$label.txt")
  printf '   %-9s p50 %s ms, p95 %s ms (target < 50 ms), p99 %s ms, %s req/s\n' "$label" \
    "$(field "$r" p50_ms)" "$(field "$r" p95_ms)" "$(field "$r" p99_ms)" "$(field "$r" rps)"
done
ok=1
