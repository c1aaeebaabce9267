#!/usr/bin/env bash
# Undoes installer/install.sh: removes the host manifests `vigie install` wrote,
# then the files the install copied under PREFIX (default ~/.local).
# Your data (the invitation database) is kept: its folder is printed at the end.
#   installer/uninstall.sh [--prefix DIR]
set -euo pipefail
prefix="$HOME/.local"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "uninstall.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -d "$prefix" ] && prefix="$(cd "$prefix" && pwd)"
list="$prefix/share/vigie/installed-files.txt"

if [ -x "$prefix/bin/vigie" ]; then
  echo "==> Removing the host manifests (vigie uninstall)"
  "$prefix/bin/vigie" uninstall
fi

if [ -f "$list" ]; then
  echo "==> Removing the files installed under $prefix"
  while IFS= read -r f || [ -n "$f" ]; do  # cmake writes no final newline
    # Only files under the prefix: a tampered list must not reach elsewhere.
    case "$f" in "$prefix"/*) rm -f -- "$f" ;; esac
  done <"$list"
  rm -f -- "$list"
  # Folders of ours left empty (deepest first); never the prefix itself.
  find "$prefix/share/vigie" -depth -type d -empty -delete 2>/dev/null || true
else
  echo "==> Nothing recorded under $prefix (was Vigie installed with --prefix?)"
fi
echo "==> Done. Your data is kept in ${VIGIE_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/vigie}; delete that folder to erase it."
