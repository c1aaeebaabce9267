"""Chooses the note_model weight on tuning.jsonl only (its notes are not in the model's training data).

  python3 bench/assess/choose_note_weight.py [--vigie PATH] [tuning.jsonl]

Assesses the split once with the shipped model (the weight compiled in), then
recomputes each record's score and level for other weights from its reasons
(docs/ASSESSMENT.md: levels from the score, high needs 2 distinct signals, the
note's reasons are one signal, note_model fills what scam_note left under 60),
and prints precision / recall / false-flag at >= medium and high per weight.
The lexicons were tuned on tuning.jsonl, so there they already catch every
note the model could; --without-scam-phrases assesses the split without the
scam-phrase lists (odd titles and note shapes kept), as a split whose wording
the lists were not written from, which is where the model has to work.
The rule: the largest recall at >= medium with precision >= 0.95, false-flag
<= 0.02 and no real profile high; ties to the smaller weight.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
NOTE_CODES = {"scam_note", "note_model", "user_wording"}
CAP = 60


def level(score, signals):
    if score >= 60 and signals >= 2:
        return 3
    return 2 if score >= 40 else 1 if score >= 15 else 0


def rescore(a, weight):
    reasons = a["reasons"]
    lex = sum(r["weight"] for r in reasons if r["code"] == "scam_note")
    score, signals, note_signal = 0, 0, False
    for r in reasons:
        w = r["weight"]
        if r["code"] == "note_model":
            w = max(0, min(weight, CAP - lex))
        score += w
        if w > 0:
            if r["code"] in NOTE_CODES:
                if not note_signal:
                    signals += 1
                note_signal = True
            else:
                signals += 1
    return level(max(0, min(100, score)), signals)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("split", nargs="?", default=os.path.join(HERE, "tuning.jsonl"))
    ap.add_argument("--without-scam-phrases", action="store_true",
                    help="the scam-phrase lexicons left out, as on wording they were not written from")
    ap.add_argument("--vigie", default=os.path.join(ROOT, "build", "default", "host", "vigie"))
    args = ap.parse_args()
    records = [json.loads(l) for l in open(args.split, encoding="utf-8")]
    data = "".join(json.dumps({k: v for k, v in r.items() if not k.startswith("_")}) + "\n" for r in records)
    cmd = [args.vigie, "assess", "--no-settings"]
    with tempfile.TemporaryDirectory() as lex:
        if args.without_scam_phrases:
            for name in os.listdir(os.path.join(ROOT, "data", "lexicons")):
                if name.startswith("odd_titles"):
                    shutil.copy(os.path.join(ROOT, "data", "lexicons", name), lex)
            cmd += ["--lexicons", lex]
        out = subprocess.run(cmd, input=data, capture_output=True, text=True, check=True).stdout.splitlines()
    results = [json.loads(l) for l in out]
    # The compiled-in weight must reproduce vigie's own levels.
    levels = {"none": 0, "low": 1, "medium": 2, "high": 3}
    compiled = next((r["weight"] for a in results for r in a["reasons"]
                     if r["code"] == "note_model" and not any(x["code"] == "scam_note" for x in a["reasons"])), None)
    if compiled is not None:
        bad = sum(1 for a in results if rescore(a, compiled) != levels[a["level"]])
        if bad:
            sys.exit(f"recomputed levels differ from vigie's on {bad} records")
    print("| weight | >= medium precision / recall / false-flag | high precision / recall / false-flag |")
    print("|---|---|---|")
    best = None
    for weight in (0, 10, 15, 20, 25, 30, 35, 40):
        row = []
        for cut in (2, 3):
            tp = sum(1 for r, a in zip(records, results) if r["_label"] == "fake" and rescore(a, weight) >= cut)
            fp = sum(1 for r, a in zip(records, results) if r["_label"] != "fake" and rescore(a, weight) >= cut)
            pos = sum(1 for r in records if r["_label"] == "fake")
            row.append((tp / max(tp + fp, 1), tp / pos, fp / (len(records) - pos)))
        print(f"| {weight} | {row[0][0]:.3f} / {row[0][1]:.3f} / {row[0][2]:.3f} | "
              f"{row[1][0]:.3f} / {row[1][1]:.3f} / {row[1][2]:.3f} |")
        ok = row[0][0] >= 0.95 and row[0][2] <= 0.02 and row[1][2] == 0
        if ok and (best is None or row[0][1] > best[1]):
            best = (weight, row[0][1])
    print(f"chosen: {best[0] if best else 'none meets the rule'}")


if __name__ == "__main__":
    main()
