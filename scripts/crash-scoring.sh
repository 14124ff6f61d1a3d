#!/usr/bin/env bash
# The crash test (issue 9): while JURORS simulated jurors save and submit their score sheets, the server is killed
# with kill -9; it is started again on the same data, and every write it had acknowledged (HTTP 200) is checked:
# each sheet must hold its last acknowledged state, or the state of the one write in flight at the kill, whole —
# never an older state (a lost write) nor a mix of two saves (a half-written sheet).
#
#   scripts/crash-scoring.sh [RUNS] [JURORS]        defaults: 3 runs, 50 jurors
#
# Each run uses a fresh data directory (embedded Derby) with the demo edition and JURORS load jurors
# (palmares.demo.jurors), kills the server 5 to 20 s after the first acknowledged writes, and prints the check's
# counts; the script exits 1 if any run lost or half-wrote a sheet. CRASH_PORT (default 8093) sets the port.
# The load and the check are src/test/java/org/palmares/load/ScoringLoad.java (-Dcrash.log, and its verify mode).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/palmares-server.sh"
runs="${1:-3}"
jurors="${2:-50}"
port="${CRASH_PORT:-8093}"
base="http://localhost:$port"
driver="$root/src/test/java/org/palmares/load/ScoringLoad.java"
data=""
load=""

cleanup() {
    if [[ -n "$load" ]]; then kill "$load" 2>/dev/null || true; fi
    palmares_stop
    if [[ -n "$data" ]]; then rm -rf "$data"; fi
}
trap cleanup EXIT

failed=0
for run in $(seq 1 "$runs"); do
    data="$(mktemp -d)"
    echo "run $run: starting Palmarès with $jurors load jurors (data in $data)" 1>&2
    PALMARES_DEMO_PHASE=SCORING PALMARES_DEMO_JURORS="$jurors" palmares_start "$port" "$data" -Xmx768m
    java -Xmx256m -Dcrash.log="$data/crash.log" "$driver" "$base" "$jurors" 600 >"$data/load.out" 2>&1 &
    load=$!
    for _ in $(seq 1 600); do
        [[ "$(grep -c '^K' "$data/crash.log" 2>/dev/null || true)" -ge 20 ]] && break
        sleep 1
    done
    sleep $((5 + RANDOM % 16))
    acknowledged="$(grep -c '^K' "$data/crash.log" || true)"
    echo "run $run: kill -9 with $acknowledged writes acknowledged" 1>&2
    kill -9 "$server"
    wait "$server" 2>/dev/null || true
    server=""
    sleep 1
    kill "$load" 2>/dev/null || true
    wait "$load" 2>/dev/null || true
    load=""
    echo "run $run: restarting on the same data" 1>&2
    palmares_start "$port" "$data" -Xmx768m
    if ! java -Xmx256m "$driver" verify "$base" "$data/crash.log"; then failed=1; fi
    palmares_stop
    server=""
    rm -rf "$data"
    data=""
done
exit "$failed"
