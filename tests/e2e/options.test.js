// The options page in a real browser: built from the host's definitions of its settings, it
// shows their values, saves what the user changes through settings.set, shows a refused value
// next to its field, and the pre-send check and the popup then use what was saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './lib/fixture-server.js';
import { eventually, hostRequest, hostRequests, openExtensionPage, screenshot, startSession } from './lib/harness.js';

let server;
before(async () => { server = await startFixtureServer(); });
after(() => server.close());

const field = (key) => `#set-${key.replaceAll('.', '-')}`;

test('options: change the daily limit and the account type, save, and invitation.check, the popup and the dashboard use them', async (t) => {
  const s = await startSession(t, { server });
  const seeded = await hostRequests(s, ['a', 'b'].map((slug) => ({
    type: 'invitation.sent', profile: { network: 'linkedin', profile_url: `https://www.linkedin.com/in/seed-${slug}/` }, note: '',
  })));
  for (const r of seeded) assert.equal(r.ok, true, JSON.stringify(r));

  const page = await openExtensionPage(s, 'options.html');
  const value = (key) => page.evaluate((sel) => document.querySelector(sel)?.value ?? null, field(key));
  // Every field shows the host's value (the defaults here).
  await eventually(async () => (await value('linkedin.premium.daily_limit')) === '20', { what: 'the premium daily limit shown' });
  assert.equal(await value('linkedin.account_type'), 'free');
  assert.equal(await value('linkedin.free.note_max'), '200');
  assert.equal(await value('linkedin.premium.note_max'), '300');
  const labels = await page.evaluate(() => [...document.querySelectorAll('#fields label > span')].map((e) => e.textContent));
  assert.ok(labels.length > 40 && labels.every((l) => l && !/^set_/.test(l)), `labels from the catalogue: ${labels.slice(0, 5)}`);

  // As the user does: type into the fields, pick the account type, press Save.
  const typeInto = async (key, text) => {
    await page.click(field(key));
    // Control held down around "a": puppeteer (Firefox) knows no "Control+A" chord.
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.type(text);
  };
  await typeInto('linkedin.premium.daily_limit', '3');
  await typeInto('linkedin.premium.note_max', '200000'); // over the host's bound: refused
  await page.evaluate((sel) => {
    const select = document.querySelector(sel);
    for (const o of select.options) o.selected = o.value === 'premium';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, field('linkedin.account_type'));
  await page.click('#settings button[type="submit"]');

  const refusal = await eventually(() => page.evaluate((sel) => {
    const input = document.querySelector(sel);
    const out = input.parentElement.querySelector('.field-error');
    return input.getAttribute('aria-invalid') === 'true' && out.textContent ? out.textContent : null;
  }, field('linkedin.premium.note_max')), { what: 'the refusal next to the note length' });
  assert.match(refusal, /100000/);
  assert.match(await page.text('#saved'), /2/, 'two saved, one refused');
  await screenshot(page, 'options-refused');

  // The host has what the page saved, and nothing of the refused value.
  const got = (await hostRequest(s, { type: 'settings.get' })).result.settings;
  assert.equal(got['linkedin.account_type'], 'premium');
  assert.equal(got['linkedin.premium.daily_limit'], 3);
  assert.equal(got['linkedin.premium.note_max'], 300);

  // The pre-send check uses them: the Premium limit of 3 (this is the 3rd send: caution, not
  // stop), and the Premium note length (250 characters pass).
  const check = (await hostRequest(s, {
    type: 'invitation.check', network: 'linkedin', profile_url: 'https://www.linkedin.com/in/someone-new/', note: 'a'.repeat(250),
  })).result;
  assert.equal(check.counts.daily_limit, 3);
  assert.equal(check.note_max, 300);
  assert.equal(check.verdict, 'caution');
  assert.deepEqual(check.reasons.map((r) => r.code), ['daily_limit']);

  // So does the popup: the Premium limit of 3, its gauge coloured by the host's verdict on the next
  // send, and the host's reason in the catalogue's words.
  const popup = await openExtensionPage(s, 'popup.html', { width: 380, height: 520 });
  await eventually(async () => (await popup.text('#today dd')) === '2 / 3', { what: 'today 2 / 3 in the popup' });
  assert.equal(await popup.evaluate(() => document.getElementById('today').className), 'gauge caution');
  assert.match(await popup.text('#warnings'), /This would be invitation 3 today; your daily limit is 3\./);
  await popup.close();

  // And the dashboard's summary: today against the Premium limit of 3.
  const dashboard = await openExtensionPage(s, 'dashboard.html');
  await eventually(async () => (await dashboard.text('#today dd')) === '2 / 3', { what: 'today 2 / 3 on the dashboard' });
  await dashboard.close();

  // Reloaded, the page shows what was saved.
  await page.reload();
  await eventually(async () => (await value('linkedin.premium.daily_limit')) === '3', { what: 'the saved limit shown after a reload' });
  assert.equal(await value('linkedin.account_type'), 'premium');
});
