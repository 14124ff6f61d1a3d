#!/usr/bin/env bash
# Load figure of the public palmarès (issue 8), on loopback: starts Palmarès on a fresh data directory with the demo
# edition, then requests at RATE/s for SECONDS (default 1,000/s for 30 s):
#   1. the public page /palmares.xhtml?edition=TC2019 (anonymous; served from PublicPageCache once rendered);
#   2. REST GET /api/v1/editions/TC2019/palmares (public, ETag);
#   3. for comparison, 20 sequential renderings of the page that bypass the cache (a session cookie does);
#   4. the most the page serves: wrk, 2 threads, 64 connections, SECONDS (a closed loop: the figure for capacity).
# Steps 1 and 2 use wrk (Debian package wrk) with scripts/wrk/paced.lua, which paces each connection to offer RATE/s;
# without wrk they fall back to the JDK-only open-model driver scripts/LoadVote.java, which could not itself
# offer 1,000 requests/s on a 2-core machine it shares with the server (its connections timed out first).
# Prints p50/p90/p99/max, errors and session cookies (must be 0), and the heap after a full GC before and after.
#
#   scripts/load-palmares.sh [RATE] [SECONDS]
#
# LOAD_PORT (default 8093) and LOAD_DATA (default a temporary directory, deleted afterwards) override the port and
# data directory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/palmares-server.sh"
rate="${1:-1000}"
seconds="${2:-30}"
port="${LOAD_PORT:-8093}"
base="http://localhost:$port"
data="${LOAD_DATA:-$(mktemp -d)}"
mkdir -p "$data"

cleanup() {
    palmares_stop
    if [[ -z "${LOAD_DATA:-}" ]]; then rm -rf "$data"; fi
}
trap cleanup EXIT

echo "Starting Palmarès on port $port (data in $data)…" 1>&2
palmares_start "$port" "$data" -Xmx1g
driver="$root/scripts/LoadVote.java"
page="/palmares.xhtml?edition=TC2019"
java "$driver" page "$base" "$page" 50 10 >/dev/null # warm-up
java "$driver" page "$base" "/api/v1/editions/TC2019/palmares" 50 10 >/dev/null

echo "Heap used after a full GC, before: $(palmares_heap)"
if command -v wrk >/dev/null; then
    echo "palmarès page (cached), about $rate/s:"
    palmares_wrk "$rate" "$seconds" "$base$page"
    echo "REST palmarès, about $rate/s:"
    palmares_wrk "$rate" "$seconds" "$base/api/v1/editions/TC2019/palmares"
else
    echo "palmarès page (cached):"
    java "$driver" page "$base" "$page" "$rate" "$seconds"
    echo "REST palmarès:"
    java "$driver" page "$base" "/api/v1/editions/TC2019/palmares" "$rate" "$seconds"
fi
echo "Heap used after a full GC, after:  $(palmares_heap)"
palmares_measure "page rendered (cache bypassed)" 20 -H "Cookie: JSESSIONID=none" "$base$page"
if command -v wrk >/dev/null; then
    echo "palmarès page, as fast as it goes (wrk, 2 threads, 64 connections):"
    wrk -t2 -c64 -d"${seconds}s" --latency "$base$page" | grep -E 'Latency|50%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors'
fi
