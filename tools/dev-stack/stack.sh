#!/usr/bin/env bash
# Local infrastructure for the Hub platform: PostgreSQL databases, a Kafka broker, the topics.
#
#   tools/dev-stack/stack.sh up     [--topics FILE.json]   start / create what is missing (idempotent)
#   tools/dev-stack/stack.sh status                        one table: what runs where
#   tools/dev-stack/stack.sh down                          stop the local Kafka broker and S3 server (never PostgreSQL)
#
# Where a Docker engine answers (`docker info`), PostgreSQL and Kafka come from docker/compose.yaml
# (services `postgres` and `kafka`, published on 5432 and 9092). Otherwise, the usual case here:
#   - PostgreSQL is the machine's own, at HUB_PG_URL (default postgres://postgres@127.0.0.1:5432);
#   - Kafka is a real broker from Maven Central jars: tools/kafka/broker.sh (name "dev"), on the port
#     of HUB_KAFKA_BROKERS (default 127.0.0.1:9092). A non-local HUB_KAFKA_BROKERS is used as it is.
# Databases: hub_registration hub_participation hub_services hub_housing hub_training hub_clusters hub_documents hub_notifications
# hub_gateway. Topics: topicSpecs() of @hub/contracts (needs `pnpm build`), or --topics FILE.json
# (or HUB_TOPICS_FILE) with the same shape; see create-topics.mjs.
# HUB_DEV_STACK_MODE=local|docker overrides the detection.
# Malware scanning (documents): clamd from tools/clamav/clamd.sh at HUB_CLAMD_URL (ADR 0117).
# S3 (documents): an S3Mock from tools/s3mock/s3mock.sh at HUB_S3_ENDPOINT (default http://127.0.0.1:9090,
# bucket hub-documents), in both modes; a non-local HUB_S3_ENDPOINT is used as it is.
set -euo pipefail

STACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$STACK_DIR/../.." && pwd)"
# shellcheck source=tools/lib/toolchain.sh
source "$STACK_DIR/../lib/toolchain.sh"

HUB_PG_URL="${HUB_PG_URL:-postgres://postgres@127.0.0.1:5432}"
HUB_KAFKA_BROKERS="${HUB_KAFKA_BROKERS:-127.0.0.1:9092}"
export HUB_PG_URL HUB_KAFKA_BROKERS
BROKER_NAME="${HUB_KAFKA_BROKER_NAME:-dev}"
BROKER_SH="$REPO_ROOT/tools/kafka/broker.sh"
COMPOSE_FILE="$REPO_ROOT/docker/compose.yaml"
DATABASES=(hub_registration hub_participation hub_services hub_housing hub_training hub_clusters hub_gateway hub_documents hub_notifications)
TOPICS_FILE="${HUB_TOPICS_FILE:-}"
# --- S3 (documents, ADR 0045): a local S3Mock from tools/s3mock unless HUB_S3_ENDPOINT is elsewhere ---
HUB_S3_ENDPOINT="${HUB_S3_ENDPOINT:-http://127.0.0.1:9090}"
export HUB_S3_ENDPOINT
S3MOCK_SH="$REPO_ROOT/tools/s3mock/s3mock.sh"
s3_is_local() { [[ "$HUB_S3_ENDPOINT" =~ ^http://(127\.0\.0\.1|localhost):([0-9]+)/?$ ]]; }
s3_port() { [[ "$HUB_S3_ENDPOINT" =~ :([0-9]+)/?$ ]] && printf '%s\n' "${BASH_REMATCH[1]}"; }
s3_up() {
  if s3_is_local; then
    "$S3MOCK_SH" start --port "$(s3_port)" || hub_die "the local S3 server did not start (see above)"
  else
    hub_log "HUB_S3_ENDPOINT=$HUB_S3_ENDPOINT is not local: using it as it is (no S3 server started)"
  fi
}
s3_down() { if s3_is_local; then "$S3MOCK_SH" stop; fi; }
# ClamAV's daemon (uploads scanned for malware, ADR 0117): tools/clamav/clamd.sh at HUB_CLAMD_URL
# (default tcp://127.0.0.1:3310) with the platform's own small signature database.
CLAMD_SH="$REPO_ROOT/tools/clamav/clamd.sh"
clamd_status_row() {
  local st
  st="$("$CLAMD_SH" status 2>/dev/null || true)"
  printf '%-9s %-11s %-44s %s\n' clamd "$(status_value 'state:' "$st")" "$(status_value 'url:' "$st")" \
    "pid $(status_value 'pid:' "$st"), signatures $(status_value 'signatures:' "$st")"
}
s3_status_row() { # SERVICE STATE WHERE DETAILS for the status table
  if ! s3_is_local; then printf '%-9s %-11s %-44s %s\n' s3 external "$HUB_S3_ENDPOINT" "not managed here"; return 0; fi
  local st state
  st="$("$S3MOCK_SH" status 2>/dev/null || true)"
  state="$(status_value state "$st")"
  printf '%-9s %-11s %-44s %s\n' s3 "${state%% *}" "$HUB_S3_ENDPOINT" \
    "S3Mock, pid $(status_value pid "$st"), buckets $(status_value buckets "$st"), data $(status_value 'data dir' "$st")"
}
# --- end S3 ---

usage() {
  sed -n '4,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# ---------------------------------------------------------------------------------------------

mode() {
  case "${HUB_DEV_STACK_MODE:-auto}" in
    local | docker) printf '%s\n' "$HUB_DEV_STACK_MODE" ;;
    auto)
      if command -v docker >/dev/null 2>&1 && timeout 15 docker info >/dev/null 2>&1; then
        echo docker
      else
        echo local
      fi
      ;;
    *) hub_die "HUB_DEV_STACK_MODE must be local, docker or auto (is '$HUB_DEV_STACK_MODE')" ;;
  esac
}

compose() { docker compose -f "$COMPOSE_FILE" "$@"; }

masked_url() { printf '%s\n' "$1" | sed -E 's#(://[^:/@]+):[^@/]*@#\1:***@#'; }

# HUB_PG_URL names a server (postgres://user@host:port); psql also needs a database to connect to.
admin_url() {
  local url="$HUB_PG_URL"
  if [[ "$url" =~ ^(postgres(ql)?://[^/?]+)(/[^?]*)?(\?.*)?$ ]]; then
    printf '%s/postgres%s\n' "${BASH_REMATCH[1]}" "${BASH_REMATCH[4]}"
  else
    printf '%s\n' "$url"
  fi
}

PG_MODE=local
pg_sql() { # <sql>: one statement, unaligned tuples-only output
  if [ "$PG_MODE" = docker ]; then
    compose exec -T postgres psql -X -v ON_ERROR_STOP=1 -U postgres -d postgres -qAtc "$1"
  else
    PGCONNECT_TIMEOUT="${PGCONNECT_TIMEOUT:-5}" psql "$(admin_url)" -X -v ON_ERROR_STOP=1 -qAtc "$1"
  fi
}

pg_start_hint() {
  local versions=""
  # shellcheck disable=SC2012 # cluster versions are plain numbers
  [ -d /etc/postgresql ] && versions="$(ls /etc/postgresql 2>/dev/null | tr '\n' ' ')"
  printf '%s' "On Debian start it with: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start"
  [ -n "$versions" ] && printf ' (here: pg_ctlcluster --skip-systemctl-redirect %s main start)' "${versions%% *}"
  return 0
}

pg_reachable() {
  if [ "$PG_MODE" = docker ]; then
    compose exec -T postgres pg_isready -U postgres >/dev/null 2>&1
    return
  fi
  command -v psql >/dev/null 2>&1 || return 1
  pg_sql 'select 1' >/dev/null 2>&1
}

require_pg() {
  if [ "$PG_MODE" = local ]; then
    command -v psql >/dev/null 2>&1 ||
      hub_die "psql is not installed (needed to reach $(masked_url "$HUB_PG_URL")): apt-get install -y postgresql-client"
  fi
  if ! pg_reachable; then
    local why
    why="$(pg_sql 'select 1' 2>&1 | head -n 2 | tr '\n' ' ' || true)"
    hub_die "PostgreSQL does not answer at $(masked_url "$HUB_PG_URL")${why:+ ($why)}. $(pg_start_hint)"
  fi
}

existing_databases() { # the hub_* databases that exist, one a line
  pg_sql "select datname from pg_database where datname like 'hub\\_%' order by 1"
}

create_databases() {
  local existing db created=()
  existing="$(existing_databases)"
  for db in "${DATABASES[@]}"; do
    if ! grep -qx "$db" <<<"$existing"; then
      # Two `up`s at once: the loser's CREATE fails with "already exists", which is fine.
      if ! pg_sql "create database \"$db\"" >/dev/null 2>/tmp/hub-dev-stack-createdb.$$; then
        grep -qx "$db" <<<"$(existing_databases)" ||
          hub_die "could not create database $db: $(cat /tmp/hub-dev-stack-createdb.$$)"
      else
        created+=("$db")
      fi
      rm -f /tmp/hub-dev-stack-createdb.$$
    fi
  done
  if [ "${#created[@]}" -gt 0 ]; then
    hub_log "created databases: ${created[*]}"
  else
    hub_log "databases present: ${DATABASES[*]}"
  fi
}

# First broker of HUB_KAFKA_BROKERS
kafka_host() { local b="${HUB_KAFKA_BROKERS%%,*}"; printf '%s\n' "${b%:*}"; }
kafka_port() { local b="${HUB_KAFKA_BROKERS%%,*}"; printf '%s\n' "${b##*:}"; }
kafka_is_local() { case "$(kafka_host)" in 127.0.0.1 | localhost | ::1 | '[::1]') return 0 ;; *) return 1 ;; esac; }

# The dev-stack scripts reach Kafka through @hub/messaging (its MessageBus admin port), never kafkajs.
messaging_built() { [ -f "$REPO_ROOT/packages/messaging/dist/index.js" ] && [ -f "$REPO_ROOT/packages/contracts/dist/index.js" ]; }

require_node_deps() {
  ensure_toolchain
  [ -d "$REPO_ROOT/packages/messaging/node_modules/kafkajs" ] ||
    hub_die "dependencies are not installed: run 'pnpm install' in $REPO_ROOT (with the project's toolchain: source tools/lib/toolchain.sh && ensure_toolchain)"
  if ! messaging_built; then
    hub_log "building @hub/messaging and @hub/contracts (the topic tools use them)"
    (cd "$REPO_ROOT" && pnpm exec turbo run build --filter=@hub/messaging... --output-logs=errors-only) ||
      hub_die "could not build @hub/messaging (see above)"
  fi
}

create_topics() {
  require_node_deps
  local -a args=()
  if [ -n "$TOPICS_FILE" ]; then
    [ -f "$TOPICS_FILE" ] || hub_die "topics file not found: $TOPICS_FILE"
    args+=("$TOPICS_FILE")
  fi
  hub_log "creating topics on $HUB_KAFKA_BROKERS (${TOPICS_FILE:-from @hub/contracts topicSpecs()})"
  node "$STACK_DIR/create-topics.mjs" "${args[@]}" ||
    hub_die "topics were not created (message above); PostgreSQL and Kafka are up"
}

# ---------------------------------------------------------------------------------------------

cmd_up() {
  local t0=$SECONDS m
  m="$(mode)"
  if [ "$m" = docker ]; then
    PG_MODE=docker
    hub_log "Docker engine found: starting postgres + kafka from $COMPOSE_FILE"
    compose up -d --wait postgres kafka || hub_die "docker compose up failed (see above)"
    require_pg
    create_databases
    HUB_KAFKA_BROKERS="127.0.0.1:9092"
  else
    hub_log "no Docker engine: using the machine's PostgreSQL and a local Kafka broker"
    require_pg
    create_databases
    if kafka_is_local; then
      "$BROKER_SH" start --name "$BROKER_NAME" --port "$(kafka_port)" || hub_die "the Kafka broker did not start (see above)"
    else
      hub_log "HUB_KAFKA_BROKERS=$HUB_KAFKA_BROKERS is not local: using it as it is (no broker started)"
    fi
  fi
  s3_up
  "$CLAMD_SH" start || hub_die "clamd did not start (see above)"
  create_topics
  hub_log "dev stack up in $((SECONDS - t0)) s"
  cmd_status
}

cmd_down() {
  local m
  m="$(mode)"
  if [ "$m" = docker ]; then
    hub_log "stopping the compose stack (volumes kept; 'docker compose -f $COMPOSE_FILE down -v' drops them)"
    compose down
  else
    if kafka_is_local; then "$BROKER_SH" stop --name "$BROKER_NAME"; fi
    hub_log "PostgreSQL at $(masked_url "$HUB_PG_URL") is the machine's own service: left running"
  fi
  s3_down
  "$CLAMD_SH" stop
}

status_value() { # <key> <broker.sh status output>
  sed -n "s/^$1 \{1,\}//p" <<<"$2" | head -n 1
}

cmd_status() {
  local m pg_state pg_details kafka_where kafka_state kafka_details
  m="$(mode)"
  [ "$m" = docker ] && PG_MODE=docker

  # PostgreSQL
  if pg_reachable; then
    local have missing=() db present=()
    have="$(existing_databases 2>/dev/null || true)"
    for db in "${DATABASES[@]}"; do
      if grep -qx "$db" <<<"$have"; then present+=("$db"); else missing+=("$db"); fi
    done
    pg_state="reachable"
    pg_details="databases ${#present[@]}/${#DATABASES[@]}: ${present[*]:-none}"
    [ "${#missing[@]}" -gt 0 ] && pg_details="$pg_details; missing: ${missing[*]} (run: $0 up)"
  else
    pg_state="DOWN"
    pg_details="$(pg_start_hint)"
  fi

  # Kafka
  kafka_where="$HUB_KAFKA_BROKERS"
  local kafka_up=0
  if [ "$m" = local ] && kafka_is_local; then
    local st
    st="$("$BROKER_SH" status --name "$BROKER_NAME" 2>/dev/null || true)"
    local state pid controller log
    state="$(status_value state "$st")"
    pid="$(status_value pid "$st")"
    controller="$(status_value controller "$st")"
    log="$(status_value log "$st")"
    case "$state" in running*answering*) kafka_up=1 ;; esac
    kafka_state="${state%% *}"
    kafka_where="$(status_value bootstrap "$st") (controller ${controller##*:})"
    kafka_details="broker '$BROKER_NAME', pid $pid, log $log"
  else
    kafka_state="external"
    kafka_details="$([ "$m" = docker ] && echo "compose service kafka" || echo "not managed here")"
    kafka_up=1
  fi
  if [ "$kafka_up" = 1 ] && messaging_built; then
    local topics
    if topics="$(ensure_toolchain >/dev/null 2>&1 && node "$STACK_DIR/create-topics.mjs" --list 2>/dev/null)"; then
      kafka_state="${kafka_state/external/reachable}"
      kafka_details="topics $(grep -c . <<<"$topics" || true), $kafka_details"
    else
      kafka_state="${kafka_state/external/unreachable}"
    fi
  fi

  printf '%-9s %-11s %-44s %s\n' \
    "SERVICE" "STATE" "WHERE" "DETAILS" \
    "postgres" "$pg_state" "$(masked_url "$HUB_PG_URL")" "$pg_details" \
    "kafka" "$kafka_state" "$kafka_where" "$kafka_details"
  s3_status_row
  clamd_status_row
  printf 'mode: %s%s\n' "$m" "$([ "$m" = local ] && echo ' (no Docker engine: machine PostgreSQL + tools/kafka/broker.sh)' || echo " ($COMPOSE_FILE)")"
}

# ---------------------------------------------------------------------------------------------

[ $# -ge 1 ] || usage
COMMAND="$1"
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --topics) TOPICS_FILE="${2:?--topics needs a file}"; shift 2 ;;
    --topics=*) TOPICS_FILE="${1#*=}"; shift ;;
    -h | --help) usage ;;
    *) hub_log "unknown argument: $1"; usage ;;
  esac
done
if [ -n "$TOPICS_FILE" ] && [ "${TOPICS_FILE#/}" = "$TOPICS_FILE" ]; then TOPICS_FILE="$PWD/$TOPICS_FILE"; fi

case "$COMMAND" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  -h | --help | help) usage ;;
  *) hub_log "unknown command: $COMMAND"; usage ;;
esac
