#!/usr/bin/env bash
# A one-minute look at Vigie without any account: opens Chromium (or Firefox) with the extension
# and the host in a throwaway profile, on bundled sample pages imitating LinkedIn (served from
# 127.0.0.1).
#   installer/demo.sh [--browser chromium|firefox] [--check]   (--check: headless self-test, no window)
# Needs a build (installer/install.sh or cmake --preset default) and Debian's chromium or
# firefox-esr (tests/deps.sh installs both).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ -z "${VIGIE_BUILD_DIR:-}" ]; then
  for d in build/default/host build/release/host; do
    [ -x "$d/vigie-host" ] && [ -x "$d/vigie" ] && { export VIGIE_BUILD_DIR="$root/$d"; break; }
  done
fi
if [ -z "${VIGIE_BUILD_DIR:-}" ]; then
  echo "demo: building first (cmake --preset default)"
  cmake --preset default >/dev/null && cmake --build --preset default --target vigie vigie-host
  export VIGIE_BUILD_DIR="$root/build/default/host"
fi
[ -d node_modules/playwright-core ] && [ -d node_modules/puppeteer-core ] || npm ci --no-audit --no-fund --loglevel=error
exec node tests/e2e/lib/demo.js "$@"
