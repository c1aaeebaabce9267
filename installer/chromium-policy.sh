#!/usr/bin/env bash
# Installs Vigie in Debian's Chromium for every user of this machine, without developer mode (which
# Chromium nags about at each start). Run as root, from the clone, after installer/install.sh:
#   sudo bash installer/chromium-policy.sh            # install or update
#   sudo bash installer/chromium-policy.sh --remove   # undo exactly that
# 1. packs the Chromium package (scripts/package-extension.sh) into /usr/local/share/vigie/vigie.crx,
#    signed with this machine's key (/etc/vigie/chromium-extension.pem, made on the first run and kept,
#    so that an update keeps the extension's id). Vigie's own signing key is not in the repository, so
#    the extension installed this way has this machine's id, printed at the end;
# 2. writes /usr/share/chromium/extensions/<id>.json (external_crx, external_version): Chromium
#    installs the .crx at its next start, enabled, with no developer mode;
# 3. lets that id in for the user who ran sudo: adds it to their allowed-callers and registers the host
#    again for them (vigie install --browser chromium), so that both the browser and vigie-host accept
#    it. Other users of the machine: add the id to ~/.config/vigie/allowed-callers, then `vigie install`.
# Proven in Chromium 156: tests/stages/no-devmode.sh.
# For that test: VIGIE_KEY_DIR, VIGIE_PACKAGE_DIR, VIGIE_CHROMIUM and VIGIE_CLI move the key, the
# package, the browser and the `vigie` program; arguments after -- go to `vigie install`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
remove=0
install_args=(--browser chromium)
while [ $# -gt 0 ]; do
  case "$1" in
    --remove) remove=1; shift ;;
    --) shift; install_args=("$@"); break ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "chromium-policy.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "chromium-policy.sh: run it as root (sudo): it writes Chromium's system folder" >&2; exit 2; }
chromium="${VIGIE_CHROMIUM:-/usr/lib/chromium/chromium}"
key_dir="${VIGIE_KEY_DIR:-/etc/vigie}"
package_dir="${VIGIE_PACKAGE_DIR:-/usr/local/share/vigie}"
external_dir=/usr/share/chromium/extensions
key="$key_dir/chromium-extension.pem"
crx="$package_dir/vigie.crx"
[ -x "$chromium" ] || { echo "chromium-policy.sh: Chromium is not installed ($chromium missing)" >&2; exit 3; }

# The user who ran sudo, and their `vigie` (the installer puts it in ~/.local/bin).
user="${SUDO_USER:-}"
user_home=""
[ -n "$user" ] && user_home=$(getent passwd "$user" | cut -d: -f6)
vigie="${VIGIE_CLI:-}"
if [ -z "$vigie" ]; then
  for candidate in "$user_home/.local/bin/vigie" "$(command -v vigie 2>/dev/null || true)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] && { vigie="$candidate"; break; }
  done
fi
as_user() { if [ -n "$user" ]; then sudo -u "$user" -H "$@"; else "$@"; fi; }
# The user's allowed-callers, where vigie-host and `vigie install` read it (docs/PROTOCOL.md).
callers_file() {
  if [ -n "$user" ]; then echo "$user_home/.config/vigie/allowed-callers"
  elif [ -n "${VIGIE_HOME:-}" ]; then echo "$VIGIE_HOME/allowed-callers"
  else echo "${XDG_CONFIG_HOME:-$HOME/.config}/vigie/allowed-callers"; fi
}
# Chromium's id of a key: the first 128 bits of the SHA-256 of the public key, one letter a-p per nibble.
id_of() { openssl pkey -in "$1" -pubout -outform DER 2>/dev/null | sha256sum | cut -c1-32 | tr 0-9a-f a-p; }
register() {
  if [ -z "$vigie" ]; then
    echo "No vigie program found: run installer/install.sh first, then: vigie install ${install_args[*]}" >&2
    return 0
  fi
  as_user "$vigie" install "${install_args[@]}"
}

if [ $remove = 1 ]; then
  if [ -f "$key" ]; then
    id=$(id_of "$key")
    rm -f "$external_dir/$id.json"
    file=$(callers_file)
    if [ -f "$file" ]; then as_user sed -i "/^$id\$/d" "$file"; fi
  fi
  rm -f "$crx" "$key"
  rmdir "$key_dir" "$package_dir" 2>/dev/null || true
  register
  echo "Removed Vigie's Chromium package, its key and $external_dir/<id>.json. Chromium removes the extension at its next start."
  exit 0
fi

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
. "$root/installer/system-package.sh"
system_package chromium-policy.sh "$work"
mkdir -p "$work/vigie" && unzip -q "$work/vigie-$version-chromium.zip" -d "$work/vigie"
if [ ! -f "$key" ]; then
  install -d -m 0700 "$key_dir"
  (umask 077; openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>/dev/null)
fi
"$chromium" --no-sandbox --headless=new --no-first-run --disable-gpu --user-data-dir="$work/ud" \
  --pack-extension="$work/vigie" --pack-extension-key="$key" >"$work/pack.log" 2>&1 || true
[ -s "$work/vigie.crx" ] || { echo "chromium-policy.sh: Chromium did not pack the extension:" >&2; cat "$work/pack.log" >&2; exit 1; }
id=$(id_of "$key")
install -D -m 0644 "$work/vigie.crx" "$crx"
mkdir -p "$external_dir"
printf '{"external_crx": "%s", "external_version": "%s"}\n' "$crx" "$version" >"$external_dir/$id.json"
chmod 0644 "$external_dir/$id.json"

file=$(callers_file)
as_user mkdir -p "$(dirname "$file")"
if ! { [ -f "$file" ] && grep -qx "$id" "$file"; }; then
  as_user sh -c 'printf "# Vigie packed and signed on this machine (installer/chromium-policy.sh)\n%s\n" "$1" >>"$2"' _ "$id" "$file"
fi
register
cat <<MSG

Vigie is in Chromium's list for every user of this machine: it is installed at Chromium's next start,
enabled, no developer mode. Its id on this machine: $id
Other users: add that id to ~/.config/vigie/allowed-callers, then run: vigie install --browser chromium
Remove with: sudo bash $root/installer/chromium-policy.sh --remove
MSG
