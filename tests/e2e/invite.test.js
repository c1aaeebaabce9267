// Connect → note → Send records the invitation with its note; at the daily limit the warning
// appears before the send, Cancel prevents it, Send anyway records it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './lib/fixture-server.js';
import { clickSend, openInviteWithNote, sentByPage } from './lib/connect.js';
import { clickVigieButton, eventually, hostRequests, openPage, screenshot, startSession, vigieList, vigieUiText } from './lib/harness.js';

let server;
before(async () => { server = await startFixtureServer(); });
after(() => server.close());

const CLAIRE = 'https://www.linkedin.com/in/claire-martin/';
const findSent = async (s, url) => (await vigieList(s)).find((i) => i.direction === 'sent' && i.person?.profile_url === url);

test('Connect, add a note, Send: the invitation is recorded with its note', async (t) => {
  const s = await startSession(t, { server });
  const page = await openPage(s, CLAIRE);
  await openInviteWithNote(page, 'Bonjour Claire, ravi de vous avoir croisée au salon de Nantes.');
  await clickSend(page);
  assert.equal(await sentByPage(page), 1);
  const item = await eventually(() => findSent(s, CLAIRE), { what: 'the invitation in vigie list' });
  assert.equal(item.note, 'Bonjour Claire, ravi de vous avoir croisée au salon de Nantes.');
  assert.equal(item.status, 'pending');
  assert.equal(item.network, 'linkedin');
  assert.equal(item.person.name, 'Claire Martin');
});

test('at the daily limit the warning comes before the send: Cancel prevents it, Send anyway records it', async (t) => {
  const s = await startSession(t, { server });
  const seeded = await hostRequests(s, [
    { type: 'settings.set', settings: { 'linkedin.free.daily_limit': 2 } },
    { type: 'invitation.sent', profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/first-one/' }, note: '' },
    { type: 'invitation.sent', profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/second-one/' }, note: '' },
  ]);
  for (const r of seeded) assert.equal(r.ok, true, JSON.stringify(r));

  const page = await openPage(s, CLAIRE);
  await openInviteWithNote(page, 'Hello Claire');
  await clickSend(page);
  const warning = await eventually(async () => (await vigieUiText(page)).find((x) => /should not be sent|Careful before sending/.test(x)),
    { what: 'the warning dialog' });
  assert.match(warning, /2 \/ 2/, `the dialog shows today's count against the limit: ${warning}`);
  await screenshot(page, 'send-warning');
  assert.equal(await sentByPage(page), 0, 'the page did not get the click');

  await clickVigieButton(page, 'Cancel');
  await eventually(async () => !(await vigieUiText(page)).some((x) => /should not be sent|Careful before sending/.test(x)),
    { what: 'the warning closed' });
  await page.waitForTimeout(1000);
  assert.equal(await sentByPage(page), 0, 'Cancel kept the invitation unsent');
  assert.equal(await findSent(s, CLAIRE), undefined, 'nothing recorded after Cancel');

  await clickSend(page);
  await eventually(async () => (await vigieUiText(page)).some((x) => /Send anyway/.test(x)), { what: 'the warning again' });
  await clickVigieButton(page, 'Send anyway');
  await eventually(async () => (await sentByPage(page)) === 1, { what: 'the page sends after Send anyway' });
  const item = await eventually(() => findSent(s, CLAIRE), { what: 'the invitation recorded after Send anyway' });
  assert.equal(item.note, 'Hello Claire');
});
