// The toolbar icon's state: from the port's state and the host's verdict on the next send, never
// a judgement of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { toolbarView, createToolbar } from '../../extension/src/background/toolbar.js';

const catalogue = (lang) => JSON.parse(readFileSync(new URL(`../../extension/_locales/${lang}/messages.json`, import.meta.url), 'utf8'));
const tFor = (lang) => {
  const c = catalogue(lang);
  return (key, subs = []) => {
    assert.ok(c[key], `${lang} has ${key}`);
    return c[key].message.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1]);
  };
};
const check = (reasons, counts = { today: 19, daily_limit: 20, week: 60, weekly_limit: 100 }) => ({ verdict: 'caution', reasons, counts });

test('toolbar: program missing or refusing is a red "!", whatever the counts', () => {
  for (const state of ['not_installed', 'forbidden']) {
    const v = toolbarView({ state, check: null }, tFor('en'));
    assert.deepEqual([v.text, v.color], ['!', '#cf222e'], state);
    assert.match(v.title, /Vigie/);
  }
});

test('toolbar: the host\'s daily or weekly reason shows as value/limit, amber for caution, red for stop', () => {
  const t = tFor('en');
  assert.equal(toolbarView({ state: 'connected', check: check([]) }, t).text, '', 'nothing to say: no badge');
  const near = toolbarView({ state: 'connected', check: check([{ code: 'daily_limit', verdict: 'caution', value: 20, limit: 20 }]) }, t);
  assert.deepEqual([near.text, near.color], ['19/20', '#9a6700']);
  assert.match(near.title, /19 of your 20 invitations today/);
  const over = toolbarView({ state: 'connected', check: check([{ code: 'weekly_limit', verdict: 'stop', value: 101, limit: 100 }], { today: 3, daily_limit: 20, week: 100, weekly_limit: 100 }) }, t);
  assert.deepEqual([over.text, over.color], ['100/100', '#cf222e']);
  // Another reason (a note, the acceptance rate) is the popup's business, not the icon's.
  assert.equal(toolbarView({ state: 'connected', check: check([{ code: 'low_acceptance', verdict: 'caution' }]) }, t).text, '');
  assert.equal(toolbarView({ state: 'connecting', check: null }, t).text, '');
});

test('toolbar: every state has its words in French too', () => {
  const t = tFor('fr');
  assert.match(toolbarView({ state: 'not_installed', check: null }, t).title, /n’est pas installé/);
  for (const [code, verdict] of [['daily_limit', 'caution'], ['daily_limit', 'stop'], ['weekly_limit', 'caution'], ['weekly_limit', 'stop']])
    assert.doesNotMatch(toolbarView({ state: 'connected', check: check([{ code, verdict }]) }, t).title, /\$\d|invitations today|limit reached/);
});

test('toolbar: refresh asks the host only when connected and writes the icon only when it changes', async () => {
  const written = [];
  let asked = 0;
  const bar = createToolbar({ api: { setToolbar: async (v) => { written.push(v); } }, t: tFor('en'),
    check: async () => { asked += 1; return { ok: true, result: check([{ code: 'daily_limit', verdict: 'stop', value: 21, limit: 20 }], { today: 20, daily_limit: 20 }) }; } });
  await bar.refresh('connected');
  await bar.refresh('connected');
  assert.equal(asked, 2);
  assert.equal(written.length, 1, 'the same view is not written twice');
  assert.equal(written[0].text, '20/20');
  await bar.refresh('not_installed');
  assert.equal(asked, 2, 'no check without a host');
  assert.equal(written.at(-1).text, '!');
});
