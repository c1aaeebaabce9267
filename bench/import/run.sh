#!/bin/sh
# Times `vigie import linkedin-export` on a generated export (30,000
# connections, 10,000 invitations): first run into an empty database, then
# the second run that must add nothing. Target: first run <= 1 s.
# Then the peak RSS (`/usr/bin/time -v`, maximum resident set size) of the
# import of that export and of hostile files of 300 MB: a ZIP of commas, the
# same as a plain CSV, 300 MB of valid rows as a plain CSV and as a ZIP, and
# both plain files again through a FIFO, which has no size to check first (the
# reader stops at the 32 MiB cap or at the first bad record). Target: every
# peak <= 64 MiB (issue 11). Each hostile case prints its exit status: 1 (refused,
# bad_import) is the expected one.
# Usage: bench/import/run.sh [path/to/vigie]  (default: build/cli/host/vigie)
#        VIGIE_BENCH_IMPORT_RSS=0 skips the peak RSS part.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
vigie=${1:-$root/build/cli/host/vigie}
work=$(mktemp -d)
fifo_writer=
cleanup() {
  if [ -n "$fifo_writer" ]; then kill "$fifo_writer" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
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

[ "${VIGIE_BENCH_IMPORT_RSS:-1}" = 0 ] && exit 0
if [ ! -x /usr/bin/time ]; then
  echo "peak RSS: n/a (/usr/bin/time is not installed: apt-get install time)"
  exit 0
fi

# peak_rss LABEL PATH: imports PATH into an empty database and prints the peak.
peak_rss() {
  rm -rf "$work/rss-home"
  status=0
  VIGIE_HOME="$work/rss-home" /usr/bin/time -v -o "$work/time.txt" \
    "$vigie" import linkedin-export "$2" > /dev/null 2> "$work/err.txt" || status=$?
  kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  printf 'peak RSS %s: %.1f MiB (exit %s%s)\n' "$1" "$(echo "$kib / 1024" | bc -l)" "$status" \
    "$(if [ "$status" != 0 ]; then printf ': %s' "$(head -c 120 "$work/err.txt" | tr '\n' ' ' | sed "s|$work/||g")"; fi)"
}

# peak_rss_fifo LABEL FILE: the same, FILE written into a FIFO named Connections.csv.
peak_rss_fifo() {
  mkdir -p "$work/fifo"
  rm -f "$work/fifo/Connections.csv"
  mkfifo "$work/fifo/Connections.csv"
  cat "$2" > "$work/fifo/Connections.csv" 2>/dev/null &
  fifo_writer=$!
  peak_rss "$1" "$work/fifo/Connections.csv"
  kill "$fifo_writer" 2>/dev/null || true
  wait "$fifo_writer" 2>/dev/null || true
  fifo_writer=
}

peak_rss "export (30,000 connections + 10,000 invitations, ZIP)" "$work/export.zip"
mkdir -p "$work/plain"
python3 "$here/hostile.py" commas --zip "$work/commas.zip"
peak_rss "300 MB of commas in a ZIP ($(du -k "$work/commas.zip" | cut -f1) KB)" "$work/commas.zip"
rm -f "$work/commas.zip"
python3 "$here/hostile.py" commas "$work/plain/Connections.csv"
peak_rss "300 MB of commas, plain CSV" "$work/plain/Connections.csv"
peak_rss_fifo "300 MB of commas, plain CSV through a FIFO" "$work/plain/Connections.csv"
python3 "$here/hostile.py" rows "$work/plain/Connections.csv"
peak_rss "300 MB of valid rows, plain CSV" "$work/plain/Connections.csv"
peak_rss_fifo "300 MB of valid rows, plain CSV through a FIFO" "$work/plain/Connections.csv"
rm -f "$work/plain/Connections.csv"
python3 "$here/hostile.py" rows --zip "$work/rows.zip"
peak_rss "300 MB of valid rows in a ZIP" "$work/rows.zip"
