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
