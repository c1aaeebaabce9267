#!/usr/bin/env bash
# slow
# Installing the extension without developer mode, proven in this machine's real browsers (docs/INSTALL.md,
# "Without developer mode"). Each browser reads its system folders; this stage lays its files over them in a
# private mount namespace (unshare -m), so nothing outside the test process changes. Needs root; otherwise
# it says so and counts nothing.
# - Firefox ESR, through installer/firefox-esr-policy.sh: ExtensionSettings in distribution/policies.json
#   installs the unsigned store zip (.xpi) from a file:// URL when /etc/firefox-esr/vigie.js sets
#   xpinstall.signatures.required=false; the add-on is active and its page starts vigie-host as
#   vigie@vigie.org. Without the pref: not installed. Other policies are kept; --remove undoes it.
# - Chromium, through installer/chromium-policy.sh: the store zip packed into a .crx signed with this
#   machine's key (the project's signing key is not in the repository), installed from
#   /usr/share/chromium/extensions/<id>.json (external_crx); the id let in through the user's allowed-callers
#   and the manifest `vigie install` writes; enabled, and it starts vigie-host; --remove undoes it. And,
#   separately, an ExtensionSettings policy in /etc/chromium/policies/managed with a file:// update
#   manifest (a throwaway key): enabled, and it starts vigie-host.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. tests/support/checks.sh

if [ "$(id -u)" -ne 0 ] || ! unshare -m --propagation private true 2>/dev/null; then
  echo "skipped: needs root and mount namespaces (unshare -m) to lay files over the browsers' system folders"
  finish
fi
host=""
for h in build/default/host/vigie-host build/release/host/vigie-host; do [ -x "$h" ] && host="$root/$h" && break; done
[ -n "$host" ] || { ko "a built vigie-host (cmake --build --preset default)"; finish; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bash scripts/package-extension.sh --out "$tmp/dist" >"$tmp/package.log" 2>&1 || { ko "store packages built"; cat "$tmp/package.log"; finish; }
version=$(node -p 'JSON.parse(require("fs").readFileSync("extension/manifest.json", "utf8")).version')
host_description=$(sed -nE 's/.*"description": "([^"]*)".*/\1/p' manifest/chromium.json.in)

# --- Firefox ESR ----------------------------------------------------------------------------------------
firefox=/usr/lib/firefox-esr/firefox-esr
firefox_binds() {  # dir: bind mounts (in the caller's namespace) over the folders installer/firefox-esr-policy.sh writes
  mount --bind "$1/dist" /usr/share/firefox-esr/distribution && mount --bind "$1/etc" /etc/firefox-esr &&
    mount --bind "$1/local-share" /usr/local/share
}
firefox_run() {  # dir, with_pref (1/0): installer/firefox-esr-policy.sh, then Firefox installs; a second start opens the dashboard
  local t="$1" uuid=6f1f7c3e-2a4b-4c5d-8e9f-0a1b2c3d4e5f
  mkdir -p "$t/home/.mozilla/native-messaging-hosts" "$t/dist" "$t/etc" "$t/local-share" "$t/profile" "$t/vh"
  cp -r /usr/share/firefox-esr/distribution/. "$t/dist/"
  cp -r /etc/firefox-esr/. "$t/etc/"
  echo '{"policies": {"DisableTelemetry": true}}' >"$t/dist/policies.json"  # an administrator's policy, to be kept
  printf '{"name": "org.vigie.host", "description": "%s", "path": "%s", "type": "stdio", "allowed_extensions": ["vigie@vigie.org"]}\n' \
    "$host_description" "$host" >"$t/home/.mozilla/native-messaging-hosts/org.vigie.host.json"
  # A fixed moz-extension:// id so that the second start can open the dashboard.
  printf 'user_pref("extensions.webextensions.uuids", "{\\"vigie@vigie.org\\":\\"%s\\"}");\n' "$uuid" >"$t/profile/user.js"
  unshare -m --propagation private bash -c '
    t="$1"; firefox="$2"; uuid="$3"; with_pref="$4"; eval "$5"
    firefox_binds "$t" || exit 1
    bash installer/firefox-esr-policy.sh >"$t/policy.log" 2>&1 || { cat "$t/policy.log"; exit 1; }
    [ "$with_pref" = 1 ] || rm /etc/firefox-esr/vigie.js
    export HOME="$t/home" VIGIE_HOME="$t/vh" XDG_CONFIG_HOME="$t/home/.config" XDG_CACHE_HOME="$t/home/.cache"
    timeout 20 "$firefox" --headless --no-remote --profile "$t/profile" about:blank >"$t/ff.log" 2>&1
    timeout 15 "$firefox" --headless --no-remote --profile "$t/profile" "moz-extension://$uuid/dashboard.html" >>"$t/ff.log" 2>&1
    true' _ "$t" "$firefox" "$uuid" "$2" "$(declare -f firefox_binds)"
}
addon_state() {  # profile: the add-on's line of extensions.json, or "absent"
  node -e '
    const j = JSON.parse(require("fs").readFileSync(process.argv[1] + "/extensions.json", "utf8"));
    const a = j.addons.find((x) => x.id === "vigie@vigie.org");
    console.log(a ? `active=${a.active} signedState=${a.signedState} location=${a.location}` : "absent");' "$1" 2>/dev/null || echo absent
}
if [ -x "$firefox" ]; then
  firefox_run "$tmp/ff" 1
  state=$(addon_state "$tmp/ff/profile"); echo "Firefox ESR, policy + pref: $state"
  check "Firefox ESR: the policy installed the unsigned add-on, active, in the profile" \
    grep -q '^active=true signedState=0 location=app-profile$' <<<"$state"
  check "Firefox ESR: the policy-installed add-on started vigie-host as vigie@vigie.org" \
    grep -q 'caller vigie@vigie.org' "$tmp/ff/vh/logs/vigie-host.log"
  check "firefox-esr-policy.sh kept the administrator's other policies" \
    node -e 'const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).policies;
      process.exit(p.DisableTelemetry === true && p.ExtensionSettings["vigie@vigie.org"].installation_mode === "normal_installed" ? 0 : 1)' \
    "$tmp/ff/dist/policies.json"
  unshare -m --propagation private bash -c 't="$1"; eval "$2"; firefox_binds "$t" && bash installer/firefox-esr-policy.sh --remove' \
    _ "$tmp/ff" "$(declare -f firefox_binds)" >"$tmp/ff/remove.log" 2>&1
  check "firefox-esr-policy.sh --remove takes out exactly its entry, pref file and package" \
    bash -c '[ "$(tr -d " \n" <"$1/dist/policies.json")" = "{\"policies\":{\"DisableTelemetry\":true}}" ] &&
      [ ! -e "$1/etc/vigie.js" ] && [ -z "$(ls -A "$1/local-share")" ]' _ "$tmp/ff"
  firefox_run "$tmp/ff-signed" 0
  state=$(addon_state "$tmp/ff-signed/profile"); echo "Firefox ESR, policy without the pref: $state"
  # "absent" counts only if this Firefox did start and write its add-on list (a crash would leave none).
  check "Firefox ESR: without xpinstall.signatures.required=false the unsigned add-on is not installed" \
    bash -c 'test -s "$1/profile/extensions.json" && test "$2" = absent' _ "$tmp/ff-signed" "$state"
else
  echo "no $firefox: Firefox ESR not checked"
fi

# --- Chromium -------------------------------------------------------------------------------------------
chromium=/usr/lib/chromium/chromium
chromium_flags=(--no-sandbox --headless=new --no-first-run --no-default-browser-check --disable-gpu --disable-sync
                --disable-component-update)
if [ -x "$chromium" ]; then
  mkdir -p "$tmp/crx/vigie" && unzip -q "$tmp/dist/vigie-$version-chromium.zip" -d "$tmp/crx/vigie"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/crx/key.pem" 2>/dev/null
  "$chromium" "${chromium_flags[@]}" --user-data-dir="$tmp/crx/ud" --pack-extension="$tmp/crx/vigie" \
    --pack-extension-key="$tmp/crx/key.pem" >"$tmp/crx/pack.log" 2>&1
  id=$(openssl pkey -in "$tmp/crx/key.pem" -pubout -outform DER 2>/dev/null | sha256sum | cut -c1-32 | tr 0-9a-f a-p)
  check "Chromium packs the store zip's files into a .crx" test -s "$tmp/crx/vigie.crx"
  chromium_run() {  # dir, method (external|policy)
    local t="$1"
    mkdir -p "$t/up" "$t/work" "$t/etc/policies/managed" "$t/ud/NativeMessagingHosts" "$t/vh" "$t/cfg" "$t/share"
    cp -r /etc/chromium/. "$t/etc/"
    cp "$tmp/crx/vigie.crx" "$t/vigie.crx"
    echo "$id" >"$t/vh/allowed-callers"  # the throwaway key is not Vigie's: let this host take it
    printf '{"name": "org.vigie.host", "description": "%s", "path": "%s", "type": "stdio", "allowed_origins": ["chrome-extension://%s/"]}\n' \
      "$host_description" "$host" "$id" >"$t/ud/NativeMessagingHosts/org.vigie.host.json"
    if [ "$2" = external ]; then
      printf '{"external_crx": "%s", "external_version": "%s"}\n' "$t/vigie.crx" "$version" >"$t/share/$id.json"
    else
      printf "<?xml version='1.0' encoding='UTF-8'?>\n<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>\n  <app appid='%s'><updatecheck codebase='file://%s' version='%s' /></app>\n</gupdate>\n" \
        "$id" "$t/vigie.crx" "$version" >"$t/update.xml"
      printf '{"ExtensionSettings": {"%s": {"installation_mode": "force_installed", "update_url": "file://%s"}}}\n' \
        "$id" "$t/update.xml" >"$t/etc/policies/managed/vigie.json"
    fi
    unshare -m --propagation private bash -c '
      t="$1"; id="$2"; chromium="$3"; shift 3
      mount -t overlay overlay -o lowerdir=/usr/share,upperdir="$t/up",workdir="$t/work" /usr/share &&
        mount --bind "$t/etc" /etc/chromium && mkdir -p /usr/share/chromium/extensions || exit 1
      cp "$t/share/"*.json /usr/share/chromium/extensions/ 2>/dev/null
      export VIGIE_HOME="$t/vh" XDG_CONFIG_HOME="$t/cfg"
      timeout 15 "$chromium" "$@" --user-data-dir="$t/ud" about:blank >"$t/cr.log" 2>&1
      timeout 12 "$chromium" "$@" --user-data-dir="$t/ud" "chrome-extension://$id/dashboard.html" >>"$t/cr.log" 2>&1
      true' _ "$t" "$id" "$chromium" "${chromium_flags[@]}"
    node -e '
      const j = JSON.parse(require("fs").readFileSync(process.argv[1] + "/Default/Preferences", "utf8"));
      const s = j.extensions?.settings?.[process.argv[2]];
      console.log(s ? `location=${s.location} disable_reasons=${JSON.stringify(s.disable_reasons ?? [])}` : "absent");' \
      "$t/ud" "$id" 2>/dev/null || echo absent
  }
  # Chromium's Manifest::Location: 2 = EXTERNAL_PREF (the JSON file), 7 = EXTERNAL_POLICY_DOWNLOAD.
  chromium_state() {  # user data dir, id
    node -e '
      const j = JSON.parse(require("fs").readFileSync(process.argv[1] + "/Default/Preferences", "utf8"));
      const s = j.extensions?.settings?.[process.argv[2]];
      console.log(s ? `location=${s.location} disable_reasons=${JSON.stringify(s.disable_reasons ?? [])}` : "absent");' \
      "$1" "$2" 2>/dev/null || echo absent
  }
  # The shipped route: installer/chromium-policy.sh as an administrator runs it (this machine's key, the
  # external-extension file, the user's allowed-callers and `vigie install`), then Chromium starts twice.
  # SUDO_USER is unset so that the script acts on this test's folders, never on a real user's.
  t="$tmp/cr-script"
  mkdir -p "$t/up" "$t/work" "$t/etc" "$t/ud" "$t/vh" "$t/cfg" "$t/key" "$t/pkg"
  cp -r /etc/chromium/. "$t/etc/"
  unshare -m --propagation private env -u SUDO_USER bash -c '
    t="$1"; chromium="$2"; cli="$3"; shift 3
    mount -t overlay overlay -o lowerdir=/usr/share,upperdir="$t/up",workdir="$t/work" /usr/share &&
      mount --bind "$t/etc" /etc/chromium || exit 1
    export VIGIE_HOME="$t/vh" XDG_CONFIG_HOME="$t/cfg" VIGIE_KEY_DIR="$t/key" VIGIE_PACKAGE_DIR="$t/pkg" VIGIE_CLI="$cli"
    bash installer/chromium-policy.sh -- --user-data-dir "$t/ud" >"$t/policy.log" 2>&1 || { cat "$t/policy.log"; exit 1; }
    cp /usr/share/chromium/extensions/*.json "$t/" 2>/dev/null
    id=$(sed -nE "s/.*id on this machine: ([a-p]{32}).*/\1/p" "$t/policy.log")
    timeout 15 "$chromium" "$@" --user-data-dir="$t/ud" about:blank >"$t/cr.log" 2>&1
    timeout 12 "$chromium" "$@" --user-data-dir="$t/ud" "chrome-extension://$id/dashboard.html" >>"$t/cr.log" 2>&1
    # What the script left before --remove takes it back.
    mkdir -p "$t/before" && stat -c %a "$t/key/chromium-extension.pem" >"$t/before/key-mode" 2>/dev/null
    [ -s "$t/pkg/vigie.crx" ] && touch "$t/before/crx"
    cp "$t/vh/allowed-callers" "$t/before/" 2>/dev/null; cp "$t/ud/NativeMessagingHosts/org.vigie.host.json" "$t/before/" 2>/dev/null
    bash installer/chromium-policy.sh --remove -- --user-data-dir "$t/ud" >"$t/remove.log" 2>&1
    ls /usr/share/chromium/extensions/ >"$t/left.txt" 2>&1
    true' _ "$t" "$chromium" "$(dirname "$host")/vigie" "${chromium_flags[@]}"
  script_id=$(sed -nE 's/.*id on this machine: ([a-p]{32}).*/\1/p' "$t/policy.log")
  check "chromium-policy.sh packs and signs the extension with this machine's key and names its id" \
    bash -c '[ -n "$1" ] && [ -e "$2/before/crx" ] && [ "$(cat "$2/before/key-mode")" = 600 ]' _ "$script_id" "$t"
  check "chromium-policy.sh writes /usr/share/chromium/extensions/<id>.json naming the .crx and its version" \
    grep -q "\"external_crx\": \"$t/pkg/vigie.crx\", \"external_version\": \"$version\"" "$t/$script_id.json"
  check "chromium-policy.sh lets the id in: the user's allowed-callers and the manifest vigie install wrote" \
    bash -c 'grep -qx "$1" "$2/before/allowed-callers" && grep -q "chrome-extension://$1/" "$2/before/org.vigie.host.json"' _ "$script_id" "$t"
  state=$(chromium_state "$t/ud" "$script_id"); echo "Chromium, chromium-policy.sh: $state"
  check "Chromium: installed by chromium-policy.sh from /usr/share/chromium/extensions, enabled, no developer mode" \
    grep -qx 'location=2 disable_reasons=\[\]' <<<"$state"
  check "Chromium: the extension installed by chromium-policy.sh started vigie-host" \
    grep -q "start: .* caller chrome-extension://$script_id/" "$t/vh/logs/vigie-host.log"
  check "chromium-policy.sh --remove takes out its file, package, key and allowed caller" \
    bash -c '! grep -q "$1" "$2/left.txt" && [ ! -e "$2/pkg/vigie.crx" ] && [ ! -e "$2/key/chromium-extension.pem" ] &&
      ! grep -qx "$1" "$2/vh/allowed-callers" && ! grep -q "$1" "$2/ud/NativeMessagingHosts/org.vigie.host.json"' _ "$script_id" "$t"
  # The ExtensionSettings policy route (not scripted: an administrator's choice), with the throwaway key.
  state=$(chromium_run "$tmp/cr-policy" policy); echo "Chromium, policy: $state"
  check "Chromium: the ExtensionSettings policy (file:// update manifest) force-installed the .crx, enabled" \
    grep -qx 'location=7 disable_reasons=\[\]' <<<"$state"
  check "Chromium: the policy-installed extension started vigie-host" \
    grep -q "start: .* caller chrome-extension://$id/" "$tmp/cr-policy/vh/logs/vigie-host.log"
else
  echo "no $chromium: Chromium not checked"
fi
finish
