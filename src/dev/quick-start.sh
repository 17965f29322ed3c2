#!/usr/bin/env bash
# Prepares a jar for a quicker start, once per build: unpacked (classes then load from plain jars,
# not from jars nested in one) and with a class-data archive of the classes a start loads (the
# JDK's AppCDS, filled by one training start that stops once the application context is up, as
# Spring Boot documents it). run.sh and src/bench/start.sh start Dang'an from it:
#   cd <dir>/app && java -XX:SharedArchiveFile=../dangan.jsa -jar dangan.jar
# The archive holds the JDK's and the jar's classes as they were: a new build or JDK makes a new one
# (the JVM ignores a stale archive and starts the slow way, so it is never wrong, only slow).
# With "demo" it also loads the demo data set once into <dir>/demo-home, a data directory that
# run.sh copies into a new DANGAN_HOME instead of loading the demo again at the first start. The
# demo's dates follow the day it is loaded, so it is loaded again on a new day (China time).
#   src/dev/quick-start.sh <jar> <dir> [demo]
set -euo pipefail
# the demo's data directory holds (generated) personal data: readable by this user only
umask 077
jar=$(realpath "$1") dir=$2 demo=${3:-}
stamp="$(stat -c '%Y %s' "$jar") $(java -version 2>&1 | head -1)"
if [ ! -f "$dir/dangan.jsa" ] || [ "$(cat "$dir/built-from" 2>/dev/null)" != "$stamp" ]; then
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
fi
[ "$demo" = demo ] || exit 0

day="$stamp $(TZ=Asia/Shanghai date +%F)"
if [ -d "$dir/demo-home" ] && [ "$(cat "$dir/demo-built-from" 2>/dev/null)" = "$day" ]; then
  exit 0
fi
# not fatal: without the copy the first start loads the demo data itself, only slower
give_up() {
  tail -40 "$log" >&2
  echo "WARNING: $1 (log above, kept in $log); the first start loads it instead" >&2
  rm -rf "$dir/demo-home.part"
  exit 0
}
echo "== loading the demo data set once for this build and day (about a minute)"
rm -rf "$dir/demo-home" "$dir/demo-home.part"
log=$(mktemp)
(cd "$dir/app" && DANGAN_HOME=$(realpath -m "../demo-home.part") SPRING_PROFILES_ACTIVE=demo OMP_THREAD_LIMIT=1 \
  exec java -XX:SharedArchiveFile=../dangan.jsa -XX:TieredStopAtLevel=1 -jar dangan.jar --server.port=0 \
  > "$log" 2>&1) &
node=$!
# the node stops cleanly (SIGTERM: Spring closes the database) once the demo data and the search
# index built from it are written
waited=0
until grep -q "search index: rebuilt, " "$log"; do
  if ! kill -0 $node 2>/dev/null || [ $waited -ge 600 ]; then
    kill $node 2>/dev/null || true
    give_up "loading the demo data set failed"
  fi
  sleep 1; waited=$((waited + 1))
done
kill $node; wait $node 2>/dev/null || true
grep -q "demo data loaded" "$log" || give_up "the demo data set was not loaded"
rm -f "$dir"/demo-home.part/db/*.trace.db
mv "$dir/demo-home.part" "$dir/demo-home"
echo "$day" > "$dir/demo-built-from"
rm -f "$log"
