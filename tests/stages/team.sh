#!/usr/bin/env bash
# Teams on a real PostgreSQL (issue 16, docs/TEAM.md; tests/team/run.py): the
# suite starts Debian's PostgreSQL itself in a temporary directory (Unix
# socket, no TCP port) and stops it at the end. Uses the binaries of
# VIGIE_BUILD_DIR (default build/default, which tests/run.sh builds first).
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
build="${VIGIE_BUILD_DIR:-$root/build/default}"
if [ ! -x "$build/host/vigie-host" ] || [ ! -x "$build/host/vigie" ]; then
  echo "team: no vigie-host/vigie in $build"; echo "vigie-suite: 0 passed, 1 failed"; exit 1
fi
exec python3 "$root/tests/team/run.py" --host "$build/host/vigie-host" --cli "$build/host/vigie" "$@"
