#!/usr/bin/env bash
# A real S3-compatible server for development and tests: Adobe S3Mock's executable jar from Maven
# Central (com.adobe.testing:s3mock:<version>:jar:exec, Java 17+), no Docker. See docs/adr/0045-documents.md.
#
#   tools/s3mock/s3mock.sh fetch                    resolve the jar once into $HUB_CACHE_DIR/s3mock/<version>/
#   tools/s3mock/s3mock.sh start  [--port P]        start (idempotent; quick when it already answers)
#   tools/s3mock/s3mock.sh stop
#   tools/s3mock/s3mock.sh status
#   tools/s3mock/s3mock.sh logs   [-n LINES]
#
# Listens on 127.0.0.1:<port> (HTTP, default 9090 or the port it was last started with; HTTPS on
# port+101, unused by the platform). State in $HUB_STATE_DIR/s3mock/: data/ (the buckets, kept across
# restarts), s3mock.log (previous run's as s3mock.log.1), pid, s3mock.env. Buckets created at start:
# HUB_S3_BUCKETS (default "hub-documents"). Any access key is accepted; region us-east-1, path-style.
#
# Environment: HUB_S3MOCK_VERSION (4.12.4), HUB_S3MOCK_HEAP_OPTS ("-Xms64m -Xmx256m"),
# HUB_S3MOCK_JVM_OPTS ("-XX:TieredStopAtLevel=1"), HUB_S3MOCK_START_TIMEOUT (90 s), JAVA_HOME.
set -euo pipefail

S3MOCK_TOOL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tools/lib/toolchain.sh
source "$S3MOCK_TOOL_DIR/../lib/toolchain.sh"

VERSION="${HUB_S3MOCK_VERSION:-4.12.4}"
DEFAULT_PORT=9090
HOST=127.0.0.1
HEAP_OPTS="${HUB_S3MOCK_HEAP_OPTS:--Xms64m -Xmx256m}"
JVM_OPTS="${HUB_S3MOCK_JVM_OPTS--XX:TieredStopAtLevel=1}"
START_TIMEOUT="${HUB_S3MOCK_START_TIMEOUT:-90}"
BUCKETS="${HUB_S3_BUCKETS:-hub-documents}"
CACHE="$HUB_CACHE_DIR/s3mock/$VERSION"
JAR="$CACHE/s3mock-$VERSION-exec.jar"
STATE="$HUB_STATE_DIR/s3mock"
DATA="$STATE/data"
LOG="$STATE/s3mock.log"
PIDFILE="$STATE/pid"
ENVFILE="$STATE/s3mock.env"
PORT=""
LINES_TO_SHOW=100

usage() {
  sed -n '5,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

saved_value() { [ -f "$ENVFILE" ] && sed -n "s/^$1=//p" "$ENVFILE" | head -n 1; }

resolve_port() {
  PORT="${PORT:-$(saved_value PORT || true)}"
  PORT="${PORT:-$DEFAULT_PORT}"
  case "$PORT" in '' | *[!0-9]*) hub_die "not a port number: '$PORT'" ;; esac
}

JAVA=""
require_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then JAVA="$(command -v java)"
  else hub_die "no 'java' on PATH (and JAVA_HOME unset). S3Mock $VERSION needs Java 17+: apt-get install -y openjdk-17-jre-headless"; fi
  local version major
  version="$("$JAVA" -version 2>&1 | head -n 1 | sed -n 's/.*version "\([^"]*\)".*/\1/p')"
  major="${version%%[.+-]*}"
  case "$major" in '' | *[!0-9]*) hub_die "cannot tell the Java version of $JAVA" ;; esac
  [ "$major" -ge 17 ] || hub_die "$JAVA is Java $version; S3Mock $VERSION needs Java 17 or newer"
}

jar_cached() { [ -s "$JAR" ]; }

cmd_fetch() {
  if jar_cached; then hub_log "S3Mock $VERSION already cached: $JAR"; return 0; fi
  command -v mvn >/dev/null 2>&1 ||
    hub_die "S3Mock $VERSION is not cached in $CACHE and 'mvn' is not on PATH to fetch it from Maven Central: apt-get install -y maven"
  mkdir -p "$CACHE"
  exec 8>"$CACHE/.fetch.lock"
  flock -w 600 8 || hub_die "timed out waiting for another fetch of S3Mock (lock $CACHE/.fetch.lock)"
  if jar_cached; then exec 8>&-; return 0; fi
  local t0=$SECONDS log="$CACHE/fetch.log"
  hub_log "fetching com.adobe.testing:s3mock:$VERSION:jar:exec from Maven Central into $CACHE (once) ..."
  if ! (cd "$CACHE" && mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    "-Dartifact=com.adobe.testing:s3mock:$VERSION:jar:exec" "-DoutputDirectory=$CACHE.tmp") >"$log" 2>&1 8>&-; then
    grep -E 'ERROR|Could not' "$log" | head -n 10 >&2 || tail -n 10 "$log" >&2
    rm -rf "$CACHE.tmp"
    hub_die "could not fetch S3Mock $VERSION from Maven Central (Maven output: $log)"
  fi
  mv "$CACHE.tmp/s3mock-$VERSION-exec.jar" "$JAR.part" && mv "$JAR.part" "$JAR"
  rm -rf "$CACHE.tmp"
  exec 8>&-
  hub_log "S3Mock $VERSION cached in $((SECONDS - t0)) s: $JAR"
}

is_alive() {
  local state
  [ -n "$1" ] && [ -r "/proc/$1/status" ] || return 1
  state="$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null)"
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

is_ours() { is_alive "$1" && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "store.root=$DATA"; }

server_pid() { # the running S3Mock of this state directory (pid file, or found by its data path)
  local pid=""
  [ -f "$PIDFILE" ] && pid="$(tr -dc '0-9' <"$PIDFILE")"
  if [ -n "$pid" ] && is_ours "$pid"; then printf '%s\n' "$pid"; return 0; fi
  rm -f "$PIDFILE"
  pid="$(pgrep -f -- "store.root=$DATA( |\$)" 2>/dev/null | head -n 1 || true)"
  if [ -n "$pid" ] && is_ours "$pid"; then printf '%s\n' "$pid" >"$PIDFILE"; printf '%s\n' "$pid"; return 0; fi
  return 1
}

# A real S3 request: ListBuckets answers with XML once the server runs (and creates the initial buckets).
answers() { curl -fsS --max-time 5 "http://$HOST:$PORT/" 2>/dev/null | grep -q '<ListAllMyBucketsResult'; }

buckets_present() { # every bucket of BUCKETS is listed
  local list b
  list="$(curl -fsS --max-time 5 "http://$HOST:$PORT/" 2>/dev/null)" || return 1
  for b in ${BUCKETS//,/ }; do grep -qF "<Name>$b</Name>" <<<"$list" || return 1; done
}

ensure_buckets() { # creates what S3Mock's initialBuckets did not (a bucket list changed since the data was made)
  local b
  for b in ${BUCKETS//,/ }; do
    curl -fsS --max-time 5 "http://$HOST:$PORT/" | grep -qF "<Name>$b</Name>" && continue
    curl -fsS --max-time 10 -X PUT -o /dev/null "http://$HOST:$PORT/$b" || hub_die "could not create bucket $b on S3Mock"
    hub_log "created bucket $b"
  done
}

lock() {
  mkdir -p "$STATE"
  exec 9>"$STATE/.lock"
  flock -w $((START_TIMEOUT + 30)) 9 || hub_die "another s3mock.sh is still working (lock $STATE/.lock)"
}

cmd_start() {
  local t0=$SECONDS pid
  lock
  resolve_port
  if pid="$(server_pid)"; then
    local running; running="$(saved_value PORT || true)"
    [ "${running:-$PORT}" = "$PORT" ] || hub_die "S3Mock already runs (pid $pid) on port $running, not $PORT: stop it first ($0 stop)"
    if answers; then ensure_buckets; hub_log "S3Mock already running (pid $pid) on http://$HOST:$PORT"; return 0; fi
  else
    require_java
    jar_cached || cmd_fetch
    if curl -s --max-time 2 -o /dev/null "http://$HOST:$PORT/" 2>/dev/null; then
      hub_die "port $PORT is already in use by another process; choose another: $0 start --port P"
    fi
    mkdir -p "$DATA"
    if [ -s "$LOG" ]; then mv -f "$LOG" "$LOG.1"; fi
    printf 'PORT=%s\nVERSION=%s\nBUCKETS=%s\n' "$PORT" "$VERSION" "$BUCKETS" >"$ENVFILE"
    hub_log "starting S3Mock $VERSION on http://$HOST:$PORT (data $DATA)"
    # shellcheck disable=SC2086 # HEAP_OPTS and JVM_OPTS are lists of JVM flags
    (
      cd "$STATE"
      exec 9>&- 8>&-
      exec setsid nohup "$JAVA" $HEAP_OPTS $JVM_OPTS -XX:+UseSerialGC -Djava.awt.headless=true -jar "$JAR" \
        --server.address="$HOST" --server.port=$((PORT + 101)) \
        --com.adobe.testing.s3mock.httpPort="$PORT" \
        --com.adobe.testing.s3mock.store.retainFilesOnExit=true \
        --com.adobe.testing.s3mock.store.initialBuckets="$BUCKETS" \
        --com.adobe.testing.s3mock.store.root="$DATA" </dev/null >>"$LOG" 2>&1
    ) &
    pid=$!
    printf '%s\n' "$pid" >"$PIDFILE"
  fi
  local deadline=$((SECONDS + START_TIMEOUT))
  until answers; do
    if ! is_alive "$pid"; then
      rm -f "$PIDFILE"
      tail -n 30 "$LOG" >&2 || true
      hub_die "S3Mock died during start (log above: $LOG)"
    fi
    [ "$SECONDS" -lt "$deadline" ] || hub_die "S3Mock (pid $pid) did not answer on http://$HOST:$PORT within $START_TIMEOUT s (log: $LOG)"
    sleep 0.3
  done
  ensure_buckets
  hub_log "S3Mock ready on http://$HOST:$PORT (pid $pid, buckets: $BUCKETS) after $((SECONDS - t0)) s"
}

cmd_stop() {
  lock
  local pid
  if ! pid="$(server_pid)"; then hub_log "S3Mock is not running (nothing to stop)"; return 0; fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do is_alive "$pid" || break; sleep 0.5; done
  if is_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; sleep 0.5; fi
  rm -f "$PIDFILE"
  hub_log "S3Mock stopped (data kept in $DATA)"
}

cmd_status() {
  resolve_port
  local pid state
  if pid="$(server_pid)"; then
    if answers; then state="running (answering on http://$HOST:$PORT)"; else state="running (not answering yet)"; fi
  else
    pid=-
    state=stopped
  fi
  [ -d "$STATE" ] || state="$state (never started)"
  printf '%-10s %s\n' \
    "state" "$state" \
    "pid" "$pid" \
    "endpoint" "http://$HOST:$PORT" \
    "buckets" "$(saved_value BUCKETS || printf '%s' "$BUCKETS")" \
    "s3mock" "$VERSION" \
    "data dir" "$DATA" \
    "log" "$LOG" \
    "jar" "$JAR$(jar_cached || printf ' (not fetched yet)')"
}

cmd_logs() {
  [ -f "$LOG" ] || hub_die "no S3Mock log yet ($LOG)"
  tail -n "$LINES_TO_SHOW" "$LOG"
}

[ $# -ge 1 ] || usage
COMMAND="$1"
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="${2:?--port needs a value}"; shift 2 ;;
    --port=*) PORT="${1#*=}"; shift ;;
    -n | --lines) LINES_TO_SHOW="${2:?-n needs a value}"; shift 2 ;;
    -h | --help) usage ;;
    *) hub_log "unknown argument: $1"; usage ;;
  esac
done

case "$COMMAND" in
  fetch) cmd_fetch ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) cmd_logs ;;
  -h | --help | help) usage ;;
  *) hub_log "unknown command: $COMMAND"; usage ;;
esac
