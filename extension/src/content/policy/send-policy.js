// Decides whether a click on "Send" is held: the host's answer for this person and this note,
// re-judged against the note's length as it is right now. The guard asks this only once it has
// the host's answer; without one (no answer yet, host away, nobody identified) the click is held
// and `unchecked` says why, so a send never goes through because the check was slow.
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

  // The send could not be checked: `code` is host_unavailable (no host, or it refused),
  // check_timeout (no answer in time) or unknown_target (the dialog does not say who it invites).
  // The user decides; nothing is assumed either way.
  p.UNCHECKED_CODES = Object.freeze(['host_unavailable', 'check_timeout', 'unknown_target']);
  p.unchecked = (code, detail = null) => ({
    verdict: 'caution', unchecked: true, hold: true, counts: null,
    reasons: [{ code: p.UNCHECKED_CODES.includes(code) ? code : 'host_unavailable', value: detail, limit: null }],
  });

  // A host reply → a decision for a note of `noteLength` characters.
  p.decideReply = (reply, noteLength, limit) => {
    if (!reply?.ok) return p.unchecked('host_unavailable', reply?.error?.code ?? null);
    return p.decideSend(reply.result, noteLength, limit);
  };
})(globalThis.__vigie ??= {});
