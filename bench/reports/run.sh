#!/usr/bin/env bash
# Reports benchmark, end to end, against a fresh PostgreSQL database:
#   1. (re)creates the database $DB_NAME and starts `steward server` on it,
#   2. loads the foundation dataset of bench/catalog (1,000 teams, 10,000 services, 50,000
#      dependencies) through the API (bench/lib/catalog.sh),
#   3. creates the environments staging and production through the API, then seeds $DAYS
#      days of activity in SQL (bench/reports/seed.sql: incidents with timeline,
#      postmortems and notification deliveries, deployments with history, change requests),
#      and runs VACUUM ANALYZE,
#   4. times $RUNS requests each of the organization report (JSON and CSV), a team report
#      and a service report (curl, one at a time), checks their answers against the
#      database, and prints the first and median times with a RESULT line per report,
#   5. stops the server and drops the database (also on failure).
#
# Run from the repository root:  bench/reports/run.sh
# Every setting below can be overridden from the environment.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/env.sh
. "$here/../env.sh"
PORT=${PORT:-18085}
DB_NAME=${DB_NAME:-steward_reports_bench}
INCIDENTS=${INCIDENTS:-50000}
DEPLOYMENTS=${DEPLOYMENTS:-20000}     # to production; half as many again to staging
CHANGES=${CHANGES:-6000}
USERS=${USERS:-200}
DAYS=${DAYS:-30}
RUNS=${RUNS:-5}                       # timed requests per report
TARGET_S=${TARGET_S:-2}               # the organization report's target
REQUEST_TIMEOUT=${REQUEST_TIMEOUT:-120}
KEEP_LOGS=${KEEP_LOGS:-0}             # 1 keeps the work directory (server log, answers)

work="$(mktemp -d -t steward-reports-bench.XXXXXX)"
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

command -v psql >/dev/null || die "psql not found"
command -v jq >/dev/null || die "jq not found"
require_launcher_and_free_port
echo "== Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

fresh_database
start_server "$work/server.log"
load_catalog "$work/loader.txt"

echo "== Environments, then $DAYS days of activity in SQL ($INCIDENTS incidents, $DEPLOYMENTS production deployments, $CHANGES changes)"
api POST /api/v1/environments '{"name":"staging","kind":"non-production","order":1}' >/dev/null
api POST /api/v1/environments '{"name":"production","kind":"production","order":2}' >/dev/null
t0=$(now)
psql_bench -o /dev/null -v incidents="$INCIDENTS" -v deployments="$DEPLOYMENTS" -v changes="$CHANGES" -v users="$USERS" \
  -v days="$DAYS" -f "$here/seed.sql"
psql_bench -c "vacuum analyze"
echo "   seeded and analyzed in $(elapsed "$t0" "$(now)") s"
psql_bench -At -F ' ' -c "select 'incidents', count(*)::text from incidents union all
  select 'incident_timeline', count(*)::text from incident_timeline union all
  select 'postmortems', count(*)::text from postmortems union all
  select 'notification_deliveries', count(*)::text from notification_deliveries union all
  select 'deployments', count(*)::text from deployments union all
  select 'deployment_history', count(*)::text from deployment_history union all
  select 'change_requests', count(*)::text from change_requests union all
  select 'database size', pg_size_pretty(pg_database_size(current_database()))" | sed 's/^/   /'

# The period of every report: the $DAYS days up to the end of the seeding, the same for all
# runs (so each run computes the same report and the answers can be checked exactly).
until_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
since_at=$(date -u -d "$until_at - $DAYS days" +%Y-%m-%dT%H:%M:%SZ)
period="since=$since_at&until=$until_at"
read -r busy_team busy_service <<<"$(psql_bench -At -F ' ' -c "select s.owner, s.name from incidents i
  join services s on s.name = i.service group by s.owner, s.name order by count(*) desc, s.name limit 1")"
echo "   period $since_at … $until_at; team report of $busy_team, service report of $busy_service (most incidents)"

# timed NAME PATH ACCEPT: $RUNS requests, one at a time; every answer must be 200. Leaves the
# last answer in $work/NAME.out and prints "first median max" in seconds.
timed() {
  local name=$1 path=$2 accept=$3 i line times=()
  for i in $(seq 1 "$RUNS"); do
    line=$(curl -s --max-time "$REQUEST_TIMEOUT" -o "$work/$name.out" -w '%{http_code} %{time_total}' \
      -H "Authorization: Bearer $token" -H "Accept: $accept" "http://127.0.0.1:$PORT$path") \
      || die "$name: curl failed (run $i)"
    [ "${line%% *}" = 200 ] || die "$name answered ${line%% *}: $(head -c 500 "$work/$name.out")"
    times+=("${line#* }")
  done
  printf '%s\n' "${times[@]}" | awk -v first="${times[0]}" '{ t[NR] = $1 }
    END { n = asort(t); m = n % 2 ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2; printf "%s %.3f %.3f\n", first, m, t[n] }'
}

# server_seconds URI: the server's own total seconds and count of requests to URI so far
server_seconds() {
  curl -s "http://127.0.0.1:$PORT/actuator/prometheus" | awk -v uri="$1" '
    /^http_server_requests_seconds_(sum|count)\{/ && index($0, "uri=\"" uri "\"") && /status="200"/ {
      if ($0 ~ /_sum\{/) sum += $NF; else count += $NF }
    END { printf "%.6f %d\n", sum, count }'
}

declare -A figures
report() {
  local name=$1 path=$2 accept=$3 uri=$4 before after
  before=$(server_seconds "$uri")
  figures[$name]=$(timed "$name" "$path" "$accept")
  after=$(server_seconds "$uri")
  local server_mean
  server_mean=$(awk -v a="$before" -v b="$after" 'BEGIN { split(a, x, " "); split(b, y, " ");
    if (y[2] > x[2]) printf "%.3f", (y[1] - x[1]) / (y[2] - x[2]); else printf "n/a" }')
  read -r first median max <<<"${figures[$name]}"
  echo "RESULT report=$name runs=$RUNS first_s=$first median_s=$median max_s=$max server_mean_s=$server_mean bytes=$(wc -c <"$work/$name.out")"
}

echo "== Timing ($RUNS requests each, one at a time)"
report organization "/api/v1/reports/organization?$period" application/json /api/v1/reports/organization
report organization-csv "/api/v1/reports/organization?$period" text/csv /api/v1/reports/organization
report team "/api/v1/reports/teams/$busy_team?$period" application/json '/api/v1/reports/teams/{team}'
report service "/api/v1/reports/services/$busy_service?$period" application/json '/api/v1/reports/services/{service}'

echo "== Checking the answers against the database"
expected=$(psql_bench -At -F ' ' -c "select (select count(*) from services),
  (select count(*) from incidents where created_at >= '$since_at' and created_at < '$until_at'),
  (select count(*) from incidents where service = '$busy_service' and created_at >= '$since_at' and created_at < '$until_at')")
read -r want_services want_incidents want_service_incidents <<<"$expected"
got=$(jq -r '"\(.total.services) \(.total.incidents.total) \(.total.dora.deployments) \(.weeks | length)"' "$work/organization.out")
read -r got_services got_incidents got_deployments got_weeks <<<"$got"
[ "$got_services" = "$want_services" ] || die "organization report: $got_services services, expected $want_services"
[ "$got_incidents" = "$want_incidents" ] || die "organization report: $got_incidents incidents, expected $want_incidents"
csv_rows=$(($(wc -l <"$work/organization-csv.out") - 1))
[ "$csv_rows" = "$want_services" ] || die "organization CSV: $csv_rows rows, expected $want_services"
got_service_incidents=$(jq -r '.incidents.total' "$work/service.out")
[ "$got_service_incidents" = "$want_service_incidents" ] \
  || die "service report: $got_service_incidents incidents, expected $want_service_incidents"
echo "   organization: $got_services services, $got_incidents incidents, $got_deployments production deployments, $got_weeks weeks;" \
  "CSV $csv_rows rows; $busy_service: $got_service_incidents incidents"
jq -c '{total: .total | {incidents, dora}}' "$work/organization.out" | sed 's/^/   /'

echo
echo "== Figures"
for name in organization organization-csv team service; do
  read -r first median max <<<"${figures[$name]}"
  printf '   %-17s first %s s, median %s s, max %s s\n' "$name" "$first" "$median" "$max"
done
read -r _ org_median _ <<<"${figures[organization]}"
read -r _ csv_median _ <<<"${figures[organization-csv]}"
verdict=$(awk -v a="$org_median" -v b="$csv_median" -v t="$TARGET_S" 'BEGIN { print (a < t && b < t) ? "met" : "missed" }')
echo "   target: organization report (JSON and CSV) median < $TARGET_S s: $verdict"
ok=1
