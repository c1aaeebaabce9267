// Copies the pinned chart library from node_modules into extension/vendor/ (gitignored), so the
// extension never loads code from a CDN and the repo never carries a minified third-party copy.
//   node scripts/vendor.mjs           copy from the project's node_modules (after `npm ci`)
//   node scripts/vendor.mjs --fetch   installer/install.sh: install only the vendored packages, at the
//                                     versions and integrity hashes of package-lock.json, into
//                                     build/vendor-npm (npm ci, no install scripts), then copy from there
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'extension', 'vendor');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.uplot;

// What the copy needs from npm: uplot, nothing else (it has no dependencies).
function fetchPinned() {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const entry = lock.packages?.['node_modules/uplot'];
  if (!entry || entry.version !== pinned || !entry.integrity) {
    throw new Error(`package-lock.json has no uplot ${pinned} with an integrity hash: run npm install uplot@${pinned}`);
  }
  const dir = join(root, 'build', 'vendor-npm');
  const installed = join(dir, 'node_modules', 'uplot', 'package.json');
  if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === pinned) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest = { name: 'vigie-vendor', version: '0.0.0', private: true, dependencies: { uplot: pinned } };
  const pkg = { ...entry };  // same version and integrity hash as the project's lock
  delete pkg.dev;  // a dependency here, not a devDependency
  const sub = {
    name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true,
    packages: { '': { name: manifest.name, version: manifest.version, dependencies: { uplot: pinned } }, 'node_modules/uplot': pkg },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(sub, null, 2)}\n`);
  console.log(`npm ci in ${dir} (uplot ${pinned}, integrity from package-lock.json)`);
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
  return dir;
}

let base = root;
try {
  if (process.argv.includes('--fetch')) base = fetchPinned();
} catch (e) {
  console.error(`vendor: ${e.message}`);
  process.exit(1);
}
const src = join(base, 'node_modules', 'uplot');
if (!existsSync(join(src, 'package.json'))) {
  console.error(`uplot is not in ${join(base, 'node_modules')}: run npm ci (or node scripts/vendor.mjs --fetch)`);
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));
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
