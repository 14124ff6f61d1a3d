#!/usr/bin/env bash
# Load figure of the public vote, on loopback: starts Palmarès on a fresh data directory with the demo edition and
# the vote's rate limits raised (one load client would otherwise be stopped by the per-client limit after 20
# casts a minute), then
#   1. casts votes at RATE requests/s for SECONDS (default 200/s for 60 s), each with a new address, through
#      POST /api/v1/editions/TC<year>/votes (a ballot and an outbox e-mail written per request);
#   2. loads the public vote page /vote/index.xhtml?category=CDC at PAGE_RATE/s for PAGE_SECONDS (default 300/s, 30 s).
# With wrk installed (Debian package wrk), both runs use it with scripts/wrk/paced.lua (each connection paced to offer
# about RATE/s together; a closed loop, so the rate achieved is printed too); without it, the JDK-only open-model
# driver scripts/LoadVote.java (latency measured from when each request was due).
# Prints p50/p90/p99/max latency, error rate,
# session cookies received (must be 0), and the heap in use after a full GC before and after each run (jcmd).
#
#   scripts/load-vote.sh [RATE] [SECONDS] [PAGE_RATE] [PAGE_SECONDS]
#
# Needs a JDK 17 (java, jcmd) and curl; builds the WAR if needed. LOAD_PORT (default 8091) and LOAD_DATA (default a
# temporary directory, deleted afterwards) override the port and data directory; LOAD_HEAP the server's -Xmx
# (default 1g).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/palmares-server.sh"
rate="${1:-200}"
seconds="${2:-60}"
page_rate="${3:-300}"
page_seconds="${4:-30}"
port="${LOAD_PORT:-8091}"
base="http://localhost:$port"
data="${LOAD_DATA:-$(mktemp -d)}"
mkdir -p "$data"

cleanup() {
    palmares_stop
    if [[ -z "${LOAD_DATA:-}" ]]; then rm -rf "$data"; fi
}
trap cleanup EXIT

echo "Starting Palmarès on port $port (data in $data), vote rate limits raised for the load client…" 1>&2
PALMARES_VOTE_LIMIT_PER_IP=100000000 PALMARES_VOTE_LIMIT_VERIFY_PER_IP=100000000 \
    PALMARES_DEMO_PHASE=SCORING palmares_start "$port" "$data" "-Xmx${LOAD_HEAP:-1g}" -Dderby.stream.error.file="$data/derby.log"
heap() { palmares_heap; }

ids="$(curl -s "$base/api/v1/editions/$palmares_edition/votes" | grep -o '"id":[0-9]*' | tr -dc '0-9\n' | paste -sd, -)"
echo "Nominations on the ballot paper: $ids"
driver="$root/scripts/LoadVote.java"
# Warm-up: the first requests compile JSPs, load classes and fill the JIT.
java "$driver" cast "$base" "$ids" 50 10 >/dev/null
java "$driver" page "$base" "/vote/index.xhtml?category=CDC" 50 10 >/dev/null

echo "Heap used after a full GC, before the cast run: $(heap)"
if command -v wrk >/dev/null; then
    echo "cast votes, about $rate/s:"
    WRK_LATENCY_MS="${VOTE_LATENCY_MS:-60}" palmares_wrk "$rate" "$seconds" "$base/api/v1/editions/$palmares_edition/votes" WRK_CAST="$ids"
else
    java "$driver" cast "$base" "$ids" "$rate" "$seconds"
fi
echo "Heap used after a full GC, after the cast run:  $(heap)"
if command -v wrk >/dev/null; then
    echo "vote page, about $page_rate/s:"
    WRK_LATENCY_MS=60 palmares_wrk "$page_rate" "$page_seconds" "$base/vote/index.xhtml?category=CDC"
else
    java "$driver" page "$base" "/vote/index.xhtml?category=CDC" "$page_rate" "$page_seconds"
fi
echo "Heap used after a full GC, after the page run:  $(heap)"
ballots="$(curl -s -u organisateur@demo.palmares.org:Palmares-demo-2019 "$base/api/v1/organiser/outbox?max=1" \
    | grep -o '"id":[0-9]*' | head -1 | tr -dc '0-9')"
echo "Outbox messages written (one per accepted cast, warm-up included): ${ballots:-unknown}"
