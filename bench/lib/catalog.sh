# The foundation dataset of bench/catalog, shared by the benchmarks that build on it (sourced
# after bench/lib/server.sh, with the server started): load_catalog runs
# bench/catalog/CatalogLoader.java against 127.0.0.1:$PORT with the admin token and times it.

TEAMS=${TEAMS:-1000}
SERVICES=${SERVICES:-10000}
DEPENDENCIES=${DEPENDENCIES:-50000}
CONCURRENCY=${CONCURRENCY:-16}
LOAD_TIMEOUT=${LOAD_TIMEOUT:-1200}    # seconds the loader may take before it is killed
catalog_loader="$(cd "$(dirname "${BASH_SOURCE[0]}")/../catalog" && pwd)/CatalogLoader.java"

# load_catalog OUTPUT: loads $TEAMS teams, $SERVICES services and $DEPENDENCIES dependencies
# through the API, printing the loader's lines (also into OUTPUT); sets load_wall (seconds,
# including compiling the single-file program)
load_catalog() {
  local output=$1 t0
  echo "== Loading $TEAMS teams, $SERVICES services, $DEPENDENCIES dependencies (concurrency $CONCURRENCY)"
  t0=$(now)
  timeout --signal=TERM "$LOAD_TIMEOUT" "${JAVA_HOME:+$JAVA_HOME/bin/}java" "$catalog_loader" \
    --url "http://127.0.0.1:$PORT" --token "$token" --teams "$TEAMS" --services "$SERVICES" \
    --dependencies "$DEPENDENCIES" --concurrency "$CONCURRENCY" | tee "$output"
  load_wall=$(elapsed "$t0" "$(now)")
  echo "   loader wall time (including compiling the single-file program): $load_wall s"
}
