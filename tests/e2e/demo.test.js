// installer/demo.sh's self-test: the demo starts in the browser under test, shows a badge on the
// sample pages, and cleans up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { BROWSER, ROOT } from './lib/harness.js';

test('the demo runs on the bundled sample pages and shows the badge', async () => {
  const { stdout } = await promisify(execFile)('bash', [path.join(ROOT, 'installer/demo.sh'), '--browser', BROWSER, '--check'], { timeout: 120000 });
  assert.match(stdout, new RegExp(`demo check \\(${BROWSER}\\): badge shown: .*(medium|high)`, 'i'));
});
