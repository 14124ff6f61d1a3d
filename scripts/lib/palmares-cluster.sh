# shellcheck shell=bash
# Two or more Palmarès nodes in one Hazelcast cluster on PostgreSQL behind nginx, for the load scripts (source it;
# needs bash, curl, psql, nginx, a JDK 17). The same set-up as scripts/cluster-failover.sh and docs/operations.md's "Running
# several instances": TCP/IP discovery on 127.0.0.1 only, web sessions in the cluster, nginx keeping each session on
# one node by its cookie.
#   palmares_cluster_db NAME                      drops and creates the database NAME on 127.0.0.1:5432 (account
#                                                palmares/palmares with CREATEDB; `sudo bash .ci/postgresql`).
#   palmares_cluster_node NAME PORT [ENV=VALUE…]  starts a node (its log in $cluster_data/NAME, the data directory
#                                                $cluster_data/shared common to all nodes, as docs/operations.md advises) and
#                                                waits until its home page answers 200; its pid is appended to
#                                                $cluster_pids. Set before: cluster_data, cluster_db (the database
#                                                name), cluster_grid_port (first Hazelcast port), cluster_name,
#                                                cluster_public_url (the address nginx serves).
#   palmares_cluster_nginx PORT NODE_PORT…        nginx on 127.0.0.1:PORT over the nodes (conf, pid, logs in
#                                                $cluster_data; access.log: status, session cookie,
#                                                time, then the node(s) tried, the last one answered).
#   palmares_cluster_stop                         stops nginx and the nodes (call it from the EXIT trap).
palmares_cluster_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cluster_pids=()

palmares_cluster_db() {
    local db="$1"
    pg_isready -q -h 127.0.0.1 -p 5432 || {
        echo "PostgreSQL does not answer on 127.0.0.1:5432 (start it: sudo bash .ci/postgresql)" 1>&2
        return 1
    }
    PGPASSWORD=palmares PGOPTIONS="--client-min-messages=warning" psql -q -h 127.0.0.1 -U palmares -d postgres \
        -c "drop database if exists $db" -c "create database $db"
}

palmares_cluster_node() {
    local name="$1" port="$2"
    shift 2
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "Port $port is already in use" 1>&2
        return 1
    fi
    mkdir -p "$cluster_data/$name" "$cluster_data/shared"
    # One data directory for every node (attachments, the vote secret), as a shared volume would be (docs/operations.md).
    env PALMARES_DATA_DIR="$cluster_data/shared" PALMARES_DB_URL="jdbc:postgresql://127.0.0.1:5432/$cluster_db" \
        PALMARES_DB_USER=palmares PALMARES_DB_PASSWORD=palmares PALMARES_BASE_URL="$cluster_public_url" "$@" \
        java "-Xmx${CLUSTER_HEAP:-768m}" -jar "$palmares_cluster_root/target/payara-micro.jar" --port "$port" \
        --contextroot / --clustermode "tcpip:127.0.0.1:$cluster_grid_port" --startport "$cluster_grid_port" \
        --interfaces 127.0.0.1 --clustername "$cluster_name" \
        --deploy "$palmares_cluster_root/target/palmares.war" >"$cluster_data/$name/server.log" 2>&1 &
    local pid=$!
    cluster_pids+=("$pid")
    for _ in $(seq 1 900); do
        [[ "$(curl -s -m 10 -o /dev/null -w '%{http_code}' "http://localhost:$port/index.xhtml" || true)" == 200 ]] \
            && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    echo "node $name did not answer; see $cluster_data/$name/server.log" 1>&2
    return 1
}

palmares_cluster_nginx() {
    local port="$1" servers="" node
    shift
    command -v nginx >/dev/null || { echo "nginx is needed (Debian package nginx)" 1>&2; return 1; }
    for node in "$@"; do servers+="        server 127.0.0.1:$node max_fails=1 fail_timeout=30s;"$'\n'; done
    cat >"$cluster_data/nginx.conf" <<NGINX
pid $cluster_data/nginx.pid;
error_log $cluster_data/nginx-error.log;
events { worker_connections 4096; }
http {
    log_format upstream '\$status \$cookie_JSESSIONID \$request_time \$upstream_addr';
    access_log $cluster_data/access.log upstream;
    client_max_body_size 32m;
    upstream palmares {
        hash \$cookie_JSESSIONID consistent;
$servers    }
    server {
        listen 127.0.0.1:$port;
        location / {
            proxy_pass http://palmares;
            proxy_set_header Host \$host:\$server_port;
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
        }
    }
}
NGINX
    nginx -c "$cluster_data/nginx.conf"
}

palmares_cluster_stop() {
    if [[ -n "${cluster_data:-}" && -f "$cluster_data/nginx.pid" ]]; then kill "$(cat "$cluster_data/nginx.pid")" 2>/dev/null || true; fi
    local p
    for p in "${cluster_pids[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${cluster_pids[@]}"; do
        for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
        kill -9 "$p" 2>/dev/null || true
    done
}
