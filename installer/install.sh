#!/usr/bin/env bash
# Vigie from a fresh clone to a registered host in one command:
#   installer/install.sh [--prefix DIR] [--skip-deps] [--browser NAME]...
# 1. installs the build dependencies with apt (tests/deps.sh --build-only),
# 2. builds in Release (cmake --preset release),
# 3. installs vigie, vigie-host, the lexicons and the extension under PREFIX
#    (default ~/.local),
# 4. registers the host with your browsers (vigie install) and checks it
#    (vigie doctor),
# 5. tells you how to load the extension.
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
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

step "Building in Release (cmake --preset release, in $root/build/release)"
cd "$root"
cmake --preset release -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build --preset release

step "Installing into $prefix"
cmake --install build/release --prefix "$prefix" | sed -n 's/^-- Installing: /   /p; s/^-- Up-to-date: /   /p'
# Our list of what was installed, for installer/uninstall.sh.
mkdir -p "$prefix/share/vigie"
cp build/release/install_manifest.txt "$prefix/share/vigie/installed-files.txt"

step "Registering vigie-host with your browsers"
vigie="$prefix/bin/vigie"
set +e
"$vigie" install "${browsers[@]+"${browsers[@]}"}"
rc=$?
set -e
if [ $rc -eq 3 ] && [ ${#browsers[@]} -eq 0 ]; then
  # No browser profile folder yet (a browser never started): register with
  # the browsers whose program is installed.
  for pair in chromium:chromium google-chrome:chrome google-chrome-stable:chrome brave-browser:brave \
              microsoft-edge:edge vivaldi:vivaldi firefox:firefox firefox-esr:firefox librewolf:librewolf; do
    command -v "${pair%%:*}" >/dev/null 2>&1 && browsers+=(--browser "${pair##*:}")
  done
  if [ ${#browsers[@]} -eq 0 ]; then
    echo "No browser found. Install Chromium, Chrome, Brave, Edge, Vivaldi or Firefox, then run: $vigie install" >&2
    exit 1
  fi
  "$vigie" install "${browsers[@]}"
elif [ $rc -ne 0 ]; then
  exit $rc
fi

step "Checking (vigie doctor)"
"$vigie" doctor

ext="$root/extension"
# Firefox gets the same files with its own manifest (made by CMake at install: no Chromium `key`).
ext_firefox="$prefix/share/vigie/extension-firefox"
cat <<MSG

==> Done. Last step, in your browser: load the extension from
      $ext

    Chromium, Chrome, Brave, Edge, Vivaldi:
      1. open chrome://extensions (brave://extensions, edge://extensions)
      2. switch on "Developer mode" (top right)
      3. click "Load unpacked" and choose $ext
    Firefox:
      1. open about:debugging#/runtime/this-firefox
      2. click "Load Temporary Add-on..." and choose $ext_firefox/manifest.json
      (LibreWolf the same; Firefox ESR 142 or later)

    Binaries: $prefix/bin/vigie, $prefix/bin/vigie-host
    Check any time with: vigie doctor      Remove with: $root/installer/uninstall.sh${prefix:+ --prefix $prefix}
MSG
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "    Note: $prefix/bin is not on your PATH; add it (e.g. in ~/.profile) to type plain 'vigie'." ;;
esac
