import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X, fixture } from './load.js';

test('legacy English search results: profiles, degrees and the Connect button', () => {
  const { results, drift } = X.extractSearchResults(fixture('li-search-en-legacy.html'));
  assert.equal(drift, null);
  assert.deepEqual(results.map((r) => r.profile), [
    { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/paul-durand-42/', name: 'Paul Durand', headline: 'Product Manager at Initech', location: 'Paris, Île-de-France', degree: 2 },
    { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/ana%C3%AFs-b/', name: 'Anaïs B.', headline: 'Designer', degree: 1 },
  ]);
  assert.equal(results[0].connectButton.getAttribute('aria-label'), 'Invite Paul Durand to connect');
  assert.equal(results[1].connectButton, null, 'a Message button is not a Connect button');
});

test('current French search results: ARIA label, then button text; Pending is not Connect', () => {
  const { results, drift } = X.extractSearchResults(fixture('li-search-fr-current.html'));
  assert.equal(drift, null);
  assert.deepEqual(results.map((r) => [r.profile.name, r.profile.headline, r.profile.degree]), [
    ['Luc Moreau', 'Charcutier à Rouen', 2],
    ['Sophie L.', 'Consultante RH', 3],
    ['Marc T.', 'Développeur', 2],
  ]);
  assert.match(results[0].connectButton.getAttribute('aria-label'), /^Inviter Luc Moreau/);
  assert.equal(results[1].connectButton.textContent.trim(), 'Se connecter');
  assert.equal(results[2].connectButton, null);
});

test('search: an empty result page is not drift, a page with cards but no profile links is', () => {
  assert.equal(X.extractSearchResults(fixture('li-search-fr-empty.html')).drift, null);
  const r = X.extractSearchResults(fixture('li-search-drift.html'));
  assert.equal(r.results.length, 0);
  assert.match(r.drift, /search/);
});

test('received invitations, current English markup: note, time and headline', () => {
  const { invitations, drift } = X.extractReceivedInvitations(fixture('li-invitations-received-en-current.html'));
  assert.equal(drift, null);
  assert.equal(invitations.length, 2);
  const [elena, tom] = invitations.map((i) => i.invitation);
  assert.equal(elena.profile.profile_url, 'https://www.linkedin.com/in/elena-v-77/');
  assert.equal(elena.profile.name, 'Elena V.');
  assert.equal(elena.profile.headline, 'Hairdresser at Beauty Studio');
  assert.match(elena.note, /WhatsApp/);
  assert.equal(elena.profile.invitation_message, elena.note);
  assert.equal(elena.received_at, Date.parse('2026-11-19T10:00:00Z'));
  assert.equal(tom.profile.headline, 'Software Engineer at Globex');
  assert.equal(tom.note, undefined);
  assert.equal(tom.received_at, undefined, 'a relative "2 days ago" is not turned into a made-up time');
});

test('received invitations, legacy French markup', () => {
  const { invitations, drift } = X.extractReceivedInvitations(fixture('li-invitations-received-fr-legacy.html'));
  assert.equal(drift, null);
  assert.deepEqual(invitations.map((i) => [i.invitation.profile.name, i.invitation.profile.headline, i.invitation.note ?? null]), [
    ['Julie R.', 'Charcutière – artisan', 'Bonjour, j’aimerais rejoindre votre réseau.'],
    ['Bruno K.', 'Directeur commercial', null],
  ]);
});

test('received invitations: empty state is fine, unknown markup is drift', () => {
  const empty = X.extractReceivedInvitations(fixture('li-invitations-received-en-empty.html'));
  assert.deepEqual([empty.invitations.length, empty.drift], [0, null]);
  const drifted = X.extractReceivedInvitations(fixture('li-invitations-drift.html'));
  assert.equal(drifted.invitations.length, 0);
  assert.match(drifted.drift, /invitations-received/);
});

test('sent invitations (English, current): complete when the stated total matches', () => {
  const r = X.extractSentInvitations(fixture('li-invitations-sent-en-current.html'));
  assert.equal(r.drift, null);
  assert.deepEqual(r.profiles.map((p) => p.profile_url), ['https://www.linkedin.com/in/paul-durand-42/', 'https://www.linkedin.com/in/luc-moreau/']);
  assert.equal(r.complete, true);
  assert.ok(r.items.every((i) => i.withdrawButton));
});

test('sent invitations (French, legacy): a partial page is never complete', () => {
  const r = X.extractSentInvitations(fixture('li-invitations-sent-fr-legacy.html'));
  assert.deepEqual(r.profiles.map((p) => p.name), ['Marc T.', 'Sophie L.']);
  assert.equal(r.complete, false, 'page says 5, shows 2');
  assert.equal(r.items[0].withdrawButton.textContent, 'Retirer');
});

test('sent invitations: drift on unknown markup', () => {
  assert.ok(X.extractSentInvitations(fixture('li-invitations-drift.html')).drift);
});

test('connections list, legacy English and current French, all 1st degree', () => {
  const en = X.extractConnections(fixture('li-connections-en-legacy.html'));
  assert.equal(en.drift, null);
  assert.deepEqual(en.profiles.map((p) => [p.profile_url, p.name, p.degree]), [
    ['https://www.linkedin.com/in/paul-durand-42/', 'Paul Durand', 1],
    ['https://www.linkedin.com/in/tom-h/', 'Tom H.', 1],
  ]);
  assert.equal(en.profiles[0].headline, 'Product Manager at Initech');
  const fr = X.extractConnections(fixture('li-connections-fr-current.html'));
  assert.deepEqual(fr.profiles.map((p) => [p.name, p.headline]), [['Julie R.', 'Charcutière – artisan']]);
  assert.ok(X.extractConnections(fixture('li-invitations-drift.html')).drift);
});

test('Viadeo received invitations (French) and drift', () => {
  const r = X.extractViadeoInvitations(fixture('viadeo-invitations-fr.html'));
  assert.equal(r.drift, null);
  assert.deepEqual(r.invitations.map((i) => [i.invitation.profile.profile_url, i.invitation.profile.name, i.invitation.note ?? null]), [
    ['https://www.viadeo.com/fr/profile/pierre.lefevre', 'Pierre Lefèvre', 'Bonjour, nous nous sommes croisés au salon.'],
    ['https://www.viadeo.com/p/nadia.benali', 'Nadia Benali', null],
  ]);
  const d = X.extractViadeoInvitations(fixture('viadeo-invitations-drift.html'));
  assert.equal(d.invitations.length, 0);
  assert.ok(d.drift);
});
