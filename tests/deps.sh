#!/usr/bin/env bash
# Installs what building and testing Vigie needs on a fresh Debian/Ubuntu, and
# nothing when it is already there. Says what it does.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build dependencies (Debian package names), test tools, and the two browsers
# of the end-to-end tests (Chromium and Firefox ESR, with its French language pack for the French screens).
packages=(
  build-essential cmake pkg-config
  nlohmann-json3-dev libsqlite3-dev libspdlog-dev libboost-dev doctest-dev libcli11-dev libarchive-dev liburiparser-dev libutf8proc-dev libpq-dev
  sqlite3 zip unzip strace python3 postgresql
  clang libclang-rt-dev
  chromium firefox-esr firefox-esr-l10n-fr nodejs npm
  dpkg-dev file
  lintian openssl
)
if [ "${1:-}" = "--build-only" ]; then
  # node and npm: the installer vendors the pinned chart library (node scripts/vendor.mjs --fetch).
  packages=(build-essential cmake pkg-config nlohmann-json3-dev libsqlite3-dev libspdlog-dev libboost-dev
            doctest-dev libcli11-dev libarchive-dev liburiparser-dev libutf8proc-dev libpq-dev nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The manifest needs Firefox >= 142 (strict_min_version): Debian's main archive may carry an older
# ESR, the security archive a newer one; an old one counts as missing so that apt upgrades it.
if [ "${1:-}" != "--build-only" ]; then
  ff=$(dpkg-query -W -f='${Version}' firefox-esr 2>/dev/null || true)
  if [ -n "$ff" ] && dpkg --compare-versions "$ff" lt 142; then missing+=(firefox-esr); fi
fi
# Node may come from elsewhere than Debian (as on these machines): accept any node >= 18 with npm.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
# libFuzzer ships in Debian's versioned package; the unversioned name may not exist on Ubuntu.
clean=(); for p in "${missing[@]}"; do [ -n "$p" ] && clean+=("$p"); done; missing=("${clean[@]+"${clean[@]}"}")

if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: installing with apt-get: ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "deps: all apt packages present"
fi

if [ "${1:-}" != "--build-only" ] && [ -f package.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "deps: npm ci (pinned versions from package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  if grep -q '"vendor"' package.json; then npm run --silent vendor; fi
fi
