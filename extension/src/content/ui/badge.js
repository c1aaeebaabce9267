// The suspicion badge beside a name: level at a glance, reasons on hover and on keyboard focus,
// and the user's own verdict ("trust" / "report as fake").
(function (ns) {
  'use strict';
  const ui = (ns.ui ??= {});
  const CSS = `
    .wrap { position: relative; display: inline-block; margin-inline-start: 6px; vertical-align: middle; }
    .badge { border: 1px solid var(--tone); color: var(--tone); background: transparent; font-weight: 600; padding: 0 6px; border-radius: 10px; }
    .tip { display: none; position: absolute; z-index: 2147483000; inset-inline-start: 0; top: 100%; margin-top: 4px; width: 280px; padding: 8px; }
    .wrap:hover .tip, .wrap:focus-within .tip { display: block; }
    .wrap.closed .tip { display: none; }
    .tip { box-shadow: 0 6px 20px rgb(0 0 0 / .25); }
    /* The base rule's font shorthand resets weights: the title gets its own back. */
    .tip strong { display: block; font-weight: 700; margin-bottom: 2px; }
    ul { margin: 4px 0 8px; padding-inline-start: 18px; } li { margin: 2px 0; }
    .actions { display: flex; flex-wrap: wrap; gap: 6px; } .actions button { white-space: nowrap; }`;
  let seq = 0;

  // A flagged person, one the user judged, or an invitation with a note (so that a scam note
  // Vigie missed can be marked: its wording is then recognised next time).
  ui.shouldBadge = (a, { note = false } = {}) => Boolean(a && (a.verdict || note || (a.level && a.level !== 'none')));

  ui.badge = (assessment, { onMark, note = false }) => {
    const { host, root } = ui.attach(CSS);
    const render = (a) => {
      root.querySelector('.wrap')?.remove();
      const level = a.verdict === 'trusted' ? 'ok' : a.level;
      // Branded and in words: "Vigie · high risk", not a bare "high" that could be the site's.
      const label = a.verdict ? ui.t(a.verdict === 'trusted' ? 'badgeTrusted' : 'badgeFake')
        : a.level === 'none' ? ui.t('badgeNoSign') : ui.t('riskLevel', [ui.t(`level_${a.level}`)]);
      const tipId = `vigie-tip-${++seq}`;
      // In the user's words from the host's codes, kinds and evidence (shared/reasons.js), never the host's English detail.
      const reasons = (a.reasons ?? []).map((r) => ui.el('li', {}, ns.reasons.assessment(r, ui.t)));
      const mark = (verdict) => async () => {
        const next = await onMark(verdict);
        if (next) render({ ...a, ...next });
      };
      const wrap = ui.el('span', { class: `wrap ${level}` },
        ui.el('button', { class: 'badge', 'aria-describedby': tipId, 'aria-label': ui.t('badgeTitle', [ui.t('badgeLabel'), label]) }, `${ui.t('badgeLabel')} · ${label}`),
        ui.el('div', { class: 'tip panel', role: 'tooltip', id: tipId },
          // "Vigie: high risk" / "Vigie : risque élevé": the catalogue places the colon as each language does.
          ui.el('strong', {}, `${ui.t('badgeTitle', [ui.t('badgeLabel'), label])}${a.score !== undefined ? ` (${a.score}/100)` : ''}`),
          reasons.length ? ui.el('ul', {}, ...reasons) : ui.el('p', {}, ui.t(note ? 'noReasonsNote' : 'noReasons')),
          ui.el('div', { class: 'actions' },
            ui.el('button', { onclick: mark(a.verdict === 'trusted' ? null : 'trusted') }, ui.t(a.verdict === 'trusted' ? 'undoMark' : 'markTrusted')),
            // On an invitation with a note the verdict is about the note: marking it teaches its wording.
            ui.el('button', { onclick: mark(a.verdict === 'fake' ? null : 'fake') }, ui.t(a.verdict === 'fake' ? 'undoMark' : note ? 'markScamNote' : 'markFake')))));
      // A click on the badge is Vigie's: were it ever inside a link of the site (observe.placeBadge
      // puts it after the link), it must neither follow the link nor reach the site's listeners.
      for (const type of ['click', 'auxclick']) wrap.addEventListener(type, (e) => { e.preventDefault(); e.stopPropagation(); });
      // Escape closes the reasons (as any tooltip); they come back on the next hover or focus.
      wrap.addEventListener('keydown', (e) => { if (e.key === 'Escape') { wrap.classList.add('closed'); e.stopPropagation(); } });
      wrap.addEventListener('mouseleave', () => wrap.classList.remove('closed'));
      wrap.addEventListener('focusout', (e) => { if (!wrap.contains(e.relatedTarget)) wrap.classList.remove('closed'); });
      root.append(wrap);
    };
    render(assessment);
    return host;
  };
})(globalThis.__vigie ??= {});
