// The Firefox driver of the end-to-end harness: Debian's firefox-esr driven by puppeteer-core over
// WebDriver BiDi. The extension is installed as a temporary add-on (BiDi webExtension.install)
// from a copy with Firefox's manifest (scripts/extension-for.mjs); the host is found through the
// throwaway HOME's ~/.mozilla/native-messaging-hosts; every host name resolves to 127.0.0.1 and
// port 443 goes to the fixture server, so the pages load as https://www.linkedin.com.
import fs from 'node:fs';
import path from 'node:path';

export const FIREFOX = process.env.VIGIE_FIREFOX ?? '/usr/lib/firefox-esr/firefox-esr';
export const ADDON_ID = 'vigie@vigie.org';
// LibreWolf (VIGIE_FIREFOX=/usr/share/librewolf/librewolf) reads ~/.librewolf/native-messaging-hosts.
export const GECKO_BROWSER = /librewolf/i.test(path.basename(FIREFOX)) ? 'librewolf' : 'firefox';
// Fixed so that the extension's pages have a known address (pref extensions.webextensions.uuids).
export const EXTENSION_UUID = '5b1e1d1e-7a6c-4c3e-9f1a-76696769650a';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

// extension/ with the manifest made for Firefox at configure time, in a folder of this session.
export function firefoxExtension(into, extensionDir, buildDir) {
  const manifest = path.join(buildDir, '..', 'extension-firefox', 'manifest.json');
  if (!fs.existsSync(manifest)) throw new Error(`${manifest} is missing: configure the build first (cmake --preset default)`);
  fs.rmSync(into, { recursive: true, force: true });
  fs.cpSync(extensionDir, into, { recursive: true });
  fs.copyFileSync(manifest, path.join(into, 'manifest.json'));
  return into;
}

// lang: the requested UI language (the extension's words follow it only when Firefox has that
// language pack; without it Firefox stays in en-US). colorScheme: what prefers-color-scheme
// answers in every page ('light' or 'dark').
export function prefs({ server, idleTimeout, lang = 'en-US', colorScheme = 'light' }) {
  const p = {
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
    'network.dns.forceResolve': '127.0.0.1',
    'network.socket.forcePort': `443=${server.port}`,
    'network.dns.disableIPv6': true,
    'network.trr.mode': 5,
    'intl.locale.requested': lang,
    'intl.accept_languages': lang === 'en-US' ? 'en-US, en' : `${lang}, en`,
    'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
    // Granting an optional or revoked host permission without a door-hanger nobody can click.
    'extensions.webextOptionalPermissionPrompts': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'app.update.enabled': false,
  };
  if (idleTimeout !== undefined) p['extensions.background.idle.timeout'] = idleTimeout;
  return p;
}

export async function launch({ dir, profile, env, server, idleTimeout, extensionDir, buildDir, headless = true, viewport = { width: 1280, height: 900 }, lang, colorScheme }) {
  const { default: puppeteer } = await import('puppeteer-core');
  const ext = firefoxExtension(path.join(dir, 'extension-firefox'), extensionDir, buildDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless,
    userDataDir: profile,
    env,
    acceptInsecureCerts: true,
    // Lets BiDi open moz-extension:// pages (popup, dashboard) and read the add-on's state.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs({ server, idleTimeout, lang, colorScheme }),
    defaultViewport: viewport,
    protocolTimeout: 60000,
  });
  await browser.installExtension(ext);
  return { browser, extensionDir: ext };
}

const bidi = (page) => page.browser().connection;
const contextOf = (page) => page.mainFrame()._id;

// Closed shadow roots, read as WebDriver BiDi does (serializationOptions.includeShadowTree): the
// roots of every Vigie host ([data-vigie]) come back as references usable in later calls.
async function vigieRoots(page) {
  const { result } = await bidi(page).send('script.evaluate', {
    expression: '[...document.querySelectorAll("[data-vigie]")]',
    target: { context: contextOf(page) },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  if (result.type === 'exception') throw new Error(`reading Vigie's UI: ${JSON.stringify(result.exceptionDetails?.text)}`);
  return (result.result.value ?? []).map((node) => node.value?.shadowRoot).filter((r) => r?.sharedId);
}

async function callOnRoots(page, fn, roots, extra = []) {
  const { result } = await bidi(page).send('script.callFunction', {
    functionDeclaration: fn.toString(),
    target: { context: contextOf(page) },
    awaitPromise: false,
    arguments: [...extra, ...roots.map((r) => ({ sharedId: r.sharedId }))],
  });
  if (result.type === 'exception') throw new Error(`in Vigie's UI: ${result.exceptionDetails?.text}`);
  return result.result;
}

export async function vigieUiText(page) {
  const roots = await vigieRoots(page);
  if (!roots.length) return [];
  const r = await callOnRoots(page, (...rs) => {
    const textOf = (n) => (n.nodeType === 3 ? n.nodeValue : n.nodeName === 'STYLE' ? '' : [...n.childNodes].map(textOf).join(' '));
    return JSON.stringify(rs.map((root) => textOf(root).replace(/\s+/g, ' ').trim()));
  }, roots);
  return JSON.parse(r.value);
}

// The centre of the first Vigie button whose text is `label` (or, for { className }, whose class
// list has it), in the page's coordinates.
export async function vigieButtonCenter(page, label) {
  const roots = await vigieRoots(page);
  const r = await callOnRoots(page, (wanted, ...rs) => {
    for (const root of rs) {
      for (const b of root.querySelectorAll('button')) {
        if (typeof wanted === 'string' ? b.textContent.trim() !== wanted : !b.classList.contains(wanted.className)) continue;
        // The first one a person can see (a badge's buttons are hidden until hovered or focused),
        // scrolled into view: the mouse acts in the viewport.
        if (!b.getClientRects().length) continue;
        b.scrollIntoView({ block: 'center' });
        const box = b.getBoundingClientRect();
        return JSON.stringify({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
      }
    }
    return null;
  }, roots, [typeof label === 'string' ? { type: 'string', value: label }
    : { type: 'object', value: [['className', { type: 'string', value: label.className }]] }]);
  if (r.type !== 'string') throw new Error(`no Vigie button ${JSON.stringify(label)}`);
  return JSON.parse(r.value);
}

// What prefers-color-scheme answers in every page from now on ('light' or 'dark').
export const setColorScheme = (browser, scheme) =>
  chromeEval(browser, `Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1}); 1`);

// Privileged (chrome-scope) evaluation: the add-on's background state and permissions, which no
// web page or WebDriver command shows. Needs --remote-allow-system-access.
export async function chromeEval(browser, expression) {
  const conn = browser.connection;
  const { result: { contexts } } = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const { result } = await conn.send('script.evaluate', {
    expression, target: { context: contexts[0].context }, awaitPromise: true,
  });
  if (result.type === 'exception') throw new Error(`chrome scope: ${result.exceptionDetails?.text}`);
  return result.result.value;
}

// "running", "suspending", "stopped"... of the add-on's event page.
export const backgroundState = (browser) =>
  chromeEval(browser, `String(WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)})?.extension?.backgroundState ?? 'none')`);

// What the user does with "Permissions" in about:addons (or the origin controls of the toolbar):
// the add-on's host permissions removed, so no content script runs on those sites any more.
export function revokeHostPermissions(browser, origins = ['https://*.linkedin.com/*', 'https://*.viadeo.com/*']) {
  return chromeEval(browser, `(async () => {
    const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
    const extension = WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension;
    await ExtensionPermissions.remove(${JSON.stringify(ADDON_ID)}, { permissions: [], origins: ${JSON.stringify(origins)} }, extension);
    return WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).allowedOrigins.patterns.map((p) => p.pattern).join(' ');
  })()`);
}

export function haveFirefox() {
  return fs.existsSync(FIREFOX);
}

// What Firefox said while reading the add-on's manifest (the Browser Console's "Reading manifest:"
// warnings and errors).
export function manifestWarnings(browser) {
  return chromeEval(browser, `JSON.stringify(Services.console.getMessageArray()
    .map((m) => String(m.message ?? m)).filter((m) => /Reading manifest/i.test(m)))`).then(JSON.parse);
}
