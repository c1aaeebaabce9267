// A ledger of a given size written by the host's own means (import.batch, the path of `vigie import`,
// and invitation.received for people worth a badge), the same every run: a seeded generator and a
// fixed clock (SEED_NOW, given to the host as VIGIE_NOW with TZ=UTC). Used by the screenshots
// (tests/e2e/lib/screenshots.js) and the dashboard's benchmark (bench/dashboard).
import { hostRequests } from './harness.js';

export const SEED_NOW = '2026-11-20T10:00:00Z';
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
// mostly decided (accepted, withdrawn), recent ones pending.
export function seedInvitations(count, { now = Date.parse(SEED_NOW), today = Math.min(17, count), seed = 7 } = {}) {
  const rnd = random(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const span = Math.max(120, Math.ceil((count - today) / 6));
  const out = [];
  for (let i = 0; i < count; i++) {
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const createdAt = i < today ? now - (i + 1) * 17 * 60_000 : now - DAY - Math.floor(rnd() * span * DAY);
    const received = i >= today && rnd() < 0.1;
    const age = (now - createdAt) / DAY;
    const r = rnd();
    const status = received ? (r < 0.6 ? 'accepted' : r < 0.8 ? 'ignored' : 'pending')
      : age < 21 ? (r < 0.25 ? 'accepted' : 'pending')
        : r < 0.45 ? 'accepted' : r < 0.6 ? 'withdrawn' : 'pending';
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

// Seeds the session's ledger with `count` invitations (plus the suspicious people when count > 0).
export async function seedLedger(session, count, options = {}) {
  if (!count) return;
  const rows = seedInvitations(count, options);
  const messages = [];
  for (let i = 0; i < rows.length; i += 1000) messages.push({ type: 'import.batch', source: 'import', invitations: rows.slice(i, i + 1000) });
  messages.push({
    type: 'invitation.received',
    invitations: SUSPICIOUS.map(({ slug, note, ...p }) => ({ profile: { network: 'linkedin', profile_url: `https://www.linkedin.com/in/${slug}/`, ...p }, note })),
  });
  const replies = await hostRequests(session, messages);
  const bad = replies.find((r) => !r.ok);
  if (bad) throw new Error(`seeding the ledger: ${JSON.stringify(bad)}`);
}
