// Prints every file under a folder with its raw, gzip and brotli size, and
// the totals. Usage: node scripts/sizes.mjs dist [--json]
// The total is what opening the app transfers. The wasm chunks loaded on
// demand (pkg/split_*.wasm and the chunks they share, pkg/chunk_*.wasm, and
// the desk's and the studio's stylesheet, desk-and-studio.css, loaded with them) and
// files fetched only when the user asks (the trainer's sample data under
// demo/) are totalled apart.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = process.argv[2] || 'dist';
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    // the precompressed copies are the same files, sent instead of them
    if (statSync(p).isDirectory()) walk(p); else if (!/\.(br|gz)$/.test(p)) files.push(p);
  }
})(root);

const rows = files.sort().map((p) => {
  const buf = readFileSync(p);
  return {
    file: relative(root, p),
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const onDemand = (r) => r.file.startsWith('demo/');
const lazyChunk = (r) => /^pkg\/(split|chunk)_[^/]*\.wasm$/.test(r.file) || r.file === 'desk-and-studio.css';
const sum = (list) => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const total = sum(rows.filter((r) => !onDemand(r) && !lazyChunk(r)));
const lazy = sum(rows.filter(lazyChunk));
const later = sum(rows.filter(onDemand));

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ files: rows, total, lazy, on_demand: later }));
} else {
  const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
  console.log(`${'tệp'.padEnd(48)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'brotli'.padStart(11)}`);
  for (const r of rows) console.log(`${r.file.padEnd(48)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
  console.log(`${'TỔNG khi mở ứng dụng'.padEnd(48)}${kb(total.raw)}${kb(total.gzip)}${kb(total.brotli)}`);
  console.log(`${'phần tải khi mở trang đó (pkg/split_*, chunk_*, desk-and-studio.css)'.padEnd(48)}${kb(lazy.raw)}${kb(lazy.gzip)}${kb(lazy.brotli)}`);
  console.log(`${'tải khi cần (dữ liệu mẫu, demo/)'.padEnd(48)}${kb(later.raw)}${kb(later.gzip)}${kb(later.brotli)}`);
}
