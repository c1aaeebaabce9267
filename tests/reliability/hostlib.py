"""Helpers shared by the reliability tests: spawn vigie-host, speak its
framing (docs/PROTOCOL.md), read the database with Python's sqlite3."""
import json
import os
import sqlite3
import struct
import subprocess
import threading

CALLER = "chrome-extension://ljoiecjnkljfndkmifhjcdikneabbejl/"


def frame(payload):
    if not isinstance(payload, (bytes, bytearray)):
        payload = json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return struct.pack("<I", len(payload)) + payload


def split_frames(data):
    """(list of decoded JSON replies, leftover bytes). Raises ValueError when a
    complete frame is not a JSON object: that is stray output on stdout."""
    replies, i = [], 0
    while len(data) - i >= 4:
        (n,) = struct.unpack_from("<I", data, i)
        if len(data) - i - 4 < n:
            break
        body = data[i + 4:i + 4 + n]
        value = json.loads(body)
        if not isinstance(value, dict) or "ok" not in value or "id" not in value:
            raise ValueError("stdout frame is not a reply: %r" % body[:200])
        replies.append(value)
        i += 4 + n
    return replies, data[i:]


def host_env(home, extra=None):
    env = dict(os.environ)
    env["VIGIE_HOME"] = home
    env.pop("VIGIE_NOW", None)
    if extra:
        env.update(extra)
    return env


def spawn(host, home, env=None, args=(CALLER,), stderr=subprocess.PIPE):
    return subprocess.Popen([host, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                            env=host_env(home, env), bufsize=0)


def run_host(host, home, data, env=None, timeout=120, args=(CALLER,)):
    """Sends `data` (raw bytes), closes stdin, returns (exit status, raw stdout, stderr)."""
    p = spawn(host, home, env, args)
    out, err = p.communicate(data, timeout=timeout)
    return p.returncode, out, err


class streamer:
    """A host fed by a writer thread while a reader thread collects replies:
    the way a browser pipelines events over one port."""

    def __init__(self, host, home, env=None):
        self.proc = spawn(host, home, env)
        self.replies = []
        self.raw = bytearray()
        self.stray = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        out = self.proc.stdout
        buf = b""
        while True:
            chunk = out.read(65536)
            if not chunk:
                break
            self.raw += chunk
            buf += chunk
            try:
                got, buf = split_frames(buf)
            except ValueError as e:
                self.stray = str(e)
                break
            self.replies.extend(got)
        self.leftover = buf

    def send_all(self, frames, chunk=64):
        """Writes frames in groups of `chunk` (several frames per write, as a
        busy browser does). Returns False if the host went away."""
        try:
            for i in range(0, len(frames), chunk):
                self.proc.stdin.write(b"".join(frames[i:i + chunk]))
        except (BrokenPipeError, OSError):
            return False
        return True

    def close(self, timeout=300):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        self.proc.wait(timeout=timeout)
        self._reader.join(timeout=timeout)
        err = self.proc.stderr.read()
        self.proc.stderr.close()
        self.proc.stdout.close()
        return self.proc.returncode, err


def sent_event(slug, rid, note=""):
    return {"id": rid, "type": "invitation.sent",
            "profile": {"network": "linkedin", "profile_url": "https://www.linkedin.com/in/%s/" % slug},
            "note": note}


def db_path(home):
    return os.path.join(home, "vigie.db")


def query(home, sql, args=()):
    con = sqlite3.connect(db_path(home), timeout=30)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def integrity(home):
    return query(home, "PRAGMA integrity_check")[0][0]


def sent_slugs(home):
    """Slugs of every person with a sent invitation (from the stored URL).
    A host killed during its first start leaves no tables: nothing stored."""
    if not query(home, "SELECT 1 FROM sqlite_master WHERE type='table' AND name='invitations'"):
        return set()
    rows = query(home, "SELECT p.profile_url, p.profile_key FROM invitations i JOIN people p ON p.id = i.person_id "
                       "WHERE i.direction = 'sent'")
    slugs = set()
    for url, key in rows:
        for text in (url or "", key or ""):
            part = text.rstrip("/").rsplit("/", 1)[-1]
            if part:
                slugs.add(part)
    return slugs
