// The host away: events wait with their original times; the host killed: the extension
// reconnects and nothing is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './lib/fixture-server.js';
import { clickSend, openInviteWithNote } from './lib/connect.js';
import { clickVigieButton, eventually, extensionStorage, hostPids, hostRequest, openExtensionPage, openPage, screenshot, startSession, vigieList, vigieUiText } from './lib/harness.js';

let server;
before(async () => { server = await startFixtureServer(); });
after(() => server.close());

const CLAIRE = 'https://www.linkedin.com/in/claire-martin/';

test('host not registered: the popup says so; after registering, queued events arrive with their original times', async (t) => {
  const s = await startSession(t, { server, register: false });
  const page = await openPage(s, CLAIRE);
  await openInviteWithNote(page, 'Sent while the host was away');
  await clickSend(page);
  // Unchecked is not silently let through: Vigie says it could not check, and the user decides.
  await eventually(async () => (await vigieUiText(page)).some((x) => /could not check/i.test(x)), { what: 'the could-not-check warning' });
  await clickVigieButton(page, 'Send anyway');
  const queued = await eventually(async () => {
    const { eventQueue } = await extensionStorage(s, 'eventQueue');
    const sent = eventQueue?.items?.find((e) => e.type === 'invitation.sent');
    return sent && eventQueue.items.some((e) => e.type === 'profile.seen') && sent;
  }, { what: 'profile.seen and invitation.sent queued in the extension' });

  const popup = await openExtensionPage(s, 'popup.html');
  await eventually(async () => /not installed/i.test((await popup.text('#host')) ?? ''), { what: 'the popup says the host is not installed' });
  assert.match(await popup.text('#host'), /install\.sh/);
  await screenshot(popup, 'popup-host-missing');

  await new Promise((r) => setTimeout(r, 1500));
  const registeredAt = Date.now();
  await s.register();
  // What the popup's status does on open: ask the worker, which reconnects and flushes.
  await popup.reload();
  const item = await eventually(async () => (await vigieList(s)).find((i) => i.person?.profile_url === CLAIRE),
    { timeout: 70000, what: 'the queued invitation in vigie list' });
  assert.equal(item.note, 'Sent while the host was away');
  assert.equal(item.created_at, queued.at, 'the invitation keeps the time it was sent, not the time it arrived');
  assert.ok(item.created_at < registeredAt);
  await eventually(async () => {
    const { eventQueue } = await extensionStorage(s, 'eventQueue');
    return (eventQueue?.items?.length ?? 0) === 0;
  }, { what: 'the queue emptied' });
});

test('host killed in the middle of a session: the extension reconnects and no event is lost', async (t) => {
  const s = await startSession(t, { server });
  await openPage(s, 'https://www.linkedin.com/in/jane-doe-123/');
  await eventually(async () => (await hostRequest(s, { type: 'person.get', profile_url: 'https://www.linkedin.com/in/jane-doe-123/' })).ok,
    { what: 'first profile recorded' });
  const before = await eventually(() => hostPids(s).length && hostPids(s), { what: "the extension's vigie-host process" });
  for (const pid of before) process.kill(pid, 'SIGKILL');

  await openPage(s, 'https://www.linkedin.com/in/mark-stone/');
  const page = await openPage(s, CLAIRE);
  await openInviteWithNote(page, 'After the crash');
  await clickSend(page);
  await openPage(s, 'https://www.viadeo.com/fr/profile/pierre-lefevre');

  await eventually(async () => (await hostRequest(s, { type: 'person.get', profile_url: 'https://www.linkedin.com/in/mark-stone/' })).ok,
    { timeout: 70000, what: 'the profile seen after the kill' });
  await eventually(async () => (await hostRequest(s, { type: 'person.get', profile_url: 'https://www.viadeo.com/fr/profile/pierre-lefevre' })).ok,
    { timeout: 70000, what: 'the Viadeo profile seen after the kill' });
  const item = await eventually(async () => (await vigieList(s)).find((i) => i.person?.profile_url === CLAIRE),
    { timeout: 70000, what: 'the invitation sent after the kill' });
  assert.equal(item.note, 'After the crash');
  const after = hostPids(s);
  assert.ok(after.length >= 1 && after.every((p) => !before.includes(p)), 'a new host process serves the extension');
});
