#!/usr/bin/env bash
# A real Apache Kafka 4.x broker (KRaft, broker + controller in one JVM) from Maven Central jars,
# for machines without a Docker engine. See docs/adr/0004-kafka-without-docker.md.
#
#   tools/kafka/broker.sh fetch                      resolve the jars once into $HUB_CACHE_DIR/kafka/<version>/lib
#   tools/kafka/broker.sh start  [--name N] [--port P] [--controller-port C]
#   tools/kafka/broker.sh stop   [--name N]
#   tools/kafka/broker.sh status [--name N]
#   tools/kafka/broker.sh logs   [--name N] [-f] [-n LINES]
#
# Defaults: --name dev, --port 9092, --controller-port 9093 (or the ports the named broker was last
# started with). State per broker in $HUB_STATE_DIR/kafka/<name>/: data/, server.properties,
# broker.log (the JVM's stdout/stderr; the previous run's is kept as broker.log.1), pid, broker.env.
#
# Environment: HUB_KAFKA_VERSION (default: kafka.version in tools/kafka/pom.xml),
# HUB_KAFKA_LOG4J_VERSION, HUB_KAFKA_HOST (127.0.0.1), HUB_KAFKA_HEAP_OPTS ("-Xms256m -Xmx512m"),
# HUB_KAFKA_START_TIMEOUT (90 s per attempt), HUB_KAFKA_START_ATTEMPTS (2),
# HUB_KAFKA_JVM_OPTS ("-XX:TieredStopAtLevel=1"), HUB_KAFKA_STOP_TIMEOUT (60 s before SIGKILL), JAVA_HOME,
# HUB_KAFKA_EXTRA_PROPERTIES (a file appended to server.properties with the same @…@ placeholders;
# its keys win — e.g. a SASL listener and an authorizer for a test-only broker, never the dev one),
# HUB_KAFKA_EXTRA_LOG4J (a file appended to the broker's log4j2.properties, e.g. the authorizer's log).
set -euo pipefail

KAFKA_TOOL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tools/lib/toolchain.sh
source "$KAFKA_TOOL_DIR/../lib/toolchain.sh"

DEFAULT_NAME=dev
DEFAULT_PORT=9092
DEFAULT_CONTROLLER_PORT=9093
KAFKA_HOST="${HUB_KAFKA_HOST:-127.0.0.1}"
HEAP_OPTS="${HUB_KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
# C1 only: ~1-2 s faster start and less CPU on 2 cores; plenty for dev traffic. "" restores C2.
JVM_OPTS="${HUB_KAFKA_JVM_OPTS--XX:TieredStopAtLevel=1}"
START_TIMEOUT="${HUB_KAFKA_START_TIMEOUT:-90}"
START_ATTEMPTS="${HUB_KAFKA_START_ATTEMPTS:-2}"
STOP_TIMEOUT="${HUB_KAFKA_STOP_TIMEOUT:-60}"
READY_LINE="Kafka Server started"

usage() {
  sed -n '5,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# ---------------------------------------------------------------------------------------------
# Versions, Java, Maven, jar cache
# ---------------------------------------------------------------------------------------------

pom_property() { # <name>: a <properties> value of tools/kafka/pom.xml
  sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p" "$KAFKA_TOOL_DIR/pom.xml" | head -n 1
}

KAFKA_VERSION="${HUB_KAFKA_VERSION:-$(pom_property kafka.version)}"
[ -n "$KAFKA_VERSION" ] || hub_die "cannot read kafka.version from $KAFKA_TOOL_DIR/pom.xml"
KAFKA_CACHE="$HUB_CACHE_DIR/kafka/$KAFKA_VERSION"
KAFKA_LIB="$KAFKA_CACHE/lib"

jars_cached() { [ -f "$KAFKA_CACHE/.complete" ] && [ -d "$KAFKA_LIB" ]; }

JAVA=""
require_java() { # sets JAVA; Kafka 4.x needs Java 17+
  [ -n "$JAVA" ] && return 0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA="$(command -v java)"
  else
    hub_die "no 'java' on PATH (and JAVA_HOME unset). Kafka $KAFKA_VERSION needs Java 17 or newer: apt-get install -y openjdk-17-jre-headless"
  fi
  local line version major
  line="$("$JAVA" -version 2>&1 | head -n 1)"
  version="$(printf '%s' "$line" | sed -n 's/.*version "\([^"]*\)".*/\1/p')"
  major="${version%%[.+-]*}"
  [ "$major" = 1 ] && major="$(printf '%s' "$version" | cut -d. -f2)"
  case "$major" in '' | *[!0-9]*) hub_die "cannot tell the Java version of $JAVA (it says: $line); Kafka $KAFKA_VERSION needs Java 17+" ;; esac
  [ "$major" -ge 17 ] || hub_die "$JAVA is Java $version; Kafka $KAFKA_VERSION needs Java 17 or newer (apt-get install -y openjdk-17-jre-headless, or set JAVA_HOME)"
}

cmd_fetch() {
  if jars_cached; then
    hub_log "Kafka $KAFKA_VERSION jars already cached in $KAFKA_LIB"
    return 0
  fi
  command -v mvn >/dev/null 2>&1 ||
    hub_die "Kafka $KAFKA_VERSION jars are not cached in $KAFKA_LIB and 'mvn' is not on PATH to fetch them from Maven Central: apt-get install -y maven (once; later starts use the cache)"
  require_java
  mkdir -p "$KAFKA_CACHE"
  # Two fetches at once (parallel tests) must not interleave: the second waits, then finds the cache.
  exec 8>"$KAFKA_CACHE/.fetch.lock"
  flock -w 900 8 || hub_die "timed out waiting for another fetch of Kafka $KAFKA_VERSION (lock $KAFKA_CACHE/.fetch.lock)"
  if jars_cached; then exec 8>&-; hub_log "Kafka $KAFKA_VERSION jars cached in $KAFKA_LIB (by a concurrent fetch)"; return 0; fi

  local started=$SECONDS log="$KAFKA_CACHE/fetch.log"
  local -a props=("-Dkafka.version=$KAFKA_VERSION")
  [ -n "${HUB_KAFKA_LOG4J_VERSION:-}" ] && props+=("-Dlog4j.version=$HUB_KAFKA_LOG4J_VERSION")
  hub_log "fetching Apache Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIB (once) ..."
  cp "$KAFKA_TOOL_DIR/pom.xml" "$KAFKA_CACHE/pom.xml"
  rm -rf "$KAFKA_LIB.tmp"
  if ! (cd "$KAFKA_CACHE" && mvn -q -B -f pom.xml "${props[@]}" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIB.tmp") >"$log" 2>&1 9>&- 8>&-; then
    grep -E 'ERROR|Could not' "$log" | head -n 15 >&2 || tail -n 15 "$log" >&2
    rm -rf "$KAFKA_LIB.tmp"
    hub_die "could not fetch Kafka $KAFKA_VERSION from Maven Central (full Maven output: $log). Is the version published completely? Another one: HUB_KAFKA_VERSION=4.x.y $0 fetch"
  fi
  [ -f "$KAFKA_LIB.tmp/kafka_2.13-$KAFKA_VERSION.jar" ] ||
    hub_die "Maven finished but $KAFKA_LIB.tmp has no kafka_2.13-$KAFKA_VERSION.jar (see $log)"
  ls "$KAFKA_LIB.tmp"/log4j-slf4j-impl-*.jar >/dev/null 2>&1 ||
    hub_die "Maven finished but no log4j-slf4j-impl jar was copied (see $log)"
  rm -rf "$KAFKA_LIB" && mv "$KAFKA_LIB.tmp" "$KAFKA_LIB"
  ls "$KAFKA_LIB" >"$KAFKA_CACHE/.complete"
  exec 8>&-
  hub_log "fetched $(wc -l <"$KAFKA_CACHE/.complete") jars in $((SECONDS - started)) s"
}

# ---------------------------------------------------------------------------------------------
# Per-broker state
# ---------------------------------------------------------------------------------------------

NAME="$DEFAULT_NAME"
PORT=""
CONTROLLER_PORT=""
FOLLOW=0
LINES_TO_SHOW=100

set_broker_paths() {
  STATE="$HUB_STATE_DIR/kafka/$NAME"
  DATA="$STATE/data"
  PROPS="$STATE/server.properties"
  LOG="$STATE/broker.log"
  PIDFILE="$STATE/pid"
  ENVFILE="$STATE/broker.env"
}

# Ports: flags win; else those the broker was last started with (broker.env); else the defaults.
resolve_ports() {
  local saved_port="" saved_controller=""
  if [ -f "$ENVFILE" ]; then
    saved_port="$(sed -n 's/^PORT=\([0-9]*\)$/\1/p' "$ENVFILE")"
    saved_controller="$(sed -n 's/^CONTROLLER_PORT=\([0-9]*\)$/\1/p' "$ENVFILE")"
  fi
  PORT="${PORT:-${saved_port:-$DEFAULT_PORT}}"
  if [ -z "$CONTROLLER_PORT" ]; then
    if [ -n "$saved_controller" ] && [ "$PORT" = "$saved_port" ]; then
      CONTROLLER_PORT="$saved_controller"
    elif [ "$PORT" = "$DEFAULT_PORT" ]; then
      CONTROLLER_PORT="$DEFAULT_CONTROLLER_PORT"
    else
      CONTROLLER_PORT=$((PORT + 1))
    fi
  fi
  local p
  for p in "$PORT" "$CONTROLLER_PORT"; do
    case "$p" in '' | *[!0-9]*) hub_die "not a port number: '$p'" ;; esac
    if [ "$p" -lt 1 ] || [ "$p" -gt 65535 ]; then hub_die "port out of range: $p"; fi
  done
  [ "$PORT" != "$CONTROLLER_PORT" ] || hub_die "--port and --controller-port must differ (both $PORT)"
}

saved_value() { # <KEY> from broker.env
  [ -f "$ENVFILE" ] && sed -n "s/^$1=//p" "$ENVFILE" | head -n 1
}

is_alive() { # <pid>: a live process (a zombie does not count)
  local pid="$1" state
  [ -n "$pid" ] && [ -r "/proc/$pid/status" ] || return 1
  state="$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$pid/status" 2>/dev/null)"
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

is_our_broker() { # <pid>: that process is the JVM of this named broker
  local pid="$1"
  is_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "kafka.Kafka $PROPS"
}

# Prints the pid of this named broker's JVM if it runs (from the pid file, or found by its
# server.properties path if the pid file was lost); cleans a stale pid file.
broker_pid() {
  local pid=""
  [ -f "$PIDFILE" ] && pid="$(tr -dc '0-9' <"$PIDFILE")"
  if [ -n "$pid" ] && is_our_broker "$pid"; then
    printf '%s\n' "$pid"
    return 0
  fi
  [ -f "$PIDFILE" ] && rm -f "$PIDFILE"
  pid="$(pgrep -f -- "kafka\\.Kafka $PROPS\$" 2>/dev/null | head -n 1 || true)"
  if [ -n "$pid" ] && is_our_broker "$pid"; then
    printf '%s\n' "$pid" >"$PIDFILE"
    printf '%s\n' "$pid"
    return 0
  fi
  return 1
}

# A real Kafka request: ApiVersions v0 with correlation id "HUB!" over bash's /dev/tcp. The broker
# answers it only once its request handlers run, so this is "answering", not just "port open".
kafka_answers() { # <host> <port>
  local reply
  reply="$(timeout 5 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf "\x00\x00\x00\x0d\x00\x12\x00\x00HUB!\x00\x03hub" >&3
    timeout 4 head -c 8 <&3 | tail -c 4
  ' _ "$1" "$2" 2>/dev/null)" || true
  [ "$reply" = "HUB!" ]
}

port_in_use() { # <port>: something listens on it (any address)
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    ss -Hltn "sport = :$port" 2>/dev/null | grep -q .
  else
    timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$port" 2>/dev/null
  fi
}

port_owner() { # <port>: "java (pid 123)" when ss can tell
  command -v ss >/dev/null 2>&1 || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\"\([^\"]*\)\",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n 1
}

# ---------------------------------------------------------------------------------------------
# start
# ---------------------------------------------------------------------------------------------

render_properties() {
  mkdir -p "$DATA"
  local -a sources=("$KAFKA_TOOL_DIR/server.properties.template")
  if [ -n "${HUB_KAFKA_EXTRA_PROPERTIES:-}" ]; then
    [ -r "$HUB_KAFKA_EXTRA_PROPERTIES" ] || hub_die "HUB_KAFKA_EXTRA_PROPERTIES=$HUB_KAFKA_EXTRA_PROPERTIES is not a readable file"
    sources+=("$HUB_KAFKA_EXTRA_PROPERTIES") # later keys win (java.util.Properties)
  fi
  sed -e "s#@HOST@#$KAFKA_HOST#g" -e "s#@PORT@#$PORT#g" \
    -e "s#@CONTROLLER_PORT@#$CONTROLLER_PORT#g" -e "s#@DATA_DIR@#$DATA#g" \
    "${sources[@]}" >"$PROPS.tmp"
  mv "$PROPS.tmp" "$PROPS"
  cp "$KAFKA_TOOL_DIR/log4j2.properties" "$STATE/log4j2.properties"
  if [ -n "${HUB_KAFKA_EXTRA_LOG4J:-}" ]; then
    [ -r "$HUB_KAFKA_EXTRA_LOG4J" ] || hub_die "HUB_KAFKA_EXTRA_LOG4J=$HUB_KAFKA_EXTRA_LOG4J is not a readable file"
    cat "$HUB_KAFKA_EXTRA_LOG4J" >>"$STATE/log4j2.properties"
  fi
}

new_cluster_id() { # a Kafka Uuid: 16 random bytes, URL-safe base64 without padding, not starting with '-'
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    case "$id" in -* | AAAAAAAAAAAAAAAAAAAAA*) continue ;; esac
    printf '%s\n' "$id"
    return 0
  done
}

format_storage_once() {
  if [ -f "$DATA/meta.properties" ]; then
    return 0 # formatted before: keep the data (never re-format)
  fi
  local cid
  cid="$(saved_value CLUSTER_ID || true)"
  [ -n "$cid" ] || cid="$(new_cluster_id)"
  hub_log "formatting $DATA (cluster id $cid)"
  local out
  if ! out="$("$JAVA" -Xmx256m -Dlog4j2.configurationFile="file:$STATE/log4j2.properties" \
    -cp "$KAFKA_LIB/*" kafka.tools.StorageTool format -t "$cid" -c "$PROPS" --ignore-formatted 2>&1 9>&-)"; then
    printf '%s\n' "$out" | tail -n 20 >&2
    hub_die "formatting the storage of broker '$NAME' failed (kafka.tools.StorageTool format, output above)"
  fi
  printf '%s\n' "$out" >>"$LOG"
  CLUSTER_ID="$cid"
}

write_env() {
  cat >"$ENVFILE.tmp" <<EOF
NAME=$NAME
PORT=$PORT
CONTROLLER_PORT=$CONTROLLER_PORT
HOST=$KAFKA_HOST
KAFKA_VERSION=$KAFKA_VERSION
CLUSTER_ID=${CLUSTER_ID:-$(saved_value CLUSTER_ID || true)}
EOF
  mv "$ENVFILE.tmp" "$ENVFILE"
}

rotate_log() { # keeps the previous run's log as broker.log.1
  if [ -s "$LOG" ]; then mv -f "$LOG" "$LOG.1"; fi
  : >"$LOG"
}

launch() { # starts the JVM detached (own session, immune to the caller's SIGHUP/SIGINT); sets PID
  printf '=== %s broker.sh start: Kafka %s, %s:%s (controller %s)\n' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$KAFKA_VERSION" "$KAFKA_HOST" "$PORT" "$CONTROLLER_PORT" >>"$LOG"
  # shellcheck disable=SC2086 # HEAP_OPTS is a list of JVM flags
  (
    cd "$STATE"
    exec 9>&- 8>&-
    exec setsid nohup "$JAVA" $HEAP_OPTS $JVM_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
      -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError \
      -Djava.awt.headless=true -Dkafka.logs.dir="$STATE" \
      -Dlog4j2.configurationFile="file:$STATE/log4j2.properties" \
      -cp "$KAFKA_LIB/*" kafka.Kafka "$PROPS" </dev/null >>"$LOG" 2>&1
  ) &
  PID=$!
  # setsid execs in place here (the subshell is no process-group leader), so $! is the JVM's pid.
  # Should it ever have forked, find the JVM by its command line.
  local found
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    is_our_broker "$PID" && break
    found="$(pgrep -f -- "kafka\\.Kafka $PROPS\$" 2>/dev/null | head -n 1 || true)"
    if [ -n "$found" ]; then PID="$found"; break; fi
    is_alive "$PID" || break
    sleep 0.2
  done
  printf '%s\n' "$PID" >"$PIDFILE"
}

diagnose_log() { # explains a failed start from the log
  local hint=""
  if grep -q 'Address already in use' "$LOG" 2>/dev/null; then
    hint="a port is taken (Address already in use): another process bound $PORT or $CONTROLLER_PORT; pick others with --port/--controller-port"
  elif grep -q 'UnsupportedClassVersionError' "$LOG" 2>/dev/null; then
    hint="the JVM is too old for Kafka $KAFKA_VERSION: Java 17 or newer is needed"
  elif grep -qiE 'Invalid cluster.id|cluster ?id .*(does not match|mismatch)|meta.properties' "$LOG" 2>/dev/null; then
    hint="the data dir $DATA belongs to another cluster or is damaged: remove it (loses this broker's messages) or use another --name"
  elif grep -qE 'Error occurred during initialization of VM|Unrecognized VM option|Could not create the Java Virtual Machine' "$LOG" 2>/dev/null; then
    hint="the JVM refused its options: check HUB_KAFKA_HEAP_OPTS ('$HEAP_OPTS') and HUB_KAFKA_JVM_OPTS ('$JVM_OPTS')"
  elif grep -q 'OutOfMemoryError' "$LOG" 2>/dev/null; then
    hint="the JVM ran out of memory: raise HUB_KAFKA_HEAP_OPTS (now '$HEAP_OPTS')"
  elif grep -qiE 'quorum|Timed out waiting|TimeoutException|election' "$LOG" 2>/dev/null; then
    hint="KRaft quorum formation / controller registration timed out (common on a loaded 2-core machine)"
  fi
  [ -n "$hint" ] && printf '%s\n' "$hint"
  return 0
}

print_log_tail() {
  printf '\n----- last lines of %s -----\n' "$LOG" >&2
  tail -n "${1:-40}" "$LOG" >&2 2>/dev/null || true
  printf -- '----- end of log -----\n\n' >&2
}

# Waits for this attempt's JVM: 0 = ready, 1 = died, 2 = deadline passed (JVM still alive)
wait_ready() {
  local started=$SECONDS deadline=$((SECONDS + START_TIMEOUT)) next_note=$((SECONDS + 10))
  while :; do
    if ! is_alive "$PID"; then
      wait "$PID" 2>/dev/null || true
      return 1
    fi
    if kafka_answers "$KAFKA_HOST" "$PORT" || grep -qF "$READY_LINE" "$LOG" 2>/dev/null; then
      # The log line comes right after the request handlers open; confirm with a real request.
      for _ in 1 2 3 4 5 6 7 8 9 10; do
        kafka_answers "$KAFKA_HOST" "$PORT" && return 0
        is_alive "$PID" || return 1
        sleep 0.5
      done
      return 0
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      return 2
    fi
    if [ "$SECONDS" -ge "$next_note" ]; then
      hub_log "still waiting for broker '$NAME' ($((SECONDS - started)) s of ${START_TIMEOUT} s) ..."
      next_note=$((SECONDS + 10))
    fi
    sleep 0.5
  done
}

kill_and_reap() { # <pid>
  local pid="$1"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((STOP_TIMEOUT * 2))); do
    is_alive "$pid" || break
    sleep 0.5
  done
  if is_alive "$pid"; then
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do is_alive "$pid" || break; sleep 0.5; done
  fi
  wait "$pid" 2>/dev/null || true
}

lock_broker() {
  mkdir -p "$STATE"
  exec 9>"$STATE/.lock"
  flock -w $((START_TIMEOUT * START_ATTEMPTS + 60)) 9 ||
    hub_die "another broker.sh is still working on broker '$NAME' (lock $STATE/.lock)"
}

cmd_start() {
  local t0=$SECONDS
  lock_broker
  resolve_ports
  local pid
  if pid="$(broker_pid)"; then
    local running_port
    running_port="$(saved_value PORT || true)"
    running_port="${running_port:-$PORT}"
    if [ "$running_port" != "$PORT" ]; then
      hub_die "broker '$NAME' already runs (pid $pid) on port $running_port, not $PORT: stop it first ($0 stop --name $NAME)"
    fi
    if kafka_answers "$KAFKA_HOST" "$PORT"; then
      hub_log "broker '$NAME' is already running (pid $pid) and answering on $KAFKA_HOST:$PORT"
      return 0
    fi
    hub_log "broker '$NAME' runs (pid $pid) but does not answer on $KAFKA_HOST:$PORT yet; waiting ..."
    PID="$pid"
    if wait_ready; then
      hub_log "broker '$NAME' is ready on $KAFKA_HOST:$PORT (pid $pid)"
      return 0
    fi
    print_log_tail
    hub_die "broker '$NAME' (pid $pid) runs but never answered on $KAFKA_HOST:$PORT. $(diagnose_log) Restart it: $0 stop --name $NAME && $0 start --name $NAME"
  fi

  require_java
  if ! jars_cached; then cmd_fetch; fi

  local p owner
  for p in "$PORT" "$CONTROLLER_PORT"; do
    if port_in_use "$p"; then
      owner="$(port_owner "$p")"
      hub_die "port $p is already in use${owner:+ by $owner}, not by broker '$NAME'. Stop that process, or choose free ports: $0 start --name $NAME --port P --controller-port C"
    fi
  done

  mkdir -p "$STATE"
  rotate_log
  render_properties
  CLUSTER_ID=""
  format_storage_once
  write_env

  local attempt=1 rc
  while :; do
    hub_log "starting Kafka $KAFKA_VERSION broker '$NAME' on $KAFKA_HOST:$PORT (controller $CONTROLLER_PORT), attempt $attempt/$START_ATTEMPTS"
    launch
    set +e
    wait_ready
    rc=$?
    set -e
    if [ "$rc" = 0 ]; then
      hub_log "broker '$NAME' ready on $KAFKA_HOST:$PORT (pid $PID) after $((SECONDS - t0)) s; log: $LOG"
      return 0
    fi
    local why
    why="$(diagnose_log)"
    if [ "$rc" = 1 ]; then
      rm -f "$PIDFILE"
      print_log_tail
      case "$why" in
        *quorum*) ;; # transient: retry below
        *) hub_die "broker '$NAME' died during start. ${why:-See the log above: $LOG}" ;;
      esac
    else
      print_log_tail 25
      hub_log "broker '$NAME' did not become ready within ${START_TIMEOUT} s${why:+: $why}; stopping it"
      kill_and_reap "$PID"
      rm -f "$PIDFILE"
    fi
    if [ "$attempt" -ge "$START_ATTEMPTS" ]; then
      hub_die "broker '$NAME' did not start after $attempt attempt(s)${why:+ ($why)}. Log: $LOG. On a loaded machine try a longer deadline: HUB_KAFKA_START_TIMEOUT=180 $0 start --name $NAME"
    fi
    attempt=$((attempt + 1))
    hub_log "retrying ..."
    sleep 2
  done
}

# ---------------------------------------------------------------------------------------------
# stop, status, logs
# ---------------------------------------------------------------------------------------------

cmd_stop() {
  lock_broker
  local pid
  if ! pid="$(broker_pid)"; then
    rm -f "$PIDFILE"
    hub_log "broker '$NAME' is not running (nothing to stop)"
    return 0
  fi
  local t0=$SECONDS
  hub_log "stopping broker '$NAME' (pid $pid, SIGTERM; SIGKILL after ${STOP_TIMEOUT} s)"
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while is_alive "$pid" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.5; done
  if is_alive "$pid"; then
    hub_log "broker '$NAME' still alive after ${STOP_TIMEOUT} s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do is_alive "$pid" || break; sleep 0.5; done
    is_alive "$pid" && hub_die "broker '$NAME' (pid $pid) survived SIGKILL"
  fi
  rm -f "$PIDFILE"
  hub_log "broker '$NAME' stopped in $((SECONDS - t0)) s (data kept in $DATA)"
}

cmd_status() {
  resolve_ports
  local pid state version cid
  version="$(saved_value KAFKA_VERSION || true)"
  cid="$(saved_value CLUSTER_ID || true)"
  if pid="$(broker_pid)"; then
    if kafka_answers "$KAFKA_HOST" "$PORT"; then state="running (answering on $KAFKA_HOST:$PORT)"; else state="running (starting, or not answering on $KAFKA_HOST:$PORT)"; fi
  else
    pid="-"
    state="stopped"
  fi
  [ -d "$STATE" ] || state="$state (never started: no state in $STATE)"
  printf '%-12s %s\n' \
    "broker" "$NAME" \
    "state" "$state" \
    "pid" "$pid" \
    "bootstrap" "$KAFKA_HOST:$PORT" \
    "controller" "$KAFKA_HOST:$CONTROLLER_PORT" \
    "kafka" "${version:-$KAFKA_VERSION}${cid:+ (cluster id $cid)}" \
    "data dir" "$DATA" \
    "log" "$LOG" \
    "jars" "$KAFKA_LIB$(jars_cached || printf ' (not fetched yet)')"
}

cmd_logs() {
  [ -f "$LOG" ] || hub_die "no log yet for broker '$NAME' ($LOG): it was never started"
  if [ "$FOLLOW" = 1 ]; then
    exec tail -n "$LINES_TO_SHOW" -F "$LOG"
  fi
  tail -n "$LINES_TO_SHOW" "$LOG"
}

# ---------------------------------------------------------------------------------------------

[ $# -ge 1 ] || usage
COMMAND="$1"
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --name) NAME="${2:?--name needs a value}"; shift 2 ;;
    --name=*) NAME="${1#*=}"; shift ;;
    --port) PORT="${2:?--port needs a value}"; shift 2 ;;
    --port=*) PORT="${1#*=}"; shift ;;
    --controller-port) CONTROLLER_PORT="${2:?--controller-port needs a value}"; shift 2 ;;
    --controller-port=*) CONTROLLER_PORT="${1#*=}"; shift ;;
    -f | --follow) FOLLOW=1; shift ;;
    -n | --lines) LINES_TO_SHOW="${2:?-n needs a value}"; shift 2 ;;
    -h | --help) usage ;;
    *) hub_log "unknown argument: $1"; usage ;;
  esac
done
case "$NAME" in '' | *[!A-Za-z0-9_.-]* | .* ) hub_die "invalid broker name '$NAME' (letters, digits, '.', '_', '-')" ;; esac
set_broker_paths

case "$COMMAND" in
  fetch) cmd_fetch ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) cmd_logs ;;
  -h | --help | help) usage ;;
  *) hub_log "unknown command: $COMMAND"; usage ;;
esac
