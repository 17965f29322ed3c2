#!/usr/bin/env bash
# Custody ledger at scale: append N entries (100 chains), then verify the whole ledger three times.
#   src/bench/custody.sh [entries] [--postgres]   (PostgreSQL: database dangan_bench, role dangan/dangan)
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/classpath.sh
exec java -Xmx1g -cp "$cp" \
  org.dangan.workflow.custody.CustodyBenchmark "$@"
