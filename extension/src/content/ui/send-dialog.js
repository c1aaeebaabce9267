// The hold-and-confirm dialog shown when a send would cross a limit or could not be checked,
// and the live note counter. Cancel is the default (it has the focus).
(function (ns) {
  'use strict';
  const ui = (ns.ui ??= {});
  const CSS = `
    .backdrop { position: fixed; inset: 0; z-index: 2147483646; background: rgb(0 0 0 / .45); display: grid; place-items: center; }
    .dialog { max-width: 460px; padding: 16px 20px; border-top: 6px solid var(--tone); }
    .brand { margin: 0 0 4px; font-size: 12px; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; opacity: .75; }
    h2 { font-size: 16px; font-weight: 700; margin: 0 0 8px; color: var(--tone); }
    table { border-collapse: collapse; margin: 8px 0; } td { padding: 1px 10px 1px 0; } td + td { white-space: nowrap; }
    ul { padding-inline-start: 18px; } .buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 12px; }
    .dialog td, .dialog li { font-size: 15px; }
    /* As large as the site's own pill buttons; Cancel, the default, is the filled one. */
    .buttons button { font-size: 16px; font-weight: 600; padding: 6px 18px; border-radius: 999px; min-height: 36px; }
    .buttons button.primary { background: #0a66c2; border-color: #0a66c2; color: #fff; }
    .counter { display: block; margin: 4px 0; font-size: 12px; color: var(--tone); }`;

  const num = (v) => (v === null || v === undefined ? '–' : String(v));

  ui.confirmSend = (decision) => new Promise((resolve) => {
    const { host, root } = ui.attach(CSS, 'div');
    const previous = document.activeElement;
    const done = (answer) => {
      host.remove();
      previous?.focus?.();
      resolve(answer);
    };
    const c = decision.counts;
    // The host's one rate, with what it is measured over (its window of decided invitations).
    const a = c?.acceptance;
    const rate = a?.rate === null || a?.rate === undefined ? '–'
      : ui.t('acceptanceOf', [`${Math.round(a.rate * 100)} %`, String(a.accepted), String(a.decided)]);
    const cancel = ui.el('button', { class: 'primary', onclick: () => done(false) }, ui.t('cancel'));
    const send = ui.el('button', { onclick: () => done(true) }, ui.t('sendAnyway'));
    const dialog = ui.el('div', { class: `dialog panel ${decision.verdict}`, role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'h', 'aria-describedby': 'r' },
      // Said plainly: this warning is Vigie's, not the site's.
      ui.el('p', { class: 'brand' }, ui.t('warningFrom')),
      ui.el('h2', { id: 'h' }, ui.t(decision.unchecked ? 'holdUnchecked' : decision.verdict === 'stop' ? 'holdStop' : 'holdCaution')),
      c ? ui.el('table', {},
        ui.el('tr', {}, ui.el('td', {}, ui.t('today')), ui.el('td', {}, `${num(c.today)} / ${num(c.daily_limit)}`)),
        ui.el('tr', {}, ui.el('td', {}, ui.t('thisWeek')), ui.el('td', {}, `${num(c.week)} / ${num(c.weekly_limit)}`)),
        ui.el('tr', {}, ui.el('td', {}, ui.t('pending')), ui.el('td', {}, num(c.pending))),
        ui.el('tr', {}, ui.el('td', {}, ui.t('acceptanceWindow', [String(a?.window ?? '–')])), ui.el('td', {}, rate))) : null,
      ui.el('ul', { id: 'r' }, ...decision.reasons.map((r) => ui.el('li', {}, ns.reasons.render(r, ui.t)))),
      ui.el('div', { class: 'buttons' }, cancel, send));
    // Keyboard: Escape cancels (and stays ours: LinkedIn's dialog, with the note, stays open),
    // Tab stays inside the two buttons.
    dialog.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); done(false); }
      if (e.key === 'Tab') { e.preventDefault(); (root.activeElement === cancel ? send : cancel).focus(); }
    });
    root.append(ui.el('div', { class: 'backdrop' }, dialog));
    document.documentElement.append(host);
    cancel.focus();
  });

  ui.noteCounter = () => {
    const { host, root } = ui.attach(CSS);
    const line = ui.el('span', { class: 'counter ok', 'aria-live': 'polite' });
    root.append(line);
    return {
      host,
      // `limit` is the host's note_max, null until the host has answered: then only the count.
      update(length, limit) {
        line.className = `counter ${ns.policy.noteTone(length, limit)}`;
        line.textContent = Number.isFinite(limit) ? ui.t('noteCount', [String(length), String(limit)]) : ui.t('noteCountPlain', [String(length)]);
      },
    };
  };
})(globalThis.__vigie ??= {});
