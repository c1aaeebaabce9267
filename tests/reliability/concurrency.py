"""Issue 7.3: N vigie-host processes started at once on one VIGIE_HOME (as
several browser windows do), each streaming its events: every request is
answered ok, no error is logged, and the database holds exactly N x events
rows. The first start also races the schema migration across processes."""
import os
import re
import threading

from hostlib import integrity, query, sent_event, frame, streamer


def run(s):
    procs, events = s.args.procs, s.args.events
    s.case("concurrency: %d hosts x %d events on one fresh VIGIE_HOME" % (procs, events), concurrent_stream, s.home("concurrency"),
           s.args.host, procs, events)


def concurrent_stream(home, host, procs, events):
    payloads = [[frame(sent_event("c%d-%d" % (p, i), i)) for i in range(events)] for p in range(procs)]
    hosts = [streamer(host, home) for _ in range(procs)]  # all started before any is fed
    writers = [threading.Thread(target=h.send_all, args=(payloads[p],)) for p, h in enumerate(hosts)]
    for w in writers:
        w.start()
    for w in writers:
        w.join()
    problems = []
    for p, h in enumerate(hosts):
        status, err = h.close()
        if status != 0:
            problems.append("host %d exited %d: %s" % (p, status, err[-500:]))
        if h.stray:
            problems.append("host %d stray stdout: %s" % (p, h.stray))
        if len(h.replies) != events:
            problems.append("host %d answered %d of %d" % (p, len(h.replies), events))
        bad = [r for r in h.replies if r.get("ok") is not True]
        if bad:
            problems.append("host %d: %d error replies, first %s" % (p, len(bad), bad[0]))
        ids = [r.get("id") for r in h.replies]
        if ids != list(range(len(ids))):
            problems.append("host %d: replies out of order" % p)
    assert not problems, "; ".join(problems[:5])
    rows = query(home, "SELECT count(*) FROM invitations WHERE direction='sent'")[0][0]
    people = query(home, "SELECT count(*) FROM people")[0][0]
    assert rows == procs * events, "%d invitation rows, expected %d" % (rows, procs * events)
    assert people == procs * events, "%d people rows, expected %d" % (people, procs * events)
    assert integrity(home) == "ok"
    log = os.path.join(home, "logs", "vigie-host.log")
    errors = []
    if os.path.exists(log):
        with open(log, errors="replace") as f:
            errors = [l for l in f if re.search(r"\] (error|critical) ", l)]
    assert not errors, "errors logged: %s" % errors[:3]
    return "%d rows, %d replies all ok" % (rows, procs * events)
