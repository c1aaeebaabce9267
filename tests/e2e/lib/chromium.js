// The Chromium driver of the end-to-end harness: Debian's Chromium driven by playwright-core, the
// unpacked extension loaded from the source folder (its manifest `key` fixes the id), the host
// registered in the profile's NativeMessagingHosts, the fixture server reached through
// --host-resolver-rules with its certificate trusted by SPKI.
import { execFileSync } from 'node:child_process';

export const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/lib/chromium/chromium';

export async function chromiumApi() {
  const { chromium } = await import('playwright-core');
  return chromium;
}

// lang: the browser's UI language (`en-US`, `fr`...): the extension's words follow it.
export function chromiumArgs({ server, extensionDir, lang = 'en-US' }) {
  const args = [
    `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
    `--host-resolver-rules=MAP www.linkedin.com 127.0.0.1:${server.port}, MAP www.viadeo.com 127.0.0.1:${server.port}`,
    `--ignore-certificate-errors-spki-list=${server.spki}`,
    '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--lang=${lang}`,
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

// colorScheme: 'light' or 'dark', what prefers-color-scheme answers in every page.
export async function launch({ profile, env, server, extensionDir, headless = true, viewport = { width: 1280, height: 900 }, lang = 'en-US', colorScheme = 'light' }) {
  const chromium = await chromiumApi();
  // Chromium on Linux picks its UI language from LANGUAGE before --lang.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless, args: chromiumArgs({ server, extensionDir, lang }), env: { ...env, LANGUAGE: lang.replace('-', '_') },
    viewport, locale: lang, colorScheme,
  });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 15000 });
  return { context, worker };
}

// The extension's injected UI lives in closed shadow roots (the page cannot reach it, nor can
// Playwright's locators). CDP's DOM domain with pierce:true can: it is how the user sees it.
async function vigieNodes(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const hosts = [];
    const walk = (n) => {
      if (n.attributes && n.attributes.includes('data-vigie')) hosts.push(n);
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
    };
    walk(root);
    return { cdp, hosts };
  } catch (e) { await cdp.detach(); throw e; }
}

function textOf(n) {
  if (n.nodeType === 3) return n.nodeValue;
  if (n.nodeName === 'STYLE') return '';
  return [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join(' ');
}

export async function vigieUiText(page) {
  const { cdp, hosts } = await vigieNodes(page);
  await cdp.detach();
  return hosts.map((h) => textOf(h).replace(/\s+/g, ' ').trim());
}

// The centre of the first visible Vigie button whose text is `label` (or, for { className },
// whose class list has it), scrolled into view, in the viewport's coordinates.
export async function vigieButtonCenter(page, label) {
  const { cdp, hosts } = await vigieNodes(page);
  try {
    const found = [];
    const classes = (n) => { const a = n.attributes ?? []; const i = a.indexOf('class'); return i >= 0 ? a[i + 1].split(/\s+/) : []; };
    const matches = (n) => (typeof label === 'string' ? textOf(n).trim() === label : classes(n).includes(label.className));
    const walk = (n) => {
      if (n.nodeName === 'BUTTON' && matches(n)) found.push(n);
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c);
    };
    hosts.forEach(walk);
    if (!found.length) throw new Error(`no Vigie button ${JSON.stringify(label)}`);
    // The first one a person can see (a badge's buttons are hidden until it is hovered or
    // focused), scrolled into view: the mouse acts in the viewport.
    for (const button of found) {
      try {
        await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId });
        const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId });
        const [x1, y1, , , x3, y3] = model.content;
        return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
      } catch { /* not rendered: the next one */ }
    }
    throw new Error(`no visible Vigie button ${JSON.stringify(label)}`);
  } finally {
    await cdp.detach();
  }
}

export function haveChromium() {
  try { execFileSync(CHROMIUM, ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
}
