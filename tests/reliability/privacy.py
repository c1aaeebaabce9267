"""Issue 7.6, the privacy proof: a full host session and the CLI commands run
under `strace -f -e trace=network`; any socket-family system call (socket,
socketpair, connect, bind, listen, accept, send*/recv*) fails the test. And
the data folder is 0700 with every file 0600, even under a permissive umask."""
import os
import re
import shutil
import stat
import subprocess
import tempfile

from hostlib import CALLER, frame, sent_event, split_frames

NETWORK_CALL = re.compile(r"\b(socket|socketpair|connect|bind|listen|accept4?|sendto|sendmsg|sendmmsg|recvfrom|recvmsg|"
                          r"recvmmsg|getsockname|getpeername|setsockopt|getsockopt|shutdown)\(")


def run(s):
    if not shutil.which("strace"):
        s.case("privacy: strace is installed", lambda: (_ for _ in ()).throw(AssertionError("strace missing")))
        return
    s.case("privacy: strace sees its own probe (the tracer works)", tracer_works)
    home = s.home("privacy")
    s.case("privacy: a full host session opens no socket", host_session, s.args.host, home)
    s.case("privacy: CLI commands open no socket", cli_session, s.args.cli, home)
    s.case("privacy: data folder 0700, files 0600 under umask 022 (host)", permissions, s.args.host, None, s.home("perm-host"))
    s.case("privacy: data folder 0700, files 0600 under umask 022 (CLI first)", permissions, s.args.host, s.args.cli,
           s.home("perm-cli"))


def traced(argv, stdin=b"", env=None):
    # LeakSanitizer cannot run under ptrace; a sanitized build is otherwise unaffected.
    env = dict(env if env is not None else os.environ)
    env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":")
    with tempfile.NamedTemporaryFile(prefix="vigie-strace-", suffix=".txt", delete=False) as t:
        trace = t.name
    try:
        p = subprocess.run(["strace", "-f", "-qq", "-e", "trace=network", "-o", trace, *argv], input=stdin,
                           capture_output=True, env=env, timeout=300)
        with open(trace, errors="replace") as f:
            calls = [l.strip() for l in f if NETWORK_CALL.search(l)]
        return p, calls
    finally:
        os.unlink(trace)


def tracer_works():
    # Without this, a broken strace (no ptrace permission) would make the
    # real checks pass vacuously.
    p, calls = traced(["python3", "-c", "import socket; socket.socket().close()"])
    assert p.returncode == 0, p.stderr[-300:]
    assert any(c.split("(")[0].endswith("socket") for c in calls), "strace did not report a socket(): %s" % calls


def host_session(host, home):
    env = dict(os.environ, VIGIE_HOME=home)
    requests = [{"id": 0, "type": "hello"}]
    requests += [sent_event("priv-%d" % i, i + 1, "note %d" % i) for i in range(50)]
    requests += [{"id": 100, "type": "profile.seen", "profile": {"network": "linkedin", "profile_url": "https://www.linkedin.com/in/priv-0/", "name": "P"}},
                 {"id": 101, "type": "invitation.check", "network": "linkedin", "profile_url": "https://www.linkedin.com/in/new/"},
                 {"id": 102, "type": "stats.get"}, {"id": 103, "type": "invitations.list", "limit": 10},
                 {"id": 104, "type": "person.get", "profile_url": "https://www.linkedin.com/in/priv-1/"},
                 {"id": 105, "type": "settings.set", "settings": {"badges": False}},
                 {"id": 106, "type": "drift.report", "page_kind": "profile", "url": "https://www.linkedin.com/in/x/"},
                 {"id": 107, "type": "person.forget", "profile_url": "https://www.linkedin.com/in/priv-2/"}]
    p, calls = traced([host, CALLER], b"".join(frame(r) for r in requests), env)
    replies, rest = split_frames(p.stdout)
    assert p.returncode == 0 and len(replies) == len(requests) and not rest, (p.returncode, len(replies), p.stderr[-300:])
    failed = [r for r in replies if not r["ok"]]
    assert not failed, "the session itself failed: %s" % failed[:2]
    assert not calls, "vigie-host made network calls: %s" % calls[:5]
    return "%d requests, 0 network calls" % len(requests)


def cli_session(cli, home):
    env = dict(os.environ, VIGIE_HOME=home)
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "Invitations.csv"), "w") as f:
            f.write("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n"
                    'Me,Bob,"11/20/26, 9:15 AM",hi,OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/bob\r\n')
        commands = [["--version"], ["stats"], ["list"], ["limits"], ["import", "linkedin-export", d], ["export", "-o", os.path.join(d, "out.csv")],
                    ["forget", "https://www.linkedin.com/in/bob/"], ["purge", "--older-than", "3650"], ["doctor"]]
        seen = []
        for argv in commands:
            p, calls = traced([cli, *argv], b"", env)
            assert p.returncode >= 0, "vigie %s killed by signal" % argv
            assert not calls, "vigie %s made network calls: %s" % (" ".join(argv), calls[:5])
            seen.append("%s=%d" % (argv[0], p.returncode))
        p, calls = traced([cli, "assess"], b'{"network":"linkedin","profile_url":"https://www.linkedin.com/in/a/"}\n', env)
        assert not calls, "vigie assess made network calls: %s" % calls[:5]
        seen.append("assess=%d" % p.returncode)
    return "exit codes " + " ".join(seen)


def permissions(host, cli, home):
    parent = os.path.dirname(home)
    old = os.umask(0o022)
    try:
        env = dict(os.environ, VIGIE_HOME=home)
        if cli:
            subprocess.run([cli, "stats"], env=env, capture_output=True, timeout=60)
        p = subprocess.run([host, CALLER], input=frame(sent_event("perm", 1)) + frame({"id": 2, "type": "hello"}),
                           capture_output=True, env=env, timeout=60)
        assert p.returncode == 0, p.stderr[-300:]
    finally:
        os.umask(old)
    bad = []
    entries = 0
    for dirpath, dirnames, filenames in os.walk(home):
        for name in [dirpath] + [os.path.join(dirpath, f) for f in filenames]:
            mode = stat.S_IMODE(os.lstat(name).st_mode)
            want = 0o700 if os.path.isdir(name) else 0o600
            entries += 1
            if mode != want:
                bad.append("%s %o (want %o)" % (os.path.relpath(name, parent), mode, want))
    assert os.path.exists(os.path.join(home, "vigie.db")), "no database created"
    assert not bad, "; ".join(bad)
    return "%d entries checked" % entries
