#!/usr/bin/env bash
# Campaign benchmark: imports N generated records (default 100,000) over ten townships, then runs a
# verification campaign on the real process with the job executor on, on H2 (a file database in a
# temp dir) and, with --postgres, on the PostgreSQL database named by DANGAN_DB_* (dangan_bench).
#   src/bench/campaign.sh [rows] [--postgres]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}
./mvnw -B -q -ntp -pl workflow -am -DskipTests install >/dev/null
cp=$(./mvnw -B -q -ntp -pl workflow dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
cp="workflow/target/test-classes:workflow/target/classes:$cp"
if [ "${2:-}" = "--postgres" ]; then
  exec java -Xmx3g -cp "$cp" org.dangan.workflow.bench.CampaignBenchmark "$rows" --spring.profiles.active=postgres
else
  db=$(mktemp -d)
  trap 'rm -rf "$db"' EXIT
  java -Xmx3g -cp "$cp" org.dangan.workflow.bench.CampaignBenchmark "$rows" \
    "--spring.datasource.url=jdbc:h2:file:$db/bench;DB_CLOSE_ON_EXIT=FALSE"
fi
