#!/usr/bin/env bash
# Benchmarks the assignment solver on seeded random editions: 2,000 nominations × 300 jurors and 10,000 × 1,000, R=3,
# about 2% of pairs in conflict; prints the solve wall time (median, min, max), objective and heap of each.
#
#   scripts/bench-assign.sh                                  both sizes, with -Xmx2g
#   scripts/bench-assign.sh NOMINATIONS JURORS [RUNS]        one size
#   scripts/bench-assign.sh --write FILE NOMINATIONS JURORS  writes that instance, e.g. to time scripts/assign.sh
#
# Needs only a JDK 17. BENCH_HEAP overrides the heap limit (default 2g).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
classpath_file="$root/target/bench.classpath"

(cd "$root" && ./mvnw -q -B test-compile) 1>&2
mkdir -p "$root/target"
if [[ ! -s "$classpath_file" || "$root/pom.xml" -nt "$classpath_file" ]]; then
    tmp="$classpath_file.$$"
    (cd "$root" && ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$tmp" -Dmdep.includeScope=test) 1>&2 \
        || { rm -f "$tmp"; exit 1; }
    mv -f "$tmp" "$classpath_file"
fi

exec java "-Xmx${BENCH_HEAP:-2g}" \
    -cp "$root/target/test-classes:$root/target/classes:$(cat "$classpath_file")" \
    org.palmares.jury.assignment.AssignmentBenchmark "$@"
