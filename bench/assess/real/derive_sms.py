"""Redacts the UCI SMS Spam Collection into data/models/train/sms.tsv.

Input: the SMSSpamCollection file (label TAB text), as fetched (see
bench/assess/real/SOURCES.md). Output: label TAB the message's words as the
note model sees them (scripts/note_model/features.py: folded, digits as 0),
where every word used by fewer than MIN_DF distinct messages of the whole
collection is replaced by "_". So no phone number (all digits are 0), no name
or nickname used by one or two people, no rare word that could identify
someone is kept; what remains is vocabulary several people used.

  python3 bench/assess/real/derive_sms.py SMSSpamCollection > data/models/train/sms.tsv
"""
import collections
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "scripts", "note_model"))
import features  # noqa: E402

MIN_DF = 3


def main():
    rows = []
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            line = line.rstrip("\n")
            if i == 0 and line.startswith("Label\t"):
                continue
            label, _, text = line.partition("\t")
            if label not in ("ham", "spam"):
                raise SystemExit(f"line {i + 1}: unexpected label {label!r}")
            rows.append((label, features.words(text)))
    df = collections.Counter()
    for _, ws in rows:
        df.update(set(ws))
    out = sys.stdout
    out.write("# UCI SMS Spam Collection (Almeida & Gomez Hidalgo, CC BY 4.0), redacted by "
              "bench/assess/real/derive_sms.py: words of fewer than %d messages are _, digits are 0\n" % MIN_DF)
    for label, ws in rows:
        out.write(label + "\t" + " ".join(w if df[w] >= MIN_DF else "_" for w in ws) + "\n")
    kept = sum(1 for w, n in df.items() if n >= MIN_DF)
    print(f"{len(rows)} messages ({sum(1 for l, _ in rows if l == 'spam')} spam), "
          f"{kept} of {len(df)} distinct words kept", file=sys.stderr)


if __name__ == "__main__":
    main()
