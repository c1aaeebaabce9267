#!/usr/bin/env bash
# Installs Vigie in Firefox ESR for every user of this machine, without about:debugging (which forgets
# the add-on at each restart). Run as root, from the clone, after installer/install.sh:
#   sudo bash installer/firefox-esr-policy.sh            # install or update
#   sudo bash installer/firefox-esr-policy.sh --remove   # undo exactly that
# 1. builds the Firefox package (scripts/package-extension.sh) and copies it to
#    /usr/local/share/vigie/vigie-firefox.xpi;
# 2. adds vigie@vigie.org to the ExtensionSettings policy of Firefox ESR's
#    /usr/share/firefox-esr/distribution/policies.json (other policies are kept);
# 3. writes /etc/firefox-esr/vigie.js: xpinstall.signatures.required = false, which Firefox ESR honours
#    (release does not). That lets Firefox ESR install unsigned add-ons, not only Vigie's: once Vigie is
#    signed by addons.mozilla.org, this step is not needed.
# Firefox applies it at its next start. Proven in Firefox ESR 153: tests/stages/no-devmode.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
remove=0
case "${1:-}" in
  --remove) remove=1 ;;
  "") ;;
  -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "firefox-esr-policy.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "firefox-esr-policy.sh: run it as root (sudo): it writes Firefox ESR's system files" >&2; exit 2; }
distribution=/usr/share/firefox-esr/distribution
prefs=/etc/firefox-esr
xpi=/usr/local/share/vigie/vigie-firefox.xpi
[ -d "$(dirname "$distribution")" ] || { echo "firefox-esr-policy.sh: Firefox ESR is not installed ($(dirname "$distribution") missing)" >&2; exit 3; }

# Adds (or removes) our entry in policies.json, keeping everything else in it.
edit_policies() {  # add|remove
  mkdir -p "$distribution"
  node - "$distribution/policies.json" "$1" "file://$xpi" <<'JS'
const fs = require('fs');
const [file, action, url] = process.argv.slice(2);
let doc = { policies: {} };
if (fs.existsSync(file)) doc = JSON.parse(fs.readFileSync(file, 'utf8'));
doc.policies ??= {};
const settings = (doc.policies.ExtensionSettings ??= {});
if (action === 'add') settings['vigie@vigie.org'] = { installation_mode: 'normal_installed', install_url: url };
else delete settings['vigie@vigie.org'];
if (!Object.keys(settings).length) delete doc.policies.ExtensionSettings;
if (!Object.keys(doc.policies).length && Object.keys(doc).length === 1) fs.rmSync(file, { force: true });
else fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
JS
}

if [ $remove = 1 ]; then
  edit_policies remove
  rm -f "$xpi" "$prefs/vigie.js"
  rmdir "$(dirname "$xpi")" 2>/dev/null || true
  echo "Removed Vigie's Firefox ESR policy, $prefs/vigie.js and $xpi. Firefox removes the add-on's policy install at its next start;"
  echo "the add-on itself stays until removed in about:addons."
  exit 0
fi

out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
. "$root/installer/system-package.sh"
system_package firefox-esr-policy.sh "$out"
install -D -m 0644 "$out/vigie-$version-firefox.zip" "$xpi"
edit_policies add
mkdir -p "$prefs"
cat >"$prefs/vigie.js" <<'PREF'
// Written by Vigie's installer/firefox-esr-policy.sh (--remove deletes it): lets Firefox ESR install the
// unsigned Vigie add-on named in distribution/policies.json. It allows every unsigned add-on.
pref("xpinstall.signatures.required", false);
PREF
echo "Vigie $version: $xpi, named in $distribution/policies.json; $prefs/vigie.js allows unsigned add-ons."
if [ -f /etc/firefox/policies/policies.json ]; then
  echo "Note: /etc/firefox/policies/policies.json exists and may take precedence; add the same ExtensionSettings entry there." >&2
fi
echo "Restart Firefox ESR: Vigie appears in about:addons, and stays across restarts."
