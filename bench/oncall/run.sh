#!/usr/bin/env bash
# On-call schedule renderer benchmark (JMH): builds bench/oncall (a standalone Maven project
# that compiles the renderer's sources from this checkout's src/main/java) into
# bench/oncall/target/benchmarks.jar, prints what the benchmarked schedule looks like, then
# measures the average time of
#   - renderOneYear: the final schedule of 5 layers x 20 users (weekly, daily and 12-hour
#     turns, restricted layers, a layer that ends, 12 overrides) in Europe/Berlin over one
#     year — target < 20 ms,
#   - onCallAt: who is on call at one instant of that year (1,024 instants in turn),
# with JMH's GC profiler (allocated bytes per operation). Prints a RESULT line per benchmark.
#
# Run from anywhere, e.g. the repository root:  bench/oncall/run.sh
# Settings (environment): JAVA_HOME (default Temurin 25), MVN_FLAGS (default "-B -q"; add
# -o to build offline), FORKS (2), WARMUP_ITERATIONS (5), WARMUP_TIME (1s),
# ITERATIONS (5), ITERATION_TIME (2s), JMH_ARGS (more JMH options, e.g. "-prof stack").
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# shellcheck source=bench/env.sh
. "$here/../env.sh"
MVN_FLAGS=${MVN_FLAGS:--B -q}
FORKS=${FORKS:-2}
WARMUP_ITERATIONS=${WARMUP_ITERATIONS:-5}
WARMUP_TIME=${WARMUP_TIME:-1s}
ITERATIONS=${ITERATIONS:-5}
ITERATION_TIME=${ITERATION_TIME:-2s}
JMH_ARGS=${JMH_ARGS:-}
TARGET_MS=20

die() { echo "ERROR: $*" >&2; exit 1; }

java="$JAVA_HOME/bin/java"
[ -x "$java" ] || die "no java at $java (set JAVA_HOME to a JDK 21+)"
jar="$here/target/benchmarks.jar"
results="$here/target/jmh-results.csv"

echo "== Building $jar ($("$java" -version 2>&1 | head -1))"
# shellcheck disable=SC2086 # MVN_FLAGS is a list of options
"$root/mvnw" $MVN_FLAGS -f "$here/pom.xml" clean package
[ -f "$jar" ] || die "the build did not produce $jar"

echo "== Benchmarked schedule"
"$java" -cp "$jar" dev.steward.bench.oncall.YearOfOnCall

echo "== JMH: $FORKS forks, warm-up $WARMUP_ITERATIONS x $WARMUP_TIME, measurement $ITERATIONS x $ITERATION_TIME"
# shellcheck disable=SC2086 # JMH_ARGS is a list of options
"$java" -jar "$jar" -f "$FORKS" -wi "$WARMUP_ITERATIONS" -w "$WARMUP_TIME" -i "$ITERATIONS" -r "$ITERATION_TIME" \
  -prof gc -rf csv -rff "$results" $JMH_ARGS 'dev\.steward\.bench\.oncall\.ScheduleRendererBenchmark\.'

# JMH's CSV (CRLF lines) holds one row per benchmark and one per secondary figure
# (benchmark:figure).
awk -F, -v target="$TARGET_MS" '
  function unquote(s) { gsub(/"/, "", s); return s }
  { sub(/\r$/, "") }
  NR > 1 {
    name = unquote($1); sub(/^.*ScheduleRendererBenchmark\./, "", name)
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
      if (name == "renderOneYear") verdict = (units[name] == "ms/op" && value[name] < target) ? " (target < " target " ms: met)" : " (target < " target " ms: MISSED)"
      printf "RESULT %s %s%s%s\n", name, line[name], alloc[name], verdict
    }
  }' "$results"
