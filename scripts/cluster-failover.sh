#!/usr/bin/env bash
# Two Palmarès instances in one Hazelcast cluster behind nginx, on PostgreSQL, and one of them killed mid-load.
#
#   scripts/cluster-failover.sh [JURORS] [SECONDS]        defaults: 20 jurors, 60 s
#
# 1. PostgreSQL on 127.0.0.1:5432 (Debian's package; `sudo bash .ci/postgresql` prepares it): a fresh database
#    palmares_cluster.
# 2. Node A (port 8201) and node B (8202): Payara Micro clustered with TCP/IP discovery on 127.0.0.1 only
#    (--clustermode tcpip with the data grid on ports from 6950, --interfaces 127.0.0.1; never multicast), web sessions kept in the cluster
#    (<distributable/>). A loads the demo edition and JURORS load jurors; B starts on the same database.
# 3. nginx (Debian's package) on 127.0.0.1:8200 over A and B, each session kept on one node by its cookie (the
#    usual set-up: a request finds its session where it was last written) until that node fails; the jurors are
#    spread over both nodes.
# 4. One reminder, not two: both nodes check the jurors' automatic reminder every minute
#    (PALMARES_REMINDERS_MINUTE='*'); the edition is put in scoring with its deadline tomorrow (psql, as an organiser
#    would through the pages), so at the next minute both find it due at once. Exactly one node must send it (its
#    claim in job_claim), the other must log it claimed, and each juror must find exactly one reminder in the outbox.
# 5. The ceremony across the nodes (src/test/java/org/palmares/load/ClusterCeremony.java): a presenter's screen
#    connected to B must be told of each "next" pressed on A within a second (through the cluster topic).
# 6. The public vote's rate limits are the cluster's: 15 casts from one address on A, then 15 on B, must meet the
#    limit of 20 a minute once (some 20 accepted, then 429), not twice.
# 7. The scoring driver (src/test/java/org/palmares/load/ScoringLoad.java) logs the jurors in through nginx, opens
#    their dossiers and autosaves for SECONDS; halfway, node A is killed with kill -9. The jurors carry on through
#    nginx with the same session cookies, those of A now on B, which has their sessions from the cluster: the
#    driver counts every refused or failed save (a session lost would make every later save of its juror fail).
# 8. With -Dcrash.log the driver records every acknowledged write; after the run, `verify` reads each sheet back
#    through B and checks that every acknowledged write is there.
# Prints the driver's figures, the failures (must be 0 but for a save in flight at the kill, which nginx retries on
# B) and the verification. CLUSTER_DATA keeps the logs (default: a temporary directory, deleted); CLUSTER_PORT
# (default 8200: nginx, the nodes on the next two ports), CLUSTER_GRID_PORT (6950) and CLUSTER_DB (palmares_cluster)
# move it aside of another run. The nodes and nginx start through scripts/lib/palmares-cluster.sh (shared with
# scripts/load-rush.sh --cluster); the nodes share one data directory, as docs/operations.md advises.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/palmares-cluster.sh"
jurors="${1:-20}"
seconds="${2:-60}"
data="${CLUSTER_DATA:-$(mktemp -d)}"
mkdir -p "$data"
driver="$root/src/test/java/org/palmares/load/ScoringLoad.java"
# nginx on CLUSTER_PORT (default 8200), the nodes on the next two ports, the data grid from CLUSTER_GRID_PORT.
front="${CLUSTER_PORT:-8200}"
portA=$((front + 1))
portB=$((front + 2))
cluster_data="$data"
cluster_db="${CLUSTER_DB:-palmares_cluster}"
cluster_grid_port="${CLUSTER_GRID_PORT:-6950}"
cluster_name=palmares-failover
cluster_public_url="http://localhost:$front"

cleanup() {
    palmares_cluster_stop
    if [[ -z "${CLUSTER_DATA:-}" ]]; then rm -rf "$data"; fi
}
trap cleanup EXIT

command -v nginx >/dev/null || { echo "nginx is needed (Debian package nginx)" 1>&2; exit 1; }
if [[ ! -f "$root/target/palmares.war" ]]; then (cd "$root" && ./mvnw -q -B package -DskipTests) 1>&2; fi
for port in "$front" "$portA" "$portB"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "Port $port is taken" 1>&2; exit 1; fi
done
palmares_cluster_db "$cluster_db"

echo "Starting node A ($portA) with the demo edition and $jurors load jurors…" 1>&2
palmares_cluster_node a "$portA" PALMARES_DEMO_PHASE=SCORING PALMARES_DEMO_JURORS="$jurors" PALMARES_REMINDERS_MINUTE='*'
nodeA=${cluster_pids[0]}
echo "Starting node B ($portB) on the same database…" 1>&2
palmares_cluster_node b "$portB" PALMARES_DEMO=false PALMARES_REMINDERS_MINUTE='*'
grep -a -h -o "DG Size: [0-9]*" "$data/b/server.log" | tail -1 | sed "s/^/node B, data grid: /" 1>&2 || true
palmares_cluster_nginx "$front" "$portA" "$portB"

failed=0
sql() { PGPASSWORD=palmares psql -h 127.0.0.1 -U palmares -d "$cluster_db" -qtA -c "$1"; }
echo "Reminders across the nodes: the edition in scoring, its deadline tomorrow; both nodes check every minute…" 1>&2
sql "update edition set
       scoring_deadline = date_trunc('day', localtimestamp) + interval '1 day 23 hours 59 minutes'
     where is_current" >/dev/null
for _ in $(seq 1 150); do
    sent="$(grep -a -h -o 'Automatic reminder reminder:[^ ]*: [0-9]* juror(s)' "$data/a/server.log" "$data/b/server.log" || true)"
    skipped="$(grep -a -h -o 'Automatic reminder reminder:[^ ]* already claimed' "$data/a/server.log" "$data/b/server.log" || true)"
    [[ -n "$sent" && -n "$skipped" ]] && break
    sleep 1
done
for node in a b; do
    grep -a -h -o 'Automatic reminder reminder:[^ ]*\(: [0-9]* juror(s)\| already claimed\)' "$data/$node/server.log" |
        sed "s/^/  node ${node^^}: /" 1>&2 || true
done
claims="$(sql "select count(*) from job_claim where claim_key like 'reminder:%'")"
mails="$(sql "select count(*) || ' reminders to ' || count(distinct recipient) || ' jurors'
              from outbox_message where subject like 'Relance :%' or subject like 'Reminder:%'")"
twice="$(sql "select count(*) from (select recipient from outbox_message
              where subject like 'Relance :%' or subject like 'Reminder:%' group by recipient having count(*) > 1) t")"
echo "  claims: $claims; outbox: $mails; jurors reminded twice: $twice" 1>&2
if [[ "$(grep -c . <<<"$sent")" != 1 || -z "$skipped" || "$claims" != 1 || "$twice" != 0 ]] ||
    [[ "$mails" == "0 reminders"* ]]; then
    echo "  FAILED: one node must send the reminder, once to each juror, and the other find it claimed" 1>&2
    failed=1
fi

echo "Ceremony across the nodes: the presenter's screen on B, the remote's next/back on A:" 1>&2
java -Xmx128m "$root/src/test/java/org/palmares/load/ClusterCeremony.java" "http://localhost:$portA" "http://localhost:$portB" 5 ||
    failed=1

echo "Vote limits across the nodes: 15 casts from this address on A, then 15 on B (limit: 20 a minute)…" 1>&2
ids="$(curl -s "http://localhost:$portA/api/v1/editions/$palmares_edition/votes" | grep -o '"id":[0-9]*' | tr -dc '0-9\n')"
first_id="$(head -1 <<<"$ids")"
cast() {
    curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' -H 'Accept: application/json' \
        -d "{\"category\":\"CDC\",\"nomination\":$first_id,\"email\":\"limite-$1@demo.palmares.org\"}" \
        "http://localhost:$2/api/v1/editions/$palmares_edition/votes"
}
answers_a="$(for i in $(seq 1 15); do cast "a$i" "$portA"; done | sort | uniq -c | xargs)"
answers_b="$(for i in $(seq 1 15); do cast "b$i" "$portB"; done | sort | uniq -c | xargs)"
echo "  node A answered: $answers_a; node B answered: $answers_b" 1>&2
accepted="$(grep -o '[0-9]* 202' <<<"$answers_a $answers_b" | awk '{ s += $1 } END { print s + 0 }')"
if [[ -z "$first_id" || "$accepted" -gt 22 || "$answers_b" != *429* ]]; then
    echo "  FAILED: the two nodes must share the limit (about 20 accepted in all, then 429)" 1>&2
    failed=1
fi

echo "Load: $jurors jurors through nginx for $seconds s; node A killed (kill -9) after $((seconds / 2)) s" 1>&2
java -Xmx256m -Dcrash.log="$data/writes.log" "$driver" "http://localhost:$front" "$jurors" "$seconds" \
    >"$data/load.out" 2>&1 &
load=$!
for _ in $(seq 1 600); do grep -q "logged in and opened" "$data/load.out" 2>/dev/null && break; sleep 1; done
sleep $((seconds / 2))
cp "$data/access.log" "$data/access.log.at-kill"
kill -9 "$nodeA"
echo "node A killed at $(date -u +%T)" 1>&2
wait "$load" || true
cat "$data/load.out"
# Who served what: each node's answers and sessions before the kill, and after it.
killed_at="$(wc -l <"$data/access.log.at-kill")"
summary() {
    local f
    f="$(mktemp)"
    cat >"$f"
    # status, session cookie, then the node(s) tried: the last one answered.
    awk '{ a[$NF]++ } END { for (k in a) printf "  %s: %d answers\n", k, a[k] }' "$f"
    awk '$2 != "-" { print $NF, $2 }' "$f" | sort -u |
        awk '{ s[$1]++ } END { for (k in s) printf "  %s: %d session cookies\n", k, s[k] }'
    rm -f "$f"
}
echo "before the kill:"
head -n "$killed_at" "$data/access.log" | summary
echo "after the kill ($portA was node A: its sessions now on $portB):"
tail -n +"$((killed_at + 1))" "$data/access.log" | summary
echo "verification through node B:"
java -Xmx256m "$driver" verify "http://localhost:$portB" "$data/writes.log"
exit "$failed"
