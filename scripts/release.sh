#!/usr/bin/env bash
# Builds the app and packs dist/ into an archive a province can put on any
# web server (see docs/deploy.md): target/cchc-tu-danh-gia-<version>.tar.gz
# and .zip when `zip` is installed. The province's own criteria sets are the
# files in public/criteria/ listed in public/criteria/index.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
scripts/build.sh
version=$(node -e 'console.log(JSON.parse(require("fs").readFileSync("dist/asset-manifest.json","utf8")).version)')
name="cchc-tu-danh-gia-$version"
rm -rf "target/$name" && mkdir -p target
cp -r dist "target/$name"
cp docs/deploy.md "target/$name/HUONG-DAN-TRIEN-KHAI.md"
tar -C target -czf "target/$name.tar.gz" "$name"
if command -v zip >/dev/null; then (cd target && rm -f "$name.zip" && zip -qr "$name.zip" "$name"); fi
echo "Gói triển khai: target/$name.tar.gz"
