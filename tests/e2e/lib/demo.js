// `installer/demo.sh`: a Chromium or Firefox window with the extension and the host in a throwaway
// profile, on the bundled sample pages (the E2E fixture server), so a newcomer sees the badges, the
// warning and the dashboard in a minute without any account. Nothing of yours is touched: the
// profile, HOME, the database and the certificate live in a temporary folder removed at the end.
//   node tests/e2e/lib/demo.js [--browser chromium|firefox] [--headless] [--check]
//   --check  headless self-test: opens the fake-looking profile, waits for its badge, exits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startFixtureServer } from './fixture-server.js';
import * as chromium from './chromium.js';
import * as firefox from './firefox.js';
import { BUILD_DIR, CLI_BIN, EXTENSION_DIR, EXTENSION_ID, HOST_BIN, eventually, hostRequests } from './harness.js';

const argv = process.argv.slice(2);
const check = argv.includes('--check');
const headless = check || argv.includes('--headless');
const browserName = argv.includes('--browser') ? argv[argv.indexOf('--browser') + 1] : (process.env.VIGIE_BROWSER ?? 'chromium');
if (!['chromium', 'firefox'].includes(browserName)) { console.error(`demo: --browser chromium or firefox, not "${browserName}"`); process.exit(2); }
const ff = browserName === 'firefox';
const program = ff ? ['Firefox (firefox-esr)', firefox.FIREFOX] : ['Chromium', chromium.CHROMIUM];
for (const [what, file] of [['vigie-host', HOST_BIN], ['vigie', CLI_BIN], program]) {
  if (!fs.existsSync(file)) { console.error(`demo: ${what} not found at ${file} (build first, or install it: tests/deps.sh)`); process.exit(1); }
}
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('demo: no display (DISPLAY/WAYLAND_DISPLAY unset); run it in your desktop session, or with --check');
  process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-demo-'));
const profile = path.join(dir, 'profile');
fs.mkdirSync(profile);
const env = {
  ...process.env, HOME: dir, VIGIE_HOME: path.join(dir, 'vigie-home'), XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
  XDG_CACHE_HOME: path.join(dir, 'xdg-cache'), XDG_DATA_HOME: path.join(dir, 'xdg-data'), XDG_STATE_HOME: path.join(dir, 'xdg-state'),
};
const server = await startFixtureServer();
let close = async () => {};
const cleanup = async () => {
  await close().catch(() => {});
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
};
process.on('SIGINT', () => { cleanup().then(() => process.exit(130)); });

// The injected UI is in closed shadow roots: read it as the e2e harness does.
const uiText = (page) => (ff ? firefox : chromium).vigieUiText(page);

try {
  const where = ff ? ['--browser', firefox.GECKO_BROWSER] : ['--user-data-dir', profile];
  execFileSync(CLI_BIN, ['install', ...where, '--host-path', HOST_BIN], { env, stdio: 'ignore' });
  // A low daily limit and two sends already today, so the third Connect shows the warning.
  await hostRequests({ env }, [
    { type: 'settings.set', settings: { 'linkedin.free.daily_limit': 2 } },
    { type: 'invitation.sent', profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/claire-martin/', name: 'Claire Martin' }, note: 'Hello Claire' },
    { type: 'invitation.sent', profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/bruno-petit/', name: 'Bruno Petit' }, note: '' },
  ]);
  let start; let openDashboard; let closed;
  if (ff) {
    const { browser } = await firefox.launch({ dir, profile, env, server, extensionDir: EXTENSION_DIR, buildDir: BUILD_DIR, headless, viewport: headless ? undefined : null });
    close = () => browser.close();
    start = (await browser.pages())[0] ?? await browser.newPage();
    openDashboard = async () => {
      const dash = await browser.newPage();
      await browser.connection.send('browsingContext.navigate', { context: dash.mainFrame()._id, url: `${firefox.EXTENSION_ORIGIN}/dashboard.html`, wait: 'complete' });
    };
    closed = new Promise((resolve) => browser.on('disconnected', resolve));
  } else {
    const { context } = await chromium.launch({ profile, env, server, extensionDir: EXTENSION_DIR, headless, viewport: null });
    close = () => context.close();
    start = context.pages()[0] ?? await context.newPage();
    openDashboard = async () => { await (await context.newPage()).goto(`chrome-extension://${EXTENSION_ID}/dashboard.html`); };
    closed = new Promise((resolve) => context.on('close', resolve));
  }
  if (check) {
    await start.goto('https://www.linkedin.com/in/alex-fortune/');
    const badge = await eventually(async () => (await uiText(start)).find((x) => /medium|high/i.test(x)), { what: 'the badge' });
    console.log(`demo check (${browserName}): badge shown: ${badge.slice(0, 80)}`);
  } else {
    await start.goto('https://www.linkedin.com/');
    await openDashboard();
    await start.bringToFront();
    console.log(`Vigie demo: a ${program[0]} window is open on the sample pages (served from this machine as`);
    console.log('www.linkedin.com). Try the fake-looking profile, then Connect on Sophie Roux: the daily limit');
    console.log('is 2 and two invitations are already sent today. Close the window (or Ctrl-C) to end the demo.');
    await closed;
  }
} catch (e) {
  console.error(`demo: ${e.message}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
