#!/usr/bin/env bash
# Chinese analysis for search: CJK bigrams, smartcn and ICU on the real pages of ../shared/testdata/ocr
# (read by Tesseract) and 2,000 generated report pages, over a labelled query set. Prints a markdown table.
#   src/bench/search-analysis.sh [testdata dir]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=$(realpath "${1:-../shared/testdata/ocr}")
. src/bench/classpath.sh
export OMP_THREAD_LIMIT=1
exec java -cp "$cp" org.dangan.workflow.search.AnalysisBenchmark "$data"
