#!/usr/bin/env python3
"""Baseline for bench/run: a native-messaging host written the obvious way
with Python's standard library, doing the same work as vigie-host for the
benchmarked messages: parse the JSON, `hello`, and `invitation.sent` (upsert
the person, insert a pending invitation) in SQLite with WAL, one transaction
per read from stdin, replies written after the commit. It is what a Python
host would cost; vigie-host is expected to beat it by the factors in
docs/BENCHMARKS.md.

usage: python_host.py   (VIGIE_HOME = data folder)"""
import json
import os
import sqlite3
import struct
import sys
import time

SCHEMA = """
CREATE TABLE IF NOT EXISTS people(id INTEGER PRIMARY KEY, network TEXT NOT NULL, profile_key TEXT NOT NULL,
  profile_url TEXT NOT NULL, name TEXT, first_seen_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL,
  UNIQUE(network, profile_key));
CREATE TABLE IF NOT EXISTS invitations(id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES people(id),
  network TEXT NOT NULL, direction TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS invitations_person ON invitations(person_id, direction, created_at);
"""


def profile_key(url):
    path = url.split("?", 1)[0].split("#", 1)[0]
    marker = "linkedin.com/in/"
    if marker not in path:
        raise ValueError("not a LinkedIn profile URL")
    return path.split(marker, 1)[1].strip("/").split("/")[0].lower()


def handle(db, req):
    kind = req.get("type")
    if kind == "hello":
        return {"host_version": "baseline", "protocol_version": 1, "schema_version": 1,
                "data_dir": os.environ.get("VIGIE_HOME", "")}
    if kind == "invitation.sent":
        p = req["profile"]
        key = profile_key(p["profile_url"])
        now = int(req.get("at") or time.time() * 1000)
        db.execute("INSERT INTO people(network, profile_key, profile_url, name, first_seen_at, last_seen_at) "
                   "VALUES(?,?,?,?,?,?) ON CONFLICT(network, profile_key) DO UPDATE SET last_seen_at=excluded.last_seen_at",
                   (p["network"], key, p["profile_url"], p.get("name"), now, now))
        (pid,) = db.execute("SELECT id FROM people WHERE network=? AND profile_key=?", (p["network"], key)).fetchone()
        row = db.execute("SELECT id FROM invitations WHERE person_id=? AND direction='sent' AND status='pending'", (pid,)).fetchone()
        if row:
            return {"invitation_id": row[0], "already_known": True}
        cur = db.execute("INSERT INTO invitations(person_id, network, direction, status, note, created_at, updated_at) "
                         "VALUES(?,?,'sent','pending',?,?,?)", (pid, p["network"], req.get("note", ""), now, now))
        return {"invitation_id": cur.lastrowid, "already_known": False}
    raise KeyError(kind)


def main():
    home = os.environ.get("VIGIE_HOME", ".")
    os.makedirs(home, mode=0o700, exist_ok=True)
    db = sqlite3.connect(os.path.join(home, "baseline.db"), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(SCHEMA)
    stdin, stdout = sys.stdin.buffer.raw, sys.stdout.buffer
    buf = b""
    while True:
        chunk = stdin.read(65536)
        if not chunk:
            return
        buf += chunk
        requests = []
        while len(buf) >= 4:
            (n,) = struct.unpack_from("=I", buf)
            if len(buf) < 4 + n:
                break
            requests.append(buf[4:4 + n])
            buf = buf[4 + n:]
        if not requests:
            continue
        replies = []
        db.execute("BEGIN IMMEDIATE")
        for body in requests:
            rid = None
            try:
                req = json.loads(body)
                rid = req.get("id")
                db.execute("SAVEPOINT request")
                try:
                    result = handle(db, req)
                    db.execute("RELEASE request")
                except Exception:
                    db.execute("ROLLBACK TO request")
                    db.execute("RELEASE request")
                    raise
                replies.append({"id": rid, "ok": True, "result": result})
            except Exception as e:
                replies.append({"id": rid, "ok": False, "error": {"code": "bad_request", "message": str(e)}})
        db.execute("COMMIT")
        out = bytearray()
        for r in replies:
            data = json.dumps(r).encode()
            out += struct.pack("=I", len(data)) + data
        stdout.write(out)
        stdout.flush()


if __name__ == "__main__":
    main()
