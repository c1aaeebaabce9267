import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import '../../extension/src/content/policy/send-policy.js';
import '../../extension/src/shared/messages.js';
import { exportText } from '../../extension/src/pages/export.js';

const P = globalThis.__vigie.policy;
const ext = (p) => new URL(`../../extension/${p}`, import.meta.url);

test('send policy: the verdict is the host\'s, as given; ok never holds, caution and stop do', () => {
  const counts = { today: 3, daily_limit: 20, week: 10, weekly_limit: 100, pending: 4, acceptance: { rate: 0.5, accepted: 10, decided: 20, window: 50 } };
  assert.equal(P.decideSend({ verdict: 'ok', reasons: [], counts, note_max: 200 }).hold, false);
  const caution = P.decideSend({ verdict: 'caution', reasons: [{ code: 'daily_limit', verdict: 'caution', value: 17, limit: 20 }], counts });
  assert.deepEqual([caution.hold, caution.verdict, caution.counts], [true, 'caution', counts]);
  assert.equal(P.decideSend({ verdict: 'stop', reasons: [{ code: 'duplicate_pending', verdict: 'stop' }] }).verdict, 'stop');
  // A reason's own level is never lowered by a milder overall verdict.
  assert.equal(P.decideSend({ verdict: 'caution', reasons: [{ code: 'x', verdict: 'stop' }] }).verdict, 'stop');
  // The host's note_max travels with the decision, for the live counter.
  assert.equal(P.decideSend({ verdict: 'ok', reasons: [], note_max: 300 }).noteMax, 300);
});

test('send policy: the 20th send of 20 is what the host says (caution), not a stop of the page\'s own', () => {
  // What the host answers for the 20th send of a daily limit of 20 (tests/unit/ledger_test.cpp):
  // `value` already counts this send.
  const reply = { ok: true, result: { verdict: 'caution', note_max: 200, reasons: [{ code: 'daily_limit', verdict: 'caution', message: 'this would be invitation 20 of 20 today', value: 20, limit: 20 }], counts: { today: 19, daily_limit: 20 } } };
  const d = P.decideReply(reply);
  assert.deepEqual([d.verdict, d.hold, d.reasons.length], ['caution', true, 1]);
  const over = P.decideReply({ ok: true, result: { verdict: 'stop', reasons: [{ code: 'daily_limit', verdict: 'stop', value: 21, limit: 20 }] } });
  assert.equal(over.verdict, 'stop');
});

test('send policy: a 250-character note on a Premium account is not stopped when the host says ok', () => {
  const reply = { ok: true, result: { verdict: 'ok', note_max: 300, reasons: [], counts: { today: 2, daily_limit: 20 } } };
  const d = P.decideReply(reply);
  assert.deepEqual([d.verdict, d.hold, d.reasons], ['ok', false, []]);
  // The live counter judges against the host's limit, not a free account's 200.
  assert.equal(P.noteTone(250, d.noteMax), 'ok');
  assert.equal(P.noteTone(250, 200), 'stop');
  assert.equal(P.noteTone(190, 200), 'caution');
  assert.equal(P.noteTone(250, null), 'ok', 'no limit known yet: the counter only counts');
});

test('export: the page joins the host\'s chunks in order and writes nothing of its own', async () => {
  const asked = [];
  const chunks = { 0: { text: '\ufeffid,name\r\n1,a\r\n', rows: 1, next_offset: 1 }, 1: { text: '2,"\'=b"\r\n', rows: 1, next_offset: null } };
  const call = async (type, body) => { asked.push([type, body]); return chunks[body.offset]; };
  const out = await exportText(call, 'csv', { direction: 'sent' });
  assert.deepEqual(out, { text: '\ufeffid,name\r\n1,a\r\n2,"\'=b"\r\n', rows: 2 });
  assert.deepEqual(asked, [['invitations.export', { direction: 'sent', format: 'csv', offset: 0 }],
    ['invitations.export', { direction: 'sent', format: 'csv', offset: 1 }]]);
});

const manifest = JSON.parse(readFileSync(ext('manifest.json'), 'utf8'));

test('manifest: key gives the registered Chromium id, and both browser families are declared', () => {
  const ids = JSON.parse(readFileSync(new URL('../../manifest/extension-ids.json', import.meta.url), 'utf8'));
  const id = [...createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex').slice(0, 32)].map((c) => 'abcdefghijklmnop'[parseInt(c, 16)]).join('');
  assert.deepEqual([id], ids.chromium);
  assert.equal(manifest.browser_specific_settings.gecko.id, ids.firefox[0]);
  assert.equal(manifest.background.type, 'module');
  assert.ok(manifest.background.service_worker && manifest.background.scripts?.length);
});

test('manifest: least privilege, nothing a site could probe, strict CSP', () => {
  assert.deepEqual(manifest.permissions.sort(), ['nativeMessaging', 'storage']);
  // Viadeo's profiles now live on one host of journaldunet.com: that path only, not the whole site.
  assert.ok(manifest.host_permissions.every((h) => /^https:\/\/\*\.(linkedin|viadeo)\.com\/\*$|^https:\/\/viadeo\.journaldunet\.com\/p\/\*$/.test(h)));
  assert.deepEqual(manifest.content_scripts[0].matches, manifest.host_permissions);
  assert.equal(manifest.web_accessible_resources, undefined);
  assert.equal(manifest.externally_connectable, undefined);
  assert.match(manifest.content_security_policy.extension_pages, /script-src 'self';/);
  assert.doesNotMatch(manifest.content_security_policy.extension_pages, /unsafe|http/);
  for (const f of manifest.content_scripts[0].js) assert.ok(statSync(ext(f)).isFile(), f);
});

test('source: no network API, no storage.sync, no eval, no remote script', () => {
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(new URL(`${d.name}/`, dir)) : [new URL(d.name, dir)]));
  const files = walk(ext('src/')).concat(['popup.html', 'dashboard.html', 'options.html'].map(ext));
  for (const f of files) {
    const s = readFileSync(f, 'utf8');
    assert.doesNotMatch(s, /\bfetch\(|XMLHttpRequest|WebSocket|storage\.sync|\beval\(|new Function|src="https?:/, f.pathname);
  }
});

test('message names match docs/PROTOCOL.md and every UI string exists in English and French', () => {
  const doc = readFileSync(new URL('../../docs/PROTOCOL.md', import.meta.url), 'utf8');
  for (const name of Object.values(globalThis.__vigie.MSG)) assert.ok(doc.includes(`\`${name}\``), name);
  const en = JSON.parse(readFileSync(ext('_locales/en/messages.json'), 'utf8'));
  const fr = JSON.parse(readFileSync(ext('_locales/fr/messages.json'), 'utf8'));
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
  const html = ['popup.html', 'dashboard.html', 'options.html'].map((p) => readFileSync(ext(p), 'utf8')).join('');
  for (const [, key] of html.matchAll(/data-i18n(?:-placeholder|-label)?="([A-Za-z_]+)"/g)) assert.ok(en[key], key);
});
