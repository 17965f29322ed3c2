#!/usr/bin/env bash
# Import benchmark: generates N records (default 1,000,000) as a county export and imports them
# through the real importer, on H2 (a file database in a temp dir) and, with --postgres, on the
# PostgreSQL database named by DANGAN_DB_* (DANGAN_DB_NAME=dangan_bench; without it the database
# "dangan"). Prints a RESULT line per run.
#   src/bench/import.sh [rows] [--postgres]
# JAVA_HEAP sets the JVM's -Xmx (default 2g), e.g. JAVA_HEAP=512m for the constant-memory import.
# JAVA_OPTS adds JVM options, e.g. JAVA_OPTS=-XX:StartFlightRecording=filename=import.jfr for a profile.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
heap=${JAVA_HEAP:-2g}
. src/bench/classpath.sh
if [ "${2:-}" = "--postgres" ]; then
  exec java -Xmx"$heap" ${JAVA_OPTS:-} -cp "$cp" org.dangan.workflow.bench.ImportBenchmark "$rows" --spring.profiles.active=postgres --server.port=0
else
  db=$(mktemp -d)
  trap 'rm -rf "$db"' EXIT
  java -Xmx"$heap" ${JAVA_OPTS:-} -cp "$cp" org.dangan.workflow.bench.ImportBenchmark "$rows" --server.port=0 \
    "--spring.datasource.url=jdbc:h2:file:$db/bench;DB_CLOSE_ON_EXIT=FALSE"
fi
