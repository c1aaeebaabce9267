#!/usr/bin/env bash
# slow
# Short libFuzzer run (issue 7): builds the `fuzz` preset (clang), replays the
# seed corpus and every past crash under tests/fuzz/regressions/, then fuzzes
# each target for VIGIE_FUZZ_SECONDS (default 20; five targets = 100 seconds).
# New corpus entries go to a scratch folder, never into the repo; a crash
# leaves its input in $VIGIE_ARTIFACTS/fuzz/ (see docs/FUZZING.md to turn it
# into a regression test). The long run is documented in docs/FUZZING.md.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
seconds="${VIGIE_FUZZ_SECONDS:-20}"
build="${VIGIE_FUZZ_BUILD_DIR:-$root/build/fuzz}"
artifacts="${VIGIE_ARTIFACTS:-$root/test-artifacts}/fuzz"
mkdir -p "$artifacts"
targets=(frame_decoder dispatcher csv_reader profile_url zip_import)
pass=0; fail=0

if [ "$build" = "$root/build/fuzz" ]; then
  cmake --preset fuzz >/dev/null || { echo "vigie-suite: 0 passed, 1 failed"; exit 1; }
else
  cmake -S "$root" -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DVIGIE_FUZZ=ON \
    -DVIGIE_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || { echo "vigie-suite: 0 passed, 1 failed"; exit 1; }
fi
if ! cmake --build "$build" -j2 --target vigie_fuzz_targets; then
  echo "fuzz: build failed"; echo "vigie-suite: 0 passed, 1 failed"; exit 1
fi

result() {  # name, rc
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); echo "PASS $1"; else fail=$((fail + 1)); echo "FAIL $1 (exit $2)"; fi
}

for t in "${targets[@]}"; do
  bin="$build/tests/fuzz/fuzz_$t"
  opts=(-rss_limit_mb=2048 -timeout=10 -artifact_prefix="$artifacts/$t-" -print_final_stats=1)
  [ "$t" = dispatcher ] && opts+=(-dict="$root/tests/fuzz/json.dict")
  replay=("$root/tests/fuzz/corpus/$t")
  [ -d "$root/tests/fuzz/regressions/$t" ] && replay+=("$root/tests/fuzz/regressions/$t")

  echo "== fuzz_$t: replaying the seed corpus and past crashes"
  "$bin" "${opts[@]}" -runs=0 "${replay[@]}"; result "fuzz_$t replay" $?

  echo "== fuzz_$t: fuzzing for $seconds s"
  work="$build/corpus-work/$t"; mkdir -p "$work"
  "$bin" "${opts[@]}" -max_total_time="$seconds" "$work" "$root/tests/fuzz/corpus/$t" 2>&1 |
    grep -vE '^#[0-9]+\s+(NEW|REDUCE|pulse)'
  result "fuzz_$t ${seconds}s" "${PIPESTATUS[0]}"
done

echo "vigie-suite: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
