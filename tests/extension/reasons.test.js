// Every reason code the host's pre-send check can emit, rendered from _locales in English and
// French by its code and parameters. The codes are read from the host's source, so a new rule
// without catalogue entries fails here instead of showing English (or nothing) to French users.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import '../../extension/src/shared/reasons.js';
import '../../extension/src/content/policy/send-policy.js';

const { reasons: R, policy: P } = globalThis.__vigie;
const read = (p) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const catalogue = (lang) => JSON.parse(read(`extension/_locales/${lang}/messages.json`));

// chrome.i18n.getMessage as the extension uses it: $1…$9 from the substitutions, and the key
// itself back (browserApi.t's fallback) when the catalogue has no entry.
const translator = (messages) => (key, subs = []) => {
  const m = messages[key]?.message;
  if (!m) return key;
  return m.replace(/\$(\d)/g, (_, i) => subs[Number(i) - 1] ?? '');
};

// The codes domain::check_send passes to add() and check_limit().
const hostCodes = () => {
  const src = read('host/domain/limits.cpp');
  const codes = new Set([...src.matchAll(/\b(?:add|check_limit)\(out,\s*"([a-z_]+)"/g)].map((m) => m[1]));
  return [...codes];
};

// Parameters of the shape the host sends for each code (value, limit).
const SAMPLE = {
  daily_limit: [21, 20], weekly_limit: [101, 100], note_too_long: [250, 200], note_allowance: [6, 5],
  low_acceptance: [0.12, 0.3], too_many_pending: [612, 500], duplicate_pending: [1, 0],
  reinvite_too_soon: [4, 21], connection_cap: [30000, 30000],
};

test('the host source yields the check\'s reason codes (the grep itself works)', () => {
  const codes = hostCodes();
  assert.ok(codes.length >= 9, codes.join());
  for (const c of ['daily_limit', 'weekly_limit', 'note_too_long', 'reinvite_too_soon']) assert.ok(codes.includes(c), c);
});

for (const lang of ['en', 'fr']) {
  test(`every reason code renders from the ${lang} catalogue with its parameters, never the host's English`, () => {
    const t = translator(catalogue(lang));
    const codes = [...hostCodes(), ...P.UNCHECKED_CODES];
    for (const code of codes) {
      assert.ok(catalogue(lang)[`reason_${code}`]?.message, `${lang}: no reason_${code}`);
      const [value, limit] = SAMPLE[code] ?? [null, null];
      const host = { code, verdict: 'stop', message: `HOST ENGLISH for ${code}`, value, limit };
      const text = R.render(host, t);
      assert.doesNotMatch(text, /HOST ENGLISH/, `${lang} ${code}`);
      assert.doesNotMatch(text, /\$\d|undefined|NaN/, `${lang} ${code}: ${text}`);
      // The parameters are in the sentence where the message uses them.
      const m = catalogue(lang)[`reason_${code}`].message;
      const [v, l] = R.parts(host).subs;
      if (m.includes('$1')) assert.ok(text.includes(v), `${lang} ${code}: ${text} lacks ${v}`);
      if (m.includes('$2')) assert.ok(text.includes(l), `${lang} ${code}: ${text} lacks ${l}`);
    }
  });
}

test('French and English say each reason in their own words, with the same parameters', () => {
  const en = catalogue('en');
  const fr = catalogue('fr');
  for (const code of [...hostCodes(), ...P.UNCHECKED_CODES]) {
    const key = `reason_${code}`;
    assert.notEqual(fr[key].message, en[key].message, key);
    const params = (m) => [...m.matchAll(/\$\d/g)].map((x) => x[0]).sort().join();
    assert.equal(params(fr[key].message), params(en[key].message), key);
  }
});

test('rates render as percentages; an unknown code falls back to the host\'s text, then the code', () => {
  const t = translator(catalogue('fr'));
  assert.match(R.render({ code: 'low_acceptance', value: 0.12, limit: 0.3 }, t), /12 %.*30 %/);
  assert.equal(R.render({ code: 'from_a_newer_host', message: 'new rule' }, t), 'new rule');
  assert.equal(R.render({ code: 'from_a_newer_host' }, t), 'from_a_newer_host');
});

test('popup: the gauges take the level of the host\'s reasons for the next send, and list them in the user\'s words', async () => {
  const { nextSendView } = await import('../../extension/src/pages/common.js');
  const t = translator(catalogue('fr'));
  // The host's answer for the next send with 19 of 20 sent today and a user's weekly limit of 30.
  const check = { verdict: 'caution', note_max: 200, reasons: [
    { code: 'daily_limit', verdict: 'caution', message: 'this would be invitation 20 of 20 today', value: 20, limit: 20 },
  ], counts: { today: 19, daily_limit: 20, week: 19, weekly_limit: 30 } };
  const view = nextSendView(check, t);
  assert.deepEqual([view.today, view.week], ['caution', 'ok'], 'the week is ok because the host says so, whatever 19 / 30 looks like');
  assert.deepEqual(view.warnings, ['Ce serait l’invitation n° 20 aujourd’hui\u00a0; votre limite quotidienne est de 20.']);
  assert.deepEqual(nextSendView({ verdict: 'ok', reasons: [] }, t), { today: 'ok', week: 'ok', warnings: [] });
});
