// The screenshot tool (scripts/screenshots.sh) on one screen in one variant: it drives the
// browser under test through the harness, seeds a ledger, and writes a real picture and the
// contact sheet that lists it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { BROWSER, ROOT } from './lib/harness.js';

const run = promisify(execFile);

test('the screenshot tool writes the popup (English, dark, 700 invitations) and lists it in the contact sheet', async () => {
  const artifacts = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-shots-'));
  try {
    await run('node', [path.join(ROOT, 'tests/e2e/lib/screenshots.js'), '--browser', BROWSER, '--screen', 'popup', '--lang', 'en', '--theme', 'dark', '--state', 'normal'],
      { env: { ...process.env, VIGIE_ARTIFACTS: artifacts }, timeout: 120000 });
    const file = path.join(artifacts, 'screenshots', BROWSER, 'popup-en-dark-normal.png');
    const png = fs.readFileSync(file);
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    // IHDR: the popup's body (340 px wide and its padding), taller than its heading alone.
    const width = png.readUInt32BE(16); const height = png.readUInt32BE(20);
    assert.ok(width >= 340 && width <= 400, `width ${width}`);
    assert.ok(height >= 150, `height ${height}`);
    assert.ok(png.length > 5000, `a picture with something in it: ${png.length} bytes`);
    const index = fs.readFileSync(path.join(artifacts, 'screenshots', 'index.html'), 'utf8');
    assert.match(index, new RegExp(`${BROWSER}/popup-en-dark-normal\\.png`));
  } finally {
    fs.rmSync(artifacts, { recursive: true, force: true });
  }
});
