#!/usr/bin/env bash
# Screenshots of every screen (popup, dashboard, options, badge, pre-send warning) in EN and FR,
# light and dark, with an empty ledger, 700 and 10,000 invitations, no host and a host whose
# program is gone (and the dashboard of a team member, state `team`), in real Chromium and Firefox through the e2e harness (tests/e2e/lib/screenshots.js).
# A tool to compare a change by eye, not a test: it lives outside tests/stages/ so tests/run.sh does not run it (the e2e suite runs
# one variant of it as a smoke test). Builds the host if needed, like tests/stages/e2e.sh.
#   scripts/screenshots.sh [chromium|firefox ...] [-- options of screenshots.js]
#   scripts/screenshots.sh chromium -- --screen dashboard --lang fr --state 10k
# Output: $VIGIE_ARTIFACTS/screenshots/<browser>/<screen>-<lang>-<theme>-<state>.png and
# $VIGIE_ARTIFACTS/screenshots/index.html (default VIGIE_ARTIFACTS: test-artifacts/).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export VIGIE_ARTIFACTS="${VIGIE_ARTIFACTS:-$root/test-artifacts}"
export VIGIE_BUILD_DIR="${VIGIE_BUILD_DIR:-$root/build/default/host}"

browsers=(); opts=()
while [ $# -gt 0 ]; do
  case "$1" in
    chromium|firefox) browsers+=("$1") ;;
    --) shift; opts=("$@"); break ;;
    *) echo "screenshots: unknown argument $1 (chromium, firefox, or -- and options of tests/e2e/lib/screenshots.js)"; exit 2 ;;
  esac
  shift
done
[ ${#browsers[@]} -eq 0 ] && browsers=(chromium firefox)

if [ "$VIGIE_BUILD_DIR" = "$root/build/default/host" ]; then
  { cmake --preset default >/dev/null && cmake --build --preset default --target vigie vigie-host; } ||
    { echo "screenshots: build failed"; exit 1; }
fi
[ -d node_modules/playwright-core ] && [ -d node_modules/puppeteer-core ] || npm ci --no-audit --no-fund --loglevel=error

rc=0
for browser in "${browsers[@]}"; do
  # One browser at a time, below the priority of other work on the machine.
  nice -n 10 node tests/e2e/lib/screenshots.js --browser "$browser" "${opts[@]}" || rc=1
done
echo "screenshots: $VIGIE_ARTIFACTS/screenshots/index.html"
exit $rc
