#!/bin/sh
# bench/note_model: load time, memory and time per note of the learned note
# model (data/models/note_model.txt) over the redacted SMS messages and the
# synthetic splits' notes; then vigie-host's peak RSS over 2,000 received
# invitations with notes (the model loaded) against the same host over
# invitations without notes (never loaded).
# usage: bench/note_model/run.sh [build dir]   (default: build/default)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/default}
test -f "$build/host/libvigie_core.a" || { echo "build $build first (cmake --build --preset default)" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
g++ -std=c++20 -O2 -I"$root/host" -I"$build/host/generated" \
  "$root/bench/note_model/note_model_bench.cpp" "$build/host/libvigie_core.a" $(pkg-config --libs libutf8proc) -o "$dir/note_model_bench"
python3 - "$root" > "$dir/notes.txt" <<'PY'
import json, sys, glob
root = sys.argv[1]
for line in open(root + "/data/models/train/sms.tsv", encoding="utf-8"):
    if not line.startswith("#"):
        print(line.rstrip("\n").partition("\t")[2])
for path in sorted(glob.glob(root + "/bench/assess/*.jsonl")):
    for line in open(path, encoding="utf-8"):
        note = json.loads(line).get("invitation_message")
        if note:
            print(note.replace("\n", " "))
PY
"$dir/note_model_bench" "$root/data/models/note_model.txt" < "$dir/notes.txt"
python3 "$root/bench/note_model/host_rss.py" "$build/host/vigie-host"
