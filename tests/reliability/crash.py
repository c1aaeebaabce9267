"""Issue 7.4: kill -9 the host at a random moment of a stream, many times on
the same data folder. After each kill: PRAGMA integrity_check is ok, and every
event that received an ok reply is in the database (an ok reply means
committed: docs/PROTOCOL.md)."""
import os
import random
import signal
import threading
import time

from hostlib import frame, integrity, sent_event, sent_slugs, streamer


def run(s):
    s.case("crash: %d x kill -9 mid-stream, acknowledged events survive" % s.args.crash_runs, crash_loop,
           s.home("crash"), s.args.host, s.args.crash_runs)


def wait_for_kill_point(h, rng, total):
    """Picks the moment relative to the stream's progress, not the wall clock:
    a fixed sleep lands after the stream has ended on a fast machine and during
    start-up on a loaded one. One kill in ten lands during start-up (schema
    creation, WAL switch); the rest after a random number of acknowledged
    events, so the kill hits a batch being parsed, written or committed."""
    if rng.random() < 0.1:
        time.sleep(rng.uniform(0.0, 0.005))
        return
    target = rng.randint(1, total * 2 // 3)
    deadline = time.monotonic() + 30
    while len(h.replies) < target and h.proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0002)
    time.sleep(rng.uniform(0.0, 0.002))  # off the reply boundary: mid-batch or mid-commit


def crash_loop(home, host, runs):
    rng = random.Random(int(os.environ.get("VIGIE_CRASH_SEED", "7")))
    acked_total = 0
    killed_mid_stream = 0
    for run_no in range(runs):
        # Enough events that the stream is still flowing when the kill lands.
        frames = [frame(sent_event("k%d-%d" % (run_no, i), i)) for i in range(3000)]
        h = streamer(host, home)
        writer = threading.Thread(target=h.send_all, args=(frames, 16), daemon=True)
        writer.start()
        wait_for_kill_point(h, rng, len(frames))
        h.proc.send_signal(signal.SIGKILL)
        h.proc.wait()
        writer.join(timeout=30)
        h._reader.join(timeout=30)  # replies already in the pipe were sent: they count
        for f in (h.proc.stdin, h.proc.stdout, h.proc.stderr):
            try:
                f.close()
            except OSError:
                pass
        assert h.stray is None, "run %d: stray stdout %s" % (run_no, h.stray)
        assert h.proc.returncode == -signal.SIGKILL, "run %d: host ended on its own (%s)" % (run_no, h.proc.returncode)
        if len(h.replies) < len(frames):
            killed_mid_stream += 1
        acked = {"k%d-%d" % (run_no, r["id"]) for r in h.replies if r.get("ok") is True}
        errors = [r for r in h.replies if r.get("ok") is not True]
        assert not errors, "run %d: error replies %s" % (run_no, errors[:2])
        if os.path.exists(os.path.join(home, "vigie.db")):
            verdict = integrity(home)
            assert verdict == "ok", "run %d: integrity_check says %s" % (run_no, verdict)
            stored = sent_slugs(home)
            missing = acked - stored
            assert not missing, "run %d: %d acknowledged events lost, e.g. %s" % (run_no, len(missing), sorted(missing)[:3])
        else:
            assert not acked, "run %d: acknowledged events but no database" % run_no
        acked_total += len(acked)
    assert killed_mid_stream >= runs // 2, "only %d of %d kills landed mid-stream" % (killed_mid_stream, runs)
    return "%d acknowledged events all present; %d/%d kills mid-stream" % (acked_total, killed_mid_stream, runs)
