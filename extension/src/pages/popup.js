import { INTERNAL, MSG, api, call, el, hostNotice, localize, pct, t, tone } from './common.js';

localize();

function gauge(id, value, limit, ratio) {
  const box = document.getElementById(id);
  box.className = `gauge ${tone(value, limit, ratio)}`;
  box.querySelector('dd').textContent = `${value} / ${limit}`;
}

// Warnings the popup can tell from the numbers alone; per-person ones come with each send.
export function warningsFrom(stats, settings) {
  const out = [];
  const ratio = settings.caution_ratio ?? 0.8;
  if (stats.today >= stats.daily_limit * ratio) out.push(t('warnDaily', [String(stats.today), String(stats.daily_limit)]));
  if (stats.week >= stats.weekly_limit * ratio) out.push(t('warnWeekly', [String(stats.week), String(stats.weekly_limit)]));
  if (stats.pending > (settings.max_pending ?? 500)) out.push(t('warnPending', [String(stats.pending)]));
  const recent = stats.acceptance_rate?.last_30_days;
  if (recent !== null && recent !== undefined && recent < (settings.low_acceptance_rate ?? 0.3)) out.push(t('warnAcceptance', [pct(recent)]));
  return out;
}

// Without its host permissions no content script runs: say so and ask again, from the click itself
// (permissions.request needs a user gesture, so nothing is awaited before it).
export async function renderSiteAccess(box = document.getElementById('access')) {
  const origins = api.hostOrigins();
  const granted = await api.hasOrigins(origins);
  box.hidden = granted;
  if (granted) { box.replaceChildren(); return granted; }
  const ask = () => api.requestOrigins(origins).then(() => renderSiteAccess(box));
  box.replaceChildren(el('p', {}, t('siteAccessMissing')), el('button', { id: 'access-grant', onclick: ask }, t('siteAccessGrant')));
  return granted;
}

async function render() {
  const status = (await api.sendToBackground({ type: INTERNAL.STATUS }))?.result;
  hostNotice(document.getElementById('host'), status);
  const drift = document.getElementById('drift');
  drift.hidden = !status?.drift;
  if (status?.drift) {
    drift.replaceChildren(el('p', {}, t('driftNotice', [status.drift.last?.page_kind ?? '?'])),
      el('button', { onclick: async () => { await api.sendToBackground({ type: INTERNAL.CLEAR_DRIFT }); drift.hidden = true; } }, t('dismiss')));
  }
  if (status?.host !== 'connected') return;
  const [stats, { settings }] = await Promise.all([call(MSG.STATS_GET, { network: 'linkedin' }), call(MSG.SETTINGS_GET)]);
  const ratio = settings.caution_ratio ?? 0.8;
  gauge('today', stats.today, stats.daily_limit, ratio);
  gauge('week', stats.week, stats.weekly_limit, ratio);
  document.querySelector('#rate dd').textContent = pct(stats.acceptance_rate?.all_time);
  document.querySelector('#pending dd').textContent = String(stats.pending);
  const warnings = warningsFrom(stats, settings);
  document.getElementById('warnings').replaceChildren(...(warnings.length ? warnings : [t('noWarnings')]).map((w) => el('li', {}, w)));
}

renderSiteAccess().catch(() => {});
render().catch((e) => {
  document.getElementById('warnings').replaceChildren(el('li', {}, `${t('error')}: ${e.message}`));
});
