#!/usr/bin/env python3
"""Runs `vigie assess` on a labelled JSON-lines set and prints precision,
recall and false-flag rate at level >= medium and at level high.

    python3 bench/assess/evaluate.py bench/assess/heldout.jsonl [--vigie build/assess/host/vigie]

A profile counts as flagged when its level reaches the cut. Precision = fakes
among flagged; recall = flagged among fakes; false-flag rate = flagged among
real profiles. Also checks that every flagged profile has at least one reason,
and lists the misclassified records per template with --errors.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

LEVELS = {"none": 0, "low": 1, "medium": 2, "high": 3}


def find_vigie():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    for build in ("build/assess", "build", "build/release", "build/debug"):
        path = os.path.join(root, build, "host", "vigie")
        if os.access(path, os.X_OK):
            return path
    sys.exit("vigie binary not found; pass --vigie")


def metrics(rows, cut):
    tp = sum(1 for lab, lvl, _ in rows if lab == "fake" and LEVELS[lvl] >= cut)
    fp = sum(1 for lab, lvl, _ in rows if lab == "real" and LEVELS[lvl] >= cut)
    fakes = sum(1 for lab, _, _ in rows if lab == "fake")
    reals = len(rows) - fakes
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / fakes if fakes else float("nan")
    false_flag = fp / reals if reals else float("nan")
    return precision, recall, false_flag, tp, fp


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--vigie", default=None)
    ap.add_argument("--errors", action="store_true", help="print misclassified records")
    args = ap.parse_args()
    vigie = args.vigie or find_vigie()

    with open(args.dataset, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    # --no-settings: the shipped lexicons only, not the lexicon settings of whoever runs this.
    out = subprocess.run([vigie, "assess", "--no-settings"], input="".join(lines), capture_output=True, text=True,
                         check=True)
    results = out.stdout.splitlines()
    if len(results) != len(lines):
        sys.exit(f"{len(lines)} records in, {len(results)} lines out")

    rows = []
    unexplained = 0
    errors = 0
    per_case = collections.defaultdict(collections.Counter)
    for line, result in zip(lines, results):
        rec, res = json.loads(line), json.loads(result)
        if "error" in res:
            errors += 1
            continue
        rows.append((rec["_label"], res["level"], res))
        per_case[rec["_case"]][res["level"]] += 1
        if LEVELS[res["level"]] >= LEVELS["low"] and not res["reasons"]:
            unexplained += 1
        if args.errors:
            wrong = (rec["_label"] == "fake") != (LEVELS[res["level"]] >= LEVELS["medium"])
            if wrong:
                print(f"# {rec['_case']} -> {res['level']} {res['score']}: "
                      + "; ".join(f"{r['code']}({r['weight']})" for r in res["reasons"]))

    fakes = sum(1 for r in rows if r[0] == "fake")
    print(f"dataset: {args.dataset}")
    print(f"records: {len(rows)} ({fakes} fake, {len(rows) - fakes} real), malformed lines: {errors}")
    print(f"{'cut':<10} {'precision':>9} {'recall':>7} {'false-flag':>10} {'TP':>5} {'FP':>5}")
    for name, cut in ((">=medium", LEVELS["medium"]), ("high", LEVELS["high"])):
        p, r, ff, tp, fp = metrics(rows, cut)
        print(f"{name:<10} {p:>9.3f} {r:>7.3f} {ff:>10.3f} {tp:>5} {fp:>5}")
    print(f"flagged profiles without a reason: {unexplained}")
    print("levels per template (none/low/medium/high):")
    for case in sorted(per_case):
        c = per_case[case]
        print(f"  {case:<20} {c['none']:>4} {c['low']:>4} {c['medium']:>4} {c['high']:>4}")


if __name__ == "__main__":
    main()
