#!/usr/bin/env bash
# slow
# End-to-end scenarios in two real browsers, the same test files in each: Debian's Chromium
# (playwright-core) and Debian's Firefox ESR (puppeteer-core over WebDriver BiDi), with the
# extension and the freshly built vigie-host. Builds if needed; screenshots land in
# $VIGIE_ARTIFACTS/e2e/<browser>. A failure is reported with its browser's name; the last line
# counts both runs.
#   tests/stages/e2e.sh [chromium|firefox ...]   (default: both; VIGIE_E2E_BROWSERS works too)
#   tests/stages/e2e.sh firefox tests/e2e/profile.test.js   (one file)
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export VIGIE_ARTIFACTS="${VIGIE_ARTIFACTS:-$root/test-artifacts}"
export VIGIE_BUILD_DIR="${VIGIE_BUILD_DIR:-$root/build/default/host}"
mkdir -p "$VIGIE_ARTIFACTS/e2e"

browsers=(); files=()
for a in "$@"; do case "$a" in chromium|firefox) browsers+=("$a") ;; *) files+=("$a") ;; esac; done
[ ${#browsers[@]} -eq 0 ] && read -r -a browsers <<<"${VIGIE_E2E_BROWSERS:-chromium firefox}"
[ ${#files[@]} -eq 0 ] && files=(tests/e2e/)

if [ "$VIGIE_BUILD_DIR" = "$root/build/default/host" ]; then
  { cmake --preset default >/dev/null && cmake --build --preset default --target vigie vigie-host; } ||
    { echo "e2e: build failed"; echo "vigie-suite: 0 passed, 1 failed"; exit 1; }
fi
[ -d node_modules/playwright-core ] && [ -d node_modules/puppeteer-core ] || npm ci --no-audit --no-fund --loglevel=error

total_pass=0; total_fail=0; rc_all=0; summary=()
for browser in "${browsers[@]}"; do
  case "$browser" in
    chromium) program="${VIGIE_CHROMIUM:-/usr/lib/chromium/chromium}" ;;
    firefox) program="${VIGIE_FIREFOX:-/usr/lib/firefox-esr/firefox-esr}" ;;
  esac
  if [ ! -x "$program" ]; then
    echo "e2e [$browser]: $program is missing (tests/deps.sh installs it)"
    total_fail=$((total_fail + 1)); rc_all=1; summary+=("$browser: browser missing"); continue
  fi
  out="$VIGIE_ARTIFACTS/e2e/node-test-$browser.txt"
  echo "== e2e in $browser ($("$program" --version 2>/dev/null | head -n1))"
  start=$(date +%s)
  # One file at a time: each test starts its own browser, and the machine has 2 cores.
  VIGIE_BROWSER="$browser" node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$out.tap" "${files[@]}" 2>&1 | sed -u "s/^/[$browser] /" | tee "$out"
  rc=${PIPESTATUS[0]}
  secs=$(( $(date +%s) - start ))
  pass=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$out.tap" | tail -n1)
  fail=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$out.tap" | tail -n1)
  skip=$(sed -nE 's/^# skipped ([0-9]+)$/\1/p' "$out.tap" | tail -n1)
  pass=${pass:-0}; fail=${fail:-1}
  [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ] && fail=1
  [ "$rc" -ne 0 ] && rc_all=1
  # Every failing test, named with its browser (top-level "not ok" lines of the TAP output).
  grep -E '^not ok [0-9]+ - ' "$out.tap" | sed -E "s/^not ok [0-9]+ - /FAILED in $browser: /"
  total_pass=$((total_pass + pass)); total_fail=$((total_fail + fail))
  summary+=("$browser: $pass passed, $fail failed, ${skip:-0} skipped (not for this browser), ${secs} s")
done
echo
for line in "${summary[@]}"; do echo "e2e $line"; done
echo "vigie-suite: $total_pass passed, $total_fail failed"
exit $rc_all
