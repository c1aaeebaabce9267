#!/bin/sh
# bench/team (docs/TEAM.md): the pre-send check with 1,000,000 local + 1,000,000
# team rows (<= 1 ms), then push and pull of 100,000 events and a new member's
# first full pull of 1,000,000 shared rows on a PostgreSQL started here.
# usage: bench/team/run.sh [build dir]   (default: the newest build/*/ with vigie-host)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$(ls -td "$root"/build/*/ 2>/dev/null | while read -r d; do [ -x "$d/host/vigie" ] && [ -f "$d/host/libvigie_core.a" ] && echo "$d" && break; done)}
[ -n "$build" ] || { echo "no build with host/vigie and host/libvigie_core.a under $root/build" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags="-std=c++20 -O2 -DSPDLOG_FMT_EXTERNAL -DSPDLOG_HEADER_ONLY -DFMT_HEADER_ONLY -DBOOST_ASIO_NO_DEPRECATED -I$root/host -I$build/host/generated"
libs="$build/host/libvigie_core.a $(pkg-config --libs liburiparser libutf8proc) -lsqlite3 -lpthread"
g++ $flags "$root/bench/ledger/ledger_bench.cpp" $libs -o "$work/ledger_bench"
g++ $flags "$here/team_check_bench.cpp" $libs -o "$work/team_check_bench"
# The ledger of bench/ledger (1,000,000 invitations), then the team's rows over it.
TZ=${TZ:-UTC} "$work/ledger_bench" "$work/ledger.db" >/dev/null
TZ=${TZ:-UTC} "$work/team_check_bench" "$work/ledger.db"
python3 "$here/sync_bench.py" "$build/host/vigie"
