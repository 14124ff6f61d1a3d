#!/usr/bin/env bash
# Measures the live tally at the size of a national network: starts Palmarès on a fresh data directory with the demo
# edition filled to NOMINATIONS synthetic nominations (palmares.demo.volume), each given three submitted sheets by the
# demo sheets (palmares.demo.sheets), then times over several runs, database read included:
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
volume="${1:-10000}"
runs="${2:-10}"
port="${BENCH_PORT:-8090}"
base="http://localhost:$port"
data="${BENCH_DATA:-$(mktemp -d)}"
cookies="$(mktemp)"
mkdir -p "$data"
log="$data/bench-server.log"
password="Palmares-demo-2019"
organiser="organisateur@demo.palmares.org"

cleanup() {
    [[ -n "${server:-}" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
    rm -f "$cookies"
    [[ -z "${BENCH_DATA:-}" ]] && rm -rf "$data"
}
trap cleanup EXIT

(cd "$root" && [[ -f target/palmares.war && -f target/payara-micro.jar ]] || ./mvnw -q -B package -DskipTests) 1>&2

echo "Starting Palmarès on port $port with $volume nominations and their sheets (data in $data)…" 1>&2
PALMARES_DATA_DIR="$data" PALMARES_DEMO_VOLUME="$volume" PALMARES_DEMO_SHEETS=true \
    java -jar "$root/target/payara-micro.jar" --nocluster --port "$port" --contextroot / \
    --postbootcommandfile "$root/src/main/payara/post-boot-commands.asadmin" \
    --deploy "$root/target/palmares.war" >"$log" 2>&1 &
server=$!
for _ in $(seq 1 1800); do
    [[ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$base/index.xhtml" || true)" == 200 ]] && break
    kill -0 "$server" 2>/dev/null || { echo "Payara Micro stopped; see $log" 1>&2; exit 1; }
    sleep 1
done
grep -o 'Demo volume: .*\|Demo sheets: .*' "$log" 1>&2 || true

view_state="$(curl -s -c "$cookies" -b "$cookies" "$base/login.xhtml" \
    | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | sed 's/.*value="//;s/"$//' | head -1)"
curl -s -o /dev/null -c "$cookies" -b "$cookies" \
    --data-urlencode "login=login" --data-urlencode "login:email=$organiser" \
    --data-urlencode "login:password=$password" --data-urlencode "login:next=" --data-urlencode "login:submit=" \
    --data-urlencode "jakarta.faces.ViewState=$view_state" "$base/login.xhtml"

measure() {
    local name="$1"; shift
    local times=()
    curl -s -o /dev/null "$@" # warm-up
    for _ in $(seq 1 "$runs"); do
        times+=("$(curl -s -o /dev/null -w '%{time_total}' "$@")")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '
        { t[NR] = $1 * 1000 }
        END { printf "%-34s median %7.1f ms   min %7.1f   max %7.1f   (%d runs)\n", name, t[int((NR + 1) / 2)], t[1], t[NR], NR }'
}

sheets="$(curl -s -b "$cookies" "$base/api/v1/editions/TC2019/scores" | grep -o '"sheet":' | wc -l)"
echo "Sheets counted: $sheets"
measure "REST results (3 methods)" -b "$cookies" "$base/api/v1/editions/TC2019/results"
measure "REST scores (every sheet)" -b "$cookies" "$base/api/v1/editions/TC2019/scores"
measure "tally page of one category" -b "$cookies" "$base/organiser/tally.xhtml?category=SOC"
