#!/usr/bin/env bash
# The extension: eslint + web-ext lint, then the extractor and background unit
# tests under node's own test runner.
set -uo pipefail
cd "$(dirname "$0")/../.."
fail=0
npm run --silent lint || fail=1
out=$(node --test --test-reporter=tap tests/extension/ 2>&1); rc=$?
echo "$out" | tail -n 30
pass=$(sed -nE 's/^# pass ([0-9]+)/\1/p' <<<"$out" | tail -n1)
failed=$(sed -nE 's/^# fail ([0-9]+)/\1/p' <<<"$out" | tail -n1)
[ $fail = 1 ] && failed=$(( ${failed:-0} + 1 ))   # lint counts as one test
[ $fail = 0 ] && pass=$(( ${pass:-0} + 1 ))
echo "vigie-suite: ${pass:-0} passed, ${failed:-0} failed"
[ "$rc" -eq 0 ] && [ $fail = 0 ]
