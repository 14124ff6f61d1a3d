# shellcheck shell=bash
# Shared by the bench and load scripts (source it; needs bash, curl, a JDK 17):
#   palmares_start PORT DATA_DIR [JAVA_OPTION…]   builds the WAR if needed, refuses a port already in use, starts
#                                                Payara Micro (--nocluster) on loopback with the given data directory
#                                                and waits until the home page answers 200; sets $server (its pid)
#                                                and $server_log ($PALMARES_SERVER_LOG if set, else
#                                                DATA_DIR/server.log). Environment variables (PALMARES_…) pass through.
#   palmares_stop                                 stops it (call it from the script's EXIT trap).
#   palmares_login BASE COOKIE_JAR EMAIL          logs in through the login form, as a browser does.
#   palmares_measure NAME RUNS CURL_ARGS…         one warm-up, then RUNS timed calls: median, min, max in ms.
#   palmares_heap                                 heap used after a full GC (jcmd), e.g. "81.3 MB".
#   $palmares_edition                             the live demo edition's code (TC and this year in Paris); the
#                                                2019 archive is TC2019. Its phase is PALMARES_DEMO_PHASE's.
palmares_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
palmares_password="Palmares-demo-2019"
palmares_edition="TC$(TZ=Europe/Paris date +%Y)"

palmares_start() {
    local port="$1" data="$2"
    shift 2
    if [[ ! -f "$palmares_root/target/palmares.war" || ! -f "$palmares_root/target/payara-micro.jar" ]]; then
        (cd "$palmares_root" && ./mvnw -q -B package -DskipTests) 1>&2
    fi
    # Another server on the port (a test run shutting down, say) would answer instead of this one: refuse to start.
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "Port $port is already in use: stop what listens there or choose another port." 1>&2
        return 1
    fi
    server_log="${PALMARES_SERVER_LOG:-$data/server.log}"
    PALMARES_DATA_DIR="$data" java "$@" -jar "$palmares_root/target/payara-micro.jar" --nocluster --port "$port" \
        --contextroot / \
        --deploy "$palmares_root/target/palmares.war" >"$server_log" 2>&1 &
    server=$!
    for _ in $(seq 1 1800); do
        [[ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "http://localhost:$port/index.xhtml" || true)" == 200 ]] \
            && return 0
        kill -0 "$server" 2>/dev/null || { echo "Payara Micro stopped; see $server_log" 1>&2; return 1; }
        sleep 1
    done
    echo "Palmarès did not answer on port $port within 30 minutes; see $server_log" 1>&2
    return 1
}

palmares_stop() {
    if [[ -n "${server:-}" ]] && kill "$server" 2>/dev/null; then
        wait "$server" 2>/dev/null || true
    fi
}

palmares_login() {
    local base="$1" jar="$2" email="$3" view_state
    view_state="$(curl -s -c "$jar" -b "$jar" "$base/login.xhtml" \
        | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | sed 's/.*value="//;s/"$//' | head -1)"
    curl -s -o /dev/null -c "$jar" -b "$jar" -H "Origin: $base" \
        --data-urlencode "login=login" --data-urlencode "login:email=$email" \
        --data-urlencode "login:password=$palmares_password" --data-urlencode "login:next=" \
        --data-urlencode "login:submit=" --data-urlencode "jakarta.faces.ViewState=$view_state" "$base/login.xhtml"
}

palmares_measure() {
    local name="$1" runs="$2"
    shift 2
    local times=()
    curl -s -o /dev/null "$@" # warm-up
    for _ in $(seq 1 "$runs"); do
        times+=("$(curl -s -o /dev/null -w '%{time_total}' "$@")")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '
        { t[NR] = $1 * 1000 }
        END { printf "%-34s median %7.1f ms   min %7.1f   max %7.1f   (%d runs)\n", name, t[int((NR + 1) / 2)], t[1], t[NR], NR }'
}

palmares_heap() {
    jcmd "$server" GC.run >/dev/null
    sleep 1
    # "garbage-first heap total 262144K, used 81234K"
    jcmd "$server" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc '0-9' | awk '{printf "%.1f MB", $1 / 1024}'
}

# palmares_wrk RATE SECONDS URL [ENV=VALUE…]: offers about RATE requests/s for SECONDS with wrk and
# scripts/wrk/paced.lua: 2 threads, each connection pausing between two requests so that the connections together
# offer RATE/s when answers take WRK_LATENCY_MS (default 2 ms; say more for pages that write to the database, or the
# loop offers less). A closed loop: when answers slow down, fewer requests are sent, so read the rate achieved
# (printed) beside the latencies. WRK_CONNECTIONS overrides the number of connections (default RATE/50, at least 4,
# plus what the latency needs). Extra ENV=VALUE pairs go to the script (WRK_CAST=ids makes every request a vote).
palmares_wrk() {
    local rate="$1" seconds="$2" url="$3"
    shift 3
    local latency="${WRK_LATENCY_MS:-2}"
    local connections="${WRK_CONNECTIONS:-$(((rate + 49) / 50 + rate * latency / 1000))}"
    ((connections < 4)) && connections=4
    local gap=$((connections * 1000 / rate - latency))
    ((gap < 0)) && gap=0
    echo "  wrk: $connections connections, ${gap} ms pause each (answers of ~${latency} ms assumed), ${seconds} s, $url" 1>&2
    env WRK_GAP_MS="$gap" "$@" wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s \
        -s "$palmares_root/scripts/wrk/paced.lua" "$url" | tail -2
}
