# shellcheck shell=bash
# shellcheck disable=SC2034,SC2154  # root comes from the sourcing script, version goes back to it
# Sourced by installer/firefox-esr-policy.sh and installer/chromium-policy.sh (run as root):
# system_package NAME DIR makes the store packages in DIR from the clone and sets `version`.
# The clone must be as installer/install.sh left it (chart library vendored): run as root,
# vendoring here would leave root-owned folders in the user's clone.
system_package() {  # script name, output folder
  if [ ! -f "$root/extension/vendor/uplot.esm.js" ]; then
    echo "$1: run installer/install.sh first (as yourself), then this script with sudo" >&2
    exit 1
  fi
  version=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).version' "$root/extension/manifest.json")
  bash "$root/scripts/package-extension.sh" --out "$2" >/dev/null
}
