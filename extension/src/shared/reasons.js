// A reason of the host's pre-send check, in the user's language. The host sends a stable code with
// the measured value and its limit (docs/PROTOCOL.md); the words come from _locales, so French
// screens never show the host's English `message`. That text is shown only for a code this
// extension has no entry for (a newer host), rather than nothing.
// Classic script: the content scripts and the ES-module pages share it through globalThis.__vigie.
(function (ns) {
  'use strict';
  const dash = '–';
  const plain = (v) => (v === null || v === undefined || Number.isNaN(Number(v)) ? dash : String(v));
  const percent = (v) => (v === null || v === undefined ? dash : `${Math.round(Number(v) * 100)} %`);
  // Codes whose value and limit are rates (0-1); every other code carries counts, characters or days.
  const RATE_CODES = new Set(['low_acceptance']);

  ns.reasons = Object.freeze({
    // The catalogue key and its substitutions ($1 = value, $2 = limit).
    parts(reason) {
      const f = RATE_CODES.has(reason?.code) ? percent : plain;
      return { key: `reason_${reason?.code}`, subs: [f(reason?.value), f(reason?.limit)] };
    },
    // `t` is browserApi.t (which answers the key itself when the catalogue has no such entry).
    render(reason, t) {
      const { key, subs } = ns.reasons.parts(reason);
      const text = t(key, subs);
      if (text && text !== key) return text;
      return reason?.message || String(reason?.code ?? '');
    },
  });
})(globalThis.__vigie ??= {});
