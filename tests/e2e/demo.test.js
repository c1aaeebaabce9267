// installer/demo.sh's self-test: the demo starts, shows a badge on the sample pages, and cleans up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './lib/harness.js';

test('the demo runs on the bundled sample pages and shows the badge', async () => {
  const { stdout } = await promisify(execFile)('node', [path.join(ROOT, 'tests/e2e/lib/demo.js'), '--check'], { timeout: 90000 });
  assert.match(stdout, /demo check: badge shown: .*(medium|high)/i);
});
