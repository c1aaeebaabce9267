// The popup and the dashboard show the counts and the charts (screenshots kept as artefacts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureServer } from './lib/fixture-server.js';
import { eventually, hostRequests, openExtensionPage, screenshot, setInputFiles, startSession, vigieList } from './lib/harness.js';

let server;
before(async () => { server = await startFixtureServer(); });
after(() => server.close());

test('popup and dashboard show today\'s count, the gauges and the charts', async (t) => {
  const s = await startSession(t, { server });
  const people = ['ana-b', 'marc-c', 'lea-d'];
  const seeded = await hostRequests(s, [
    ...people.map((slug) => ({ type: 'invitation.sent', profile: { network: 'linkedin', profile_url: `https://www.linkedin.com/in/${slug}/`, name: slug }, note: '' })),
    { type: 'invitation.received', invitations: [{ profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/elena-v-77/', name: 'Elena V.', headline: 'Hairdresser' }, note: 'Add me on WhatsApp' }] },
  ]);
  for (const r of seeded) assert.equal(r.ok, true, JSON.stringify(r));

  const popup = await openExtensionPage(s, 'popup.html', { width: 380, height: 520 });
  await eventually(async () => /^3 \/ 20$/.test((await popup.text('#today dd')) ?? ''), { what: 'today 3 / 20 in the popup' });
  assert.equal(await popup.text('#pending dd'), '3');
  // The host's one acceptance rate, labelled with its window; nothing decided yet.
  await eventually(async () => /50/.test((await popup.text('#rate dt')) ?? ''), { what: 'the acceptance window in the popup' });
  assert.equal(await popup.text('#rate dd'), '–');
  assert.equal(await popup.evaluate(() => document.getElementById('host').hidden), true, 'no host warning when connected');
  assert.equal(await popup.evaluate(() => document.getElementById('access').hidden), true, 'no site-access warning when granted');
  await screenshot(popup, 'popup');

  const dash = await openExtensionPage(s, 'dashboard.html');
  const count = (selector) => dash.evaluate((sel) => document.querySelectorAll(sel).length, selector);
  for (const chart of ['#chart-sends', '#chart-age'])
    await eventually(async () => (await count(`${chart} canvas`)) > 0, { what: `a chart drawn in ${chart}` });
  // Nothing decided yet: a sentence, not empty axes.
  await eventually(async () => (await count('#chart-rate p.empty')) === 1, { what: 'the acceptance chart\'s no-data state' });
  await eventually(async () => (await count('#invitations tbody tr')) >= 4, { what: 'the invitations table' });
  const body = await dash.text('body');
  assert.match(body, /ana-b/);
  await screenshot(dash, 'dashboard');
});

test('the dashboard imports the CSV files or the ZIP of a LinkedIn export through the host, and a second import adds nothing', async (t) => {
  const s = await startSession(t, { server });
  const dash = await openExtensionPage(s, 'dashboard.html');
  const files = [
    { name: 'Invitations.csv', buffer: Buffer.from('From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n'
      + 'Me,Jane Doe,"1/29/26, 2:37 PM","Hello Jane",OUTGOING,https://www.linkedin.com/in/me,https://www.linkedin.com/in/jane-doe-csv\n'
      + 'Bob Smith,Me,"1/30/26, 9:00 AM",,INCOMING,https://www.linkedin.com/in/bob-smith-csv,https://www.linkedin.com/in/me\n') },
    { name: 'Connections.csv', buffer: Buffer.from('Notes:\n"Some e-mails are missing."\n\n'
      + 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
      + 'Carl,Ott,https://www.linkedin.com/in/carl-ott-csv,,Acme,Engineer,15 Jan 2024\n') },
  ];
  for (const round of [1, 2]) {
    await setInputFiles(dash, '#import-files', files);
    await dash.click('#import-run');
    const expected = round === 1 ? /\b2\b.*\b0\b.*\b1\b/ : /\b0\b.*\b2\b.*\b0\b/;
    await eventually(async () => expected.test((await dash.text('#import-status')) ?? ''), { what: `import round ${round} reported` });
  }
  // The ZIP LinkedIn sends goes through the same import: nothing new either.
  const dir = mkdtempSync(join(tmpdir(), 'vigie-zip-'));
  for (const f of files) writeFileSync(join(dir, f.name), f.buffer);
  execFileSync('zip', ['-q', '-j', join(dir, 'Basic_LinkedInDataExport.zip'), join(dir, 'Invitations.csv'), join(dir, 'Connections.csv')]);
  await setInputFiles(dash, '#import-files', [{ name: 'Basic_LinkedInDataExport.zip', buffer: readFileSync(join(dir, 'Basic_LinkedInDataExport.zip')) }]);
  // What was picked is said in the page's words, not by the browser's own control (hidden).
  await eventually(async () => (await dash.text('#import-picked')) === 'Basic_LinkedInDataExport.zip', { what: 'the picked file named' });
  await dash.click('#import-run');
  await eventually(async () => /\b0\b.*\b2\b.*\b0\b/.test((await dash.text('#import-status')) ?? ''), { what: 'the ZIP import reported' });
  rmSync(dir, { recursive: true, force: true });
  const rows = await vigieList(s);
  assert.equal(rows.length, 2, 'two invitations, once each');
  const jane = rows.find((r) => r.person?.profile_url?.includes('jane-doe-csv'));
  assert.equal(jane?.note, 'Hello Jane');
  assert.equal(jane?.source, 'import');
  await screenshot(dash, 'dashboard-import');
});

test('the dashboard pages the table through the host: 50 rows, the total, sort, a delayed search, and its empty states', async (t) => {
  const s = await startSession(t, { server });
  const dash0 = await openExtensionPage(s, 'dashboard.html');
  await eventually(async () => !(await dash0.evaluate(() => document.getElementById('table-empty').hidden)), { what: 'the empty-ledger state' });
  assert.match(await dash0.text('#table-empty'), /\S/);
  await dash0.close();

  const base = Date.now() - 120 * 60_000;
  const seeded = await hostRequests(s, Array.from({ length: 120 }, (_, i) => ({
    type: 'invitation.sent', at: base + i * 60_000,
    profile: { network: 'linkedin', profile_url: `https://www.linkedin.com/in/p-${i}/`, name: i === 7 ? 'Zoé Ångström' : `Person ${String(i).padStart(3, '0')}` }, note: '',
  })));
  assert.ok(seeded.every((r) => r.ok), 'seeded');
  const dash = await openExtensionPage(s, 'dashboard.html');
  const rows = () => dash.evaluate(() => document.querySelectorAll('#invitations tbody tr').length);
  await eventually(async () => (await rows()) === 50, { what: '50 rows on the first page' });
  assert.match(await dash.text('#page-info'), /^1.50\D+120$/);
  await dash.click('#page-next');
  await eventually(async () => /^51.100\D+120$/.test(await dash.text('#page-info')), { what: 'the second page' });
  // Sort by name, ascending: the host orders the whole ledger, not the page.
  await dash.evaluate(() => [...document.querySelectorAll('#invitations thead button')][1].click());
  await eventually(async () => /Person 000/.test(await dash.text('#invitations tbody tr:first-child')), { what: 'sorted by name' });
  assert.match(await dash.text('#page-info'), /^1.50/);
  // Search, folded like the host folds: "zoe angstrom" finds "Zoé Ångström".
  await dash.evaluate(() => { const q = document.getElementById('search'); q.value = 'zoe angstrom'; q.dispatchEvent(new Event('input')); });
  await eventually(async () => (await rows()) === 1, { what: 'one match' });
  assert.equal(await dash.evaluate(() => getComputedStyle(document.getElementById('pager')).display), 'none', 'no pager for one row');
  await dash.evaluate(() => { const q = document.getElementById('search'); q.value = 'nobody-here'; q.dispatchEvent(new Event('input')); });
  await eventually(async () => /nobody-here/.test(await dash.text('#table-empty')), { what: 'the no-match state' });
  await screenshot(dash, 'dashboard-search-empty');
});

test('without the program the dashboard shows the notice with the command that fixes it, and no empty tiles, charts or buttons', async (t) => {
  const s = await startSession(t, { server, register: false });
  const dash = await openExtensionPage(s, 'dashboard.html');
  await eventually(async () => !(await dash.evaluate(() => document.getElementById('host').hidden)), { what: 'the notice' });
  assert.match(await dash.text('#host'), /vigie install --browser/);
  assert.equal(await dash.evaluate(() => document.querySelector('main').hidden), true, 'no tiles, charts, table or import without the program');
});
