#!/usr/bin/env bash
# Measures the live tally at the size of a national network: starts Palmarès on a fresh data directory with the demo
# edition filled to NOMINATIONS synthetic nominations (palmares.demo.volume), each given three submitted sheets by the
# demo sheets (the live demo edition loaded in DELIBERATION: PALMARES_DEMO_PHASE), then times over several runs, database read included:
#   1. REST /api/v1/editions/TC2019/results (every category ranked by all three methods, as JSON);
#   2. REST /api/v1/editions/TC2019/scores (every counted sheet with its values and S);
#   3. the organisers' tally page of one category (/organiser/tally.xhtml, rendered by the server).
# Prints median, min and max wall time of each, in milliseconds, as curl sees them on loopback.
#
#   scripts/bench-tally.sh [NOMINATIONS] [RUNS]      defaults: 10000 nominations, 10 runs
#
# BENCH_PORT (default 8090) and BENCH_DATA (default a temporary directory, deleted afterwards) override the port and
# data directory. Calls use the session cookie of a form login (HTTP Basic would add a PBKDF2 check to each call).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/palmares-server.sh"
volume="${1:-10000}"
runs="${2:-10}"
port="${BENCH_PORT:-8090}"
base="http://localhost:$port"
data="${BENCH_DATA:-$(mktemp -d)}"
cookies="$(mktemp)"
mkdir -p "$data"

cleanup() {
    palmares_stop
    rm -f "$cookies"
    if [[ -z "${BENCH_DATA:-}" ]]; then rm -rf "$data"; fi
}
trap cleanup EXIT

echo "Starting Palmarès on port $port with $volume nominations and their sheets (data in $data)…" 1>&2
PALMARES_DEMO_VOLUME="$volume" PALMARES_DEMO_PHASE=DELIBERATION palmares_start "$port" "$data"
grep -o 'Demo volume: .*\|Demo sheets: .*' "$server_log" 1>&2 || true
palmares_login "$base" "$cookies" "organisateur@demo.palmares.org"
measure() { local name="$1"; shift; palmares_measure "$name" "$runs" "$@"; }

sheets="$(curl -s -b "$cookies" "$base/api/v1/editions/$palmares_edition/scores" | grep -o '"sheet":' | wc -l)"
echo "Sheets counted: $sheets"
measure "REST results (3 methods)" -b "$cookies" "$base/api/v1/editions/$palmares_edition/results"
measure "REST scores (every sheet)" -b "$cookies" "$base/api/v1/editions/$palmares_edition/scores"
measure "tally page of one category" -b "$cookies" "$base/organiser/tally.xhtml?category=SOC"
