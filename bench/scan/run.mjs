/* global document */
// Times the received-invitations scan on a 1,000-card page in real Chromium (budget: 20 ms median).
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { chromium } from 'playwright-core';
import { invitationPage } from './generate.mjs';

const CARDS = Number(process.env.CARDS ?? 1000);
const RUNS = Number(process.env.RUNS ?? 60);
const BUDGET_MS = 20;
const files = ['common.js', 'linkedin-lists.js'].map((f) => readFileSync(new URL(`../../extension/src/content/extract/${f}`, import.meta.url), 'utf8'));

// A timing taken while parallel compilers saturate the cores measures the scheduler, not the scan:
// raise our priority when allowed (root), and Chromium inherits it.
try {
  setPriority(-15);
} catch {
  console.warn('bench: could not raise priority; timings may include contention');
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/lib/chromium/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage();
  await page.setContent(invitationPage(CARDS));
  for (const content of files) await page.addScriptTag({ content });
  const result = await page.evaluate(({ runs }) => {
    const x = globalThis.__vigie.extract;
    const times = [];
    let count = 0;
    for (let i = 0; i < runs + 5; i++) {
      const t0 = performance.now();
      const r = x.extractReceivedInvitations(document);
      const dt = performance.now() - t0;
      count = r.invitations.length;
      if (i >= 5) times.push(dt); // the first runs warm up the JIT
    }
    times.sort((a, b) => a - b);
    return { count, median: times[times.length >> 1], min: times[0], max: times[times.length - 1] };
  }, { runs: RUNS });
  if (result.count !== CARDS) throw new Error(`scan found ${result.count} cards, expected ${CARDS}`);
  console.log(`scan: ${CARDS} received-invitation cards, ${RUNS} runs: median ${result.median.toFixed(2)} ms (min ${result.min.toFixed(2)}, max ${result.max.toFixed(2)}), budget ${BUDGET_MS} ms`);
  if (result.median > BUDGET_MS) process.exitCode = 1;
} finally {
  await browser.close();
}
