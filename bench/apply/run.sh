#!/usr/bin/env bash
# Catalog-as-code benchmark: `steward apply` of 1,000 teams, 10,000 services and 50,000
# dependencies from YAML files into a fresh PostgreSQL database, then the same apply again
# (nothing changes). Targets: first apply < 60 s, no-change re-apply < 15 s.
# Run from the repository root: bench/apply/run.sh   (TEAMS, SERVICES, DEPENDENCIES, PORT, DB_NAME override)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=bench/env.sh
. "$here/../env.sh"
PORT=${PORT:-18086}
DB_NAME=${DB_NAME:-steward_apply_bench}
TEAMS=${TEAMS:-1000}
SERVICES=${SERVICES:-10000}
DEPENDENCIES=${DEPENDENCIES:-50000}
TOKEN="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
work="$(mktemp -d -t steward-apply-bench.XXXXXX)"
server_pid=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_server
  psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $DB_NAME with (force)" >/dev/null 2>&1 || true
  [ "$status" = 0 ] && rm -rf "$work" || echo "FAILED (status $status); logs in $work" >&2
  exit "$status"
}
# shellcheck source=bench/common.sh
. "$here/../common.sh"
require_launcher_and_free_port

"$JAVA_HOME/bin/java" "$here/GenerateCatalog.java" "$work/catalog" "$TEAMS" "$SERVICES" "$DEPENDENCIES"
psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $DB_NAME with (force)" -c "create database $DB_NAME"
STEWARD_BOOTSTRAP_TOKEN="$TOKEN" SERVER_ADDRESS=127.0.0.1 "$STEWARD" server --port "$PORT" --data-dir "$work/data" \
  --db-url "jdbc:postgresql://127.0.0.1:5432/$DB_NAME" --db-user postgres > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || die "the server did not start"

apply() {
  local start end
  start=$(date +%s.%N)
  timeout 900 "$STEWARD" apply -f "$work/catalog" --server "http://127.0.0.1:$PORT" --token "$TOKEN" > "$work/apply-$1.txt"
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }'
}
first=$(apply first)
second=$(apply second)
echo "first apply:  $first s  ($(tail -1 "$work/apply-first.txt"))  target < 60 s"
echo "second apply: $second s  ($(tail -1 "$work/apply-second.txt"))  target < 15 s"
