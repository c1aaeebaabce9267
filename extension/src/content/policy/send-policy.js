// Decides, without waiting for anything, whether a click on "Send" is held: the host's last
// answer for this person, re-judged against the note as it is typed right now (the answer may
// predate the last keystrokes; the note length is the only input that changes that fast).
(function (ns) {
  'use strict';
  const p = (ns.policy ??= {});
  const RANK = { ok: 0, caution: 1, stop: 2 };
  const STOP_CODES = new Set(['duplicate_pending', 'reinvite_too_soon', 'connection_cap']);

  p.noteLimit = (settings) => (settings?.account_type === 'premium' ? settings?.note_max_premium ?? 300 : settings?.note_max_free ?? 200);

  // Severity of one reason, from docs/PROTOCOL.md's table.
  p.severity = (r) => {
    if (STOP_CODES.has(r.code) || r.code === 'note_too_long') return 'stop';
    if ((r.code === 'daily_limit' || r.code === 'weekly_limit') && Number(r.value) + 1 > Number(r.limit)) return 'stop';
    return 'caution';
  };

  // `check` is null when there is no answer yet or the host is away: then only what we can see
  // ourselves (a note over the limit) holds the send; we never block on a guess.
  p.decideSend = (check, noteLength, limit) => {
    const reasons = (check?.reasons ?? []).filter((r) => r.code !== 'note_too_long');
    if (noteLength > limit) reasons.push({ code: 'note_too_long', value: noteLength, limit });
    const verdict = reasons.reduce((worst, r) => {
      const s = p.severity(r);
      return RANK[s] > RANK[worst] ? s : worst;
    }, 'ok');
    return { verdict, reasons, counts: check?.counts ?? null, hold: verdict !== 'ok' };
  };
})(globalThis.__vigie ??= {});
