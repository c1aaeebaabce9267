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
  // What a teammate did with the person (docs/TEAM.md): these also carry `who` and `since`.
  const TEAM_CODES = new Set(['team_pending', 'team_connected', 'team_recent_withdrawal', 'team_fake']);
  // A stranger's words (a name, a page's text) inside our sentences: cut at 60 characters (code
  // points: never half an emoji) and isolated (U+2068 … U+2069), so that a right-to-left override
  // in it cannot reorder the rest of the sentence.
  const cut = (w) => { const cps = [...w]; return cps.length > 60 ? `${cps.slice(0, 59).join('')}…` : w; };
  const isolate = (w) => `\u2068${cut(String(w).trim())}\u2069`;
  // Dates and numbers in the language the words are in: the catalogue names its language
  // (`wordsLocale`); the browser's UI language refines it (en-GB) when the two agree.
  const localeOf = (t) => {
    const words = t?.('wordsLocale');
    const ui = ns.browserApi?.uiLanguage?.() ?? '';
    if (!words || words === 'wordsLocale') return ui || undefined;
    return ui.split('-')[0] === words ? ui : words;
  };
  // "3 Dec" / "3 déc.", with the year when it is not this year's.
  const day = (ms, t) => {
    if (!Number.isFinite(ms)) return dash;
    const d = new Date(ms);
    const year = d.getFullYear() === new Date().getFullYear() ? undefined : 'numeric';
    return d.toLocaleDateString(localeOf(t), { day: 'numeric', month: 'short', year });
  };

  ns.reasons = Object.freeze({
    isolate,
    locale: localeOf,
    date: day,
    // The catalogue key and its substitutions ($1 = value, $2 = limit; team reasons also $3 = who,
    // the teammate's name isolated, and $4 = since, a date in the user's language).
    parts(reason, t) {
      const f = RATE_CODES.has(reason?.code) ? percent : plain;
      const subs = [f(reason?.value), f(reason?.limit)];
      if (TEAM_CODES.has(reason?.code)) {
        const who = typeof reason?.who === 'string' && reason.who.trim() ? isolate(reason.who) : t?.('teammate') ?? dash;
        subs.push(who, day(reason?.since, t));
      }
      return { key: `reason_${reason?.code}`, subs };
    },
    // `t` is browserApi.t (which answers the key itself when the catalogue has no such entry).
    render(reason, t) {
      const { key, subs } = ns.reasons.parts(reason, t);
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
      // At most four words, each cut and isolated: evidence, not a copy of the page.
      const evidence = (Array.isArray(reason?.evidence) ? reason.evidence : [])
        .filter((w) => typeof w === 'string' && w.trim()).slice(0, 4).map((w) => t('quoted', [isolate(w)]));
      let seen = kinds.join(', ');
      if (evidence.length) seen = seen ? t('withEvidence', [seen, evidence.join(', ')]) : evidence.join(', ');
      return seen ? t('reasonWithWhat', [head, seen]) : t('reasonAlone', [head]);
    },
  });
})(globalThis.__vigie ??= {});
