#!/bin/sh
# bench/ledger: invitation.check and stats.get on 1,000,000 invitations, then
# a 10,000-event stream through vigie-host against bench/baseline_host.py,
# both measured in this run: invitation.sent to distinct people, then the
# mixed stream (60 % profile.seen, 30 % invitation.sent, 10 % check; see stream.py).
# usage: bench/ledger/run.sh [build dir]   (default: the newest build/*/ with vigie-host)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$(ls -td "$root"/build/*/ 2>/dev/null | while read -r d; do [ -x "$d/host/vigie-host" ] && [ -f "$d/host/libvigie_core.a" ] && echo "$d" && break; done)}
[ -n "$build" ] || { echo "no build with host/vigie-host and host/libvigie_core.a under $root/build" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Built against the same core the host uses, optimised like a release.
g++ -std=c++20 -O2 -DSPDLOG_FMT_EXTERNAL -DSPDLOG_HEADER_ONLY -DFMT_HEADER_ONLY -DBOOST_ASIO_NO_DEPRECATED -I"$root/host" -I"$build/host/generated" \
  "$here/ledger_bench.cpp" "$build/host/libvigie_core.a" $(pkg-config --libs liburiparser libutf8proc) -lsqlite3 -lpthread -o "$work/ledger_bench"
TZ=${TZ:-UTC} "$work/ledger_bench" "$work/ledger.db"
python3 "$here/stream.py" "$build/host/vigie-host" "$root/bench/baseline_host.py"
python3 "$here/stream.py" "$build/host/vigie-host" "$root/bench/baseline_host.py" 10000 --mix mixed
