#!/usr/bin/env bash
# Memory of a node recognising pages: starts the production jar on H2 with the demo data and three
# job-executor workers, submits a real scanned page every few seconds (faster than three workers
# recognise them, so all three stay busy) for the given time, samples the node's RSS every 10 s and
# prints RSS at the first and last minute, median, max and the pages read. Two nodes may run
# side by side (another JAR and PORT) so that both see the same machine.
#   src/bench/ocr-memory.sh [seconds]        JAR=ui/target/dangan.jar PORT=18090 EVERY=2
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-600}
jar=${JAR:-ui/target/dangan.jar} port=${PORT:-18090} every=${EVERY:-2}
[ -r "$jar" ] || { echo "$jar is missing: ./mvnw -Pproduction -DskipTests package" >&2; exit 1; }
base=http://localhost:$port
work=$(mktemp -d /tmp/dangan-ocr-memory.XXXX)
echo "== node $jar on port $port, data in $work"
DANGAN_HOME=$work/home SPRING_PROFILES_ACTIVE=demo OMP_THREAD_LIMIT=1 \
  java -jar "$jar" --server.port=$port --logging.level.root=warn \
  --camunda.bpm.job-execution.core-pool-size=3 --camunda.bpm.job-execution.max-pool-size=3 > "$work/node.log" 2>&1 &
node=$!
trap 'kill $node 2>/dev/null || true' EXIT
until curl -sf -o /dev/null -u archivist-a:dangan-demo "$base/api/records?size=1"; do
  kill -0 $node || { tail -50 "$work/node.log"; exit 1; }; sleep 2
done
curl -sf -u archivist-a:dangan-demo "$base/api/records?size=200" | grep -o '"recordNumber":"[0-9]*"' | cut -d'"' -f4 > "$work/records.txt"
echo "== $(wc -l < "$work/records.txt") records of township A; a page every $every s for $duration s"
pages=(../shared/testdata/ocr/zh/*.png)
start=$(date +%s) n=0 next_sample=$start
: > "$work/rss.txt" : > "$work/ids.txt"
while [ $(( $(date +%s) - start )) -lt "$duration" ]; do
  page=${pages[$((n % ${#pages[@]}))]}
  record=$(sed -n "$((n % $(wc -l < "$work/records.txt") + 1))p" "$work/records.txt")
  curl -s -u archivist-a:dangan-demo -F "file=@$page" -F "recordNumber=$record" -F documentType=AUX_EXAM_REPORT \
    "$base/api/documents" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2 >> "$work/ids.txt" || true
  n=$((n + 1))
  if [ "$(date +%s)" -ge "$next_sample" ]; then
    rss=$(awk '/VmRSS/{print int($2/1024)}' /proc/$node/status)
    echo "$(( $(date +%s) - start )) $rss" >> "$work/rss.txt"
    echo "   $(( $(date +%s) - start )) s: RSS $rss MB, $n pages submitted"
    next_sample=$((next_sample + 10))
  fi
  sleep "$every"
done
read=0
while read -r id; do
  # read: archived, or waiting for a person's review (a low-confidence page)
  curl -sf -u archivist-a:dangan-demo "$base/api/documents/$id" | grep -qE '"state":"(ARCHIVED|REVIEW)"' && read=$((read + 1))
done < "$work/ids.txt"
median=$(sort -n -k2 "$work/rss.txt" | awk '{r[NR] = $2} END {print r[int((NR + 1) / 2)]}')
awk -v pages=$n -v read=$read -v jar="$jar" -v median="$median" '
  { t[NR] = $1; r[NR] = $2; if ($2 > max) max = $2 }
  END {
    for (i = 1; i <= NR; i++) { if (t[i] <= 60) { first += r[i]; fn++ } if (t[i] >= t[NR] - 60) { last += r[i]; ln++ } }
    printf "RESULT jar=%s rss_first_minute=%.0fMB rss_last_minute=%.0fMB rss_median=%dMB rss_max=%dMB pages_submitted=%d read=%d samples=%d\n",
      jar, first / fn, last / ln, median, max, pages, read, NR
  }' "$work/rss.txt"
