#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian 12 machine: installs what the tests need
# (PostgreSQL, Tesseract with chi_sim/eng/osd, the PP-OCR models, Chromium and its driver, npm for bpmnlint) when
# absent, lints the BPMN models, starts
# PostgreSQL, runs every test on H2 (with -Pall: the slow and browser tests that a plain
# ./mvnw verify leaves out, too), then the workflow and ui tests again on PostgreSQL, and
# stops PostgreSQL again if it started it.
set -euo pipefail
cd "$(dirname "$0")/../.."

. src/dev/packages.sh
ensure_packages openjdk-17-jdk-headless postgresql tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng tesseract-ocr-osd chromium chromium-driver fonts-noto-cjk fonts-wqy-zenhei poppler-utils
# npm from Debian, unless a Node.js that brings its own npm is there already (Debian's npm conflicts with it)
command -v npm >/dev/null || ensure_packages nodejs npm
# the PP-OCR models the OCR tests read, checked against their SHA-256, at the system path
src/dev/ocr-models.sh

# bpmnlint, the version pinned in bpmn/package.json (10.x: the last line that runs on Debian 12's
# Node 18), installed into bpmn/node_modules from the lock file; BpmnLintTest runs it in the build.
# It runs here first as well: a model it rejects fails the run before the long part.
echo "== bpmnlint (bpmn/package.json) over the BPMN models"
(cd bpmn && npm ci --silent --no-audit --no-fund)
if ! (cd bpmn && node_modules/.bin/bpmnlint --max-warnings=0 src/main/resources/bpmn/*.bpmn); then
  echo "FAILED: bpmnlint found problems in the BPMN models listed above (rules: bpmn/.bpmnlintrc)" >&2
  exit 1
fi

# PostgreSQL: the Debian cluster, a role and an empty test database
pg_version=$(ls /usr/lib/postgresql | sort -n | tail -1)
started_pg=""
if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
  echo "== starting PostgreSQL $pg_version"
  pg_ctlcluster "$pg_version" main start
  started_pg=yes
fi
stop_pg() { [ -n "$started_pg" ] && pg_ctlcluster "$pg_version" main stop || true; }
trap stop_pg EXIT
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
for _ in $(seq 1 30); do as_postgres "pg_isready -q" && break; sleep 1; done
as_postgres "psql -qtc \"select 1 from pg_roles where rolname='dangan'\" | grep -q 1 || psql -qc \"create role dangan login password 'dangan'\""
as_postgres "psql -qc 'drop database if exists dangan_test' && psql -qc 'create database dangan_test owner dangan'"
# the backup test restores into an empty database beside the test database
as_postgres "psql -qc 'drop database if exists dangan_test_restore' && psql -qc 'create database dangan_test_restore owner dangan'"

export OMP_THREAD_LIMIT=1
echo "== all tests on H2"
# install, not only verify: the PostgreSQL pass below runs surefire:test alone, which takes the
# sibling modules from the local repository, so they must be this commit's. -Pall: the tests a
# plain ./mvnw verify leaves out (tagged slow or browser) run here too.
./mvnw -B -ntp -Pall install

echo "== the same tests of workflow and ui again on PostgreSQL (less what src/dev/postgres-pass.exclude names)"
# without -am: ocr and bpmn have no database, their tests ran above; their jars come from the install
SPRING_PROFILES_ACTIVE=postgres DANGAN_DB_NAME=dangan_test DANGAN_DB_USER=dangan DANGAN_DB_PASSWORD=dangan \
  ./mvnw -B -ntp -Pall -pl workflow,ui surefire:test -Dsurefire.excludesFile="$PWD/src/dev/postgres-pass.exclude"
