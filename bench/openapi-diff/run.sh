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
# Settings (environment): as bench/lib/jmh.sh says, with WARMUP_TIME (5s) and
# ITERATION_TIME (5s).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WARMUP_TIME=${WARMUP_TIME:-5s}
ITERATION_TIME=${ITERATION_TIME:-5s}
# shellcheck source=bench/lib/jmh.sh
. "$here/../lib/jmh.sh"

run_jmh "$here" dev.steward.bench.openapidiff.LargeContracts dev.steward.bench.openapidiff.ContractComparisonBenchmark compare 2000
