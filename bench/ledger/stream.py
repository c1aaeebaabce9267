#!/usr/bin/env python3
"""10,000 invitation.sent events through vigie-host and through
bench/baseline_host.py, in this run. Frames are written in 256 KiB chunks so
each read the host makes carries many requests (one transaction per read).
usage: stream.py <vigie-host> <baseline_host.py> [events]"""
import json
import os
import struct
import subprocess
import sys
import tempfile
import threading
import time

CALLER = "chrome-extension://ljoiecjnkljfndkmifhjcdikneabbejl/"


def frames(n):
    out = []
    for i in range(n):
        data = json.dumps({"id": i, "type": "invitation.sent",
                           "profile": {"network": "linkedin", "profile_url": "https://www.linkedin.com/in/stream-%d/" % i,
                                       "name": "Stream %d" % i},
                           "note": "" if i % 3 else "Bonjour, ravi d'échanger"}).encode()
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
    host, baseline = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    payload = frames(n)
    tv, gv, okv = run([host, CALLER], payload, n)
    tp, gp, okp = run([sys.executable, baseline, CALLER], payload, n)
    print("stream vigie-host: %d events (%d ok) in %.1f ms = %.0f events/s" % (gv, okv, tv * 1000, gv / tv))
    print("stream python baseline: %d events (%d ok) in %.1f ms = %.0f events/s" % (gp, okp, tp * 1000, gp / tp))
    print("stream ratio: vigie-host is %.1fx the baseline (target >= 5x)" % ((gv / tv) / (gp / tp)))
    return 0 if okv == n and okp == n else 1


if __name__ == "__main__":
    sys.exit(main())
