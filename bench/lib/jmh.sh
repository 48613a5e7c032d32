# JMH benchmarks of plain-Java parts of Steward, each a standalone Maven project under
# bench/<name>/ that compiles those parts from this checkout's src/main/java. Sourced by
# bench/<name>/run.sh after it has set its defaults; run_jmh builds
# bench/<name>/target/benchmarks.jar, prints what the benchmark works on, runs JMH (average
# time, GC profiler) and prints a RESULT line per benchmark, with a verdict for the one that
# has a target.
#
# Settings (environment): JAVA_HOME (default Temurin 25), MVN_FLAGS (default "-B -q"; add
# -o to build offline), FORKS (2), WARMUP_ITERATIONS (5), WARMUP_TIME, ITERATIONS (5),
# ITERATION_TIME, JMH_ARGS (more JMH options, e.g. "-prof stack").

# shellcheck source=bench/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/../env.sh"
MVN_FLAGS=${MVN_FLAGS:--B -q}
FORKS=${FORKS:-2}
WARMUP_ITERATIONS=${WARMUP_ITERATIONS:-5}
ITERATIONS=${ITERATIONS:-5}
JMH_ARGS=${JMH_ARGS:-}

die() { echo "ERROR: $*" >&2; exit 1; }

# run_jmh DIR DESCRIBER BENCHMARK_CLASS TARGET_BENCHMARK TARGET_MS
#   DIR               the benchmark's Maven project (bench/<name>)
#   DESCRIBER         a main class that prints what is benchmarked
#   BENCHMARK_CLASS   the JMH class whose benchmarks run
#   TARGET_BENCHMARK  the benchmark held against TARGET_MS (milliseconds per operation)
run_jmh() {
  local dir="$1" describer="$2" benchmark="$3" target_benchmark="$4" target_ms="$5"
  local root java jar results
  root="$(cd "$dir/../.." && pwd)"
  java="$JAVA_HOME/bin/java"
  [ -x "$java" ] || die "no java at $java (set JAVA_HOME to a JDK 21+)"
  jar="$dir/target/benchmarks.jar"
  results="$dir/target/jmh-results.csv"

  echo "== Building $jar ($("$java" -version 2>&1 | head -1))"
  # shellcheck disable=SC2086 # MVN_FLAGS is a list of options
  "$root/mvnw" $MVN_FLAGS -f "$dir/pom.xml" clean package
  [ -f "$jar" ] || die "the build did not produce $jar"

  echo "== Benchmarked"
  "$java" -cp "$jar" "$describer"

  echo "== JMH: $FORKS forks, warm-up $WARMUP_ITERATIONS x $WARMUP_TIME, measurement $ITERATIONS x $ITERATION_TIME"
  # shellcheck disable=SC2086 # JMH_ARGS is a list of options
  "$java" -jar "$jar" -f "$FORKS" -wi "$WARMUP_ITERATIONS" -w "$WARMUP_TIME" -i "$ITERATIONS" \
    -r "$ITERATION_TIME" -prof gc -rf csv -rff "$results" $JMH_ARGS "${benchmark//./\\.}\\."

  # JMH's CSV (CRLF lines) holds one row per benchmark and one per secondary figure
  # (benchmark:figure).
  awk -F, -v target="$target_ms" -v target_name="$target_benchmark" '
    function unquote(s) { gsub(/"/, "", s); return s }
    { sub(/\r$/, "") }
    NR > 1 {
      name = unquote($1); sub(/^[^:]*\./, "", name)
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
        if (name == target_name) verdict = (units[name] == "ms/op" && value[name] < target) ? " (target < " target " ms: met)" : " (target < " target " ms: MISSED)"
        printf "RESULT %s %s%s%s\n", name, line[name], alloc[name], verdict
      }
    }' "$results"
}
