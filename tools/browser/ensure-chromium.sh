#!/usr/bin/env bash
# Debian's Chromium for the web app's Playwright tests (issue #11, ADR 0040). Playwright's own browser
# download is not reachable from these machines, so the tests point Playwright at /usr/bin/chromium.
# Idempotent and quick when the browser is there: CI runs on a fresh clone of the same machine kind.
#   tools/browser/ensure-chromium.sh          install if missing, print the version
#   HUB_CHROMIUM=/path/to/chromium            use another binary (nothing is installed)
set -euo pipefail

BIN="${HUB_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$BIN" ]; then
  exit 0
fi
if [ -n "${HUB_CHROMIUM:-}" ]; then
  echo "ensure-chromium: HUB_CHROMIUM=$BIN is not an executable" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "ensure-chromium: /usr/bin/chromium is missing and this user cannot install it (run as root: apt-get install -y chromium)" >&2
    exit 1
  fi
fi
echo "ensure-chromium: installing Debian's chromium (apt-get) …" >&2
export DEBIAN_FRONTEND=noninteractive
# fonts-noto-core: Kazakh Cyrillic (ә ғ қ ң ө ұ ү һ і) renders with real glyphs in screenshots.
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-core fonts-dejavu-core >/dev/null
"$BIN" --version >&2
