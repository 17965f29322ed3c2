#!/usr/bin/env bash
# Runs Dang'an on the embedded defaults (H2 file database, file store and index under
# DANGAN_HOME, default ./data) with the demo data set, at http://localhost:8080.
# On a fresh Debian 12 machine it installs the JDK, Tesseract and the PP-OCR models first.
set -euo pipefail
cd "$(dirname "$0")/../.."

. src/dev/packages.sh
ensure_packages openjdk-17-jdk-headless tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng tesseract-ocr-osd fonts-noto-cjk fonts-wqy-zenhei
# the PP-OCR models, checked against their SHA-256, into /usr/local/share/dangan/ocr-models
src/dev/ocr-models.sh

echo "== building the application jar (production mode, prebuilt Vaadin bundle)"
./mvnw -B -q -ntp -Pproduction -DskipTests package

# what the node writes (the database and the search index hold personal data) only for this user
umask 077
export DANGAN_HOME=$(realpath -m "${DANGAN_HOME:-./data}")
export SPRING_PROFILES_ACTIVE=${SPRING_PROFILES_ACTIVE:-demo}
export OMP_THREAD_LIMIT=1
# unpacked, with a class-data archive made by one training start after each build, and with the
# demo data set loaded once per build and day: a first start copies it instead of loading it
# (docs/benchmarks.md, issue 21)
demo=""
[ "$SPRING_PROFILES_ACTIVE" = demo ] && [ ! -e "$DANGAN_HOME" ] && demo=demo
src/dev/quick-start.sh ui/target/dangan.jar ui/target/quick-start $demo
args=()
if [ -n "$demo" ] && [ -d ui/target/quick-start/demo-home ]; then
  cp -a ui/target/quick-start/demo-home "$DANGAN_HOME"
  echo "== the demo data set of this build copied into $DANGAN_HOME"
  # this build's schema changes were applied to the copy when it was made: nothing to migrate or
  # check on this one start (later starts run Liquibase as always). Every copy of one build and day
  # shares the key of keys/audit-hash.key: a demo home is for the demo, never for real records
  args=(--spring.liquibase.enabled=false)
fi
echo "== starting Dang'an at http://localhost:8080 (data in $DANGAN_HOME, profile $SPRING_PROFILES_ACTIVE)"
cd ui/target/quick-start/app
# the JIT's first tier only (C1): on two cores the optimising compiler (C2) takes a core for much
# of the start, for code a demo node never runs long enough to need. A node in service starts with
# the full JIT (src/deploy: java -jar); JAVA_OPTS adds options, -XX:TieredStopAtLevel=4 restores it
exec java -XX:SharedArchiveFile=../dangan.jsa -XX:TieredStopAtLevel=1 ${JAVA_OPTS:-} -jar dangan.jar "${args[@]}"
