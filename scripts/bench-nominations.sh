#!/usr/bin/env bash
# Measures the organisers' nominations list at the size of a national network: starts Palmarès on a fresh data
# directory with the demo edition filled to 5,000 nominations (palmares.demo.volume), then times, over several runs,
#   1. the first page of /organiser/nominations.xhtml (rendered by the server, 25 rows, counts included);
#   2. a filtered, paged list: REST /api/v1/editions/$palmares_edition/nominations?category=SOC&status=SUBMITTED&page=3&size=25;
#   3. a text search (title, summary, reference, territory) exported as CSV (/organiser/export/nominations?q=…);
#   4. the full CSV export with every answer (/organiser/export/nominations?format=csv).
# Prints median, min and max wall time of each, in milliseconds, as curl sees them on loopback.
#
#   scripts/bench-nominations.sh [NOMINATIONS] [RUNS]      defaults: 5000 nominations, 15 runs
#
# Needs curl and a JDK 17; builds the WAR if needed. BENCH_PORT (default 8090) and BENCH_DATA (default a temporary
# directory, deleted afterwards) override the port and data directory.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/palmares-server.sh"
volume="${1:-5000}"
runs="${2:-15}"
port="${BENCH_PORT:-8090}"
base="http://localhost:$port"
data="${BENCH_DATA:-$(mktemp -d)}"
cookies="$(mktemp)"
mkdir -p "$data"
password="$palmares_password"
organiser="organisateur@demo.palmares.org"

cleanup() {
    palmares_stop
    rm -f "$cookies"
    if [[ -z "${BENCH_DATA:-}" ]]; then rm -rf "$data"; fi
}
trap cleanup EXIT

echo "Starting Palmarès on port $port with $volume nominations (data in $data)…" 1>&2
PALMARES_DEMO_VOLUME="$volume" palmares_start "$port" "$data"
grep -o 'Demo volume: .*' "$server_log" 1>&2 || true
palmares_login "$base" "$cookies" "$organiser"
measure() { local name="$1"; shift; palmares_measure "$name" "$runs" "$@"; }

count="$(curl -s -u "$organiser:$password" "$base/api/v1/editions/$palmares_edition/nominations?size=1" \
    | grep -o '"total":[0-9]*' | tr -dc '0-9' || true)"
echo "Nominations in the edition: ${count:-unknown}"
measure "organiser list, first page (HTML)" -b "$cookies" "$base/organiser/nominations.xhtml"
measure "filtered page (REST, page 3)" -b "$cookies" \
    "$base/api/v1/editions/$palmares_edition/nominations?status=SUBMITTED&category=SOC&page=3&size=25"
# The same page with HTTP Basic, as a script would call it: each call also checks the password (PBKDF2, 210,000
# iterations), on purpose slow.
measure "same page with HTTP Basic" -u "$organiser:$password" \
    "$base/api/v1/editions/$palmares_edition/nominations?status=SUBMITTED&category=SOC&page=3&size=25"
measure "text search, exported as CSV" -b "$cookies" "$base/organiser/export/nominations?format=csv&q=march%C3%A9s%20publics"
measure "full CSV export" -b "$cookies" "$base/organiser/export/nominations?format=csv"
bytes="$(curl -s -b "$cookies" "$base/organiser/export/nominations?format=csv" | wc -c)"
echo "CSV export size: $bytes bytes"
