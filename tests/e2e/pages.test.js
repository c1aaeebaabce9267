// The popup and the dashboard show the counts and the charts (screenshots kept as artefacts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './lib/fixture-server.js';
import { EXTENSION_ID, eventually, hostRequests, screenshot, startSession } from './lib/harness.js';

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

  const popup = await s.context.newPage();
  await popup.setViewportSize({ width: 380, height: 520 });
  await popup.goto(`chrome-extension://${EXTENSION_ID}/popup.html`);
  await eventually(async () => /^3 \/ 20$/.test((await popup.locator('#today dd').textContent()) ?? ''), { what: 'today 3 / 20 in the popup' });
  assert.equal(await popup.locator('#pending dd').textContent(), '3');
  assert.equal(await popup.locator('#host').isHidden(), true, 'no host warning when connected');
  await screenshot(popup, 'popup');

  const dash = await s.context.newPage();
  await dash.goto(`chrome-extension://${EXTENSION_ID}/dashboard.html`);
  for (const chart of ['#chart-sends', '#chart-rate', '#chart-age'])
    await eventually(async () => (await dash.locator(`${chart} canvas`).count()) > 0, { what: `a chart drawn in ${chart}` });
  await eventually(async () => (await dash.locator('#invitations tbody tr').count()) >= 4, { what: 'the invitations table' });
  const body = await dash.locator('body').textContent();
  assert.match(body, /ana-b/);
  await screenshot(dash, 'dashboard');
});
