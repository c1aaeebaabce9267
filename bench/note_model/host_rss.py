"""vigie-host's peak RSS (VmHWM) and time over 2,000 invitation.received events,
with notes (the note model is loaded by the first) and without (never loaded).
usage: host_rss.py VIGIE_HOST"""
import json
import os
import struct
import subprocess
import sys
import tempfile
import time

ORIGIN = "chrome-extension://ljoiecjnkljfndkmifhjcdikneabbejl/"
NOTES = ["Hello dear, add me on WhatsApp, I have a crypto plan with daily profit for you",
         "Hi, I enjoyed your talk at the meetup and would be glad to connect.",
         "Bonjour, je recrute un développeur C++ pour une PME lyonnaise."]


def run(host, with_notes, n=2000):
    with tempfile.TemporaryDirectory() as home:
        p = subprocess.Popen([host, ORIGIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env=dict(os.environ, VIGIE_HOME=home))
        start = time.perf_counter()
        for i in range(n):
            item = {"profile": {"network": "linkedin", "profile_url": f"https://www.linkedin.com/in/p{i}/",
                                "name": "Sam Lee", "has_photo": True}}
            if with_notes:
                item["note"] = NOTES[i % len(NOTES)] + f" ({i})"
            body = json.dumps({"id": i, "type": "invitation.received", "invitations": [item]}).encode()
            p.stdin.write(struct.pack("=I", len(body)) + body)
            p.stdin.flush()
            size = struct.unpack("=I", p.stdout.read(4))[0]
            reply = json.loads(p.stdout.read(size))
            assert reply.get("ok"), reply
        elapsed = time.perf_counter() - start
        with open(f"/proc/{p.pid}/status") as f:
            hwm = next(int(l.split()[1]) for l in f if l.startswith("VmHWM:"))
        p.stdin.close()
        p.wait()
    return elapsed, hwm


host = sys.argv[1]
for label, notes in (("without notes (model never loaded)", False), ("with notes (model loaded)", True)):
    elapsed, hwm = run(host, notes)
    print(f"vigie-host, 2,000 invitation.received {label}: {elapsed * 1000 / 2000:.3f} ms/event, "
          f"peak RSS {hwm / 1024:.1f} MiB")
