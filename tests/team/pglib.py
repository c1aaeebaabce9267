"""A throw-away PostgreSQL server for the team tests and benchmarks:
Debian's postgresql binaries, a cluster in a temporary directory, a Unix
socket there and no TCP port, stopped (and removed) at the end. Runs the
server as the `postgres` user when started by root (initdb refuses root)."""
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time


def pg_bin(name):
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/" + name))
    if not found:
        raise RuntimeError("PostgreSQL's %s is missing: apt-get install postgresql (tests/deps.sh does)" % name)
    return found[-1]


class server:
    def __init__(self, root=None):
        self.dir = tempfile.mkdtemp(prefix="vigie-pg-", dir=root)
        os.chmod(self.dir, 0o755)
        self.data = os.path.join(self.dir, "data")
        self.sock = self.dir
        self.log = os.path.join(self.dir, "server.log")
        self.user = None
        # Loopback too, on a free port: the TLS tests need a TCP connection (libpq never uses TLS on a socket).
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        if os.geteuid() == 0:
            self.user = "postgres"
            pw = pwd.getpwnam(self.user)
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        self._as_owner([pg_bin("initdb"), "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                        "--no-sync", "-A", "trust"])
        with open(os.path.join(self.data, "pg_hba.conf"), "w") as f:
            # rep_pw logs in with a password (the password tests); everyone else is trusted on the socket.
            f.write("local all rep_pw scram-sha-256\nlocal all all trust\nhost all all 127.0.0.1/32 trust\n")
        self.start()
        self.psql("CREATE ROLE rep_pw LOGIN PASSWORD 'S3cret-pw'", db="postgres")
        self.psql("CREATE DATABASE team OWNER rep_pw", db="postgres")

    def _as_owner(self, argv, **kw):
        if self.user:
            argv = ["runuser", "-u", self.user, "--"] + argv
        return subprocess.run(argv, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, **kw)

    def url(self, user="postgres", db="team"):
        return "host=%s port=%d dbname=%s user=%s sslmode=disable" % (self.sock, self.port, db, user)

    def start(self):
        self._as_owner([pg_bin("pg_ctl"), "-D", self.data, "-l", self.log, "-w", "-t", "60", "-o",
                        "-k %s -c listen_addresses=127.0.0.1 -p %d -c max_connections=200 -c fsync=off "
                        "-c full_page_writes=off" % (self.sock, self.port), "start"])

    def kill(self):
        """Stops as a crash would (immediate: no checkpoint, clients cut)."""
        self._as_owner([pg_bin("pg_ctl"), "-D", self.data, "-m", "immediate", "-w", "stop"])

    def stop(self):
        try:
            self._as_owner([pg_bin("pg_ctl"), "-D", self.data, "-m", "fast", "-w", "stop"])
        except subprocess.CalledProcessError:
            pass

    def psql(self, sql, db="team"):
        out = subprocess.run([pg_bin("psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", self.sock, "-p", str(self.port),
                              "-U", "postgres", "-d", db, "-c", sql],
                             check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        return out.stdout.strip()

    def scalar(self, sql):
        return int(self.psql(sql) or 0)

    def destroy(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
