#!/usr/bin/env bash
# Runs the production assignment solver on a JSON instance and prints the solution on stdout, the timings on stderr.
#
#   scripts/assign.sh [--compact] INSTANCE.json     (or - to read the instance from stdin)
#
# Instance and solution formats: see AssignmentInstance. Exit codes: 0 optimal, 1 infeasible (solution still
# printed), 2 bad instance or command line. Needs only a JDK 17: compiles with the Maven wrapper when the classes are
# older than the sources, and asks Maven for the classpath (cached in target/assign.classpath until pom.xml changes).
# JAVA_OPTS is passed to java, e.g. JAVA_OPTS=-Xmx2g.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
classes="$root/target/classes"
marker="$classes/org/palmares/jury/assignment/AssignCommand.class"
classpath_file="$root/target/assign.classpath"

# Maven's own output goes to stderr: stdout carries the solution only.
mvnw() { (cd "$root" && ./mvnw -q -B "$@") 1>&2; }

# The command needs only its own package, so only its sources (and the pom) make the classes stale. The stamp, not the
# class file, records our last compile: Maven leaves an up-to-date class file untouched.
stamp="$root/target/assign.compiled"
if [[ ! -f "$marker" || ! -f "$stamp" ]] || [[ -n "$(find "$root/src/main/java/org/palmares/jury/assignment" \
        "$root/pom.xml" -newer "$stamp" -type f -print -quit)" ]]; then
    echo "assign.sh: compiling (./mvnw -q -B compile)" >&2
    # Stamped with the time the compile started, so that a source saved meanwhile still counts as newer.
    mkdir -p "$root/target"
    touch "$stamp.$$"
    mvnw compile || { rm -f "$stamp.$$"; exit 1; }
    mv -f "$stamp.$$" "$stamp"
fi

if [[ ! -s "$classpath_file" || "$root/pom.xml" -nt "$classpath_file" ]]; then
    # Test scope brings the provided Jakarta JSON API and its Parsson implementation.
    tmp="$classpath_file.$$"
    mvnw dependency:build-classpath -Dmdep.outputFile="$tmp" -Dmdep.includeScope=test || { rm -f "$tmp"; exit 1; }
    mv -f "$tmp" "$classpath_file"
fi

# shellcheck disable=SC2086 # JAVA_OPTS holds several words on purpose
exec java ${JAVA_OPTS:-} -cp "$classes:$(cat "$classpath_file")" org.palmares.jury.assignment.AssignCommand "$@"
