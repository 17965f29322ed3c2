#!/usr/bin/env bash
# Campaign benchmark: imports N generated records (default 100,000) over ten townships, then runs a
# verification campaign on the real process with the job executor on, on H2 (a file database in a
# temp dir) and, with --postgres, on the PostgreSQL database named by DANGAN_DB_* (dangan_bench).
#   src/bench/campaign.sh [rows] [--postgres]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}
. src/bench/classpath.sh
if [ "${2:-}" = "--postgres" ]; then
  exec java -Xmx3g -cp "$cp" org.dangan.workflow.bench.CampaignBenchmark "$rows" --spring.profiles.active=postgres --server.port=0
else
  db=$(mktemp -d)
  trap 'rm -rf "$db"' EXIT
  java -Xmx3g -cp "$cp" org.dangan.workflow.bench.CampaignBenchmark "$rows" --server.port=0 \
    "--spring.datasource.url=jdbc:h2:file:$db/bench;DB_CLOSE_ON_EXIT=FALSE"
fi
