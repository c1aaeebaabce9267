#!/usr/bin/env bash
# slow
# The .deb: builds it with CPack (prefix /usr, system-wide manifests on) and
# checks its listing. (installer/install.sh: tests/stages/installer.sh.)
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. tests/support/checks.sh

build=build/package
if cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DVIGIE_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr \
     -DVIGIE_INSTALL_SYSTEM_MANIFESTS=ON -DVIGIE_STATIC_HOST=OFF >/dev/null && cmake --build "$build" -j2 >/dev/null &&
   (cd "$build" && cpack -G DEB >/dev/null); then
  ok "cpack builds the .deb"
else
  ko "cpack builds the .deb"; finish
fi
deb=$(ls -t "$build"/vigie_*.deb | head -n1)
listing=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./#/#')
for f in /usr/bin/vigie /usr/bin/vigie-host \
         /etc/chromium/native-messaging-hosts/org.vigie.host.json \
         /etc/opt/chrome/native-messaging-hosts/org.vigie.host.json \
         /etc/opt/edge/native-messaging-hosts/org.vigie.host.json \
         /usr/lib/mozilla/native-messaging-hosts/org.vigie.host.json \
         /usr/share/vigie/extension/manifest.json \
         /usr/share/vigie/extension-firefox/manifest.json; do
  check "package lists $f" grep -qx "$f" <<<"$listing"
done
check "package ships the lexicons under /usr/share/vigie/lexicons" grep -q '^/usr/share/vigie/lexicons/.' <<<"$listing"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp/root"
m="$tmp/root/etc/chromium/native-messaging-hosts/org.vigie.host.json"
check "system manifest points at /usr/bin/vigie-host" grep -q '"path": "/usr/bin/vigie-host"' "$m"
check "system manifest allows our extension id" \
  grep -q "chrome-extension://$(sed -nE 's/.*"chromium": \["([a-p]{32})".*/\1/p' manifest/extension-ids.json)/" "$m"
check "Firefox system manifest uses allowed_extensions" \
  grep -q '"allowed_extensions"' "$tmp/root/usr/lib/mozilla/native-messaging-hosts/org.vigie.host.json"
check "Firefox's extension manifest has no Chromium key" \
  bash -c "test -f '$tmp/root/usr/share/vigie/extension-firefox/manifest.json' && ! grep -q '\"key\"' '$tmp/root/usr/share/vigie/extension-firefox/manifest.json'"
check "/etc manifests are conffiles" bash -c "dpkg-deb -I '$deb' conffiles | grep -q /etc/chromium/"
if command -v lintian >/dev/null; then
  lint=$(lintian --tag-display-limit 0 "$deb" 2>&1); echo "$lint"
  if grep -q '^E:' <<<"$lint"; then ko "lintian reports no error"; else ok "lintian reports no error"; fi
fi

finish
