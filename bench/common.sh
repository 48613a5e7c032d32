# Shared by the benchmark scripts (sourced after they define cleanup, STEWARD and PORT):
# exit traps, error exit, and the checks that the launcher exists and the port is free.

trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

die() { echo "ERROR: $*" >&2; exit 1; }

require_launcher_and_free_port() {
  [ -x "$STEWARD" ] || die "launcher $STEWARD not found or not executable (set STEWARD)"
  if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; then
    die "something already answers on 127.0.0.1:$PORT (set PORT)"
  fi
}

# stop_group PID: stops the process PID started with setsid and its process group (TERM,
# then KILL after 30 s).
stop_group() {
  local pid=$1
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "Process $pid did not stop within 30 s; killing it" >&2
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  fi
}

# Stops the server started as $server_pid and forgets it.
stop_server() {
  stop_group "$server_pid"
  server_pid=""
}

# Ends a run's cleanup: on failure ($ok is not 1) prints the last lines of the server log
# $1; keeps the work directory $work on failure or with KEEP_LOGS=1, removes it otherwise.
report_and_tidy() {
  local log=$1
  if [ "$ok" != 1 ]; then
    echo "FAILED. Last lines of the server log:" >&2
    tail -n 40 "$log" 2>/dev/null >&2 || true
  fi
  if [ "${KEEP_LOGS:-0}" = 1 ] || [ "$ok" != 1 ]; then
    echo "Logs kept in $work" >&2
  else
    rm -rf "$work"
  fi
}
