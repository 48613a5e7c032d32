# Shared by bench/events/run.sh and bench/events/paging.sh (sourced after bench/env.sh):
# the database, starting a server on it, and the API calls that set up a service with an
# integration key. The caller defines $work, $PORT, $DB_NAME and the cleanup trap.

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB_PASSWORD=${DB_PASSWORD:-}
START_TIMEOUT=${START_TIMEOUT:-180}
export PGHOST PGPORT PGUSER
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }
psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB_NAME" "$@"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

server_pid=""
db_created=0

fresh_database() {
  echo "== Database $DB_NAME on $PGHOST:$PGPORT"
  psql_admin -c "drop database if exists $DB_NAME with (force)"
  psql_admin -c "create database $DB_NAME"
  db_created=1
}

drop_database() {
  if [ "$db_created" = 1 ]; then
    psql_admin -c "drop database if exists $DB_NAME with (force)" >/dev/null 2>&1 \
      || echo "Could not drop database $DB_NAME" >&2
    db_created=0
  fi
}

# start_server LOG [property=value…]: starts steward on 127.0.0.1:$PORT against $DB_NAME
# with a fresh bootstrap token ($token) and waits until it is healthy. `steward server`
# takes no Spring arguments of its own (picocli refuses unknown options), so the properties
# go to the JVM as -D system properties through STEWARD_JAVA_OPTS, which the launcher passes on.
start_server() {
  local log=$1; shift
  local opts="${STEWARD_JAVA_OPTS:-}" p
  for p in "$@"; do opts="$opts -D$p"; done
  token="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  echo "== Starting steward on 127.0.0.1:$PORT with$opts (log: $log)"
  local t0; t0=$(now)
  rm -rf "$work/data"
  # setsid: the server gets its own process group, so cleanup stops it and anything it started
  STEWARD_BOOTSTRAP_TOKEN="$token" SERVER_ADDRESS=127.0.0.1 STEWARD_JAVA_OPTS="$opts" \
    setsid "$STEWARD" server --port "$PORT" --data-dir "$work/data" \
    --db-url "jdbc:postgresql://$PGHOST:$PGPORT/$DB_NAME" --db-user "$PGUSER" ${DB_PASSWORD:+--db-password "$DB_PASSWORD"} \
    >"$log" 2>&1 &
  server_pid=$!
  local deadline=$(( $(date +%s) + START_TIMEOUT ))
  until curl -sf --max-time 2 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$server_pid" 2>/dev/null || die "the server exited during start"
    [ "$(date +%s)" -lt "$deadline" ] || die "no healthy server after $START_TIMEOUT s"
    sleep 0.25
  done
  echo "   healthy after $(elapsed "$t0" "$(now)") s"
}

# api METHOD PATH [JSON]: calls the API with the admin token, prints the body, fails on >= 300.
api() {
  local method=$1 path=$2 body=${3:-}
  local out status
  out=$(curl -s -w '\n%{http_code}' -X "$method" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -H 'Accept: application/json' \
    ${body:+--data "$body"} "http://127.0.0.1:$PORT$path") || die "$method $path: curl failed"
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  [ "$status" -lt 300 ] || die "$method $path answered $status: $out"
  printf '%s' "$out"
}

# setup_service POLICY_USER: team bench-team, service bench-api (tier 2) and an integration
# key ($routing_key). With a user name, also that user (email <user>@example.com, no
# notification rules, so email at once) and an escalation policy whose level 1 pages them,
# named by the service; without, the service has no policy (ingestion only).
setup_service() {
  local user=${1:-}
  api POST /api/v1/teams '{"name":"bench-team","title":"Bench team","kind":"stream"}' >/dev/null
  api POST /api/v1/services '{"name":"bench-api","title":"Bench API","description":"Receives the benchmark events","owner":"bench-team","tier":2,"lifecycle":"production"}' >/dev/null
  if [ -n "$user" ]; then
    api POST /api/v1/users "{\"name\":\"$user\",\"displayName\":\"Bench On-call\",\"email\":\"$user@example.com\",\"timeZone\":\"UTC\"}" >/dev/null
    api PUT "/api/v1/teams/bench-team/members/$user" '{"role":"member"}' >/dev/null
    api POST /api/v1/escalation-policies "{\"name\":\"bench-escalation\",\"team\":\"bench-team\",\"repeat\":0,\"levels\":[{\"delay\":\"PT30M\",\"targets\":[{\"type\":\"user\",\"name\":\"$user\"}]}]}" >/dev/null
    api PUT /api/v1/services/bench-api/escalation-policy '{"policy":"bench-escalation"}' >/dev/null
  fi
  routing_key=$(api POST /api/v1/services/bench-api/integration-keys '{"name":"bench"}' \
    | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
  [ -n "$routing_key" ] || die "no integration key in the answer"
  echo "   team bench-team, service bench-api (tier 2${user:+, policy bench-escalation → $user}), integration key created"
}

# cpu_ticks PID…: user+system clock ticks used so far by the given processes (gone ones count 0)
cpu_ticks() {
  local total=0 p t
  for p in "$@"; do
    t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null) || t=0
    total=$((total + ${t:-0}))
  done
  echo "$total"
}
postgres_pids() { pgrep -u postgres -d ' ' postgres || true; }
# cpu_snapshot: "server_ticks (of $watched_pid, else $server_pid) postgres_ticks total_busy_ticks total_ticks" now
cpu_snapshot() {
  # shellcheck disable=SC2046
  echo "$(cpu_ticks "${watched_pid:-$server_pid}") $(cpu_ticks $(postgres_pids)) $(awk '/^cpu /{print $2+$3+$4+$7+$8, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)"
}
# cpu_report BEFORE AFTER SECONDS: CPU use in between, in % of one core
cpu_report() {
  local hz; hz=$(getconf CLK_TCK)
  awk -v a="$1" -v b="$2" -v s="$3" -v hz="$hz" -v cores="$(nproc)" 'BEGIN {
    split(a, x, " "); split(b, y, " ");
    printf "server process %.0f %%, PostgreSQL (all backends) %.0f %%, whole machine %.0f %% busy of %d00 %% (%% of one core)",
      (y[1]-x[1]) / hz / s * 100, (y[2]-x[2]) / hz / s * 100,
      (y[3]-x[3]) / (y[4]-x[4]) * cores * 100, cores }'
}
# wait_sampler FILE: every 0.2 s, the state and wait event of each backend of $DB_NAME, until killed
wait_sampler() {
  while :; do
    psql_bench -At -F ' ' -c "select coalesce(state, '-'), coalesce(wait_event_type, 'CPU'), coalesce(wait_event, '-')
      from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()" 2>/dev/null || true
    sleep 0.2
  done >>"$1"
}
