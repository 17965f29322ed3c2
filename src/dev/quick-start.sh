#!/usr/bin/env bash
# Prepares a jar for a quicker start, once per build: unpacked (classes then load from plain jars,
# not from jars nested in one) and with a class-data archive of the classes a start loads (the
# JDK's AppCDS, filled by one training start that stops once the application context is up, as
# Spring Boot documents it). run.sh and src/bench/start.sh start Dang'an from it:
#   cd <dir>/app && java -XX:SharedArchiveFile=../dangan.jsa -jar dangan.jar
# The archive holds the JDK's and the jar's classes as they were: a new build or JDK makes a new one
# (the JVM ignores a stale archive and starts the slow way, so it is never wrong, only slow).
#   src/dev/quick-start.sh <jar> <dir>
set -euo pipefail
jar=$(realpath "$1") dir=$2
stamp="$(stat -c '%Y %s' "$jar") $(java -version 2>&1 | head -1)"
if [ -f "$dir/dangan.jsa" ] && [ "$(cat "$dir/built-from" 2>/dev/null)" = "$stamp" ]; then
  exit 0
fi
rm -rf "$dir"
mkdir -p "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" > /dev/null
echo "== a training start for the class-data archive (once per build, about a minute)"
train=$(mktemp -d)
# a database of its own (H2 in a temporary directory), no demo data, on a free port: the training
# stops once the context has refreshed, before anything listens or is loaded
if ! (cd "$dir/app" && DANGAN_HOME=$train/home SPRING_PROFILES_ACTIVE=default OMP_THREAD_LIMIT=1 \
    java -XX:ArchiveClassesAtExit=../dangan.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dspring.context.exit=onRefresh -jar dangan.jar --server.port=0 > "$train/train.log" 2>&1); then
  tail -40 "$train/train.log" >&2
  echo "FAILED: the training start above failed (log kept in $train)" >&2
  exit 1
fi
rm -rf "$train"
echo "$stamp" > "$dir/built-from"
