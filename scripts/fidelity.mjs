#!/usr/bin/env node
// Fidelity of the extractors on the real corpus (tests/fixtures/real/): for every fixture and
// field, how many values are right, missing (null where a person reads a value) or wrong (a
// value that differs from what a person reads, or a value where a person reads none).
// Usage: npm run fidelity [-- --json] [-- fixture-id ...]
// Exit status 1 when any value is wrong or fewer than 90 % of the readable fields are found on
// a layout. The same evaluation backs tests/extension/real-extract.test.js.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import '../extension/src/content/extract/words.js';
import '../extension/src/content/extract/common.js';
import '../extension/src/content/extract/page-kind.js';
import '../extension/src/content/extract/linkedin-profile.js';
import '../extension/src/content/extract/linkedin-lists.js';

const X = globalThis.__vigie.extract;
export const CORPUS = new URL('../tests/fixtures/real/', import.meta.url);
export const TARGET_FOUND = 0.9;

// Fixtures of the page kinds these extractors read (dialogs belong to the send guard).
export const KINDS = ['linkedin-profile', 'linkedin-search', 'linkedin-invitations-received', 'linkedin-invitations-sent', 'linkedin-connections', 'linkedin-mynetwork-grow'];
const PROFILE_FIELDS = ['profile_url', 'name', 'headline', 'location', 'has_photo', 'connections', 'connections_plus', 'followers', 'degree', 'about', 'experience_count', 'education_count', 'skills_count', 'current_title', 'current_company', 'verified', 'account_age_days'];

export function fixtures() {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS).filter((f) => f.endsWith('.html') && existsSync(new URL(f.replace(/\.html$/, '.json'), CORPUS)))
    .map((f) => {
      const id = f.replace(/\.html$/, '');
      const sidecar = JSON.parse(readFileSync(new URL(`${id}.json`, CORPUS), 'utf8'));
      return { id, sidecar };
    })
    .filter((f) => KINDS.includes(f.sidecar.page_kind))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export function load(id) {
  return parseHTML(readFileSync(new URL(`${id}.html`, CORPUS), 'utf8')).document;
}

const decode = (u) => {
  try {
    return decodeURIComponent(u).toLowerCase();
  } catch {
    return u.toLowerCase();
  }
};
const same = (field, expected, actual) => {
  if (field === 'profile_url' || field === 'url') return decode(expected) === decode(actual);
  if (typeof expected === 'string' && typeof actual === 'string') return X.norm(expected) === X.norm(actual);
  return expected === actual;
};

// One comparison: right / missing / wrong, or null when neither side has a value.
export function judge(field, expected, actual) {
  const e = expected ?? null;
  const a = actual ?? null;
  if (e === null) return a === null ? null : 'wrong';
  if (a === null) return 'missing';
  return same(field, e, a) ? 'right' : 'wrong';
}

// Runs the extractor for the fixture's kind and returns [{field, verdict, expected, actual, row}].
export function evaluate({ id, sidecar }) {
  const doc = load(id);
  const exp = sidecar.expected;
  const out = [];
  const add = (field, expected, actual, row = null) => {
    const verdict = judge(field, expected, actual);
    if (verdict) out.push({ field, verdict, expected: expected ?? null, actual: actual ?? null, row });
  };
  // List pages: rows matched by profile URL; an extra row is a wrong value, a missing row is
  // every field missing.
  const rows = (expectedRows, actualRows, fields) => {
    const byUrl = new Map(actualRows.map((r) => [decode(r.profile_url), r]));
    for (const e of expectedRows) {
      const a = byUrl.get(decode(e.profile_url)) ?? {};
      byUrl.delete(decode(e.profile_url));
      for (const f of fields) add(f, e[f], a[f], e.profile_url);
    }
    for (const [url] of byUrl) add('row', null, url, url);
  };
  switch (sidecar.page_kind) {
    case 'linkedin-profile': {
      const { profile } = X.extractLinkedInProfile(doc, sidecar.url, { settled: sidecar.settled });
      for (const f of PROFILE_FIELDS) if (f in exp) add(f, exp[f], profile?.[f]);
      break;
    }
    case 'linkedin-search': {
      const { results } = X.extractSearchResults(doc);
      rows(exp.results, results.map((r) => r.profile), ['profile_url', 'name', 'headline', 'location', 'degree']);
      break;
    }
    case 'linkedin-invitations-received':
    case 'linkedin-mynetwork-grow': {
      const { invitations } = X.extractReceivedInvitations(doc);
      const actual = invitations.map((i) => ({ ...i.invitation.profile, note: i.invitation.note, when: i.when }));
      rows(exp.invitations, actual, ['profile_url', 'name', 'headline', 'note', 'when']);
      const notInv = new Set((exp.not_invitations ?? []).map(decode));
      for (const a of actual) if (notInv.has(decode(a.profile_url))) add('not_invitation', null, a.profile_url, a.profile_url);
      break;
    }
    case 'linkedin-invitations-sent': {
      const r = X.extractSentInvitations(doc);
      rows(exp.invitations, r.items.map((i) => ({ ...i.profile, when: i.when })), ['profile_url', 'name', 'headline', 'when']);
      if ('total' in exp) add('total', exp.total, r.total);
      break;
    }
    case 'linkedin-connections': {
      const { profiles } = X.extractConnections(doc);
      rows(exp.connections, profiles, ['profile_url', 'name', 'headline']);
      break;
    }
    default:
      break;
  }
  return out;
}

function summarise(results) {
  const t = { right: 0, missing: 0, wrong: 0 };
  for (const r of results) t[r.verdict]++;
  const readable = t.right + t.missing + results.filter((r) => r.verdict === 'wrong' && r.expected !== null).length;
  return { ...t, readable, found: readable ? t.right / readable : 1 };
}

function table(header, lines) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const fmt = (cells) => `| ${cells.map((c, i) => (typeof c === 'number' || /^\d/.test(c) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;

export function report(selected = fixtures()) {
  const perField = [];
  const perFixture = [];
  const byLayout = new Map();
  const wrongs = [];
  for (const f of selected) {
    const results = evaluate(f);
    const fields = [...new Set(results.map((r) => r.field))];
    for (const field of fields) {
      const s = summarise(results.filter((r) => r.field === field));
      perField.push([f.id, field, s.right, s.missing, s.wrong]);
    }
    const s = summarise(results);
    perFixture.push([f.id, f.sidecar.layout, f.sidecar.lang, s.readable, s.right, s.missing, s.wrong, pct(s.found)]);
    const l = byLayout.get(f.sidecar.layout) ?? [];
    byLayout.set(f.sidecar.layout, l.concat(results));
    for (const r of results) if (r.verdict === 'wrong') wrongs.push({ fixture: f.id, ...r });
  }
  const totals = [...byLayout].map(([layout, results]) => {
    const s = summarise(results);
    return [layout, s.readable, s.right, s.missing, s.wrong, pct(s.found)];
  });
  const all = summarise([...byLayout.values()].flat());
  totals.push(['all', all.readable, all.right, all.missing, all.wrong, pct(all.found)]);
  const ok = all.wrong === 0 && [...byLayout.values()].every((r) => summarise(r).found >= TARGET_FOUND);
  return { perField, perFixture, totals, wrongs, ok };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const ids = args.filter((a) => !a.startsWith('--'));
  const selected = fixtures().filter((f) => !ids.length || ids.includes(f.id));
  if (!selected.length) {
    console.error('fidelity: no fixture with a sidecar in tests/fixtures/real/');
    process.exit(2);
  }
  const r = report(selected);
  if (args.includes('--json')) {
    console.log(JSON.stringify(r, null, 1));
  } else {
    console.log('Per fixture and field (list pages: summed over rows)\n');
    console.log(table(['fixture', 'field', 'right', 'missing', 'wrong'], r.perField));
    console.log('\nPer fixture\n');
    console.log(table(['fixture', 'layout', 'lang', 'readable', 'right', 'missing', 'wrong', 'found'], r.perFixture));
    console.log('\nTotals (target: 0 wrong, found >= 90 % on each layout)\n');
    console.log(table(['layout', 'readable', 'right', 'missing', 'wrong', 'found'], r.totals));
    if (r.wrongs.length) {
      console.log('\nWrong values\n');
      for (const w of r.wrongs) console.log(`${w.fixture} ${w.field}${w.row ? ` [${w.row}]` : ''}: expected ${JSON.stringify(w.expected)}, got ${JSON.stringify(w.actual)}`);
    }
  }
  process.exitCode = r.ok ? 0 : 1;
}
