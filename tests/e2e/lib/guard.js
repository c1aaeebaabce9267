// Helpers for the send-guard scenarios on the real corpus (tests/e2e/real-*.test.js). They use
// only page.click / page.evaluate / page.waitForFunction and the harness, so they port to the
// Firefox driver as they are. Selectors reach into open shadow roots (Playwright's CSS engine
// pierces them; the Firefox driver's `page.click` must do the same for `#interop-outlet …`).
import fs from 'node:fs';
import path from 'node:path';
import { eventually, hostRequests, vigieList, vigieUiText } from './harness.js';

export const WARNING = /should not be sent|Careful before sending|could not check/;
export const SEND = '.send-invite .artdeco-modal__actionbar .artdeco-button--primary';
export const ADD_NOTE = '.send-invite .artdeco-modal__actionbar .artdeco-button--secondary';
export const connectLink = (vanity) => `a[href*="custom-invite/?vanityName=${vanity}"]`;
export const connectButton = (name) => `button[aria-label="Zaproś użytkownika ${name} do nawiązania kontaktu"]`;

// The page URL of a real fixture; when another fixture has the same URL, a query parameter tells
// the server which one to serve.
export function fixtureUrl(server, id) {
  const entry = server.corpus[id];
  if (!entry) throw new Error(`no real fixture ${id} with a sidecar in tests/fixtures/real/`);
  const shared = Object.values(server.corpus).some((c) => c.id !== id && c.kind !== 'linkedin-invite-dialog' && new URL(c.url).pathname === new URL(entry.url).pathname);
  if (!shared) return entry.url;
  const u = new URL(entry.url);
  u.searchParams.set('vigie-fixture', id);
  return u.href;
}

export const slugOf = (profileUrl) => decodeURIComponent(new URL(profileUrl).pathname.split('/')[2]);

// The Connect controls on the page as a person reads them: whom each invites (the name in its
// label) and, for SDUI links, the vanity name in its href.
export const pageConnects = (page) => page.evaluate(() => {
  const INVITE = /^(?:Invite (.+) to connect|Zaproś użytkownika (.+) do nawiązania kontaktu)$/;
  const out = [];
  for (const el of document.querySelectorAll('a[href*="custom-invite/?vanityName="], button[aria-label]')) {
    const m = INVITE.exec((el.getAttribute('aria-label') ?? '').trim());
    if (!m) continue;
    const href = el.getAttribute('href');
    out.push({ name: m[1] ?? m[2], vanity: href ? new URL(href, location.href).searchParams.get('vanityName') : null, tag: el.tagName });
  }
  return out;
});

// The daily limit at `limit`, already reached by sends to other people.
export async function seedAtLimit(session, limit = 2) {
  const sends = Array.from({ length: limit }, (_, i) => ({
    type: 'invitation.sent', profile: { network: 'linkedin', profile_url: `https://www.linkedin.com/in/seed-person-${i}/` }, note: '',
  }));
  const replies = await hostRequests(session, [{ type: 'settings.set', settings: { 'linkedin.free.daily_limit': limit } }, ...sends]);
  for (const r of replies) if (!r.ok) throw new Error(JSON.stringify(r));
}

export const mimicSent = (page) => page.evaluate(() => window.__mimic.sent.map(({ name, vanity, note }) => ({ name, vanity, note })));
export const dialogOpen = (page) => page.evaluate(() => window.__mimic.isOpen());

// Where the open dialog lives and whom it names, read in the page as a script would.
export const dialogPlace = (page) => page.evaluate(() => {
  const d = window.__mimic.dialog();
  if (!d) return null;
  return { inShadow: d.getRootNode() !== document, name: d.querySelector('.artdeco-modal__content strong')?.textContent.trim() ?? null };
});

export const warningText = async (page) => (await vigieUiText(page)).find((t) => WARNING.test(t)) ?? null;
export const waitWarning = (page) => eventually(() => warningText(page), { what: 'the warning dialog' });
export const waitNoWarning = (page) => eventually(async () => !(await warningText(page)), { what: 'the warning closed' });

// The sent invitations Vigie recorded, by profile URL.
export async function recordedSent(session) {
  return (await vigieList(session)).filter((i) => i.direction === 'sent' && !/\/seed-person-/.test(i.person?.profile_url ?? ''));
}

// Registers, as org.vigie.host for this session's browser, a program that starts and never
// answers (a hung host), through `vigie install` as for the real host.
export async function registerSilentHost(session) {
  const script = path.join(session.dir, 'silent-host.sh');
  fs.writeFileSync(script, '#!/bin/sh\nexec sleep 120\n', { mode: 0o755 });
  await session.register(script);
}
