// The user can take the extension's site access away (Firefox: about:addons > Permissions, or the
// origin controls of the toolbar). Then no content script runs: the popup must say so and ask for
// it back (permissions.request from the click), and once granted, the pages are observed again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './lib/fixture-server.js';
import { eventually, onlyIn, openExtensionPage, openPage, personRecorded, revokeHostPermissions, screenshot, startSession } from './lib/harness.js';

let server;
before(async () => { server = await startFixtureServer(); });
after(() => server.close());

const BEFORE = 'https://www.linkedin.com/in/alex-fortune/';
const AFTER = 'https://www.viadeo.com/fr/profile/pierre-lefevre';

test('site access revoked: pages are not read, the popup says so and asks, and granting it back restores the observation',
  onlyIn('firefox', "Chromium's required host permissions cannot be revoked by a script"), async (t) => {
    const s = await startSession(t, { server });
    const left = await revokeHostPermissions(s);
    assert.doesNotMatch(left, /linkedin|viadeo/, `origins left: ${left}`);

    await openPage(s, BEFORE);
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(await personRecorded(s, BEFORE), false, 'no content script ran without site access');

    const popup = await openExtensionPage(s, 'popup.html', { width: 380, height: 560 });
    const notice = await eventually(async () => popup.evaluate(() => {
      const box = document.getElementById('access');
      return !box.hidden && box.textContent;
    }), { what: 'the site-access notice in the popup' });
    assert.match(notice, /LinkedIn and Viadeo/);
    await screenshot(popup, 'popup-site-access');

    await popup.click('#access-grant');
    await eventually(async () => popup.evaluate(() => document.getElementById('access').hidden), { what: 'the notice gone once granted' });
    await openPage(s, AFTER);
    await eventually(() => personRecorded(s, AFTER), { what: 'a profile observed again after granting' });
  });
