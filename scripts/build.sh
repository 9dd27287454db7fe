#!/usr/bin/env bash
# Release build into dist/: size-profile wasm → wasm-bindgen → wasm-opt -Oz
# (npm binaryen 132; Debian's wasm-opt 108 breaks the app) → static files.
# Prints the size of every shipped file, raw, gzip and brotli.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --target wasm32-unknown-unknown --bin cchc-tu-danh-gia
rm -rf dist.tmp && mkdir -p dist.tmp/pkg
wasm-bindgen --target web --no-typescript --out-dir dist.tmp/pkg --out-name app \
  target/wasm32-unknown-unknown/release/cchc-tu-danh-gia.wasm
node_modules/.bin/wasm-opt -Oz dist.tmp/pkg/app_bg.wasm -o dist.tmp/pkg/app_bg.wasm
cp index.html dist.tmp/
cp -r public/. dist.tmp/
cp style/app.css dist.tmp/app.css
rm -rf dist && mv dist.tmp dist
node scripts/sizes.mjs dist
