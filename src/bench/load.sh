#!/usr/bin/env bash
# Load test: 50 concurrent users for 5 minutes on one node with PostgreSQL and the demo data,
# mixing record lists (15 connections), record views (15), searches (12) and task completions
# (8, paced), while scans are submitted for OCR every few seconds. Each request type is one wrk
# process; after a warm-up of WARMUP seconds (default 30, not counted) prints per type wrk's
# requests, errors, p50/p95/p99 (RESULT) and the same from the node's access log (NODE-TIMES), and
# the node's RSS and CPU.
#   src/bench/load.sh [seconds]          (needs the production jar: ./mvnw -Pproduction -DskipTests package)
#   JAR=other.jar NODE_ARGS='--spring.datasource.hikari.maximum-pool-size=10' WARMUP=0 src/bench/load.sh 300
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-300}
. src/dev/packages.sh
ensure_packages wrk postgresql curl
export LOAD_DIR=$PWD/src/bench/load LOAD_DATA=$(mktemp -d /tmp/dangan-load.XXXX)
port=18080 base=http://localhost:18080
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
as_postgres "psql -qtc \"select 1 from pg_roles where rolname='dangan'\" | grep -q 1 || psql -qc \"create role dangan login password 'dangan'\""
as_postgres "psql -qc 'drop database if exists dangan_load' && psql -qc 'create database dangan_load owner dangan'"
# lock waits over 200 ms are logged by PostgreSQL: the run counts them in its own database
as_postgres "psql -qc 'alter database dangan_load set log_lock_waits = on' -c 'alter database dangan_load set deadlock_timeout = 200'"
pg_log=/var/log/postgresql/postgresql-15-main.log
pg_log_from=$(($(wc -l < $pg_log 2>/dev/null || echo 0) + 1))
psql_load() { PGPASSWORD=dangan psql -h localhost -U dangan -d dangan_load -Atc "$1"; }

echo "== starting the node (demo data on PostgreSQL); logs in $LOAD_DATA"
# the node's access log (when each request began, its time in microseconds) and the time each task
# completion was sent: the times per request as the node measured them, beside wrk's (see the end)
access_args="--server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory=$LOAD_DATA
  --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.pattern=%{begin:msec}t|%m|%U|%s|%D --server.tomcat.accesslog.buffered=false"
export TASK_LOG=$LOAD_DATA/task-sent.txt
SPRING_PROFILES_ACTIVE=demo,postgres DANGAN_DB_NAME=dangan_load DANGAN_HOME=$LOAD_DATA/home OMP_THREAD_LIMIT=1 \
  java -jar "${JAR:-ui/target/dangan.jar}" --server.port=$port --logging.level.root=warn $access_args ${NODE_ARGS:-} > "$LOAD_DATA/node.log" 2>&1 &
node=$!
# waits for the node to be gone: a run started right after would find its database still in use
trap 'kill $node $feeder $sampler 2>/dev/null || true; wait $node 2>/dev/null || true' EXIT
feeder="" sampler=""
# the node answers its health before the demo data is in: wait until a demo user can sign in
until curl -sf -o /dev/null -u archivist-a:dangan-demo $base/api/records; do
  kill -0 $node || { tail -50 "$LOAD_DATA/node.log"; exit 1; }; sleep 2
done

a=130123101
psql_load "select record_number from health_record r join institution i on i.id = r.institution_id where i.code = '$a'" > "$LOAD_DATA/records.txt"
echo "== civil registration: 1200 deaths reported, each a follow-up task for township A's archivists"
# the demo data's faults include wrong check digits, which the civil registration refuses: only valid ones
valid_ids() {
  awk 'BEGIN { split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); c = "10X98765432" }
       { s = 0; for (i = 1; i <= 17; i++) s += substr($0, i, 1) * w[i]; if (substr(c, s % 11 + 1, 1) == substr($0, 18, 1) && n++ < 1200) print }'
}
{ echo "idNumber,event,date"; psql_load "select distinct id_number from health_record r join institution i on i.id = r.institution_id
    where i.code = '$a' and r.status = 'ACTIVE'" | valid_ids | sed 's/$/,DECEASED,2026-01-05/'; } > "$LOAD_DATA/deaths.csv"
curl -s -w ' HTTP %{http_code}\n' -u archivist-a:dangan-demo -H 'Content-Type: text/csv' --data-binary @"$LOAD_DATA/deaths.csv" \
  $base/api/civil-registration
psql_load "select id_ from act_ru_task where task_def_key_ = 'confirmDeath'" > "$LOAD_DATA/tasks.txt"
echo "   $(wc -l < "$LOAD_DATA/tasks.txt") tasks, $(wc -l < "$LOAD_DATA/records.txt") records of township A"

echo "== OCR feeder: a scanned page every 4 s while the load runs"
(
  pages=(../shared/testdata/ocr/zh/*.png); n=0
  while true; do
    page=${pages[$((n % ${#pages[@]}))]}
    curl -s -o /dev/null -u archivist-a:dangan-demo -F "file=@$page" -F "recordNumber=$(sed -n "$((n % 500 + 1))p" "$LOAD_DATA/records.txt")" \
      -F documentType=AUX_EXAM_REPORT $base/api/documents
    n=$((n + 1)); sleep 4
  done
) & feeder=$!
echo "== sampler: the node's RSS and CPU every 5 s"
(
  hz=$(getconf CLK_TCK); last=$(awk '{print $14+$15}' /proc/$node/stat); t0=$(date +%s.%N)
  while sleep 5; do
    now=$(awk '{print $14+$15}' /proc/$node/stat); t=$(date +%s.%N)
    echo "$(awk '/VmRSS/{print $2}' /proc/$node/status) $(echo "($now - $last) / $hz / ($t - $t0) * 100" | bc -l)"
    last=$now; t0=$t
  done
) > "$LOAD_DATA/samples.txt" & sampler=$!

# the four request types, each one wrk process: load <seconds> <directory for the results>
load() {
  local pids=()
  wrk -t1 -c15 -d$1s --timeout 30s -s src/bench/load/list.lua $base > "$2/list.out" & pids+=($!)
  wrk -t1 -c15 -d$1s --timeout 30s -s src/bench/load/view.lua $base > "$2/view.out" & pids+=($!)
  wrk -t1 -c12 -d$1s --timeout 30s -s src/bench/load/search.lua $base > "$2/search.out" & pids+=($!)
  TASK_DELAY_MS=${TASK_DELAY_MS:-2200} wrk -t1 -c8 -d$1s --timeout 30s -s src/bench/load/task.lua $base > "$2/task.out" & pids+=($!)
  wait "${pids[@]}"
}
# WARMUP seconds (default 30) of the same load first, not counted: the node's first requests of each
# kind load classes and compile code, which a node does once after a start, not under every load
warmup=${WARMUP:-30}
if [ "$warmup" -gt 0 ]; then
  echo "== warm-up: 50 connections for $warmup s, not counted"
  mkdir -p "$LOAD_DATA/warmup"
  TASK_LOG=$LOAD_DATA/warmup/task-sent.txt load "$warmup" "$LOAD_DATA/warmup"
  grep -h RESULT "$LOAD_DATA"/warmup/*.out | sed 's/^/   warm-up /'
  # the measured run completes the tasks after those the warm-up completed
  export TASK_SKIP=$(wc -l < "$LOAD_DATA/warmup/task-sent.txt")
fi
echo "== load: 50 connections for $duration s"
# the whole machine's CPU (node, PostgreSQL, wrk), from the kernel's counters before and after
cpu_then=$(head -1 /proc/stat) load_start=$(date +%s%3N)
load "$duration" "$LOAD_DATA"
cpu_now=$(head -1 /proc/stat)
kill $feeder $sampler 2>/dev/null || true
echo "$cpu_then $cpu_now" | awk '{ n = (NF - 2) / 2; for (i = 2; i <= n + 1; i++) { d = $(i + n + 1) - $i; total += d; if (i == 5 || i == 6) idle += d }
  printf "MACHINE cpu_busy=%.0f%% (all cores, whole run)\n", 100 * (total - idle) / total }'
metrics=$(curl -s $base/actuator/prometheus)
# the node's own view of each request type: if its slowest is far below wrk's, the wait was outside the application
echo "$metrics" | awk '
  /^http_server_requests_seconds_(count|sum|max)\{/ && !/status="[45]/ {
    match($0, /uri="[^"]*"/); u = substr($0, RSTART + 5, RLENGTH - 6); split($1, n, "{"); v[u, n[1]] += $2; if (n[1] ~ /max/ && $2 > m[u]) m[u] = $2; seen[u] = 1 }
  END { for (u in seen) if (v[u, "http_server_requests_seconds_count"] > 100)
    printf "SERVER %s requests=%d mean=%.0fms max_last_minutes=%.0fms\n", u, v[u, "http_server_requests_seconds_count"],
      1000 * v[u, "http_server_requests_seconds_sum"] / v[u, "http_server_requests_seconds_count"], 1000 * m[u] }'

# where requests waited: for a database connection from the pool, or behind another's row lock
echo "$metrics" | awk '
  /^hikaricp_connections_acquire_seconds_(count|sum|max)|^hikaricp_connections_timeout_total|^hikaricp_connections_max/ { sub(/\{.*\}/, ""); v[$1] = $2 }
  END { printf "POOL size=%d acquisitions=%d mean_wait=%.1fms max_wait=%.0fms timeouts=%d\n", v["hikaricp_connections_max"],
        v["hikaricp_connections_acquire_seconds_count"], 1000 * v["hikaricp_connections_acquire_seconds_sum"] / (v["hikaricp_connections_acquire_seconds_count"] + 1e-9),
        1000 * v["hikaricp_connections_acquire_seconds_max"], v["hikaricp_connections_timeout_total"] }'
echo "LOCKS waits over 200 ms logged by PostgreSQL: $(tail -n +$pg_log_from $pg_log 2>/dev/null | grep -c 'still waiting for' || true)"

grep -h RESULT "$LOAD_DATA"/*.out
sort -n "$LOAD_DATA/samples.txt" | awk '{rss[NR]=$1; cpu+=$2} END {printf "NODE rss_median=%.0fMB rss_max=%.0fMB cpu_mean=%.0f%% (of one core; 200%% = both) samples=%d\n", rss[int((NR+1)/2)]/1024, rss[NR]/1024, cpu/NR, NR}'
echo "OCR documents: $(psql_load "select state || ' ' || count(*) from scanned_document group by state" | tr '\n' ' ')"
echo "tasks left: $(psql_load "select count(*) from act_ru_task where task_def_key_ = 'confirmDeath'") of $(wc -l < "$LOAD_DATA/tasks.txt")"
echo "errors in the node's log: $(grep -c ' ERROR ' "$LOAD_DATA/node.log" || true)"

# wrk corrects its histogram for "coordinated omission": each request slower than a connection's
# mean interval (run time / requests per connection) adds samples at that time minus 1, 2, ...
# intervals. For the paced completions that interval is about 3 s, and one slow completion counted
# as eight (docs/benchmarks.md, issue 21). The node's access log has each request once, as it came.

awk -F'|' '
  $3 ~ /\/complete$/ { t = "task-complete" } $3 == "/api/records" { t = "record-list" }
  $3 ~ /^\/api\/records\/[^\/]+$/ { t = "record-view" } $3 ~ /^\/api\/search/ { t = "search" }
  t != "" && $1 >= start { print t, $5 / 1000 } { t = "" }' start="$load_start" "$LOAD_DATA"/access*.log | LC_ALL=C sort -k1,1 -k2,2n |
  awk '{ v[$1, ++n[$1]] = $2 }
    END { for (t in n) { c = n[t]; printf "NODE-TIMES %s requests=%d p50=%.0fms p95=%.0fms p99=%.0fms max=%.0fms (as the node measured each, uncorrected)\n",
      t, c, v[t, int(c * 0.5) + 1], v[t, int(c * 0.95) + 1], v[t, int(c * 0.99) + 1], v[t, c] } }'
