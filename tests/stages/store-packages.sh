#!/usr/bin/env bash
# scripts/package-extension.sh: the two store zips. Each has manifest.json at its root, valid for its
# store (no `key`; Chromium: the service worker only; Firefox: background.scripts and the gecko id),
# every file the manifest and the pages name, the chart library, and nothing that git does not ship
# in extension/ (no test files, keys or dot files); two runs give the same bytes.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. tests/support/checks.sh

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
version=$(node -p 'JSON.parse(require("fs").readFileSync("extension/manifest.json", "utf8")).version')
if bash scripts/package-extension.sh --out "$tmp/a" >"$tmp/log" 2>&1; then
  ok "package-extension.sh succeeds (web-ext lint included)"
else
  ko "package-extension.sh succeeds (web-ext lint included)"; cat "$tmp/log"; finish
fi
check "web-ext lint reports 0 errors for the Firefox zip" grep -Eq '^errors +0' "$tmp/log"
bash scripts/package-extension.sh --out "$tmp/b" >/dev/null 2>&1

# What may ship: the files git tracks under extension/ and the vendored library.
{ git ls-files extension | sed 's#^extension/##'
  printf '%s\n' vendor/uplot.esm.js vendor/uplot.min.css vendor/uplot.LICENSE vendor/VERSIONS.json; } |
  LC_ALL=C sort -u >"$tmp/allowed"

for flavour in chromium firefox; do
  zip="$tmp/a/vigie-$version-$flavour.zip"
  check "$flavour: dist name vigie-$version-$flavour.zip" test -f "$zip"
  [ -f "$zip" ] || continue
  unzip -Z1 "$zip" | LC_ALL=C sort >"$tmp/$flavour.list"
  mkdir -p "$tmp/x/$flavour" && unzip -q "$zip" -d "$tmp/x/$flavour"
  check "$flavour: manifest.json at the root of the zip" grep -qx manifest.json "$tmp/$flavour.list"
  check "$flavour: ships the chart library (vendor/uplot.esm.js)" grep -qx vendor/uplot.esm.js "$tmp/$flavour.list"
  check "$flavour: nothing but the extension's own files (no tests, keys, dot files)" \
    bash -c 'extra=$(LC_ALL=C comm -23 "$1" "$2"); [ -z "$extra" ] || { echo "extra: $extra"; false; }' _ "$tmp/$flavour.list" "$tmp/allowed"
  check "$flavour: every file of extension/ is in the zip" \
    bash -c 'missing=$(LC_ALL=C comm -13 "$1" "$2"); [ -z "$missing" ] || { echo "missing: $missing"; false; }' _ "$tmp/$flavour.list" "$tmp/allowed"
  check "$flavour: same bytes on a second run" cmp -s "$zip" "$tmp/b/vigie-$version-$flavour.zip"
  # The manifest: valid JSON for this store, and every file it or the pages name is in the zip.
  check "$flavour: manifest valid for its store, every file it and the pages name present" \
    node - "$tmp/x/$flavour" "$flavour" "$version" <<'JS'
const fs = require('fs'), path = require('path');
const [dir, flavour, version] = process.argv.slice(2);
const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const problems = [];
const need = (cond, what) => { if (!cond) problems.push(what); };
need(m.manifest_version === 3, 'manifest_version 3');
need(m.version === version, `version ${version}`);
need(!('key' in m), 'no key');
if (flavour === 'chromium') {
  need(typeof m.background?.service_worker === 'string' && !m.background.scripts, 'service_worker only');
  need(!m.browser_specific_settings, 'no browser_specific_settings');
} else {
  need(Array.isArray(m.background?.scripts) && !m.background.service_worker, 'background.scripts only');
  need(m.browser_specific_settings?.gecko?.id === 'vigie@vigie.org', 'gecko id');
}
const files = [
  m.background.service_worker, ...(m.background.scripts ?? []), m.action.default_popup, m.options_ui.page,
  ...Object.values(m.icons), ...Object.values(m.action.default_icon), ...m.content_scripts.flatMap((c) => c.js),
  `_locales/${m.default_locale}/messages.json`,
].filter(Boolean);
for (const page of [m.action.default_popup, m.options_ui.page, 'dashboard.html']) {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  for (const [, ref] of html.matchAll(/(?:src|href)="([^"#:]+)"/g)) files.push(path.join(path.dirname(page), ref));
}
for (const f of files) need(fs.existsSync(path.join(dir, f)), `file ${f}`);
if (problems.length) { console.error(`${flavour}: missing or wrong: ${problems.join(', ')}`); process.exit(1); }
JS
done
finish
