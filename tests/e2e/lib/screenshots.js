// Screenshots of every screen, through the real-browser e2e harness, so that a change can be
// compared with the last one by eye: the popup, the dashboard, the options page, the profile badge
// with its reasons open, and the pre-send warning over a saved real LinkedIn page; in English and
// French, light and dark; with an empty ledger, a normal one (700 invitations), a large one
// (10,000), no host registered, a host registered whose program is gone, and a user in a team (the
// dashboard's team section alone, seeded as the sync leaves it: tests/e2e/lib/seed.js).
// Files: $VIGIE_ARTIFACTS/screenshots/<browser>/<screen>-<lang>-<theme>-<state>.png (default
// test-artifacts/), and index.html beside the browser folders: a contact sheet of every PNG there.
// The host's clock is fixed (VIGIE_NOW, TZ=UTC), the ledger seeded the same every run, the
// viewports fixed: two runs of one tree give the same bytes. A picture that differs from the one
// the last run left is named on a "changed:" line, its old version kept in previous/<browser>/,
// and framed in the contact sheet with a link to the old one: run it before and after a change.
//   node tests/e2e/lib/screenshots.js [--browser chromium|firefox] [--screen popup,dashboard,...]
//        [--lang en,fr] [--theme light,dark] [--state empty,normal,10k,nohost,gone,team]
//   (scripts/screenshots.sh runs it for both browsers; each list defaults to everything)
import fs from 'node:fs';
import path from 'node:path';

const argv = process.argv.slice(2);
const opt = (name, all) => {
  const i = argv.indexOf(`--${name}`);
  const v = i >= 0 ? argv[i + 1].split(',') : all;
  const bad = v.filter((x) => !all.includes(x));
  if (bad.length) { console.error(`screenshots: --${name} ${bad.join(',')}: one of ${all.join(', ')}`); process.exit(2); }
  return v;
};
export const SCREENS = ['popup', 'dashboard', 'options', 'badge', 'warning'];
export const LANGS = { en: 'en-US', fr: 'fr' };
export const THEMES = ['light', 'dark'];
// state -> invitations in the ledger, and how the host is (or is not) there.
export const STATES = { empty: { count: 0 }, normal: { count: 700 }, '10k': { count: 10_000 }, nohost: { host: 'none' }, gone: { host: 'gone' },
  team: { count: 700, team: true } };

const browser = opt('browser', ['chromium', 'firefox'])[0];
process.env.VIGIE_BROWSER = browser;
const { ARTIFACTS, HOST_BIN, ROOT, EXTENSION_DIR, eventually, hoverVigieButton, openExtensionPage, openPage, setColorScheme, startSession, vigieUiText } = await import('./harness.js');
const { startFixtureServer } = await import('./fixture-server.js');
const { SEED_ENV, seedLedger, seedTeam } = await import('./seed.js');
const { connectLink, fixtureUrl, slugOf } = await import('./guard.js');
const { SEND } = await import('./guard.js');

const OUT_ROOT = path.join(path.dirname(ARTIFACTS), '..', 'screenshots');
const OUT = path.join(OUT_ROOT, browser);
const PREVIOUS = path.join(OUT_ROOT, 'previous', browser);
const messages = (lang) => JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, '_locales', lang, 'messages.json'), 'utf8'));
// The warning's first line in every language: how the dialog is told from the badge.
const WARNING_FROM = Object.keys(LANGS).map((l) => messages(l).warningFrom.message);

async function shoot(page, file, { element } = {}) {
  if (element && page.browser === 'chromium') await page.native.locator(element).screenshot({ path: file });
  else if (element) await (await page.native.$(element)).screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
}

// The extension's page once it has shown its data or its notice.
const READY = {
  popup: () => !document.getElementById('host').hidden || /\d/.test(document.querySelector('#today dd')?.textContent ?? '')
    && document.querySelector('#warnings li') !== null,
  dashboard: () => !document.getElementById('host').hidden
    || (!document.getElementById('table-empty').hidden || document.querySelectorAll('#invitations tbody tr').length > 0),
  options: () => !document.getElementById('host').hidden || !document.querySelector('main').hidden,
};

async function extensionScreen(session, screen, theme, file, state) {
  const viewport = screen === 'popup' ? { width: 380, height: 600 } : { width: 1280, height: 900 };
  const page = await openExtensionPage(session, `${screen}.html`, viewport);
  try {
    await setColorScheme(page, theme);
    await page.waitForFunction(READY[screen], undefined, { timeout: 30000 });
    // In a team: the team section alone, once its chart is drawn.
    const team = state === 'team' && screen === 'dashboard';
    if (team) await page.waitForFunction(() => document.querySelector('#chart-team canvas, #chart-team table, #chart-team p') !== null, undefined, { timeout: 30000 });
    await page.waitForTimeout(300); // the last layout (charts drawn into their boxes)
    await shoot(page, file, screen === 'popup' ? { element: 'body' } : team ? { element: '#team' } : {});
  } finally {
    await page.close();
  }
}

// The fake-looking profile (an invented fixture), its badge hovered: the reasons open.
async function badgeScreen(session, theme, file) {
  const page = await openPage(session);
  try {
    await setColorScheme(page, theme);
    await page.goto('https://www.linkedin.com/in/alex-fortune/');
    await eventually(async () => (await vigieUiText(page)).some((x) => /Vigie/.test(x)), { what: 'the badge', timeout: 30000 });
    await hoverVigieButton(page, { className: 'badge' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: file });
  } finally {
    await page.close();
  }
}

// A saved real SDUI profile: Connect, then Send in LinkedIn's dialog; the screenshot is the
// viewport with Vigie's warning over the page (at 17 of 20 today, or with no host to ask).
async function warningScreen(session, server, theme, file) {
  const page = await openPage(session);
  try {
    await setColorScheme(page, theme);
    const id = 'profile-sdui-pl-connect';
    await page.goto(fixtureUrl(server, id));
    await page.click(connectLink(slugOf(server.corpus[id].expected.profile_url)));
    await page.waitForFunction(() => window.__mimic?.isOpen());
    await page.click(`#interop-outlet ${SEND}`);
    await eventually(async () => (await vigieUiText(page)).some((x) => WARNING_FROM.some((w) => x.includes(w))), { what: 'the warning', timeout: 30000 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: file });
  } finally {
    await page.close();
  }
}

// Which screens a state can show: the badge needs a host that assessed the profile; the warning
// needs a send worth warning about (the normal ledger is at 17 of 20 today) or no host to ask; a
// team changes the dashboard only.
const applies = (screen, state) => (state === 'team' ? screen === 'dashboard' : {
  badge: state === 'normal',
  warning: state === 'normal' || state === 'nohost' || state === 'gone',
}[screen] ?? true);

export function writeIndex(root = OUT_ROOT) {
  const sections = [];
  for (const b of fs.existsSync(root) ? fs.readdirSync(root).sort() : []) {
    const dir = path.join(root, b);
    if (b === 'previous' || !fs.statSync(dir).isDirectory()) continue;
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    const figures = files.map((f) => {
      const before = fs.existsSync(path.join(root, 'previous', b, f)) ? ` <a href="previous/${b}/${f}">(before)</a>` : '';
      return `<figure${before ? ' class="changed"' : ''}><a href="${b}/${f}"><img src="${b}/${f}" loading="lazy" alt="${f}"></a><figcaption>${f.replace(/\.png$/, '')}${before}</figcaption></figure>`;
    });
    sections.push(`<h2>${b} (${files.length})</h2>\n<div class="sheet">\n${figures.join('\n')}\n</div>`);
  }
  fs.writeFileSync(path.join(root, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vigie screenshots</title>
<style>body{font:14px system-ui,sans-serif;margin:16px}.sheet{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px}
figure{margin:0;border:1px solid #ccc;padding:4px}figure.changed{border:3px solid #cf222e}img{width:100%;height:180px;object-fit:cover;object-position:top left;background:#888}figcaption{font-size:12px;word-break:break-all}</style>
</head><body><h1>Vigie screenshots</h1><p>Made by <code>scripts/screenshots.sh</code>: &lt;screen&gt;-&lt;lang&gt;-&lt;theme&gt;-&lt;state&gt;. Framed in red: changed since the run before (its old version linked).</p>
${sections.join('\n')}
</body></html>
`);
}

// Firefox speaks a language only with its language pack (Debian: firefox-esr-l10n-<lang>); without
// it the "French" screens would be English ones under a French name.
function firefoxHas(lang) {
  if (browser !== 'firefox' || lang === 'en') return true;
  const dir = path.join(path.dirname(process.env.VIGIE_FIREFOX ?? '/usr/lib/firefox-esr/firefox-esr'), 'browser', 'extensions');
  return fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.startsWith(`langpack-${lang}@`));
}

async function main() {
  const screens = opt('screen', SCREENS);
  const langs = opt('lang', Object.keys(LANGS)).filter((l) => {
    if (firefoxHas(l)) return true;
    console.log(`screenshots: skipping ${l} in Firefox: no language pack (apt-get install firefox-esr-l10n-${l})`);
    return false;
  });
  const themes = opt('theme', THEMES);
  const states = opt('state', Object.keys(STATES));
  fs.mkdirSync(OUT, { recursive: true });
  // previous/ holds what this run changed, nothing older.
  fs.rmSync(PREVIOUS, { recursive: true, force: true });
  const changed = [];
  const server = await startFixtureServer();
  let made = 0;
  const failed = [];
  try {
    for (const lang of langs) {
      for (const state of states) {
        const todo = screens.filter((s) => applies(s, state));
        if (!todo.length) continue;
        const cleanups = [];
        const { count = 0, host, team } = STATES[state];
        const session = await startSession({ after: (fn) => cleanups.push(fn) }, { server, lang: LANGS[lang], register: !host, env: SEED_ENV });
        try {
          if (host === 'gone') {
            // Registered, then the program removed: what a deleted build or a moved folder leaves.
            const copy = path.join(session.dir, 'vigie-host');
            fs.copyFileSync(HOST_BIN, copy);
            fs.chmodSync(copy, 0o755);
            await session.register(copy);
            fs.rmSync(copy);
          }
          await seedLedger(session, count);
          if (team) await seedTeam(session);
          for (const theme of themes) {
            for (const screen of todo) {
              const file = path.join(OUT, `${screen}-${lang}-${theme}-${state}.png`);
              const before = fs.existsSync(file) ? fs.readFileSync(file) : null;
              try {
                if (screen === 'badge') await badgeScreen(session, theme, file);
                else if (screen === 'warning') await warningScreen(session, server, theme, file);
                else await extensionScreen(session, screen, theme, file, state);
                made += 1;
                console.log(`screenshot ${path.relative(ROOT, file)}`);
                if (before && !before.equals(fs.readFileSync(file))) {
                  fs.mkdirSync(PREVIOUS, { recursive: true });
                  fs.writeFileSync(path.join(PREVIOUS, path.basename(file)), before);
                  changed.push(path.basename(file));
                  console.log(`changed: ${path.basename(file)} (before: ${path.relative(ROOT, path.join(PREVIOUS, path.basename(file)))})`);
                }
              } catch (e) {
                failed.push(`${path.basename(file)}: ${e.message.split('\n')[0]}`);
                console.log(`FAILED ${path.basename(file)}: ${e.message.split('\n')[0]}`);
              }
            }
          }
        } finally {
          for (const fn of cleanups.reverse()) await fn();
        }
      }
    }
  } finally {
    await server.close();
  }
  writeIndex();
  console.log(`screenshots (${browser}): ${made} written (${changed.length} changed since the last run), ${failed.length} failed; contact sheet ${path.relative(ROOT, path.join(OUT_ROOT, 'index.html'))}`);
  return failed.length ? 1 : 0;
}

process.exitCode = await main();
