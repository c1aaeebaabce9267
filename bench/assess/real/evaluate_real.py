"""The assessment on real labelled data other people collected (bench/assess/real/SOURCES.md).

  python3 bench/assess/real/evaluate_real.py [--vigie PATH] [--sms SMSSpamCollection]
        [--instagram-karthik DIR] [--instafake DIR]

Profiles: per data set, each signal's firing rate on fakes and on genuine
accounts, and precision / recall / false-flag rate at >= low, >= medium and
high. Cresci 2015 is also shown on English-language accounts only (its genuine
accounts are 88 % Italian, its fakes all English). Messages: the UCI SMS Spam
Collection's unseen fifth (every fifth message, as scripts/note_model/train.py
holds it out) as invitation notes, flagged = the note gets a scam_note or
note_model reason (the model alone: scripts/note_model/train.py's report); from the original file when --sms is given, else from the
redacted data/models/train/sms.tsv. The Instagram sets are read from where
they were fetched (their licences do not let the project ship them).
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, HERE)
import profiles  # noqa: E402

LEVELS = {"none": 0, "low": 1, "medium": 2, "high": 3}


def find_vigie(given):
    if given:
        return given
    for b in ("build/assess", "build/default", "build/release", "build"):
        p = os.path.join(ROOT, b, "host", "vigie")
        if os.path.exists(p):
            return p
    sys.exit("vigie not built: cmake --build build/default --target vigie")


def assess(vigie, records, env=None):
    data = "".join(json.dumps({k: v for k, v in r.items() if not k.startswith("_")}, ensure_ascii=False) + "\n"
                   for r in records)
    out = subprocess.run([vigie, "assess", "--no-settings"], input=data, capture_output=True, text=True,
                         check=False, env=env)
    lines = out.stdout.splitlines()
    if len(lines) != len(records):
        sys.exit(f"vigie assess: {len(lines)} answers for {len(records)} records\n{out.stderr}")
    return [json.loads(l) for l in lines]


def profile_table(name, records, results):
    fakes = [a for r, a in zip(records, results) if r["_label"] == "fake"]
    real = [a for r, a in zip(records, results) if r["_label"] == "real"]
    print(f"\n#### {name}: {len(fakes)} fake / {len(real)} genuine\n")
    print("| signal | fires on fakes | fires on genuine |\n|---|---|---|")
    codes = sorted({x["code"] for a in results for x in a.get("reasons", [])})
    for c in codes:
        f = sum(1 for a in fakes if any(x["code"] == c for x in a["reasons"]))
        g = sum(1 for a in real if any(x["code"] == c for x in a["reasons"]))
        print(f"| `{c}` | {f / max(len(fakes), 1):.3f} ({f}) | {g / max(len(real), 1):.3f} ({g}) |")
    print("\n| cut | precision | recall | false-flag | TP | FP |\n|---|---|---|---|---|---|")
    for cut, lo in (("≥ low", 1), ("≥ medium", 2), ("high", 3)):
        tp = sum(1 for a in fakes if LEVELS[a["level"]] >= lo)
        fp = sum(1 for a in real if LEVELS[a["level"]] >= lo)
        prec = f"{tp / (tp + fp):.3f}" if tp + fp else "–"
        print(f"| {cut} | {prec} | {tp / max(len(fakes), 1):.3f} | {fp / max(len(real), 1):.3f} | {tp} | {fp} |")
    unexplained = sum(1 for a in results if LEVELS[a["level"]] >= 1 and not a["reasons"])
    print(f"\nflagged without a reason: {unexplained}")


def sms_messages(path):
    rows = []
    if path:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                label, _, text = line.rstrip("\n").partition("\t")
                if label in ("ham", "spam"):
                    rows.append((label, text))
    else:
        with open(os.path.join(ROOT, "data", "models", "train", "sms.tsv"), encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    label, _, text = line.rstrip("\n").partition("\t")
                    rows.append((label, text))
    return [r for i, r in enumerate(rows) if i % 5 == 4]


def message_table(vigie, messages, source):
    records = [{"network": "linkedin", "profile_url": "https://www.linkedin.com/in/sms-%d/" % i,
                "invitation_message": text} for i, (_, text) in enumerate(messages)]
    print(f"\n#### UCI SMS Spam Collection, unseen fifth ({source}): "
          f"{sum(1 for l, _ in messages if l == 'spam')} spam / {sum(1 for l, _ in messages if l == 'ham')} ham\n")
    print("| flagged by | recall of spam | ham flagged | TP | FP |\n|---|---|---|---|---|")
    with_model = assess(vigie, records)
    env = dict(os.environ, VIGIE_NOTE_MODEL="off")
    lexicons_only = assess(vigie, records, env)
    pos = sum(1 for l, _ in messages if l == "spam")
    for name, results in (("lexicons and note shapes, model off", lexicons_only),
                          ("lexicons, shapes and the learned model", with_model)):
        for cut, flagged in (
                ("any note reason (scam_note, note_model)",
                 [any(x["code"] in ("scam_note", "note_model") for x in a["reasons"]) for a in results]),
                ("level ≥ medium (the note alone)", [LEVELS[a["level"]] >= 2 for a in results])):
            tp = sum(1 for f, (l, _) in zip(flagged, messages) if f and l == "spam")
            fp = sum(1 for f, (l, _) in zip(flagged, messages) if f and l == "ham")
            print(f"| {name}: {cut} | {tp / pos:.3f} | {fp / (len(messages) - pos):.3f} | {tp} | {fp} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vigie")
    ap.add_argument("--sms")
    ap.add_argument("--instagram-karthik")
    ap.add_argument("--instafake")
    args = ap.parse_args()
    vigie = find_vigie(args.vigie)
    message_table(vigie, sms_messages(args.sms), "original text" if args.sms else "redacted text")
    cresci = [json.loads(l) for l in open(os.path.join(HERE, "cresci2015.jsonl"), encoding="utf-8")]
    results = assess(vigie, cresci)
    profile_table("Cresci 2015 (genuine E13 vs bought followers INT), all languages", cresci, results)
    en = [(r, a) for r, a in zip(cresci, results) if r["_lang"] == "en"]
    profile_table("Cresci 2015, English-language accounts only", [r for r, _ in en], [a for _, a in en])
    if args.instagram_karthik:
        recs = profiles.instagram_karthik([os.path.join(args.instagram_karthik, f) for f in ("train.csv", "test.csv")])
        profile_table("Instagram (karthik-vemu, train + test)", recs, assess(vigie, recs))
    if args.instafake:
        recs = profiles.instagram_instafake(os.path.join(args.instafake, "fakeAccountData.json"),
                                            os.path.join(args.instafake, "realAccountData.json"))
        profile_table("Instagram (instafake fake-v1.0)", recs, assess(vigie, recs))


if __name__ == "__main__":
    main()
