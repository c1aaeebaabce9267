// The send guard on real LinkedIn markup (tests/fixtures/real/, anonymised saved pages served as
// https://www.linkedin.com, with tests/e2e/lib/linkedin-mimic.js opening the saved invitation
// dialog where the live site does): held at the limit in the SDUI shadow-root dialog and in the
// light-DOM dialogs, a Send clicked in the same task as the dialog opens held too, the right
// person checked and recorded on both profile layouts (also after a Connect on another card and
// after a single-page navigation), an ok send let through and recorded once, and a host that
// cannot answer said so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './lib/fixture-server.js';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, clickVigieButton, eventually, hostRequest, openPage, startSession, vigieUiText } from './lib/harness.js';
import {
  ADD_NOTE, SEND, connectButton, connectLink, dialogOpen, dialogPlace, fixtureUrl, mimicSent, pageConnects, recordedSent,
  registerSilentHost, seedAtLimit, slugOf, waitNoWarning, waitWarning, warningText,
} from './lib/guard.js';

let server;
before(async () => { server = await startFixtureServer(); });
after(() => server.close());

// profile-sdui-pl-connect: an SDUI profile (Polish UI) whose owner can be invited, with "people
// also viewed" cards that have Connect links of their own. Names and slugs come from the
// fixture's sidecar and the page itself (the corpus's pseudonyms may be regenerated).
const owner = () => {
  const { profile_url, name } = server.corpus['profile-sdui-pl-connect'].expected;
  return { url: profile_url, name, vanity: slugOf(profile_url) };
};
// A person on a search page with a Connect link (the second card: not the first one on the page).
const searchTarget = async (page) => {
  const links = (await pageConnects(page)).filter((c) => c.vanity);
  const t = links[1];
  return { ...t, url: `https://www.linkedin.com/in/${t.vanity}/` };
};

test('SDUI profile at the limit: Send in the shadow-root dialog is held; Cancel and Escape keep it unsent; Send anyway records the owner', async (t) => {
  const s = await startSession(t, { server });
  await seedAtLimit(s, 2);
  const OWNER = owner();
  const page = await openPage(s, fixtureUrl(server, 'profile-sdui-pl-connect'));
  await page.click(connectLink(OWNER.vanity));
  assert.deepEqual(await eventually(() => dialogPlace(page), { what: 'the invitation dialog' }), { inShadow: true, name: OWNER.name }, 'the dialog sits in #interop-outlet\'s shadow root, as on the live site');

  await page.click(`#interop-outlet ${SEND}`);
  const warning = await waitWarning(page);
  assert.match(warning, /2 \/ 2/, `the warning shows today's count against the limit: ${warning}`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'real-guard-shadow-held.png') }); // the viewport: what the user sees
  assert.deepEqual(await mimicSent(page), [], 'LinkedIn did not get the click');

  await clickVigieButton(page, 'Cancel');
  await waitNoWarning(page);
  assert.equal(await dialogOpen(page), true, 'LinkedIn\'s dialog stays open after Cancel');

  await page.click(`#interop-outlet ${SEND}`);
  await waitWarning(page);
  await page.keyboard.press('Escape');
  await waitNoWarning(page);
  assert.equal(await dialogOpen(page), true, 'Escape closed only the warning');
  assert.deepEqual(await mimicSent(page), [], 'neither Cancel nor Escape let the send through');
  assert.deepEqual(await recordedSent(s), [], 'nothing recorded');

  await page.click(`#interop-outlet ${SEND}`);
  await waitWarning(page);
  await clickVigieButton(page, 'Send anyway');
  await eventually(async () => (await mimicSent(page)).length === 1, { what: 'the send after Send anyway' });
  assert.equal((await mimicSent(page))[0].vanity, OWNER.vanity);
  const [item, ...more] = await eventually(async () => { const r = await recordedSent(s); return r.length ? r : null; }, { what: 'the recorded invitation' });
  assert.equal(more.length, 0, 'recorded once');
  assert.equal(item.person.profile_url, OWNER.url);
  assert.equal(item.person.name, OWNER.name);
});

test('custom-invite page (light-DOM dialog) at the limit: the send is held', async (t) => {
  const id = 'custom-invite-classic-en';
  const s = await startSession(t, { server });
  await seedAtLimit(s, 2);
  const page = await openPage(s, fixtureUrl(server, id));
  assert.equal((await dialogPlace(page))?.inShadow, false, 'the dialog is in the document');
  await page.click(SEND);
  await waitWarning(page);
  assert.deepEqual(await mimicSent(page), [], 'LinkedIn did not get the click');
  await clickVigieButton(page, 'Send anyway');
  await eventually(async () => (await mimicSent(page)).length === 1, { what: 'the send after Send anyway' });
  const { target_vanity: vanity, target_name: name } = server.corpus[id].expected;
  const [item] = await eventually(async () => { const r = await recordedSent(s); return r.length ? r : null; }, { what: 'the recorded invitation' });
  assert.equal(item.person.profile_url, `https://www.linkedin.com/in/${vanity}/`, 'the person of the page\'s vanityName');
  assert.equal(item.person.name, name);
});

test('custom-invite page after "Add a note": the note is counted, and the send with it is held at the limit', async (t) => {
  const s = await startSession(t, { server });
  await seedAtLimit(s, 2);
  const page = await openPage(s, fixtureUrl(server, 'custom-invite-classic-en-note'));
  await page.click('#custom-message');
  await page.keyboard.type('Hello Maren, we met at the Lyon meetup.');
  await eventually(async () => (await vigieUiText(page)).some((x) => /^39 \/ 200 characters$/.test(x)), { what: 'the note counter' });
  await page.click(SEND);
  const warning = await waitWarning(page);
  assert.match(warning, /2 \/ 2/);
  assert.deepEqual(await mimicSent(page), [], 'LinkedIn did not get the click');
  await clickVigieButton(page, 'Send anyway');
  await eventually(async () => (await mimicSent(page)).length === 1, { what: 'the send after Send anyway' });
  const [item] = await eventually(async () => { const r = await recordedSent(s); return r.length ? r : null; }, { what: 'the recorded invitation' });
  assert.equal(item.note, 'Hello Maren, we met at the Lyon meetup.');
  assert.equal(item.person.profile_url, `https://www.linkedin.com/in/${server.corpus['custom-invite-classic-en-note'].expected.target_vanity}/`);
});

test('a Send clicked in the same task as the dialog opens is held at the limit', async (t) => {
  const s = await startSession(t, { server });
  await seedAtLimit(s, 2);
  const page = await openPage(s, fixtureUrl(server, 'search-sdui-pl'));
  await page.waitForFunction(() => window.__mimic);
  const who = await searchTarget(page);
  await page.evaluate((sel) => window.__mimic.connectAndSend(sel), connectLink(who.vanity));
  await waitWarning(page);
  assert.deepEqual(await mimicSent(page), [], 'the hurried click did not reach LinkedIn');
  await clickVigieButton(page, 'Cancel');
  await waitNoWarning(page);
  await page.waitForTimeout(500);
  assert.deepEqual(await mimicSent(page), []);
  assert.deepEqual(await recordedSent(s), []);
});

test('a Send clicked in the same task as the dialog opens is let through once the host says ok, and recorded once', async (t) => {
  const s = await startSession(t, { server });
  const page = await openPage(s, fixtureUrl(server, 'search-sdui-pl'));
  await page.waitForFunction(() => window.__mimic);
  const who = await searchTarget(page);
  await page.evaluate((sel) => window.__mimic.connectAndSend(sel), connectLink(who.vanity));
  await eventually(async () => (await mimicSent(page)).length === 1, { what: 'the send let through' });
  assert.equal(await warningText(page), null, 'no warning when the host says ok');
  const recorded = await eventually(async () => { const r = await recordedSent(s); return r.length ? r : null; }, { what: 'the recorded invitation' });
  await page.waitForTimeout(500);
  assert.deepEqual((await recordedSent(s)).map((i) => i.person.profile_url), [who.url], 'recorded once');
  assert.equal(recorded[0].person.name, who.name);
});

test('after a Connect on another card, the send checks and records the person of the open dialog', async (t) => {
  const s = await startSession(t, { server });
  const OWNER = owner();
  const page = await openPage(s, fixtureUrl(server, 'profile-sdui-pl-connect'));
  const OTHER = (await pageConnects(page)).find((c) => c.vanity && c.vanity !== OWNER.vanity);
  await page.click(connectLink(OTHER.vanity));
  assert.equal((await dialogPlace(page)).name, OTHER.name);
  await page.keyboard.press('Escape'); // LinkedIn's dialog closes; nothing sent
  await eventually(async () => !(await dialogOpen(page)), { what: 'the dialog closed' });

  await page.click(connectLink(OWNER.vanity));
  assert.equal((await dialogPlace(page)).name, OWNER.name);
  await page.click(ADD_NOTE.replace('.send-invite', '#interop-outlet .send-invite'));
  await page.click('#interop-outlet #custom-message');
  await page.keyboard.type('Dzień dobry, poznaliśmy się na konferencji.');
  await page.click(`#interop-outlet ${SEND}`);
  await eventually(async () => (await mimicSent(page)).length === 1, { what: 'the send' });
  const recorded = await eventually(async () => { const r = await recordedSent(s); return r.length ? r : null; }, { what: 'the recorded invitation' });
  assert.deepEqual(recorded.map((i) => [i.person.profile_url, i.person.name, i.note]), [[OWNER.url, OWNER.name, 'Dzień dobry, poznaliśmy się na konferencji.']]);
});

test('classic profile: Connect on a card opens the light-DOM dialog; held at the limit, then that card\'s person is recorded', async (t) => {
  const s = await startSession(t, { server });
  await seedAtLimit(s, 2);
  const page = await openPage(s, fixtureUrl(server, 'profile-classic-pl-contact'));
  const card = (await pageConnects(page)).find((c) => c.tag === 'BUTTON');
  // The card's own link, as a person reads it (the card is the artdeco card around the button).
  const cardUrl = await page.evaluate((sel) => document.querySelector(sel).closest('.artdeco-card').querySelector('a[href*="/in/"]').href, connectButton(card.name));
  await page.click(connectButton(card.name));
  assert.deepEqual(await eventually(() => dialogPlace(page), { what: 'the invitation dialog' }), { inShadow: false, name: card.name });
  await page.click(SEND);
  await waitWarning(page);
  assert.deepEqual(await mimicSent(page), []);
  await clickVigieButton(page, 'Send anyway');
  await eventually(async () => (await mimicSent(page)).length === 1, { what: 'the send after Send anyway' });
  const [item, ...more] = await eventually(async () => { const r = await recordedSent(s); return r.length ? r : null; }, { what: 'the recorded invitation' });
  assert.equal(more.length, 0);
  assert.equal(item.person.profile_url, `https://www.linkedin.com/in/${slugOf(cardUrl)}/`, 'the card\'s person, not the page\'s owner');
  assert.notEqual(item.person.profile_url, server.corpus['profile-classic-pl-contact'].expected.profile_url);
  assert.equal(item.person.name, card.name);
});

test('after a single-page navigation the new page is observed and a dialog opened on the old page is forgotten', async (t) => {
  const s = await startSession(t, { server });
  const OWNER = owner();
  const page = await openPage(s, fixtureUrl(server, 'search-sdui-pl'));
  const who = await searchTarget(page);
  await page.click(connectLink(who.vanity));
  assert.equal((await dialogPlace(page)).name, who.name);
  await page.keyboard.press('Escape');
  // LinkedIn's router: the profile's markup replaces the page, history.pushState changes the URL
  // (in the page's world, out of the extension's reach).
  const profileUrl = fixtureUrl(server, 'profile-sdui-pl-connect');
  await page.evaluate(async (url) => {
    const html = await (await fetch(url)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    document.querySelector('main')?.replaceWith(doc.querySelector('main'));
    history.pushState({}, '', new URL(url).pathname);
  }, profileUrl);
  // The profile observer started on the new URL: the owner's profile reaches the host.
  await eventually(async () => (await hostRequest(s, { type: 'person.get', profile_url: OWNER.url })).ok, { what: 'profile.seen after pushState' });
  await page.click(connectLink(OWNER.vanity));
  await page.click(`#interop-outlet ${SEND}`);
  await eventually(async () => (await mimicSent(page)).length === 1, { what: 'the send' });
  const recorded = await eventually(async () => { const r = await recordedSent(s); return r.length ? r : null; }, { what: 'the recorded invitation' });
  assert.deepEqual(recorded.map((i) => i.person.profile_url), [OWNER.url]);
});

test('host not installed: the send is held and the warning says it could not be checked; Send anyway lets it through', async (t) => {
  const s = await startSession(t, { server, register: false });
  const page = await openPage(s, fixtureUrl(server, 'search-sdui-pl'));
  await page.click(connectLink((await searchTarget(page)).vanity));
  await page.click(`#interop-outlet ${SEND}`);
  const warning = await waitWarning(page);
  assert.match(warning, /could not check this invitation/);
  assert.match(warning, /did not answer/);
  assert.deepEqual(await mimicSent(page), []);
  await clickVigieButton(page, 'Send anyway');
  await eventually(async () => (await mimicSent(page)).length === 1, { what: 'the send after Send anyway' });
});

test('a host that never answers: the send stays held, then the warning says the check took too long', async (t) => {
  const s = await startSession(t, { server, register: false });
  await registerSilentHost(s);
  const page = await openPage(s, fixtureUrl(server, 'search-sdui-pl'));
  await page.click(connectLink((await searchTarget(page)).vanity));
  await page.click(`#interop-outlet ${SEND}`);
  await page.waitForTimeout(2000);
  assert.deepEqual(await mimicSent(page), [], 'a slow check never lets the send through');
  const warning = await waitWarning(page);
  assert.match(warning, /took too long/);
  await clickVigieButton(page, 'Cancel');
  await waitNoWarning(page);
  assert.deepEqual(await mimicSent(page), []);
});
