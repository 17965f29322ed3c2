#!/usr/bin/env bash
# OCR benchmark: the pipeline beside the tesseract CLI on the real pages of ../shared/testdata/ocr
# (CER, recall, seconds per page), then pages per minute on a 20-page scanned PDF beside Debian's
# ocrmypdf. Prints a markdown table and a THROUGHPUT line.
#   src/bench/ocr.sh [testdata dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-../shared/testdata/ocr}
command -v ocrmypdf >/dev/null || { echo "ocrmypdf is missing: apt-get install ocrmypdf" >&2; exit 1; }
./mvnw -B -q -ntp -pl ocr -am -DskipTests install >/dev/null
cp=$(./mvnw -B -q -ntp -pl ocr dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
export OMP_THREAD_LIMIT=1
exec java -cp "ocr/target/test-classes:ocr/target/classes:$cp" org.dangan.ocr.bench.OcrBenchmark "$data"
