#!/usr/bin/env bash
# Builds the .deb with CPack into a scratch folder, checks that it holds the
# executables and desktop files, then unpacks it and runs the packaged CLI.
set -euo pipefail
build=$1 app_id=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch" >"$scratch/cpack.log" 2>&1 ||
  { cat "$scratch/cpack.log"; exit 1; }
deb=$(ls "$scratch"/*.deb)
echo "built $(basename "$deb")"

contents=$(dpkg-deb -c "$deb")
for f in usr/bin/gleaner usr/bin/gleaner-cli \
         "usr/share/applications/$app_id.desktop" \
         "usr/share/metainfo/$app_id.metainfo.xml" \
         "usr/share/icons/hicolor/scalable/apps/$app_id.svg"; do
  grep -q "\./$f\$" <<<"$contents" || { echo "missing from package: $f"; exit 1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
grep -q "libqt6core6" <<<"$depends" || { echo "package does not depend on Qt"; exit 1; }

dpkg-deb -x "$deb" "$scratch/root"
version=$("$scratch/root/usr/bin/gleaner-cli" --version)
echo "$version"
grep -q "^gleaner-cli " <<<"$version"
