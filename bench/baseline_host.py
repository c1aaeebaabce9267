#!/usr/bin/env python3
"""The stream baseline of bench/ledger: a native-messaging host written the
obvious way with Python's standard library. Per event: json.loads, one SQLite
insert, json.dumps of the reply. Like vigie-host it commits once per read from
stdin (WAL, synchronous=NORMAL) and replies after the commit, so both give the
same durability and the comparison measures the implementation, not fsync.

usage: baseline_host.py [caller]   (VIGIE_HOME = data folder)"""
import json
import os
import sqlite3
import struct
import sys
import time


def main():
    home = os.environ.get("VIGIE_HOME", ".")
    os.makedirs(home, exist_ok=True)
    db = sqlite3.connect(os.path.join(home, "baseline.db"), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY, type TEXT NOT NULL, "
               "profile_url TEXT, note TEXT, at INTEGER NOT NULL)")
    stdin = sys.stdin.buffer.raw
    out = sys.stdout.buffer
    buf = b""
    while True:
        chunk = stdin.read(1 << 20)
        if not chunk:
            break
        buf += chunk
        replies = []
        db.execute("BEGIN")
        while len(buf) >= 4:
            (n,) = struct.unpack_from("=I", buf)
            if len(buf) < 4 + n:
                break
            msg = json.loads(buf[4:4 + n])
            buf = buf[4 + n:]
            profile = msg.get("profile") or {}
            cur = db.execute("INSERT INTO events(type, profile_url, note, at) VALUES(?, ?, ?, ?)",
                             (msg.get("type"), profile.get("profile_url"), msg.get("note", ""),
                              msg.get("at", int(time.time() * 1000))))
            replies.append({"id": msg.get("id"), "ok": True, "result": {"invitation_id": cur.lastrowid}})
        db.execute("COMMIT")
        for r in replies:
            data = json.dumps(r).encode()
            out.write(struct.pack("=I", len(data)) + data)
        out.flush()


if __name__ == "__main__":
    main()
