# shellcheck shell=bash
# The project's own Node.js LTS and pnpm, installed from the npm registry into a cache outside the
# repository (ADR 0002). The machine's own Node (20) is too old for NestJS 12 / MikroORM 7 / vitest 5.
# Sourced by tools/hub; puts the pinned node and pnpm first on PATH.

HUB_NODE_VERSION="${HUB_NODE_VERSION:-24.21.0}"
HUB_PNPM_VERSION="${HUB_PNPM_VERSION:-12.21.0}"
HUB_CACHE_DIR="${HUB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hub-platform}"
HUB_STATE_DIR="${HUB_STATE_DIR:-${XDG_STATE_HOME:-$HOME/.local/state}/hub-platform}"
export HUB_CACHE_DIR HUB_STATE_DIR

hub_log() { printf '\033[1;34m[hub]\033[0m %s\n' "$*" >&2; }
hub_die() { printf '\033[1;31m[hub] error:\033[0m %s\n' "$*" >&2; exit 1; }

ensure_toolchain() {
  local dir="$HUB_CACHE_DIR/toolchain/node-$HUB_NODE_VERSION-pnpm-$HUB_PNPM_VERSION"
  if [ ! -x "$dir/node_modules/.bin/node" ] || [ ! -x "$dir/node_modules/.bin/pnpm" ]; then
    command -v npm >/dev/null 2>&1 || hub_die "npm is needed once, to fetch Node $HUB_NODE_VERSION from the npm registry; install Debian's 'npm' package (apt-get install -y npm)."
    hub_log "installing Node $HUB_NODE_VERSION and pnpm $HUB_PNPM_VERSION from the npm registry into $dir"
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
    # The 'node' package's preinstall fetches the matching node-<os>-<arch> package, also from npm.
    (cd "$dir.tmp" && printf '{"name":"hub-toolchain","private":true}\n' > package.json &&
      npm install --no-save --no-audit --no-fund --loglevel=error \
        "node@$HUB_NODE_VERSION" "pnpm@$HUB_PNPM_VERSION" >/dev/null) ||
      hub_die "could not install Node/pnpm from the npm registry (is the registry reachable?)"
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
  fi
  export PATH="$dir/node_modules/.bin:$PATH"
  local v; v="$(node --version)"
  [ "$v" = "v$HUB_NODE_VERSION" ] || hub_die "expected Node v$HUB_NODE_VERSION on PATH, found $v"
  export COREPACK_ENABLE_STRICT=0
}
