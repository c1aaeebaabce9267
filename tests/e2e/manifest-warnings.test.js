// One manifest source, one manifest per browser (scripts/extension-for.mjs): Firefox reads its own
// without a single warning in its console, where the source one warns about Chromium's `key`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFixtureServer } from './lib/fixture-server.js';
import { EXTENSION_DIR, manifestWarnings, onlyIn, startSession } from './lib/harness.js';

let server;
before(async () => { server = await startFixtureServer(); });
after(() => server.close());

test("Firefox's console has no manifest warning for the installed add-on; the unconverted source would warn about key",
  onlyIn('firefox', 'the warning is Firefox\'s'), async (t) => {
    const s = await startSession(t, { server });
    assert.deepEqual(await manifestWarnings(s), [], 'the Firefox manifest loads cleanly');
    const source = await manifestWarnings(s, { install: EXTENSION_DIR });
    assert.ok(source.some((m) => /\bkey\b/.test(m)), `the source manifest's key is what Firefox warned about: ${source.join(' | ')}`);
  });
