#!/bin/sh
# Times `vigie import linkedin-export` on a generated export (30,000
# connections, 10,000 invitations): first run into an empty database, then
# the second run that must add nothing. Target: first run <= 1 s.
# Usage: bench/import/run.sh [path/to/vigie]  (default: build/cli/host/vigie)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
vigie=${1:-$root/build/cli/host/vigie}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/generate.py" "$work/export.zip"
# The generated dates run to the end of 2026: a fixed clock after them (the host
# refuses times more than a day ahead of its clock).
export VIGIE_HOME="$work/home" TZ=UTC VIGIE_NOW=2027-01-01T00:00:00Z
for run in first second; do
  start=$(date +%s.%N)
  "$vigie" import linkedin-export "$work/export.zip" > "$work/$run.txt"
  end=$(date +%s.%N)
  printf 'import (%s run): %.3f s\n' "$run" "$(echo "$end - $start" | bc)"
  sed 's/^/  /' "$work/$run.txt"
done
