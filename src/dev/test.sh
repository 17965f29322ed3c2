#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian 12 machine: installs what the tests need
# (PostgreSQL, Tesseract with chi_sim/eng/osd, Chromium and its driver) when absent, starts
# PostgreSQL, runs every test on H2, then the workflow and ui tests again on PostgreSQL, and
# stops PostgreSQL again if it started it.
set -euo pipefail
cd "$(dirname "$0")/../.."

. src/dev/packages.sh
ensure_packages openjdk-17-jdk-headless postgresql tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng tesseract-ocr-osd chromium chromium-driver fonts-noto-cjk fonts-wqy-zenhei poppler-utils

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
# sibling modules from the local repository, so they must be this commit's
./mvnw -B -ntp install

echo "== the same tests of workflow and ui again on PostgreSQL"
SPRING_PROFILES_ACTIVE=postgres DANGAN_DB_NAME=dangan_test DANGAN_DB_USER=dangan DANGAN_DB_PASSWORD=dangan \
  ./mvnw -B -ntp -pl workflow,ui -am surefire:test
