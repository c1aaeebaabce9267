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
    ul { margin: 4px 0 8px; padding-inline-start: 18px; } li { margin: 2px 0; }
    .actions { display: flex; gap: 6px; }`;
  let seq = 0;

  ui.shouldBadge = (a) => Boolean(a && (a.verdict || (a.level && a.level !== 'none')));

  ui.badge = (assessment, { onMark }) => {
    const { host, root } = ui.attach(CSS);
    const render = (a) => {
      root.querySelector('.wrap')?.remove();
      const level = a.verdict === 'trusted' ? 'ok' : a.level;
      const label = a.verdict ? ui.t(a.verdict === 'trusted' ? 'badgeTrusted' : 'badgeFake') : ui.t(`level_${a.level}`);
      const tipId = `vigie-tip-${++seq}`;
      const reasons = (a.reasons ?? []).map((r) => ui.el('li', {}, r.detail || ui.t(`reason_${r.code}`)));
      const mark = (verdict) => async () => {
        const next = await onMark(verdict);
        if (next) render({ ...a, ...next });
      };
      root.append(ui.el('span', { class: `wrap ${level}` },
        ui.el('button', { class: 'badge', 'aria-describedby': tipId, 'aria-label': `${ui.t('badgeLabel')}: ${label}` }, label),
        ui.el('div', { class: 'tip panel', role: 'tooltip', id: tipId },
          ui.el('strong', {}, `${ui.t('badgeLabel')}: ${label}${a.score !== undefined ? ` (${a.score}/100)` : ''}`),
          reasons.length ? ui.el('ul', {}, ...reasons) : ui.el('p', {}, ui.t('noReasons')),
          ui.el('div', { class: 'actions' },
            ui.el('button', { onclick: mark(a.verdict === 'trusted' ? null : 'trusted') }, ui.t(a.verdict === 'trusted' ? 'undoMark' : 'markTrusted')),
            ui.el('button', { onclick: mark(a.verdict === 'fake' ? null : 'fake') }, ui.t(a.verdict === 'fake' ? 'undoMark' : 'markFake'))))));
    };
    render(assessment);
    return host;
  };
})(globalThis.__vigie ??= {});
