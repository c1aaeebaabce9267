// Helpers for the ledger scenarios on the real corpus (tests/e2e/real-pages.test.js): what the
// host stored, compared field by field with the sidecar of what a person reads on the page.
// Pages are driven with page.evaluate / page.click only, so they port to the Firefox driver.
import { hostRequests } from './harness.js';
import { ROUTES, realCorpus } from './fixture-server.js';

// The profile record's fields (docs/PROTOCOL.md) that a sidecar of a profile page gives.
export const PROFILE_FIELDS = [
  'profile_url', 'name', 'headline', 'location', 'has_photo', 'connections', 'connections_plus', 'followers',
  'degree', 'about', 'experience_count', 'education_count', 'skills_count', 'current_title', 'current_company',
  'verified', 'account_age_days',
];

// The older e2e files' routes (fixture-server.js ROUTES, invented fixtures under
// tests/extension/fixtures/) take the invitation manager's URLs before the real pages; in this
// test file's process the real page wins wherever a sidecar gives the same URL.
export function serveRealAtSidecarUrls() {
  for (const { url } of Object.values(realCorpus())) {
    const u = new URL(url);
    delete ROUTES[u.hostname]?.[u.pathname];
  }
}

// Stored vs. read: `wrong` where the host holds a value other than the one a person reads
// (including a value where a person reads none: the sidecar's null), `missing` where the person
// reads one and the host holds none. Only the fields the sidecar speaks of are judged.
export function compareFields(stored, expected, fields = Object.keys(expected)) {
  const wrong = [];
  const missing = [];
  for (const f of fields) {
    if (!(f in expected)) continue;
    const want = expected[f];
    const got = stored?.[f] ?? null;
    if (want === null && got === null) continue;
    if (got === null) missing.push(f);
    else if (got !== want) wrong.push({ field: f, stored: got, read: want });
  }
  return { wrong, missing };
}

// person.get for each URL, in one host process: {url: person | null}.
export async function storedPeople(session, urls) {
  if (!urls.length) return {};
  const replies = await hostRequests(session, urls.map((profile_url) => ({ type: 'person.get', profile_url })));
  return Object.fromEntries(urls.map((u, i) => {
    const r = replies[i];
    if (!r.ok && r.error?.code !== 'not_found') throw new Error(`person.get ${u}: ${JSON.stringify(r)}`);
    return [u, r.ok ? r.result.person : null];
  }));
}

// Every person linked from the page (`/in/<slug>` in an href), as canonical profile URLs.
export const linkedPeople = (page) => page.evaluate(() => {
  const out = new Set();
  for (const a of document.querySelectorAll('a[href*="/in/"]')) {
    const m = /^\/in\/([^/?#]+)/.exec(new URL(a.getAttribute('href'), location.href).pathname);
    if (m) out.add(`https://www.linkedin.com/in/${decodeURIComponent(m[1]).toLowerCase()}/`);
  }
  return [...out];
});

// LinkedIn's behaviour on the Sent page where the saved page cannot act (its scripts are gone):
// a row's Withdraw <a> opens the native confirmation <dialog> (no role) of the saved
// withdraw-dialog page, naming that row's person; Cancel and Dismiss close it; the confirm
// button closes it (the row is left in place). Runs in the page's world, as LinkedIn's script does.
export const mimicWithdraw = (page, dialogPageUrl) => page.evaluate(async (url) => {
  const html = await (await fetch(url)).text();
  const saved = new DOMParser().parseFromString(html, 'text/html').querySelector('dialog[data-testid="dialog"]');
  const state = { confirmed: [], cancelled: [] };
  window.__withdrawMimic = state;
  document.addEventListener('click', (e) => {
    const a = e.target.closest?.('a[aria-label]');
    const m = a && /^Withdraw invitation sent to (.+)$/.exec(a.getAttribute('aria-label'));
    if (!m) return;
    e.preventDefault();
    const name = m[1];
    const dialog = document.importNode(saved, true);
    dialog.removeAttribute('open');
    const confirm = dialog.querySelector('footer button[aria-label]');
    confirm.setAttribute('aria-label', `Withdraw invitation sent to ${name}`);
    for (const b of dialog.querySelectorAll('button')) {
      b.addEventListener('click', () => {
        (b === confirm ? state.confirmed : state.cancelled).push(name);
        dialog.close();
        dialog.remove();
      });
    }
    document.body.append(dialog);
    dialog.showModal();
  });
}, dialogPageUrl);
