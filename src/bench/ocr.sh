#!/usr/bin/env bash
# OCR benchmark: the pipeline with each engine (PP-OCR, Tesseract) beside the tesseract CLI on the
# real pages of ../shared/testdata/ocr (CER, recall, seconds per page, confidence), then pages per
# minute on a 20-page scanned PDF, each engine beside Debian's ocrmypdf. Prints a markdown table
# and THROUGHPUT lines. PP-OCR's models: $DANGAN_OCR_MODELS, else where src/dev/ocr-models.sh puts them.
#   src/bench/ocr.sh [testdata dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-../shared/testdata/ocr}
command -v ocrmypdf >/dev/null || { echo "ocrmypdf is missing: apt-get install ocrmypdf" >&2; exit 1; }
models=${DANGAN_OCR_MODELS:-/usr/local/share/dangan/ocr-models}
[ -r "$models/ch_PP-OCRv4_rec_infer.onnx" ] || { echo "PP-OCR's models are missing in $models: run src/dev/ocr-models.sh" >&2; exit 1; }
./mvnw -B -q -ntp -pl ocr -am -DskipTests install >/dev/null
cp=$(./mvnw -B -q -ntp -pl ocr dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
export OMP_THREAD_LIMIT=1
exec java -Ddangan.ocr.models="$models" -cp "ocr/target/test-classes:ocr/target/classes:$cp" org.dangan.ocr.bench.OcrBenchmark "$data"
