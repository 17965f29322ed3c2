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

# unpacked, with a class-data archive made by one training start after each build: each start
# after that takes about a quarter less time (docs/benchmarks.md, issue 21)
src/dev/quick-start.sh ui/target/dangan.jar ui/target/quick-start

export DANGAN_HOME=$(realpath -m "${DANGAN_HOME:-./data}")
export SPRING_PROFILES_ACTIVE=${SPRING_PROFILES_ACTIVE:-demo}
export OMP_THREAD_LIMIT=1
echo "== starting Dang'an at http://localhost:8080 (data in $DANGAN_HOME, profile $SPRING_PROFILES_ACTIVE)"
cd ui/target/quick-start/app
exec java -XX:SharedArchiveFile=../dangan.jsa -jar dangan.jar
