#!/usr/bin/env bash
# Measures the organisers' nominations list at the size of a national network: starts Palmarès on a fresh data
# directory with the demo edition filled to 5,000 nominations (palmares.demo.volume), then times, over several runs,
#   1. the first page of /organiser/nominations.xhtml (rendered by the server, 25 rows, counts included);
#   2. a filtered, paged list: REST /api/v1/editions/TC2019/nominations?category=SOC&status=SUBMITTED&page=3&size=25;
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
volume="${1:-5000}"
runs="${2:-15}"
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

# Another server on the port (a test run shutting down, say) would answer instead of this one: refuse to start.
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is already in use: stop what listens there or set BENCH_PORT." 1>&2
    exit 1
fi
echo "Starting Palmarès on port $port with $volume nominations (data in $data)…" 1>&2
PALMARES_DATA_DIR="$data" PALMARES_DEMO_VOLUME="$volume" \
    java -jar "$root/target/payara-micro.jar" --nocluster --port "$port" --contextroot / \
    --postbootcommandfile "$root/src/main/payara/post-boot-commands.asadmin" \
    --deploy "$root/target/palmares.war" >"$log" 2>&1 &
server=$!
for _ in $(seq 1 600); do
    [[ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "$base/index.xhtml" || true)" == 200 ]] && break
    kill -0 "$server" 2>/dev/null || { echo "Payara Micro stopped; see $log" 1>&2; exit 1; }
    sleep 1
done
grep -o 'Demo volume: .*' "$log" 1>&2 || true

# Form login, as a browser does: the view state of the login page, then the POST.
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

count="$(curl -s -u "$organiser:$password" "$base/api/v1/editions/TC2019/nominations?size=1" \
    | grep -o '"total":[0-9]*' | tr -dc '0-9' || true)"
echo "Nominations in the edition: ${count:-unknown}"
measure "organiser list, first page (HTML)" -b "$cookies" "$base/organiser/nominations.xhtml"
measure "filtered page (REST, page 3)" -b "$cookies" \
    "$base/api/v1/editions/TC2019/nominations?status=SUBMITTED&category=SOC&page=3&size=25"
# The same page with HTTP Basic, as a script would call it: each call also checks the password (PBKDF2, 210,000
# iterations), on purpose slow.
measure "same page with HTTP Basic" -u "$organiser:$password" \
    "$base/api/v1/editions/TC2019/nominations?status=SUBMITTED&category=SOC&page=3&size=25"
measure "text search, exported as CSV" -b "$cookies" "$base/organiser/export/nominations?format=csv&q=march%C3%A9s%20publics"
measure "full CSV export" -b "$cookies" "$base/organiser/export/nominations?format=csv"
bytes="$(curl -s -b "$cookies" "$base/organiser/export/nominations?format=csv" | wc -c)"
echo "CSV export size: $bytes bytes"
