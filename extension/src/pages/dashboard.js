import { MSG, INTERNAL, api, call, el, hostNotice, localize, t } from './common.js';
import { chart } from './charts.js';
import { toCsv, download } from './export.js';
import { buildImportBatch } from './linkedin-export.js';

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
  const weeks = stats.acceptance_rate.weekly;
  await chart(document.getElementById('chart-rate'), {
    labels: weeks.map((w) => String(w.week_start).slice(5, 10)),
    headers: [t('colWeek'), t('acceptanceRate')],
    series: [{ label: t('acceptanceRate'), values: weeks.map((w) => (w.rate === null ? null : Math.round(w.rate * 100))) }],
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
  renderLists(stats);
  await renderCharts(stats);
  items = await loadAll();
  renderTable();
}

document.getElementById('search').addEventListener('input', renderTable);
const stamp = () => new Date().toISOString().slice(0, 10);
document.getElementById('export-csv').addEventListener('click', () => download(`vigie-invitations-${stamp()}.csv`, toCsv(items), 'text/csv;charset=utf-8'));
document.getElementById('export-json').addEventListener('click', () => download(`vigie-invitations-${stamp()}.json`, `${JSON.stringify(items, null, 2)}\n`, 'application/json'));

// The user picks the export's CSV files; they are read here and sent to the host as one
// all-or-nothing import.batch (a malformed file is refused before anything is sent).
document.getElementById('import-run').addEventListener('click', async () => {
  const out = document.getElementById('import-status');
  const picked = [...document.getElementById('import-files').files];
  const files = {};
  for (const f of picked) {
    const name = /connections/i.test(f.name) ? 'Connections.csv' : /invitations/i.test(f.name) ? 'Invitations.csv' : null;
    if (name) files[name] = await f.text();
  }
  if (!Object.keys(files).length) { out.textContent = t('importNoFiles'); return; }
  try {
    const { request, skipped } = buildImportBatch(files);
    const r = await call(MSG.IMPORT_BATCH, request);
    out.textContent = t('importDone', [String(r.invitations_added), String(r.invitations_known), String(r.connections_added), String(skipped)]);
    await main();
  } catch (e) {
    out.textContent = `${t('error')}: ${e.message}`;
  }
});
main().catch((e) => document.getElementById('host').replaceChildren(el('p', {}, `${t('error')}: ${e.message}`)));
