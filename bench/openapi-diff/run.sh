#!/usr/bin/env bash
# OpenAPI contract comparison benchmark (JMH): builds bench/openapi-diff (a standalone Maven
# project that compiles the comparator's sources from this checkout's src/main/java) into
# bench/openapi-diff/target/benchmarks.jar, prints what the two benchmarked documents look
# like and what their comparison finds, then measures the average time of
#   - compare: OpenApiContracts.compare of two OpenAPI 3.0 documents of 2,000 operations on
#     1,000 paths (602 component schemas with nested objects, arrays, enums, constraints),
#     the revision with a handful of breaking and compatible changes; both documents are
#     parsed in each call — target < 2 s,
#   - parse: OpenApiContracts.parse of one of them,
# with JMH's GC profiler (allocated bytes per operation). Prints a RESULT line per benchmark.
#
# Run from anywhere, e.g. the repository root:  bench/openapi-diff/run.sh
# Settings (environment): JAVA_HOME (default Temurin 25), MVN_FLAGS (default "-B -q"; add
# -o to build offline), FORKS (2), WARMUP_ITERATIONS (5), WARMUP_TIME (5s),
# ITERATIONS (5), ITERATION_TIME (5s), JMH_ARGS (more JMH options, e.g. "-prof stack").
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# shellcheck source=bench/env.sh
. "$here/../env.sh"
MVN_FLAGS=${MVN_FLAGS:--B -q}
FORKS=${FORKS:-2}
WARMUP_ITERATIONS=${WARMUP_ITERATIONS:-5}
WARMUP_TIME=${WARMUP_TIME:-5s}
ITERATIONS=${ITERATIONS:-5}
ITERATION_TIME=${ITERATION_TIME:-5s}
JMH_ARGS=${JMH_ARGS:-}
TARGET_MS=2000

die() { echo "ERROR: $*" >&2; exit 1; }

java="$JAVA_HOME/bin/java"
[ -x "$java" ] || die "no java at $java (set JAVA_HOME to a JDK 21+)"
jar="$here/target/benchmarks.jar"
results="$here/target/jmh-results.csv"

echo "== Building $jar ($("$java" -version 2>&1 | head -1))"
# shellcheck disable=SC2086 # MVN_FLAGS is a list of options
"$root/mvnw" $MVN_FLAGS -f "$here/pom.xml" clean package
[ -f "$jar" ] || die "the build did not produce $jar"

echo "== Benchmarked documents"
"$java" -cp "$jar" dev.steward.bench.openapidiff.LargeContracts

echo "== JMH: $FORKS forks, warm-up $WARMUP_ITERATIONS x $WARMUP_TIME, measurement $ITERATIONS x $ITERATION_TIME"
# shellcheck disable=SC2086 # JMH_ARGS is a list of options
"$java" -jar "$jar" -f "$FORKS" -wi "$WARMUP_ITERATIONS" -w "$WARMUP_TIME" -i "$ITERATIONS" -r "$ITERATION_TIME" \
  -prof gc -rf csv -rff "$results" $JMH_ARGS 'dev\.steward\.bench\.openapidiff\.ContractComparisonBenchmark\.'

# JMH's CSV (CRLF lines) holds one row per benchmark and one per secondary figure
# (benchmark:figure).
awk -F, -v target="$TARGET_MS" '
  function unquote(s) { gsub(/"/, "", s); return s }
  { sub(/\r$/, "") }
  NR > 1 {
    name = unquote($1); sub(/^.*ContractComparisonBenchmark\./, "", name)
    score = unquote($5) + 0; error = unquote($6); unit = unquote($7)
    if (name ~ /:gc\.alloc\.rate\.norm$/) { sub(/:.*/, "", name); alloc[name] = sprintf(" alloc=%.0f B/op", score); next }
    if (name ~ /:/) next
    order[++n] = name; value[name] = score; units[name] = unit
    line[name] = sprintf("%.3f", score) (error == "NaN" ? "" : sprintf(" ± %.3f", error)) " " unit
  }
  END {
    for (i = 1; i <= n; i++) {
      name = order[i]
      verdict = ""
      if (name == "compare") verdict = (units[name] == "ms/op" && value[name] < target) ? " (target < " target " ms: met)" : " (target < " target " ms: MISSED)"
      printf "RESULT %s %s%s%s\n", name, line[name], alloc[name], verdict
    }
  }' "$results"
