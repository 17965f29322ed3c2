#!/usr/bin/env bash
# Import benchmark: generates N records (default 1,000,000) as a county export and imports them
# through the real importer, on H2 (a file database in a temp dir) and, with --postgres, on the
# PostgreSQL database named by DANGAN_DB_* (default dangan_bench). Prints a RESULT line per run.
#   src/bench/import.sh [rows] [--postgres]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
. src/bench/classpath.sh
if [ "${2:-}" = "--postgres" ]; then
  exec java -Xmx2g -cp "$cp" org.dangan.workflow.bench.ImportBenchmark "$rows" --spring.profiles.active=postgres --server.port=0
else
  db=$(mktemp -d)
  trap 'rm -rf "$db"' EXIT
  java -Xmx2g -cp "$cp" org.dangan.workflow.bench.ImportBenchmark "$rows" --server.port=0 \
    "--spring.datasource.url=jdbc:h2:file:$db/bench;DB_CLOSE_ON_EXIT=FALSE"
fi
