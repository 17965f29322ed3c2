#!/usr/bin/env bash
# Custody ledger at scale: append N entries (100 chains), then verify the whole ledger three times.
#   src/bench/custody.sh [entries] [--postgres]   (PostgreSQL: database dangan_bench, role dangan/dangan)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -ntp -pl workflow -am -DskipTests install >/dev/null
cp=$(./mvnw -B -q -ntp -pl workflow dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx1g -cp "workflow/target/test-classes:workflow/target/classes:$cp" \
  org.dangan.workflow.custody.CustodyBenchmark "$@"
