import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X, fixture } from './load.js';

const NOW = Date.UTC(2026, 10, 21);

test('legacy class-based English profile yields the full record', () => {
  const { profile, drift } = X.extractLinkedInProfile(fixture('li-profile-en-legacy.html'), 'https://www.linkedin.com/in/jane-doe-123/?trk=x', { now: NOW });
  assert.equal(drift, null);
  assert.deepEqual(profile, {
    network: 'linkedin',
    profile_url: 'https://www.linkedin.com/in/jane-doe-123/',
    name: 'Jane Doe',
    headline: 'Head of Data at Acme Corp',
    location: 'Lyon, Auvergne-Rhône-Alpes, France',
    about: 'I build data teams and pipelines.',
    has_photo: true,
    connections: 500,
    connections_plus: true,
    followers: 1234,
    experience_count: 3,
    education_count: 2,
    skills_count: 4,
    current_title: 'Head of Data',
    current_company: 'Acme Corp',
    degree: 2,
  });
});

test('current attribute-based French profile with hashed classes', () => {
  const { profile, drift } = X.extractLinkedInProfile(fixture('li-profile-fr-current.html'), 'https://www.linkedin.com/in/camille-martin-8b1/', { now: NOW });
  assert.equal(drift, null);
  assert.equal(profile.name, 'Camille Martin');
  assert.equal(profile.headline, 'Coiffeuse chez Salon Élégance');
  assert.equal(profile.location, 'Marseille, Provence-Alpes-Côte d’Azur, France');
  assert.equal(profile.about, 'Passionnée par mon métier.');
  assert.equal(profile.has_photo, true);
  assert.equal(profile.connections, 1234);
  assert.equal(profile.connections_plus, false);
  assert.equal(profile.followers, 87);
  assert.equal(profile.experience_count, 1);
  assert.equal(profile.education_count, 0, 'an empty section counts 0, not "not observed"');
  assert.equal(profile.skills_count, undefined, 'an absent section is not observed');
  assert.equal(profile.current_title, 'Coiffeuse');
  assert.equal(profile.current_company, 'Salon Élégance');
  assert.equal(profile.degree, 1);
  assert.equal(profile.verified, true);
  // Joined March 2026, seen on 21 November 2026.
  assert.equal(profile.account_age_days, 265);
});

test('default silhouette means has_photo false; 3rd+ degree; thin profile', () => {
  const { profile } = X.extractLinkedInProfile(fixture('li-profile-en-current-ghost.html'), 'https://www.linkedin.com/in/mark-stone-0/');
  assert.equal(profile.has_photo, false);
  assert.equal(profile.degree, 3);
  assert.equal(profile.connections, 12);
  assert.equal(profile.headline, 'CEO | Crypto investment opportunities');
  assert.equal(profile.location, 'New York, United States');
  assert.equal(profile.verified, undefined);
});

test('a profile page without a recognizable name reports drift', () => {
  const r = X.extractLinkedInProfile(fixture('li-profile-drift.html'), 'https://www.linkedin.com/in/jane-doe-123/');
  assert.equal(r.profile, null);
  assert.match(r.drift, /no name/);
});

test('Viadeo profile from schema.org microdata (French)', () => {
  const { profile, drift } = X.extractViadeoProfile(fixture('viadeo-profile-fr.html'), 'https://www.viadeo.com/fr/profile/pierre.lefevre?ref=x');
  assert.equal(drift, null);
  assert.deepEqual(profile, {
    network: 'viadeo',
    profile_url: 'https://www.viadeo.com/fr/profile/pierre.lefevre',
    name: 'Pierre Lefèvre',
    headline: 'Responsable achats',
    location: 'Nantes, France',
    current_company: 'Transports Lemoine',
    has_photo: true,
    connections: 312,
    connections_plus: false,
    experience_count: 2,
    education_count: 1,
  });
});

test('Viadeo /p/ profile falls back to og:title and spots the default avatar (English)', () => {
  const { profile } = X.extractViadeoProfile(fixture('viadeo-profile-en-og.html'), 'https://www.viadeo.com/p/greg.walsh');
  assert.equal(profile.profile_url, 'https://www.viadeo.com/p/greg.walsh');
  assert.equal(profile.name, 'Greg Walsh');
  assert.equal(profile.has_photo, false);
});

test('Viadeo page without any name source reports drift', () => {
  const r = X.extractViadeoProfile(fixture('viadeo-invitations-drift.html'), 'https://www.viadeo.com/fr/profile/x');
  assert.equal(r.profile, null);
  assert.ok(r.drift);
});
