// Shared by the popup, dashboard and options pages: i18n of static text, and host calls.
import '../shared/messages.js';
import '../shared/browser-api.js';
import '../shared/reasons.js';

export const { MSG, INTERNAL, browserApi: api } = globalThis.__vigie;
export const t = (key, subs) => api.t(key, subs);

export function localize(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  document.documentElement.lang = api.uiLanguage().split('-')[0];
}

export async function call(type, fields = {}) {
  const reply = await api.sendToBackground({ type, ...fields });
  if (!reply?.ok) throw Object.assign(new Error(reply?.error?.message ?? 'no reply'), { code: reply?.error?.code });
  return reply.result;
}

export const el = (tag, props = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
};

export const pct = (r) => (r === null || r === undefined ? '–' : `${Math.round(r * 100)} %`);

// The host's one acceptance rate ({rate, accepted, decided, window}), labelled with what it is
// measured over: the popup and the dashboard say the same thing the same way.
export const acceptanceLabel = (a) => t('acceptanceWindow', [String(a?.window ?? '–')]);
export const acceptanceValue = (a) => (a?.rate === null || a?.rate === undefined ? '–'
  : t('acceptanceOf', [pct(a.rate), String(a.accepted), String(a.decided)]));

// What the host says of the next send (invitation.check without a person): the tone of the day's
// and the week's gauges (the level of the host's daily_limit / weekly_limit reason, ok without
// one) and its reasons in the user's words. The host applies the user's thresholds; nothing is
// judged here.
export function nextSendView(check, translate = t) {
  const reasons = check?.reasons ?? [];
  const level = (code) => reasons.find((r) => r.code === code)?.verdict ?? 'ok';
  return {
    today: level('daily_limit'),
    week: level('weekly_limit'),
    warnings: reasons.map((r) => globalThis.__vigie.reasons.render(r, translate)),
  };
}

// The host's status in words, with the install command when it is missing.
export function hostNotice(container, status) {
  container.replaceChildren();
  if (!status || status.host === 'connected') { container.hidden = true; return; }
  container.hidden = false;
  // The one command that fixes what is wrong, for this browser.
  const browser = api.getURL('').startsWith('moz-extension:') ? 'firefox' : 'chromium';
  const [key, hint, command] = {
    not_installed: ['hostNotInstalled', 'installHint', 'bash installer/install.sh'],
    forbidden: ['hostForbidden', 'registerHint', `vigie install --browser ${browser}`],
  }[status.host] ?? ['hostNotRunning', 'doctorHint', 'vigie doctor'];
  container.append(el('p', {}, t(key)), el('p', {}, t(hint)), el('code', {}, command));
  if (status.host === 'not_installed') container.append(el('p', {}, t('registerHintInstalled')), el('code', {}, `vigie install --browser ${browser}`));
  if (status.queued) container.append(el('p', {}, t('queued', [String(status.queued)])));
  if (status.dropped) container.append(el('p', {}, t('dropped', [String(status.dropped)])));
}
