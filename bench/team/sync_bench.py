#!/usr/bin/env python3
"""bench/team, the server side: a PostgreSQL started here (tests/team/pglib.py),
then with `vigie team sync` as members run it:
  push   100,000 events from one member's outbox, events per second
  pull   those 100,000 at another member, events per second
  first  a new member's first full pull of 1,000,000 shared rows (1,000 members), seconds
  scale  the server at 10,000,000 shared rows: its size on disk, a member's push of 1,000 events,
         and the pull query of a member 1,000 changes behind (docs/TEAM.md, "Scale")
usage: sync_bench.py CLI [--events N] [--shared N] [--scale N (0: skip)]"""
import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tests", "team"))
import pglib  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cli")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--shared", type=int, default=1_000_000)
    ap.add_argument("--scale", type=int, default=10_000_000)
    args = ap.parse_args()
    scratch = tempfile.mkdtemp(prefix="vigie-bench-team-")
    os.chmod(scratch, 0o755)
    pg = pglib.server(scratch)
    try:
        def run(home, *argv):
            env = dict(os.environ, VIGIE_HOME=os.path.join(scratch, home), XDG_CONFIG_HOME=os.path.join(scratch, "xdg"))
            env.pop("VIGIE_NOW", None)
            t0 = time.monotonic()
            subprocess.run([args.cli, *argv], check=True, env=env, stdout=subprocess.DEVNULL)
            return time.monotonic() - t0

        out = subprocess.run([args.cli, "team", "init", pg.url()], check=True, capture_output=True, text=True,
                             env=dict(os.environ, VIGIE_HOME=os.path.join(scratch, "admin"))).stdout
        secret = next(l.split()[-1] for l in out.splitlines() if l.startswith("team secret:"))
        for home, name in (("a", "A"), ("b", "B")):
            run(home, "team", "join", pg.url(), "--secret", secret, "--name", name, "--no-service")
        # A's ledger gets its events as the host writes them: the triggers queue each one.
        con = sqlite3.connect(os.path.join(scratch, "a", "vigie.db"))
        now = int(time.time() * 1000)
        with con:
            con.executemany("INSERT INTO people(id, network, profile_key, profile_url, first_seen_at, last_seen_at) "
                            "VALUES (?, 'linkedin', ?, ?, ?, ?)",
                            ((i, "p-%d" % i, "https://www.linkedin.com/in/p-%d/" % i, now, now)
                             for i in range(1, args.events + 1)))
            con.executemany("INSERT INTO invitations(person_id, network, direction, status, created_at, updated_at) "
                            "VALUES (?, 'linkedin', 'sent', 'pending', ?, ?)",
                            ((i, now - i, now - i) for i in range(1, args.events + 1)))
        queued = con.execute("SELECT count(*) FROM team_outbox").fetchone()[0]
        con.close()
        assert queued == args.events, queued
        push_s = run("a", "team", "sync")
        print("team push: %d events in %.2f s, %.0f events/s" % (args.events, push_s, args.events / push_s))
        pull_s = run("b", "team", "sync")
        got = sqlite3.connect(os.path.join(scratch, "b", "vigie.db")).execute(
            "SELECT count(*) FROM team_invitations").fetchone()[0]
        assert got == args.events, got
        print("team pull: %d events in %.2f s, %.0f events/s" % (args.events, pull_s, args.events / pull_s))
        # 1,000,000 shared rows from 1,000 members, written on the server as pushes would.
        pg.psql("INSERT INTO vigie.members(member_id, display_name, seq) SELECT md5('m' || i), 'Rep ' || i, "
                "nextval('vigie.changes') FROM generate_series(1, 1000) i")
        pg.psql("INSERT INTO vigie.invitations(member_id, local_id, version, seq, key_hash, network, direction, status, "
                "created_at) SELECT md5('m' || (i %% 1000 + 1)), i, 1, nextval('vigie.changes'), md5(i::text) || "
                "md5((-i)::text), 'linkedin', 'sent', 'pending', %d - i FROM generate_series(1, %d) i"
                % (now, args.shared - args.events))
        pg.psql("ANALYZE")
        total = pg.scalar("SELECT count(*) FROM vigie.invitations")
        first_s = run("c", "team", "join", pg.url(), "--secret", secret, "--name", "C", "--no-service")
        got = sqlite3.connect(os.path.join(scratch, "c", "vigie.db")).execute(
            "SELECT count(*) FROM team_invitations").fetchone()[0]
        assert got == total, (got, total)
        print("team first full pull: %d rows in %.1f s (%.0f rows/s)" % (total, first_s, total / first_s))
        if args.scale > total:
            pg.psql("INSERT INTO vigie.invitations(member_id, local_id, version, seq, key_hash, network, direction, "
                    "status, created_at) SELECT md5('m' || (i %% 1000 + 1)), i, 1, nextval('vigie.changes'), "
                    "md5(i::text) || md5((-i)::text), 'linkedin', 'sent', 'pending', %d - i "
                    "FROM generate_series(%d, %d) i" % (now, args.shared, args.shared + args.scale - total - 1))
            pg.psql("VACUUM ANALYZE vigie.invitations")
            rows = pg.scalar("SELECT count(*) FROM vigie.invitations")
            size = pg.scalar("SELECT pg_total_relation_size('vigie.invitations')")
            con = sqlite3.connect(os.path.join(scratch, "a", "vigie.db"))
            with con:
                # A is at the tip, as after its full pull (timed above for 1,000,000 rows): its cursor is
                # the server's last change, so the sync below times the push and the pull of A's own 1,000.
                con.execute("UPDATE team_membership SET invitations_cursor = ?",
                            (pg.scalar("SELECT max(seq) FROM vigie.invitations"),))
                base = args.events + 1
                con.executemany("INSERT INTO people(id, network, profile_key, profile_url, first_seen_at, "
                                "last_seen_at) VALUES (?, 'linkedin', ?, ?, ?, ?)",
                                ((i, "q-%d" % i, "https://www.linkedin.com/in/q-%d/" % i, now, now)
                                 for i in range(base, base + 1000)))
                con.executemany("INSERT INTO invitations(person_id, network, direction, status, created_at, "
                                "updated_at) VALUES (?, 'linkedin', 'sent', 'pending', ?, ?)",
                                ((i, now, now) for i in range(base, base + 1000)))
            con.close()
            push_s = run("a", "team", "sync")  # pushes 1,000, pulls them back (and nothing else: A is at the tip)
            top = pg.scalar("SELECT max(seq) FROM vigie.invitations")
            plan = pg.psql("EXPLAIN (ANALYZE, FORMAT JSON) SELECT seq, member_id, local_id, erased, key_hash, "
                           "network, direction, status, created_at, decided_at, name FROM vigie.invitations "
                           "WHERE seq > %d ORDER BY seq LIMIT 50000" % (top - 1000))
            import json as _json
            pull_ms = _json.loads(plan)[0]["Execution Time"]
            print("team scale: %d rows on the server, %.2f GB with indexes; a push of 1,000 events (and its pull) "
                  "in %.0f ms; the pull query 1,000 changes behind in %.2f ms"
                  % (rows, size / 1e9, push_s * 1000, pull_ms))
    finally:
        pg.destroy()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
