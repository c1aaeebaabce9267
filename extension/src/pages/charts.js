// Charts with the vendored uPlot (npm run vendor). The vendor folder is not in the repo, so when
// it is missing every chart becomes a plain table with the same numbers.
import { el } from './common.js';

let uplot;
async function lib() {
  if (uplot === undefined) {
    try {
      uplot = (await import('../../vendor/uplot.esm.js')).default;
      document.head.append(el('link', { rel: 'stylesheet', href: new URL('../../vendor/uplot.min.css', import.meta.url).href }));
    } catch {
      uplot = null;
    }
  }
  return uplot;
}

export const tableEl = (headers, rows) => el('table', { class: 'data' },
  el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
  el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, String(c ?? '–')))))));

const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

// series: [{label, values, color?, bars?, dash?}]; x: category labels.
export async function chart(container, { labels, series, headers }) {
  const U = await lib();
  const rows = labels.map((l, i) => [l, ...series.map((s) => s.values[i])]);
  if (!U) { container.replaceChildren(tableEl(headers, rows)); return; }
  const width = Math.max(320, container.clientWidth || 640);
  const bars = U.paths.bars?.({ size: [0.7, 40] });
  const opts = {
    width, height: 220,
    scales: { x: { time: false } },
    axes: [
      { stroke: css('--fg'), values: (_u, ticks) => ticks.map((i) => labels[i] ?? ''), grid: { stroke: css('--grid') } },
      { stroke: css('--fg'), grid: { stroke: css('--grid') } },
    ],
    series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color ?? css('--accent'), fill: s.bars ? s.color ?? css('--accent') : undefined, dash: s.dash, paths: s.bars ? bars : undefined, points: { show: false } }))],
  };
  container.replaceChildren();
  new U(opts, [labels.map((_, i) => i), ...series.map((s) => s.values)], container);
  // The numbers stay available to screen readers and keyboard users beside the canvas.
  container.append(el('details', {}, el('summary', {}, headers.join(' / ')), tableEl(headers, rows)));
}
