#!/usr/bin/env python3
"""Writes the seed corpora under tests/fuzz/corpus/ (committed; rerun after a
protocol change). Seeds are small valid and nearly-valid inputs, so libFuzzer
starts from the shapes the host really gets instead of from random bytes."""
import json
import os
import struct

here = os.path.dirname(os.path.abspath(__file__))

def write(target, name, data):
    d = os.path.join(here, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())

def frame(payload):
    body = payload.encode() if isinstance(payload, str) else payload
    return struct.pack("<I", len(body)) + body

def profile(slug, **extra):
    p = {"network": "linkedin", "profile_url": f"https://www.linkedin.com/in/{slug}/"}
    p.update(extra)
    return p

requests = [
    {"id": 1, "type": "hello"},
    {"id": "a", "type": "invitation.sent", "profile": profile("ada-lovelace"), "note": ""},
    {"id": 2, "type": "invitation.sent", "profile": profile("bob", name="Bob"), "note": "Bonjour Bob", "at": 1790000000000},
    {"id": 3, "type": "profile.seen", "profile": profile("carol", name="Carol", headline="CEO", has_photo=False,
                                                         connections=500, connections_plus=True, degree=2,
                                                         experience_count=0, followers=3)},
    {"id": 4, "type": "invitation.received", "invitations": [{"profile": profile("dan"), "note": "hi", "received_at": 1790000000000}]},
    {"id": 5, "type": "invitations.sent_list", "profiles": [profile("ada-lovelace")], "complete": True},
    {"id": 6, "type": "connection.seen", "profile": profile("bob")},
    {"id": 7, "type": "invitation.withdrawn", "profile": profile("ada-lovelace")},
    {"id": 8, "type": "invitation.answered", "profile": profile("dan"), "answer": "ignored"},
    {"id": 9, "type": "drift.report", "page_kind": "invitations", "url": "https://www.linkedin.com/mynetwork/", "detail": "x"},
    {"id": 10, "type": "invitation.check", "network": "linkedin", "profile_url": "https://www.linkedin.com/in/eve/", "note": "n"},
    {"id": 11, "type": "stats.get", "network": "linkedin"},
    {"id": 12, "type": "invitations.list", "direction": "sent", "status": "pending", "limit": 10, "offset": 0, "text": "a"},
    {"id": 13, "type": "person.get", "profile_url": "https://www.linkedin.com/in/bob/"},
    {"id": 14, "type": "person.forget", "profile_url": "https://www.linkedin.com/in/bob/"},
    {"id": 15, "type": "person.mark", "profile_url": "https://www.linkedin.com/in/carol/", "verdict": "fake"},
    {"id": 16, "type": "profile.assess", "profile": profile("zed", name="Zed", current_title="Recruiter", invitation_message="crypto investment")},
    {"id": 17, "type": "data.purge", "older_than_days": 30},
    {"id": 18, "type": "settings.get"},
    {"id": 19, "type": "settings.set", "settings": {"linkedin.daily_limit": 5, "account_type": "premium"}},
    {"id": 20, "type": "profile.seen", "profile": {"network": "viadeo", "profile_url": "https://www.viadeo.com/fr/profile/jean.dupont"}},
]
bad = [
    "", "{", "[]", "\"s\"", "42", "{}", '{"id":[1],"type":"hello"}', '{"id":1,"type":7}',
    '{"id":1,"type":"nope"}', '{"id":1,"type":"invitation.sent","profile":{"network":"linkedin","profile_url":"https://evil.example/in/x/"},"note":""}',
    '{"id":1,"type":"invitation.sent","profile":{"network":"linkedin","profile_url":"https://www.linkedin.com/in/x%00y/"},"note":"\'; DROP TABLE people;--\\u0000"}',
    '{"id":1,"type":"invitation.sent","profile":1,"note":[]}', "[" * 70 + "]" * 70,
    '{"id":1.5e999,"type":"hello"}', '{"id":"\\ud800","type":"hello"}',
]
for i, r in enumerate(requests):
    write("dispatcher", f"req-{i:02d}", json.dumps(r))
for i, b in enumerate(bad):
    write("dispatcher", f"bad-{i:02d}", b)
write("dispatcher", "batch-all", "\n".join(json.dumps(r) for r in requests))
write("dispatcher", "batch-mixed", "\n".join([json.dumps(requests[1]), bad[1], json.dumps(requests[1]), bad[9]]))

# Frame decoder: first byte = chunk size selector, then the stream.
for i, r in enumerate(requests[:6]):
    write("frame_decoder", f"one-{i}", bytes([i * 7]) + frame(json.dumps(r)))
write("frame_decoder", "two", b"\x00" + frame('{"id":1,"type":"hello"}') + frame('{"id":2,"type":"hello"}'))
write("frame_decoder", "len0", b"\x03" + frame(""))
write("frame_decoder", "len3", b"\x02" + struct.pack("<I", 3) + b"{}")
write("frame_decoder", "len2p31", b"\x01" + struct.pack("<I", 2**31) + b"{}")
write("frame_decoder", "lenmax", b"\x01" + struct.pack("<I", 2**32 - 1))
write("frame_decoder", "limit", b"\x05" + struct.pack("<I", 64 * 1024 * 1024) + b"{")
write("frame_decoder", "truncated-header", b"\x00\x10\x00")

# CSV: first byte even = raw reader, odd = LinkedIn export (Invitations \f Connections).
invitations = ("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n"
               "Ada Lovelace,Bob Martin,\"11/20/26, 9:15 AM\",\"Hello, Bob\",OUTGOING,"
               "https://www.linkedin.com/in/ada,https://www.linkedin.com/in/bob\r\n"
               "Carol Dee,Ada Lovelace,\"11/19/26, 6:02 PM\",,INCOMING,"
               "https://www.linkedin.com/in/carol,https://www.linkedin.com/in/ada\r\n")
invitations_old = ("From,To,Sent At,Message,Direction\r\n"
                   "Ada Lovelace,Bob Martin,\"11/20/26, 9:15 AM\",\"He said \"\"hi\"\"\",OUTGOING\r\n")
connections = ("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n"
               "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
               "Bob,Martin,https://www.linkedin.com/in/bob,,Acme,\"Engineer, senior\",20 Nov 2026\n"
               "Dan,Smith,,,,,01 Jan 2020\n")
write("csv_reader", "raw-inv", b"\x00" + invitations.encode())
write("csv_reader", "raw-conn", b"\x00" + b"\xef\xbb\xbf" + connections.encode())
write("csv_reader", "raw-quotes", b"\x00" + b'a,"b\r\nc","d""e"\rf,g\n"unterminated')
write("csv_reader", "export-both", b"\x01" + invitations.encode() + b"\f" + connections.encode())
write("csv_reader", "export-old", b"\x01" + invitations_old.encode() + b"\f" + connections.encode())
write("csv_reader", "export-conn-only", b"\x03\f" + connections.encode())
write("csv_reader", "export-bad-date", b"\x01" + invitations.replace("11/20/26", "13/45/99").encode())

# fuzz_profile_url: first byte picks the entry point (0 any network, 1 linkedin, 2 viadeo).
urls = [(0, "https://www.linkedin.com/in/jean-dupont/"), (1, "https://fr.linkedin.com/in/J%C3%A9r%C3%B4me?trk=x#y"),
        (1, "https://evil.com\\@www.linkedin.com/in/x/"), (1, "https://user:pw@www.linkedin.com:443/in/x/"),
        (1, "www.linkedin.com/in/x"), (1, "//www.linkedin.com./in/x/../y"), (2, "https://viadeo.journaldunet.com/p/marie-curie-1234567"),
        (2, "https://www.viadeo.com/fr/profile/marie.curie"), (2, "http://viadeo.com/p/x?y"), (0, "https://[::1]:8443/in/x"),
        (0, "javascript:alert(1)//www.linkedin.com/in/x/"), (1, " \t https://www.linkedin.com\\in\\x\\ \n")]
for i, (mode, url) in enumerate(urls):
    write("profile_url", "url-%02d" % i, bytes([mode]) + url.encode())

# fuzz_zip_import: the input is the ZIP itself. Small exports made with zipfile from the anonymised rows
# above, then the damaged shapes the importer must refuse: cut short, and headers that lie about a size.
import io
import zipfile

def zip_of(files, compression=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, text in files:
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 6, 12, 0, 0))
            info.compress_type = compression
            z.writestr(info, text)
    return buf.getvalue()

def set_sizes(data, name, size):
    """The entry `name`'s uncompressed size, in its local header and in the central directory, set to `size`."""
    out = bytearray(data)
    raw = name.encode()
    # (signature, offset of the name's length, offset of the name, offset of the uncompressed size)
    for signature, name_len_at, name_at, size_at in ((b"PK\x03\x04", 26, 30, 22), (b"PK\x01\x02", 28, 46, 24)):
        at = out.find(signature)
        while at >= 0:
            n = struct.unpack_from("<H", out, at + name_len_at)[0]
            if out[at + name_at:at + name_at + n] == raw:
                struct.pack_into("<I", out, at + size_at, size)
            at = out.find(signature, at + 4)
    return bytes(out)

both = zip_of([("Invitations.csv", invitations), ("Connections.csv", connections)])
write("zip_import", "export-both", both)
write("zip_import", "export-stored-subfolder",
      zip_of([("Basic_LinkedInDataExport_12-06-2026/Connections.csv", connections),
              ("Basic_LinkedInDataExport_12-06-2026/Invitations.csv", invitations_old),
              ("Basic_LinkedInDataExport_12-06-2026/Profile.csv", "First Name,Last Name\nAda,Lovelace\n")],
             zipfile.ZIP_STORED))
write("zip_import", "export-conn-only", zip_of([("Connections.csv", connections)]))
write("zip_import", "export-none-wanted", zip_of([("Profile.csv", "First Name\nAda\n")]))
write("zip_import", "export-bad-line", zip_of([("Invitations.csv", invitations.replace("OUTGOING", "SIDEWAYS"))]))
write("zip_import", "truncated", both[:len(both) // 2])
# A stored entry whose headers say 16 bytes but that holds the whole file, and one that says 4 GB.
stored = zip_of([("Connections.csv", connections)], zipfile.ZIP_STORED)
write("zip_import", "lying-size-small", set_sizes(stored, "Connections.csv", 16))
write("zip_import", "lying-size-huge", set_sizes(both, "Connections.csv", 0xFFFFFFFF))
# A header row then 40 MB of empty lines (which the reader skips): 40 KB deflated, over the 32 MiB cap by
# its header, and, once the header says 1 KB, by what it inflates to.
blank = zip_of([("Connections.csv", connections.splitlines(True)[3] + "\n" * (40 << 20))])
write("zip_import", "over-cap", blank)
write("zip_import", "over-cap-lying", set_sizes(blank, "Connections.csv", 1024))
