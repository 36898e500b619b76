#!/usr/bin/env bash
# ClamAV's daemon for development and tests: uploads are scanned for malware (ASVS 12.x, ADR 0117).
#
#   tools/clamav/clamd.sh start     install Debian's clamav-daemon if missing, start clamd (idempotent)
#   tools/clamav/clamd.sh stop
#   tools/clamav/clamd.sh status
#
# clamd listens on the port of HUB_CLAMD_URL (default tcp://127.0.0.1:3310). Its signature database is
# the platform's own (tools/clamav/hub-dev.ndb → $HUB_STATE_DIR/clamav/db): freshclam's download
# servers are not reachable from these machines, and tests need one known signature, the EICAR test
# file's. Production runs the same daemon with freshclam's signatures (the official clamav image; see
# docker/compose.yaml and the manifests). State in $HUB_STATE_DIR/clamav/: clamd.conf, db/, clamd.log, pid.
set -euo pipefail

CLAM_TOOL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tools/lib/toolchain.sh
source "$CLAM_TOOL_DIR/../lib/toolchain.sh"

HUB_CLAMD_URL="${HUB_CLAMD_URL:-tcp://127.0.0.1:3310}"
[[ "$HUB_CLAMD_URL" =~ ^tcp://([^:/]+):([0-9]+)/?$ ]] || hub_die "HUB_CLAMD_URL must be tcp://host:port, not $HUB_CLAMD_URL"
HOST="${BASH_REMATCH[1]}"
PORT="${BASH_REMATCH[2]}"
CLAMD="${HUB_CLAMD_BIN:-/usr/sbin/clamd}"
STATE="$HUB_STATE_DIR/clamav"
CONF="$STATE/clamd.conf"
LOG="$STATE/clamd.log"
PIDFILE="$STATE/pid"
START_TIMEOUT="${HUB_CLAMD_START_TIMEOUT:-60}"

usage() {
  sed -n '4,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

is_local() { [ "$HOST" = 127.0.0.1 ] || [ "$HOST" = localhost ]; }

# zPING → PONG: the daemon answers.
answers() {
  node -e '
    const s = require("node:net").connect({ host: process.argv[1], port: Number(process.argv[2]) });
    let out = ""; s.setTimeout(3000, () => process.exit(1));
    s.on("connect", () => s.end("zPING\0")); s.on("data", (d) => (out += d)); s.on("error", () => process.exit(1));
    s.on("end", () => process.exit(out.replace(/\0/g, "").trim() === "PONG" ? 0 : 1));
  ' "$HOST" "$PORT" 2>/dev/null
}

ensure_installed() {
  [ -x "$CLAMD" ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || hub_die "$CLAMD is missing and this user cannot install it (as root: apt-get install -y clamav-daemon)"
    sudo="sudo -n"
  fi
  hub_log "installing Debian's clamav-daemon (apt-get) …"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends clamav-daemon >/dev/null
  [ -x "$CLAMD" ] || hub_die "apt-get installed no $CLAMD"
}

server_pid() {
  local pid=""
  [ -f "$PIDFILE" ] && pid="$(tr -dc '0-9' <"$PIDFILE")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$CONF" && { printf '%s\n' "$pid"; return 0; }
  pid="$(pgrep -f -- "clamd --config-file=$CONF" 2>/dev/null | head -n 1 || true)"
  [ -n "$pid" ] && { printf '%s\n' "$pid" >"$PIDFILE"; printf '%s\n' "$pid"; return 0; }
  return 1
}

write_config() {
  mkdir -p "$STATE/db"
  cp "$CLAM_TOOL_DIR/hub-dev.ndb" "$STATE/db/hub-dev.ndb.tmp"
  mv "$STATE/db/hub-dev.ndb.tmp" "$STATE/db/hub-dev.ndb"
  {
    echo "# written by tools/clamav/clamd.sh"
    echo "Foreground yes"
    echo "DatabaseDirectory $STATE/db"
    echo "TCPSocket $PORT"
    echo "TCPAddr $HOST"
    echo "LogFile $LOG"
    echo "LogTime yes"
    echo "StreamMaxLength 64M"
    echo "MaxFileSize 64M"
    echo "MaxScanSize 128M"
    echo "SelfCheck 3600"
    [ "$(id -u)" -eq 0 ] && echo "User root"
  } >"$CONF"
}

cmd_start() {
  if ! is_local; then hub_log "HUB_CLAMD_URL=$HUB_CLAMD_URL is not local: using it as it is (no clamd started)"; return 0; fi
  mkdir -p "$STATE"
  exec 9>"$STATE/.lock"
  flock -w $((START_TIMEOUT + 30)) 9 || hub_die "another clamd.sh is still working (lock $STATE/.lock)"
  local pid
  if pid="$(server_pid)" && answers; then hub_log "clamd already running (pid $pid) on $HUB_CLAMD_URL"; return 0; fi
  ensure_installed
  answers && hub_die "port $PORT already answers as a clamd this script did not start; stop it or choose HUB_CLAMD_URL"
  write_config
  [ -s "$LOG" ] && mv -f "$LOG" "$LOG.1"
  hub_log "starting clamd on $HUB_CLAMD_URL (signatures $STATE/db)"
  nohup "$CLAMD" --config-file="$CONF" >>"$STATE/clamd.out" 2>&1 9>&- &
  echo $! >"$PIDFILE"
  local t0=$SECONDS
  until answers; do
    if ! server_pid >/dev/null; then tail -n 20 "$STATE/clamd.out" >&2; hub_die "clamd exited at start (see $STATE/clamd.out)"; fi
    [ $((SECONDS - t0)) -lt "$START_TIMEOUT" ] || hub_die "clamd did not answer within $START_TIMEOUT s (see $LOG)"
    sleep 0.5
  done
  hub_log "clamd answers on $HUB_CLAMD_URL ($((SECONDS - t0)) s)"
}

cmd_stop() {
  local pid
  if pid="$(server_pid)"; then kill "$pid" 2>/dev/null || true; rm -f "$PIDFILE"; hub_log "clamd stopped (pid $pid)"; fi
}

cmd_status() {
  local pid state=stopped
  if pid="$(server_pid)"; then state=running; fi
  answers && state="${state/stopped/answers (not ours)}"
  printf 'state: %s\npid: %s\nurl: %s\nsignatures: %s\n' "$state" "${pid:-}" "$HUB_CLAMD_URL" "$STATE/db"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) usage ;;
esac
