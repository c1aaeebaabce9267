#!/usr/bin/env python3
"""10,000 events through vigie-host and through bench/baseline_host.py, in
this run. Frames are written in 256 KiB chunks so each read the host makes
carries many requests (one transaction per read).

Streams (--mix):
  sent (default): invitation.sent to distinct people, each with a profile
    URL and a name, a note on one in three (what the issue's figures use).
  mixed: 60 % profile.seen with full profile records (name, headline,
    location, about, counts, photo, title, company, degree), 30 %
    invitation.sent to people seen earlier in the stream, 10 %
    invitation.check of a person seen earlier.
The baseline does one json.loads, one insert and one json.dumps per event
whatever its type.
usage: stream.py <vigie-host> <baseline_host.py> [events] [--mix sent|mixed]"""
import json
import os
import struct
import subprocess
import sys
import tempfile
import threading
import time

CALLER = "chrome-extension://ljoiecjnkljfndkmifhjcdikneabbejl/"


def url(i):
    return "https://www.linkedin.com/in/stream-%d/" % i


def sent_events(n):
    for i in range(n):
        yield {"id": i, "type": "invitation.sent",
               "profile": {"network": "linkedin", "profile_url": url(i), "name": "Stream %d" % i},
               "note": "" if i % 3 else "Bonjour, ravi d'échanger"}


TITLES = ["Ingénieure logiciel", "Directeur commercial", "Chargée de recrutement", "Consultant SAP",
          "Responsable RH", "Développeur C++", "Coiffeuse", "Chef de projet"]
COMPANIES = ["Acme", "Société Générale", "Capgemini", "Dassault Systèmes", "Freelance", "Orange"]


def full_profile(i):
    title = TITLES[i % len(TITLES)]
    company = COMPANIES[i % len(COMPANIES)]
    return {"network": "linkedin", "profile_url": url(i), "name": "Prénom%d Nom%d" % (i, i),
            "headline": "%s chez %s | Passionné par l'innovation" % (title, company),
            "location": "Lyon, Auvergne-Rhône-Alpes, France", "about": "J'accompagne les équipes %s depuis %d ans. "
            "Ouvert aux échanges sur la transformation numérique." % (company, 2 + i % 15),
            "has_photo": i % 9 != 0, "connections": 500 if i % 4 else 37 + i % 60, "connections_plus": i % 4 != 0,
            "followers": 120 + i % 3000, "experience_count": 1 + i % 7, "education_count": i % 3,
            "skills_count": i % 25, "current_title": title, "current_company": company,
            "degree": 2 if i % 5 else 3}


def mixed_events(n):
    seen = 0
    for i in range(n):
        slot = i % 10
        if slot < 6 or seen == 0:  # 60 %: a profile page browsed
            yield {"id": i, "type": "profile.seen", "profile": full_profile(seen)}
            seen += 1
        elif slot < 9:  # 30 %: an invitation to someone just seen
            j = seen - 1 - (i % 3)
            j = max(j, 0)
            yield {"id": i, "type": "invitation.sent",
                   "profile": {"network": "linkedin", "profile_url": url(j), "name": "Prénom%d Nom%d" % (j, j)},
                   "note": "" if i % 3 else "Bonjour, ravi d'échanger"}
        else:  # 10 %: the pre-send check before the next one
            yield {"id": i, "type": "invitation.check", "network": "linkedin", "profile_url": url(max(seen - 1, 0)),
                   "note": "Bonjour"}


def frames(n, mix="sent"):
    out = []
    for event in (mixed_events(n) if mix == "mixed" else sent_events(n)):
        data = json.dumps(event).encode()
        out.append(struct.pack("=I", len(data)) + data)
    return b"".join(out)


def run(argv, payload, n):
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, VIGIE_HOME=home)
        p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             env=env, bufsize=0)
        time.sleep(0.3)  # let it start: we time the stream, not the start-up
        start = time.perf_counter()

        def feed():
            for i in range(0, len(payload), 256 * 1024):
                p.stdin.write(payload[i:i + 256 * 1024])
        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        buf, got, ok = b"", 0, 0
        while got < n:
            chunk = p.stdout.read(1 << 20)
            if not chunk:
                break
            buf += chunk
            while len(buf) >= 4:
                (size,) = struct.unpack_from("=I", buf)
                if len(buf) < 4 + size:
                    break
                ok += json.loads(buf[4:4 + size]).get("ok") is True
                buf = buf[4 + size:]
                got += 1
        elapsed = time.perf_counter() - start
        writer.join()
        p.stdin.close()
        p.wait()
        return elapsed, got, ok


def main():
    args = sys.argv[1:]
    mix = "sent"
    if "--mix" in args:
        k = args.index("--mix")
        mix = args[k + 1]
        del args[k:k + 2]
    if mix not in ("sent", "mixed"):
        print("--mix must be sent or mixed", file=sys.stderr)
        return 2
    host, baseline = args[0], args[1]
    n = int(args[2]) if len(args) > 2 else 10000
    payload = frames(n, mix)
    print("stream (%s): %d events, %d bytes of frames" % (mix, n, len(payload)))
    tv, gv, okv = run([host, CALLER], payload, n)
    tp, gp, okp = run([sys.executable, baseline, CALLER], payload, n)
    print("stream vigie-host: %d events (%d ok) in %.1f ms = %.0f events/s" % (gv, okv, tv * 1000, gv / tv))
    print("stream python baseline: %d events (%d ok) in %.1f ms = %.0f events/s" % (gp, okp, tp * 1000, gp / tp))
    print("stream ratio: vigie-host is %.1fx the baseline (target >= 5x)" % ((gv / tv) / (gp / tp)))
    return 0 if okv == n and okp == n else 1


if __name__ == "__main__":
    sys.exit(main())
