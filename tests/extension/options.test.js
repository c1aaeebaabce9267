// The options page's logic (extension/src/pages/settings-form.js) on definitions shaped as the
// host's settings.get sends them (docs/PROTOCOL.md), in a linkedom document, labelled from the
// real catalogues. The host's own table is checked against the catalogues in
// tests/unit/settings_test.cpp; here, what the page does with a description it has never seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { render, fill, readInput, save, changes, fromInput, groups } from '../../extension/src/pages/settings-form.js';

const catalogue = (lang) => JSON.parse(readFileSync(new URL(`../../extension/_locales/${lang}/messages.json`, import.meta.url), 'utf8'));
const translator = (lang) => {
  const m = catalogue(lang);
  return (key, subs = []) => (m[key]?.message ?? key).replace(/\$(\d)/g, (_, i) => subs[Number(i) - 1] ?? '');
};

const def = (key, type, dflt, extra = {}) => {
  const parts = key.split('.');
  const network = ['linkedin', 'viadeo'].includes(parts[0]) ? parts[0] : null;
  const account_type = network && ['free', 'premium'].includes(parts[1]) ? parts[1] : null;
  const name = parts.slice((network ? 1 : 0) + (account_type ? 1 : 0)).join('_');
  return { key, type, default: dflt, nullable: false, min: null, max: null, unit: null, network, account_type, label: `set_${name}`, ...extra };
};
const DEFS = [
  def('linkedin.account_type', 'account_type', 'free', { choices: ['free', 'premium'] }),
  def('linkedin.own_connections', 'integer', null, { nullable: true, min: 0, max: 1e9, unit: 'connections' }),
  def('linkedin.free.daily_limit', 'integer', 20, { min: 1, max: 1e9, unit: 'invitations' }),
  def('linkedin.free.caution_ratio', 'ratio', 0.8, { min: 0, max: 1, unit: 'ratio' }),
  def('linkedin.premium.daily_limit', 'integer', 20, { min: 1, max: 1e9, unit: 'invitations' }),
  def('linkedin.premium.note_max', 'integer', 300, { min: 0, max: 100000, unit: 'characters' }),
  def('retention_days', 'integer', null, { nullable: true, min: 1, max: 36500, unit: 'days' }),
  def('badges', 'boolean', true),
  def('lexicon.odd_titles.add', 'string_list', []),
];
const VALUES = { 'linkedin.account_type': 'free', 'linkedin.own_connections': null, 'linkedin.free.daily_limit': 20, 'linkedin.free.caution_ratio': 0.8,
  'linkedin.premium.daily_limit': 20, 'linkedin.premium.note_max': 300, retention_days: null, badges: true, 'lexicon.odd_titles.add': [] };

const page = () => parseHTML('<!doctype html><html><body><form></form></body></html>').document;
const choose = (select, value) => { for (const o of select.querySelectorAll('option')) if (o.value === value) o.selected = true; };

test('the form is built from the definitions: grouped, labelled in French with units, showing the values', () => {
  const t = translator('fr');
  const doc = page();
  const { fieldsets, inputs, errors } = render(doc, DEFS, VALUES, t);
  assert.deepEqual(fieldsets.map((f) => f.getAttribute('data-group')), ['linkedin', 'linkedin.free', 'linkedin.premium', 'general', 'lexicon']);
  assert.equal(fieldsets[1].querySelector('legend').textContent, 'LinkedIn — compte Gratuit');
  const label = (key) => fieldsets.flatMap((f) => [...f.querySelectorAll('label')]).find((l) => l.getAttribute('data-key') === key).querySelector('span').textContent;
  // The unit follows the label unless the label already names it.
  assert.equal(label('linkedin.free.daily_limit'), 'Invitations par jour');
  assert.equal(label('linkedin.own_connections'), 'Votre nombre de relations (vide\u00a0: inconnu)');
  assert.equal(label('linkedin.premium.note_max'), 'Note la plus longue acceptée (caractères)');
  assert.equal(label('retention_days'), 'Garder les invitations traitées et l’historique pendant (jours)');
  // A long explanation is a hint under the field, only where the catalogue has one.
  const hints = fieldsets.flatMap((f) => [...f.querySelectorAll('label')]).filter((l) => l.querySelector('.hint'));
  assert.deepEqual(hints.map((l) => l.getAttribute('data-key')), ['retention_days']);
  assert.match(hints[0].querySelector('.hint').textContent, /^Appliqué à chaque démarrage/);
  for (const d of DEFS) assert.notEqual(label(d.key), d.label, `${d.key} has a French label`);
  assert.equal(inputs.get('linkedin.free.daily_limit').value, '20');
  assert.equal(inputs.get('linkedin.free.daily_limit').getAttribute('min'), '1');
  assert.equal(inputs.get('linkedin.own_connections').value, '', 'null shows empty');
  assert.equal(inputs.get('linkedin.account_type').value, 'free');
  assert.equal(inputs.get('badges').checked, true);
  assert.equal(errors.size, DEFS.length);
});

test('a setting the page has never heard of still gets a field (nothing is listed by hand)', () => {
  const extra = def('viadeo.free.weekly_limit', 'integer', 100, { min: 1, max: 1e9, unit: 'invitations' });
  const g = groups([...DEFS, extra], translator('en'));
  assert.ok(g.find((x) => x.id === 'viadeo.free').defs.includes(extra));
});

test('inputs become the types the host expects; only what changed is sent', () => {
  const byKey = Object.fromEntries(DEFS.map((d) => [d.key, d]));
  assert.equal(fromInput(byKey['linkedin.free.daily_limit'], '12'), 12);
  assert.equal(fromInput(byKey['linkedin.free.caution_ratio'], '0,75'), 0.75);
  assert.equal(fromInput(byKey.retention_days, ''), null, 'empty nullable is null');
  assert.equal(fromInput(byKey['linkedin.free.daily_limit'], ''), '', 'empty required is sent as is, for the host to refuse');
  assert.deepEqual(fromInput(byKey['lexicon.odd_titles.add'], ' coiffeuse \n\ncharcutier'), ['coiffeuse', 'charcutier']);
  const doc = page();
  const { inputs } = render(doc, DEFS, VALUES, translator('en'));
  assert.deepEqual(changes(DEFS, VALUES, readInput(inputs)), {}, 'nothing typed, nothing sent');
  inputs.get('linkedin.premium.daily_limit').value = '7';
  choose(inputs.get('linkedin.account_type'), 'premium');
  assert.deepEqual(changes(DEFS, VALUES, readInput(inputs)), { 'linkedin.account_type': 'premium', 'linkedin.premium.daily_limit': 7 });
});

test('save: each change goes through settings.set; a refused one gets its reason in the user\'s language, the others are saved', async () => {
  const t = translator('fr');
  const doc = page();
  const { inputs } = render(doc, DEFS, VALUES, t);
  inputs.get('linkedin.premium.daily_limit').value = '7';
  inputs.get('linkedin.premium.note_max').value = '200000'; // above the host's bound
  choose(inputs.get('linkedin.account_type'), 'premium');
  const stored = { ...VALUES };
  const sent = [];
  // A host double that judges like the real one: by the definition's bounds.
  const set = async (one) => {
    sent.push(one);
    const [[key, value]] = Object.entries(one);
    const d = DEFS.find((x) => x.key === key);
    if (d.type === 'integer' && !(Number.isInteger(value) && value >= d.min && value <= d.max)) {
      throw Object.assign(new Error(`setting "${key}": must be between ${d.min} and ${d.max}`), { code: 'bad_request' });
    }
    stored[key] = value;
    return { settings: { ...stored } };
  };
  const r = await save(DEFS, VALUES, readInput(inputs), set, t);
  assert.equal(sent.length, 3);
  assert.deepEqual(r.saved.sort(), ['linkedin.account_type', 'linkedin.premium.daily_limit']);
  assert.deepEqual(Object.keys(r.refused), ['linkedin.premium.note_max']);
  assert.equal(r.refused['linkedin.premium.note_max'], 'Refusé\u00a0: saisissez un nombre entier de 0 à 100000.');
  assert.equal(r.settings['linkedin.premium.daily_limit'], 7);
  assert.equal(r.settings['linkedin.account_type'], 'premium');
  // Shown again from the host's values: the saved ones stay as saved.
  fill(DEFS, r.settings, inputs);
  assert.equal(inputs.get('linkedin.account_type').value, 'premium');
  assert.equal(inputs.get('linkedin.premium.note_max').value, '300');
});

test('save: a host that cannot answer is not mistaken for a refused value', async () => {
  const doc = page();
  const { inputs } = render(doc, DEFS, VALUES, translator('en'));
  inputs.get('linkedin.free.daily_limit').value = '5';
  const set = async () => { throw Object.assign(new Error('no reply'), { code: 'host_unavailable' }); };
  await assert.rejects(save(DEFS, VALUES, readInput(inputs), set, translator('en')), /no reply/);
});

test('each number shows the host\'s default under its field, in the user\'s language; lists and choices do not', () => {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const { fieldsets } = render(document, DEFS, {}, translator('fr'));
  const byKey = (key) => fieldsets.map((fs) => fs.querySelector(`label[data-key="${key}"] .default`)).find(Boolean)?.textContent ?? null;
  assert.equal(byKey('linkedin.free.daily_limit'), 'Par défaut\u00a0: 20');
  assert.equal(byKey('linkedin.free.caution_ratio'), 'Par défaut\u00a0: 0.8');
  assert.equal(byKey('linkedin.own_connections'), 'Par défaut\u00a0: vide (désactivé)');
  assert.equal(byKey('linkedin.account_type'), null);
});
