// End-to-end harness: Debian's Chromium (headless, driven by playwright-core) with the unpacked
// extension, the freshly built vigie-host registered in the test profile's NativeMessagingHosts
// by `vigie install --user-data-dir`, and fixture pages served as https://www.linkedin.com and
// https://www.viadeo.com by a local HTTPS server (127.0.0.1 only, self-signed certificate made
// with openssl at start). Each test gets its own profile, VIGIE_HOME and XDG folders.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from './fixture-server.js';

const run = promisify(execFile);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const EXTENSION_DIR = process.env.VIGIE_EXTENSION_DIR ?? path.join(ROOT, 'extension');
export const BUILD_DIR = process.env.VIGIE_BUILD_DIR ?? path.join(ROOT, 'build/default/host');
export const HOST_BIN = process.env.VIGIE_HOST_BIN ?? path.join(BUILD_DIR, 'vigie-host');
export const CLI_BIN = process.env.VIGIE_CLI_BIN ?? path.join(BUILD_DIR, 'vigie');
export const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/lib/chromium/chromium';
export const ARTIFACTS = path.resolve(process.env.VIGIE_ARTIFACTS ?? path.join(ROOT, 'test-artifacts'), 'e2e');
const IDS = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest/extension-ids.json'), 'utf8'));
export const EXTENSION_ID = IDS.chromium[0];

// The id Chromium derives from the manifest's key: the test proves the two agree.
export function idFromKey(key) {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export async function chromiumApi() {
  const { chromium } = await import('playwright-core');
  return chromium;
}

// One browser session with its own everything.
export async function startSession(t, { register = true, server } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-e2e-'));
  const profile = path.join(dir, 'profile');
  const home = path.join(dir, 'vigie-home');
  fs.mkdirSync(profile, { recursive: true });
  const env = {
    ...process.env,
    VIGIE_HOME: home,
    XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
    XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
    HOME: dir,
  };
  const session = {
    dir, profile, home, env, server,
    async register() {
      await run(CLI_BIN, ['install', '--user-data-dir', profile, '--host-path', HOST_BIN], { env });
    },
  };
  if (register) await session.register();
  const chromium = await chromiumApi();
  const args = [
    `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
    `--host-resolver-rules=MAP www.linkedin.com 127.0.0.1:${server.port}, MAP www.viadeo.com 127.0.0.1:${server.port}`,
    `--ignore-certificate-errors-spki-list=${server.spki}`,
    '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--lang=en-US',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  session.context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args, env, viewport: { width: 1280, height: 900 }, locale: 'en-US',
  });
  session.worker = session.context.serviceWorkers()[0] ?? await session.context.waitForEvent('serviceworker', { timeout: 15000 });
  t.after(async () => {
    await session.context.close().catch(() => {});
    if (!process.env.VIGIE_E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  });
  return session;
}

export async function openPage(session, url) {
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
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

// The extension's injected UI lives in closed shadow roots (the page cannot reach it, nor can
// Playwright's locators). CDP's DOM domain with pierce:true can: it is how the user sees it.
async function vigieNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const hosts = [];
    const walk = (n, inside) => {
      const isHost = n.attributes && n.attributes.includes('data-vigie');
      if (isHost) hosts.push(n);
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c, inside || isHost);
    };
    walk(root, false);
    return { cdp, hosts };
  } catch (e) { await cdp.detach(); throw e; }
}

function textOf(n) {
  if (n.nodeType === 3) return n.nodeValue;
  if (n.nodeName === 'STYLE') return '';
  return [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join(' ');
}

// The text of every piece of Vigie UI on the page (badges with their reasons, dialogs).
export async function vigieUiText(page) {
  const { cdp, hosts } = await vigieNodes(page);
  await cdp.detach();
  return hosts.map((h) => textOf(h).replace(/\s+/g, ' ').trim());
}

// Clicks a button inside Vigie's UI by its visible text, with a real mouse click at its position.
export async function clickVigieButton(page, label) {
  const { cdp, hosts } = await vigieNodes(page);
  try {
    let found = null;
    const walk = (n) => {
      if (found) return;
      if (n.nodeName === 'BUTTON' && textOf(n).trim() === label) { found = n; return; }
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c);
    };
    hosts.forEach(walk);
    if (!found) throw new Error(`no Vigie button "${label}"`);
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: found.backendNodeId });
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

// The vigie-host processes serving this session (found by their VIGIE_HOME), for the kill test.
export function hostPids(session) {
  const pids = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const exe = fs.readlinkSync(`/proc/${pid}/exe`);
      if (path.basename(exe) !== 'vigie-host') continue;
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
  try { execFileSync(CHROMIUM, ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
}
