#!/usr/bin/env bash
# Cluster proof: three Steward nodes on one PostgreSQL behind HAProxy, two of them killed
# (SIGKILL) and restarted under event load, then checked for lost events, duplicate
# incidents, pages missed or sent twice, and nodes that disagree. End to end:
#   1. installs haproxy and wrk from Debian when missing (as root; else says what to install),
#   2. (re)creates the database $DB_NAME, starts the SMTP sink (bench/cluster/SmtpSink.java)
#      and three `steward server` nodes on it (same bootstrap token, own data directories,
#      mail to the sink), then HAProxy on 127.0.0.1:$LB_PORT in front of them (round robin,
#      health check on /actuator/health, retries and redispatch when a connection fails),
#   3. sets up through the load balancer: team, three users (one with a second email
#      contact method and a rule for each), a daily schedule, an escalation policy of two
#      levels PT10S apart repeated once, two tier-2 services naming it with an integration
#      key each, the production environment and deployment windows,
#   4. runs wrk with bench/cluster/events.lua through HAProxy for $DURATION s at about $RATE
#      events/s (critical: high urgency, so every incident escalates); each thread opens a
#      new incident every $PER_KEY events; meanwhile it SIGKILLs node 2, later node 3, and
#      restarts both on the same ports (--short: node 2 only), samples HAProxy every 0.2 s,
#      and watches the timers the killed node was running; a window and an override are
#      added through the load balancer during the load,
#   5. waits (at most $SETTLE s) until every incident has escalated to its end and no
#      escalation or delivery timer is left,
#   6. checks: every event answered 2xx is stored in the incident its answer named; one
#      open incident per dedup key; alert counts match the stored events; every escalation
#      step of every incident mailed each of its addresses exactly once (SMTP sink);
#      the gate and on-call answers are identical from every node (asked directly),
#   7. prints the figures and RESULT lines, stops everything, drops the database, and exits
#      1 when a check failed.
#
# Run from the repository root:  bench/cluster/run.sh [--short]     (or SHORT=1)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/env.sh
. "$here/../env.sh"
[ "${1:-}" = --short ] && SHORT=1
SHORT=${SHORT:-0}
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
DB_NAME=${DB_NAME:-steward_cluster_bench}
LB_PORT=${LB_PORT:-18090}
NODE_PORTS=(${NODE_PORTS:-18091 18092 18093})
STATS_PORT=${STATS_PORT:-18094}
SMTP_PORT=${SMTP_PORT:-18095}
if [ "$SHORT" = 1 ]; then
  DURATION=${DURATION:-40}; RATE=${RATE:-10}; PER_KEY=${PER_KEY:-10}; SETTLE=${SETTLE:-90}; WRK_CONNECTIONS=${WRK_CONNECTIONS:-8}
else
  DURATION=${DURATION:-150}; RATE=${RATE:-100}; PER_KEY=${PER_KEY:-50}; SETTLE=${SETTLE:-180}; WRK_CONNECTIONS=${WRK_CONNECTIONS:-16}
fi
WRK=${WRK:-wrk}
WRK_THREADS=${WRK_THREADS:-2}
ESCALATION_SPAN=30                  # the policy below: 4 steps, 10 s apart
SMTP_DELAY_MS=${SMTP_DELAY_MS:-0}  # the sink's wait before it accepts each message (widens the send-then-commit moment)
STEWARD_PROPERTIES=${STEWARD_PROPERTIES:-}  # more Spring properties for the nodes, space-separated name=value
STEWARD_JAVA_OPTS=${STEWARD_JAVA_OPTS:--Xmx768m}
KEEP_LOGS=${KEEP_LOGS:-0}

work="$(mktemp -d -t steward-cluster-bench.XXXXXX)"
# shellcheck source=bench/lib/server.sh
. "$here/../lib/server.sh"
ok=0
node_pids=("" "" "")
sink_pid=""
haproxy_pid=""
sampler_pid=""
watcher_pids=()
wrk_pid=""

stop_helpers() {
  local pid
  for pid in "$wrk_pid" "$sampler_pid" "${watcher_pids[@]}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "$haproxy_pid" "$sink_pid"; do stop_group "$pid"; done
  haproxy_pid="" sink_pid="" sampler_pid="" wrk_pid="" watcher_pids=()
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  local i
  for i in 0 1 2; do
    [ -n "${node_pids[$i]}" ] && echo "Stopping node $((i + 1)) (pid ${node_pids[$i]})…" >&2
    stop_group "${node_pids[$i]}"
  done
  stop_helpers
  drop_database
  [ "$ok" = 1 ] || echo "FAILED (status $status)" >&2
  if [ "$ok" != 1 ]; then
    for log in "$work"/node[23]*.log; do
      echo "--- last lines of $log:" >&2
      tail -n 15 "$log" >&2 2>/dev/null || true
    done
  fi
  report_and_tidy "$work/node1.log"
  exit "$status"
}
# shellcheck source=bench/common.sh
. "$here/../common.sh"

# ---------------------------------------------------------------- tools and ports
if ! command -v haproxy >/dev/null || ! command -v "$WRK" >/dev/null; then
  [ "$(id -u)" = 0 ] || die "haproxy and wrk are needed: apt-get install -y haproxy wrk"
  echo "== Installing haproxy and wrk from Debian"
  # shellcheck source=bench/lib/packages.sh
  . "$here/../lib/packages.sh"
  install_debian_packages haproxy wrk || die "could not install haproxy and wrk"
fi
for tool in psql curl "$JAVA"; do command -v "$tool" >/dev/null || die "$tool not found"; done
[ -x "$STEWARD" ] || die "launcher $STEWARD not found or not executable (set STEWARD)"
for port in "$LB_PORT" "${NODE_PORTS[@]}" "$STATS_PORT" "$SMTP_PORT"; do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is taken (set LB_PORT, NODE_PORTS, STATS_PORT, SMTP_PORT)"; fi
done
echo "== Cluster benchmark ($([ "$SHORT" = 1 ] && echo short || echo full)): ${DURATION} s of events at about $RATE/s, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   work directory $work"

ms() { date +%s%3N; }
seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
rfc3339() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
node_url() { echo "http://127.0.0.1:${NODE_PORTS[$1]}"; }

# ---------------------------------------------------------------- database, sink, nodes
fresh_database
echo "== SMTP sink on 127.0.0.1:$SMTP_PORT"
: >"$work/mails.tsv"
setsid "$JAVA" "$here/SmtpSink.java" --port "$SMTP_PORT" --log "$work/mails.tsv" --delay-ms "$SMTP_DELAY_MS" >"$work/sink.log" 2>&1 &
sink_pid=$!

# The launcher builds the jar (and its class cache) when missing: once, before three start at once.
"$STEWARD" --version >/dev/null

token="cluster-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
# shellcheck disable=SC2206
node_properties=(spring.mail.host=127.0.0.1 "spring.mail.port=$SMTP_PORT" management.health.mail.enabled=false
  steward.incidents.events-per-minute-per-key=1000000000 $STEWARD_PROPERTIES)

# start_node I LOG: launches node I (0-based) on its port with its own data directory
start_node() {
  launch_steward "${NODE_PORTS[$1]}" "$work/data-node$(($1 + 1))" "$2" "$token" "${node_properties[@]}"
  node_pids[$1]=$launched_pid
}

echo "== Starting three nodes at once on ports ${NODE_PORTS[*]} with$(java_options "${node_properties[@]}")"
t0=$(now)
for i in 0 1 2; do start_node "$i" "$work/node$((i + 1)).log"; done
for i in 0 1 2; do wait_healthy "${NODE_PORTS[$i]}" "${node_pids[$i]}"; done
echo "   all healthy after $(elapsed "$t0" "$(now)") s"
for _ in $(seq 1 40); do (echo >"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break; sleep 0.5; done
(echo >"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null || die "the SMTP sink did not start: $(cat "$work/sink.log")"

# ---------------------------------------------------------------- HAProxy
cat >"$work/haproxy.cfg" <<EOF
global
    maxconn 1000

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout check 2s
    # a connection that fails (node killed: refused) is tried again, on another node;
    # a request that reached a node is never sent twice
    retries 3
    retry-on conn-failure
    option redispatch 1

frontend steward
    bind 127.0.0.1:$LB_PORT
    default_backend nodes

backend nodes
    balance roundrobin
    option httpchk GET /actuator/health
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
    server n1 127.0.0.1:${NODE_PORTS[0]} check
    server n2 127.0.0.1:${NODE_PORTS[1]} check
    server n3 127.0.0.1:${NODE_PORTS[2]} check

listen stats
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /stats
EOF
haproxy -c -q -f "$work/haproxy.cfg" || die "invalid HAProxy configuration"
echo "== HAProxy $(haproxy -v | head -1 | cut -d' ' -f3) on 127.0.0.1:$LB_PORT (stats on $STATS_PORT)"
setsid haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
haproxy_pid=$!
# haproxy_states: "n1=UP n2=DOWN n3=UP" from the stats page
haproxy_states() {
  curl -s --max-time 1 "http://127.0.0.1:$STATS_PORT/stats;csv" \
    | awk -F, '$1 == "nodes" && $2 ~ /^n[0-9]$/ { printf "%s=%s ", $2, $18 }'
}
for _ in $(seq 1 40); do [ "$(haproxy_states | grep -o UP | wc -l)" = 3 ] && break; sleep 0.5; done
[ "$(haproxy_states | grep -o UP | wc -l)" = 3 ] || die "HAProxy does not see three healthy nodes: $(haproxy_states)"
PORT=$LB_PORT   # api() goes through the load balancer

# ---------------------------------------------------------------- setup
echo "== Setup through the load balancer"
setup_start=$(date +%s)
api POST /api/v1/teams '{"name":"cl-team","title":"Cluster bench team","kind":"stream"}' >/dev/null
for user in cl-ana cl-bob cl-carol; do
  api POST /api/v1/users "{\"name\":\"$user\",\"displayName\":\"$user\",\"email\":\"$user@example.com\",\"timeZone\":\"UTC\"}" >/dev/null
  api PUT "/api/v1/teams/cl-team/members/$user" '{"role":"member"}' >/dev/null
done
api PUT /api/v1/users/cl-ana/contact-methods/pager '{"type":"email","address":"cl-ana.pager@example.com"}' >/dev/null
api PUT /api/v1/users/cl-ana/notification-rules \
  '{"rules":[{"after":"PT0S","contactMethod":"default"},{"after":"PT0S","contactMethod":"pager"}]}' >/dev/null
# a daily rotation whose first turn (cl-ana) began an hour ago, so nobody hands off during the run
api POST /api/v1/schedules "{\"name\":\"cl-primary\",\"team\":\"cl-team\",\"timeZone\":\"UTC\",\"layers\":[{\"name\":\"Daily\",\"start\":\"$(rfc3339 $((setup_start - 3600)))\",\"turnLength\":\"P1D\",\"users\":[\"cl-ana\",\"cl-bob\"]}]}" >/dev/null
api POST /api/v1/escalation-policies '{"name":"cl-escalation","team":"cl-team","repeat":1,"levels":[
  {"delay":"PT10S","targets":[{"type":"schedule","name":"cl-primary"}]},
  {"delay":"PT10S","targets":[{"type":"user","name":"cl-bob"},{"type":"user","name":"cl-carol"}]}]}' >/dev/null
routing_keys=()
for service in cl-payments cl-search; do
  api POST /api/v1/services "{\"name\":\"$service\",\"title\":\"$service\",\"description\":\"Cluster bench\",\"owner\":\"cl-team\",\"tier\":2,\"lifecycle\":\"production\"}" >/dev/null
  api PUT "/api/v1/services/$service/escalation-policy" '{"policy":"cl-escalation"}' >/dev/null
  routing_keys+=("$(api POST "/api/v1/services/$service/integration-keys" '{"name":"bench"}' | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')")
done
[ -n "${routing_keys[0]}" ] && [ -n "${routing_keys[1]}" ] || die "no integration key in the answers"
api POST /api/v1/environments '{"name":"production","title":"Production","kind":"production","order":100}' >/dev/null
api POST /api/v1/windows "{\"name\":\"cl-freeze\",\"scope\":\"company\",\"kind\":\"deny\",\"start\":\"$(rfc3339 $((setup_start + 3600)))\",\"end\":\"$(rfc3339 $((setup_start + 7200)))\",\"timeZone\":\"UTC\",\"reason\":\"Cluster bench freeze\"}" >/dev/null
api POST /api/v1/windows '{"name":"cl-payments-days","scope":"service:cl-payments","kind":"allow","schedule":"0 6 * * *","duration":"PT16H","timeZone":"Europe/Berlin"}' >/dev/null
echo "   team cl-team (cl-ana with two email addresses, cl-bob, cl-carol), schedule cl-primary, policy cl-escalation"
echo "   (level 1: the schedule, level 2: cl-bob and cl-carol, PT10S each, repeated once), services cl-payments and"
echo "   cl-search (tier 2) with integration keys, environment production, windows cl-freeze and cl-payments-days"

# ---------------------------------------------------------------- samplers and kills
# every 0.2 s: time, the status of GET /actuator/health through HAProxy, HAProxy's view of the nodes
sample_balancer() {
  while :; do
    echo "$(ms) $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$LB_PORT/actuator/health") $(haproxy_states)"
    sleep 0.2
  done >>"$work/balancer.log"
}

# picked_timers: "task/instance/version" of every timer being run by some node now
picked_timers() {
  psql_bench -At -c "select task_name || '/' || task_instance || '/' || version from scheduled_tasks where picked" 2>/dev/null | sort
}

# watch_abandoned LABEL KILL_MS: the timers being run when a node was killed that are still
# held 5 s later (the live nodes finish theirs in milliseconds) were the killed node's;
# writes how many, and how long until no node holds them any more (taken over), to
# $work/abandoned-LABEL ("count seconds", seconds "-" when none, or not yet: the watch runs
# until the checks, which stop it).
watch_abandoned() {
  local label=$1 kill_ms=$2 before held
  before=$(picked_timers)
  sleep 5
  held=$(comm -12 <(echo "$before") <(picked_timers) | sed '/^$/d')
  if [ -z "$held" ]; then
    echo "0 -" >"$work/abandoned-$label"
    return
  fi
  echo "$held" >"$work/abandoned-$label.list"
  local count; count=$(wc -l <<<"$held")
  echo "$count -" >"$work/abandoned-$label"
  while [ -n "$(comm -12 <(echo "$held") <(picked_timers) | sed '/^$/d')" ]; do sleep 1; done
  echo "$count $(seconds_between "$kill_ms" "$(ms)")" >"$work/abandoned-$label"
}

kill_node() {
  local i=$1 label=$2 at
  at=$(ms)
  kill -KILL -- "-${node_pids[$i]}" 2>/dev/null || kill -KILL "${node_pids[$i]}"
  wait "${node_pids[$i]}" 2>/dev/null || true
  node_pids[$i]=""
  echo "$label $((i + 1)) $at" >>"$work/kills.txt"
  echo "   $(date +%T) SIGKILL node $((i + 1)) (port ${NODE_PORTS[$i]})"
  watch_abandoned "$label" "$at" &
  watcher_pids+=($!)
}

restart_node() {
  local i=$1
  echo "   $(date +%T) restarting node $((i + 1)) on port ${NODE_PORTS[$i]}"
  echo "restart $((i + 1)) $(ms)" >>"$work/kills.txt"
  start_node "$i" "$work/node$((i + 1))-restart.log"
}

# sleep_until SECONDS: sleeps until SECONDS after the load started
sleep_until() {
  local left; left=$(awk -v t="$1" -v s="$load_start" -v n="$(ms)" 'BEGIN { d = t - (n - s) / 1000; print (d > 0 ? d : 0) }')
  sleep "$left"
}

pause_ms=$(( WRK_CONNECTIONS * 1000 / RATE ))
run_label="r$(date +%s)"
echo "== Load: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${DURATION}s through HAProxy, ${pause_ms} ms between the events of a connection, a new incident every $PER_KEY events of a thread"
sample_balancer &
sampler_pid=$!
load_start=$(ms)
ACKED_LOG="$work/acked.txt" timeout $((DURATION + 60)) "$WRK" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${DURATION}s" \
  --timeout 10s --latency -s "$here/events.lua" "http://127.0.0.1:$LB_PORT" -- \
  "${routing_keys[0]}" "${routing_keys[1]}" "$run_label" "$PER_KEY" "$pause_ms" >"$work/wrk.txt" 2>&1 &
wrk_pid=$!

if [ "$SHORT" = 1 ]; then
  sleep_until $((DURATION * 25 / 100)); kill_node 1 kill1
  sleep_until $((DURATION * 45 / 100)); restart_node 1
  restarted=(1)
else
  sleep_until $((DURATION * 20 / 100)); kill_node 1 kill1
  sleep_until $((DURATION * 30 / 100))
  api POST /api/v1/windows "{\"name\":\"cl-late-freeze\",\"scope\":\"service:cl-search\",\"kind\":\"deny\",\"start\":\"$(rfc3339 $((setup_start + 10800)))\",\"end\":\"$(rfc3339 $((setup_start + 14400)))\",\"timeZone\":\"UTC\"}" >/dev/null
  sleep_until $((DURATION * 40 / 100)); kill_node 2 kill2
  sleep_until $((DURATION * 55 / 100)); restart_node 1; restart_node 2
  restarted=(1 2)
fi
api POST /api/v1/schedules/cl-primary/overrides "{\"user\":\"cl-carol\",\"start\":\"$(rfc3339 $((setup_start + 18000)))\",\"end\":\"$(rfc3339 $((setup_start + 21600)))\"}" >/dev/null
for i in "${restarted[@]}"; do
  wait_healthy "${NODE_PORTS[$i]}" "${node_pids[$i]}"
  echo "healthy $((i + 1)) $(ms)" >>"$work/kills.txt"
  echo "   $(date +%T) node $((i + 1)) healthy again"
done
wait "$wrk_pid" || die "wrk failed: $(tail -5 "$work/wrk.txt")"
wrk_pid=""
load_end=$(date +%s)
cat "$work/wrk.txt"
wrk_result=$(grep '^RESULT' "$work/wrk.txt") || die "wrk printed no RESULT line"
sleep 3   # HAProxy's view of the restarted nodes, and answers still in flight
kill "$sampler_pid" 2>/dev/null || true
wait "$sampler_pid" 2>/dev/null || true
sampler_pid=""

# ---------------------------------------------------------------- settle
echo "== Waiting (at most $SETTLE s) until every incident has escalated to its end"
settle_start=$(date +%s)
while :; do
  state=$(psql_bench -At -F ' ' -c "select
      (select count(*) from scheduled_tasks where task_name in ('incident-escalation', 'notification-delivery')),
      (select count(*) from scheduled_tasks where task_name in ('incident-escalation', 'notification-delivery') and picked),
      (select coalesce(extract(epoch from max(created_at))::bigint, 0) from incidents)")
  read -r timers_left timers_picked last_created <<<"$state"
  if [ "$timers_left" = 0 ] && [ "$(date +%s)" -ge $((last_created + ESCALATION_SPAN + 5)) ]; then break; fi
  if [ "$(date +%s)" -ge $((settle_start + SETTLE)) ]; then
    echo "   gave up after $SETTLE s: $timers_left escalation and delivery timers left ($timers_picked held by a node)"
    break
  fi
  sleep 2
done
settled_s=$(( $(date +%s) - load_end ))
echo "   settled $settled_s s after the load ended; timers left: $timers_left"

# ---------------------------------------------------------------- checks
failures=()
passed=0
# check MESSAGE TEST…: runs the test command; counts it passed, or failed with MESSAGE
check() {
  local message=$1; shift
  if "$@"; then passed=$((passed + 1)); else failures+=("$message"); echo "   CHECK FAILED: $message"; fi
}

echo "== Events: every 2xx answer against the database"
psql_bench -At -F ' ' -c "select i.dedup_key, i.number, count(e.id) from incidents i
  left join incident_events e on e.incident = i.number group by i.dedup_key, i.number" >"$work/stored.txt"
read -r pairs accepted_events found_events lost_events wrong_incident <<<"$(awk '
  NR == FNR { stored[$2] = $3; key[$2] = $1; next }
  { pairs++; accepted += $3
    if (!($2 in stored) || key[$2] != $1) { wrong += $3; lost += $3; next }
    found += ($3 < stored[$2] ? $3 : stored[$2]); if ($3 > stored[$2]) lost += $3 - stored[$2] }
  END { printf "%d %d %d %d %d", pairs, accepted, found, lost, wrong }' "$work/stored.txt" "$work/acked.txt")"
stored_events=$(psql_bench -At -c "select count(*) from incident_events")
sent_events=$(field "$wrk_result" requests)
unreadable=$(field "$wrk_result" unreadable)
duplicate_keys=$(psql_bench -At -c "select count(*) from (select service, dedup_key from incidents group by service, dedup_key having count(*) > 1) d")
open_incidents=$(psql_bench -At -c "select count(*) from incidents where status = 'triggered'")
all_incidents=$(psql_bench -At -c "select count(*) from incidents")
alert_mismatch=$(psql_bench -At -c "select count(*) from incidents i where alert_count <> (select count(*) from incident_events e where e.incident = i.number)")
echo "   sent $sent_events, answered 2xx $accepted_events (unreadable answers: $unreadable) for $pairs dedup keys; stored $stored_events; found $found_events; lost $lost_events (of which in another incident than answered: $wrong_incident)"
echo "   incidents $all_incidents ($open_incidents triggered); dedup keys with more than one incident: $duplicate_keys; alert counts that differ from the stored events: $alert_mismatch"
check "$lost_events events answered 2xx are not in their incident" [ "$lost_events" = 0 ]
check "$unreadable 2xx answers named no dedup key or incident" [ "$unreadable" = 0 ]
check "$duplicate_keys dedup keys have more than one incident" [ "$duplicate_keys" = 0 ]
check "$alert_mismatch incidents count other alerts than they store" [ "$alert_mismatch" = 0 ]
check "no event was accepted" [ "$accepted_events" -gt 0 ]

echo "== Pages: every escalation step of every incident, each address once"
# expected: 2 rounds × (level 1: the schedule's cl-ana at both her addresses, level 2: cl-bob and cl-carol)
oncall_now=$(api GET "/api/v1/schedules/cl-primary/oncall?at=$(rfc3339 "$load_end")" | sed -n 's/.*"user":"\([^"]*\)".*/\1/p')
check "the schedule has $oncall_now on call, not cl-ana" [ "$oncall_now" = cl-ana ]
psql_bench -At -c "select number from incidents" | awk '{
  for (r = 1; r <= 2; r++) {
    print "cl-ana@example.com", $1, 1, r; print "cl-ana.pager@example.com", $1, 1, r
    print "cl-bob@example.com", $1, 2, r; print "cl-carol@example.com", $1, 2, r } }' >"$work/expected-pages.txt"
read -r expected_pages sent_pages duplicated_pages missing_pages unexpected_pages other_mails <<<"$(awk -F'\t' '
  NR == FNR { split($0, f, " "); expected[f[1] " " f[2] " " f[3] " " f[4]] = 1; n++; next }
  $3 == "-" { other++; next }
  { got[$2 " " $3 " " $4 " " $5]++; sent++ }
  END { for (k in got) { if (!(k in expected)) unexpected += got[k]; else if (got[k] > 1) dup += got[k] - 1 }
        for (k in expected) if (!(k in got)) missing++
        printf "%d %d %d %d %d %d", n, sent, dup, missing, unexpected, other }' "$work/expected-pages.txt" "$work/mails.tsv")"
deliveries=$(psql_bench -At -F ' ' -c "select string_agg(status || '=' || n, ' ' order by status) from
  (select status, count(*) n from notification_deliveries group by status) s")
echo "   expected $expected_pages, sent $sent_pages, duplicated $duplicated_pages, missing $missing_pages, unexpected $unexpected_pages (other mails: $other_mails); deliveries in the database: ${deliveries:-none}"
check "$duplicated_pages pages were sent more than once" [ "$duplicated_pages" = 0 ]
check "$missing_pages pages were never sent" [ "$missing_pages" = 0 ]
check "$unexpected_pages pages went to an address no step names" [ "$unexpected_pages" = 0 ]
check "no page was expected" [ "$expected_pages" -gt 0 ]
if [ "$duplicated_pages" != 0 ] || [ "$missing_pages" != 0 ]; then
  awk -F'\t' '$3 != "-" { c[$2 " #" $3 " level " $4 " round " $5]++ } END { for (k in c) if (c[k] > 1) print "     sent " c[k] " times: " k }' "$work/mails.tsv" | head -10
fi

echo "== Agreement: the same questions to every node directly"
agreement() {
  local path=$1 i answer first="" same=1
  for i in 0 1 2; do
    answer=$(curl -s --max-time 10 -H "Authorization: Bearer $token" -H 'Accept: application/json' "$(node_url "$i")$path")
    [ -n "$first" ] || first=$answer
    [ "$answer" = "$first" ] || same=0
    echo "$(node_url "$i")$path → $answer" >>"$work/agreement.txt"
  done
  [ -n "$first" ] || same=0
  echo "$same"
}
disagreements=0
for at in "$(rfc3339 "$load_end")" "$(rfc3339 $((setup_start + 5400)))" "$(rfc3339 $((setup_start + 12600)))"; do
  for service in cl-payments cl-search; do
    same=$(agreement "/api/v1/gate?service=$service&environment=production&at=$at")
    disagreements=$((disagreements + 1 - same))
    check "the nodes answer the gate of $service at $at differently" [ "$same" = 1 ]
  done
done
for at in "$(rfc3339 "$load_end")" "$(rfc3339 $((setup_start + 19800)))"; do
  for path in "/api/v1/services/cl-payments/oncall?at=$at" "/api/v1/oncall?at=$at"; do
    same=$(agreement "$path")
    disagreements=$((disagreements + 1 - same))
    check "the nodes answer $path differently" [ "$same" = 1 ]
  done
done
late_freeze=$(curl -s -H "Authorization: Bearer $token" "$(node_url 0)/api/v1/gate?service=cl-search&environment=production&at=$(rfc3339 $((setup_start + 12600)))")
[ "$SHORT" = 1 ] || check "the window added during the load does not close the gate: $late_freeze" grep -q '"open":false' <<<"$late_freeze"
override=$(curl -s -H "Authorization: Bearer $token" "$(node_url 2)/api/v1/schedules/cl-primary/oncall?at=$(rfc3339 $((setup_start + 19800)))")
check "the override added during the load is not seen: $override" grep -q '"user":"cl-carol"' <<<"$override"
echo "   gate (2 services × 3 instants) and on-call (2 questions × 2 instants) from 3 nodes: $disagreements disagreements"

echo "== Kills and recovery"
# recovery LABEL NODE KILL_MS: when HAProxy served 2xx again, marked the node DOWN, and the failed probes in between
recovery() {
  awk -v k="$3" -v n="n$2" '$1 >= k {
      if (first2xx == "" && $2 == 200) first2xx = ($1 - k) / 1000
      if (first2xx == "" && $2 != 200) failed++
      for (i = 3; i <= NF; i++) if (down == "" && $i == n "=DOWN") down = ($1 - k) / 1000 }
    END { printf "%s %s %d", (first2xx == "" ? "-" : sprintf("%.1f", first2xx)), (down == "" ? "-" : sprintf("%.1f", down)), failed }' "$work/balancer.log"
}
# back_up NODE SINCE_MS: seconds from SINCE_MS until HAProxy marked the node UP
back_up() {
  awk -v k="$2" -v n="n$1" '$1 >= k { for (i = 3; i <= NF; i++) if ($i == n "=UP") { printf "%.1f", ($1 - k) / 1000; found = 1; exit } }
    END { if (!found) printf "-" }' "$work/balancer.log"
}
for w in "${watcher_pids[@]}"; do kill "$w" 2>/dev/null || true; wait "$w" 2>/dev/null || true; done
watcher_pids=()
kill_results=()
restart_at=()
while read -r what node at; do
  case $what in
    kill*)
      read -r lb_2xx marked_down failed_probes <<<"$(recovery "$what" "$node" "$at")"
      read -r abandoned takeover <<<"$(cat "$work/abandoned-$what" 2>/dev/null || echo "? -")"
      echo "   $what: node $node SIGKILLed; HAProxy served 2xx again after $lb_2xx s ($failed_probes failed probes), marked it DOWN after $marked_down s; timers it held: $abandoned, taken over after $takeover s"
      check "$abandoned timers held by killed node $node were not taken over during the run" \
        [ "$abandoned" = 0 -o "$takeover" != - ]
      kill_results+=("RESULT cluster-kill label=$what node=$node lb_2xx_after_s=$lb_2xx marked_down_s=$marked_down failed_probes=$failed_probes abandoned_timers=$abandoned takeover_s=$takeover")
      ;;
    restart) restart_at[$node]=$at ;;
    healthy)
      up=$(back_up "$node" "${restart_at[$node]}")
      echo "   node $node restarted: healthy after $(seconds_between "${restart_at[$node]}" "$at") s, HAProxy marked it UP after $up s"
      kill_results+=("RESULT cluster-restart node=$node healthy_s=$(seconds_between "${restart_at[$node]}" "$at") marked_up_s=$up")
      ;;
  esac
done <"$work/kills.txt"
incomplete=$(psql_bench -At -c "select count(*) from event_publication where completion_date is null" 2>/dev/null || echo "?")
incomplete_listeners=$(psql_bench -At -c "select string_agg(distinct listener_id, ', ') from event_publication where completion_date is null" 2>/dev/null || true)
echo "   event publications not completed: $incomplete${incomplete_listeners:+ ($incomplete_listeners)}"
stats=$(curl -s --max-time 2 "http://127.0.0.1:$STATS_PORT/stats;csv" | awk -F, '$1 == "nodes" && $2 == "BACKEND" { print "retries=" $16 " redispatches=" $17 }')

echo
echo "== Figures (load now: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '   events: sent %s, answered 2xx %s (%s/s, p50 %s ms, p99 %s ms, max %s ms), non-2xx %s, socket errors %s, stored %s, found %s, lost %s\n' \
  "$sent_events" "$accepted_events" "$(field "$wrk_result" rps)" "$(field "$wrk_result" p50_ms)" "$(field "$wrk_result" p99_ms)" \
  "$(field "$wrk_result" max_ms)" "$(field "$wrk_result" non2xx)" "$(field "$wrk_result" socket_errors)" "$stored_events" "$found_events" "$lost_events"
echo "   incidents: $all_incidents, duplicated dedup keys $duplicate_keys; pages: expected $expected_pages, sent $sent_pages, duplicated $duplicated_pages, missing $missing_pages"
echo "   HAProxy: $stats; event publications left incomplete: $incomplete"
echo "RESULT cluster-events sent=$sent_events accepted=$accepted_events stored=$stored_events found=$found_events lost=$lost_events non2xx=$(field "$wrk_result" non2xx) socket_errors=$(field "$wrk_result" socket_errors) rps=$(field "$wrk_result" rps) p99_ms=$(field "$wrk_result" p99_ms)"
echo "RESULT cluster-incidents incidents=$all_incidents duplicated_keys=$duplicate_keys alert_count_mismatches=$alert_mismatch"
echo "RESULT cluster-pages expected=$expected_pages sent=$sent_pages duplicated=$duplicated_pages missing=$missing_pages unexpected=$unexpected_pages settled_s=$settled_s"
printf '%s\n' "${kill_results[@]}"
echo "RESULT cluster-agreement questions=14 disagreements=$disagreements incomplete_publications=$incomplete"
echo "cluster: $passed passed, ${#failures[@]} failed"
if [ "${#failures[@]}" = 0 ]; then
  echo "RESULT cluster checks=passed"
  ok=1
else
  echo "RESULT cluster checks=failed failures=${#failures[@]}"
  printf '   %s\n' "${failures[@]}"
  KEEP_LOGS=1
  exit 1
fi
