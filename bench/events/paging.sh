#!/usr/bin/env bash
# Paging latency benchmark: time from a trigger event sent to Steward until the email about
# its new incident is accepted by the SMTP server, at $RATE new incidents a second.
# For each polling interval in $INTERVALS (default: PT0.25S, the default, and PT0.1S):
#   1. (re)creates the database $DB_NAME,
#   2. starts `steward server` on it with spring.mail.host=127.0.0.1, spring.mail.port=$SMTP_PORT,
#      steward.timers.polling-interval=<interval>, the per-key event limit raised and the mail
#      health check off (the SMTP sink only listens while PagingLatency runs, and with the
#      check /actuator/health would stay DOWN until then),
#   3. creates team, user (no notification rules: email at once), escalation policy (level 1 →
#      the user), service (tier 2) naming the policy, and an integration key,
#   4. runs bench/events/PagingLatency.java: its own SMTP sink on $SMTP_PORT, $RATE events/s
#      for $SECONDS s to POST /api/v1/events (critical → high urgency), waits for the emails,
#   5. stops the server and drops the database (also on failure).
#
# Run from the repository root:  bench/events/paging.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/env.sh
. "$here/../env.sh"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PORT=${PORT:-18082}
SMTP_PORT=${SMTP_PORT:-18025}
DB_NAME=${DB_NAME:-steward_paging_bench}
RATE=${RATE:-100}
SECONDS_=${DURATION:-30}
WARMUP=${WARMUP:-20}                # seconds of events at $RATE before the measured ones (not measured; 5 s leave a cold-start backlog in the first 10 s)
DRAIN=${DRAIN:-60}                  # seconds to wait for the last emails
INTERVALS=${INTERVALS:-PT0.25S PT0.1S}
STEWARD_PROPERTIES=${STEWARD_PROPERTIES:-}  # more Spring properties, space-separated name=value
KEEP_LOGS=${KEEP_LOGS:-0}

work="$(mktemp -d -t steward-paging-bench.XXXXXX)"
# shellcheck source=bench/events/lib.sh
. "$here/lib.sh"
ok=0
log=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  cleanup_run "$status" "$log"
  exit "$status"
}
# shellcheck source=bench/common.sh
. "$here/../common.sh"

command -v psql >/dev/null || die "psql not found"
require_launcher_and_free_port
echo "== Load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"

results=""
for interval in $INTERVALS; do
  log="$work/server-$interval.log"
  fresh_database
  # shellcheck disable=SC2086
  start_server "$log" spring.mail.host=127.0.0.1 "spring.mail.port=$SMTP_PORT" \
    "steward.timers.polling-interval=$interval" steward.incidents.events-per-minute-per-key=1000000000 \
    management.health.mail.enabled=false \
    $STEWARD_PROPERTIES
  setup_service bench-oncall
  echo "== Paging latency, polling interval $interval: $RATE events/s for $WARMUP s (warm-up) + $SECONDS_ s"
  status=0
  timeout $((WARMUP + SECONDS_ + DRAIN + 120)) "$JAVA" "$here/PagingLatency.java" --url "http://127.0.0.1:$PORT" \
    --routing-key "$routing_key" --smtp-port "$SMTP_PORT" --rate "$RATE" --seconds "$SECONDS_" --warmup-seconds "$WARMUP" \
    --drain-seconds "$DRAIN" --label "$interval" | tee "$work/paging-$interval.txt" || status=$?
  counts=$(psql_bench -At -F ' ' -c "select (select count(*) from incidents),
    (select count(*) from notification_deliveries),
    (select count(*) from notification_deliveries where status = 'sent')") || counts="?"
  echo "   database: incidents deliveries sent = $counts"
  grep -q '^RESULT' "$work/paging-$interval.txt" || die "PagingLatency printed no RESULT line"
  results="$results$(grep '^RESULT' "$work/paging-$interval.txt") polling=$interval"$'\n'
  stop_server
  drop_database
  [ "$status" = 0 ] || die "PagingLatency failed (status $status) at polling interval $interval"
done

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
echo
echo "== Figures (load now: $(cut -d' ' -f1-3 /proc/loadavg))"
while IFS= read -r r; do
  [ -n "$r" ] || continue
  printf '   polling %-6s event sent → email accepted: p50 %s ms, p90 %s ms, p99 %s ms (target < 1000 ms), max %s ms; %s of %s emails, %s missing, %s duplicates\n' \
    "$(field "$r" polling)" "$(field "$r" p50_ms)" "$(field "$r" p90_ms)" "$(field "$r" p99_ms)" "$(field "$r" max_ms)" \
    "$(field "$r" emails)" "$(field "$r" accepted)" "$(field "$r" missing)" "$(field "$r" duplicates)"
done <<<"$results"
ok=1
