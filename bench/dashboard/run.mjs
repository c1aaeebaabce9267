/* global document, window, MutationObserver, requestAnimationFrame */
// The dashboard at 100,000 invitations in real Chromium (issue 13), with the extension and the
// host of the e2e harness and a ledger seeded by the host's own import (tests/e2e/lib/seed.js).
// Prints:
//   dashboard first paint: navigation start → the first animation frame where the summary (today's
//     count) and the first page of the table are in the document; median of the reloads after a
//     first one (the host and the worker already up, as when the user opens it from the popup),
//     and the first, cold, load beside it. Target ≤ 1500 ms.
//   dashboard search keystroke: one character typed in the search box → the first animation frame
//     after the table was redrawn with the host's answer; printed beyond the search's 250 ms
//     debounce (the work) and in total. Target ≤ 100 ms beyond the debounce.
//   where the time goes: the host's answers as the page gets them (extension page → worker →
//     host → back): stats.get, the first page of invitations.list, and a text search.
// Exit status 0 once measured (verdicts are bench/run's), 1 when it could not measure.
// usage: node bench/dashboard/run.mjs [--invitations N] [--runs N]   (VIGIE_BUILD_DIR picks the host)
import fs from 'node:fs';
import { EXTENSION_ID, HOST_BIN, openPage, startSession } from '../../tests/e2e/lib/harness.js';
import { startFixtureServer } from '../../tests/e2e/lib/fixture-server.js';
import { SEED_ENV, seedLedger } from '../../tests/e2e/lib/seed.js';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('--invitations', 100_000);
const RUNS = arg('--runs', 7);
const DEBOUNCE_MS = 250;
const QUERY = 'marti'; // typed one key at a time: "m", "ma", ... each a search of the whole ledger

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), min: s[0], max: s[s.length - 1], n: s.length };
};
const fmt = (v) => `${v.toFixed(1)} ms`;
const line = (name, xs, what) => {
  const v = stats(xs);
  console.log(`${name}: median ${fmt(v.median)} (min ${fmt(v.min)}, max ${fmt(v.max)}, n=${v.n}); ${what}`);
};

if (!fs.existsSync(HOST_BIN)) {
  console.error(`bench/dashboard: no vigie-host at ${HOST_BIN} (cmake --build --preset default)`);
  process.exit(2);
}
const cleanups = [];
const server = await startFixtureServer();
try {
  const session = await startSession({ after: (fn) => cleanups.push(fn) }, { server, env: SEED_ENV });
  const t0 = Date.now();
  // 10,000 rows per host process: the harness's host helper gives each process 10 s.
  for (let done = 0; done < N; done += 10_000) await seedLedger(session, Math.min(10_000, N - done), { seed: 100 + done / 10_000, suspicious: done === 0, today: done === 0 ? 17 : 0 });
  console.log(`seeded ${N.toLocaleString('en')} invitations in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const url = `chrome-extension://${EXTENSION_ID}/dashboard.html`;
  const page = await openPage(session);
  // In the page, polled at every animation frame (Playwright's default): the time since navigation
  // start of the first frame with the summary and a table page.
  const painted = () => page.native.waitForFunction(() => {
    const ready = /\d/.test(document.querySelector('#today dd')?.textContent ?? '')
      && document.querySelectorAll('#invitations tbody tr').length > 0;
    return ready && performance.now();
  }, undefined, { timeout: 60000 }).then((h) => h.jsonValue());
  await page.goto(url);
  const cold = await painted();
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    warm.push(await painted());
  }
  line(`dashboard first paint, ${N.toLocaleString('en')} invitations`, warm, `navigation → summary and first table page in a frame; the first, cold load: ${fmt(cold)}`);

  // A keystroke: the input event → the frame after the table's rows were replaced.
  const keystroke = async (key) => {
    await page.native.evaluate(() => {
      const body = document.querySelector('#invitations tbody');
      window.__key = new Promise((resolve) => {
        let at = null;
        document.getElementById('search').addEventListener('input', () => { at = performance.now(); }, { once: true });
        const mo = new MutationObserver(() => {
          if (at === null) return;
          mo.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - at));
        });
        mo.observe(body, { childList: true });
        // The "no match" state hides the table instead of emptying it.
        mo.observe(document.getElementById('table-empty'), { attributes: true });
      });
    });
    await page.native.keyboard.type(key);
    return page.native.evaluate(() => window.__key);
  };
  const keys = [];
  for (let round = 0; round < Math.max(1, Math.ceil(RUNS / QUERY.length)); round++) {
    await page.reload();
    await painted();
    await page.native.focus('#search');
    for (const k of QUERY) keys.push(await keystroke(k));
  }
  line(`dashboard search keystroke, ${N.toLocaleString('en')} invitations`, keys.map((k) => k - DEBOUNCE_MS),
    `beyond the ${DEBOUNCE_MS} ms debounce ("${QUERY}" typed key by key); in total: median ${fmt(stats(keys).median)}`);

  // The host's share, asked as the dashboard asks it (extension page → worker → host → back).
  const calls = await page.native.evaluate(async ({ runs, query }) => {
    const { MSG, call } = await import('./src/pages/common.js');
    const time = async (fields) => {
      const out = [];
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        await call(...fields);
        out.push(performance.now() - t);
      }
      return out;
    };
    return {
      stats: await time([MSG.STATS_GET]),
      list: await time([MSG.INVITATIONS_LIST, { limit: 50, offset: 0, sort: 'created_at', order: 'desc' }]),
      search: await time([MSG.INVITATIONS_LIST, { limit: 50, offset: 0, sort: 'created_at', order: 'desc', text: query }]),
    };
  }, { runs: RUNS, query: QUERY });
  line('dashboard host stats.get', calls.stats, 'as the page gets it');
  line('dashboard host invitations.list, first page', calls.list, '50 rows, newest first, with the total');
  line(`dashboard host invitations.list, search "${QUERY}"`, calls.search, '50 rows and the total of the matches');
  await page.close();
} catch (e) {
  console.error(`bench/dashboard: ${e.stack ?? e.message}`);
  process.exitCode = 1;
} finally {
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
  await server.close();
}
