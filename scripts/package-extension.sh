#!/usr/bin/env bash
# The store packages of the extension, from one command (also: npm run package):
#   scripts/package-extension.sh [--out DIR]     (default DIR: dist/)
# writes
#   DIR/vigie-VERSION-chromium.zip  Chrome Web Store, Microsoft Edge Add-ons (Brave, Vivaldi and
#                                   Chromium install from the Chrome Web Store): manifest.json at the
#                                   root, no `key` (the store refuses it and assigns the id itself),
#                                   no Firefox-only keys;
#   DIR/vigie-VERSION-firefox.zip   addons.mozilla.org: the manifest CMake installs as
#                                   share/vigie/extension-firefox (no `key`, background.scripts only),
#                                   checked with `web-ext lint` as the site checks it.
# Only the files the extension loads go in (extension/ without keys, dot files or editor leftovers),
# with the pinned chart library (scripts/vendor.mjs). Same sources, same bytes: file dates are fixed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package-extension.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
cd "$root"
command -v zip >/dev/null || { echo "package-extension.sh: needs zip (sudo apt-get install zip)" >&2; exit 1; }

if [ -f node_modules/uplot/package.json ]; then node scripts/vendor.mjs; else node scripts/vendor.mjs --fetch; fi

version=$(node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).version)' \
  extension/manifest.json)
stage=$(mktemp -d); trap 'rm -rf "$stage"' EXIT
mkdir -p "$out"
out="$(cd "$out" && pwd)"

for flavour in chromium firefox; do
  dir="$stage/$flavour"
  mkdir -p "$dir"
  # Everything under extension/ but what is never part of a release.
  (cd extension && find . -type f ! -name '.*' ! -name '*~' ! -name '*.pem' ! -name '*.crx' ! -name '*.xpi' \
     ! -name 'PUBLIC_KEY_FOR_MANIFEST.txt' ! -path '*/test/*' ! -name '*.test.js' -print0 |
     xargs -0 cp --parents -t "$dir")
  node - "$dir/manifest.json" "$flavour" <<'JS'
const fs = require('fs');
const [file, flavour] = process.argv.slice(2);
const m = JSON.parse(fs.readFileSync(file, 'utf8'));
delete m.key;  // both stores give the id; the Chrome Web Store refuses a manifest with a key
if (flavour === 'chromium') {
  // Chrome runs the service worker; the other two are Firefox's.
  delete m.background.scripts;
  delete m.browser_specific_settings;
} else {
  delete m.background.service_worker;  // Firefox runs background.scripts as an event page
}
fs.writeFileSync(file, `${JSON.stringify(m, null, 2)}\n`);
JS
  zipfile="$out/vigie-$version-$flavour.zip"
  rm -f "$zipfile"
  find "$dir" -exec touch -h -d @315532800 {} +   # 1980-01-01: the zip carries no build date
  (cd "$dir" && find . -type f | sed 's#^\./##' | LC_ALL=C sort | zip -q -X -9 "$zipfile" -@)
  echo "wrote $zipfile ($(wc -c <"$zipfile") bytes)"
done

# addons.mozilla.org runs the same linter on upload: an error here is a rejection there.
webext="$root/node_modules/.bin/web-ext"
if [ -x "$webext" ]; then
  "$webext" lint --source-dir "$stage/firefox" --output text --no-config-discovery --warnings-as-errors=false
else
  echo "note: web-ext not installed (npm ci): the Firefox package was not linted" >&2
fi
