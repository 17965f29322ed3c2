#!/usr/bin/env bash
# First start: from `java -jar` on an empty DANGAN_HOME to the login page answering and to a demo
# account signing in (the demo data is loaded by then), N runs, each on a new data directory.
# Without the demo (PROFILE=default) only the login page is timed.
# QUICK_START=1 starts it as src/dev/run.sh does: unpacked, with the class-data archive of
# src/dev/quick-start.sh, the JIT's first tier only, and with the demo profile from a copy of the
# demo data set loaded once per build (both made once, before the first run, beside the jar; not
# timed; the copy is timed). TEMPLATE=0 leaves the copy out: the demo is loaded at the start.
#   src/bench/start.sh [runs]          JAR=ui/target/dangan.jar PROFILE=demo PORT=18181 QUICK_START=0
# JAVA_OPTS adds options to the JVM, e.g. JAVA_OPTS=-XX:TieredStopAtLevel=4 for the full JIT.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
jar=${JAR:-ui/target/dangan.jar} profile=${PROFILE:-demo} port=${PORT:-18181}
[ -r "$jar" ] || { echo "$jar is missing: ./mvnw -Pproduction -DskipTests package" >&2; exit 1; }
base=http://localhost:$port
quick=""
if [ "${QUICK_START:-0}" = 1 ]; then
  quick=$(dirname "$(realpath "$jar")")/quick-start
  template=""
  [ "$profile" = demo ] && [ "${TEMPLATE:-1}" = 1 ] && template=demo
  src/dev/quick-start.sh "$jar" "$quick" $template
fi
elapsed() { echo "$(date +%s.%N) - $t0" | bc; }
for run in $(seq 1 "$runs"); do
  work=$(mktemp -d /tmp/dangan-start.XXXX)
  t0=$(date +%s.%N)
  if [ -n "$quick" ]; then
    args=()
    if [ -n "$template" ]; then
      cp -a "$quick/demo-home" "$work/home"
      args=(--spring.liquibase.enabled=false)
    fi
    (cd "$quick/app" && DANGAN_HOME=$work/home SPRING_PROFILES_ACTIVE=$profile OMP_THREAD_LIMIT=1 \
      exec java -XX:SharedArchiveFile=../dangan.jsa -XX:TieredStopAtLevel=1 ${JAVA_OPTS:-} -jar dangan.jar "${args[@]}" --server.port=$port > "$work/node.log" 2>&1) &
  else
    DANGAN_HOME=$work/home SPRING_PROFILES_ACTIVE=$profile OMP_THREAD_LIMIT=1 \
      java ${JAVA_OPTS:-} -jar "$jar" --server.port=$port > "$work/node.log" 2>&1 &
  fi
  node=$!
  until curl -s -o /dev/null -f $base/login; do
    kill -0 $node 2>/dev/null || { tail -30 "$work/node.log"; exit 1; }; sleep 0.2
  done
  page=$(elapsed) login=-
  if [ "$profile" = demo ]; then
    # the login page answers before the demo data is in: a sign-in works only once it is (polling
    # sign-ins would trip the per-address limit of failed logins, so the log says when)
    until grep -q -E "demo data (loaded|already in the database)" "$work/node.log"; do
      kill -0 $node 2>/dev/null || { tail -30 "$work/node.log"; exit 1; }; sleep 0.2
    done
    curl -s -o /dev/null -f -u admin:dangan-demo $base/api/institutions || { echo "admin cannot sign in" >&2; exit 1; }
    login=$(elapsed)
  fi
  echo "RESULT run=$run jar=$jar quick_start=${QUICK_START:-0} template=${template:-none} profile=$profile login_page_s=$page signed_in_s=$login load=$(cut -d' ' -f1 /proc/loadavg)"
  grep -ho "demo data: .*" "$work/node.log" | sed 's/^/   /' || true
  kill $node; wait $node 2>/dev/null || true
  rm -rf "$work"
done
