#!/usr/bin/env bash
# Runs Dang'an on the embedded defaults (H2 file database, file store and index under
# DANGAN_HOME, default ./data) with the demo data set, at http://localhost:8080.
# On a fresh Debian 12 machine it installs the JDK and Tesseract first.
set -euo pipefail
cd "$(dirname "$0")/../.."

packages=(openjdk-17-jdk-headless tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng tesseract-ocr-osd fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "== building the application jar (production mode, prebuilt Vaadin bundle)"
./mvnw -B -q -ntp -Pproduction -DskipTests package

export DANGAN_HOME=${DANGAN_HOME:-./data}
export SPRING_PROFILES_ACTIVE=${SPRING_PROFILES_ACTIVE:-demo}
export OMP_THREAD_LIMIT=1
echo "== starting Dang'an at http://localhost:8080 (data in $DANGAN_HOME, profile $SPRING_PROFILES_ACTIVE)"
exec java -jar ui/target/dangan.jar
