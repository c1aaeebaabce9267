"""Learning from the user's verdicts, by simulation through the real vigie-host.

  python3 bench/assess/learn_sim.py [--host PATH] STREAM.jsonl [--sms]

Replays a labelled stream of received invitations (profile records with their
note; or, with --sms, the unseen fifth of the redacted SMS collection as notes
of otherwise empty profiles) into a fresh vigie-host, in a fixed shuffled
order. The user marks the first k invitations of the first half that were
flagged (level >= --cut, default medium: fake if it is one, trusted if not) or missed (a fake
below medium: fake), with person.mark, as they go. Recall and false-flag rate
are measured on the second half, the same records for every k.
"""
import argparse
import json
import os
import random
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
ORIGIN = "chrome-extension://ljoiecjnkljfndkmifhjcdikneabbejl/"
LEVELS = {"none": 0, "low": 1, "medium": 2, "high": 3}


class Host:
    def __init__(self, binary, home):
        env = dict(os.environ, VIGIE_HOME=home, VIGIE_NOW="2026-11-29T12:00:00Z")
        self.p = subprocess.Popen([binary, ORIGIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, env=env)
        self.next = 1

    def call(self, message):
        message = dict(message, id=self.next)
        self.next += 1
        body = json.dumps(message).encode()
        self.p.stdin.write(struct.pack("=I", len(body)) + body)
        self.p.stdin.flush()
        n = struct.unpack("=I", self.p.stdout.read(4))[0]
        reply = json.loads(self.p.stdout.read(n))
        if not reply.get("ok"):
            raise RuntimeError(json.dumps(reply))
        return reply["result"]

    def close(self):
        self.p.stdin.close()
        self.p.wait()


def stream_records(path, sms):
    if sms:
        rows, i = [], 0
        with open(os.path.join(ROOT, "data", "models", "train", "sms.tsv"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                label, _, text = line.rstrip("\n").partition("\t")
                if i % 5 == 4:
                    rows.append({"network": "linkedin", "profile_url": f"https://www.linkedin.com/in/sms-{i}/",
                                 "invitation_message": text, "_label": "fake" if label == "spam" else "real"})
                i += 1
        return rows
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f]


def run(binary, records, k, cut):
    with tempfile.TemporaryDirectory() as home:
        host = Host(binary, home)
        half = len(records) // 2
        marks, tp, fp, pos, neg = 0, 0, 0, 0, 0
        for i, r in enumerate(records):
            profile = {key: v for key, v in r.items() if not key.startswith("_") and key != "invitation_message"}
            item = {"profile": profile}
            if r.get("invitation_message"):
                item["note"] = r["invitation_message"]
            a = host.call({"type": "invitation.received", "invitations": [item]})["assessments"][0]["assessment"]
            flagged = LEVELS[a["level"]] >= cut
            fake = r["_label"] == "fake"
            if i < half:
                if marks < k and (flagged or fake):
                    host.call({"type": "person.mark", "profile_url": r["profile_url"],
                               "verdict": "fake" if fake else "trusted"})
                    marks += 1
            else:
                pos += fake
                neg += not fake
                tp += fake and flagged
                fp += flagged and not fake
        host.close()
    return marks, tp, pos, fp, neg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("stream", nargs="?")
    ap.add_argument("--sms", action="store_true")
    ap.add_argument("--host", default=os.path.join(ROOT, "build", "default", "host", "vigie-host"))
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--cut", choices=("low", "medium"), default="medium", help="flagged = this level or above")
    args = ap.parse_args()
    records = stream_records(args.stream, args.sms)
    random.Random(args.seed).shuffle(records)
    print(f"stream: {args.stream or 'sms unseen fifth'}, {len(records)} records, second half measured")
    print(f"| k | marks given | recall >= {args.cut} | false-flag >= {args.cut} |\n|---|---|---|---|")
    for k in (0, 5, 20, 50):
        marks, tp, pos, fp, neg = run(args.host, records, k, LEVELS[args.cut])
        print(f"| {k} | {marks} | {tp / pos:.3f} ({tp}/{pos}) | {fp / neg:.3f} ({fp}/{neg}) |")


if __name__ == "__main__":
    main()
