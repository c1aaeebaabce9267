// The dashboard's team section: shown with the host's figures for a user in a team (the local copy
// of the team's data seeded as the sync leaves it), absent for a user alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './lib/fixture-server.js';
import { eventually, openExtensionPage, screenshot, startSession } from './lib/harness.js';
import { SEED_ENV, TEAM_FIGURES, seedLedger, seedTeam } from './lib/seed.js';

let server;
before(async () => { server = await startFixtureServer(); });
after(() => server.close());

const pct = (a, d) => (d ? `${Math.round((a / d) * 100)} %` : '–');
const bare = (s) => s.replace(/[\u2068\u2069]/g, '');

test('in a team, the dashboard shows the team\'s sends, the figures members share, overlaps and the sync state', async (t) => {
  const s = await startSession(t, { server, lang: 'en-US', env: SEED_ENV });
  await seedLedger(s, 30);
  await seedTeam(s);
  const dash = await openExtensionPage(s, 'dashboard.html', { width: 1280, height: 900 });
  await eventually(async () => (await dash.evaluate(() => document.querySelectorAll('#team-members tbody tr').length)) > 0, { what: 'the team\'s members table' });
  assert.equal(await dash.evaluate(() => document.getElementById('team').hidden), false);
  const rows = (await dash.evaluate(() => [...document.querySelectorAll('#team-members tbody tr')].map((tr) => [...tr.cells].map((c) => c.textContent))))
    .map((r) => r.map(bare));
  const expected = Object.entries(TEAM_FIGURES).filter(([, [, , , show]]) => show)
    .sort(([, a], [, b]) => b[0] - a[0])
    .map(([name, [sent, accepted, decided]]) => [name === 'Camille Martin' ? `${name} (you)` : name, String(sent), String(accepted), pct(accepted, accepted + decided)]);
  assert.deepEqual(rows, expected);
  assert.equal(await dash.text('#team-hidden'), '2 members keep their figures private.');
  // Names go in as text, isolated from the sentence around them.
  assert.ok((await dash.text('#team-members tbody td')).startsWith('\u2068'));
  const overlaps = (await dash.evaluate(() => [...document.querySelectorAll('#team-overlaps li')].map((li) => li.textContent))).map(bare);
  assert.equal(overlaps.length, 3, overlaps.join('\n'));
  assert.ok(overlaps.some((l) => /^Zoé Nguyen: contacted by (Léa Lefèvre and Tom Dubois|Tom Dubois and Léa Lefèvre), last on /.test(l)), overlaps.join('\n'));
  assert.ok(overlaps.some((l) => l.startsWith('Karim Roy: contacted by') && /Camille Martin/.test(l) && /Inès Benali/.test(l)), 'named from the user\'s own ledger');
  assert.ok(overlaps.some((l) => l.startsWith('Someone you have not seen yourself: contacted by')), overlaps.join('\n'));
  const sync = bare(await dash.text('#team-sync'));
  assert.match(sync, /You appear in the team as Camille Martin\./);
  assert.match(sync, /Last sync: /);
  assert.match(sync, /2 changes are waiting to be sent to the team\./);
  await eventually(async () => (await dash.evaluate(() => document.querySelectorAll('#chart-team canvas, #chart-team table').length)) > 0, { what: 'the team\'s chart' });
  await screenshot(dash, 'dashboard-team');
});

test('alone, the dashboard has no team section at all', async (t) => {
  const s = await startSession(t, { server, env: SEED_ENV });
  await seedLedger(s, 30);
  const dash = await openExtensionPage(s, 'dashboard.html');
  await eventually(async () => (await dash.evaluate(() => document.querySelectorAll('#invitations tbody tr').length)) > 0, { what: 'the invitations table' });
  assert.equal(await dash.evaluate(() => document.getElementById('team').hidden), true);
  assert.equal(await dash.evaluate(() => document.getElementById('team').getBoundingClientRect().height), 0);
  assert.equal(await dash.evaluate(() => document.querySelectorAll('#team-members tr, #team-overlaps li').length), 0);
});
