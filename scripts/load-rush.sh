#!/usr/bin/env bash
# The deadline rush (issue 9, reliability suite, "Load"): TERRITORIES territories submitting in the last SECONDS
# before the deadline while JURORS jurors score, on loopback.
#
#   scripts/load-rush.sh [TERRITORIES] [JURORS] [SECONDS]             one node on embedded Derby
#   scripts/load-rush.sh --cluster [TERRITORIES] [JURORS] [SECONDS]   two nodes on PostgreSQL behind nginx
#   defaults: 300 territories, 100 jurors, 600 s ("the last 10 minutes"; e.g. 120 compresses the rush)
#
# Palmarès starts on a fresh database with the demo edition (its nomination deadline three weeks ahead),
# TERRITORIES load territories (palmares.demo.territories: contact@charge-territoire001.demo.palmares.org…, the demo
# password, no nomination yet) and JURORS load jurors (palmares.demo.jurors: charge-jure001…, 3 dossiers each).
# Two drivers then run at once, each a single-file JDK program:
# - src/test/java/org/palmares/load/ScoringLoad.java: the jurors log in through the login form, open their dossier
#   pages, then autosave every 2 to 5 s (REST PUT with If-Match, as the page does) until the rush is over;
# - src/test/java/org/palmares/load/RushLoad.java, started once every juror is in: the territories arrive over
#   SECONDS, denser toward the end; each logs in through the login form, then uses the REST API on its session as
#   the pages' scripts would (X-Requested-With): creates a nomination, saves its summary and every required answer
#   (If-Match), uploads a small PDF, submits, reads its reference back. At the end an organiser reads the edition's
#   list: every acknowledged submission must be there with its reference (0 lost), and no reference given twice.
# Prints both drivers' figures: per operation p50/p95/p99/max, throughput, errors. Exit status: RushLoad's (1 lost
# or duplicated, 2 errors, 0 clean).
#
# Single node: port RUSH_PORT (default 8300). Cluster: nginx on 8310 over nodes A (8311, which loads the demo and
# the load accounts) and B (8312), Hazelcast data grid from port 6970 (cluster "palmares-rush"), database
# palmares_rush on PostgreSQL 127.0.0.1:5432 (`sudo bash .ci/postgresql` prepares it; dropped and created again).
# RUSH_DATA keeps the data and logs (default: a temporary directory, deleted); RUSH_HEAP sets the server heap
# (default 768m). Needs a JDK 17 and curl (and psql, nginx for --cluster); builds the WAR if needed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/palmares-server.sh"
source "$root/scripts/lib/palmares-cluster.sh"
cluster=false
if [[ "${1:-}" == "--cluster" ]]; then
    cluster=true
    shift
fi
territories="${1:-300}"
jurors="${2:-100}"
seconds="${3:-600}"
data="${RUSH_DATA:-$(mktemp -d)}"
mkdir -p "$data"
load="$root/src/test/java/org/palmares/load"
scoring=""

cleanup() {
    if [[ -n "$scoring" ]]; then kill "$scoring" 2>/dev/null || true; fi
    palmares_stop
    palmares_cluster_stop
    if [[ -z "${RUSH_DATA:-}" ]]; then rm -rf "$data"; fi
}
trap cleanup EXIT

if [[ ! -f "$root/target/palmares.war" || ! -f "$root/target/payara-micro.jar" ]]; then
    (cd "$root" && ./mvnw -q -B package -DskipTests) 1>&2
fi

if [[ "$cluster" == true ]]; then
    cluster_data="$data"
    cluster_db=palmares_rush
    cluster_grid_port=6970
    cluster_name=palmares-rush
    cluster_public_url="http://localhost:8310"
    for port in 8310 8311 8312; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "Port $port is taken" 1>&2; exit 1; fi
    done
    palmares_cluster_db "$cluster_db"
    echo "Starting node A (8311) with the demo, $territories load territories and $jurors load jurors…" 1>&2
    palmares_cluster_node a 8311 PALMARES_DEMO_TERRITORIES="$territories" PALMARES_DEMO_JURORS="$jurors"
    echo "Starting node B (8312) on the same database…" 1>&2
    palmares_cluster_node b 8312 PALMARES_DEMO=false
    grep -a -h -o "DG Size: [0-9]*" "$data/b/server.log" | tail -1 | sed "s/^/node B, data grid: /" 1>&2 || true
    palmares_cluster_nginx 8310 8311 8312
    base="http://localhost:8310"
    grep -a -h -o 'Demo territories: .*' "$data/a/server.log" 1>&2 || true
else
    port="${RUSH_PORT:-8300}"
    base="http://localhost:$port"
    echo "Starting Palmarès on port $port with $territories load territories and $jurors load jurors…" 1>&2
    PALMARES_DEMO_TERRITORIES="$territories" PALMARES_DEMO_JURORS="$jurors" \
        palmares_start "$port" "$data" -Xmx"${RUSH_HEAP:-768m}"
    grep -a -o 'Demo territories: .*' "$server_log" 1>&2 || true
fi

if ((jurors > 0)); then
    # The jurors score for the whole rush and its tail: the last territories arrive at about SECONDS.
    echo "Jurors: $jurors logging in and opening their dossiers through $base…" 1>&2
    java -Xmx256m "$load/ScoringLoad.java" "$base" "$jurors" "$((seconds + 30))" >"$data/jurors.out" 2>&1 &
    scoring=$!
    for _ in $(seq 1 900); do
        grep -q "logged in and opened" "$data/jurors.out" 2>/dev/null && break
        kill -0 "$scoring" 2>/dev/null || break
        sleep 1
    done
fi

echo "Territories: $territories arriving over $seconds s through $base, jurors autosaving meanwhile…" 1>&2
status=0
java -Xmx384m "$load/RushLoad.java" "$base" "$territories" "$seconds" >"$data/territories.out" 2>&1 || status=$?
if [[ -n "$scoring" ]]; then
    wait "$scoring" || true
    scoring=""
fi

echo
echo "== Deadline rush: $territories territories over $seconds s, $jurors jurors scoring," \
    "$([[ "$cluster" == true ]] && echo "two nodes on PostgreSQL behind nginx" || echo "one node on Derby")"
echo "-- territories (src/test/java/org/palmares/load/RushLoad.java)"
cat "$data/territories.out"
if ((jurors > 0)); then
    echo "-- jurors (src/test/java/org/palmares/load/ScoringLoad.java)"
    cat "$data/jurors.out"
fi
if [[ "$cluster" == true && -f "$data/access.log" ]]; then
    echo "-- answers per node (nginx)"
    awk '{ n[$NF]++ } END { for (k in n) printf "  %s: %d answers\n", k, n[k] }' "$data/access.log"
fi
exit "$status"
