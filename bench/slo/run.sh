#!/usr/bin/env bash
# SLO evaluation benchmark, end to end, against a fresh PostgreSQL database:
#   1. (re)creates the database $DB_NAME and starts `steward server` on it with the
#      evaluation task every $INTERVAL (steward.slos.evaluation-interval),
#   2. creates a team and $SERVICES services (one POST /api/v1/apply) and $SLOS_PER_SERVICE
#      SLOs on each (POST /api/v1/services/{service}/slos, $PARALLEL curl processes with
#      keep-alive): availability, latency and ratio, objectives 99 to 99.95 %, windows P30D,
#      P28D and P7D,
#   3. pauses the evaluation task (its db-scheduler row is moved a day ahead), and fills the
#      buckets directly in PostgreSQL with generate_series (a benchmark of evaluation, not of
#      ingestion): per SLO, minute buckets for the last $MINUTE_HOURS hours (and an hour ahead)
#      and hourly buckets before that back to $DAYS days, as the task's compaction leaves
#      them, with running sums computed by a window function; every 30th SLO burns fast for
#      the last 2 hours (a page) and every 30th, offset by 15, slowly for the last day (a
#      ticket); then VACUUM ANALYZE, as autovacuum would soon do,
#   4. resumes the task and reads, from /actuator/prometheus (every 0.5 s), the duration of
#      each of the next $PASSES passes (steward_slo_evaluation_seconds_count/_sum: the first
#      opens the incidents of the burning SLOs, the others are quiet), and of compaction and
#      expiry if they run (steward_slo_maintenance_seconds, on the first pass of each hour),
#      with the CPU server and PostgreSQL used meanwhile (the script's own scraping included),
#   5. prints the figures, EXPLAIN ANALYZE of one probe of the running sums, the database
#      size, stops the server and drops the database (also on failure).
#
# Run from the repository root:  bench/slo/run.sh
# Every setting below can be overridden from the environment.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/env.sh
. "$here/../env.sh"
PORT=${PORT:-18084}
DB_NAME=${DB_NAME:-steward_slo_bench}
SERVICES=${SERVICES:-1000}
SLOS_PER_SERVICE=${SLOS_PER_SERVICE:-10}
PARALLEL=${PARALLEL:-4}             # curl processes creating SLOs
MINUTE_HOURS=${MINUTE_HOURS:-72}    # minute buckets for this many hours (the task keeps 72 and one more)
DAYS=${DAYS:-30}                    # hourly buckets back to this many days
BATCH=${BATCH:-200}                 # SLOs per INSERT while filling the buckets
INTERVAL=${INTERVAL:-PT10S}         # steward.slos.evaluation-interval
PASSES=${PASSES:-6}                 # passes measured after the fill: the first, then quiet ones
PASS_TIMEOUT=${PASS_TIMEOUT:-600}   # seconds to wait for all of them
TARGET_S=${TARGET_S:-5}
STEWARD_PROPERTIES=${STEWARD_PROPERTIES:-}  # more Spring properties for the server, space-separated name=value
KEEP_LOGS=${KEEP_LOGS:-0}           # 1 keeps the work directory (server log, curl configurations and answers)

work="$(mktemp -d -t steward-slo-bench.XXXXXX)"
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

command -v psql >/dev/null || die "psql not found"
[ "$SLOS_PER_SERVICE" -ge 1 ] && [ "$SLOS_PER_SERVICE" -le 10 ] || die "SLOS_PER_SERVICE must be 1 to 10"
[ "$PASSES" -ge 2 ] || die "PASSES must be at least 2"
require_launcher_and_free_port
echo "== Load before the run: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores; other work on the machine shares them)"

fresh_database
# shellcheck disable=SC2086
start_server "$work/server.log" "steward.slos.evaluation-interval=$INTERVAL" $STEWARD_PROPERTIES

# timers: "evaluation_count evaluation_sum maintenance_count maintenance_sum evaluation_failures maintenance_failures evaluated"
timers() {
  curl -s --max-time 10 "http://127.0.0.1:$PORT/actuator/prometheus" | awk '
    function add(key) { v[key] += $NF }
    /^steward_slo_evaluation_seconds_count\{/ && /result="success"/ { add("ec") }
    /^steward_slo_evaluation_seconds_sum\{/ && /result="success"/ { add("es") }
    /^steward_slo_maintenance_seconds_count\{/ && /result="success"/ { add("mc") }
    /^steward_slo_maintenance_seconds_sum\{/ && /result="success"/ { add("ms") }
    /^steward_slo_evaluation_seconds_count\{/ && /result="failure"/ { add("ef") }
    /^steward_slo_maintenance_seconds_count\{/ && /result="failure"/ { add("mf") }
    /^steward_slo_evaluated[ {]/ { add("n") }
    END { printf "%d %.6f %d %.6f %d %d %d\n", v["ec"], v["es"], v["mc"], v["ms"], v["ef"], v["mf"], v["n"] }'
}

# ---------------------------------------------------------------------------------------
# Catalog and SLOs
# ---------------------------------------------------------------------------------------
slo_count=$((SERVICES * SLOS_PER_SERVICE))
echo "== Catalog: one team, $SERVICES services (one POST /api/v1/apply)"
t0=$(now)
{
  printf '{"documents":['
  printf '{"apiVersion":"steward.dev/v1","kind":"Team","metadata":{"name":"slo-team"},"spec":{"title":"SLO bench team","kind":"stream"}}'
  for ((i = 0; i < SERVICES; i++)); do
    printf ',{"apiVersion":"steward.dev/v1","kind":"Service","metadata":{"name":"svc-%04d"},"spec":{"title":"Service %d","owner":"slo-team","tier":%d,"lifecycle":"production"}}' \
      "$i" "$i" $((i % 4 + 1))
  done
  printf '],"dryRun":false}'
} >"$work/apply.json"
summary=$(api POST /api/v1/apply "@$work/apply.json" | sed -n 's/.*"summary":\({[^}]*}\).*/\1/p')
echo "   apply summary $summary; $(elapsed "$t0" "$(now)") s"

# the ten kinds of SLO on every service: name indicator objective window [latencyThreshold]
kinds=("availability availability 99.9 P30D" "latency-p99 latency 99 P30D PT0.3S" "checkout-ratio ratio 99.5 P30D"
  "availability-weekly availability 99.5 P7D" "latency-p95 latency 99.5 P28D PT0.1S" "errors ratio 99.95 P30D"
  "availability-28d availability 99.9 P28D" "latency-p999 latency 99.9 P30D PT1S" "freshness ratio 99 P7D"
  "api-availability availability 99.95 P30D")
echo "== Creating $slo_count SLOs ($SLOS_PER_SERVICE per service; POST /api/v1/services/{service}/slos, $PARALLEL curl processes)"
mkdir -p "$work/slos"
for ((p = 0; p < PARALLEL; p++)); do : >"$work/slos/$p.curl"; done
for ((i = 0; i < SERVICES; i++)); do
  config="$work/slos/$((i % PARALLEL)).curl"
  for ((k = 0; k < SLOS_PER_SERVICE; k++)); do
    read -r name indicator objective window threshold <<<"${kinds[k]}"
    body="{\\\"name\\\":\\\"$name\\\",\\\"indicator\\\":\\\"$indicator\\\",\\\"objective\\\":$objective,\\\"window\\\":\\\"$window\\\"${threshold:+,\\\"latencyThreshold\\\":\\\"$threshold\\\"}}"
    [ ! -s "$config" ] || echo next >>"$config"
    cat >>"$config" <<EOF
url = "http://127.0.0.1:$PORT/api/v1/services/svc-$(printf %04d "$i")/slos"
request = "POST"
header = "Authorization: Bearer $token"
header = "Content-Type: application/json"
header = "Accept: application/json"
data = "$body"
output = "/dev/null"
write-out = "%{http_code} %{time_total} svc-$(printf %04d "$i")/$name\\n"
EOF
  done
done
t0=$(now)
# shellcheck disable=SC2016
seq 0 $((PARALLEL - 1)) | timeout 1800 xargs -P "$PARALLEL" -I{} sh -c 'curl -s -K "$1/{}.curl" >"$1/{}.status"' _ "$work/slos" \
  || die "curl failed creating SLOs"
slo_wall=$(elapsed "$t0" "$(now)")
cat "$work"/slos/*.status >"$work/slos-status.txt"
if bad=$(awk '$1 != 201' "$work/slos-status.txt" | head -3) && [ -n "$bad" ]; then
  die "SLO creation failed: $bad"
fi
[ "$(wc -l <"$work/slos-status.txt")" = "$slo_count" ] || die "curl answered $(wc -l <"$work/slos-status.txt") of $slo_count SLOs"
echo "   $slo_count created (all 201) in $slo_wall s; per request $(sort -n -k2 "$work/slos-status.txt" \
  | awk '{ t[NR] = $2 * 1000 } END { printf "p50 %.1f ms, p99 %.1f ms, max %.1f ms", t[int(NR * 0.5)], t[int(NR * 0.99)], t[NR] }')"
[ "$(psql_bench -At -c 'select count(*) from slos')" = "$slo_count" ] || die "the database does not hold $slo_count SLOs"

# ---------------------------------------------------------------------------------------
# Pause the evaluation task, fill the buckets
# ---------------------------------------------------------------------------------------
echo "== Pausing the evaluation task (its db-scheduler execution moved a day ahead once no pass runs)"
deadline=$(( $(date +%s) + 300 ))
# the version is raised so that a scheduler that has just read the row as due cannot pick it
until [ "$(psql_bench -At -c "with moved as (update scheduled_tasks set execution_time = now() + interval '1 day',
      version = version + 1 where task_name = 'slo-evaluation' and not picked returning 1) select count(*) from moved")" = 1 ]; do
  [ "$(date +%s)" -lt "$deadline" ] || die "the evaluation task stayed picked for 5 minutes"
  sleep 0.2
done
read -r paused_passes _ <<<"$(timers)"
echo "   paused after $paused_passes passes (on SLOs without buckets)"

echo "== Filling the buckets: minutes for the last $MINUTE_HOURS hours and an hour ahead, hours back to $DAYS days ($BATCH SLOs per INSERT)"
t0=$(now)
psql_bench -v batch="$BATCH" -v minute_hours="$MINUTE_HOURS" -v days="$DAYS" <<'SQL'
set synchronous_commit = off;
set work_mem = '256MB';
set maintenance_work_mem = '512MB';
set fill.batch = :'batch';
set fill.minute_hours = :'minute_hours';
set fill.days = :'days';
-- the bad events of SLO id in the bucket ending at minute m (total events): at a
-- rate of 50 to 1,045 events a minute; errors at a tenth to a third of the budget, more
-- while an SLO burns (every 30th fast for the last 2 hours: 20× its budget; every 30th,
-- offset by 15, slowly for the last day: 4×)
create temporary table fill_plan as
  select floor(extract(epoch from now()) / 60)::bigint as now_minute;
create function pg_temp.bad(id bigint, objective double precision, m bigint, total bigint, now_minute bigint)
  returns bigint language sql immutable as $$
    select least(total, floor(total * (100 - objective) / 100 * case
      when id % 30 = 0 and m > now_minute - 120 then 20
      when id % 30 = 15 and m > now_minute - 1440 then 4
      else 0.1 + (id * 7 + m) % 5 * 0.05 end + ((id * 31 + m) % 10) / 10.0)::bigint)
  $$;
do $$
declare
  now_minute bigint := (select now_minute from fill_plan);
  minute_start bigint := (now_minute - current_setting('fill.minute_hours')::bigint * 60) / 60 * 60;
  hour_start bigint := (now_minute - current_setting('fill.days')::bigint * 1440) / 60 * 60;
  batch integer := current_setting('fill.batch')::integer;
  low bigint;
  high bigint := (select max(id) from slos);
begin
  low := (select min(id) from slos);
  while low <= high loop
    insert into slo_buckets (slo_id, at_minute, good, total, cum_good, cum_total, hourly)
    select id, m, total - bad, total,
      sum(total - bad) over w, sum(total) over w, hourly
    from (
      select s.id, g.m, g.hourly, g.total,
        pg_temp.bad(s.id, s.objective, g.m, g.total, now_minute) as bad
      from slos s
      cross join lateral (
        -- hourly buckets (at each hour's last minute) before the minutes, then the minutes
        select h * 60 + 59 as m, true as hourly, (50 + s.id % 200 * 5) * 60 as total
          from generate_series(hour_start / 60, minute_start / 60 - 1) h
        union all
        select m, false, 50 + s.id % 200 * 5 + (s.id + m) % 7
          from generate_series(minute_start, now_minute + 60) m
      ) g
      where s.id >= low and s.id < low + batch
    ) x
    window w as (partition by id order by m)
    order by id, m;
    low := low + batch;
  end loop;
end $$;
SQL
fill_wall=$(elapsed "$t0" "$(now)")
read -r bucket_count minute_count hour_count <<<"$(psql_bench -At -F ' ' -c "select count(*), count(*) filter (where not hourly),
  count(*) filter (where hourly) from slo_buckets")"
echo "   $bucket_count buckets ($minute_count minutes, $hour_count hours) in $fill_wall s"
echo "   running sums check: $(psql_bench -At -c "select case when count(*) = 0 then 'every bucket adds its counts to the one before' else count(*) || ' buckets wrong' end
  from (select cum_total - total - lag(cum_total, 1, 0::bigint) over (partition by slo_id order by at_minute) d,
    cum_good - good - lag(cum_good, 1, 0::bigint) over (partition by slo_id order by at_minute) e
    from slo_buckets where slo_id in (select id from slos order by id limit 50)) x where d <> 0 or e <> 0")"
t0=$(now)
psql_bench -c "vacuum analyze slo_buckets" -c "analyze slos" -c checkpoint
echo "   VACUUM ANALYZE and CHECKPOINT in $(elapsed "$t0" "$(now)") s"
db_size=$(psql_bench -At -c "select pg_size_pretty(pg_database_size(current_database())) || ' database, '
  || pg_size_pretty(pg_total_relation_size('slo_buckets')) || ' slo_buckets (' || pg_size_pretty(pg_relation_size('slo_buckets'))
  || ' table, ' || pg_size_pretty(pg_indexes_size('slo_buckets')) || ' indexes)'")
echo "   $db_size"

# ---------------------------------------------------------------------------------------
# Resume and measure the passes
# ---------------------------------------------------------------------------------------
echo "== Resuming the evaluation task; measuring $PASSES passes (load now $(cut -d' ' -f1-3 /proc/loadavg))"
read -r c0 s0 mc0 ms0 ef0 mf0 _ <<<"$(timers)"
before=$(cpu_snapshot); cpu_t0=$(now)
psql_bench -c "update scheduled_tasks set execution_time = now(), version = version + 1 where task_name = 'slo-evaluation'" >/dev/null
durations=()
maintenance=()
deadline=$(( $(date +%s) + PASS_TIMEOUT ))
last_c=$c0; last_s=$s0; last_mc=$mc0; last_ms=$ms0
while [ "${#durations[@]}" -lt "$PASSES" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || die "only ${#durations[@]} of $PASSES passes within $PASS_TIMEOUT s"
  sleep 0.5
  read -r c s mc ms ef mf n <<<"$(timers)"
  [ "$ef" = "$ef0" ] && [ "$mf" = "$mf0" ] || die "a pass failed (see the server log)"
  if [ "$c" -gt "$last_c" ]; then
    [ $((c - last_c)) = 1 ] || die "missed a pass (polling too slow)"
    d=$(awk -v a="$last_s" -v b="$s" 'BEGIN { printf "%.3f", b - a }')
    durations+=("$d")
    alerts=$(psql_bench -At -F ' ' -c "select count(*) filter (where alert = 'page'), count(*) filter (where alert = 'ticket'),
      (select count(*) from incidents where status <> 'resolved') from slos")
    read -r pages tickets open_incidents <<<"$alerts"
    echo "   pass ${#durations[@]}: evaluation $d s ($n SLOs); alerts now: $pages page, $tickets ticket; $open_incidents open incidents"
    last_c=$c; last_s=$s
  fi
  if [ "$mc" -gt "$last_mc" ]; then
    d=$(awk -v a="$last_ms" -v b="$ms" 'BEGIN { printf "%.3f", b - a }')
    maintenance+=("$d")
    echo "   compaction and expiry (the first pass of the hour) $d s"
    last_mc=$mc; last_ms=$ms
  fi
done
after=$(cpu_snapshot); cpu_seconds=$(elapsed "$cpu_t0" "$(now)")
hz=$(getconf CLK_TCK)
read -r server_cpu_s pg_cpu_s <<<"$(awk -v a="$before" -v b="$after" -v hz="$hz" 'BEGIN { split(a, x, " "); split(b, y, " ");
  printf "%.1f %.1f", (y[1] - x[1]) / hz, (y[2] - x[2]) / hz }')"
read -r server_pct pg_pct machine_pct cores <<<"$(cpu_usage "$before" "$after" "$cpu_seconds")"

# ---------------------------------------------------------------------------------------
# Where the time goes: one probe of the running sums (the query of one window)
# ---------------------------------------------------------------------------------------
echo "== EXPLAIN ANALYZE of one probe of the running sums (BucketStore.cumulativeAt(minute), the P1D window)"
psql_bench -At -c "explain (analyze, buffers, costs off) select s.id,
  (select b.cum_good from slo_buckets b where b.slo_id = s.id and b.at_minute <= floor(extract(epoch from now()) / 60)::bigint - 1440
   order by b.at_minute desc limit 1) as cum_good,
  (select b.cum_total from slo_buckets b where b.slo_id = s.id and b.at_minute <= floor(extract(epoch from now()) / 60)::bigint - 1440
   order by b.at_minute desc limit 1) as cum_total
  from slos s" | grep -E "^(Seq|Index|Execution)|SubPlan|Limit|Index (Only )?Scan|Heap Fetches|Buffers: shared" | sed 's/^/   /' || true
echo "== Compaction and expiry (run on the first pass of each hour): their reading queries, timed by EXPLAIN ANALYZE"
now_minute=$(( $(date +%s) / 60 ))
explain_time() { psql_bench -At -c "explain (analyze, costs off) $1" | sed -n 's/^Execution Time: //p'; }
echo "   expiry, the newest expired bucket of each SLO (BucketStore.dropExpired): $(explain_time "select k.id, k.keep_from from (
  select s.id, (select max(b.at_minute) from slo_buckets b where b.slo_id = s.id
    and b.at_minute < $now_minute - 1440 - s.window_minutes) as keep_from from slos s) k
  where exists (select 1 from slo_buckets c where c.slo_id = k.id and c.at_minute < k.keep_from)")"
echo "   compaction, the minute buckets of whole hours older than 73 hours (BucketStore.compactHours): $(explain_time "select slo_id,
  at_minute / 60, sum(good), sum(total), max(cum_good), max(cum_total) from slo_buckets
  where hourly = false and at_minute < ($now_minute - 4380) / 60 * 60 group by slo_id, at_minute / 60")"
windows=$(psql_bench -At -c "select count(distinct window_minutes) from slos where window_minutes not in (4320)")

# ---------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------
sorted=$(printf '%s\n' "${durations[@]:1}" | sort -n)
quiet_median=$(awk '{ t[NR] = $1 } END { print (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2) }' <<<"$sorted")
quiet_max=$(tail -1 <<<"$sorted")
busy=$(printf '%s\n' "${durations[@]}" ${maintenance[@]+"${maintenance[@]}"} | awk '{ s += $1 } END { printf "%.1f", s }')
echo
echo "== Figures (load now: $(cut -d' ' -f1-3 /proc/loadavg); PostgreSQL; $(nproc) cores shared with whatever else runs)"
echo
echo "| SLOs | buckets | first pass (opens incidents) | quiet passes: median | max |"
echo "|---|---|---|---|---|"
printf '| %s | %s (%s minutes, %s hours) | **%s s** | **%s s** | %s s |\n' "$slo_count" "$bucket_count" \
  "$minute_count" "$hour_count" "${durations[0]}" "$quiet_median" "$quiet_max"
echo
echo "Each pass probes the running sums $((1 + 7 + windows)) times per SLO (now, 7 burn-rate windows, $windows distinct SLO windows other than P3D)."
if [ "${#maintenance[@]}" -gt 0 ]; then
  echo "Passes (evaluation, s): ${durations[*]}; compaction and expiry (the first pass of the hour): ${maintenance[*]} s."
else
  echo "Passes (evaluation, s): ${durations[*]}; compaction and expiry (the first pass of each hour) did not run during them."
fi
echo "Alerts after the passes: $pages page, $tickets ticket; $open_incidents open incidents."
echo "CPU from resuming until the last pass ($cpu_seconds s wall, $busy s of it in passes; the script's scraping every 0.5 s included): server $server_cpu_s s, PostgreSQL $pg_cpu_s s" \
  "(over the wall time: server $server_pct %, PostgreSQL $pg_pct %, machine $machine_pct % of ${cores}00 %)."
echo "Database: $db_size."
verdict=$(awk -v f="${durations[0]}" -v m="$quiet_max" -v t="$TARGET_S" 'BEGIN { print (f < t && m < t ? "met" : "missed") }')
echo "Target (one full evaluation pass < $TARGET_S s): **$verdict** (first ${durations[0]} s, quiet max $quiet_max s)."
echo "Server log: $(grep -c ' WARN ' "$work/server.log" || true) WARN, $(grep -c ' ERROR ' "$work/server.log" || true) ERROR lines."
ok=1
