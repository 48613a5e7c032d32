#!/usr/bin/env bash
# Event ingestion benchmark, end to end, against a fresh PostgreSQL database:
#   1. (re)creates the database $DB_NAME,
#   2. starts `steward server` on it with the per-key event limit raised out of the way,
#   3. creates team, service (tier 2, no escalation policy: ingestion only) and integration key,
#   4. runs wrk with bench/events/pagerduty.lua against POST /integrations/pagerduty/v2/enqueue
#      (warm-up, then the measured run), half shared dedup keys, half new ones,
#   5. counts incidents and incident_events in the database against the accepted requests,
#   6. stops the server, starts Prometheus Alertmanager (foreground process of this script,
#      own config and storage, 127.0.0.1:$AM_PORT) and runs the same wrk load against its
#      POST /api/v2/alerts (bench/events/alertmanager.lua),
#   7. prints the figures and the ratio, stops everything and drops the database (also on failure).
#
# Run from the repository root:  bench/events/run.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/env.sh
. "$here/../env.sh"
PORT=${PORT:-18081}
AM_PORT=${AM_PORT:-19093}
DB_NAME=${DB_NAME:-steward_events_bench}
WRK=${WRK:-wrk}
ALERTMANAGER=${ALERTMANAGER:-prometheus-alertmanager}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
WRK_DURATION=${WRK_DURATION:-30s}
WRK_WARMUP=${WRK_WARMUP:-10s}     # unmeasured run before the measured one; 0 to skip
HOT_KEYS=${HOT_KEYS:-200}
SKIP_ALERTMANAGER=${SKIP_ALERTMANAGER:-0}
ANALYZE=${ANALYZE:-1}              # 1: ANALYZE the database after the warm-up (as autovacuum would soon); 0: measure without statistics
STEWARD_PROPERTIES=${STEWARD_PROPERTIES:-}  # more Spring properties for the server, space-separated name=value
KEEP_LOGS=${KEEP_LOGS:-0}

work="$(mktemp -d -t steward-events-bench.XXXXXX)"
# shellcheck source=bench/events/lib.sh
. "$here/lib.sh"
am_pid=""
ok=0

stop_alertmanager() {
  if [ -n "$am_pid" ] && kill -0 "$am_pid" 2>/dev/null; then
    kill -TERM "$am_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$am_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$am_pid" 2>/dev/null || true
    wait "$am_pid" 2>/dev/null || true
  fi
  am_pid=""
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [ -n "$server_pid" ] && echo "Stopping the server (pid $server_pid)…" >&2
  stop_server
  [ -n "$am_pid" ] && echo "Stopping Alertmanager (pid $am_pid)…" >&2
  stop_alertmanager
  drop_database
  [ "$ok" = 1 ] || echo "FAILED (status $status)" >&2
  report_and_tidy "$work/server.log"
  exit "$status"
}
# shellcheck source=bench/common.sh
. "$here/../common.sh"

command -v "$WRK" >/dev/null || die "wrk not found (set WRK)"
command -v psql >/dev/null || die "psql not found"
[ "$SKIP_ALERTMANAGER" = 1 ] || command -v "$ALERTMANAGER" >/dev/null || die "$ALERTMANAGER not found (set ALERTMANAGER or SKIP_ALERTMANAGER=1)"
require_launcher_and_free_port
if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$AM_PORT/"; then
  die "something already answers on 127.0.0.1:$AM_PORT (set AM_PORT)"
fi
echo "== Load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"

fresh_database
# shellcheck disable=SC2086
start_server "$work/server.log" steward.incidents.events-per-minute-per-key=1000000000 $STEWARD_PROPERTIES
setup_service ""

# run_wrk SCRIPT LABEL URL ARGS…: warm-up (unmeasured), then the measured run
run_wrk() {
  local script=$1 label=$2 url=$3; shift 3
  if [ "$WRK_WARMUP" != 0 ]; then
    echo "   warm-up $WRK_WARMUP"
    timeout 300 "$WRK" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_WARMUP" --timeout 10s \
      -s "$here/$script" "$url" -- "$@" warmup "$HOT_KEYS" >"$work/wrk-$label-warmup.txt"
    grep '^RESULT' "$work/wrk-$label-warmup.txt" | sed 's/^/   warm-up /'
  fi
  if [ "$label" = steward ] && [ "$ANALYZE" = 1 ]; then
    echo "   ANALYZE (the tables were never analyzed: without statistics the planner may look the"
    echo "   open incident up through incidents_by_service and read every incident of the service)"
    psql_bench -c analyze
  fi
  local before t0 sampler=""
  [ "$label" != steward ] || psql_bench -c "select pg_stat_reset()" >/dev/null
  before=$(cpu_snapshot); t0=$(now)
  if [ "${WAIT_SAMPLES:-0}" = 1 ]; then wait_sampler "$work/waits.txt" & sampler=$!; fi
  timeout 600 "$WRK" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --timeout 10s --latency \
    -s "$here/$script" "$url" -- "$@" measured "$HOT_KEYS" | tee "$work/wrk-$label.txt"
  [ -z "$sampler" ] || { kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true; }
  steward_cpu=$(cpu_report "$before" "$(cpu_snapshot)" "$(elapsed "$t0" "$(now)")")
  grep -q '^RESULT' "$work/wrk-$label.txt" || die "wrk printed no RESULT line for $label"
}

echo "== wrk: Steward POST /integrations/pagerduty/v2/enqueue (-t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION, $HOT_KEYS shared dedup keys)"
WAIT_SAMPLES=1 run_wrk pagerduty.lua steward "http://127.0.0.1:$PORT" "$routing_key"
steward=$(grep '^RESULT' "$work/wrk-steward.txt")
echo "   CPU during the measured run: $steward_cpu"
echo "   PostgreSQL backends of $DB_NAME during the measured run (samples every 0.2 s: state, wait event):"
sort "$work/waits.txt" | uniq -c | sort -rn | head -12 | sed 's/^/     /'

warm_requests=0
[ "$WRK_WARMUP" = 0 ] || warm_requests=$(field "$(grep '^RESULT' "$work/wrk-steward-warmup.txt")" requests)
sleep 2   # requests still in flight when wrk stopped
counts=$(psql_bench -At -F ' ' -c "select
  (select count(*) from incidents),
  (select count(*) from incidents where dedup_key like 'hot-%'),
  (select count(*) from incidents where dedup_key like 'new-%'),
  (select count(*) from incident_events),
  (select coalesce(sum(alert_count), 0) from incidents),
  pg_size_pretty(pg_database_size(current_database()))" 2>&1) || counts="(query failed: $counts)"
echo "   index use on incidents during the measured run (scans, tuples read):"
psql_bench -At -F ' ' -c "select indexrelname, idx_scan, idx_tup_read from pg_stat_user_indexes where relname = 'incidents'" | sed 's/^/     /'
echo "   database: incidents hot_incidents new_incidents incident_events sum_alert_count size = $counts"
stop_server

am=""
if [ "$SKIP_ALERTMANAGER" != 1 ]; then
  mkdir -p "$work/alertmanager"
  cat >"$work/alertmanager/alertmanager.yml" <<'EOF'
route:
  receiver: blackhole
  group_by: ['alertname']
receivers:
  - name: blackhole
EOF
  echo "== Starting Alertmanager on 127.0.0.1:$AM_PORT ($("$ALERTMANAGER" --version 2>&1 | head -1))"
  "$ALERTMANAGER" --config.file="$work/alertmanager/alertmanager.yml" \
    --storage.path="$work/alertmanager/data" --web.listen-address="127.0.0.1:$AM_PORT" \
    --cluster.listen-address="" --log.level=warn >"$work/alertmanager.log" 2>&1 &
  am_pid=$!
  for _ in $(seq 1 60); do
    curl -sf --max-time 1 "http://127.0.0.1:$AM_PORT/-/ready" >/dev/null 2>&1 && break
    kill -0 "$am_pid" 2>/dev/null || die "Alertmanager exited during start: $(tail -5 "$work/alertmanager.log")"
    sleep 0.5
  done
  curl -sf --max-time 1 "http://127.0.0.1:$AM_PORT/-/ready" >/dev/null || die "Alertmanager not ready"
  echo "== wrk: Alertmanager POST /api/v2/alerts (-t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION, $HOT_KEYS shared label sets)"
  watched_pid=$am_pid run_wrk alertmanager.lua alertmanager "http://127.0.0.1:$AM_PORT"
  am=$(grep '^RESULT' "$work/wrk-alertmanager.txt")
  echo "   CPU during the measured run: $steward_cpu"
  stop_alertmanager
fi

echo
echo "== Figures (load now: $(cut -d' ' -f1-3 /proc/loadavg))"
measured=$(field "$steward" requests)
printf '   steward      %s req/s, p50 %s ms, p90 %s ms, p99 %s ms (target >= 5000/s, p99 < 50 ms), max %s ms, non2xx %s, socket errors %s, requests %s\n' \
  "$(field "$steward" rps)" "$(field "$steward" p50_ms)" "$(field "$steward" p90_ms)" "$(field "$steward" p99_ms)" \
  "$(field "$steward" max_ms)" "$(field "$steward" non2xx)" "$(field "$steward" socket_errors)" "$measured"
echo "   steward      answered by wrk (warm-up + measured): $((warm_requests + measured)); stored events: $(cut -d' ' -f4 <<<"$counts")"
if [ -n "$am" ]; then
  printf '   alertmanager %s req/s, p50 %s ms, p90 %s ms, p99 %s ms, max %s ms, non2xx %s, socket errors %s\n' \
    "$(field "$am" rps)" "$(field "$am" p50_ms)" "$(field "$am" p90_ms)" "$(field "$am" p99_ms)" \
    "$(field "$am" max_ms)" "$(field "$am" non2xx)" "$(field "$am" socket_errors)"
  echo "   ratio steward/alertmanager: $(awk -v a="$(field "$steward" rps)" -v b="$(field "$am" rps)" 'BEGIN { printf "%.3f", a / b }')"
fi
ok=1
