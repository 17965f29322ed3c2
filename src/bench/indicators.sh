#!/usr/bin/env bash
# Indicator benchmark (issue 20): imports N generated records (default 100,000) over ten townships,
# then computes the indicators three times and reads the dashboard 50 times, on H2 (a file
# database in a temp dir) and, with --postgres, on the PostgreSQL database named by DANGAN_DB_*.
#   src/bench/indicators.sh [rows] [--postgres]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}
. src/bench/classpath.sh
if [ "${2:-}" = "--postgres" ]; then
  exec java -Xmx3g -cp "$cp" org.dangan.workflow.bench.IndicatorBenchmark "$rows" --spring.profiles.active=postgres --server.port=0
else
  db=$(mktemp -d)
  trap 'rm -rf "$db"' EXIT
  java -Xmx3g -cp "$cp" org.dangan.workflow.bench.IndicatorBenchmark "$rows" --server.port=0 \
    "--spring.datasource.url=jdbc:h2:file:$db/bench;DB_CLOSE_ON_EXIT=FALSE"
fi
