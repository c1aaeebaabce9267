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

    // A reason of the profile assessment (docs/ASSESSMENT.md, "Reasons as the user reads them"), as
    // one short sentence: the head `why_<code>` (`why_<code>_n` with the number when the host gives
    // one), then what was seen in words (the reason's kinds: `why_<code>_<kind>`, else `topic_<kind>`)
    // and the page's own words quoted as evidence. Reasons stored by an older host have no kinds nor
    // evidence: the head alone still reads. A code this extension does not know (a newer host) shows
    // the host's English detail rather than nothing.
    assessment(reason, t) {
      const code = String(reason?.code ?? '');
      const known = (key, subs) => {
        const text = t(key, subs);
        return text && text !== key ? text : null;
      };
      const value = Number.isFinite(reason?.value) ? String(reason.value) : null;
      const head = (value !== null && known(`why_${code}_n`, [value])) || known(`why_${code}`);
      if (!head) return reason?.detail || code;
      const kinds = (Array.isArray(reason?.kinds) ? reason.kinds : [])
        .map((k) => known(`why_${code}_${k}`) ?? known(`topic_${k}`) ?? known('topic_other'))
        .filter((w, i, all) => w && all.indexOf(w) === i);
      // At most four words, each cut at 60 characters (code points: never half an emoji) and
      // isolated (U+2068 … U+2069), so that a right-to-left override in a stranger's name cannot
      // reorder the rest of the sentence: evidence, not a copy of the page.
      const cut = (w) => { const cps = [...w]; return cps.length > 60 ? `${cps.slice(0, 59).join('')}…` : w; };
      const evidence = (Array.isArray(reason?.evidence) ? reason.evidence : [])
        .filter((w) => typeof w === 'string' && w.trim()).slice(0, 4).map((w) => t('quoted', [`\u2068${cut(w.trim())}\u2069`]));
      let seen = kinds.join(', ');
      if (evidence.length) seen = seen ? t('withEvidence', [seen, evidence.join(', ')]) : evidence.join(', ');
      return seen ? t('reasonWithWhat', [head, seen]) : t('reasonAlone', [head]);
    },
  });
})(globalThis.__vigie ??= {});
