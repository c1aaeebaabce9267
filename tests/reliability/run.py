#!/usr/bin/env python3
"""Reliability proofs for issue 7 (driven by tests/stages/reliability.sh):
concurrency, crash consistency, the bad-input catalogue (docs/BAD_INPUT.md)
and the privacy proof. Python stdlib only. Prints one PASS/FAIL line per case
and ends with `vigie-suite: N passed, M failed`.

usage: run.py --host PATH --cli PATH [--only NAME] [--crash-runs N] [--procs N --events N]
"""
import argparse
import os
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bad_input  # noqa: E402
import concurrency  # noqa: E402
import crash  # noqa: E402
import privacy  # noqa: E402


class suite:
    def __init__(self, args):
        self.args = args
        self.passed = 0
        self.failed = 0
        self.scratch = tempfile.mkdtemp(prefix="vigie-reliability-")

    def home(self, name):
        path = os.path.join(self.scratch, name)
        return path  # the host creates it (and must make it 0700)

    def case(self, name, fn, *a):
        start = time.monotonic()
        try:
            detail = fn(*a)
            self.passed += 1
            print("PASS %s (%.1f s)%s" % (name, time.monotonic() - start, ": " + detail if detail else ""), flush=True)
        except Exception as e:  # one failing case must not hide the others
            self.failed += 1
            print("FAIL %s (%.1f s): %s" % (name, time.monotonic() - start, e), flush=True)
            if not isinstance(e, AssertionError):
                traceback.print_exc()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--only", action="append", help="concurrency, crash, bad_input, privacy")
    ap.add_argument("--procs", type=int, default=8)
    ap.add_argument("--events", type=int, default=5000)
    ap.add_argument("--crash-runs", type=int, default=100)
    args = ap.parse_args()
    s = suite(args)
    groups = {"bad_input": bad_input.run, "privacy": privacy.run, "concurrency": concurrency.run, "crash": crash.run}
    for name, fn in groups.items():
        if args.only and name not in args.only:
            continue
        print("== %s" % name, flush=True)
        fn(s)
    print("vigie-suite: %d passed, %d failed" % (s.passed, s.failed))
    return 0 if s.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
