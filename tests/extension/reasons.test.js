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

// The codes domain::check_send passes to add(), check_limit() and team_reason().
const hostCodes = () => {
  const src = read('host/domain/limits.cpp');
  const codes = new Set([...src.matchAll(/\b(?:add|check_limit)\(out,\s*"([a-z_]+)"|\bteam_reason\(\s*"([a-z_]+)"/g)].map((m) => m[1] ?? m[2]));
  return [...codes];
};
// What a teammate did: the host adds `who` (their display name) and `since` (ms) to these.
const TEAM_CODES = ['team_pending', 'team_connected', 'team_recent_withdrawal', 'team_fake'];
// Noon on 3 December of this year, local time: written without its year.
const DEC_3 = new Date(new Date().getFullYear(), 11, 3, 12).getTime();

// Parameters of the shape the host sends for each code (value, limit).
const SAMPLE = {
  daily_limit: [21, 20], weekly_limit: [101, 100], note_too_long: [250, 200], note_allowance: [6, 5],
  low_acceptance: [0.12, 0.3], too_many_pending: [612, 500], duplicate_pending: [1, 0],
  reinvite_too_soon: [4, 21], connection_cap: [30000, 30000],
  team_pending: [4, null], team_connected: [1, null], team_recent_withdrawal: [4, 21], team_fake: [1, null],
};

test('the host source yields the check\'s reason codes (the grep itself works)', () => {
  const codes = hostCodes();
  assert.ok(codes.length >= 13, codes.join());
  for (const c of ['daily_limit', 'weekly_limit', 'note_too_long', 'reinvite_too_soon', ...TEAM_CODES]) assert.ok(codes.includes(c), c);
});

for (const lang of ['en', 'fr']) {
  test(`every reason code renders from the ${lang} catalogue with its parameters, never the host's English`, () => {
    const t = translator(catalogue(lang));
    const codes = [...hostCodes(), ...P.UNCHECKED_CODES];
    for (const code of codes) {
      assert.ok(catalogue(lang)[`reason_${code}`]?.message, `${lang}: no reason_${code}`);
      const [value, limit] = SAMPLE[code] ?? [null, null];
      const host = { code, verdict: 'stop', message: `HOST ENGLISH for ${code}`, value, limit, who: 'Léa', since: DEC_3 };
      const text = R.render(host, t);
      assert.doesNotMatch(text, /HOST ENGLISH/, `${lang} ${code}`);
      assert.doesNotMatch(text, /\$\d|undefined|NaN/, `${lang} ${code}: ${text}`);
      // The parameters are in the sentence where the message uses them.
      const m = catalogue(lang)[`reason_${code}`].message;
      const [v, l] = R.parts(host).subs;
      if (m.includes('$1')) assert.ok(text.includes(v), `${lang} ${code}: ${text} lacks ${v}`);
      if (m.includes('$2')) assert.ok(text.includes(l), `${lang} ${code}: ${text} lacks ${l}`);
      // A team reason names the teammate and says when, whatever the code.
      if (TEAM_CODES.includes(code)) assert.ok(m.includes('$3') && m.includes('$4') && text.includes('\u2068Léa\u2069'), `${lang} ${code}: ${text}`);
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

test('team reasons: the teammate isolated and cut, the date in the user\'s language, French typography', () => {
  const en = translator(catalogue('en'));
  const fr = translator(catalogue('fr'));
  const pending = { code: 'team_pending', verdict: 'caution', message: 'Léa has had...', value: 4, limit: null, who: 'Léa', since: DEC_3 };
  assert.equal(R.render(pending, en), '\u2068Léa\u2069 has had an invitation to this person pending since Dec 3.');
  assert.equal(R.render(pending, fr), '\u2068Léa\u2069 a, depuis le 3 déc., une invitation en attente auprès de cette personne.');
  const withdrawal = { code: 'team_recent_withdrawal', verdict: 'stop', value: 4, limit: 21, who: 'Tom', since: DEC_3 };
  assert.equal(R.render(withdrawal, fr),
    '\u2068Tom\u2069 a retiré une invitation à cette personne le 3 déc.\u00a0; attendez 21 jours après un retrait avant de l’inviter à nouveau.');
  // An abbreviated month never ends a French sentence ("déc.." ).
  for (const code of TEAM_CODES) assert.doesNotMatch(R.render({ ...pending, code }, fr), /\.\./, code);
  // Another year is said; a stranger's override stays inside the isolate, a long name is cut.
  const old = R.render({ code: 'team_connected', who: '\u202Eevil', since: new Date(2024, 0, 15, 12).getTime() }, en);
  assert.equal(old, '\u2068\u202Eevil\u2069 has been connected with this person since Jan 15, 2024.');
  const long = R.render({ code: 'team_fake', who: 'x'.repeat(100), since: DEC_3 }, en);
  assert.ok(long.startsWith(`\u2068${'x'.repeat(59)}…\u2069 marked`), long);
  // From a host that did not say who or when: still a sentence.
  assert.equal(R.render({ code: 'team_fake' }, fr), 'Un membre de l’équipe a, le –, signalé ce profil comme faux.');
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

// The profile assessment's reasons (the badge): codes, kinds and topics read from the host's
// source and lexicons, so a new signal without catalogue entries fails here.
const assessmentCodes = () => {
  const src = read('host/domain/assessment.cpp');
  return [...new Set([...src.matchAll(/\b(?:s\.add|s\.add_newcomer|add_note_reason)\(\s*"([a-z_]+)"/g)].map((m) => m[1]))];
};
const assessmentKinds = () => {
  const src = read('host/domain/assessment.cpp');
  return {
    sparse_profile: [...src.matchAll(/thin_part\("([a-z_]+)"/g)].map((m) => m[1]),
    name_oddity: [...src.matchAll(/oddity\([^,]+, "([a-z_]+)"/g)].map((m) => m[1]),
  };
};
const TOPICS = ['off_platform', 'money', 'romance', 'scripted', 'contact_details'];
// A quoted word as the renderer isolates it (first strong isolate … pop directional isolate).
const I = (w) => `\u2068${w}\u2069`;

test('the host source yields the assessment\'s codes and kinds (the greps themselves work)', () => {
  const codes = assessmentCodes();
  for (const c of ['no_photo', 'odd_title', 'few_connections', 'sparse_profile', 'scam_note', 'scam_about', 'note_model',
    'user_wording', 'headline_mismatch', 'name_oddity', 'recent_account', 'verified', 'not_verified']) assert.ok(codes.includes(c), c);
  const kinds = assessmentKinds();
  assert.ok(kinds.sparse_profile.length >= 5 && kinds.name_oddity.length >= 4, JSON.stringify(kinds));
  // The lexicons' categories are the topics the catalogue words.
  for (const lang of ['en', 'fr']) {
    const cats = new Set([...read(`data/lexicons/scam_phrases.${lang}.txt`).matchAll(/^\[([a-z_]+)\]/gm)].map((m) => m[1]));
    for (const c of cats) assert.ok(TOPICS.includes(c), `${lang} lexicon category ${c} has no topic_ entry in this test`);
  }
});

for (const lang of ['en', 'fr']) {
  test(`every assessment reason renders from the ${lang} catalogue, with its kinds and evidence, never the host's English`, () => {
    const cat = catalogue(lang);
    const t = translator(cat);
    const kinds = assessmentKinds();
    for (const code of assessmentCodes()) {
      assert.ok(cat[`why_${code}`]?.message, `${lang}: no why_${code}`);
      const reason = { code, weight: 10, detail: `HOST ENGLISH for ${code}`, value: 7,
        kinds: kinds[code] ?? (code.startsWith('scam_') ? TOPICS : []), evidence: ['whatsapp', 'crypto'] };
      const text = R.assessment(reason, t);
      assert.doesNotMatch(text, /HOST ENGLISH|\$\d|undefined|NaN|why_|topic_/, `${lang} ${code}: ${text}`);
      assert.ok(text.includes(t('quoted', [I('whatsapp')])), `${lang} ${code}: evidence quoted in ${text}`);
      for (const k of kinds[code] ?? []) assert.ok(cat[`why_${code}_${k}`]?.message, `${lang}: no why_${code}_${k}`);
      if (cat[`why_${code}_n`]) assert.match(text, /\b7\b/, `${lang} ${code}: the number in ${text}`);
      // A reason stored by an older host (no value, kinds nor evidence) still reads, with no placeholder.
      const old = R.assessment({ code, weight: 10, detail: 'HOST ENGLISH' }, t);
      assert.doesNotMatch(old, /HOST ENGLISH|\$\d|undefined/, `${lang} ${code} (old): ${old}`);
    }
    for (const topic of [...TOPICS, 'other']) assert.ok(cat[`topic_${topic}`]?.message, `${lang}: no topic_${topic}`);
  });
}

test('assessment reasons: French words and quotes, English ones differ, unknown codes fall back to the host\'s detail', () => {
  const fr = translator(catalogue('fr'));
  const en = translator(catalogue('en'));
  const sparse = { code: 'sparse_profile', weight: 20, detail: 'thin profile: no about section, no experience', kinds: ['no_about', 'no_experience'] };
  assert.equal(R.assessment(sparse, fr), 'Un profil presque vide\u00a0: pas de section Infos, aucune expérience.');
  assert.equal(R.assessment(sparse, en), 'An almost empty profile: no About section, no experience.');
  const title = { code: 'odd_title', weight: 20, detail: 'title "Coiffeuse" ...', evidence: ['coiffeuse'] };
  assert.equal(R.assessment(title, fr), 'Un métier rarement vu sur un réseau professionnel\u00a0: «\u00a0\u2068coiffeuse\u2069\u00a0».');
  const note = { code: 'scam_note', weight: 40, detail: '...', kinds: ['off_platform', 'money'], evidence: ['whatsapp', 'bitcoin'] };
  assert.equal(R.assessment(note, en),
    'The invitation note reads like a scam: it asks to move to another app, it talks money or crypto (“\u2068whatsapp\u2069”, “\u2068bitcoin\u2069”).');
  assert.equal(R.assessment({ code: 'few_connections', weight: 18, detail: 'only 3 connections', value: 3 }, fr), 'Seulement 3 relations.');
  assert.equal(R.assessment({ code: 'few_connections', weight: 18, detail: 'only 3 connections' }, fr), 'Très peu de relations.');
  assert.equal(R.assessment({ code: 'from_a_newer_host', detail: 'new signal' }, fr), 'new signal');
  // Long page text is evidence, not a copy: cut at 60 characters, four words at most.
  const long = R.assessment({ code: 'user_wording', evidence: ['x'.repeat(100), 'a', 'b', 'c', 'd'] }, en);
  assert.ok(long.includes(`“${I(`${'x'.repeat(59)}…`)}”`) && !long.includes(I('d')), long);
  // A stranger's right-to-left override stays inside its quote; an emoji is never cut in half.
  const rtl = R.assessment({ code: 'name_oddity', kinds: ['emoji'], evidence: ['\u202Eevil name', '😀'.repeat(70)] }, en);
  assert.ok(rtl.includes(`“${I('\u202Eevil name')}”`), rtl);
  assert.ok(rtl.includes(`${'😀'.repeat(59)}…`) && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(rtl), 'cut by code points');
});
