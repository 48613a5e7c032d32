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
# Settings (environment): as bench/lib/jmh.sh says, with WARMUP_TIME (1s) and
# ITERATION_TIME (2s).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WARMUP_TIME=${WARMUP_TIME:-1s}
ITERATION_TIME=${ITERATION_TIME:-2s}
# shellcheck source=bench/lib/jmh.sh
. "$here/../lib/jmh.sh"

run_jmh "$here" dev.steward.bench.oncall.YearOfOnCall dev.steward.bench.oncall.ScheduleRendererBenchmark renderOneYear 20
