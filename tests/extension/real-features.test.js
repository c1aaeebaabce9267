/* global document, window, location */
// The page observers on real pages in real Chromium (Debian's; skipped with a message when it is
// absent): each anonymised page of the corpus is served at its own https://www.linkedin.com URL,
// the shipped content scripts run with a recording stand-in for the background, and the test
// reads what they would send to the host. Clicks are real mouse clicks (composedPath, capture).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/lib/chromium/chromium';
const REAL = new URL('../fixtures/real/', import.meta.url);
const ext = (p) => readFileSync(new URL(`../../extension/${p}`, import.meta.url), 'utf8');
const SCRIPTS = ['src/shared/messages.js', 'src/content/extract/words.js', 'src/content/extract/common.js', 'src/content/extract/page-kind.js',
  'src/content/extract/linkedin-profile.js', 'src/content/extract/linkedin-lists.js', 'src/content/features/observe.js',
  'src/content/features/profile-page.js', 'src/content/features/search-page.js', 'src/content/features/invitation-manager.js',
  'src/content/features/connections-page.js'].map(ext);
// The background, replaced by a recorder: every message the observers send lands in window.__sent.
const RECORDER = 'window.__sent = []; globalThis.__vigie = { browserApi: { sendToBackground: async (m) => { window.__sent.push(JSON.parse(JSON.stringify(m))); return null; } } };';

let browser = null;
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;

before(async () => {
  if (!skip) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
});
after(async () => {
  await browser?.close();
});

const sidecar = (id) => JSON.parse(readFileSync(new URL(`${id}.json`, REAL), 'utf8'));

// Opens fixture `id` at its sidecar URL (nothing else is reachable) and starts its observer.
async function open(id, { kind } = {}) {
  const side = sidecar(id);
  const page = await browser.newPage();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === side.url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(new URL(`${id}.html`, REAL)) });
    return route.abort();
  });
  await page.goto(side.url);
  // LinkedIn's own script handles its links (the Withdraw <a href="/">) without navigating.
  await page.evaluate(() => document.addEventListener('click', (e) => { if (e.target.closest('a')) e.preventDefault(); }));
  await page.addScriptTag({ content: RECORDER });
  for (const content of SCRIPTS) await page.addScriptTag({ content });
  await page.evaluate((k) => {
    const ns = globalThis.__vigie;
    ns.ui = { shouldBadge: () => false };
    ns.features[k ?? ns.extract.pageKind(location.href)].init(new AbortController().signal);
  }, kind ?? null);
  return { page, side };
}

const sent = (page, type) => page.evaluate((t) => window.__sent.filter((m) => m.type === t), type);
const waitFor = (page, type, n = 1, timeout = 15000) => page.waitForFunction(([t, k]) => window.__sent.filter((m) => m.type === t).length >= k, [type, n], { timeout });

test('received invitations (SDUI, English): the rows with their notes are recorded, suggestion cards are not; Accept is read', { skip }, async () => {
  const { page, side } = await open('invitations-received-sdui-en');
  await waitFor(page, 'invitation.received');
  const [msg] = await sent(page, 'invitation.received');
  assert.deepEqual(msg.invitations.map((i) => [i.profile.profile_url, i.profile.name, i.note ?? null]),
    side.expected.invitations.map((i) => [i.profile_url, i.name, i.note]));
  const urls = msg.invitations.map((i) => i.profile.profile_url);
  for (const url of side.expected.not_invitations) assert.ok(!urls.includes(url), url);
  const second = side.expected.invitations[1];
  await page.click(`button[aria-label="Accept ${second.name}’s invitation"]`);
  await waitFor(page, 'invitation.answered');
  const [answer] = await sent(page, 'invitation.answered');
  assert.deepEqual([answer.answer, answer.profile.profile_url], ['accepted', second.profile_url]);
  await page.close();
});

test('sent invitations (SDUI, English): the list, then Withdraw (an <a>) confirmed in a native <dialog> without role', { skip }, async () => {
  const { page, side } = await open('invitations-sent-sdui-en');
  await waitFor(page, 'invitations.sent_list');
  const [list] = await sent(page, 'invitations.sent_list');
  assert.deepEqual(list.profiles.map((p) => [p.profile_url, p.name]), side.expected.invitations.map((i) => [i.profile_url, i.name]));
  assert.equal(list.complete, false, 'five rows shown of the forty the page counts');
  const [first, second] = side.expected.invitations;
  // The confirmation markup of the withdraw-dialog fixture, opened as LinkedIn opens it.
  const dialog = readFileSync(new URL('withdraw-dialog-sdui-en.html', REAL), 'utf8').match(/<dialog[\s\S]*<\/dialog>/)[0];
  const confirm = async (name, button) => {
    await page.click(`a[aria-label="Withdraw invitation sent to ${name}"]`);
    await page.evaluate((html) => {
      document.querySelector('dialog')?.remove();
      document.body.insertAdjacentHTML('beforeend', html);
    }, dialog.replaceAll(/Withdraw invitation sent to [^"]+"/g, `Withdraw invitation sent to ${name}"`));
    await page.click(button);
    await page.evaluate(() => document.querySelector('dialog').remove());
  };
  await confirm(first.name, 'dialog footer button:not([aria-label])'); // Cancel
  await page.waitForTimeout(200);
  assert.deepEqual(await sent(page, 'invitation.withdrawn'), [], 'Cancel withdraws nothing');
  await confirm(second.name, `dialog button[aria-label="Withdraw invitation sent to ${second.name}"]`);
  await waitFor(page, 'invitation.withdrawn');
  const withdrawn = await sent(page, 'invitation.withdrawn');
  assert.deepEqual(withdrawn.map((m) => m.profile.profile_url), [second.profile_url]);
  await page.close();
});

test('profiles of both layouts: one observation of the right person once the page has settled', { skip }, async () => {
  for (const id of ['profile-sdui-pl-connect', 'profile-classic-pl-first']) {
    const { page, side } = await open(id);
    await waitFor(page, 'profile.seen');
    const [{ profile }] = await sent(page, 'profile.seen');
    for (const field of ['name', 'headline', 'location', 'connections', 'degree', 'education_count', 'skills_count', 'about']) {
      assert.deepEqual(profile[field] ?? null, side.expected[field], `${id} ${field}`);
    }
    assert.equal(profile.profile_url.toLowerCase(), side.expected.profile_url.toLowerCase());
    await page.close();
  }
});

test('people search (SDUI, Polish, nested links split by the parser): every card observed with its name and headline', { skip }, async () => {
  const { page, side } = await open('search-sdui-pl');
  await waitFor(page, 'profile.seen', side.expected.results.length);
  const seen = (await sent(page, 'profile.seen')).map((m) => [m.profile.profile_url, m.profile.name, m.profile.headline]);
  assert.deepEqual(seen, side.expected.results.map((r) => [r.profile_url, r.name, r.headline]));
  assert.deepEqual(await sent(page, 'drift.report'), []);
  await page.close();
});
