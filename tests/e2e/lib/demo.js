// `installer/demo.sh`: a Chromium window with the extension and the host in a throwaway profile,
// on the bundled sample pages (the E2E fixture server), so a newcomer sees the badges, the
// warning and the dashboard in a minute without any account. Nothing of yours is touched: the
// profile, the database and the certificate live in a temporary folder removed at the end.
//   node tests/e2e/lib/demo.js [--headless] [--check]
//   --check  headless self-test: opens the fake-looking profile, waits for its badge, exits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFixtureServer } from './fixture-server.js';
import { CHROMIUM, CLI_BIN, EXTENSION_DIR, EXTENSION_ID, HOST_BIN, chromiumApi, eventually, hostRequests, vigieUiText } from './harness.js';
import { execFileSync } from 'node:child_process';

const check = process.argv.includes('--check');
const headless = check || process.argv.includes('--headless');
for (const [what, file] of [['vigie-host', HOST_BIN], ['vigie', CLI_BIN], ['Chromium', CHROMIUM]]) {
  if (!fs.existsSync(file)) { console.error(`demo: ${what} not found at ${file} (build first, or install chromium)`); process.exit(1); }
}
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('demo: no display (DISPLAY/WAYLAND_DISPLAY unset); run it in your desktop session, or with --check');
  process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-demo-'));
const profile = path.join(dir, 'profile');
const env = { ...process.env, VIGIE_HOME: path.join(dir, 'vigie-home'), XDG_CONFIG_HOME: path.join(dir, 'xdg-config'), XDG_CACHE_HOME: path.join(dir, 'xdg-cache') };
const server = await startFixtureServer();
let context;
const cleanup = async () => {
  await context?.close().catch(() => {});
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
};
process.on('SIGINT', () => { cleanup().then(() => process.exit(130)); });

try {
  execFileSync(CLI_BIN, ['install', '--user-data-dir', profile, '--host-path', HOST_BIN], { env, stdio: 'ignore' });
  // A low daily limit and two sends already today, so the third Connect shows the warning.
  await hostRequests({ env }, [
    { type: 'settings.set', settings: { 'linkedin.free.daily_limit': 2 } },
    { type: 'invitation.sent', profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/claire-martin/', name: 'Claire Martin' }, note: 'Hello Claire' },
    { type: 'invitation.sent', profile: { network: 'linkedin', profile_url: 'https://www.linkedin.com/in/bruno-petit/', name: 'Bruno Petit' }, note: '' },
  ]);
  const chromium = await chromiumApi();
  const args = [
    `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
    `--host-resolver-rules=MAP www.linkedin.com 127.0.0.1:${server.port}, MAP www.viadeo.com 127.0.0.1:${server.port}`,
    `--ignore-certificate-errors-spki-list=${server.spki}`, '--no-first-run', '--no-default-browser-check',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless, args, env, viewport: null });
  const start = context.pages()[0] ?? await context.newPage();
  if (check) {
    await start.goto('https://www.linkedin.com/in/alex-fortune/');
    const badge = await eventually(async () => (await vigieUiText(start)).find((x) => /medium|high/i.test(x)), { what: 'the badge' });
    console.log(`demo check: badge shown: ${badge.slice(0, 80)}`);
  } else {
    await start.goto('https://www.linkedin.com/');
    const dash = await context.newPage();
    await dash.goto(`chrome-extension://${EXTENSION_ID}/dashboard.html`);
    await start.bringToFront();
    console.log('Vigie demo: a Chromium window is open on the sample pages (served from this machine as');
    console.log('www.linkedin.com). Try the fake-looking profile, then Connect on Sophie Roux: the daily limit');
    console.log('is 2 and two invitations are already sent today. Close the window (or Ctrl-C) to end the demo.');
    await new Promise((resolve) => context.on('close', resolve));
  }
} catch (e) {
  console.error(`demo: ${e.message}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
