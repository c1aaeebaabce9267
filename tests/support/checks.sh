# Sourced by the shell test stages: one line per check, and the count line tests/run.sh reads.
#   check "what is asserted" command args...   (ok when the command succeeds)
#   finish                                      (prints "vigie-suite: N passed, M failed", exits 1 on any failure)
pass=0; fail=0
ok() { echo "ok   - $*"; pass=$((pass + 1)); }
ko() { echo "FAIL - $*"; fail=$((fail + 1)); }
check() { local what="$1"; shift; if "$@"; then ok "$what"; else ko "$what"; fi; }
finish() { echo "vigie-suite: $pass passed, $fail failed"; [ $fail -eq 0 ]; exit $?; }
