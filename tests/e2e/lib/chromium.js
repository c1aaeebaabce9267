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

export function chromiumArgs({ server, extensionDir }) {
  const args = [
    `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
    `--host-resolver-rules=MAP www.linkedin.com 127.0.0.1:${server.port}, MAP www.viadeo.com 127.0.0.1:${server.port}`,
    `--ignore-certificate-errors-spki-list=${server.spki}`,
    '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--lang=en-US',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

export async function launch({ profile, env, server, extensionDir, headless = true, viewport = { width: 1280, height: 900 } }) {
  const chromium = await chromiumApi();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless, args: chromiumArgs({ server, extensionDir }), env, viewport, locale: 'en-US',
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

// A real mouse click at the button's position.
export async function clickVigieButton(page, label) {
  const { cdp, hosts } = await vigieNodes(page);
  try {
    const found = [];
    const walk = (n) => {
      if (n.nodeName === 'BUTTON' && textOf(n).trim() === label) found.push(n);
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) walk(c);
    };
    hosts.forEach(walk);
    if (!found.length) throw new Error(`no Vigie button "${label}"`);
    // The first one a person can see (a badge's buttons are hidden until it is hovered or
    // focused), scrolled into view: the mouse clicks in the viewport.
    for (const button of found) {
      try {
        await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: button.backendNodeId });
        const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId });
        const [x1, y1, , , x3, y3] = model.content;
        await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
        return;
      } catch { /* not rendered: the next one */ }
    }
    throw new Error(`no visible Vigie button "${label}"`);
  } finally {
    await cdp.detach();
  }
}

export function haveChromium() {
  try { execFileSync(CHROMIUM, ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
}
