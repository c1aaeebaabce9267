// The dashboard's team section (extension/src/pages/team.js) on replies shaped as the host's
// team.view sends them (docs/PROTOCOL.md), in a linkedom copy of the real dashboard.html, worded
// from the real catalogues.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { renderTeam, memberRows, overlapLines, syncLines } from '../../extension/src/pages/team.js';

const read = (p) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
const catalogue = (lang) => JSON.parse(read(`extension/_locales/${lang}/messages.json`));
const translator = (lang) => {
  const m = catalogue(lang);
  return (key, subs = []) => (m[key]?.message ?? key).replace(/\$(\d)/g, (_, i) => subs[Number(i) - 1] ?? '');
};
const dashboard = () => parseHTML(read('extension/dashboard.html')).document;
const I = (w) => `\u2068${w}\u2069`;
const DEC_3 = new Date(new Date().getFullYear(), 11, 3, 12).getTime();

const VIEW = {
  in_team: true,
  member: { display_name: 'Camille', show_figures: true, last_push_at: DEC_3, last_pull_at: DEC_3 - 60_000, last_error: null, outbox: 3 },
  volume: [{ day: '2026-12-02', sent: 4 }, { day: '2026-12-03', sent: 7 }],
  members: [
    { name: 'Léa', self: false, sent: 1234, decided: 40, accepted: 10, rate: 0.25 },
    { name: 'Camille', self: true, sent: 5, decided: 0, accepted: 0, rate: null },
  ],
  hidden: 2,
  overlaps: [
    { name: 'Zoé Martin', members: ['Léa', 'Tom'], last_at: DEC_3 },
    { name: null, members: ['Camille', 'Léa', 'Tom'], last_at: DEC_3 },
  ],
};
const CROWD = { ...VIEW, overlaps: [{ name: 'Zoé Martin', members: ['Léa', 'Tom'], others: 12, last_at: DEC_3 },
  { name: 'Karim', members: ['Léa'], others: 1, last_at: DEC_3 }] };

test('outside a team (or with a host from before teams) the section stays hidden and empty', () => {
  for (const view of [{ in_team: false }, null]) {
    const doc = dashboard();
    renderTeam(doc, view, translator('en'), 'en');
    assert.equal(doc.getElementById('team').hidden, true);
    assert.equal(doc.getElementById('team-members').children.length, 0);
  }
});

test('members: the host\'s figures in the user\'s language, the user said so, the private ones counted', () => {
  const en = memberRows(VIEW, translator('en'), 'en');
  assert.deepEqual(en.headers, ['Member', 'Sent', 'Accepted', 'Acceptance rate']);
  assert.deepEqual(en.rows, [[I('Léa'), '1,234', '10', '25 %'], [`${I('Camille')} (you)`, '5', '0', '–']]);
  assert.equal(en.hidden, '2 members keep their figures private.');
  const fr = memberRows(VIEW, translator('fr'), 'fr');
  assert.deepEqual(fr.rows[0], [I('Léa'), '1\u202f234', '10', '25 %']);
  assert.equal(fr.rows[1][0], `${I('Camille')} (vous)`);
  assert.equal(memberRows({ ...VIEW, hidden: 1 }, translator('fr'), 'fr').hidden, '1 membre garde ses chiffres privés.');
  assert.equal(memberRows({ ...VIEW, hidden: 0 }, translator('en'), 'en').hidden, null);
});

test('overlaps: who contacted the person, joined as the language joins names, and when', () => {
  assert.deepEqual(overlapLines(VIEW, translator('en'), 'en'), [
    `${I('Zoé Martin')}: contacted by ${I('Léa')} and ${I('Tom')}, last on Dec 3`,
    `Someone you have not seen yourself: contacted by ${I('Camille')}, ${I('Léa')}, and ${I('Tom')}, last on Dec 3`,
  ]);
  assert.deepEqual(overlapLines(VIEW, translator('fr'), 'fr'), [
    `${I('Zoé Martin')}\u00a0: invitations de ${I('Léa')} et ${I('Tom')}, la dernière le 3 déc.`,
    `Une personne que vous n’avez pas vue vous-même\u00a0: invitations de ${I('Camille')}, ${I('Léa')} et ${I('Tom')}, la dernière le 3 déc.`,
  ]);
});

test('overlaps that a crowd contacted: ten names at most from the host, the others counted in the language', () => {
  assert.deepEqual(overlapLines(CROWD, translator('en'), 'en'), [
    `${I('Zoé Martin')}: contacted by ${I('Léa')}, ${I('Tom')}, and 12 other members, last on Dec 3`,
    `${I('Karim')}: contacted by ${I('Léa')} and 1 other member, last on Dec 3`,
  ]);
  assert.deepEqual(overlapLines(CROWD, translator('fr'), 'fr'), [
    `${I('Zoé Martin')}\u00a0: invitations de ${I('Léa')}, ${I('Tom')} et 12 autres membres, la dernière le 3 déc.`,
    `${I('Karim')}\u00a0: invitations de ${I('Léa')} et 1 autre membre, la dernière le 3 déc.`,
  ]);
});

test('sync state: who the user is in the team, the last sync, what waits, the error', () => {
  const en = syncLines(VIEW.member, translator('en'), 'en');
  assert.equal(en.lines[0], `You appear in the team as ${I('Camille')}.`);
  assert.match(en.lines[1], /^Last sync: Dec 3, \d{4}, 12:00\sPM\.$/);
  assert.equal(en.lines[2], '3 changes are waiting to be sent to the team.');
  assert.equal(en.error, null);
  const fr = syncLines({ ...VIEW.member, last_push_at: null, last_pull_at: null, outbox: 0, last_error: 'connection refused' }, translator('fr'), 'fr');
  assert.deepEqual(fr.lines.slice(1), ['Pas encore synchronisé avec l’équipe.', 'Tout a été envoyé à l’équipe.']);
  assert.equal(fr.error, `La dernière synchronisation a échoué\u00a0: ${I('connection refused')}`);
  assert.equal(syncLines({ ...VIEW.member, outbox: 1 }, translator('en'), 'en').lines[2], '1 change is waiting to be sent to the team.');
});

test('the section: strangers\' names go in as text, never as markup; the overlaps past ten fold away', () => {
  const doc = dashboard();
  const evil = '<img src=x onerror=alert(1)>';
  const overlaps = Array.from({ length: 12 }, (_, i) => ({ name: i ? `P${i}` : evil, members: [evil, 'Tom'], last_at: DEC_3 }));
  renderTeam(doc, { ...VIEW, members: [{ ...VIEW.members[0], name: evil }], overlaps, member: { ...VIEW.member, last_error: evil } }, translator('en'), 'en');
  const section = doc.getElementById('team');
  assert.equal(section.hidden, false);
  assert.equal(section.querySelectorAll('img').length, 0);
  assert.ok(doc.getElementById('team-members').textContent.includes(I(evil)));
  assert.equal(doc.querySelectorAll('#team-members tbody tr').length, 1);
  assert.equal(doc.querySelectorAll('#team-overlaps li').length, 10);
  assert.equal(doc.getElementById('team-overlaps-more').hidden, false);
  assert.equal(doc.querySelectorAll('#team-overlaps-more li').length, 2);
  assert.ok(doc.querySelector('#team-sync .notice').textContent.includes(I(evil)));
  assert.equal(doc.getElementById('team-hidden').textContent, '2 members keep their figures private.');
  // Nobody shares their figures: a sentence instead of an empty table.
  const none = dashboard();
  renderTeam(none, { ...VIEW, members: [], overlaps: [] }, translator('fr'), 'fr');
  assert.equal(none.getElementById('team-members').hidden, true);
  assert.equal(none.getElementById('team-hidden').textContent, 'Aucun membre ne partage ses chiffres. 2 membres gardent leurs chiffres privés.');
  assert.equal(none.getElementById('team-overlaps').textContent, 'Personne n’a été contacté par deux membres.');
});

test('every message key the team section uses is in both catalogues, in words of their own', () => {
  const src = read('extension/src/pages/team.js') + read('extension/src/pages/dashboard.js') + read('extension/dashboard.html');
  const keys = new Set([...src.matchAll(/(?:\bt\('|data-i18n=")(team[A-Za-z]*|col[A-Za-z]+)['"]/g)].map((m) => m[1]));
  assert.ok(keys.size >= 20, [...keys].join());
  const en = catalogue('en');
  const fr = catalogue('fr');
  for (const key of keys) {
    assert.ok(en[key]?.message && fr[key]?.message, key);
    if (key.startsWith('team')) assert.notEqual(en[key].message, fr[key].message, key);
  }
});
