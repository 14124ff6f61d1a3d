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
# directory and server heap.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jurors="${1:-100}"
seconds="${2:-60}"
port="${LOAD_PORT:-8092}"
base="http://localhost:$port"
data="${LOAD_DATA:-$(mktemp -d)}"
mkdir -p "$data"
log="$data/load-server.log"

cleanup() {
    [[ -n "${server:-}" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
    [[ -z "${LOAD_DATA:-}" ]] && rm -rf "$data"
}
trap cleanup EXIT

(cd "$root" && [[ -f target/palmares.war && -f target/payara-micro.jar ]] || ./mvnw -q -B package -DskipTests) 1>&2

echo "Starting Palmarès on port $port with $jurors load jurors (data in $data)…" 1>&2
PALMARES_DATA_DIR="$data" PALMARES_DEMO_JURORS="$jurors" \
    java -Xmx"${LOAD_HEAP:-768m}" -jar "$root/target/payara-micro.jar" --nocluster --port "$port" --contextroot / \
    --postbootcommandfile "$root/src/main/payara/post-boot-commands.asadmin" \
    --deploy "$root/target/palmares.war" >"$log" 2>&1 &
server=$!
for _ in $(seq 1 600); do
    [[ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$base/index.xhtml" || true)" == 200 ]] && break
    kill -0 "$server" 2>/dev/null || { echo "Payara Micro stopped; see $log" 1>&2; exit 1; }
    sleep 1
done
grep -o 'Demo jurors: .*' "$log" 1>&2 || true
# The server is the java child of this shell; jcmd needs its pid.
java -Xmx256m "$root/src/test/java/org/palmares/load/ScoringLoad.java" "$base" "$jurors" "$seconds" "$server"
