#!/usr/bin/env bash
# Release build into dist/: size-profile wasm → wasm-bindgen → wasm-opt -Oz
# (npm binaryen 132; Debian's wasm-opt 108 breaks the app) → static files.
# Prints the size of every shipped file, raw, gzip and brotli.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --target wasm32-unknown-unknown --bin cchc-tu-danh-gia
rm -rf dist.tmp && mkdir -p dist.tmp/pkg
wasm-bindgen --target web --no-typescript --out-dir dist.tmp/pkg --out-name app \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/cchc-tu-danh-gia.wasm"
node_modules/.bin/wasm-opt -Oz dist.tmp/pkg/app_bg.wasm -o dist.tmp/pkg/app_bg.wasm
cp index.html dist.tmp/
cp -r public/. dist.tmp/
cp style/app.css dist.tmp/app.css
# The offline cache's list: every shipped file, and a version that changes
# whenever any of them does (sw.js installs a new cache for a new version).
node -e '
const fs = require("fs"), path = require("path"), crypto = require("crypto");
const root = "dist.tmp", files = [];
(function walk(d) { for (const n of fs.readdirSync(d)) { const p = path.join(d, n);
  if (fs.statSync(p).isDirectory()) walk(p); else files.push(path.relative(root, p)); } })(root);
files.sort();
const list = files.filter((f) => f !== "sw.js");
const h = crypto.createHash("sha256");
for (const f of list) { h.update(f); h.update(fs.readFileSync(path.join(root, f))); }
const version = h.digest("hex").slice(0, 16);
fs.writeFileSync(path.join(root, "asset-manifest.json"), JSON.stringify({ version, files: list }));
const sw = path.join(root, "sw.js");
fs.writeFileSync(sw, fs.readFileSync(sw, "utf8").replace("__VERSION__", version));
'
rm -rf dist && mv dist.tmp dist
node scripts/sizes.mjs dist
