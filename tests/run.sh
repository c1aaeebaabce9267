#!/usr/bin/env bash
# The one command that runs every test of Vigie (README: "Run every test").
# It installs what it needs, builds, then runs each suite in turn and ends with
# one line "N passed, M failed". A suite script may print its own counts as a
# line "vigie-suite: N passed, M failed"; otherwise it counts as one test.
#   --quick   skip the sanitizer build, the fuzzing and the browser tests
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
quick=0; [ "${1:-}" = "--quick" ] && quick=1
export VIGIE_ARTIFACTS="${VIGIE_ARTIFACTS:-$root/test-artifacts}"
mkdir -p "$VIGIE_ARTIFACTS/logs"

total_pass=0; total_fail=0; failed_suites=()

run_suite() {  # name, command...
  local name="$1"; shift
  local log="$VIGIE_ARTIFACTS/logs/$name.log" start end p f rc line
  start=$(date +%s)
  echo "== $name: $*"
  "$@" >"$log" 2>&1; rc=$?
  end=$(date +%s)
  line=$(grep -E '^vigie-suite: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ -n "$line" ]; then
    p=$(sed -E 's/^vigie-suite: ([0-9]+) passed, ([0-9]+) failed.*/\1/' <<<"$line")
    f=$(sed -E 's/^vigie-suite: ([0-9]+) passed, ([0-9]+) failed.*/\2/' <<<"$line")
    [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  elif [ "$rc" -eq 0 ]; then p=1; f=0; else p=0; f=1; fi
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
  if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ]; then
    failed_suites+=("$name")
    echo "   FAILED ($p passed, $f failed, $((end - start)) s; exit $rc) - last lines of $log:"
    tail -n 40 "$log" | sed 's/^/   | /'
  else
    echo "   ok ($p passed, $((end - start)) s)"
  fi
}

ctest_suite() {  # preset
  local preset="$1" out rc total failed
  cmake --preset "$preset" >/dev/null && cmake --build --preset "$preset" || return 1
  out=$(ctest --preset "$preset" -j2 2>&1); rc=$?
  echo "$out"
  total=$(sed -nE 's/.*tests failed out of ([0-9]+).*/\1/p' <<<"$out" | tail -n1)
  failed=$(sed -nE 's/.* ([0-9]+) tests failed out of.*/\1/p' <<<"$out" | tail -n1)
  [ -n "$total" ] && echo "vigie-suite: $((total - failed)) passed, $failed failed"
  return $rc
}

run_suite deps bash tests/deps.sh
run_suite unit-and-integration ctest_suite default
[ -x tests/stages/node.sh ] && run_suite extension bash tests/stages/node.sh
for stage in tests/stages/*.sh; do
  [ -e "$stage" ] || continue
  name=$(basename "$stage" .sh)
  [ "$name" = node ] && continue
  if [ $quick = 1 ] && grep -q '^# slow' "$stage"; then echo "== $name: skipped (--quick)"; continue; fi
  run_suite "$name" bash "$stage"
done
if [ $quick = 0 ]; then
  run_suite sanitizers ctest_suite asan
fi

echo
[ ${#failed_suites[@]} -gt 0 ] && echo "failed suites: ${failed_suites[*]} (logs in $VIGIE_ARTIFACTS/logs)"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
