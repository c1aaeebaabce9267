// The whole product on real LinkedIn markup, down to the ledger: the anonymised saved pages of
// tests/fixtures/real/ served as https://www.linkedin.com at their sidecar URLs to headless
// Chromium with the unpacked extension and the real vigie-host, and what the host stored compared
// with the sidecar of what a person reads on each page. A wrong value is worse than a missing one:
// no stored field may contradict the sidecar (a value where a person reads none is wrong too).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './lib/fixture-server.js';
import { clickVigieButton, eventually, hostRequest, hostRequests, openPage, screenshot, startSession, vigieList, vigieUiText } from './lib/harness.js';
import { fixtureUrl } from './lib/guard.js';
import { PROFILE_FIELDS, compareFields, linkedPeople, mimicWithdraw, serveRealAtSidecarUrls, storedPeople } from './lib/real-pages.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// The machine is shared: the profile observer waits for the page to settle (up to 6 s when it
// never does), then the event goes through the service worker to a freshly spawned host.
const SLOW = { timeout: 45000, interval: 500 };

let server;
before(async () => {
  serveRealAtSidecarUrls();
  server = await startFixtureServer();
});
after(() => server.close());

const side = (id) => server.corpus[id].expected;

// Profiles of both front ends, settled and not: the owner recorded with what a person reads on
// the page, and nobody else linked from it (people also viewed, mutual connections) recorded.
for (const id of ['profile-sdui-pl-connect', 'profile-sdui-pl-first', 'profile-classic-pl-first', 'profile-classic-pl-contact']) {
  test(`${id}: the owner is recorded with the values a person reads, no field contradicts the page, nobody else is recorded`, async (t) => {
    const expected = side(id);
    const s = await startSession(t, { server });
    const page = await openPage(s, fixtureUrl(server, id));
    // profile-classic-pl-contact was saved with the contact-info overlay open
    // (/in/<slug>/overlay/contact-info/): the profile behind it is observed as it is.
    await eventually(async () => (await hostRequest(s, { type: 'person.get', profile_url: expected.profile_url })).ok, { ...SLOW, what: `profile.seen for ${id}` });
    await sleep(2500); // a later observation (the page settling) would change the stored values
    const { result } = await hostRequest(s, { type: 'person.get', profile_url: expected.profile_url });
    const { wrong, missing } = compareFields(result.person, expected, PROFILE_FIELDS);
    t.diagnostic(`${id}: wrong ${JSON.stringify(wrong)}; missing ${JSON.stringify(missing)}`);
    await screenshot(page, `real-pages-${id}`);
    assert.deepEqual(wrong, [], 'no stored field contradicts the page');
    assert.deepEqual(missing, [], 'every value a person reads is stored');

    const others = (await linkedPeople(page)).filter((u) => u !== expected.profile_url);
    const recorded = Object.entries(await storedPeople(s, others)).filter(([, p]) => p).map(([u]) => u);
    assert.deepEqual(recorded, [], 'people merely linked from the profile are not recorded');
  });
}

test('received invitations: each invitation recorded as received with its note, the "People you may know" cards not', async (t) => {
  const id = 'invitations-received-sdui-en';
  const { invitations, not_invitations: suggestions } = side(id);
  const s = await startSession(t, { server });
  const page = await openPage(s, fixtureUrl(server, id));
  await eventually(async () => (await vigieList(s, ['--direction', 'received'])).length >= invitations.length, { ...SLOW, what: 'the received invitations' });
  await sleep(1500);
  const items = await vigieList(s);
  await screenshot(page, 'real-pages-received');
  assert.deepEqual(items.filter((i) => i.direction !== 'received'), [], 'nothing recorded as sent');
  const byUrl = new Map(items.map((i) => [i.person.profile_url, i]));
  assert.deepEqual([...byUrl.keys()].sort(), invitations.map((i) => i.profile_url).sort(), 'exactly the invitations, once each');
  for (const want of invitations) {
    const got = byUrl.get(want.profile_url);
    assert.equal(got.status, 'pending', want.profile_url);
    assert.equal(got.note ?? '', want.note ?? '', `the note of ${want.name}`);
    assert.deepEqual(compareFields(got.person, want, ['name', 'headline']), { wrong: [], missing: [] }, `the person of ${want.profile_url}`);
  }
  for (const url of suggestions) assert.equal(byUrl.has(url), false, `the suggestion ${url} is not an invitation`);
});

test('received invitations: a note Vigie did not flag can be marked a scam on its card, and its wording is recognised in the next note', async (t) => {
  const id = 'invitations-received-sdui-en';
  const { invitations } = side(id);
  const withNote = invitations.filter((i) => i.note);
  const first = withNote[0];  // Tobias, the first row with a note
  const s = await startSession(t, { server });
  const page = await openPage(s, fixtureUrl(server, id));
  // Each row with a note gets a quiet badge (nothing flagged): the place to judge the note.
  const badges = await eventually(async () => {
    const texts = (await vigieUiText(page)).filter((x) => /no warning sign/.test(x));
    return texts.length === withNote.length && texts;
  }, { ...SLOW, what: 'a quiet badge on each row with a note' });
  assert.match(badges[0], /This note is a scam/);
  await clickVigieButton(page, 'Vigie · no warning sign');
  await clickVigieButton(page, 'This note is a scam');
  await eventually(async () => (await hostRequest(s, { type: 'person.get', profile_url: first.profile_url })).result?.person?.verdict === 'fake',
    { ...SLOW, what: `${first.name} marked fake` });
  await eventually(async () => (await vigieUiText(page)).some((x) => /reported fake/.test(x)), { what: 'the badge says reported fake' });
  await screenshot(page, 'real-received-marked-scam');
  // A stranger's note in the same words now carries the reason that names the user's own verdicts.
  const [reply] = await hostRequests(s, [{ type: 'invitation.received', invitations: [{
    profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/someone-else-123/', name: 'Someone Else' }, note: first.note }] }]);
  assert.equal(reply.ok, true, JSON.stringify(reply));
  const reasons = reply.result.assessments[0].assessment.reasons.map((r) => r.code);
  assert.ok(reasons.includes('user_wording'), `reasons of the same wording: ${reasons}`);
  // The other row with a note, not marked, teaches nothing.
  const [other] = await hostRequests(s, [{ type: 'invitation.received', invitations: [{
    profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/someone-else-456/' }, note: withNote[1].note }] }]);
  assert.ok(!other.result.assessments[0].assessment.reasons.some((r) => r.code === 'user_wording'));
});

test('sent page: Withdraw (an <a>) then the native <dialog>\'s confirm withdraws the invitation in the ledger; Cancel does not', async (t) => {
  const id = 'invitations-sent-sdui-en';
  const { invitations: rows } = side(id);
  const { target_name: targetName } = side('withdraw-dialog-sdui-en');
  const target = rows.find((r) => r.name === targetName);
  const other = rows.find((r) => r !== target);
  const s = await startSession(t, { server });
  // Vigie recorded the invitation when it was sent; the other rows come from the list itself.
  const [seeded] = await hostRequests(s, [{ type: 'invitation.sent', profile: { network: 'linkedin', profile_url: target.profile_url, name: target.name }, note: '' }]);
  assert.equal(seeded.ok, true, JSON.stringify(seeded));

  const page = await openPage(s, fixtureUrl(server, id));
  const sent = await eventually(async () => {
    const items = await vigieList(s, ['--direction', 'sent']);
    return items.length === rows.length && items;
  }, { ...SLOW, what: 'the sent list recorded' });
  assert.deepEqual(sent.map((i) => i.person.profile_url).sort(), rows.map((r) => r.profile_url).sort());
  assert.ok(sent.every((i) => i.status === 'pending'));
  for (const i of sent) {
    const want = rows.find((r) => r.profile_url === i.person.profile_url);
    assert.deepEqual(compareFields(i.person, want, ['name', 'headline']), { wrong: [], missing: [] }, `the person of ${want.profile_url}`);
  }

  await mimicWithdraw(page, fixtureUrl(server, 'withdraw-dialog-sdui-en'));
  const withdrawOf = (name) => `a[aria-label="Withdraw invitation sent to ${name}"]`;
  const CONFIRM = 'dialog[open] footer button[aria-label^="Withdraw invitation sent to"]';
  const CANCEL = 'dialog[open] footer button:not([aria-label])';

  // Withdraw, then Cancel: nothing changes.
  await page.click(withdrawOf(other.name));
  await page.waitForFunction(() => document.querySelector('dialog[open]') && !document.querySelector('dialog[open]').hasAttribute('role'));
  await page.click(CANCEL);
  await page.waitForFunction(() => !document.querySelector('dialog[open]'));
  assert.deepEqual(await page.evaluate(() => window.__withdrawMimic), { confirmed: [], cancelled: [other.name] });

  // Withdraw, then confirm in the native dialog.
  await page.click(withdrawOf(target.name));
  await page.waitForFunction(() => document.querySelector('dialog[open]'));
  await screenshot(page, 'real-pages-withdraw-dialog');
  await page.click(CONFIRM);
  await page.waitForFunction(() => !document.querySelector('dialog[open]'));
  assert.equal(await page.evaluate(() => location.pathname), '/mynetwork/invitation-manager/sent/', 'the Withdraw link did not navigate');

  const after = await eventually(async () => {
    const items = await vigieList(s, ['--direction', 'sent']);
    return items.find((i) => i.person.profile_url === target.profile_url)?.status === 'withdrawn' && items;
  }, { ...SLOW, what: `${target.name}'s invitation withdrawn` });
  const status = Object.fromEntries(after.map((i) => [i.person.profile_url, i.status]));
  assert.deepEqual(status, Object.fromEntries(rows.map((r) => [r.profile_url, r === target ? 'withdrawn' : 'pending'])), 'only the confirmed one is withdrawn');
  assert.equal(after.find((i) => i.person.profile_url === target.profile_url).id, seeded.result.invitation_id, 'the invitation Vigie recorded at the send');
  const { result } = await hostRequest(s, { type: 'person.get', profile_url: target.profile_url });
  assert.ok(result.person.last_withdrawn_at, 'the withdrawal date is kept (3-week rule)');
});

// Polish UI, both front ends, and an "all" search with posts among the people.
for (const id of ['search-sdui-pl', 'search-classic-pl', 'search-sdui-pl-all']) {
  test(`${id} (Polish): every result is recorded, no stored value contradicts the page, no one else is recorded`, async (t) => {
    const { results } = side(id);
    const fields = ['name', 'headline', 'location', 'degree'];
    const urls = results.map((r) => r.profile_url);
    const s = await startSession(t, { server });
    const page = await openPage(s, fixtureUrl(server, id));
    await eventually(async () => Object.values(await storedPeople(s, urls)).every(Boolean), { ...SLOW, what: `every result of ${id} recorded` });
    await sleep(1500);
    const stored = await storedPeople(s, urls);
    const report = results.map((r) => ({ url: r.profile_url, ...compareFields(stored[r.profile_url], r, fields) }));
    const wrong = report.filter((r) => r.wrong.length);
    const missing = report.flatMap((r) => r.missing);
    t.diagnostic(`${id}: ${results.length} results, ${missing.length} missing field values (${[...new Set(missing)].join(', ') || 'none'}), ${wrong.length} with wrong values`);
    await screenshot(page, `real-pages-${id}`);
    assert.deepEqual(wrong, [], 'no stored value contradicts the page');
    assert.deepEqual(report.filter((r) => r.missing.includes('name')).map((r) => r.url), [], 'every named result is recorded with its name');

    const others = (await linkedPeople(page)).filter((u) => !urls.includes(u));
    const recorded = Object.entries(await storedPeople(s, others)).filter(([, p]) => p).map(([u]) => u);
    assert.deepEqual(recorded, [], 'people linked from the page who are not results (post authors, mutual connections) are not recorded');
  });
}
