#!/usr/bin/env bash
# The scoring load figure (issue 6): 100 jurors scoring at once on loopback. Starts Palmarès on a fresh data
# directory with the demo edition and JURORS extra jurors (palmares.demo.jurors: charge-jure001…@demo.palmares.org,
# the demo password, charter accepted, 3 dossiers each), then runs the load driver
# src/test/java/org/palmares/load/ScoringLoad.java: every juror logs in like a browser, opens its 3 dossier pages,
# then autosaves one of them every 2 to 5 s for SECONDS, exactly as the page does (PrimeFaces ajax POST with the
# view state). Prints p50/p95/max of opening a dossier and of an autosave, and the server's heap used after a full
# GC before the logins and with every session alive (jcmd), divided per juror session.
#
#   scripts/load-scoring.sh [JURORS] [SECONDS]      defaults: 100 jurors, 60 s
#
# Needs a JDK 17 (java, jcmd) and curl; builds the WAR if needed. LOAD_PORT (default 8092), LOAD_DATA (default a
# temporary directory, deleted afterwards) and LOAD_HEAP (default 768m, as in the tests) override the port, data
# directory and server heap; LOAD_JAVA_OPTS adds JVM options to the server (e.g. for a JFR profile).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/palmares-server.sh"
jurors="${1:-100}"
seconds="${2:-60}"
port="${LOAD_PORT:-8092}"
base="http://localhost:$port"
data="${LOAD_DATA:-$(mktemp -d)}"
mkdir -p "$data"

cleanup() {
    palmares_stop
    if [[ -z "${LOAD_DATA:-}" ]]; then rm -rf "$data"; fi
}
trap cleanup EXIT

echo "Starting Palmarès on port $port with $jurors load jurors (data in $data)…" 1>&2
# shellcheck disable=SC2086 # LOAD_JAVA_OPTS holds several options
PALMARES_DEMO_PHASE=SCORING PALMARES_DEMO_JURORS="$jurors" palmares_start "$port" "$data" -Xmx"${LOAD_HEAP:-768m}" ${LOAD_JAVA_OPTS:-}
grep -o 'Demo jurors: .*' "$server_log" 1>&2 || true
# The server is the java child of this shell; jcmd needs its pid.
java -Xmx256m "$root/src/test/java/org/palmares/load/ScoringLoad.java" "$base" "$jurors" "$seconds" "$server"
