#!/usr/bin/env bash
# Searchable PDF size and colour: each input through the pipeline (2 threads), the PDF's size and
# how each page image is stored (filter, colour space, bits, page size in points). Markdown rows.
#   src/bench/pdf-size.sh languages file...
# e.g. src/bench/pdf-size.sh eng ../shared/testdata/ocr/pdf/cardinal.pdf
set -euo pipefail
cd "$(dirname "$0")/../.."
languages=$1
shift
files=()
for f in "$@"; do files+=("$(realpath "$f")"); done
./mvnw -B -q -ntp -pl ocr test-compile >/dev/null
cp=$(./mvnw -B -q -ntp -pl ocr dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
export OMP_THREAD_LIMIT=1
java -Xmx2g -cp "ocr/target/test-classes:ocr/target/classes:$cp" org.dangan.ocr.bench.PdfSizeBenchmark \
    "$languages" "${files[@]}" 2>/dev/null | grep '^|'
