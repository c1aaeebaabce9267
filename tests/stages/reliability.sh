#!/usr/bin/env bash
# slow
# Reliability proofs of issue 7 (tests/reliability/run.py): 8 hosts x 5,000
# events at once on one data folder, 100 kill -9 mid-stream, the bad-input
# catalogue of docs/BAD_INPUT.md against the host and the CLI, and the privacy
# proof (no socket under strace, 0700/0600). Uses the binaries of
# VIGIE_BUILD_DIR (default build/default, which tests/run.sh builds first).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
build="${VIGIE_BUILD_DIR:-$root/build/default}"
if [ ! -x "$build/host/vigie-host" ] || [ ! -x "$build/host/vigie" ]; then
  if [ "$build" = "$root/build/default" ]; then
    { cmake --preset default >/dev/null && cmake --build --preset default --target vigie-host vigie; } ||
      { echo "vigie-suite: 0 passed, 1 failed"; exit 1; }
  else
    echo "reliability: no vigie-host/vigie in $build"; echo "vigie-suite: 0 passed, 1 failed"; exit 1
  fi
fi
exec python3 "$root/tests/reliability/run.py" --host "$build/host/vigie-host" --cli "$build/host/vigie" "$@"
