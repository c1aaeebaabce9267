"""Issue 7.5: the bad-input catalogue of docs/BAD_INPUT.md, case by case.
Each host case sends raw bytes, closes stdin, then checks: the exit status,
that stdout is nothing but reply frames (no stray bytes), the exact reply
codes and ids, no sanitizer report, and that the database is intact (integrity
ok, the rows written before are unchanged). CLI cases check the exit code,
stderr naming the error, stdout empty on error, and the database intact."""
import json
import os
import struct
import subprocess
import tempfile
import time

from hostlib import frame, integrity, query, run_host, sent_event, split_frames

HELLO = {"id": "h", "type": "hello"}
MIB = 1024 * 1024
LI = "https://www.linkedin.com/in/%s/"


def raw(n, body=b""):
    return struct.pack("<I", n) + body


def profile(slug="someone", **extra):
    p = {"network": "linkedin", "profile_url": LI % slug}
    p.update(extra)
    return p


def nested(depth, open_="[", close="]"):
    return (open_ * depth + close * depth).encode()


def nested_objects(depth):
    return ('{"a":' * depth + "1" + "}" * depth).encode()


def hello_with(extra_json_bytes):
    return b'{"id":"h","type":"hello","x":' + extra_json_bytes + b"}"


# (id, what, bytes sent, expected replies [(code or "ok", id)], expected exit status)
def host_cases():
    c = []
    add = lambda *a: c.append(a)
    ok_h = ("ok", "h")
    add("F1", "length 0, then a hello", raw(0) + frame(HELLO), [("bad_json", None), ok_h], 0)
    add("F2", "length 3 ('abc'), then a hello", raw(3, b"abc") + frame(HELLO), [("bad_json", None), ok_h], 0)
    add("F3", "length 3 ('{} '): an object without type", raw(3, b"{} ") + frame(HELLO), [("bad_request", None), ok_h], 0)
    add("F4", "length 2^31 after a hello", frame(HELLO) + raw(2 ** 31, b"{}"), [ok_h, ("too_large", None)], 3)
    add("F5", "length 2^32-1", raw(2 ** 32 - 1) + frame(HELLO), [("too_large", None)], 3)
    add("F6", "length 64 MiB + 1", raw(64 * MIB + 1, b"{"), [("too_large", None)], 3)
    body = hello_with(b'""')
    body = hello_with(b'"' + b"a" * (64 * MIB - len(body)) + b'"')
    assert len(body) == 64 * MIB
    add("F7", "a frame of exactly 64 MiB (hello with a huge unknown field)", raw(len(body), body), [ok_h], 0)
    add("F8", "EOF inside a header (2 of 4 bytes)", frame(HELLO) + b"\x10\x00", [ok_h], 0)
    add("F9", "EOF inside a body (10 of 100 bytes)", frame(HELLO) + raw(100, b'{"id":1,"t'), [ok_h], 0)
    add("F10", "EOF between frames with nothing sent", b"", [], 0)
    add("J1", "invalid UTF-8 in a string", frame(b'{"id":1,"type":"hello","x":"\xff\xfe"}') + frame(HELLO), [("bad_json", None), ok_h], 0)
    add("J2", "overlong UTF-8 encoding of '/'", frame(b'{"id":1,"type":"hello","x":"\xc0\xaf"}'), [("bad_json", None)], 0)
    add("J3", "a lone surrogate escape \\ud800", frame(b'{"id":1,"type":"hello","x":"\\ud800"}'), [("bad_json", None)], 0)
    add("J4", "not JSON at all", frame(b"GET / HTTP/1.1\r\n\r\n") + frame(HELLO), [("bad_json", None), ok_h], 0)
    add("J5", "arrays nested 100,000 deep", frame(nested(100000)) + frame(HELLO), [("bad_json", None), ok_h], 0)
    add("J6", "objects nested 100,000 deep", frame(nested_objects(100000)) + frame(HELLO), [("bad_json", None), ok_h], 0)
    add("J7", "nesting 64 levels (the limit) is served", frame(hello_with(nested(63))), [ok_h], 0)
    add("J8", "nesting 65 levels is refused", frame(hello_with(nested(64))), [("bad_json", None)], 0)
    add("J9", "brackets inside strings do not count as nesting", frame(hello_with(b'"' + b"[" * 1000 + b'"')), [ok_h], 0)
    add("J10", "a number beyond double range (1e999)", frame(b'{"id":1,"type":"hello","x":1e999}') + frame(HELLO), [("bad_json", None), ok_h], 0)
    add("J11", "a JSON array", frame(b"[1,2]"), [("bad_request", None)], 0)
    add("J12", "a JSON string", frame(b'"hello"'), [("bad_request", None)], 0)
    add("J13", "a JSON number", frame(b"42"), [("bad_request", None)], 0)
    add("J14", "trailing garbage after the object", frame(b'{"id":1,"type":"hello"} x'), [("bad_json", None)], 0)
    add("J15", "duplicate keys (last one wins)", frame(b'{"id":1,"type":"nope","type":"hello"}'), [("ok", 1)], 0)
    add("R1", "no type", frame({"id": 5}), [("bad_request", 5)], 0)
    add("R2", "type is a number", frame({"id": 5, "type": 7}), [("bad_request", 5)], 0)
    add("R3", "id is an array", frame({"id": [1], "type": "hello"}), [("bad_request", None)], 0)
    add("R4", "id is an object", frame({"id": {"a": 1}, "type": "hello"}), [("bad_request", None)], 0)
    add("R5", "unknown type", frame({"id": 9, "type": "admin.drop_all"}), [("unknown_type", 9)], 0)
    add("R6", "unknown type with a NUL", frame({"id": 9, "type": "hello\u0000x"}), [("unknown_type", 9)], 0)
    add("R7", "type is the empty string", frame({"id": 9, "type": ""}), [("unknown_type", 9)], 0)
    add("R8", "a 16 MiB type name", frame({"id": 9, "type": "x" * (16 * MIB)}), [("unknown_type", 9)], 0)
    add("R9", "ids of every scalar kind are echoed", b"".join(frame({"id": i, "type": "hello"}) for i in ["s", 0, -1, 2 ** 63 - 1, True, None, 1.5]),
        [("ok", i) for i in ["s", 0, -1, 2 ** 63 - 1, True, None, 1.5]], 0)
    # Wrong types in every field of invitation.sent (and of the profile record).
    wrong = {"str": "x", "int": 1, "float": 1.5, "bool": True, "array": [], "object": {}}
    fields = {"profile": "object", "note": "str", "at": "int"}
    n = 0
    for field, good in fields.items():
        for kind, value in wrong.items():
            if kind == good or (good == "int" and kind == "float"):
                continue
            ev = sent_event("wt-%d" % n, n)
            ev[field] = value
            n += 1
            add("T%d" % n, "invitation.sent with %s = %s" % (field, kind), frame(ev), [("bad_request", ev["id"])], 0)
    profile_fields = {"network": "str", "profile_url": "str", "name": "str", "headline": "str", "location": "str",
                      "about": "str", "has_photo": "bool", "connections": "int", "connections_plus": "bool",
                      "followers": "int", "experience_count": "int", "education_count": "int", "skills_count": "int",
                      "current_title": "str", "current_company": "str", "degree": "int",
                      "invitation_message": "str", "account_age_days": "int", "verified": "bool"}
    for field, good in profile_fields.items():
        for kind, value in wrong.items():
            if kind == good:
                continue
            ev = sent_event("wt-%d" % n, n)
            ev["profile"][field] = value
            n += 1
            add("T%d" % n, "invitation.sent with profile.%s = %s" % (field, kind), frame(ev), [("bad_request", ev["id"])], 0)
    for field in ("network", "profile_url"):
        ev = sent_event("wt-%d" % n, n)
        del ev["profile"][field]
        n += 1
        add("T%d" % n, "invitation.sent without profile.%s" % field, frame(ev), [("bad_request", ev["id"])], 0)
    ev = sent_event("x", 1)
    ev["at"] = 1e300
    add("T%d" % (n + 1), "invitation.sent with at = 1e300 (float beyond int64)", frame(ev), [("bad_request", 1)], 0)
    ev = sent_event("x", 1)
    ev["at"] = -5
    add("T%d" % (n + 2), "invitation.sent with a negative at", frame(ev), [("bad_request", 1)], 0)
    ev = sent_event("x", 1)
    ev["profile"]["degree"] = 7
    add("T%d" % (n + 3), "profile.degree out of 1..3", frame(ev), [("bad_request", 1)], 0)
    ev = sent_event("x", 1)
    ev["profile"]["network"] = "myspace"
    add("T%d" % (n + 4), "unknown network", frame(ev), [("bad_request", 1)], 0)
    # fuzz_dispatcher, 2026-12-06: without a profile_url nothing else refused the network.
    ev = {"id": 10, "type": "invitation.check", "network": "link.linkedin.com/in/eve/", "note": "n"}
    add("T%d" % (n + 5), "invitation.check without profile_url, unknown network", frame(ev), [("bad_request", 10)], 0)
    # Profile URLs of other sites (or of the other network).
    others = ["https://evil.example.com/in/ada/", "https://www.linkedin.com.evil.example/in/ada/",
              "https://evil.example/?u=https://www.linkedin.com/in/ada/", "javascript:alert(1)//www.linkedin.com/in/ada/",
              "https://www.linkedin.com/company/acme/", "https://www.viadeo.com/fr/profile/ada", "file:///etc/passwd",
              "https://www.linkedin.com/in/", "", "https://user:pw@www.linkedin.com.evil.example/in/ada/"]
    for i, url in enumerate(others):
        ev = {"id": i, "type": "invitation.sent", "profile": {"network": "linkedin", "profile_url": url}, "note": ""}
        add("U%d" % (i + 1), "linkedin profile_url %r" % url, frame(ev), [("bad_request", i)], 0)
    add("U%d" % (len(others) + 1), "viadeo network with a LinkedIn URL",
        frame({"id": 1, "type": "profile.seen", "profile": {"network": "viadeo", "profile_url": LI % "ada"}}), [("bad_request", 1)], 0)
    # Issue 11: URLs as a browser reads them.
    browser_tricks = ["https://evil.com\\@www.linkedin.com/in/x/", "https://www.linkedin.com@evil.com/in/x/",
                      "https://user:pw@www.linkedin.com/in/x/", "https://www.linkedin.com:8443/in/x/",
                      "https://www.linked%69n.com/in/x/", "https://www.linkedin.com/x/../in/x/"]
    for i, url in enumerate(browser_tricks):
        ev = {"id": i, "type": "invitation.sent", "profile": {"network": "linkedin", "profile_url": url}, "note": ""}
        add("U%d" % (len(others) + 2 + i), "linkedin profile_url %r (a browser would not open LinkedIn's /in/x/)" % url,
            frame(ev), [("bad_request", i)], 0)
    # Issue 11: NUL bytes, value counts, bounds on numbers and text.
    add("J16", "a NUL byte after the object, then garbage", frame(b'{"id":1,"type":"hello"}\x00garbage') + frame(HELLO),
        [("bad_json", None), ok_h], 0)
    tiny = b'{"id":"t","type":"hello","x":[' + b"0," * (30 * MIB - 1) + b"0]}"  # 60 MiB, 30 million values
    add("J17", "60 MB of tiny values (a million values is the limit)", raw(len(tiny), tiny) + frame(HELLO),
        [("too_large", None), ok_h], 0)
    now = int(time.time() * 1000)
    day = 86400000
    for i, (what, at) in enumerate([("10 days in the future", now + 10 * day), ("2^63-1", 2 ** 63 - 1),
                                    ("1970 (before either network existed)", 1000)]):
        ev = sent_event("at-%d" % i, i)
        ev["at"] = at
        add("N%d" % (i + 1), "invitation.sent with at %s" % what, frame(ev), [("bad_request", i)], 0)
    for i, days in enumerate([2 ** 63 - 1, 36501, 0, -1]):
        add("N%d" % (i + 4), "data.purge older_than_days %d" % days,
            frame({"id": i, "type": "data.purge", "older_than_days": days}), [("bad_request", i)], 0)
    add("N8", "invitations.list offset 2^62", frame({"id": 1, "type": "invitations.list", "offset": 2 ** 62}), [("bad_request", 1)], 0)
    add("N9", "profile.connections 2e9", frame(dict(sent_event("big", 1), profile=profile("big", connections=2 * 10 ** 9))),
        [("bad_request", 1)], 0)
    for i, (field, size) in enumerate([("name", 1025), ("headline", 1025), ("about", 16385), ("profile_url", 1025)]):
        p = profile("len-%d" % i)
        p[field] = (LI % ("x" * size))[:size] if field == "profile_url" else "n" * size
        add("L%d" % (i + 1), "profile.%s of %d bytes (over its cap)" % (field, size), frame(dict(sent_event("l", i), profile=p)),
            [("bad_request", i)], 0)
    add("L5", "a note of 16 KiB + 1", frame(sent_event("l5", 1, "n" * 16385)), [("bad_request", 1)], 0)
    add("L6", "a note of exactly 16 KiB is served", frame(sent_event("l6", 1, "n" * 16384)), [("ok", 1)], 0)
    return c


def run(s):
    home = s.home("bad_input")
    host = s.args.host
    # Data written before the hostile input; it must come out unchanged.
    snapshot = lambda: query(home, "SELECT i.id, i.note, p.profile_url FROM invitations i JOIN people p ON p.id=i.person_id "
                                   "WHERE p.profile_url LIKE '%seed-%' ORDER BY i.id")

    def seed_rows():
        seed = b"".join(frame(sent_event("seed-%d" % i, i, "seed note %d" % i)) for i in range(3))
        status, out, err = run_host(host, home, seed)
        replies, rest = split_frames(out)
        assert status == 0 and not rest, (status, err[-300:])
        assert [r["ok"] for r in replies] == [True] * 3, replies[:1]
        assert len(snapshot()) == 3
    s.case("bad_input setup: 3 invitations written before the hostile input", seed_rows)
    before = snapshot() if os.path.exists(os.path.join(home, "vigie.db")) else []

    def check_host(case_id, what, data, expected, exit_status):
        status, out, err = run_host(host, home, data)
        assert b"Sanitizer" not in err and b"runtime error" not in err, "sanitizer report: %s" % err[-800:]
        assert status == exit_status, "exit status %s, expected %s; stderr %s" % (status, exit_status, err[-300:])
        replies, rest = split_frames(out)  # raises on stray stdout
        assert not rest, "stray bytes after the last reply: %r" % rest[:50]
        got = [("ok" if r["ok"] else r["error"]["code"], r["id"]) for r in replies]
        assert got == expected, "replies %s, expected %s; first: %s" % (got, expected, json.dumps(replies[:1])[:300])
        assert integrity(home) == "ok"
        assert snapshot() == before, "rows written before the input changed"

    for case in host_cases():
        s.case("bad_input %s: %s" % (case[0], case[1]), check_host, *case)

    s.case("bad_input S1: SQL meta-characters and NUL in names and notes round-trip", sql_and_nul, host, home)
    s.case("bad_input S2: a 1 MiB name is refused at the door; nothing stored, the next request served", huge_name, host, home)
    s.case("bad_input S3: a 10 MiB note is refused at the door; later requests still served", huge_note, host, home)
    for name, fn in cli_cases():
        s.case("bad_input %s" % name, fn, s.args.cli, home, before, snapshot)


def sql_and_nul(host, home):
    nasty = ["Robert'); DROP TABLE people;--", 'a"b', "x\u0000y", "%_\\", "';--\u0000", "\u202e\ufeffé漢字🙂"]
    events = []
    for i, text in enumerate(nasty):
        ev = sent_event("sql-%d" % i, i, note=text)
        ev["profile"]["name"] = text
        events.append(ev)
    gets = [{"id": 100 + i, "type": "person.get", "profile_url": LI % ("sql-%d" % i)} for i in range(len(nasty))]
    status, out, err = run_host(host, home, b"".join(frame(e) for e in events + gets))
    replies, rest = split_frames(out)
    assert status == 0 and not rest
    assert all(r["ok"] for r in replies), [r for r in replies if not r["ok"]][:2]
    for i, text in enumerate(nasty):
        person = replies[len(nasty) + i]["result"]
        assert person["person"]["name"] == text, "name came back as %r" % person["person"]["name"]
        notes = [inv["note"] for inv in person["invitations"]]
        assert text in notes, "note came back as %r" % notes
        stored = query(home, "SELECT name FROM people WHERE profile_url LIKE ?", ("%%sql-%d%%" % i,))
        assert stored and stored[0][0] == text, stored
    for table in ("people", "invitations", "snapshots", "settings"):
        query(home, "SELECT count(*) FROM %s" % table)
    assert integrity(home) == "ok"


def huge_name(host, home):
    ev = sent_event("bigname", 1)
    ev["profile"]["name"] = "N" * MIB
    get = {"id": 2, "type": "person.get", "profile_url": LI % "bigname"}
    status, out, err = run_host(host, home, frame(ev) + frame(get) + frame(HELLO))
    replies, rest = split_frames(out)
    assert status == 0 and not rest
    codes = [("ok" if r["ok"] else r["error"]["code"]) for r in replies]
    assert codes == ["bad_request", "not_found", "ok"], codes
    assert all(len(json.dumps(r)) <= MIB for r in replies)


def huge_note(host, home):
    ev = sent_event("bignote", 1, note="n" * (10 * MIB))
    status, out, err = run_host(host, home, frame(ev) + frame(HELLO))
    replies, rest = split_frames(out)
    assert status == 0 and not rest
    assert [r["ok"] for r in replies] == [False, True], replies[:1]
    assert replies[0]["error"]["code"] == "bad_request" and "16384" in replies[0]["error"]["message"], replies[0]
    assert not query(home, "SELECT 1 FROM people WHERE profile_url LIKE '%bignote%'")


def run_cli(cli, home, args, stdin=b""):
    env = dict(os.environ, VIGIE_HOME=home)
    p = subprocess.run([cli, *args], input=stdin, capture_output=True, env=env, timeout=120)
    assert b"Sanitizer" not in p.stderr and b"runtime error" not in p.stderr, p.stderr[-800:]
    assert p.returncode >= 0, "killed by signal %d" % -p.returncode
    return p


def cli_cases():
    def import_case(files, want_exit, stderr_has):
        def fn(cli, home, before, snapshot):
            with tempfile.TemporaryDirectory() as d:
                for name, content in files.items():
                    with open(os.path.join(d, name), "wb") as f:
                        f.write(content)
                p = run_cli(cli, home, ["import", "linkedin-export", d])
                assert p.returncode == want_exit, "exit %d: %s" % (p.returncode, p.stderr[-300:])
                assert stderr_has.encode() in p.stderr, p.stderr[-300:]
                assert p.stdout == b"", "stdout on error: %r" % p.stdout[:200]
            assert integrity(home) == "ok" and snapshot() == before
        return fn

    header = b"From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n"
    row = b'Ada,Bob,"11/20/26, 9:15 AM",hi,OUTGOING,https://www.linkedin.com/in/ada,https://www.linkedin.com/in/bob\r\n'
    cases = [
        ("C1: import of a CSV with an unterminated quote is bad_import, nothing written",
         import_case({"Invitations.csv": header + row + b'x,"never closed\r\n'}, 1, b"bad_import".decode())),
        ("C2: import of a CSV with NUL bytes and invalid UTF-8 is bad_import, nothing written",
         import_case({"Invitations.csv": header + row + b"\x00\xff,\xfe\r\n"}, 1, "bad_import")),
        ("C3: import of a binary file named Invitations.csv is bad_import",
         import_case({"Invitations.csv": os.urandom(4096).replace(b'"', b"'")}, 1, "bad_import")),
        ("C4: import of a ZIP that is not a ZIP is bad_import",
         None),
    ]

    def zip_case(cli, home, before, snapshot):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "export.zip")
            with open(path, "wb") as f:
                f.write(b"PK\x03\x04" + b"\xff" * 1000)
            p = run_cli(cli, home, ["import", "linkedin-export", path])
            assert p.returncode == 1 and b"bad_import" in p.stderr, (p.returncode, p.stderr[-300:])
            assert p.stdout == b""
        assert integrity(home) == "ok" and snapshot() == before

    cases[3] = (cases[3][0], zip_case)

    def forget_sql(cli, home, before, snapshot):
        p = run_cli(cli, home, ["forget", "https://www.linkedin.com/in/x'); DROP TABLE people;--/"])
        # Since issue 11 a slug with a space is not a profile URL: exit 2 (bad_request); never a touched table.
        assert p.returncode in (0, 2, 3), (p.returncode, p.stderr[-300:])
        assert integrity(home) == "ok" and snapshot() == before

    def forget_other_site(cli, home, before, snapshot):
        p = run_cli(cli, home, ["forget", "https://evil.example.com/in/seed-0/"])
        # A URL that is not a profile is a bad argument: exit 2 (usage), as `vigie --help` documents.
        assert p.returncode == 2 and b"bad_request" in p.stderr and p.stdout == b"", (p.returncode, p.stderr[-300:])
        assert snapshot() == before

    def list_sql(cli, home, before, snapshot):
        p = run_cli(cli, home, ["list", "--json", "--text", "%' OR 1=1; DROP TABLE invitations;--"])
        assert p.returncode == 0, (p.returncode, p.stderr[-300:])
        result = json.loads(p.stdout)
        assert result["total"] == 0, "a LIKE/SQL meta-character matched rows: %s" % result["total"]
        assert integrity(home) == "ok" and snapshot() == before

    def assess_hostile(cli, home, before, snapshot):
        lines = [b"[" * 100000 + b"]" * 100000, b'{"network":"linkedin","profile_url":"\xff"}', b"\x00\x00",
                 b'{"network":"linkedin","profile_url":"https://www.linkedin.com/in/a/","name":1e999}',
                 b'{"network":"linkedin","profile_url":"https://www.linkedin.com/in/a/","connections":"500"}',
                 b'{"network":"linkedin","profile_url":"https://www.linkedin.com/in/a/"}']
        p = run_cli(cli, home, ["assess"], stdin=b"\n".join(lines) + b"\n")
        out = [json.loads(l) for l in p.stdout.splitlines()]
        assert len(out) == len(lines), "%d output lines for %d input lines" % (len(out), len(lines))
        assert all("error" in o for o in out[:-1]), out[:-1]
        assert "score" in out[-1], out[-1]

    cases += [("C5: forget with SQL meta-characters in the URL", forget_sql),
              ("C6: forget with another site's URL is bad_request", forget_other_site),
              ("C7: list --text with SQL/LIKE meta-characters matches nothing, drops nothing", list_sql),
              ("C8: assess gets deep nesting, invalid UTF-8, NUL, 1e999, wrong types: one error line each", assess_hostile)]
    return cases
