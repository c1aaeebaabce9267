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

// series: [{label, values, color?, bars?, dash?, data?}]; x: category labels. `data: false` marks a
// reference line (a limit) that does not count as data. yMax pins the top of the scale (100 for a
// percentage), yUnit is appended to the y ticks. With no data at all, a sentence instead of empty axes.
export async function chart(container, { labels, series, headers, yMax, yUnit = '', empty }) {
  const rows = labels.map((l, i) => [l, ...series.map((s) => s.values[i])]);
  // A bar of 0 is nothing to show; a point at 0 (a rate of 0 %) is a value.
  const hasData = series.some((s) => s.data !== false && s.values.some((v) => v !== null && v !== undefined && (v !== 0 || !s.bars)));
  if (!hasData && empty) { container.replaceChildren(el('p', { class: 'empty' }, empty)); return; }
  const U = await lib();
  if (!U) { container.replaceChildren(tableEl(headers, rows)); return; }
  const width = Math.max(320, container.clientWidth || 640);
  const bars = U.paths.bars?.({ size: [0.7, 40] });
  const opts = {
    width, height: 220,
    // Half a category of room on each side: the first and last bars are whole, the last label fits.
    scales: { x: { time: false, range: () => [-0.5, labels.length - 0.5] }, y: { range: (_u, _min, max) => [0, yMax ?? Math.max(1, max * 1.1)] } },
    axes: [
      { stroke: css('--fg'), values: (_u, ticks) => ticks.map((i) => (Number.isInteger(i) ? labels[i] ?? '' : '')), grid: { stroke: css('--grid') } },
      { stroke: css('--fg'), grid: { stroke: css('--grid') }, values: (_u, ticks) => ticks.map((v) => `${v}${yUnit}`) },
    ],
    // The legend names the series (no live "Value: --"); the numbers are in the table below. A chart
    // of one series has its name in the heading above it: no legend repeating it.
    legend: { live: false, show: series.length > 1 },
    series: [{ label: headers[0] }, ...series.map((s) => ({ label: s.label, width: 2, stroke: s.color ?? css('--accent'), fill: s.bars ? s.color ?? css('--accent') : undefined, dash: s.dash, paths: s.bars ? bars : undefined, points: { show: !s.bars && !s.dash, size: 6 } }))],
  };
  container.replaceChildren();
  new U(opts, [labels.map((_, i) => i), ...series.map((s) => s.values)], container);
  // The numbers stay available to screen readers and keyboard users beside the canvas.
  container.append(el('details', {}, el('summary', {}, headers.join(' / ')), tableEl(headers, rows)));
}
