import { MSG, INTERNAL, acceptanceLabel, acceptanceValue, api, call, el, hostNotice, localize, t } from './common.js';
import { chart } from './charts.js';
import { download, exportText } from './export.js';

localize();
const MAX_ITEMS = 20000;
let items = [];
let sort = { key: 'created_at', dir: -1 };

const COLUMNS = [
  ['created_at', 'colDate', (i) => new Date(i.created_at).toLocaleDateString()],
  ['name', 'colName', (i) => i.person?.name ?? i.person?.profile_url],
  ['direction', 'colDirection', (i) => t(`dir_${i.direction}`)],
  ['status', 'colStatus', (i) => t(`status_${i.status}`)],
  ['level', 'colLevel', (i) => (i.person?.level ? t(`level_${i.person.level}`) : '')],
  ['note', 'colNote', (i) => i.note ?? ''],
];
const sortValue = (i, key) => (key === 'name' ? i.person?.name ?? '' : key === 'level' ? i.person?.score ?? -1 : i[key] ?? '');

async function loadAll() {
  const all = [];
  let offset = 0;
  while (offset !== null && all.length < MAX_ITEMS) {
    const page = await call(MSG.INVITATIONS_LIST, { limit: 1000, offset });
    all.push(...page.items);
    offset = page.next_offset;
  }
  return all;
}

function renderTable() {
  const q = document.getElementById('search').value.trim().toLowerCase();
  const shown = items.filter((i) => !q || [i.person?.name, i.person?.headline, i.person?.profile_url, i.note, i.status].some((v) => v?.toLowerCase().includes(q)));
  shown.sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    return (va < vb ? -1 : va > vb ? 1 : 0) * sort.dir;
  });
  const table = document.getElementById('invitations');
  // Sorting through real buttons in the headers keeps it keyboard-accessible; aria-sort says the state.
  table.tHead.replaceChildren(el('tr', {}, ...COLUMNS.map(([key, label]) => el('th', { scope: 'col', 'aria-sort': sort.key === key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none' },
    el('button', { class: 'sort', onclick: () => { sort = { key, dir: sort.key === key ? -sort.dir : 1 }; renderTable(); } }, t(label))))));
  table.tBodies[0].replaceChildren(...shown.slice(0, 2000).map((i) => el('tr', {}, ...COLUMNS.map(([key, , fmt]) => (key === 'name'
    ? el('td', {}, el('a', { href: i.person?.profile_url ?? '#', target: '_blank', rel: 'noreferrer' }, fmt(i) ?? ''))
    : el('td', {}, fmt(i) ?? ''))))));
}

function renderLists(stats) {
  const link = (url, text) => el('a', { href: url, target: '_blank', rel: 'noreferrer' }, text);
  document.getElementById('withdraw').replaceChildren(...(stats.withdrawal_candidates.length
    ? stats.withdrawal_candidates.map((c) => el('li', {}, link(c.profile_url, c.name ?? c.profile_url), ` — ${t('daysPending', [String(c.age_days)])}`))
    : [el('li', {}, t('none'))]));
  document.getElementById('suspicious').replaceChildren(...(stats.suspicious.length
    ? stats.suspicious.map((s) => el('li', {}, link(s.profile_url, s.name ?? s.profile_url), ` — ${t(`level_${s.level}`)} (${s.score}/100)`))
    : [el('li', {}, t('none'))]));
}

// The same four numbers as the popup, from the same host reply, with their windows.
function renderSummary(stats) {
  document.querySelector('#today dd').textContent = `${stats.today} / ${stats.daily_limit}`;
  document.querySelector('#week dd').textContent = `${stats.week} / ${stats.weekly_limit}`;
  document.querySelector('#rate dt').textContent = acceptanceLabel(stats.acceptance);
  document.querySelector('#rate dd').textContent = acceptanceValue(stats.acceptance);
  document.querySelector('#pending dd').textContent = String(stats.pending);
}

async function renderCharts(stats) {
  const days = stats.sent_per_day;
  await chart(document.getElementById('chart-sends'), {
    labels: days.map((d) => d.date.slice(5)),
    headers: [t('colDate'), t('sends'), t('dailyLimit')],
    series: [
      { label: t('sends'), values: days.map((d) => d.count), bars: true },
      { label: t('dailyLimit'), values: days.map(() => stats.daily_limit), color: '#cf222e', dash: [6, 4] },
    ],
  });
  // Per cohort: of the invitations sent each week, the share accepted among those decided so far.
  const weeks = stats.acceptance_by_week;
  await chart(document.getElementById('chart-rate'), {
    labels: weeks.map((w) => String(w.week_start).slice(5, 10)),
    headers: [t('colWeek'), t('chartAcceptance')],
    series: [{ label: t('chartAcceptance'), values: weeks.map((w) => (w.rate === null ? null : Math.round(w.rate * 100))) }],
  });
  const buckets = ['0-7', '8-21', '22-90', '90+'];
  await chart(document.getElementById('chart-age'), {
    labels: buckets.map((b) => t('daysRange', [b])),
    headers: [t('colAge'), t('pending')],
    series: [{ label: t('pending'), values: buckets.map((b) => stats.pending_age[b] ?? 0), bars: true }],
  });
}

async function main() {
  const status = (await api.sendToBackground({ type: INTERNAL.STATUS }))?.result;
  hostNotice(document.getElementById('host'), status);
  if (status?.host !== 'connected') return;
  const stats = await call(MSG.STATS_GET);
  renderSummary(stats);
  renderLists(stats);
  await renderCharts(stats);
  items = await loadAll();
  renderTable();
}

document.getElementById('search').addEventListener('input', renderTable);
const stamp = () => new Date().toISOString().slice(0, 10);
// The host writes the file (the same format as `vigie export`); the page saves it.
const exportAs = (format, type) => async () => {
  try {
    const { text } = await exportText(call, format);
    download(`vigie-invitations-${stamp()}.${format}`, text, type);
  } catch (e) {
    document.getElementById('host').replaceChildren(el('p', {}, `${t('error')}: ${e.message}`));
  }
};
document.getElementById('export-csv').addEventListener('click', exportAs('csv', 'text/csv;charset=utf-8'));
document.getElementById('export-json').addEventListener('click', exportAs('json', 'application/json'));

// The user picks LinkedIn's export (the ZIP, or its CSV files); the host imports them with the
// same code as `vigie import linkedin-export` and answers its summary or the file and line it
// refused. The page reads nothing of the files itself.
const base64 = async (file) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
};
document.getElementById('import-run').addEventListener('click', async () => {
  const out = document.getElementById('import-status');
  const picked = [...document.getElementById('import-files').files];
  if (!picked.length) { out.textContent = t('importNoFiles'); return; }
  out.textContent = t('importRunning');
  try {
    const files = await Promise.all(picked.map(async (f) => ({ name: f.name, data: await base64(f) })));
    let r;
    try {
      r = await call(MSG.IMPORT_FILES, { files });
    } catch (e) {
      // The host refuses while other writes of the same moment are open: once more, a little later.
      if (e.code !== 'storage_error') throw e;
      await new Promise((resolve) => { setTimeout(resolve, 500); });
      r = await call(MSG.IMPORT_FILES, { files });
    }
    const skipped = (r.invitations_skipped_without_url ?? 0) + (r.connections_skipped_without_url ?? 0);
    out.textContent = t('importDone', [String(r.invitations_added), String(r.invitations_known), String(r.connections_added), String(skipped)]);
    await main();
  } catch (e) {
    out.textContent = `${t('error')}: ${e.message}`;
  }
});
main().catch((e) => document.getElementById('host').replaceChildren(el('p', {}, `${t('error')}: ${e.message}`)));
