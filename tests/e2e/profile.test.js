// Visiting a profile records it; a fake-looking profile shows its badge with the reasons.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startFixtureServer } from './lib/fixture-server.js';
import { EXTENSION_DIR, EXTENSION_ID, EXTENSION_ORIGIN, eventually, hostRequest, idFromKey, openPage, runningExtensionOrigin, screenshot, startSession, vigieUiText } from './lib/harness.js';

let server;
before(async () => { server = await startFixtureServer(); });
after(() => server.close());

test('the extension key gives the id named in extension-ids.json (the one the host manifest allows)', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  assert.equal(idFromKey(manifest.key), EXTENSION_ID);
});

test('visiting LinkedIn and Viadeo profiles records them; a fake-looking one gets a badge with reasons', async (t) => {
  const s = await startSession(t, { server });
  assert.equal(await runningExtensionOrigin(s), EXTENSION_ORIGIN, 'the extension runs under the id the host and the tests expect');

  const jane = await openPage(s, 'https://www.linkedin.com/in/jane-doe-123/');
  const person = await eventually(async () => {
    const r = await hostRequest(s, { type: 'person.get', profile_url: 'https://www.linkedin.com/in/jane-doe-123/' });
    return r.ok && r.result;
  }, { what: 'Jane Doe recorded by the host' });
  assert.equal(person.person.name, 'Jane Doe');
  assert.ok(person.snapshots.length >= 1);
  await jane.close();

  const mark = await openPage(s, 'https://www.linkedin.com/in/alex-fortune/');
  const stored = await eventually(async () => {
    const r = await hostRequest(s, { type: 'person.get', profile_url: 'https://www.linkedin.com/in/alex-fortune/' });
    return r.ok && r.result;
  }, { what: 'Alex Fortune recorded' });
  const level = stored.person.level ?? stored.person.assessment?.level;
  assert.ok(['medium', 'high'].includes(level), `Alex Fortune's level is ${level}`);
  const ui = await eventually(async () => (await vigieUiText(mark)).find((text) => /medium|high/i.test(text)),
    { what: 'the badge beside the name' });
  // The badge carries the host's reasons, in words, not just a colour.
  const reasons = (stored.person.assessment ?? stored.person).reasons ?? [];
  assert.ok(reasons.length >= 2, `reasons stored: ${JSON.stringify(reasons)}`);
  // Each in the catalogue's words (shared/reasons.js), not the host's English detail with its internals.
  const en = JSON.parse(fs.readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8'));
  for (const r of reasons) {
    const head = (Number.isFinite(r.value) && en[`why_${r.code}_n`]?.message.replace('$1', String(r.value))) || en[`why_${r.code}`]?.message;
    assert.ok(head && ui.includes(head), `badge shows the sentence for ${r.code} ("${head}"): ${ui}`);
    assert.ok(!ui.includes(r.detail), `badge does not show the host's detail "${r.detail}"`);
  }
  assert.doesNotMatch(ui, /tier 0-100|not counted again|points together/);
  assert.match(ui, /\(\d+\/100\)/);
  await screenshot(mark, 'profile-fake-badge');

  await openPage(s, 'https://www.viadeo.com/fr/profile/pierre-lefevre');
  const pierre = await eventually(async () => {
    const r = await hostRequest(s, { type: 'person.get', profile_url: 'https://www.viadeo.com/fr/profile/pierre-lefevre' });
    return r.ok && r.result;
  }, { what: 'the Viadeo profile recorded' });
  assert.equal(pierre.person.name, 'Pierre Lefèvre');
});
