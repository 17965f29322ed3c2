#!/usr/bin/env bash
# Search benchmark: index N generated Chinese report pages into a fresh index (as a rebuild does), then
# a fixed query mix as 1 user and as 8 concurrent users. Prints INDEX and QUERIES lines.
#   src/bench/search.sh lucene 1000000
#   src/bench/search.sh elasticsearch 100000    (a real Elasticsearch node in the benchmark's JVM)
set -euo pipefail
cd "$(dirname "$0")/../.."
backend=${1:-lucene}
pages=${2:-100000}
. src/bench/classpath.sh
exec java -Xmx${HEAP:-1g} -cp "$cp" \
  org.dangan.workflow.search.SearchBenchmark "$backend" "$pages"
