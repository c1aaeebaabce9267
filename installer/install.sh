#!/usr/bin/env bash
# Vigie from a fresh clone to a registered host in one command:
#   installer/install.sh [--prefix DIR] [--skip-deps] [--browser NAME]...
# 1. installs the build dependencies with apt (tests/deps.sh --build-only),
# 2. copies the pinned chart library into the extension (scripts/vendor.mjs),
# 3. builds in Release (cmake --preset release),
# 4. installs vigie, vigie-host, the lexicons and the extension under PREFIX
#    (default ~/.local),
# 5. registers the host with your browsers (vigie install) and checks it
#    (vigie doctor); no browser yet is a warning, not a failure,
# 6. tells you where the installed extension is and how to load it.
# Safe to run again: every step replaces what the previous run installed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$HOME/.local"
skip_deps=0
browsers=()
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --skip-deps) skip_deps=1; shift ;;
    --browser) browsers+=(--browser "$2"); shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
step() { printf '\n==> %s\n' "$*"; }

if [ $skip_deps = 0 ]; then
  step "Build dependencies (apt packages; sudo may ask for your password)"
  bash "$root/tests/deps.sh" --build-only
fi

step "Chart library (uplot, pinned in package-lock.json, copied into extension/vendor)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "install.sh: node and npm are needed to copy the chart library into the extension." >&2
  echo "  Run without --skip-deps, or install them: sudo apt-get install nodejs npm" >&2
  exit 1
fi
node "$root/scripts/vendor.mjs" --fetch

step "Building in Release (cmake --preset release, in $root/build/release)"
cd "$root"
cmake --preset release -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build --preset release

step "Installing into $prefix"
cmake --install build/release --prefix "$prefix" | sed -n 's/^-- Installing: /   /p; s/^-- Up-to-date: /   /p'
# Our list of what was installed, for installer/uninstall.sh.
mkdir -p "$prefix/share/vigie"
cp build/release/install_manifest.txt "$prefix/share/vigie/installed-files.txt"

ext="$prefix/share/vigie/extension"
# Firefox gets the same files with its own manifest (made by CMake at install: no Chromium `key`).
ext_firefox="$prefix/share/vigie/extension-firefox"
if [ ! -f "$ext/vendor/uplot.esm.js" ] || [ ! -f "$ext_firefox/vendor/uplot.esm.js" ]; then
  echo "install.sh: the installed extension has no chart library ($ext/vendor/uplot.esm.js missing)" >&2
  exit 1
fi

vigie="$prefix/bin/vigie"
# The commands we print: plain `vigie` when PREFIX/bin is on PATH, else the full path.
case ":$PATH:" in
  *":$prefix/bin:"*) vigie_cmd=vigie; on_path=1 ;;
  *) vigie_cmd="$vigie"; on_path=0 ;;
esac

step "Registering vigie-host with your browsers"
# `vigie install` finds every browser that has a profile folder or whose program is on PATH
# (installed but never started), and creates the folder it reads manifests from.
set +e
"$vigie" install "${browsers[@]+"${browsers[@]}"}"
rc=$?
set -e
registered=1
if [ $rc -eq 3 ] && [ ${#browsers[@]} -eq 0 ]; then
  registered=0
  echo "Warning: no browser found (Chromium, Chrome, Brave, Edge, Vivaldi, Firefox or LibreWolf)." >&2
  echo "  Vigie is installed; once you have installed a browser, run: $vigie_cmd install" >&2
  echo "  (or register one now by name: $vigie_cmd install --browser chromium)" >&2
elif [ $rc -ne 0 ]; then
  exit $rc
fi

if [ $registered = 1 ]; then
  step "Checking (vigie doctor)"
  "$vigie" doctor
fi

cat <<MSG

==> Done. Last step, in your browser: load the extension installed in
      $ext

    Chromium, Chrome, Brave, Edge, Vivaldi:
      1. open chrome://extensions (brave://extensions, edge://extensions)
      2. switch on "Developer mode" (top right)
      3. click "Load unpacked" and choose $ext
      Debian's Chromium for good (no developer mode, kept across restarts):
        sudo bash $root/installer/chromium-policy.sh
    Firefox:
      1. open about:debugging#/runtime/this-firefox
      2. click "Load Temporary Add-on..." and choose $ext_firefox/manifest.json
      (LibreWolf the same; Firefox ESR 142 or later)
      Firefox ESR for good (kept across restarts, no about:debugging):
        sudo bash $root/installer/firefox-esr-policy.sh

    Binaries: $prefix/bin/vigie, $prefix/bin/vigie-host
    Check any time with: $vigie_cmd doctor      Remove with: $root/installer/uninstall.sh --prefix $prefix
MSG
if [ $on_path = 0 ]; then
  echo "    Note: $prefix/bin is not on your PATH. To type plain 'vigie', add this line to ~/.profile"
  echo "    (then log out and in, or run it in this terminal):"
  echo "      export PATH=\"$prefix/bin:\$PATH\""
fi
