import { MSG, INTERNAL, acceptanceLabel, acceptanceValue, api, call, el, hostNotice, localize, t } from './common.js';
import { chart } from './charts.js';
import { download, exportText } from './export.js';
import { renderTeam } from './team.js';

localize();
const PAGE = 50;
// Dates and numbers in the language the page's words are in (shared/reasons.js says how).
const LOCALE = globalThis.__vigie.reasons.locale(t);
// The table is a window on the host's list: sorted, filtered and paged by invitations.list, so
// 100,000 invitations cost the page what 50 do.
const view = { offset: 0, sort: 'created_at', order: 'desc', text: '' };

// [key, label, cell, sortable by the host]
const COLUMNS = [
  ['created_at', 'colDate', (i) => new Date(i.created_at).toLocaleDateString(LOCALE), true],
  ['name', 'colName', (i) => i.person?.name ?? i.person?.profile_url, true],
  ['direction', 'colDirection', (i) => t(`dir_${i.direction}`), false],
  ['status', 'colStatus', (i) => t(`status_${i.status}`), true],
  ['level', 'colLevel', (i) => (i.person?.level ? t(`level_${i.person.level}`) : ''), true],
  ['note', 'colNote', (i) => i.note ?? '', false],
];

let shownRequest = 0;
async function renderTable() {
  const request = ++shownRequest;
  const page = await call(MSG.INVITATIONS_LIST, { limit: PAGE, offset: view.offset, sort: view.sort, order: view.order, ...(view.text ? { text: view.text } : {}) });
  if (request !== shownRequest) return; // a later keystroke or click has asked since: its answer wins
  const table = document.getElementById('invitations');
  const fmt = (n) => n.toLocaleString(LOCALE);
  // Sorting through real buttons in the headers keeps it keyboard-accessible; aria-sort says the state.
  table.tHead.replaceChildren(el('tr', {}, ...COLUMNS.map(([key, label, , sortable]) => {
    const state = view.sort === key ? (view.order === 'asc' ? 'ascending' : 'descending') : 'none';
    if (!sortable) return el('th', { scope: 'col' }, t(label));
    return el('th', { scope: 'col', 'aria-sort': state },
      el('button', { class: 'sort', onclick: () => {
        // A new column starts where people look first: newest, riskiest, A to Z; a second click flips it.
        const first = key === 'created_at' || key === 'level' ? 'desc' : 'asc';
        const flipped = view.order === 'desc' ? 'asc' : 'desc';
        Object.assign(view, { sort: key, order: view.sort === key ? flipped : first, offset: 0 });
        renderTable();
      } }, t(label)));
  })));
  table.tBodies[0].replaceChildren(...page.items.map((i) => el('tr', {}, ...COLUMNS.map(([key, , cell]) => (key === 'name'
    ? el('td', {}, el('a', { href: i.person?.profile_url ?? '#', target: '_blank', rel: 'noreferrer' }, cell(i) ?? ''))
    : el('td', {}, cell(i) ?? ''))))));
  const empty = document.getElementById('table-empty');
  empty.hidden = page.total > 0;
  empty.textContent = view.text ? t('noMatch', [view.text]) : t('noInvitations');
  table.hidden = page.total === 0;
  // Nothing to export from an empty ledger (a search with no match still exports the ledger).
  for (const id of ['export-csv', 'export-json']) document.getElementById(id).disabled = page.total === 0 && !view.text;
  const last = Math.min(view.offset + page.items.length, page.total);
  document.getElementById('page-info').textContent = page.total ? t('pageOf', [fmt(view.offset + 1), fmt(last), fmt(page.total)]) : '';
  document.getElementById('page-prev').disabled = view.offset === 0;
  document.getElementById('page-next').disabled = page.next_offset === null || page.next_offset === undefined;
  document.getElementById('pager').hidden = page.total <= PAGE;
}

function renderLists(stats) {
  const link = (url, text) => el('a', { href: url, target: '_blank', rel: 'noreferrer' }, text);
  // The oldest few in view; the rest (up to 200) one click away rather than a page of bullets.
  const FIRST = 10;
  const candidate = (c) => el('li', {}, link(c.profile_url, c.name ?? c.profile_url), ` — ${t('daysPending', [String(c.age_days)])}`);
  const all = stats.withdrawal_candidates;
  document.getElementById('withdraw').replaceChildren(...(all.length ? all.slice(0, FIRST).map(candidate) : [el('li', {}, t('none'))]));
  const more = document.getElementById('withdraw-more');
  more.hidden = all.length <= FIRST;
  if (all.length > FIRST) {
    more.replaceChildren(el('summary', {}, t('showAll', [String(all.length)])), el('ul', {}, ...all.slice(FIRST).map(candidate)));
  }
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

// Dates as the user's language writes them ("8 déc." / "Dec 8"), from the host's YYYY-MM-DD.
const shortDate = (ymd) => new Date(`${String(ymd).slice(0, 10)}T12:00:00`).toLocaleDateString(LOCALE, { month: 'short', day: 'numeric' });

async function renderCharts(stats) {
  const days = stats.sent_per_day;
  await chart(document.getElementById('chart-sends'), {
    labels: days.map((d) => shortDate(d.date)),
    headers: [t('colDate'), t('sends'), t('dailyLimit')],
    empty: t('noDataYet'),
    series: [
      { label: t('sends'), values: days.map((d) => d.count), bars: true },
      { label: t('dailyLimit'), values: days.map(() => stats.daily_limit), color: '#cf222e', dash: [6, 4], data: false },
    ],
  });
  // Per cohort: of the invitations sent each week, the share accepted among those decided so far.
  const weeks = stats.acceptance_by_week;
  await chart(document.getElementById('chart-rate'), {
    labels: weeks.map((w) => shortDate(w.week_start)),
    headers: [t('colWeek'), t('chartAcceptance')],
    empty: t('noDecidedYet'),
    yMax: 100, yUnit: ' %',
    series: [{ label: t('chartAcceptance'), values: weeks.map((w) => (w.rate === null ? null : Math.round(w.rate * 100))) }],
  });
  const buckets = ['0-7', '8-21', '22-90', '90+'];
  await chart(document.getElementById('chart-age'), {
    labels: buckets.map((b) => t('daysRange', [b])),
    headers: [t('colAge'), t('pending')],
    empty: t('noPendingYet'),
    series: [{ label: t('pending'), values: buckets.map((b) => stats.pending_age[b] ?? 0), bars: true }],
  });
}

// The team section, only for a user in a team (team.view says so); nothing at all otherwise.
async function renderTeamSection() {
  // A host from before teams does not know team.view: no section either.
  const view = await call(MSG.TEAM_VIEW).catch(() => null);
  renderTeam(document, view, t, LOCALE);
  if (!view?.in_team) return;
  await chart(document.getElementById('chart-team'), {
    labels: view.volume.map((d) => shortDate(d.day)),
    headers: [t('colDate'), t('teamSends')],
    empty: t('noDataYet'),
    series: [{ label: t('teamSends'), values: view.volume.map((d) => d.sent), bars: true }],
  });
}

async function main() {
  const status = (await api.sendToBackground({ type: INTERNAL.STATUS }))?.result;
  hostNotice(document.getElementById('host'), status);
  // Without the program there is nothing to show or export: the notice alone, as in the popup,
  // rather than blank tiles, empty charts and buttons that cannot work.
  document.querySelector('main').hidden = status?.host !== 'connected';
  if (status?.host !== 'connected') return;
  const stats = await call(MSG.STATS_GET);
  renderSummary(stats);
  renderLists(stats);
  await renderCharts(stats);
  await renderTeamSection();
  await renderTable();
}

// A search waits for a pause in the typing (250 ms), then asks the host for its first page.
let typing;
document.getElementById('search').addEventListener('input', (e) => {
  clearTimeout(typing);
  typing = setTimeout(() => { Object.assign(view, { text: e.target.value.trim(), offset: 0 }); renderTable(); }, 250);
});
document.getElementById('page-prev').addEventListener('click', () => { view.offset = Math.max(0, view.offset - PAGE); renderTable(); });
document.getElementById('page-next').addEventListener('click', () => { view.offset += PAGE; renderTable(); });
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
// What was picked, in the page's words (the browser's own control is hidden: see pages.css).
const filesInput = document.getElementById('import-files');
const showPicked = () => {
  const names = [...filesInput.files].map((f) => f.name);
  document.getElementById('import-picked').textContent = names.length ? names.join(', ') : t('importNothingPicked');
};
filesInput.addEventListener('change', showPicked);
// The label is the button: Enter and Space open the picker, as a click does.
document.querySelector('.file-pick').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); filesInput.click(); }
});
showPicked();
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
