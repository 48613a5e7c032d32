#!/usr/bin/env bash
# Deployment gate benchmark, end to end, against a fresh PostgreSQL database:
#   1. (re)creates the database $DB_NAME and starts `steward server` on it (no demo),
#   2. creates the environments staging (order 50) and production (order 100), and through
#      one POST /api/v1/apply a team, $PRODUCTS products and $SERVICES services,
#   3. creates $WINDOWS deployment windows (POST /api/v1/windows, one curl process with
#      keep-alive): 20 company-wide, 10 per product, the rest per service; cron and one-off,
#      allow and deny, in several time zones; prints how many of each; then ANALYZE,
#   4. asks the gate once for every service (curl, one at a time) and counts open/closed,
#   5. runs wrk with bench/gate/gate.lua against GET /api/v1/gate?service=<random>&environment=production:
#      a warm-up, then one measured run per connection count in $CONNECTIONS (wrk is closed
#      loop: more connections, more load), with the CPU of server, PostgreSQL, wrk and machine,
#   6. prints the figures (a Markdown table), names the first run at >= $TARGET_RPS req/s and
#      its p99 against the target, stops the server and drops the database (also on failure).
#
# Run from the repository root:  bench/gate/run.sh
# Every setting below can be overridden from the environment.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/env.sh
. "$here/../env.sh"
PORT=${PORT:-18083}
DB_NAME=${DB_NAME:-steward_gate_bench}
PRODUCTS=${PRODUCTS:-10}            # at most 10
SERVICES=${SERVICES:-500}
WINDOWS=${WINDOWS:-1000}            # 20 company + 10 per product + the rest on services
ENVIRONMENT=${ENVIRONMENT:-production}  # the environment the gate is asked about
WRK=${WRK:-wrk}
WRK_THREADS=${WRK_THREADS:-2}       # at most; a run with fewer connections uses as many threads
CONNECTIONS=${CONNECTIONS:-1 2 4 8 16}
WRK_DURATION=${WRK_DURATION:-30s}   # each measured run
WRK_WARMUP=${WRK_WARMUP:-20s}       # unmeasured run before the measured ones (JIT warm-up); 0 to skip
WARMUP_CONNECTIONS=${WARMUP_CONNECTIONS:-4}
TARGET_RPS=${TARGET_RPS:-2000}
TARGET_P99_MS=${TARGET_P99_MS:-5}
STEWARD_PROPERTIES=${STEWARD_PROPERTIES:-}  # more Spring properties for the server, space-separated name=value
KEEP_LOGS=${KEEP_LOGS:-0}           # 1 keeps the work directory (server log, wrk outputs)

work="$(mktemp -d -t steward-gate-bench.XXXXXX)"
# shellcheck source=bench/lib/server.sh
. "$here/../lib/server.sh"
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
[ "$PRODUCTS" -ge 1 ] && [ "$PRODUCTS" -le 10 ] || die "PRODUCTS must be 1 to 10"
[ "$SERVICES" -ge "$PRODUCTS" ] || die "SERVICES must be at least PRODUCTS"
service_windows=$((WINDOWS - 20 - 10 * PRODUCTS))
[ "$service_windows" -ge 0 ] || die "WINDOWS must be at least $((20 + 10 * PRODUCTS))"
require_launcher_and_free_port
echo "== Load before the run: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"

fresh_database
# shellcheck disable=SC2086
start_server "$work/server.log" $STEWARD_PROPERTIES

# ---------------------------------------------------------------------------------------
# Catalog: environments, one team, products, services
# ---------------------------------------------------------------------------------------
zones=(Europe/Berlin America/New_York Asia/Tokyo Europe/London America/Los_Angeles
  Asia/Kolkata Australia/Sydney America/Sao_Paulo Asia/Singapore UTC)
all_products=(payments checkout search identity logistics messaging analytics billing support catalog)
products=("${all_products[@]:0:PRODUCTS}")
kinds=(api worker gateway scheduler db-proxy ledger notifier importer cache frontend)

echo "== Catalog: environments, team, $PRODUCTS products, $SERVICES services"
t0=$(now)
api POST /api/v1/environments '{"name":"staging","title":"Staging","kind":"non-production","order":50}' >/dev/null
api POST /api/v1/environments '{"name":"production","title":"Production","kind":"production","order":100}' >/dev/null
services=()
for ((i = 0; i < SERVICES; i++)); do
  services+=("$(printf '%s-%s-%02d' "${products[i % PRODUCTS]}" "${kinds[(i / PRODUCTS) % 10]}" $((i / (PRODUCTS * 10))))")
done
printf '%s\n' "${services[@]}" >"$work/services.txt"
{
  printf '{"documents":['
  printf '{"apiVersion":"steward.dev/v1","kind":"Team","metadata":{"name":"bench-team"},"spec":{"title":"Bench team","kind":"stream"}}'
  for p in "${products[@]}"; do
    printf ',{"apiVersion":"steward.dev/v1","kind":"Product","metadata":{"name":"%s"},"spec":{"title":"%s"}}' "$p" "${p^}"
  done
  for ((i = 0; i < SERVICES; i++)); do
    printf ',{"apiVersion":"steward.dev/v1","kind":"Service","metadata":{"name":"%s"},"spec":{"title":"%s","owner":"bench-team","tier":%d,"lifecycle":"production","product":"%s"}}' \
      "${services[i]}" "${services[i]}" $((i % 4 + 1)) "${products[i % PRODUCTS]}"
  done
  printf '],"dryRun":false}'
} >"$work/apply.json"
summary=$(api POST /api/v1/apply "@$work/apply.json" | sed -n 's/.*"summary":\({[^}]*}\).*/\1/p')
echo "   apply summary $summary; $(elapsed "$t0" "$(now)") s"

# ---------------------------------------------------------------------------------------
# Windows
# ---------------------------------------------------------------------------------------
now_s=$(date +%s)
hour0=$(( now_s / 3600 * 3600 + 3600 ))   # the next full hour (UTC)
# rfc3339 ZONE EPOCH: the instant as local time in ZONE with its offset (2027-01-04T10:00:00+01:00)
rfc3339() {
  local s
  TZ=$1 printf -v s '%(%Y-%m-%dT%H:%M:%S%z)T' "$2"
  printf '%s:%s' "${s:0:22}" "${s:22:2}"
}
windows_config="$work/windows.curl"
: >"$windows_config"
window_count=0
# add_window NAME BODY: one request in the curl configuration (answer kept per window)
add_window() {
  local body=${2//\"/\\\"}
  # "next" separates the requests (one after the last would be a request without a URL)
  [ "$window_count" = 0 ] || echo next >>"$windows_config"
  cat >>"$windows_config" <<EOF
url = "http://127.0.0.1:$PORT/api/v1/windows"
request = "POST"
header = "Authorization: Bearer $token"
header = "Content-Type: application/json"
header = "Accept: application/json"
data = "$body"
output = "$work/windows/$1.json"
write-out = "%{http_code} %{time_total} $1\\n"
EOF
  window_count=$((window_count + 1))
}
# cron_window NAME SCOPE KIND SCHEDULE DURATION ZONE ENVIRONMENTS REASON
cron_window() {
  add_window "$1" "{\"name\":\"$1\",\"scope\":\"$2\",\"kind\":\"$3\",\"schedule\":\"$4\",\"duration\":\"$5\",\"timeZone\":\"$6\",\"environments\":$7,\"reason\":\"$8\"}"
}
# once_window NAME SCOPE KIND START_EPOCH HOURS ZONE ENVIRONMENTS REASON
once_window() {
  add_window "$1" "{\"name\":\"$1\",\"scope\":\"$2\",\"kind\":\"$3\",\"start\":\"$(rfc3339 "$6" "$4")\",\"end\":\"$(rfc3339 "$6" $(($4 + $5 * 3600)))\",\"timeZone\":\"$6\",\"environments\":$7,\"reason\":\"$8\"}"
}
prod='["production"]'
both='["staging","production"]'
day=86400

# company: 4 recurring freezes, 16 one-off holidays over the coming year
cron_window company-weekend-freeze company deny '0 18 * * 5' PT62H Europe/Berlin "$prod" 'No production changes over the weekend'
cron_window company-quarter-end-freeze company deny '0 0 24 3,6,9,12 *' P8D America/New_York "$prod" 'Quarter-end close'
cron_window company-year-end-freeze company deny '0 0 15 12 *' P24D Europe/Berlin "$both" 'Year-end freeze'
cron_window company-monthly-maintenance company deny '0 2 1 * *' PT4H UTC "$both" 'Monthly infrastructure maintenance'
for ((h = 1; h <= 16; h++)); do
  zone=${zones[h % 10]}
  hours=$(( h % 4 == 0 ? 72 : 24 ))     # every fourth a long weekend
  once_window "$(printf 'company-holiday-%02d' "$h")" company deny $((hour0 + h * 22 * day)) "$hours" "$zone" \
    "$([ $((h % 3)) = 0 ] && echo "$both" || echo "$prod")" "Public holiday in $zone"
done

# products: month-end blackout, release train, hotfix slot, quarterly planning (cron);
# 5 one-off freezes and 1 extra one-off release slot
for ((p = 0; p < PRODUCTS; p++)); do
  name=${products[p]}; zone=${zones[p]}
  cron_window "$name-month-end" "product:$name" deny '0 18 28 * *' PT54H "$zone" "$prod" "Month-end blackout of $name"
  cron_window "$name-release-train" "product:$name" allow '0 10 * * 2,4' PT4H "$zone" "$prod" "Release train of $name"
  cron_window "$name-hotfix-slot" "product:$name" allow '0 15 * * 1-5' PT1H "$zone" "$prod" "Daily hotfix slot"
  cron_window "$name-quarterly-planning" "product:$name" deny '0 0 1 1,4,7,10 *' P2D "$zone" "$both" "Quarterly planning freeze"
  for ((k = 1; k <= 5; k++)); do
    once_window "$name-freeze-$k" "product:$name" deny $((hour0 + (p * 3 + k * 35) * day + k * 3600)) $((k * 12)) "$zone" \
      "$prod" "Launch or migration freeze $k of $name"
  done
  once_window "$name-extra-release" "product:$name" allow $((hour0 + (p + 10) * day)) 6 "$zone" "$prod" "Extra release slot"
done

# services: each service's first window is a recurring allow window (5 patterns, 10 zones);
# further ones alternate between one-off blackouts in the coming 4 months, a recurring
# Friday-evening blackout and one-off blackouts that are already over
allow_schedules=('0 9 * * 1-4' '30 7 * * 1-5' '0 22 * * 0-4' '0 10 * * 2,3' '0 13 * * 1-5')
allow_durations=(PT8H PT10H PT4H PT3H PT3H)
for ((j = 0; j < service_windows; j++)); do
  s=$((j % SERVICES)); round=$((j / SERVICES)); name=${services[s]}; zone=${zones[(s / 3) % 10]}
  envs=$([ $((s % 3)) = 0 ] && echo "$both" || echo "$prod")
  if [ "$round" = 0 ]; then
    cron_window "$name-deploy-hours" "service:$name" allow "${allow_schedules[s % 5]}" "${allow_durations[s % 5]}" \
      "$zone" "$envs" "Deploy while the team is at work"
  else
    case $(( (s + round) % 4 )) in
      0|1) once_window "$name-blackout-$round" "service:$name" deny $((hour0 + ((s * 37 + round * 11) % 120) * day + (s % 24) * 3600)) \
             $(( (s % 3 + 1) * 12 )) "$zone" "$prod" "Migration freeze" ;;
      2) cron_window "$name-friday-$round" "service:$name" deny '0 16 * * 5' PT8H "$zone" "$prod" "No deploys on Friday evening" ;;
      3) once_window "$name-past-$round" "service:$name" deny $((hour0 - ((s % 60) + 2) * day)) 24 "$zone" "$prod" "Vendor maintenance (over)" ;;
    esac
  fi
done
[ "$window_count" = "$WINDOWS" ] || die "generated $window_count windows, not $WINDOWS"

echo "== Creating $WINDOWS deployment windows (POST /api/v1/windows, one connection)"
mkdir -p "$work/windows"
t0=$(now)
timeout 900 curl -s -K "$windows_config" >"$work/windows-status.txt" || die "curl failed creating windows"
window_wall=$(elapsed "$t0" "$(now)")
if bad=$(awk '$1 != 201' "$work/windows-status.txt" | head -3) && [ -n "$bad" ]; then
  first=$(awk 'NR == 1 { print $3 }' <<<"$bad")
  die "window creation failed: $bad; answer: $(cat "$work/windows/$first.json" 2>/dev/null)"
fi
[ "$(wc -l <"$work/windows-status.txt")" = "$WINDOWS" ] || die "curl answered $(wc -l <"$work/windows-status.txt") of $WINDOWS windows"
echo "   $WINDOWS created (all 201) in $window_wall s; per request $(sort -n -k2 "$work/windows-status.txt" \
  | awk '{ t[NR] = $2 * 1000 } END { printf "p50 %.1f ms, p99 %.1f ms, max %.1f ms", t[int(NR * 0.5)], t[int(NR * 0.99)], t[NR] }')"
echo "   windows by scope, kind and timing:"
psql_bench -At -F ' ' -c "select split_part(scope, ':', 1), kind,
    case when schedule is not null then 'cron' when ends_at < now() then 'one-off-past' else 'one-off' end, count(*)
  from deployment_windows group by 1, 2, 3 order by 1, 2, 3" \
  | awk '{ printf "     %-8s %-6s %-13s %5d\n", $1, $2, $3, $4 }'
psql_bench -At -F ' ' -c "select count(*), count(distinct time_zone),
    (select count(*) from deployment_window_environments where environment = 'staging')
  from deployment_windows" \
  | awk '{ printf "     total %d windows, %d time zones, %d also apply to staging (all apply to production)\n", $1, $2, $3 }'
windows_per_service=$(psql_bench -At -F ' ' -c "select min(n), round(avg(n), 1), max(n) from (
    select (select count(*) from deployment_windows w join deployment_window_environments e on e.window_name = w.name
              and e.environment = '$ENVIRONMENT'
            where w.scope in ('company', 'product:' || s.product, 'service:' || s.name)) n
    from services s) x" 2>/dev/null || echo "? ? ?")
echo "   windows the gate weighs per service in $ENVIRONMENT (min avg max): $windows_per_service"
echo "   ANALYZE (a fresh database has no statistics; autovacuum would gather them soon)"
psql_bench -c analyze

# ---------------------------------------------------------------------------------------
# The gate once per service (correctness, open/closed mix, one request at a time)
# ---------------------------------------------------------------------------------------
echo "== Gate once for each of the $SERVICES services (curl, one connection, one request at a time)"
gate_config="$work/gate.curl"
: >"$gate_config"
for name in "${services[@]}"; do
  [ ! -s "$gate_config" ] || echo next >>"$gate_config"
  cat >>"$gate_config" <<EOF
url = "http://127.0.0.1:$PORT/api/v1/gate?service=$name&environment=$ENVIRONMENT"
header = "Authorization: Bearer $token"
header = "Accept: application/json"
write-out = "\\nSTATUS %{http_code} %{time_total}\\n"
EOF
done
timeout 300 curl -s -K "$gate_config" >"$work/gate-once.txt" || die "curl failed asking the gate"
statuses=$(grep -c '^STATUS 200 ' "$work/gate-once.txt" || true)
[ "$statuses" = "$SERVICES" ] || die "the gate answered 200 $statuses times of $SERVICES: $(grep '^STATUS' "$work/gate-once.txt" | grep -v ' 200 ' | head -3)"
open_count=$(grep -c '"open":true' "$work/gate-once.txt" || true)
closed_count=$(grep -c '"open":false' "$work/gate-once.txt" || true)
echo "   all 200: $open_count open, $closed_count closed now ($(date -u +%FT%TZ), $(date +%A));" \
  "latency $(grep '^STATUS' "$work/gate-once.txt" | sort -n -k3 \
  | awk '{ t[NR] = $3 * 1000 } END { printf "p50 %.1f ms, p99 %.1f ms, max %.1f ms", t[int(NR * 0.5)], t[int(NR * 0.99)], t[NR] }')"
echo "   body size $(head -1 "$work/gate-once.txt" | wc -c) bytes; first answer: $(head -1 "$work/gate-once.txt" | cut -c1-400)…"

# ---------------------------------------------------------------------------------------
# wrk
# ---------------------------------------------------------------------------------------
url="http://127.0.0.1:$PORT"
# gate_wrk THREADS CONNECTIONS DURATION OUTPUT [--latency]
gate_wrk() {
  local t=$1 c=$2 d=$3 out=$4; shift 4
  STEWARD_TOKEN="$token" timeout 900 "$WRK" -t"$t" -c"$c" -d"$d" --timeout 10s "$@" \
    -s "$here/gate.lua" "$url" -- "$work/services.txt" "$ENVIRONMENT" >"$out"
}
if [ "$WRK_WARMUP" != 0 ]; then
  echo "== wrk warm-up (-t$WRK_THREADS -c$WARMUP_CONNECTIONS -d$WRK_WARMUP, unmeasured)"
  gate_wrk "$WRK_THREADS" "$WARMUP_CONNECTIONS" "$WRK_WARMUP" "$work/wrk-warmup.txt"
  grep '^RESULT' "$work/wrk-warmup.txt" | sed 's/^/   /' || die "wrk printed no RESULT line in the warm-up"
fi

runs=()
for c in $CONNECTIONS; do
  t=$(( c < WRK_THREADS ? c : WRK_THREADS ))
  label="-t$t -c$c"
  echo "== wrk $label -d$WRK_DURATION --latency: GET /api/v1/gate?service=<random of $SERVICES>&environment=$ENVIRONMENT (load now $(cut -d' ' -f1 /proc/loadavg))"
  db_before=$(db_activity)
  before=$(cpu_snapshot); client_before=$(children_ticks); t0=$(now)
  gate_wrk "$t" "$c" "$WRK_DURATION" "$work/wrk-c$c.txt" --latency
  seconds=$(elapsed "$t0" "$(now)")
  read -r server_cpu pg_cpu machine_cpu cores <<<"$(cpu_usage "$before" "$(cpu_snapshot)" "$seconds")"
  client_cpu=$(awk -v a="$client_before" -v b="$(children_ticks)" -v hz="$(getconf CLK_TCK)" -v s="$seconds" \
    'BEGIN { printf "%.0f", (b - a) / hz / s * 100 }')
  sed -n '/Latency Distribution/,/^Requests\/sec/p' "$work/wrk-c$c.txt" | sed 's/^/   /'
  result=$(grep '^RESULT' "$work/wrk-c$c.txt") || die "wrk printed no RESULT line for $label"
  echo "   $result"
  echo "   PostgreSQL per gate request (about): $(awk -v a="$db_before" -v b="$(db_activity)" -v n="$(field "$result" requests)" 'BEGIN {
    split(a, x, " "); split(b, y, " ");
    printf "%.2f transactions, %.1f rows returned, %.1f rows fetched, %.2f rows written",
      (y[1]-x[1]) / n, (y[2]-x[2]) / n, (y[3]-x[3]) / n, (y[4]-x[4]) / n }')"
  echo "   CPU (% of one core): server $server_cpu %, PostgreSQL $pg_cpu %, wrk $client_cpu %, whole machine $machine_cpu % of ${cores}00 %"
  case "$result" in
    *" non2xx=0 socket_errors=0") ;;
    *) die "wrk $label saw failed requests: $result" ;;
  esac
  runs+=("$label|$result|$server_cpu|$pg_cpu|$client_cpu|$machine_cpu")
done

# ---------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------
echo
echo "== Figures (load now: $(cut -d' ' -f1-3 /proc/loadavg); $SERVICES services, $WINDOWS windows, $ENVIRONMENT, PostgreSQL)"
echo
echo "| wrk ($WRK_DURATION) | req/s | p50 | p90 | **p99** | p99.9 | max | non-2xx | server CPU | PostgreSQL CPU | wrk CPU | machine busy |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
reached=""
best=""
best_rps=0
for run in "${runs[@]}"; do
  IFS='|' read -r label result server_cpu pg_cpu client_cpu machine_cpu <<<"$run"
  rps=$(field "$result" rps)
  printf '| `%s` | %.0f | %s ms | %s ms | **%s ms** | %s ms | %s ms | %s | %s %% | %s %% | %s %% | %s %% of %s00 %% |\n' \
    "$label" "$rps" "$(field "$result" p50_ms)" "$(field "$result" p90_ms)" "$(field "$result" p99_ms)" \
    "$(field "$result" p999_ms)" "$(field "$result" max_ms)" "$(field "$result" non2xx)" \
    "$server_cpu" "$pg_cpu" "$client_cpu" "$machine_cpu" "$(nproc)"
  if [ -z "$reached" ] && awk -v r="$rps" -v t="$TARGET_RPS" 'BEGIN { exit !(r >= t) }'; then
    reached="$label|$result"
  fi
  if awk -v r="$rps" -v b="$best_rps" 'BEGIN { exit !(r > b) }'; then
    best="$label|$result"; best_rps=$rps
  fi
done
echo
if [ -n "$reached" ]; then
  IFS='|' read -r label result <<<"$reached"
  p99=$(field "$result" p99_ms)
  verdict=$(awk -v p="$p99" -v t="$TARGET_P99_MS" 'BEGIN { print (p < t ? "met" : "missed") }')
  echo "Target (p99 < $TARGET_P99_MS ms at $TARGET_RPS req/s): the first run at >= $TARGET_RPS req/s is \`$label\`:" \
    "$(field "$result" rps) req/s, p99 $p99 ms: **$verdict**."
else
  IFS='|' read -r label result <<<"$best"
  echo "Target (p99 < $TARGET_P99_MS ms at $TARGET_RPS req/s): **not reached**: no run got to $TARGET_RPS req/s;" \
    "the most was \`$label\` with $(field "$result" rps) req/s at p99 $(field "$result" p99_ms) ms."
fi
echo "All answers 200 (wrk: non-2xx 0, socket errors 0 in every run). Server log: $(grep -c ' WARN ' "$work/server.log" || true) WARN, $(grep -c ' ERROR ' "$work/server.log" || true) ERROR lines."
ok=1
