#!/usr/bin/env python3
"""Teams on a real PostgreSQL (issue 16, docs/TEAM.md), driven by
tests/stages/team.sh: a server started here in a temporary directory, 20
member processes each with its own VIGIE_HOME sending through vigie-host and
syncing with `vigie team sync --watch` at once; the server killed and
restarted during sync; sync processes killed mid-push; a member offline for a
day; clocks skewed by minutes; leave and forget; the check's team reasons.
Prints one PASS/FAIL line per case and ends with `vigie-suite: N passed, M failed`.

usage: run.py --host PATH --cli PATH [--only NAME] [--members N] [--sends N]
"""
import argparse
import datetime
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.join(here, "..", "reliability"))
import hostlib  # noqa: E402
import pglib  # noqa: E402


def iso(offset_s=0.0):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=offset_s)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


class member:
    """One rep: a data folder, a display name, an optional clock offset (VIGIE_NOW)."""

    def __init__(self, t, name, offset_s=None):
        self.t = t
        self.name = name
        self.home = os.path.join(t.scratch, "home-" + name)
        self.offset_s = offset_s
        self.watch = None

    def env(self, extra=None):
        env = hostlib.host_env(self.home)
        env["XDG_CONFIG_HOME"] = os.path.join(self.home, "xdg")
        if self.offset_s is not None:
            env["VIGIE_NOW"] = iso(self.offset_s)
        if extra:
            env.update(extra)
        return env

    def cli(self, *args, check=True, env=None, timeout=300):
        r = subprocess.run([self.t.args.cli, *args], capture_output=True, text=True, env=self.env(env),
                           timeout=timeout)
        if check and r.returncode != 0:
            raise AssertionError("vigie %s (%s): exit %d: %s%s" % (" ".join(args[:2]), self.name, r.returncode,
                                                                  r.stdout, r.stderr))
        return r

    def join(self, url=None, extra=()):
        return self.cli("team", "join", url or self.t.pg.url(), "--secret", self.t.secret, "--name", self.name,
                        "--no-service", *extra)

    def host(self, requests):
        frames = b"".join(hostlib.frame(dict(r, id=i + 1)) for i, r in enumerate(requests))
        rc, out, err = hostlib.run_host(self.t.args.host, self.home, frames, env=self.env())
        replies, _ = hostlib.split_frames(out)
        bad = [r for r in replies if not r.get("ok")]
        assert rc == 0 and not bad, "host (%s): exit %d %r %s" % (self.name, rc, bad[:2], err[-300:])
        return replies

    def send(self, slugs, note="", name=None):
        profile = lambda s: dict({"network": "linkedin", "profile_url": url_of(s)}, **({"name": name} if name else {}))
        return self.host([{"type": "invitation.sent", "at": ms(self.offset_s), "profile": profile(s), "note": note}
                          for s in slugs])

    def check(self, slug):
        r = self.host([{"type": "invitation.check", "network": "linkedin", "profile_url": url_of(slug)}])[0]
        return r["result"]

    def start_watch(self, interval=1):
        log = open(os.path.join(self.t.scratch, "sync-%s.log" % self.name), "ab")
        self.watch = subprocess.Popen([self.t.args.cli, "team", "sync", "--watch", "--interval", str(interval)],
                                      stdout=log, stderr=log, env=self.env())

    def stop_watch(self, sig=signal.SIGTERM):
        if self.watch:
            self.watch.send_signal(sig)
            try:
                self.watch.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.watch.kill()
                self.watch.wait()
            self.watch = None

    def q(self, sql, args=()):
        return hostlib.query(self.home, sql, args)

    def q_write(self, sql, args=()):
        con = hostlib.sqlite3.connect(hostlib.db_path(self.home), timeout=30)
        with con:
            con.execute(sql, args)
        con.close()

    def member_id(self):
        return self.q("SELECT member_id FROM team_membership")[0][0]

    def local_sent(self):
        return self.q("SELECT count(*) FROM invitations WHERE direction = 'sent'")[0][0]

    def team_rows_of_others(self):
        return self.q("SELECT count(*) FROM team_invitations WHERE member_id <> (SELECT member_id FROM team_membership)")[0][0]


def ms(offset_s=0.0):
    return int((time.time() + (offset_s or 0)) * 1000)


def url_of(slug):
    return "https://www.linkedin.com/in/%s/" % slug


def reason(result, code):
    return next((r for r in result["reasons"] if r["code"] == code), None)


def wait_for(what, fn, timeout=120, step=0.2):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = fn()
        if last is True:
            return
        time.sleep(step)
    raise AssertionError("timed out waiting for %s (last: %r)" % (what, last))


class suite:
    def __init__(self, args):
        self.args = args
        self.passed = self.failed = 0
        self.scratch = tempfile.mkdtemp(prefix="vigie-team-")
        os.chmod(self.scratch, 0o755)
        self.pg = pglib.server(self.scratch)
        self.secret = None
        self.members = []

    def case(self, name, fn):
        if self.args.only and name not in self.args.only:
            return
        start = time.monotonic()
        try:
            detail = fn()
            self.passed += 1
            print("PASS %s (%.1f s)%s" % (name, time.monotonic() - start, ": " + detail if detail else ""), flush=True)
        except Exception as e:  # one failing case must not hide the others
            self.failed += 1
            print("FAIL %s (%.1f s): %s" % (name, time.monotonic() - start, e), flush=True)
            if not isinstance(e, AssertionError):
                traceback.print_exc()

    def server_total(self):
        return self.pg.scalar("SELECT count(*) FROM vigie.invitations WHERE NOT erased")

    def converged(self, expected):
        """Every member's copy holds the others' rows, and the server every row once."""
        total = self.server_total()
        if total != expected:
            return "server has %d of %d" % (total, expected)
        for m in self.members:
            mine = m.local_sent()
            others = m.team_rows_of_others()
            if others != expected - mine:
                return "%s sees %d of %d" % (m.name, others, expected - mine)
        return True

    def close(self):
        for m in self.members:
            m.stop_watch()
        self.pg.destroy()
        shutil.rmtree(self.scratch, ignore_errors=True)


# ---------------------------------------------------------------------------------------------------------
def case_init_and_join(t):
    admin = member(t, "admin")
    r = admin.cli("team", "join", t.pg.url(), "--secret", "a" * 64, "--name", "x", "--no-service", check=False)
    assert r.returncode != 0 and "no Vigie team" in r.stderr, r.stderr
    r = admin.cli("team", "init", t.pg.url(), "--grant", "rep_pw")
    assert "v0 -> v1" in r.stdout, r.stdout
    t.secret = next(l.split()[-1] for l in r.stdout.splitlines() if l.startswith("team secret:"))
    assert len(t.secret) == 64
    r = admin.cli("team", "init", t.pg.url())
    assert "up to date" in r.stdout and "team secret" not in r.stdout, r.stdout
    assert "NOTICE" not in r.stderr, r.stderr
    assert t.pg.scalar("SELECT count(*) FROM vigie.schema_version") == 1
    # The secret never reaches the server.
    assert t.secret not in t.pg.psql("SELECT string_agg(value, ' ') FROM vigie.settings")
    r = admin.cli("team", "join", t.pg.url(), "--secret", "b" * 64, "--name", "x", "--no-service", check=False)
    assert r.returncode == 2 and "wrong team secret" in r.stderr, r.stderr
    r = admin.cli("team", "join", t.pg.url(), "--secret", "not-hex", "--name", "x", "--no-service", check=False)
    assert r.returncode == 2 and "64 lowercase hex" in r.stderr, r.stderr
    # A login with a password: none given, no terminal -> a clear error; PGPASSWORD -> joins; never stored.
    pw = member(t, "pw")
    r = pw.cli("team", "join", t.pg.url("rep_pw"), "--secret", t.secret, "--name", "Pw", "--no-service",
               check=False)
    assert r.returncode == 1 and "PGPASSWORD" in r.stderr, r.stderr
    pw.cli("team", "join", t.pg.url("rep_pw"), "--secret", t.secret, "--name", "Pw", "--no-service",
           env={"PGPASSWORD": "S3cret-pw"})
    url_with_pw = "postgresql://rep_pw:S3cret-pw@/team?host=%s&port=%d&sslmode=disable" % (t.pg.sock, t.pg.port)
    pw2 = member(t, "pw2")
    r = pw2.cli("team", "join", url_with_pw, "--secret", t.secret, "--name", "Pw2", "--no-service")
    assert "not stored" in r.stderr, r.stderr
    for m in (pw, pw2):
        conninfo = m.q("SELECT conninfo FROM team_membership")[0][0]
        assert "S3cret" not in conninfo and "password" not in conninfo, conninfo
        for f in os.listdir(m.home):
            if f.startswith("vigie.db"):
                with open(os.path.join(m.home, f), "rb") as fh:
                    assert b"S3cret-pw" not in fh.read(), f
    # TLS with certificate checks unless the URL says otherwise: this server has no TLS, so over TCP
    # a URL without sslmode is refused, and only an explicit sslmode=disable goes through.
    m = member(t, "tls")
    tcp = "host=127.0.0.1 port=%d dbname=team user=postgres" % t.pg.port
    r = m.cli("team", "join", tcp, "--secret", t.secret, "--name", "T", "--no-service", check=False)
    assert r.returncode == 1 and "could not reach" in r.stderr and "SSL" in r.stderr, r.stderr
    r = m.cli("team", "status")
    assert "not in a team" in r.stdout
    m.cli("team", "join", tcp + " sslmode=disable", "--secret", t.secret, "--name", "T", "--no-service")
    m.cli("team", "leave")
    r = m.cli("team", "join", "host=127.0.0.1 port=1 dbname=team user=x sslmode=disable", "--secret", t.secret,
              "--name", "T", "--no-service", check=False)
    assert r.returncode == 1 and "could not reach" in r.stderr, r.stderr
    for m in (pw, pw2):
        m.cli("team", "leave", env={"PGPASSWORD": "S3cret-pw"})
    # The service file: written by join, removed by leave (systemd may be absent here).
    svc = member(t, "svc")
    svc.cli("team", "join", t.pg.url(), "--secret", t.secret, "--name", "Svc")
    unit = os.path.join(svc.home, "xdg", "systemd", "user", "vigie-team-sync.service")
    with open(unit) as f:
        assert "team sync --watch" in f.read()
    svc.cli("team", "leave")
    assert not os.path.exists(unit)
    return "init twice (v1 once), wrong/ill-formed secret refused, password from PGPASSWORD or URL never stored"


def case_twenty_members(t):
    n, k = t.args.members, t.args.sends
    # Clocks skewed by up to ±7 minutes: the server orders by its own change numbers, never by members' clocks.
    offsets = [None] * n
    for i in range(0, n, 4):
        offsets[i] = (-420 if i % 8 == 0 else 420)
    t.members = [member(t, "rep%02d" % i, offsets[i]) for i in range(n)]
    for m in t.members:
        m.join()
    for m in t.members:
        m.start_watch()
    # Everyone sends at once: k invitations each; every fifth person is also invited by the next rep.
    procs = []
    import threading
    errors = []

    def send(i, m):
        try:
            slugs = ["p-%02d-%03d" % (i, j) for j in range(k)]
            slugs += ["p-%02d-%03d" % ((i - 1) % n, j) for j in range(0, k, 5)]
            for c in range(0, len(slugs), 10):
                m.send(slugs[c:c + 10])
        except Exception as e:  # noqa
            errors.append("%s: %s" % (m.name, e))

    for i, m in enumerate(t.members):
        th = threading.Thread(target=send, args=(i, m))
        th.start()
        procs.append(th)
    for th in procs:
        th.join()
    assert not errors, errors[:3]
    expected = sum(m.local_sent() for m in t.members)
    assert expected == n * (k + (k + 4) // 5), expected
    wait_for("every member to see every other's sends", lambda: t.converged(expected), timeout=180)
    dupes = t.pg.scalar("SELECT count(*) - count(DISTINCT (member_id, local_id)) FROM vigie.invitations")
    assert dupes == 0
    per_member = t.pg.psql("SELECT min(c) || ' ' || max(c) FROM (SELECT count(*) c FROM vigie.invitations "
                           "GROUP BY member_id) x")
    assert per_member == "%d %d" % (k + (k + 4) // 5, k + (k + 4) // 5), per_member
    assert t.pg.scalar("SELECT count(*) FROM vigie.invitations WHERE name IS NOT NULL OR note IS NOT NULL") == 0
    # Visibility: one send by rep00, seen by rep19's check.
    probe = "latency-probe"
    start = time.monotonic()
    t.members[0].send([probe])
    last = t.members[-1]
    wait_for("the probe in the last member's copy", lambda: last.check(probe)["reasons"] and
             reason(last.check(probe), "team_pending") is not None, timeout=30, step=0.1)
    latency = time.monotonic() - start
    assert latency < 10, latency
    r = reason(last.check(probe), "team_pending")
    assert r["who"] == "rep00" and r["verdict"] == "caution" and r["since"] > 0, r
    return "%d members x %d sends (+ shared people): %d rows, each once on the server and in every copy; " \
           "a send visible to another member's check in %.1f s" % (n, k, expected + 1, latency)


def case_server_killed(t):
    assert t.members, "needs twenty_members"
    before = t.server_total()
    import threading
    errors = []

    def send(i, m):
        try:
            for c in range(4):
                m.send(["kill-%02d-%d-%d" % (i, c, j) for j in range(5)])
                time.sleep(0.3)
        except Exception as e:  # noqa
            errors.append(str(e))

    threads = [threading.Thread(target=send, args=(i, m)) for i, m in enumerate(t.members)]
    for th in threads:
        th.start()
    time.sleep(0.5)
    t.pg.kill()
    time.sleep(3)
    for th in threads:
        th.join()
    assert not errors, errors[:3]  # the host never depends on the server
    # A check while the server is down still answers, with the team's reasons from the local copy.
    r = t.members[-1].check("latency-probe")
    assert reason(r, "team_pending"), r
    t.pg.start()
    expected = before + len(t.members) * 20
    wait_for("catch-up after the restart", lambda: t.converged(expected), timeout=180)
    assert t.pg.scalar("SELECT count(*) - count(DISTINCT (member_id, local_id)) FROM vigie.invitations") == 0
    errors_seen = sum(1 for m in t.members if open(os.path.join(t.scratch, "sync-%s.log" % m.name)).read().count(
        "retrying"))
    return "server killed (immediate) mid-sync for 3 s: %d rows, none lost or doubled; %d sync processes " \
           "reported the outage and caught up" % (expected, errors_seen)


def case_sync_killed(t):
    assert t.members, "needs twenty_members"
    m = t.members[1]
    m.stop_watch()
    m.send(["crash-%05d" % j for j in range(30000)])
    mid = m.member_id()
    total = m.local_sent()
    kills, partial = 0, []
    for delay in (0.03, 0.06, 0.09, 0.12, 0.15, 0.2, 0.25, 0.3):
        p = subprocess.Popen([t.args.cli, "team", "sync"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env=m.env())
        time.sleep(delay)
        if p.poll() is None:
            p.kill()
            kills += 1
        p.wait()
        partial.append(t.pg.scalar("SELECT count(*) FROM vigie.invitations WHERE member_id = '%s'" % mid))
    # At least one kill must have cut a push halfway, or the case proves nothing.
    assert any(0 < n < total for n in partial), (partial, total)
    m.cli("team", "sync")
    mid = m.member_id()
    server = t.pg.scalar("SELECT count(*) FROM vigie.invitations WHERE member_id = '%s' AND NOT erased" % mid)
    assert server == m.local_sent(), (server, m.local_sent())
    assert m.q("SELECT count(*) FROM team_outbox")[0][0] == 0
    assert kills >= 3, kills
    m.start_watch()
    return "sync killed -9 %d times during a push of 30,000 (rows on the server after each kill: %s): the " \
           "server holds the member's %d rows once" % (kills, ", ".join(map(str, partial)), server)


def case_offline_day(t):
    assert t.members, "needs twenty_members"
    m = t.members[2]
    m.stop_watch()
    m.offset_s = 86400  # a day later, by this member's clock
    m.send(["offline-%d" % j for j in range(30)])
    t.members[3].send(["while-away-%d" % j for j in range(5)])
    time.sleep(2)
    assert m.q("SELECT count(*) FROM team_outbox")[0][0] == 30
    m.start_watch()
    expected = sum(x.local_sent() for x in t.members)
    wait_for("catch-up of the member back online", lambda: t.converged(expected), timeout=120)
    m.offset_s = None
    return "a member offline with 30 sends (clock a day ahead) caught up; the team's 5 meanwhile reached them"


def case_server_behind(t):
    """A server restored from a backup, or an asynchronous standby promoted, can be behind a member's cursors;
    two syncs of one member at once must not move a cursor back."""
    assert t.members, "needs twenty_members"
    m = t.members[10]
    m.stop_watch()
    m.q_write("UPDATE team_membership SET invitations_cursor = invitations_cursor + 1000000000")
    m.q_write("DELETE FROM team_invitations")
    m.cli("team", "sync")
    expected = sum(x.local_sent() for x in t.members)
    assert m.team_rows_of_others() == expected - m.local_sent(), (m.team_rows_of_others(), expected)
    procs = [subprocess.Popen([t.args.cli, "team", "sync"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env=m.env()) for _ in range(4)]
    errs = [p.communicate(timeout=120)[1] for p in procs]
    assert all(p.returncode == 0 for p in procs), errs
    m.start_watch()
    wait_for("convergence", lambda: t.converged(expected), timeout=60)
    return "a member whose cursor was past the server's last change pulled the team again and pushed its rows " \
           "again (no doubles); 4 syncs of one member at once ended consistent"


def case_team_reasons(t):
    assert t.members, "needs twenty_members"
    a, b = t.members[4], t.members[5]
    a.host([{"type": "invitation.sent", "at": ms(a.offset_s),
             "profile": {"network": "linkedin", "profile_url": url_of("reason-withdrawn")}, "note": ""},
            {"type": "invitation.withdrawn", "profile": {"network": "linkedin", "profile_url": url_of("reason-withdrawn")}},
            {"type": "invitation.sent", "at": ms(a.offset_s),
             "profile": {"network": "linkedin", "profile_url": url_of("reason-connected")}, "note": ""},
            {"type": "connection.seen", "profile": {"network": "linkedin", "profile_url": url_of("reason-connected"),
                                                     "degree": 1}},
            {"type": "profile.seen", "profile": {"network": "linkedin", "profile_url": url_of("reason-fake"),
                                                  "name": "Faux Profil"}},
            {"type": "person.mark", "profile_url": url_of("reason-fake"), "verdict": "fake"}])

    def b_sees():
        results = {s: b.check(s) for s in ("reason-withdrawn", "reason-connected", "reason-fake")}
        got = (reason(results["reason-withdrawn"], "team_recent_withdrawal"),
               reason(results["reason-connected"], "team_connected"), reason(results["reason-fake"], "team_fake"))
        return True if all(got) else got

    wait_for("the team reasons at the other member", b_sees, timeout=30)
    r = reason(b.check("reason-withdrawn"), "team_recent_withdrawal")
    assert r["verdict"] == "stop" and r["who"] == a.name and r["limit"] == 21, r
    assert b.check("reason-withdrawn")["verdict"] == "stop"
    assert reason(b.check("reason-connected"), "team_connected")["verdict"] == "caution"
    assert reason(b.check("reason-fake"), "team_fake")["who"] == a.name
    # The team changes a verdict: members follow within a sync.
    a.cli("team", "set", "verdict.team_connected", "stop")
    wait_for("the team's new verdict", lambda: reason(b.check("reason-connected"), "team_connected")["verdict"] == "stop",
             timeout=30)
    # An admin who is not a member sets it with --url; a member role without the admin's rights cannot.
    admin = member(t, "admin")
    admin.cli("team", "set", "--url", t.pg.url(), "verdict.team_fake", "caution")
    wait_for("the admin's verdict", lambda: reason(b.check("reason-fake"), "team_fake")["verdict"] == "caution",
             timeout=30)
    admin.cli("team", "set", "--url", t.pg.url(), "verdict.team_fake", "stop")
    r = admin.cli("team", "set", "--url", t.pg.url("rep_pw"), "share.notes", "on", check=False,
                  env={"PGPASSWORD": "S3cret-pw"})
    assert r.returncode == 1 and "permission denied" in r.stderr, r.stderr
    r = a.cli("team", "set", "verdict.team_connected", "maybe", check=False)
    assert r.returncode == 2 and "caution|stop" in r.stderr, r.stderr
    a.cli("team", "set", "verdict.team_connected", "caution")
    # The user's own invitations never come back as team reasons.
    assert not reason(a.check("reason-withdrawn"), "team_recent_withdrawal")
    # Names in clear only when the team says so.
    assert t.pg.scalar("SELECT count(*) FROM vigie.invitations WHERE name IS NOT NULL") == 0
    a.cli("team", "set", "share.names", "on")
    wait_for("the setting at a", lambda: a.q("SELECT value FROM team_settings WHERE key='share.names'") == [("on",)],
             timeout=30)
    a.send(["named-person"], name="Personne Nommée")
    wait_for("a shared name", lambda: t.pg.psql("SELECT string_agg(name, ',') FROM vigie.invitations "
                                                "WHERE name IS NOT NULL") == "Personne Nommée", timeout=30)
    wait_for("the name in b's copy", lambda: b.q("SELECT count(*) FROM team_invitations WHERE name = ?",
                                                 ("Personne Nommée",))[0][0] == 1, timeout=30)
    # A name the server's text cannot hold (a NUL) must not block the member's later rows.
    a.send(["nul-name"], name="Nul\u0000Name")
    a.send(["after-nul"], name="After Nul")
    wait_for("the rows after a NUL name", lambda: t.pg.psql(
        "SELECT string_agg(name, ',' ORDER BY name) FROM vigie.invitations WHERE name IN ('NulName', 'After Nul')")
        == "After Nul,NulName", timeout=30)
    a.cli("team", "set", "share.names", "off")
    # Turned off, the names are taken back from the server.
    wait_for("names taken back", lambda: t.pg.scalar(
        "SELECT count(*) FROM vigie.invitations WHERE name IS NOT NULL") == 0, timeout=60)
    # Forgetting a person erases what the team had of them.
    a.host([{"type": "person.forget", "profile_url": url_of("reason-connected")}])
    wait_for("the erasure at b", lambda: reason(b.check("reason-connected"), "team_connected") is None, timeout=30)
    return "team_recent_withdrawal (stop), team_connected, team_fake, team_pending at another member; a team " \
           "verdict changed and followed; names in clear only when set; forget erases on the server and in copies"


def case_leave(t):
    assert t.members, "needs twenty_members"
    m = t.members[6]
    mid = m.member_id()
    own = m.local_sent()
    assert t.pg.scalar("SELECT count(*) FROM vigie.invitations WHERE member_id = '%s'" % mid) == own
    # Leave while its sync service runs and the member keeps sending: nothing comes back afterwards.
    assert m.watch is not None
    m.send(["leave-%d" % j for j in range(50)])
    r = m.cli("team", "leave")
    assert "gone from the server" in r.stdout, r.stdout
    m.send(["after-leave-%d" % j for j in range(5)])
    time.sleep(3)
    m.stop_watch()
    own = m.local_sent()
    assert t.pg.scalar("SELECT count(*) FROM vigie.invitations WHERE member_id = '%s'" % mid) == 0
    assert t.pg.scalar("SELECT count(*) FROM vigie.verdicts WHERE member_id = '%s'" % mid) == 0
    assert t.pg.psql("SELECT display_name FROM vigie.members WHERE member_id = '%s'" % mid) == ""
    assert m.local_sent() == own  # the member's own ledger stays
    for table in ("team_membership", "team_outbox", "team_invitations", "team_verdicts", "team_members"):
        assert m.q("SELECT count(*) FROM " + table)[0][0] == 0, table
    other = t.members[7]
    wait_for("the others dropping the member's rows",
             lambda: other.q("SELECT count(*) FROM team_invitations WHERE member_id = ?", (mid,))[0][0] == 0,
             timeout=30)
    t.members.remove(m)
    r = m.cli("team", "sync", check=False)
    assert r.returncode == 3 and "not in a team" in r.stderr, r.stderr
    # An admin removes a member who could only leave locally (server unreachable then: --force).
    g = t.members[9]
    gid = g.member_id()
    g.stop_watch()
    g.q_write("UPDATE team_membership SET conninfo = 'host=/nonexistent sslmode=disable'")
    r = g.cli("team", "leave", check=False)
    assert r.returncode == 1 and "--force" in r.stderr, r.stderr
    r = g.cli("team", "leave", "--force")
    assert gid in r.stdout, r.stdout
    assert t.pg.scalar("SELECT count(*) FROM vigie.invitations WHERE member_id = '%s'" % gid) > 0
    member(t, "admin").cli("team", "remove-member", gid, "--url", t.pg.url())
    assert t.pg.scalar("SELECT count(*) FROM vigie.invitations WHERE member_id = '%s'" % gid) == 0
    t.members.remove(g)
    wait_for("the others dropping the removed member's rows",
             lambda: other.q("SELECT count(*) FROM team_invitations WHERE member_id = ?", (gid,))[0][0] == 0,
             timeout=30)
    return "leave, with its sync service running and sends after it, removed the member's %d rows from the " \
           "server and from the others' copies; an admin removed a member who had left with --force" % own


def case_host_opens_no_socket(t):
    assert t.members, "needs twenty_members"
    if not shutil.which("strace"):
        raise AssertionError("strace missing (tests/deps.sh installs it)")
    m = t.members[8]
    out = os.path.join(t.scratch, "strace.txt")
    frames = hostlib.frame({"id": 1, "type": "invitation.check", "network": "linkedin",
                            "profile_url": url_of("latency-probe")})
    p = subprocess.run(["strace", "-f", "-qq", "-e", "trace=socket,connect", "-o", out, t.args.host, hostlib.CALLER],
                       input=frames, capture_output=True, env=m.env(), timeout=60)
    replies, _ = hostlib.split_frames(p.stdout)
    assert replies and reason(replies[0]["result"], "team_pending"), replies
    calls = [l for l in open(out) if "socket(" in l or "connect(" in l]
    assert not calls, calls[:3]
    linked = subprocess.run(["ldd", t.args.host], capture_output=True, text=True).stdout
    assert "libpq" not in linked and "libssl" not in linked, linked
    return "a team member's host answered the team reasons with no socket() or connect(), and links no libpq"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", required=True)
    ap.add_argument("--cli", required=True)
    ap.add_argument("--only", action="append")
    ap.add_argument("--members", type=int, default=20)
    ap.add_argument("--sends", type=int, default=40)
    args = ap.parse_args()
    t = suite(args)
    try:
        t.case("init_and_join", lambda: case_init_and_join(t))
        t.case("twenty_members", lambda: case_twenty_members(t))
        t.case("server_killed", lambda: case_server_killed(t))
        t.case("sync_killed", lambda: case_sync_killed(t))
        t.case("offline_day", lambda: case_offline_day(t))
        t.case("server_behind", lambda: case_server_behind(t))
        t.case("team_reasons", lambda: case_team_reasons(t))
        t.case("leave", lambda: case_leave(t))
        t.case("host_opens_no_socket", lambda: case_host_opens_no_socket(t))
    finally:
        t.close()
    print("vigie-suite: %d passed, %d failed" % (t.passed, t.failed))
    return 0 if t.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
