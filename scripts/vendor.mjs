// Copies the pinned chart library from node_modules into extension/vendor/ (gitignored), so the
// extension never loads code from a CDN and the repo never carries a minified third-party copy.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'extension', 'vendor');
const src = join(root, 'node_modules', 'uplot');
const { version } = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.uplot;
if (version !== pinned) {
  console.error(`uplot ${version} installed but package.json pins ${pinned}: run npm ci`);
  process.exit(1);
}

mkdirSync(out, { recursive: true });
for (const [from, to] of [['dist/uPlot.esm.js', 'uplot.esm.js'], ['dist/uPlot.min.css', 'uplot.min.css'], ['LICENSE', 'uplot.LICENSE']]) {
  copyFileSync(join(src, from), join(out, to));
}
writeFileSync(join(out, 'VERSIONS.json'), `${JSON.stringify({ uplot: version }, null, 2)}\n`);
console.log(`vendored uplot ${version} into extension/vendor/`);
