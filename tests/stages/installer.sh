#!/usr/bin/env bash
# slow
# installer/install.sh for real, into a throwaway prefix and HOME, as a new user meets it:
# - browsers installed but never started (programs on PATH, no profile folder): registered, doctor
#   green, the installed extension (with its chart library) printed, PATH advice when PREFIX/bin is
#   not on PATH, no protocol codes in what it prints;
# - no browser at all: exit 0 with a warning naming the command to run later;
# - vigie doctor before any install, with a browser installed: names it, never "no supported browser";
# - installer/uninstall.sh leaves nothing.
# Browsers are fake programs on a PATH made for the test, so the machine's own browsers change nothing.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. tests/support/checks.sh

tmp=$(mktemp -d)
prefix="$tmp/prefix"
# A PATH with every tool of the machine but no browser, and one with two fake browsers on top.
browser_names='chromium|chromium-browser|google-chrome|google-chrome-stable|brave-browser|brave|microsoft-edge|microsoft-edge-stable|vivaldi|vivaldi-stable|firefox|firefox-esr|librewolf'
mkdir -p "$tmp/tools" "$tmp/browsers"
for f in /usr/local/bin/* /usr/bin/* /usr/sbin/*; do
  n=$(basename "$f")
  [[ "$n" =~ ^($browser_names)$ ]] && continue
  [ -e "$tmp/tools/$n" ] || ln -s "$f" "$tmp/tools/$n"
done
for b in chromium firefox-esr; do printf '#!/bin/sh\nexit 0\n' >"$tmp/browsers/$b"; chmod +x "$tmp/browsers/$b"; done
no_browser_path="$tmp/tools"
browsers_path="$tmp/browsers:$tmp/tools"

# The chart library must come from the installer itself: set the clone's copy aside.
vendor_saved=0
if [ -d extension/vendor ]; then mv extension/vendor "$tmp/vendor.saved" && vendor_saved=1; fi
cleanup() {
  if [ $vendor_saved = 1 ] && [ ! -f extension/vendor/uplot.esm.js ]; then rm -rf extension/vendor; mv "$tmp/vendor.saved" extension/vendor; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

run_install() {  # home, PATH, log
  HOME="$1" VIGIE_HOME="$1/vh" PATH="$2" bash installer/install.sh --skip-deps --prefix "$prefix" >"$3" 2>&1
}

# --- browsers installed, never started; PREFIX/bin not on PATH ------------------------------------
home="$tmp/home"; mkdir -p "$home"
if run_install "$home" "$browsers_path" "$tmp/install.log"; then ok "install.sh exits 0"; else ko "install.sh exits 0"; cat "$tmp/install.log"; fi
check "install.sh installed vigie and vigie-host" test -x "$prefix/bin/vigie" -a -x "$prefix/bin/vigie-host"
check "install.sh vendored the chart library into the clone (scripts/vendor.mjs)" test -f extension/vendor/uplot.esm.js
check "the installed extension has the chart library" test -f "$prefix/share/vigie/extension/vendor/uplot.esm.js"
check "the installed Firefox extension has the chart library" test -f "$prefix/share/vigie/extension-firefox/vendor/uplot.esm.js"
check "Chromium never started: its folder is created and the host registered" \
  grep -q "\"path\": \"$prefix/bin/vigie-host\"" "$home/.config/chromium/NativeMessagingHosts/org.vigie.host.json"
check "Firefox ESR never started: registered" \
  grep -q '"allowed_extensions"' "$home/.mozilla/native-messaging-hosts/org.vigie.host.json"
check "vigie doctor is green after install.sh" env HOME="$home" VIGIE_HOME="$home/vh" PATH="$browsers_path" "$prefix/bin/vigie" doctor
check "install.sh prints the installed extension's path" grep -q "Load unpacked\" and choose $prefix/share/vigie/extension\$" "$tmp/install.log"
check "install.sh prints the installed Firefox manifest" grep -q "$prefix/share/vigie/extension-firefox/manifest.json" "$tmp/install.log"
check "install.sh names the Firefox ESR install without about:debugging" grep -qF "sudo bash $root/installer/firefox-esr-policy.sh" "$tmp/install.log"
check "install.sh names the Chromium install without developer mode" grep -qF "sudo bash $root/installer/chromium-policy.sh" "$tmp/install.log"
check "install.sh does not point at the clone's extension/" bash -c '! grep -q "$1/extension\b" "$2"' _ "$root" "$tmp/install.log"
check "install.sh prints PATH advice when PREFIX/bin is not on PATH" grep -qF "export PATH=\"$prefix/bin:\$PATH\"" "$tmp/install.log"
check "install.sh prints full command paths when PREFIX/bin is not on PATH" grep -qF "Check any time with: $prefix/bin/vigie doctor" "$tmp/install.log"
check "nothing install.sh prints ends in a protocol code like [bad_request]" bash -c '! grep -Eq "\[[a-z_]+\]\$" "$1"' _ "$tmp/install.log"

# Again, PREFIX/bin on PATH this time: idempotent, and no PATH advice.
if run_install "$home" "$prefix/bin:$browsers_path" "$tmp/again.log"; then ok "install.sh runs again (idempotent)"; else ko "install.sh runs again (idempotent)"; cat "$tmp/again.log"; fi
check "no PATH advice when PREFIX/bin is on PATH" bash -c '! grep -q "is not on your PATH" "$1"' _ "$tmp/again.log"
check "plain 'vigie doctor' advised when PREFIX/bin is on PATH" grep -qF "Check any time with: vigie doctor" "$tmp/again.log"

# --- no browser at all ----------------------------------------------------------------------------
bare="$tmp/bare"; mkdir -p "$bare"
if run_install "$bare" "$no_browser_path" "$tmp/bare.log"; then ok "no browser: install.sh still exits 0"; else ko "no browser: install.sh still exits 0"; cat "$tmp/bare.log"; fi
check "no browser: a warning with the exact command to run later" \
  grep -qF "once you have installed a browser, run: $prefix/bin/vigie install" "$tmp/bare.log"
check "no browser: no manifest written" test -z "$(find "$bare" -name org.vigie.host.json)"
check "no browser: the installed extension's path is still printed" grep -q "$prefix/share/vigie/extension\$" "$tmp/bare.log"

# --- vigie doctor with a browser installed but never started, before any install -----------------
fresh="$tmp/fresh"; mkdir -p "$fresh"
doctor=$(HOME="$fresh" VIGIE_HOME="$fresh/vh" PATH="$browsers_path" "$prefix/bin/vigie" doctor 2>&1); rc=$?
check "doctor, browser never started: not 'no supported browser found'" bash -c '! grep -q "no supported browser" <<<"$1"' _ "$doctor"
check "doctor, browser never started: names Chromium and the command that registers it" \
  grep -q "Chromium: no manifest.*" <<<"$doctor"
check "doctor, browser never started: the fix is vigie install --browser chromium" grep -qF 'vigie install --browser chromium' <<<"$doctor"
check "doctor, not registered yet: exit 1" test $rc -eq 1
if [ -x /usr/bin/chromium ]; then
  real=$(HOME="$fresh" VIGIE_HOME="$fresh/vh" PATH=/usr/bin:/bin "$prefix/bin/vigie" doctor 2>&1)
  check "doctor with this machine's /usr/bin/chromium never started: finds Chromium" grep -q '✗ Chromium' <<<"$real"
fi

# --- errors in plain words, with a stable exit code -----------------------------------------------
err=$(HOME="$fresh" VIGIE_HOME="$fresh/vh" PATH="$browsers_path" "$prefix/bin/vigie" install --browser chromium \
        --host-path /nonexistent/vigie-host 2>&1); rc=$?
check "vigie install, host missing: exit 3 (not found)" test $rc -eq 3
check "vigie install, host missing: says what and how to fix" grep -qF 'no executable vigie-host at /nonexistent/vigie-host' <<<"$err"
check "vigie install, host missing: no protocol code at the end" bash -c '! grep -Eq "\[[a-z_]+\]\$" <<<"$1"' _ "$err"

# --- uninstall ------------------------------------------------------------------------------------
HOME="$home" VIGIE_HOME="$home/vh" PATH="$browsers_path" bash installer/uninstall.sh --prefix "$prefix" >"$tmp/uninstall.log" 2>&1
check "uninstall.sh removed the manifests" \
  test ! -e "$home/.config/chromium/NativeMessagingHosts/org.vigie.host.json" -a ! -e "$home/.mozilla/native-messaging-hosts/org.vigie.host.json"
check "uninstall.sh removed every installed file" test -z "$(find "$prefix" -type f)"
finish
