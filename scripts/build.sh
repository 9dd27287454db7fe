#!/usr/bin/env bash
# Release build into dist/: size-profile wasm, split → wasm-bindgen → wasm-opt -Oz
# (npm binaryen 132; Debian's wasm-opt 108 breaks the app) → static files.
# Prints the size of every shipped file, raw, gzip and brotli.
set -euo pipefail
cd "$(dirname "$0")/.."
# Split build (src/ui/lazy.rs): `cchc_split` turns the page functions into
# split points, and the link keeps relocations so wasm-split-cli can cut the
# module into the first download and chunks loaded on demand. RUSTFLAGS
# replaces .cargo/config.toml's flags, so erase_components is repeated here.
target="${CARGO_TARGET_DIR:-target}"
# The bundled criteria sets are checked here, with the full loader: the app
# trusts them at start (see examples/check_sets.rs).
cargo run --quiet --example check_sets -- public/criteria
# The crates' source paths (panic locations) are written short and the same
# on every machine: the registry's path depends on the machine's CARGO_HOME,
# and made the first page 0.2 KB larger in CI than here; it also told every
# user where this machine keeps its files.
remap=""
for d in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  [ -d "$d" ] && remap="$remap --remap-path-prefix=${d%/}=crates"
done
RUSTFLAGS="--cfg erase_components --cfg cchc_split -Clink-args=--emit-relocs$remap" \
  cargo build --release --target wasm32-unknown-unknown --bin cchc-tu-danh-gia \
  --target-dir "$target/split"
rm -rf dist.tmp && mkdir -p dist.tmp/pkg
wasm-split-cli --target web --out-name app \
  "$target/split/wasm32-unknown-unknown/release/cchc-tu-danh-gia.wasm" dist.tmp/pkg
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir dist.tmp/pkg --out-name app \
  dist.tmp/pkg/app.wasm
rm dist.tmp/pkg/app.wasm
for w in dist.tmp/pkg/*.wasm; do
  node_modules/.bin/wasm-opt -Oz "$w" -o "$w"
done
cp index.html dist.tmp/
cp -r public/. dist.tmp/
# the stylesheets minified: app.css is part of every first page; the desk's
# and the studio's sheet is loaded by their chunks (src/ui/lazy.rs)
node scripts/minify-css.mjs style/app.css dist.tmp/app.css
node scripts/minify-css.mjs style/desk-and-studio.css dist.tmp/desk-and-studio.css
# The offline cache's list: every shipped file, and a version that changes
# whenever any of them does (sw.js installs a new cache for a new version).
node -e '
const fs = require("fs"), path = require("path"), crypto = require("crypto");
const root = "dist.tmp", files = [];
(function walk(d) { for (const n of fs.readdirSync(d)) { const p = path.join(d, n);
  if (fs.statSync(p).isDirectory()) walk(p); else files.push(path.relative(root, p)); } })(root);
files.sort();
const list = files.filter((f) => f !== "sw.js");
// The Excel reader is fetched only when an author opens an .xlsx; the worker
// caches it then, not on every agency'"'"'s first visit.
const precache = list.filter((f) => !/^pkg\/split_doc_excel\.wasm$/.test(f));
const h = crypto.createHash("sha256");
for (const f of list) { h.update(f); h.update(fs.readFileSync(path.join(root, f))); }
const version = h.digest("hex").slice(0, 16);
fs.writeFileSync(path.join(root, "asset-manifest.json"), JSON.stringify({ version, files: precache }));
const sw = path.join(root, "sw.js");
fs.writeFileSync(sw, fs.readFileSync(sw, "utf8").replace("__VERSION__", version));
'
# Precompressed copies next to every shipped file (after the offline list,
# which names only the files themselves): the server sends .br or .gz to a
# browser that accepts it.
node -e '
const fs = require("fs"), path = require("path"), zlib = require("zlib");
(function walk(d) { for (const n of fs.readdirSync(d)) { const p = path.join(d, n);
  if (fs.statSync(p).isDirectory()) { walk(p); continue; }
  const buf = fs.readFileSync(p);
  fs.writeFileSync(p + ".br", zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }));
  fs.writeFileSync(p + ".gz", zlib.gzipSync(buf, { level: 9 }));
} })("dist.tmp");
'
rm -rf dist && mv dist.tmp dist
node scripts/sizes.mjs dist
