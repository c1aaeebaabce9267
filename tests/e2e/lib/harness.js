// End-to-end harness, one session API for two browsers: VIGIE_BROWSER=chromium (default; Debian's
// Chromium driven by playwright-core, lib/chromium.js) or VIGIE_BROWSER=firefox (Debian's
// firefox-esr driven by puppeteer-core over WebDriver BiDi, lib/firefox.js). Each test gets its own
// browser profile, HOME, VIGIE_HOME and XDG folders; the freshly built vigie-host is registered by
// `vigie install` (--user-data-dir for Chromium, --browser firefox in the throwaway HOME for
// Firefox); fixture pages are served as https://www.linkedin.com and https://www.viadeo.com by a
// local HTTPS server (127.0.0.1 only). The tests see only the session API below and a page object
// with goto, reload, evaluate, click, waitForFunction, keyboard, screenshot, close, waitForTimeout:
// whatever differs between the browsers is a branch here, not in the tests.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from './fixture-server.js';
import * as chromium from './chromium.js';
import * as firefox from './firefox.js';

const run = promisify(execFile);
export const BROWSER = process.env.VIGIE_BROWSER ?? 'chromium';
if (!['chromium', 'firefox'].includes(BROWSER)) throw new Error(`VIGIE_BROWSER=${BROWSER}: chromium or firefox`);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION_DIR = process.env.VIGIE_EXTENSION_DIR ?? path.join(ROOT, 'extension');
export const BUILD_DIR = process.env.VIGIE_BUILD_DIR ?? path.join(ROOT, 'build/default/host');
export const HOST_BIN = process.env.VIGIE_HOST_BIN ?? path.join(BUILD_DIR, 'vigie-host');
export const CLI_BIN = process.env.VIGIE_CLI_BIN ?? path.join(BUILD_DIR, 'vigie');
export const { CHROMIUM, chromiumApi } = chromium;
export const ARTIFACTS = path.resolve(process.env.VIGIE_ARTIFACTS ?? path.join(ROOT, 'test-artifacts'), 'e2e', BROWSER);
const IDS = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest/extension-ids.json'), 'utf8'));
export const EXTENSION_ID = IDS.chromium[0];
// Where the extension's own pages live in the browser under test.
export const EXTENSION_ORIGIN = BROWSER === 'firefox' ? firefox.EXTENSION_ORIGIN : `chrome-extension://${EXTENSION_ID}`;

// What one browser can do and the other cannot, for `test(name, onlyIn('firefox', why), fn)`.
export function onlyIn(browser, why) {
  return BROWSER === browser ? {} : { skip: `${browser} only: ${why}` };
}

// The id Chromium derives from the manifest's key: the test proves the two agree.
export function idFromKey(key) {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

// The page object the tests use, the same in both browsers.
// Playwright reads every CSS selector across open shadow roots: `#interop-outlet .send-invite`
// finds the dialog inside the outlet's shadow root. Firefox's driver does not, so: split the
// selector at its descendant combinators, and where no element matches it in the document, match
// the head in the document (or a shadow root) and the tail inside that element's shadow root.
async function clickPiercing(native, selector) {
  const handle = await native.evaluateHandle((sel) => {
    const parts = [];
    let depth = 0; let quote = null; let cur = '';
    for (const c of sel) {
      if (quote) { if (c === quote) quote = null; cur += c; continue; }
      if (c === '"' || c === "'") quote = c;
      if (c === '[' || c === '(') depth++;
      if (c === ']' || c === ')') depth--;
      if (/\s/.test(c) && depth === 0 && cur && !/[>+~,]$/.test(cur.trim())) { parts.push(cur); cur = ''; continue; }
      cur += c;
    }
    if (cur.trim()) parts.push(cur);
    const find = (root, ps) => {
      const direct = root.querySelector(ps.join(' '));
      if (direct) return direct;
      for (let k = 1; k < ps.length; k++) {
        for (const host of root.querySelectorAll(ps.slice(0, k).join(' '))) {
          const hit = host.shadowRoot && find(host.shadowRoot, ps.slice(k));
          if (hit) return hit;
        }
      }
      return null;
    };
    return find(document, parts);
  }, selector);
  const el = handle.asElement();
  if (!el) { await handle.dispose(); throw new Error(`No element found for selector: ${selector}`); }
  // Centred first: the driver clicks at the element's centre, and an element scrolled only to
  // the viewport's edge can be overlapped there by what the page lays out next.
  try {
    await el.evaluate((e) => e.scrollIntoView({ block: 'center', inline: 'center' }));
    await el.click();
  } finally { await el.dispose(); }
}

function wrapPage(native, session) {
  const ff = session.browser === 'firefox';
  // puppeteer's BiDi goto does not follow moz-extension:// navigations: drive those directly.
  const navigate = async (url) => {
    await native.browser().connection.send('browsingContext.navigate', { context: native.mainFrame()._id, url, wait: 'complete' });
  };
  let current = null;
  const page = {
    native,
    browser: session.browser,
    async goto(url) {
      current = url;
      if (ff && url.startsWith('moz-extension:')) await navigate(url);
      else await native.goto(url, { waitUntil: 'load' });
    },
    async reload() {
      if (ff && current?.startsWith('moz-extension:')) await navigate(current);
      else await native.reload({ waitUntil: 'load' });
    },
    url: () => (ff && current?.startsWith('moz-extension:') ? current : native.url()),
    evaluate: (fn, arg) => native.evaluate(fn, arg),
    // Playwright's CSS selectors pierce open shadow roots; puppeteer's need its deep combinator.
    click: (selector) => (ff ? clickPiercing(native, selector) : native.click(selector)),
    keyboard: native.keyboard,
    mouse: native.mouse,
    waitForFunction: (fn, arg, { timeout = 15000 } = {}) =>
      (ff ? native.waitForFunction(fn, { timeout }, arg) : native.waitForFunction(fn, arg, { timeout })),
    screenshot: (options) => native.screenshot(options),
    waitForTimeout: (ms) => new Promise((r) => setTimeout(r, ms)),
    setViewport: ({ width, height }) => (ff ? native.setViewport({ width, height }) : native.setViewportSize({ width, height })),
    bringToFront: () => native.bringToFront(),
    close: () => native.close(),
    // The text of the first element matching selector (null when none).
    text: (selector) => native.evaluate((sel) => document.querySelector(sel)?.textContent ?? null, selector),
  };
  return page;
}

// One browser session with its own everything. idleTimeout (Firefox): the event page's idle
// timeout in ms (pref extensions.background.idle.timeout). lang: the browser's UI language
// ('en-US', 'fr'); colorScheme: 'light' or 'dark'. env: more variables for the browser and the
// host it starts (VIGIE_NOW, TZ).
export async function startSession(t, { register = true, server, idleTimeout, lang, colorScheme, env: extraEnv } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vigie-e2e-${BROWSER}-`));
  const profile = path.join(dir, 'profile');
  const home = path.join(dir, 'vigie-home');
  fs.mkdirSync(profile, { recursive: true });
  const env = {
    ...process.env,
    VIGIE_HOME: home,
    XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
    XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
    XDG_DATA_HOME: path.join(dir, 'xdg-data'),
    XDG_STATE_HOME: path.join(dir, 'xdg-state'),
    HOME: dir,
    ...extraEnv,
  };
  if (BROWSER === 'firefox') env.TMPDIR = dir;
  const session = {
    browser: BROWSER, dir, profile, home, env, server,
    // Chromium reads the profile's NativeMessagingHosts; Firefox only $HOME/.mozilla/..., which
    // does not exist yet: this is `vigie install --browser firefox` for a Firefox never started.
    async register(hostPath = HOST_BIN) {
      const where = BROWSER === 'firefox' ? ['--browser', firefox.GECKO_BROWSER] : ['--user-data-dir', profile];
      await run(CLI_BIN, ['install', ...where, '--host-path', hostPath], { env });
    },
  };
  if (register) await session.register();
  if (BROWSER === 'firefox') {
    const { browser } = await firefox.launch({ dir, profile, env, server, idleTimeout, extensionDir: EXTENSION_DIR, buildDir: BUILD_DIR, lang, colorScheme });
    session.firefox = browser;
    session.newNativePage = () => browser.newPage();
    session.close = () => browser.close();
  } else {
    const { context, worker } = await chromium.launch({ profile, env, server, extensionDir: EXTENSION_DIR, lang, colorScheme });
    session.context = context;
    session.worker = worker;
    session.newNativePage = () => context.newPage();
    session.close = () => context.close();
  }
  t.after(async () => {
    await session.close().catch(() => {});
    if (!process.env.VIGIE_E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  });
  return session;
}

export async function openPage(session, url) {
  const page = wrapPage(await session.newNativePage(), session);
  if (url) await page.goto(url);
  return page;
}

// The popup, the dashboard or the options page, opened in a tab as the user would open it.
export async function openExtensionPage(session, file, viewport) {
  const page = wrapPage(await session.newNativePage(), session);
  if (viewport) await page.setViewport(viewport);
  await page.goto(`${EXTENSION_ORIGIN}/${file}`);
  return page;
}

// The extension's storage.local (keys as for storage.local.get). Chromium: from its service
// worker. Firefox: from an extension page opened for the read and closed after it, so that it
// does not keep the event page awake.
export async function extensionStorage(session, keys = null) {
  if (session.browser === 'chromium') return session.worker.evaluate((k) => chrome.storage.local.get(k), keys);
  const page = await openExtensionPage(session, 'options.html');
  try {
    return await page.evaluate((k) => globalThis.browser.storage.local.get(k), keys);
  } finally {
    await page.close();
  }
}

// The origin the browser gave the running extension (its id or, in Firefox, its UUID), read from
// the browser itself: the test compares it with what the host manifest and the tests expect.
export async function runningExtensionOrigin(session) {
  if (session.browser === 'chromium') {
    const url = new URL(session.worker.url()); // .origin is "null" for a chrome-extension: URL
    return `${url.protocol}//${url.host}`;
  }
  const host = await firefox.chromeEval(session.firefox,
    `WebExtensionPolicy.getByID(${JSON.stringify(firefox.ADDON_ID)})?.mozExtensionHostname ?? ''`);
  return `moz-extension://${host}`;
}

// Firefox: "running", "suspending", "stopped"... of the event page.
export function backgroundState(session) {
  if (session.browser !== 'firefox') throw new Error('backgroundState: Firefox only (Chromium runs a service worker)');
  return firefox.backgroundState(session.firefox);
}

// Firefox: revokes the extension's host permissions as the user does in the extensions panel.
export function revokeHostPermissions(session) {
  if (session.browser !== 'firefox') throw new Error('revokeHostPermissions: Firefox only');
  // Every site the manifest asks for, as the user's "Permissions" switch takes them all.
  const { host_permissions: origins } = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  return firefox.revokeHostPermissions(session.firefox, origins);
}

// Firefox: the Browser Console's warnings about the manifest; `install` first installs another
// folder as the add-on (to show what the source manifest would give).
export async function manifestWarnings(session, { install } = {}) {
  if (session.browser !== 'firefox') throw new Error('manifestWarnings: Firefox only');
  if (install) await session.firefox.installExtension(install);
  return firefox.manifestWarnings(session.firefox);
}

// Files chosen in an <input type=file>: [{ name, buffer }].
export async function setInputFiles(page, selector, files) {
  if (page.browser === 'chromium') {
    await page.native.setInputFiles(selector, files.map((f) => ({ mimeType: 'text/csv', ...f })));
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-upload-'));
  const paths = files.map((f) => { const p = path.join(dir, f.name); fs.writeFileSync(p, f.buffer); return p; });
  const input = await page.native.$(selector);
  await input.uploadFile(...paths);
}

// `vigie list --json` in this session's VIGIE_HOME: the invitations as the user would see them.
export async function vigieList(session, args = []) {
  const { stdout } = await run(CLI_BIN, ['list', '--json', ...args], { env: session.env });
  const parsed = JSON.parse(stdout);
  return Array.isArray(parsed) ? parsed : parsed.items;
}

// One request straight to vigie-host, started as Chromium starts it (for reads the CLI does not
// offer, e.g. person.get, and to seed a state).
export function hostRequests(session, messages) {
  return new Promise((resolve, reject) => {
    const child = spawn(HOST_BIN, [`chrome-extension://${EXTENSION_ID}/`], { env: session.env, stdio: ['pipe', 'pipe', 'ignore'] });
    let buffer = Buffer.alloc(0);
    const replies = [];
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error('vigie-host did not answer')); }, 10000);
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 4 && buffer.length >= 4 + buffer.readUInt32LE(0)) {
        const len = buffer.readUInt32LE(0);
        replies.push(JSON.parse(buffer.subarray(4, 4 + len).toString('utf8')));
        buffer = buffer.subarray(4 + len);
        if (replies.length === messages.length) { clearTimeout(timer); child.stdin.end(); resolve(replies); }
      }
    });
    child.on('error', reject);
    for (const [i, m] of messages.entries()) {
      const body = Buffer.from(JSON.stringify({ id: i + 1, ...m }));
      const header = Buffer.alloc(4);
      header.writeUInt32LE(body.length);
      child.stdin.write(Buffer.concat([header, body]));
    }
  });
}

// Whether the host has this person (a profile the extension observed).
export async function personRecorded(session, profileUrl) {
  return (await hostRequest(session, { type: 'person.get', profile_url: profileUrl })).ok;
}

export async function hostRequest(session, message) {
  const [reply] = await hostRequests(session, [message]);
  return reply;
}

// Polls until fn returns a truthy value (or throws the last failure at the deadline).
export async function eventually(fn, { timeout = 15000, interval = 200, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = new Error(`${what}: still false`);
    } catch (e) { last = e; }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${last?.message}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

export async function vigieUiText(page) {
  return (page.browser === 'firefox' ? firefox : chromium).vigieUiText(page.native);
}

// Clicks a button inside Vigie's UI by its visible text, with a real mouse click at its position.
export async function clickVigieButton(page, label) {
  const { x, y } = await (page.browser === 'firefox' ? firefox : chromium).vigieButtonCenter(page.native, label);
  await page.mouse.click(x, y);
}

// Moves the mouse over a Vigie button, by text or { className } (the badge: { className: 'badge' }).
export async function hoverVigieButton(page, label) {
  const { x, y } = await (page.browser === 'firefox' ? firefox : chromium).vigieButtonCenter(page.native, label);
  await page.mouse.move(x, y);
}

// What prefers-color-scheme answers in this page ('light' or 'dark'); in Firefox, in every page
// of the session.
export async function setColorScheme(page, scheme) {
  if (page.browser === 'firefox') await firefox.setColorScheme(page.native.browser(), scheme);
  else await page.native.emulateMedia({ colorScheme: scheme });
}

// The vigie-host processes the browser started for this session (found by their VIGIE_HOME; the
// ones hostRequests starts from this process are not the browser's).
export function hostPids(session) {
  const pids = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const exe = fs.readlinkSync(`/proc/${pid}/exe`);
      if (path.basename(exe) !== 'vigie-host') continue;
      const ppid = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
      if (ppid === process.pid) continue;
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (env.includes(`VIGIE_HOME=${session.home}`)) pids.push(Number(pid));
    } catch { /* gone or not ours */ }
  }
  return pids;
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// The server is shared by the tests of one file.
export async function withServer(t) {
  const server = await startFixtureServer();
  t.after(() => server.close());
  return server;
}

export function haveBrowser() {
  return BROWSER === 'firefox' ? firefox.haveFirefox() : chromium.haveChromium();
}
