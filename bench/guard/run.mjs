/* global window, document, chrome */
// Click-to-decision time of the send guard in real Chromium (issue 10, part 7), next to an echo
// native host's round trip measured in the same run.
//
// The page is a real SDUI profile from tests/fixtures/real/ served as https://www.linkedin.com,
// with tests/e2e/lib/linkedin-mimic.js opening the saved invitation dialog in #interop-outlet's
// shadow root on Connect. Each sample clicks Connect and Send in one task, so the verdict cannot
// have been fetched before the click: the guard holds the click, asks the host, and replays it.
// Click-to-decision = Send dispatched → the page's own Send handler receives the click (the host
// said ok). Each sample invites another person (no duplicate_pending) under limits set high enough
// that every verdict is ok, and is followed by a 300 ms pause (the baselines get the same pause).
//   warm: worker running, host connected; Connect and Send in one task (the worst case: the
//         click is held and replayed after a full round trip).
//   cold: the same with the extension's service worker stopped first (its native port closes,
//         the host exits): worker restart + host spawn + hello + check.
//   human pace: Send clicked 300 ms after Connect (the check asked at the Connect click has
//         usually answered: the click goes through in its own task), warm and cold.
//   echo: bench/baselines/echo_host.c (cc -O2), registered as a second native host; from the
//         service worker, one message over an open port (warm) and connectNative → first reply
//         (cold). Also printed for context: vigie-host's invitation.check over a port of its own,
//         and the extension's message round trip (page → worker → page) that any content script
//         needs before it can reach a native host.
// Targets (issue 10): warm ≤ 3 × an echo host's round trip over the same path (page → worker → echo →
// back), cold ≤ 150 ms. Exit status 0 once measured (verdicts printed), 1 when it could not measure.
// usage: node bench/guard/run.mjs [--warm N] [--cold N]   (VIGIE_HOST_BIN / VIGIE_BUILD_DIR pick the host)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setPriority } from 'node:os';
import { EXTENSION_ID, HOST_BIN, ROOT, hostPids, hostRequests, openPage, startSession } from '../../tests/e2e/lib/harness.js';
import { startFixtureServer } from '../../tests/e2e/lib/fixture-server.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const WARM = arg('--warm', 30);
const COLD = arg('--cold', 10);
const WARM_RATIO = 3;
const COLD_BUDGET_MS = 150;
const PACE_MS = 300;
const CONNECT = 'a[href*="/preload/custom-invite/?vanityName="]';

// A timing taken while parallel compilers saturate the cores measures the scheduler: raise our
// priority when allowed (root); Chromium and the hosts it spawns inherit it.
try { setPriority(-15); } catch { console.warn('bench/guard: could not raise priority; timings may include contention'); }

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p10: q(0.1), p90: q(0.9), n: s.length };
};
const fmt = (v) => `${v.toFixed(2)} ms`;

if (!fs.existsSync(HOST_BIN)) {
  console.error(`bench/guard: no vigie-host at ${HOST_BIN} (cmake --build --preset default)`);
  process.exit(2);
}
const cleanups = [];
const fakeTest = { after: (fn) => cleanups.push(fn) };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-bench-guard-'));
const echo = path.join(tmp, 'echo_host');
execFileSync('cc', ['-O2', '-o', echo, path.join(ROOT, 'bench/baselines/echo_host.c')]);

const server = await startFixtureServer();
try {
  const fixture = Object.values(server.corpus).find((c) => c.kind === 'linkedin-profile' && c.layout === 'sdui' && fs.readFileSync(c.file, 'utf8').includes('/preload/custom-invite/?vanityName='));
  if (!fixture) throw new Error('bench/guard: no SDUI profile with a Connect link in tests/fixtures/real/');
  const session = await startSession(fakeTest, { server });
  const seeded = await hostRequests(session, [{ type: 'settings.set', settings: { 'linkedin.free.daily_limit': 10000, 'linkedin.free.weekly_limit': 10000 } }]);
  if (!seeded[0].ok) throw new Error(`settings.set: ${JSON.stringify(seeded[0])}`);
  const nmh = path.join(session.profile, 'NativeMessagingHosts');
  fs.mkdirSync(nmh, { recursive: true });
  fs.writeFileSync(path.join(nmh, 'org.vigie.echo.json'), JSON.stringify({
    name: 'org.vigie.echo', description: 'echo baseline', path: echo, type: 'stdio', allowed_origins: [`chrome-extension://${EXTENSION_ID}/`],
  }));

  const page = await openPage(session, fixture.url);
  await page.waitForFunction(() => window.__mimic);
  let n = 0;
  // One sample: a new person behind the Connect link, Connect + Send in one task, then the time
  // until the page's Send handler got the click.
  const sample = async () => {
    n += 1;
    const t0 = await page.evaluate(({ sel, i }) => {
      const a = document.querySelector(sel);
      a.setAttribute('href', `/preload/custom-invite/?vanityName=bench-person-${i}`);
      a.setAttribute('aria-label', `Zaproś użytkownika Bench${i} Person do nawiązania kontaktu`);
      return window.__mimic.connectAndSend(sel);
    }, { sel: CONNECT, i: n });
    await page.waitForFunction((k) => window.__mimic.sent.length >= k, n, { timeout: 10000 });
    const sent = await page.evaluate((k) => window.__mimic.sent[k - 1], n);
    if (sent.name !== `Bench${n} Person`) throw new Error(`unexpected send ${JSON.stringify(sent)}`);
    // Let the host commit the invitation.sent this send recorded before the next click: a user
    // does not click Connect again within the same millisecond, and the check would queue behind it.
    await page.waitForTimeout(300);
    return sent.at - t0;
  };

  // The same at a human pace: Send clicked PACE_MS after Connect (the check asked at the Connect
  // click has usually answered by then, so the decision is taken in the click's own task).
  const paced = async () => {
    n += 1;
    await page.evaluate(({ sel, i }) => {
      const a = document.querySelector(sel);
      a.setAttribute('href', `/preload/custom-invite/?vanityName=bench-person-${i}`);
      a.setAttribute('aria-label', `Zaproś użytkownika Bench${i} Person do nawiązania kontaktu`);
      a.click();
    }, { sel: CONNECT, i: n });
    await page.waitForTimeout(PACE_MS);
    const t0 = await page.evaluate(() => {
      const t = performance.now();
      window.__mimic.dialog().querySelector('.artdeco-modal__actionbar .artdeco-button--primary').click();
      return t;
    });
    await page.waitForFunction((k) => window.__mimic.sent.length >= k, n, { timeout: 10000 });
    const sent = await page.evaluate((k) => window.__mimic.sent[k - 1], n);
    if (sent.name !== `Bench${n} Person`) throw new Error(`unexpected send ${JSON.stringify(sent)}`);
    await page.waitForTimeout(300);
    return sent.at - t0;
  };

  // The worker and the host start with the page: let them settle, then warm up.
  await page.waitForTimeout(1500);
  for (let i = 0; i < 5; i++) await sample();
  const warm = [];
  for (let i = 0; i < WARM; i++) warm.push(await sample());
  const warmPaced = [];
  for (let i = 0; i < WARM; i++) warmPaced.push(await paced());

  // Cold: stop the extension's service worker (CDP); Chromium closes its native port and the
  // host exits. The next click wakes the worker, which spawns the host again.
  const cdp = await session.context.newCDPSession(page.native);
  await cdp.send('ServiceWorker.enable');
  const stopWorker = async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    const deadline = Date.now() + 10000;
    while (hostPids(session).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (hostPids(session).length) throw new Error('the host did not exit with the worker');
    await new Promise((r) => setTimeout(r, 200));
  };
  const cold = [];
  const coldPaced = [];
  for (let i = 0; i < COLD; i++) {
    await stopWorker();
    cold.push(await sample());
    await stopWorker();
    coldPaced.push(await paced());
  }
  // What the cold case costs once the extension's process is up: the same samples with one of the
  // extension's pages open, which keeps that renderer process alive across the worker's stop. The
  // difference to `cold` is Chromium launching a renderer for the woken worker, which no extension
  // controls (it is printed to explain the cold figure, not as a target).
  const keeper = await openPage(session, `chrome-extension://${EXTENSION_ID}/popup.html`);
  const coldAlive = [];
  for (let i = 0; i < COLD; i++) {
    await stopWorker();
    coldAlive.push(await sample());
  }
  await keeper.close();
  await cdp.detach();

  // The echo baseline, from the service worker (woken again by the last sample).
  const worker = session.context.serviceWorkers()[0] ?? await session.context.waitForEvent('serviceworker');
  // Baselines, each sample after the same pause as the guard's samples (a process woken after a
  // pause answers more slowly than one kept busy): echo_host over an open port (warm), its spawn
  // to first reply (cold), vigie-host's invitation.check over a port of its own, both from the
  // worker; and the extension's own message round trip (extension page → worker → back, a type
  // the worker answers itself), the hop a content script cannot avoid to reach any native host.
  const echoTimes = await worker.evaluate(async ({ runs, colds, pause }) => {
    const gap = () => new Promise((r) => setTimeout(r, pause));
    const once = (port, msg) => new Promise((resolve) => {
      const l = (m) => { port.onMessage.removeListener(l); resolve(m); };
      port.onMessage.addListener(l);
      port.postMessage(msg);
    });
    const coldTimes = [];
    for (let i = 0; i < colds; i++) {
      const t0 = performance.now();
      const port = chrome.runtime.connectNative('org.vigie.echo');
      await once(port, { id: i, type: 'hello' });
      coldTimes.push(performance.now() - t0);
      port.disconnect();
    }
    const roundTrips = async (name) => {
      const port = chrome.runtime.connectNative(name);
      await once(port, { id: 0, type: 'hello' });
      const times = [];
      for (let i = 0; i < runs + 5; i++) {
        await gap();
        const t0 = performance.now();
        await once(port, { id: i + 1, type: 'invitation.check', network: 'linkedin', profile_url: `https://www.linkedin.com/in/bench-rt-${i}/`, note: '' });
        if (i >= 5) times.push(performance.now() - t0);
      }
      port.disconnect();
      return times;
    };
    return { warmTimes: await roundTrips('org.vigie.echo'), coldTimes, hostTimes: await roundTrips('org.vigie.host') };
  }, { runs: WARM, colds: COLD, pause: 300 });
  const ext = await openPage(session, `chrome-extension://${EXTENSION_ID}/popup.html`);
  const messaging = await ext.evaluate(async ({ runs, pause }) => {
    const times = [];
    for (let i = 0; i < runs + 5; i++) {
      await new Promise((r) => setTimeout(r, pause));
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ type: 'bench.unknown' });
      if (i >= 5) times.push(performance.now() - t0);
    }
    return times;
  }, { runs: WARM, pause: 300 });

  const line = (name, xs, what) => {
    const v = stats(xs);
    console.log(`${name}: median ${fmt(v.median)} (p10 ${fmt(v.p10)}, p90 ${fmt(v.p90)}, n=${v.n}); ${what}`);
    return v.median;
  };
  const w = line('guard click-to-decision warm', warm, 'Send clicked in the task that opened the dialog (worst case), host ok, page got the click');
  const c = line('guard click-to-decision cold', cold, `same, service worker stopped and host not running; budget ${COLD_BUDGET_MS} ms`);
  line('guard click-to-decision warm, human pace', warmPaced, `Send clicked ${PACE_MS} ms after Connect`);
  line('guard click-to-decision cold, extension process alive', coldAlive, 'same as cold with an extension page open: the worker restarts in a running process (decomposition only)');
  const cp = line('guard click-to-decision cold, human pace', coldPaced, `Send clicked ${PACE_MS} ms after Connect, worker stopped before the Connect`);
  const e = line('echo host round trip warm', echoTimes.warmTimes, 'service worker <-> echo_host over an open port');
  // What a check costs with a host that does nothing: the page's hop to the worker and back plus
  // the echo's round trip, each measured above in this run. The guard's own cost is what it adds.
  const viaExt = stats(echoTimes.warmTimes).median + stats(messaging).median;
  console.log(`echo host round trip warm via the extension: median ${fmt(viaExt)}; extension message round trip + echo host round trip warm, the path any check takes`);
  line('echo host round trip cold', echoTimes.coldTimes, 'connectNative -> first reply, from the worker');
  line('vigie-host invitation.check round trip', echoTimes.hostTimes, 'service worker <-> vigie-host over an open port');
  line('extension message round trip', messaging, 'extension page -> service worker -> back, no host: the hop a content script needs to reach any host');
  console.log(`guard warm / echo warm: ${(w / e).toFixed(1)}x; guard warm / echo via the extension: ${(w / viaExt).toFixed(1)}x (target <= ${WARM_RATIO}x) ${w / viaExt <= WARM_RATIO ? 'PASS' : 'MISS'}; guard cold ${fmt(c)} (target <= ${COLD_BUDGET_MS} ms) ${c <= COLD_BUDGET_MS ? 'PASS' : 'MISS'}; human pace cold ${fmt(cp)} ${cp <= COLD_BUDGET_MS ? 'PASS' : 'MISS'}`);
  // Exit 0 once measured: the verdicts are in the output (bench/run reads them); 1 means it failed to measure.
} finally {
  for (const fn of cleanups.reverse()) await fn();
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
