// A ledger of a given size written by Vigie's own means: a LinkedIn data export (Invitations.csv,
// Connections.csv) imported by `vigie import linkedin-export`, then invitation.withdrawn and
// invitation.received (people worth a badge) sent to the host as the extension sends them. The
// same every run: a seeded generator and a fixed clock (SEED_NOW, given to the host and the CLI as
// VIGIE_NOW with TZ=UTC). Used by the screenshots (tests/e2e/lib/screenshots.js) and the
// dashboard's benchmark (bench/dashboard).
import { execFile, execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CLI_BIN, hostRequests } from './harness.js';

// Ahead of the real clock on purpose: the extension stamps what it observes with the browser's
// clock (`at`), which the host accepts when it is in its past but refuses more than a day ahead;
// the browser's clock cannot be fixed, the host's can.
export const SEED_NOW = '2030-03-15T10:00:00Z';
export const SEED_ENV = { VIGIE_NOW: SEED_NOW, TZ: 'UTC' };
const DAY = 86_400_000;

const FIRST = ['Camille', 'Léa', 'Hugo', 'Zoé', 'Priya', 'Ahmed', 'Olga', 'Bruno', 'Chen', 'Ana', 'Marc', 'Élodie', 'Sam', 'Inès', 'Jonas'];
const LAST = ['Martin', 'Lefèvre', 'Benali', 'Petrova', 'Dubois', 'Singh', 'Wang', 'Silva', 'Roy', 'Garnier', 'Nguyen', 'Ødegaard'];
const NOTES = ['', '', '', 'Bonjour, ravi d\'échanger sur nos métiers.', 'Hello, we met at the Lyon meetup last week.', 'Hi! Saw your talk on data pipelines.'];

// Mulberry32: small, seeded, the same numbers on every machine.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The invitations of a ledger of `count`: today's sends at `today` (the daily limit is 20: 17 is the
// caution zone), the rest spread over the days before, about 6 a day for a normal account and more
// for a large one; nine in ten sent, one in ten received. Sent ones older than three weeks are
// mostly decided (accepted), recent ones pending; 20 withdrawn (the host dates a withdrawal it is
// told of now: with more, every recent decision would be a withdrawal and the rate 0 %).
export function seedInvitations(count, { now = Date.parse(SEED_NOW), today = Math.min(17, count), seed = 7 } = {}) {
  const rnd = random(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const span = Math.max(120, Math.ceil((count - today) / 6));
  const out = [];
  let withdrawn = 0;
  for (let i = 0; i < count; i++) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const createdAt = i < today ? now - (i + 1) * 17 * 60_000 : now - DAY - Math.floor(rnd() * span * DAY);
    const received = i >= today && rnd() < 0.1;
    const age = (now - createdAt) / DAY;
    const r = rnd();
    const status = received ? (r < 0.6 ? 'accepted' : r < 0.8 ? 'ignored' : 'pending')
      : age < 21 ? (r < 0.25 ? 'accepted' : 'pending')
        : r < 0.55 ? 'accepted' : r < 0.6 && withdrawn++ < 20 ? 'withdrawn' : 'pending';
    out.push({
      profile: { network: 'linkedin', profile_url: `https://www.linkedin.com/in/seed-${seed}-${i}/`, name },
      direction: received ? 'received' : 'sent', created_at: createdAt, note: pick(NOTES), status,
    });
  }
  return out;
}

// Received invitations from people who look like fake accounts: the badge's and the dashboard's
// "suspicious" material.
const SUSPICIOUS = [
  { slug: 'elena-v-77', name: 'Elena V.', headline: 'Coiffeuse', has_photo: false, connections: 3, note: 'Hello dear, add me on WhatsApp +44 7700 900123' },
  { slug: 'crypto-mike-01', name: 'Mike Johnson', headline: 'Crypto investment advisor', has_photo: false, connections: 12, note: 'I can show you how to earn 5000$ a week with bitcoin, write me on telegram' },
  { slug: 'sophia-l-2026', name: 'Sophia L.', headline: 'Charcutière', has_photo: true, connections: 8, note: '' },
];

const csv = (fields) => `${fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')}\r\n`;
const two = (n) => String(n).padStart(2, '0');
// LinkedIn's "Sent At" ("1/29/26, 2:37 PM") and "Connected On" ("15 Jan 2024"), in UTC (TZ=UTC).
const sentAt = (ms) => {
  const d = new Date(ms);
  const h = d.getUTCHours();
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${two(d.getUTCFullYear() % 100)}, ${h % 12 || 12}:${two(d.getUTCMinutes())} ${h < 12 ? 'AM' : 'PM'}`;
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const connectedOn = (ms) => { const d = new Date(ms); return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };

// The export LinkedIn would send for these rows, in `dir`: every invitation, and a connection for
// each accepted one (a few days after the invitation, never after `now`).
export function writeExport(dir, rows, { now = Date.parse(SEED_NOW) } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const me = 'https://www.linkedin.com/in/me';
  let inv = csv(['From', 'To', 'Sent At', 'Message', 'Direction', 'inviterProfileUrl', 'inviteeProfileUrl']);
  let con = 'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n\r\n'
    + csv(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
  for (const r of rows) {
    const url = r.profile.profile_url.replace(/\/$/, '');
    inv += r.direction === 'sent'
      ? csv(['Me', r.profile.name, sentAt(r.created_at), r.note, 'OUTGOING', me, url])
      : csv([r.profile.name, 'Me', sentAt(r.created_at), r.note, 'INCOMING', url, me]);
    if (r.status === 'accepted') {
      const [first, ...last] = r.profile.name.split(' ');
      con += csv([first, last.join(' '), url, '', 'Acme', 'Engineer', connectedOn(Math.min(now, r.created_at + 3 * DAY))]);
    }
  }
  fs.writeFileSync(path.join(dir, 'Invitations.csv'), inv);
  fs.writeFileSync(path.join(dir, 'Connections.csv'), con);
}

// Seeds the session's ledger with `count` invitations (plus the suspicious people when count > 0
// and `suspicious` is not false). Other options: those of seedInvitations.
export async function seedLedger(session, count, { suspicious = true, ...options } = {}) {
  if (!count) return;
  const rows = seedInvitations(count, options);
  const dir = fs.mkdtempSync(path.join(session.dir ?? path.dirname(session.env.VIGIE_HOME), 'export-'));
  try {
    writeExport(dir, rows, options);
    await promisify(execFile)(CLI_BIN, ['import', 'linkedin-export', dir], { env: session.env, maxBuffer: 1 << 24 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const messages = rows.filter((r) => r.status === 'withdrawn').map((r) => ({ type: 'invitation.withdrawn', profile: r.profile }));
  if (suspicious) messages.push({
    type: 'invitation.received',
    invitations: SUSPICIOUS.map(({ slug, note, ...p }) => ({ profile: { network: 'linkedin', profile_url: `https://www.linkedin.com/in/${slug}/`, ...p }, note })),
  });
  if (!messages.length) return;
  const replies = await hostRequests(session, messages);
  const bad = replies.find((r) => !r.ok);
  if (bad) throw new Error(`seeding the ledger: ${JSON.stringify(bad)}`);
}

// A team (docs/TEAM.md) as the sync would leave the local copy of it: the membership row, the
// team's members and their invitations, written straight into the session's database (schema v9)
// with sqlite3, since the team's server is not part of these tests. The user is Camille Martin;
// Léa and Tom share their figures, Inès and Priya keep theirs private. Some people were invited
// by two members: one named in clear by a member, one the user has seen (named from the user's
// own ledger through the keyed hash), one nobody here knows. The figures of TEAM_FIGURES are the
// ones the dashboard must show.
export const TEAM_SECRET = 'c0ffee'.repeat(10) + 'abcd';
export const TEAM_FIGURES = {
  // name: [sent, accepted, other decided (withdrawn or expired), show figures]
  'Camille Martin': [30, 9, 6, true],
  'Léa Lefèvre': [48, 10, 15, true],
  'Tom Dubois': [12, 0, 0, true],
  'Inès Benali': [20, 5, 5, false],
  'Priya Singh': [8, 1, 0, false],
};
export const TEAM_OVERLAPS = [
  { slug: 'zoe-nguyen', name: 'Zoé Nguyen', shared: true, members: ['Léa Lefèvre', 'Tom Dubois'] },
  { slug: 'karim-roy', name: 'Karim Roy', shared: false, seen: true, members: ['Camille Martin', 'Léa Lefèvre', 'Inès Benali'] },
  { slug: 'unknown-person', name: 'Someone', shared: false, members: ['Tom Dubois', 'Priya Singh'] },
];
export const teamHash = (network, key) => createHmac('sha256', Buffer.from(TEAM_SECRET, 'hex')).update(`${network}\n${key}`).digest('hex');

export async function seedTeam(session, { now = Date.parse(SEED_NOW), lastError = null } = {}) {
  const seen = TEAM_OVERLAPS.filter((o) => o.seen).map((o) => ({ type: 'profile.seen', profile: { network: 'linkedin', profile_url: `https://www.linkedin.com/in/${o.slug}/`, name: o.name } }));
  // The host creates (and migrates) the database; the user has seen the people of `seen`.
  const replies = await hostRequests(session, [{ type: 'hello' }, ...seen]);
  const bad = replies.find((r) => !r.ok);
  if (bad) throw new Error(`seeding the team: ${JSON.stringify(bad)}`);
  const q = (v) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
  const ids = Object.fromEntries(Object.keys(TEAM_FIGURES).map((name, i) => [name, i ? `m-${i}` : 'm-self']));
  const rnd = random(11);
  const sql = ['BEGIN;',
    `INSERT INTO team_membership(id, conninfo, member_id, display_name, secret, show_figures, joined_at, last_push_at, last_pull_at, last_error) VALUES (1, 'host=team.example dbname=vigie', 'm-self', 'Camille Martin', ${q(TEAM_SECRET)}, 1, ${now - 60 * DAY}, ${now - 5 * 60_000}, ${now - 4 * 60_000}, ${q(lastError)});`,
    // Two local changes not pushed yet.
    "INSERT INTO team_outbox(kind, ref) VALUES ('invitation', 1), ('invitation', 2);"];
  let local = 1;
  const row = (member, hash, status, at, name = null) => sql.push(
    `INSERT INTO team_invitations(member_id, local_id, key_hash, network, direction, status, created_at, decided_at, name) VALUES (${q(member)}, ${local++}, ${q(hash)}, 'linkedin', 'sent', ${q(status)}, ${at}, ${status === 'pending' ? 'NULL' : at + 3 * DAY}, ${q(name)});`);
  for (const [name, [sent, accepted, decided, show]] of Object.entries(TEAM_FIGURES)) {
    const id = ids[name];
    sql.push(`INSERT INTO team_members(member_id, display_name, show_figures) VALUES (${q(id)}, ${q(name)}, ${show ? 1 : 0});`);
    const overlaps = TEAM_OVERLAPS.filter((o) => o.members.includes(name));
    for (let i = 0; i < sent; i++) {
      const status = i < accepted ? 'accepted' : i < accepted + decided ? (i % 2 ? 'withdrawn' : 'expired') : 'pending';
      // The first sends are this member's invitations to the people several members contacted.
      const o = overlaps[i];
      const hash = o ? teamHash('linkedin', o.slug) : `${id}-person-${i}`;
      row(id, hash, status, now - Math.floor(rnd() * 40 * DAY) - 60_000, o?.shared ? o.name : null);
    }
  }
  // The hashes of the user's own people, as the sync keeps them (team_people) for the view's names.
  for (const o of TEAM_OVERLAPS.filter((x) => x.seen))
    sql.push(`INSERT INTO team_people(person_id, key_hash) SELECT id, ${q(teamHash('linkedin', o.slug))} FROM people WHERE profile_key = ${q(o.slug)};`);
  sql.push('COMMIT;');
  execFileSync('sqlite3', ['-bail', path.join(session.env.VIGIE_HOME, 'vigie.db')], { input: sql.join('\n') });
}
