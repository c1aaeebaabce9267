// The corpus of real LinkedIn markup (tests/fixtures/real/): every page has a valid sidecar, holds no
// script, no address outside LinkedIn, no member id or slug that is not a pseudonym; the anonymiser
// replaces consistently, keeps structure and refuses to write a page that still holds a replaced string;
// and, where the source repository is on this machine, regenerating the corpus gives the same bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import {
  Anonymiser, anonymise_page, verify, is_pseudo_slug, pseudo_slug, PSEUDO_MEMBER_ID,
} from '../fixtures/real/anonymise.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, '..', 'fixtures', 'real');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
const ids = readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -5)).sort();
const html_of = (id) => readFileSync(join(dir, `${id}.html`), 'utf8');
const sidecar_of = (id) => JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8'));
const MIRROR = '/work/.mirror/ochhyes+linkedin-msg-generator/repo';

const KINDS = ['linkedin-profile', 'linkedin-search', 'linkedin-invitations-received', 'linkedin-invitations-sent',
  'linkedin-connections', 'linkedin-mynetwork-grow', 'linkedin-invite-dialog', 'linkedin-custom-invite-page',
  'linkedin-withdraw-dialog'];
const SHORT_KIND = {
  'linkedin-profile': 'profile', 'linkedin-search': 'search', 'linkedin-invitations-received': 'invitations-received',
  'linkedin-invitations-sent': 'invitations-sent', 'linkedin-connections': 'connections',
  'linkedin-mynetwork-grow': 'mynetwork', 'linkedin-invite-dialog': 'invite-dialog',
  'linkedin-custom-invite-page': 'custom-invite', 'linkedin-withdraw-dialog': 'withdraw-dialog',
};
const PROFILE_URL = /^https:\/\/www\.linkedin\.com\/in\/([^/?#]+)\/$/;
const NAMESPACES = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink', 'http://www.w3.org/1999/xhtml']);

const nullable = (type) => (v) => v === null || typeof v === type;
const count = (v) => v === null || (Number.isInteger(v) && v >= 0);
const profile_url = (v) => typeof v === 'string' && PROFILE_URL.test(v) && pseudonymous_slug(PROFILE_URL.exec(v)[1]);

function pseudonymous_slug(raw) {
  let slug = raw;
  try { slug = decodeURIComponent(raw); } catch { /* compared as is */ }
  return is_pseudo_slug(slug) || PSEUDO_MEMBER_ID.test(slug);
}

function check_fields(object, checks, where) {
  assert.deepEqual(Object.keys(object).sort(), Object.keys(checks).sort(), `${where}: fields`);
  for (const [field, ok] of Object.entries(checks)) assert.ok(ok(object[field]), `${where}.${field} = ${JSON.stringify(object[field])}`);
}

const PERSON = { profile_url, name: nullable('string'), headline: nullable('string') };
const EXPECTED = {
  'linkedin-profile': (e, w) => check_fields(e, {
    profile_url, name: nullable('string'), headline: nullable('string'), location: nullable('string'),
    has_photo: nullable('boolean'), connections: count, connections_plus: nullable('boolean'), followers: count,
    degree: (v) => v === null || [1, 2, 3].includes(v), about: nullable('string'), experience_count: count,
    education_count: count, skills_count: count, current_title: nullable('string'), current_company: nullable('string'),
    verified: nullable('boolean'), account_age_days: count,
  }, w),
  'linkedin-search': (e, w) => {
    check_fields(e, { results: Array.isArray }, w);
    e.results.forEach((r, i) => check_fields(r, { ...PERSON, location: nullable('string'),
      degree: (v) => v === null || [1, 2, 3].includes(v) }, `${w}.results[${i}]`));
  },
  'linkedin-invitations-received': (e, w) => {
    check_fields(e, { invitations: Array.isArray, not_invitations: Array.isArray }, w);
    e.invitations.forEach((r, i) => check_fields(r, { ...PERSON, note: nullable('string'), when: nullable('string') },
      `${w}.invitations[${i}]`));
    e.not_invitations.forEach((u, i) => assert.ok(profile_url(u), `${w}.not_invitations[${i}]`));
  },
  'linkedin-invitations-sent': (e, w) => {
    check_fields(e, { invitations: Array.isArray, total: count }, w);
    e.invitations.forEach((r, i) => check_fields(r, { ...PERSON, when: nullable('string') }, `${w}.invitations[${i}]`));
  },
  'linkedin-connections': (e, w) => {
    check_fields(e, { connections: Array.isArray }, w);
    e.connections.forEach((r, i) => check_fields(r, PERSON, `${w}.connections[${i}]`));
  },
  'linkedin-withdraw-dialog': (e, w) => check_fields(e, { target_name: nullable('string'), confirm_text: nullable('string') }, w),
};
EXPECTED['linkedin-mynetwork-grow'] = EXPECTED['linkedin-invitations-received'];
EXPECTED['linkedin-invite-dialog'] = (e, w) => {
  check_fields(e, { target_name: nullable('string'), target_vanity: (v) => v === null || pseudonymous_slug(v),
    send_buttons: Array.isArray, has_note_field: nullable('boolean'), in_shadow_root: nullable('boolean') }, w);
  e.send_buttons.forEach((b, i) => check_fields(b, { text: nullable('string'), aria_label: nullable('string'),
    kind: (v) => ['without-note', 'with-note'].includes(v) }, `${w}.send_buttons[${i}]`));
};
EXPECTED['linkedin-custom-invite-page'] = EXPECTED['linkedin-invite-dialog'];

test('the corpus holds both layouts of every page kind the brief names', () => {
  const seen = new Set(ids.map((id) => `${sidecar_of(id).page_kind}/${sidecar_of(id).layout}`));
  for (const need of ['linkedin-profile/sdui', 'linkedin-profile/classic', 'linkedin-search/sdui', 'linkedin-search/classic',
    'linkedin-invite-dialog/sdui', 'linkedin-custom-invite-page/classic', 'linkedin-invitations-received/sdui',
    'linkedin-invitations-sent/sdui', 'linkedin-withdraw-dialog/sdui', 'linkedin-connections/sdui',
    'linkedin-mynetwork-grow/sdui']) assert.ok(seen.has(need), need);
});

test('every fixture has a sidecar with its provenance, kind, layout, language and page address', () => {
  for (const id of ids) {
    const s = sidecar_of(id);
    const keys = Object.keys(s).filter((k) => k !== 'fragment').sort();
    assert.deepEqual(keys, ['assumed', 'expected', 'lang', 'layout', 'page_kind', 'settled', 'source', 'url'], id);
    check_fields(s.source, {
      repo: (v) => /^[\w.-]+\/[\w.-]+$/.test(v), commit: (v) => /^[0-9a-f]{40}$/.test(v),
      path: (v) => typeof v === 'string' && v.length > 0, saved: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
      how: (v) => ['saved page', 'rebuilt from outline'].includes(v),
    }, `${id}.source`);
    assert.ok(KINDS.includes(s.page_kind), `${id}: page_kind ${s.page_kind}`);
    assert.ok(['sdui', 'classic'].includes(s.layout), `${id}: layout`);
    assert.match(s.lang, /^[a-z]{2}$/, `${id}: lang`);
    assert.match(s.url, /^https:\/\/www\.linkedin\.com\//, `${id}: url`);
    assert.equal(typeof s.settled, 'boolean', `${id}: settled`);
    assert.ok(Array.isArray(s.assumed) && s.assumed.every((a) => typeof a === 'string' && a.length > 0), `${id}: assumed`);
    assert.equal(s.assumed.length === 0, s.source.how === 'saved page', `${id}: a rebuilt page says what it assumed, a saved page assumes nothing`);
    assert.ok(id.startsWith(`${SHORT_KIND[s.page_kind]}-${s.layout}-${s.lang}`), `${id}: named <kind>-<layout>-<lang>[-variant]`);
    EXPECTED[s.page_kind](s.expected, `${id}.expected`);
  }
});

test('the manifest and the sidecars agree on where each fixture comes from', () => {
  assert.deepEqual(manifest.fixtures.map((f) => f.id).sort(), ids);
  for (const f of manifest.fixtures) {
    const s = sidecar_of(f.id);
    assert.deepEqual(s.source, { repo: f.repo, commit: f.commit, path: f.path, saved: f.saved, how: f.how }, f.id);
    assert.deepEqual([s.page_kind, s.layout, s.lang], [f.page_kind, f.layout, f.lang], f.id);
  }
});

test('the page language in the sidecar is the one the page declares (fragments excepted)', () => {
  for (const id of ids) {
    if (sidecar_of(id).fragment) continue;
    const { document } = parseHTML(html_of(id));
    assert.equal(document.documentElement.getAttribute('lang'), sidecar_of(id).lang, id);
  }
});

test('no fixture holds a script, an event handler or an address outside LinkedIn', () => {
  for (const id of ids) {
    const html = html_of(id);
    assert.doesNotMatch(html, /<script\b/i, `${id}: script`);
    assert.doesNotMatch(html, /<(iframe|link|code)\b/i, `${id}: iframe, link or code blob`);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, `${id}: event handler attribute`);
    for (const [url] of html.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)]*/gi)) {
      if (NAMESPACES.has(url)) continue;
      const host = /^(?:https?:)?\/\/([^/?#:]+)/i.exec(url)[1].toLowerCase();
      assert.ok(/(^|\.)(linkedin\.com|licdn\.com)$/.test(host), `${id}: address outside LinkedIn: ${url}`);
    }
  }
});

test('every member id and profile slug in the corpus is a pseudonym', () => {
  for (const id of ids) {
    const html = html_of(id);
    for (const [m] of html.matchAll(/ACoA[A-Za-z0-9_-]{10,}/g)) assert.match(m, /^ACoAAANON/, `${id}: member id ${m}`);
    for (const m of html.matchAll(/\/in\/([^/?#"'\s<>&]+)|vanityName=([^&"'\s<>#]+)/g)) {
      const slug = m[1] ?? m[2];
      assert.ok(pseudonymous_slug(slug), `${id}: slug ${slug}`);
    }
  }
});

test('the people a sidecar expects are linked from the page itself', () => {
  for (const id of ids) {
    const s = sidecar_of(id);
    const e = s.expected;
    const people = s.page_kind === 'linkedin-profile' ? [e]
      : [e.results, e.invitations, e.connections].find(Array.isArray) ?? [];
    const urls = people.map((x) => x.profile_url).concat(e.not_invitations ?? []);
    const html = html_of(id);
    for (const url of urls) {
      const slug = PROFILE_URL.exec(url)[1];
      assert.ok(html.includes(`/in/${slug}`), `${id}: ${url} is not linked from the page`);
    }
  }
});

// Every text a sidecar expects can be read on its page (a value taken from anywhere else would be a guess).
function readable(html) {
  const { document } = parseHTML(html.startsWith('<!DOCTYPE') ? html : `<!DOCTYPE html><html><body>${html}</body></html>`);
  const parts = [document.body.textContent];
  for (const el of document.querySelectorAll('[aria-label], [alt]')) parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('alt') ?? '');
  return parts.join('\n').replace(/\s+/g, ' ');
}

function expected_texts(value, key = '') {
  if (typeof value === 'string') return ['profile_url', 'target_vanity', 'kind'].includes(key) || value === '' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' && key === 'not_invitations' ? [] : expected_texts(v, key)));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => expected_texts(v, k));
  return [];
}

test('every text a sidecar expects is written on its page', () => {
  for (const id of ids) {
    const text = readable(html_of(id));
    for (const want of expected_texts(sidecar_of(id).expected)) {
      assert.ok(text.includes(want.replace(/\s+/g, ' ')), `${id}: "${want}" cannot be read on the page`);
    }
  }
});

test('the anonymiser gives a person one pseudonym everywhere and keeps tags, classes, roles and label shapes', () => {
  const page = `<main class="pv-top-card" data-member-id="893287937">
    <a href="https://www.linkedin.com/in/anna-kowalska-0551b120b/" componentkey="ref-anna-kowalska-0551b120b"><h2>Anna Kowalska</h2></a>
    <p>· 2.</p><p>Doradca Klienta w Banku Pekao</p>
    <a aria-label="Zaproś użytkownika Anna Kowalska do nawiązania kontaktu" href="/preload/custom-invite/?vanityName=anna-kowalska-0551b120b">Połącz</a>
    <img alt="" src="https://media.licdn.com/dms/image/v2/D4D03AQHc4HEZTdUYIQ/profile-displayphoto-shrink_200_200/B4DZaBcDeFgHiJk/0/1690000000000?e=1780000000&amp;v=beta&amp;t=Xy1Zz2Aa3Bb4Cc5Dd6Ee7">
    <a href="https://example.org/portfolio" onclick="steal()">site</a><script>var x = 1;</script>
    <div componentkey="com.linkedin.sdui.profile.card.refACoAAD4IOcYBTpher9oC3JxVZfIEJKMV-rCYwHQTopcard"></div></main>`;
  const { html } = anonymise_page(page, { lang: 'pl' });
  const { document } = parseHTML(html);
  const name = document.querySelector('h2').textContent;
  assert.notEqual(name, 'Anna Kowalska');
  assert.match(name, /^\p{Lu}\p{Ll}{3} \p{Lu}\p{Ll}{7}$/u, 'same length and case');
  assert.equal(document.querySelector('a[aria-label]').getAttribute('aria-label'), `Zaproś użytkownika ${name} do nawiązania kontaktu`);
  assert.equal(document.querySelector('a[aria-label]').textContent, 'Połącz');
  assert.equal(document.querySelectorAll('p')[0].textContent, '· 2.');
  const slug = /\/in\/([^/]+)\//.exec(document.querySelector('a').getAttribute('href'))[1];
  assert.ok(is_pseudo_slug(slug), slug);
  assert.equal(document.querySelector('a').getAttribute('componentkey'), `ref-${slug}`);
  assert.ok(document.querySelector('a[aria-label]').getAttribute('href').endsWith(`vanityName=${slug}`));
  assert.equal(document.querySelector('main').getAttribute('class'), 'pv-top-card');
  assert.notEqual(document.querySelector('main').getAttribute('data-member-id'), '893287937');
  assert.match(document.querySelector('main').getAttribute('data-member-id'), /^\d{9}$/);
  assert.match(document.querySelector('img').getAttribute('src'),
    /^https:\/\/media\.licdn\.com\/dms\/image\/v2\/ANON[\w-]{15}\/profile-displayphoto-shrink_200_200\/ANON[\w-]{11}\/0\/\d{13}\?e=\d{10}&v=beta&t=[\w-]{21}$/);
  assert.match(document.querySelector('[componentkey^="com.linkedin"]').getAttribute('componentkey'),
    /^com\.linkedin\.sdui\.profile\.card\.refACoAAANON[A-Za-z0-9]{30}Topcard$/);
  assert.equal(document.querySelector('script'), null);
  assert.equal(document.querySelector('[onclick]'), null);
  assert.doesNotMatch(html, /example\.org|Kowalska|Pekao|0551b120b|D4D03AQHc4HEZTdUYIQ/);
  // Same input, same output; the same person in another page gets the same pseudonym.
  assert.equal(anonymise_page(page, { lang: 'pl' }).html, html);
  const other = anonymise_page('<p>Anna Kowalska</p>', { lang: 'pl' }).html;
  assert.ok(other.includes(`<p>${name}</p>`));
});

test('two people of the same name keep two slugs', () => {
  const a = new Anonymiser('pl');
  const one = a.slug('jan-nowak-1a2b3c');
  const two = a.slug('jan-nowak-9f8e7d');
  assert.notEqual(one, two);
  assert.ok(is_pseudo_slug(one) && is_pseudo_slug(two));
  assert.equal(one.split('-').slice(0, -1).join('-'), two.split('-').slice(0, -1).join('-'));
  assert.ok(!is_pseudo_slug('jan-nowak-1a2b3c4d'), 'a real-looking slug is not taken for a pseudonym');
  assert.equal(pseudo_slug('jan-nowak', 'x'), pseudo_slug('jan-nowak', 'x'));
});

test('the anonymiser refuses a page in which a replaced personal string is still present', () => {
  assert.throws(() => verify('<p>Kowalska</p>', new Set(['Kowalska']), 'case'), /still present/);
  assert.throws(() => verify('<a href="/x?body=Witaj%20Kowalska">x</a>', new Set(['Kowalska']), 'case'), /still present/);
  assert.throws(() => verify('<div componentkey="ref-anna-kowalska-0551b120b"></div>', new Set(['anna-kowalska-0551b120b']), 'case'), /still present/);
  assert.doesNotThrow(() => verify('<p>Nowak</p>', new Set(['Kowalska']), 'case'));
});

test('regenerating the corpus from its source gives the same bytes', (t) => {
  if (!existsSync(MIRROR)) {
    t.skip(`source repository not on this machine (${MIRROR}); the corpus is checked as committed`);
    return;
  }
  const out = execFileSync(process.execPath, [join(dir, 'anonymise.mjs'), '--source', MIRROR, '--check'], { encoding: 'utf8' });
  assert.match(out, /^(\d+)\/\1 fixtures identical/m);
});
