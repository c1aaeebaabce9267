// Profile extraction: the small parsers (table-driven, every language of words.js) and the
// behaviour on real pages when their structure is cut away (drift, and no wrong value).
// Field-by-field fidelity against the corpus sidecars is in real-extract.test.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X, fixture, fromHtml, real, topCardUrl } from './load.js';

test('degree badges in any language read as 1, 2 or 3; anything else is no degree', () => {
  const cases = [
    ['1st', 1], ['· 2nd', 2], ['• 3rd+', 3], ['· 1.', 1], ['• 2', 2], ['3.+', 3], ['1er', 1], ['2e', 2], ['3e', 3],
    ['2º', 2], ['1°', 1], ['2nd degree connection', null], ['4th', null], ['12', null], ['·', null], ['', null], ['Kontakt 1. stopnia', null],
  ];
  for (const [raw, want] of cases) assert.equal(X.parseDegree(raw), want, raw);
});

test('a name is not a presence text, a degree, a screen-reader label, a count or a button word', () => {
  const cases = [
    ['Anna Kowalska', true], ['Łukasz Żółć', true], ["Jean-Pierre O'Neil", true], ['Darya K', true],
    ['Status: offline', false], ['Status is offline', true /* no colon: decided by the structure, see search tests */],
    ['• 2nd', false], ['· 3.', false], ['View Jane Doe’s profile', false], ['Voir le profil de Jane Doe', false],
    ['Connect', false], ['Połącz', false], ['Withdraw', false], ['152 kontakty', false], ['LinkedIn Member', false],
    ['Członek LinkedIn', false], ['--', false], ['', false], ['https://example.org', false],
  ];
  for (const [raw, want] of cases) assert.equal(X.isPlausibleName(raw), want, raw);
});

test('counts: thousands in every national form, K, plus; implausible forms are no count', () => {
  const cases = [
    ['500+', { value: 500, plus: true }], ['1,234', { value: 1234, plus: false }], ['1 234', { value: 1234, plus: false }],
    ['1\u202f234', { value: 1234, plus: false }], ['1.234', { value: 1234, plus: false }], ['12 k', { value: 12000, plus: false }],
    ['1.2K', { value: 1200, plus: false }], ['26', { value: 26, plus: false }], ['no digits', null], ['1,2,3,4', null],
  ];
  for (const [raw, want] of cases) assert.deepEqual(X.parseCount(raw), want, raw);
});

test('label shapes give the name in every language of the table', () => {
  const cases = [
    ['invite', 'Invite Ana Silva to connect', 'Ana Silva'],
    ['invite', 'Zaproś użytkownika Ana Silva do nawiązania kontaktu', 'Ana Silva'],
    ['invite', 'Inviter Ana Silva à rejoindre votre réseau', 'Ana Silva'],
    ['invite', 'Ana Silva als Kontakt einladen', 'Ana Silva'],
    ['invite', 'Invitar a Ana Silva a conectar', 'Ana Silva'],
    ['withdraw', 'Withdraw invitation sent to Ana Silva', 'Ana Silva'],
    ['withdraw', 'Retirer l’invitation envoyée à Ana Silva', 'Ana Silva'],
    ['viewProfile', 'View Ana Silva’s profile', 'Ana Silva'],
    ['invite', 'Message Ana Silva', null],
  ];
  for (const [key, label, want] of cases) assert.equal(X.nameInLabel(key, label), want, label);
});

test('page kinds from URLs, including /mynetwork/grow/ and Viadeo where it lives now', () => {
  const cases = [
    ['https://www.linkedin.com/in/ana-silva-1/', 'linkedin-profile'],
    ['https://www.linkedin.com/in/ana-silva-1/overlay/contact-info/', 'linkedin-profile'],
    ['https://www.linkedin.com/in/ana-silva-1/details/experience/', null],
    ['https://www.linkedin.com/search/results/people/?keywords=x', 'linkedin-search'],
    ['https://www.linkedin.com/mynetwork/invitation-manager/received/', 'linkedin-invitations-received'],
    ['https://www.linkedin.com/mynetwork/invitation-manager/sent/', 'linkedin-invitations-sent'],
    ['https://www.linkedin.com/mynetwork/grow/', 'linkedin-mynetwork-grow'],
    ['https://www.linkedin.com/mynetwork/invite-connect/connections/', 'linkedin-connections'],
    ['https://viadeo.journaldunet.com/p/ana-silva-5307838', 'viadeo-profile'],
    ['https://viadeo.journaldunet.com/', null],
    ['https://www.viadeo.com/fr/profile/ana.silva', 'viadeo-profile'],
  ];
  for (const [url, kind] of cases) assert.equal(X.pageKind(url), kind, url);
  assert.equal(X.viadeoProfileUrl('https://viadeo.journaldunet.com/p/ana-silva-5307838?ref=x#top'), 'https://viadeo.journaldunet.com/p/ana-silva-5307838');
});

test('SDUI profile without its top card: no observation, drift names the field, layout and language', () => {
  const doc = real('profile-sdui-pl-connect');
  const url = topCardUrl(doc);
  doc.documentElement.setAttribute('lang', 'pl');
  for (const el of doc.querySelectorAll('[componentkey$="Topcard"] h2')) el.remove();
  const r = X.extractLinkedInProfile(doc, url);
  assert.equal(r.profile, null);
  assert.deepEqual([r.drift.page_kind, r.drift.layout, r.drift.lang, r.drift.fields], ['linkedin-profile', 'sdui', 'pl', ['name']]);
});

test('SDUI profile: without the contact-info row the location is missing, never the companies line', () => {
  const doc = real('profile-sdui-pl-first');
  const url = topCardUrl(doc);
  const before = X.extractLinkedInProfile(doc, url).profile;
  for (const a of doc.querySelectorAll('[componentkey$="Topcard"] a[href="#"]')) a.closest('p').parentElement.remove();
  const r = X.extractLinkedInProfile(doc, url);
  assert.equal(r.profile.location, undefined);
  assert.ok(r.drift.fields.includes('location'));
  assert.equal(r.profile.headline, before.headline, 'the other fields keep their values');
  assert.equal(r.profile.name, before.name);
});

test('SDUI profile: two different degree badges beside the name are doubt, not a degree', () => {
  const doc = real('profile-sdui-pl-connect');
  const url = topCardUrl(doc);
  assert.equal(X.extractLinkedInProfile(doc, url).profile.degree, 3);
  const badge = [...doc.querySelectorAll('[componentkey$="Topcard"] p')].find((p) => X.parseDegree(p.textContent));
  badge.after(Object.assign(doc.createElement('p'), { textContent: '· 1.' }));
  assert.equal(X.extractLinkedInProfile(doc, url).profile.degree, undefined);
});

test('empty sections: absent ones are unknown until the page settles, then 0 / ""; an explicit choice wins', () => {
  const settled = real('profile-sdui-pl-connect');
  const early = real('profile-sdui-pl-first');
  assert.equal(X.profileSettled(settled), true, 'every lazy slot is there');
  assert.equal(X.profileSettled(early), false, 'Experience/Education/Skills slots not loaded yet');
  const a = X.extractLinkedInProfile(settled, topCardUrl(settled)).profile;
  assert.deepEqual([a.experience_count, a.education_count, a.skills_count], [4, 0, 2]);
  const b = X.extractLinkedInProfile(early, topCardUrl(early)).profile;
  assert.deepEqual([b.experience_count, b.education_count, b.skills_count], [undefined, undefined, undefined]);
  const c = X.extractLinkedInProfile(early, topCardUrl(early), { settled: true }).profile;
  assert.deepEqual([c.experience_count, c.education_count, c.skills_count], [0, 0, 0]);
  const classic = real('profile-classic-pl-first');
  assert.equal(X.profileSettled(classic), true, 'a section after Skills (interests) is there');
  assert.equal(X.extractLinkedInProfile(classic, topCardUrl(classic)).profile.about, '', 'no About section on a settled page');
});

test('classic profile with grouped positions: the title is not the company, the company is not the tenure', () => {
  const doc = real('profile-classic-pl-first');
  const p = X.extractLinkedInProfile(doc, topCardUrl(doc)).profile;
  const entity = doc.querySelector('#experience').closest('section').querySelector('[data-view-name="profile-component-entity"]');
  const [company, tenure] = [...entity.querySelectorAll('span[aria-hidden="true"]')].map((s) => X.norm(s.textContent));
  assert.equal(p.current_company, company);
  assert.notEqual(p.current_title, company);
  assert.notEqual(p.current_company, tenure);
  assert.equal(p.experience_count, 4, 'positions are counted: three in the company group, one alone; the group header is none');
});

test('a page in a language whose words are unknown yields missing values, never other values', () => {
  for (const id of ['profile-sdui-pl-connect', 'profile-classic-pl-contact']) {
    const doc = real(id);
    const url = topCardUrl(doc);
    const pl = X.extractLinkedInProfile(doc, url).profile;
    doc.documentElement.setAttribute('lang', 'de');
    const de = X.extractLinkedInProfile(doc, url).profile;
    for (const [k, v] of Object.entries(de)) assert.deepEqual(v, pl[k], `${id} ${k}`);
    assert.equal(de.connections, undefined, `${id}: "kontakty" is not a German word`);
  }
});

test('Viadeo profile from schema.org microdata (assumed markup: no real page was found)', () => {
  const { profile, drift } = X.extractViadeoProfile(fixture('viadeo-profile-fr.html'), 'https://www.viadeo.com/fr/profile/pierre.lefevre?ref=x');
  assert.equal(drift, null);
  assert.deepEqual([profile.profile_url, profile.name, profile.headline, profile.location, profile.current_company, profile.has_photo],
    ['https://www.viadeo.com/fr/profile/pierre.lefevre', 'Pierre Lefèvre', 'Responsable achats', 'Nantes, France', 'Transports Lemoine', true]);
});

test('Viadeo on journaldunet: JSON-LD Person, else og:title; keyed by the journaldunet URL', () => {
  const page = (head, body = '') => fromHtml(`<!doctype html><html lang="fr"><head>${head}</head><body><main>${body}</main></body></html>`);
  const ld = page('<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Ana Silva","jobTitle":"Acheteuse","worksFor":{"@type":"Organization","name":"Transports X"},"address":{"@type":"PostalAddress","addressLocality":"Nantes"},"image":"https://image-uviadeo.journaldunet.com/image/450/1/2.jpg"}</script>');
  const r = X.extractViadeoProfile(ld, 'https://viadeo.journaldunet.com/p/ana-silva-5307838');
  assert.deepEqual(r.profile, { network: 'viadeo', profile_url: 'https://viadeo.journaldunet.com/p/ana-silva-5307838', name: 'Ana Silva', headline: 'Acheteuse', location: 'Nantes', current_company: 'Transports X', has_photo: true });
  const og = page('<meta property="og:title" content="Ana Silva - Viadeo">');
  assert.equal(X.extractViadeoProfile(og, 'https://viadeo.journaldunet.com/p/ana-silva-5307838').profile.name, 'Ana Silva');
  const none = page('', '<p>Profil introuvable</p>');
  const d = X.extractViadeoProfile(none, 'https://viadeo.journaldunet.com/p/ana-silva-5307838');
  assert.equal(d.profile, null);
  assert.deepEqual(d.drift.fields, ['name']);
});

test('Viadeo invitations (old www.viadeo.com pages only: Viadeo no longer offers invitations): cards with notes, else drift', () => {
  // Assumed markup (no real page exists any more): cards with a /profile/ link, a note in a blockquote.
  const doc = fromHtml(`<!doctype html><html lang="fr"><body><main class="invitations-list">
    <li class="invitation"><a href="/fr/profile/ana.silva">Ana Silva</a><span class="headline">Acheteuse</span><blockquote>Bonjour, nous nous sommes croisés au salon.</blockquote></li>
    <li class="invitation"><a href="https://www.viadeo.com/p/bo.li">Bo Li</a></li></main></body></html>`);
  const r = X.extractViadeoInvitations(doc);
  assert.equal(r.drift, null);
  assert.deepEqual(r.invitations.map((i) => [i.invitation.profile.profile_url, i.invitation.profile.name, i.invitation.note ?? null]), [
    ['https://www.viadeo.com/fr/profile/ana.silva', 'Ana Silva', 'Bonjour, nous nous sommes croisés au salon.'],
    ['https://www.viadeo.com/p/bo.li', 'Bo Li', null],
  ]);
  const empty = X.extractViadeoInvitations(fromHtml('<!doctype html><html lang="fr"><body><main><p>Page introuvable</p></main></body></html>'));
  assert.deepEqual([empty.invitations.length, empty.drift.page_kind], [0, 'viadeo-invitations']);
});

test('classic verification: the tooltip of the badge beside the h1 names the person; another person\'s badge does not count', () => {
  const doc = real('profile-classic-pl-contact');
  const url = topCardUrl(doc);
  assert.equal(X.extractLinkedInProfile(doc, url).profile.verified, true);
  assert.ok(doc.querySelector('[data-test-icon="verified-small"]'), 'a suggestion card elsewhere on the page has its own badge');
  doc.querySelector('[role="tooltip"][id^="artdeco-hoverable-artdeco-gen-"]').remove();
  assert.equal(X.extractLinkedInProfile(doc, url).profile.verified, false);
});
