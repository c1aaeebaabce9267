import { INTERNAL, MSG, acceptanceLabel, acceptanceValue, api, call, el, hostNotice, localize, nextSendView, t } from './common.js';

localize();

function gauge(id, value, limit, level) {
  const box = document.getElementById(id);
  box.className = `gauge ${level}`;
  box.querySelector('dd').textContent = `${value} / ${limit}`;
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
  // Without the program there are no numbers: the notice above says what to do, no empty tiles.
  const connected = status?.host === 'connected';
  document.getElementById('gauges').hidden = !connected;
  document.getElementById('warnings-box').hidden = !connected;
  if (!connected) return;
  const [stats, check] = await Promise.all([call(MSG.STATS_GET, { network: 'linkedin' }), call(MSG.INVITATION_CHECK, { network: 'linkedin' })]);
  const view = nextSendView(check);
  gauge('today', stats.today, stats.daily_limit, view.today);
  gauge('week', stats.week, stats.weekly_limit, view.week);
  document.querySelector('#rate dt').textContent = acceptanceLabel(stats.acceptance);
  document.querySelector('#rate dd').textContent = acceptanceValue(stats.acceptance);
  document.querySelector('#pending dd').textContent = String(stats.pending);
  document.getElementById('warnings').replaceChildren(...(view.warnings.length ? view.warnings : [t('noWarnings')]).map((w) => el('li', {}, w)));
}

renderSiteAccess().catch(() => {});
render().catch((e) => {
  document.getElementById('warnings').replaceChildren(el('li', {}, `${t('error')}: ${e.message}`));
});
