// Decides whether a click on "Send" is held. The host is the only judge of a send: its verdict
// and reasons are shown as given (it counts this send itself, and it alone knows the user's
// settings for the account type). The guard asks this only once it has the host's answer for the
// note as it is now; without one (no answer yet, host away, nobody identified) the click is held
// and `unchecked` says why, so a send never goes through because the check was slow.
(function (ns) {
  'use strict';
  const p = (ns.policy ??= {});
  const RANK = { ok: 0, caution: 1, stop: 2 };
  const worse = (a, b) => ((RANK[b] ?? 0) > (RANK[a] ?? 0) ? b : a);

  // The host's check result → a decision. The verdict is the worst level the host gave, overall or
  // on a reason (they agree when the host is well; a reason's own level is never lowered).
  p.decideSend = (check) => {
    const reasons = Array.isArray(check?.reasons) ? check.reasons : [];
    let verdict = RANK[check?.verdict] === undefined ? 'ok' : check.verdict;
    for (const r of reasons) verdict = worse(verdict, r.verdict);
    return { verdict, reasons, counts: check?.counts ?? null, noteMax: check?.note_max ?? null, hold: verdict !== 'ok' };
  };

  // The send could not be checked: `code` is host_unavailable (no host, or it refused),
  // check_timeout (no answer in time) or unknown_target (the dialog does not say who it invites).
  // The user decides; nothing is assumed either way.
  p.UNCHECKED_CODES = Object.freeze(['host_unavailable', 'check_timeout', 'unknown_target']);
  p.unchecked = (code, detail = null) => ({
    verdict: 'caution', unchecked: true, hold: true, counts: null, noteMax: null,
    reasons: [{ code: p.UNCHECKED_CODES.includes(code) ? code : 'host_unavailable', value: detail, limit: null }],
  });

  // A host reply → a decision.
  p.decideReply = (reply) => {
    if (!reply?.ok) return p.unchecked('host_unavailable', reply?.error?.code ?? null);
    return p.decideSend(reply.result);
  };

  // The one thing the page judges alone, because it must follow each keystroke: the tone of the
  // note counter, against the host's `note_max` (null until the host has answered once: no tone).
  p.noteTone = (length, noteMax) => {
    if (!Number.isFinite(noteMax)) return 'ok';
    return length > noteMax ? 'stop' : length > noteMax * 0.9 ? 'caution' : 'ok';
  };
})(globalThis.__vigie ??= {});
