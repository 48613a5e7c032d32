# Shared by the server benchmarks (sourced after bench/env.sh): the PostgreSQL database,
# starting `steward server` on it, calling its API with the admin token, the CPU used by
# server, PostgreSQL and machine, and reading the RESULT lines of the wrk scripts. The
# caller defines $work, $PORT, $DB_NAME and a cleanup trap that calls stop_server (from
# bench/common.sh) and drop_database.

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

# java_options [property=value…]: $STEWARD_JAVA_OPTS with each property as a -D option
java_options() {
  local opts="${STEWARD_JAVA_OPTS:-}" p
  for p in "$@"; do opts="$opts -D$p"; done
  printf '%s' "$opts"
}

# launch_steward PORT DATA_DIR LOG TOKEN [property=value…]: starts `steward server` on
# 127.0.0.1:PORT against $DB_NAME with the bootstrap token TOKEN, in the background, and sets
# $launched_pid. `steward server` takes no Spring arguments of its own (picocli refuses
# unknown options), so the properties go to the JVM as -D system properties through
# STEWARD_JAVA_OPTS, which the launcher passes on.
launch_steward() {
  local port=$1 data=$2 log=$3 bootstrap=$4; shift 4
  local opts; opts=$(java_options "$@")
  # setsid: the server gets its own process group, so cleanup stops it and anything it started
  STEWARD_BOOTSTRAP_TOKEN="$bootstrap" SERVER_ADDRESS=127.0.0.1 STEWARD_JAVA_OPTS="$opts" \
    setsid "$STEWARD" server --port "$port" --data-dir "$data" \
    --db-url "jdbc:postgresql://$PGHOST:$PGPORT/$DB_NAME" --db-user "$PGUSER" ${DB_PASSWORD:+--db-password "$DB_PASSWORD"} \
    >"$log" 2>&1 &
  launched_pid=$!
}

# wait_healthy PORT PID: waits until the server PID on 127.0.0.1:PORT answers UP on
# /actuator/health, at most $START_TIMEOUT s; dies when it exits or does not get there.
wait_healthy() {
  local port=$1 pid=$2
  local deadline=$(( $(date +%s) + START_TIMEOUT ))
  until curl -sf --max-time 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || die "the server on port $port exited during start"
    [ "$(date +%s)" -lt "$deadline" ] || die "no healthy server on port $port after $START_TIMEOUT s"
    sleep 0.25
  done
}

# start_server LOG [property=value…]: starts steward on 127.0.0.1:$PORT against $DB_NAME
# with a fresh bootstrap token ($token) and waits until it is healthy.
start_server() {
  local log=$1; shift
  token="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  echo "== Starting steward on 127.0.0.1:$PORT with$(java_options "$@") (log: $log)"
  local t0; t0=$(now)
  rm -rf "$work/data"
  launch_steward "$PORT" "$work/data" "$log" "$token" "$@"
  server_pid=$launched_pid
  wait_healthy "$PORT" "$server_pid"
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
# cpu_usage BEFORE AFTER SECONDS: "server postgres machine cores", CPU use in between in % of
# one core (machine: all processes, of cores × 100 %)
cpu_usage() {
  local hz; hz=$(getconf CLK_TCK)
  awk -v a="$1" -v b="$2" -v s="$3" -v hz="$hz" -v cores="$(nproc)" 'BEGIN {
    split(a, x, " "); split(b, y, " ");
    printf "%.0f %.0f %.0f %d", (y[1]-x[1]) / hz / s * 100, (y[2]-x[2]) / hz / s * 100,
      (y[3]-x[3]) / (y[4]-x[4]) * cores * 100, cores }'
}
# cpu_report BEFORE AFTER SECONDS: the same as a sentence
cpu_report() {
  local u; read -ra u <<<"$(cpu_usage "$@")"
  printf 'server process %s %%, PostgreSQL (all backends) %s %%, whole machine %s %% busy of %s00 %% (%% of one core)' \
    "${u[0]}" "${u[1]}" "${u[2]}" "${u[3]}"
}
# children_ticks: clock ticks (user + system) used so far by the finished children of the
# script's shell (and theirs: cutime + cstime of $$); the difference around a foreground
# command, such as wrk, is what it used
children_ticks() { awk '{ print $16 + $17 }' "/proc/$$/stat"; }
# db_activity: "transactions rows_returned rows_fetched rows_written" of $DB_NAME so far
# (pg_stat_database; backends report at most once a second while busy, so a difference
# over a run of many seconds is close, not exact)
db_activity() {
  psql_bench -At -F ' ' -c "select xact_commit + xact_rollback, tup_returned, tup_fetched,
    tup_inserted + tup_updated + tup_deleted from pg_stat_database where datname = current_database()"
}
# wait_sampler FILE: every 0.2 s, the state and wait event of each backend of $DB_NAME, until killed
wait_sampler() {
  while :; do
    psql_bench -At -F ' ' -c "select coalesce(state, '-'), coalesce(wait_event_type, 'CPU'), coalesce(wait_event, '-')
      from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()" 2>/dev/null || true
    sleep 0.2
  done >>"$1"
}

# field LINE NAME: the value of NAME=… in a RESULT line
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }

# cleanup_run STATUS LOG: the end of a run with a server on its own database, on success
# and on failure alike: stops the server, drops the database, says FAILED unless $ok is 1,
# and reports and tidies up (report_and_tidy LOG).
cleanup_run() {
  local status=$1 log=$2
  [ -n "$server_pid" ] && echo "Stopping the server (pid $server_pid)…" >&2
  stop_server
  drop_database
  [ "$ok" = 1 ] || echo "FAILED (status $status)" >&2
  report_and_tidy "$log"
}
