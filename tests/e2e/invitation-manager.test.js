// The received-invitations page records every card and flags the suspicious one; the sent page
// reconciles the ledger with what LinkedIn lists.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './lib/fixture-server.js';
import { eventually, hostRequests, openPage, screenshot, startSession, vigieList, vigieUiText } from './lib/harness.js';

let server;
before(async () => { server = await startFixtureServer(); });
after(() => server.close());

test('received invitations: every card is recorded, the suspicious one is flagged with a badge', async (t) => {
  const s = await startSession(t, { server });
  const page = await openPage(s, 'https://www.linkedin.com/mynetwork/invitation-manager/received/');
  const received = await eventually(async () => {
    const items = (await vigieList(s)).filter((i) => i.direction === 'received');
    return items.length === 2 && items;
  }, { what: 'two received invitations in vigie list' });
  const elena = received.find((i) => i.person.profile_url === 'https://www.linkedin.com/in/elena-v-77/');
  const tom = received.find((i) => i.person.profile_url === 'https://www.linkedin.com/in/tom-h/');
  assert.ok(elena && tom);
  assert.match(elena.note, /WhatsApp/);
  assert.ok(['medium', 'high'].includes(elena.person.level), `Elena flagged: ${elena.person.level}`);
  assert.ok(!['medium', 'high'].includes(tom.person.level), `Tom not flagged: ${tom.person.level}`);
  const badges = await eventually(async () => {
    const texts = await vigieUiText(page);
    return texts.length >= 1 && texts;
  }, { what: 'a badge on the suspicious card' });
  assert.ok(badges.some((b) => /medium|high/i.test(b)), badges.join(' | '));
  await screenshot(page, 'received-invitations');
});

test('sent invitations: the list reconciles (new ones added, vanished ones withdrawn)', async (t) => {
  const s = await startSession(t, { server });
  const seeded = await hostRequests(s, [
    { type: 'invitation.sent', profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/paul-durand-42/', name: 'Paul Durand' }, note: '' },
    { type: 'invitation.sent', profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/olga-k/', name: 'Olga K.' }, note: '' },
  ]);
  for (const r of seeded) assert.equal(r.ok, true, JSON.stringify(r));
  await openPage(s, 'https://www.linkedin.com/mynetwork/invitation-manager/sent/');
  const sent = await eventually(async () => {
    const items = (await vigieList(s)).filter((i) => i.direction === 'sent');
    const olga = items.find((i) => i.person.profile_url === 'https://www.linkedin.com/in/olga-k/');
    return items.length === 3 && olga?.status !== 'pending' && items;
  }, { what: 'the sent list reconciled' });
  const status = Object.fromEntries(sent.map((i) => [i.person.profile_url, i.status]));
  assert.deepEqual(status, {
    'https://www.linkedin.com/in/paul-durand-42/': 'pending',
    'https://www.linkedin.com/in/luc-moreau/': 'pending',
    'https://www.linkedin.com/in/olga-k/': 'withdrawn',
  });
});
