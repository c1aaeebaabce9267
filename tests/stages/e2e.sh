#!/usr/bin/env bash
# slow
# End-to-end scenarios in a real headless Chromium (Debian's), with the unpacked extension and
# the freshly built vigie-host. Builds if needed; screenshots land in $VIGIE_ARTIFACTS/e2e.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export VIGIE_ARTIFACTS="${VIGIE_ARTIFACTS:-$root/test-artifacts}"
export VIGIE_BUILD_DIR="${VIGIE_BUILD_DIR:-$root/build/default/host}"
mkdir -p "$VIGIE_ARTIFACTS/e2e"

if [ "$VIGIE_BUILD_DIR" = "$root/build/default/host" ]; then
  { cmake --preset default >/dev/null && cmake --build --preset default --target vigie vigie-host; } ||
    { echo "e2e: build failed"; echo "vigie-suite: 0 passed, 1 failed"; exit 1; }
fi
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error
if [ ! -x /usr/lib/chromium/chromium ]; then
  echo "e2e: Debian's chromium is missing (tests/deps.sh installs it)"; echo "vigie-suite: 0 passed, 1 failed"; exit 1
fi

out="$VIGIE_ARTIFACTS/e2e/node-test.txt"
# One file at a time: each test starts its own browser, and the machine has 2 cores.
node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$out.tap" tests/e2e/ 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
pass=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$out.tap" | tail -n1)
fail=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$out.tap" | tail -n1)
echo "vigie-suite: ${pass:-0} passed, ${fail:-1} failed"
exit $rc
