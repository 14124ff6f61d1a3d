#!/usr/bin/env bash
# The full-disk check (issue 17 finding 9, issue 25 finding 5): Palmarès runs with its data directory on a small file
# system, under load; the file system is filled to its last byte, then freed, without a restart. Checked: while it is
# full every write answers a 503 problem at once (in the caller's language, saying the storage is full, with
# Retry-After), every read answers 200, the login page answers 200 without a redirect and a login works, readiness is
# DOWN with the reason and liveness stays UP; once space is back, readiness is UP again and writes go through; every
# acknowledged write is there; no attachment file is half-written, orphaned or left temporary.
#
#   sudo scripts/disk-full.sh [RUNS] [COUNT]        defaults: 3 runs, 20 territories and 20 jurors
#
# Each run uses a fresh file system (DISKFULL_FS: tmpfs, the default, or ext4 on a loop device; DISKFULL_SIZE_MB,
# default 256) holding the data directory only (the server's log is written elsewhere, Derby's log inside as
# ./palmares does), and two cycles (src/test/java/org/palmares/load/DiskFullLoad.java):
#   1. the demo edition as it is loaded, nominations open: COUNT load territories (PALMARES_DEMO_TERRITORIES) create
#      nominations, save them and upload PDFs while the file system is filled and freed;
#   2. Palmarès is stopped, the attachment files are checked against the database, and the edition is put in the
#      scoring phase by a direct SQL update of its phase on the stopped database (no organiser's action can: leaving
#      the nomination phase needs its deadline passed, and the demo's is weeks away); Palmarès is started again on the
#      same data and COUNT load jurors (PALMARES_DEMO_JURORS) save their score sheets while the file system is filled
#      and freed again; the files are checked once more.
# Needs root (mount, losetup), a JDK 17, curl. Exits 1 if any check of any run failed. DISKFULL_PORT (default 8094).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/palmares-server.sh"
runs="${1:-3}"
count="${2:-20}"
fs="${DISKFULL_FS:-tmpfs}"
size="${DISKFULL_SIZE_MB:-256}"
port="${DISKFULL_PORT:-8094}"
base="http://localhost:$port"
driver="$root/src/test/java/org/palmares/load/DiskFullLoad.java"

if [[ "$(id -u)" != 0 ]]; then
    echo "disk-full.sh mounts a small file system: run it as root (sudo)." 1>&2
    exit 2
fi
if [[ ! -f "$root/target/palmares.war" ]]; then (cd "$root" && ./mvnw -q -B package -DskipTests) 1>&2; fi
derby="$(ls "$root"/target/palmares/WEB-INF/lib/derby*.jar | tr '\n' ':')"

mnt=""
image=""
logs=""
load=""
cleanup() {
    if [[ -n "$load" ]]; then kill "$load" 2>/dev/null || true; wait "$load" 2>/dev/null || true; fi
    palmares_stop
    if [[ -n "$mnt" ]]; then
        umount "$mnt" 2>/dev/null || true
        rmdir "$mnt" 2>/dev/null || true
    fi
    if [[ -n "$image" ]]; then rm -f "$image"; fi
}
trap cleanup EXIT

start() {
    PALMARES_SERVER_LOG="$logs/server-$1.log" PALMARES_DEMO_TERRITORIES=$((count + 1)) \
        PALMARES_DEMO_JURORS=$((count + 1)) palmares_start "$port" "$mnt/data" -Xmx768m \
        -Dderby.stream.error.file="$mnt/data/derby.log"
}

# cycle SIDE: the driver for one side, its output kept and printed; fails when a check failed.
cycle() {
    local rc=0
    java -Xmx256m -Djournal="$logs/$1.journal" "$driver" "$1" "$base" "$mnt" "$count" >"$logs/$1.out" 2>&1 &
    load=$!
    wait "$load" || rc=1
    load=""
    cat "$logs/$1.out"
    return "$rc"
}

stop() {
    palmares_stop
    server=""
}

# The server's log of one cycle: what it logged as errors, and how much it logged (a flood would fill the disk).
log_figures() {
    local log="$logs/server-$1.log"
    echo "server log of cycle $1: $(wc -l <"$log") lines, $(grep -c 'SEVERE' "$log" || true) SEVERE," \
        "$(grep -c 'WARNING' "$log" || true) WARNING, $(grep -c 'Unexpected error' "$log" || true) unexpected errors"
    if grep -q 'Unexpected error' "$log"; then
        echo "FAIL the server logged unexpected errors (500s): see $log" 1>&2
        return 1
    fi
}

failed=0
for run in $(seq 1 "$runs"); do
    mnt="$(mktemp -d /tmp/palmares-diskfull.XXXXXX)"
    logs="$(mktemp -d /tmp/palmares-diskfull-logs.XXXXXX)"
    if [[ "$fs" == ext4 ]]; then
        image="$mnt.img"
        truncate -s "${size}M" "$image"
        mkfs.ext4 -q -F -m 0 "$image"
        mount -o loop "$image" "$mnt"
    else
        mount -t tmpfs -o "size=${size}m" tmpfs "$mnt"
    fi
    mkdir "$mnt/data"
    echo "run $run: $fs of $size MB at $mnt, logs in $logs" 1>&2

    echo "run $run, cycle 1: nominations open, $count territories" 1>&2
    start 1
    cycle territories || failed=1
    stop
    log_figures 1 || failed=1
    java -cp "$derby" "$driver" files "$mnt/data" || failed=1
    java -cp "$derby" "$driver" phase "$mnt/data" SCORING

    echo "run $run, cycle 2: scoring, $count jurors (same data, restarted)" 1>&2
    start 2
    cycle jurors || failed=1
    stop
    log_figures 2 || failed=1
    java -cp "$derby" "$driver" files "$mnt/data" || failed=1

    umount "$mnt"
    rmdir "$mnt"
    mnt=""
    if [[ -n "$image" ]]; then rm -f "$image"; image=""; fi
done
if [[ "$failed" == 0 ]]; then echo "disk-full: every check of $runs run(s) passed"; else echo "disk-full: FAILED"; fi
exit "$failed"
