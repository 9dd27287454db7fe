// A tiny static file server for dist/ (serve command and e2e tests), served
// like a production web app: the precompressed .br or .gz written by
// scripts/build.sh when the browser accepts it, an ETag on every file and
// 304 Not Modified when it has not changed, the right content types.
// Usage: node scripts/static-server.mjs [--dir dist] [--port 8080] [--host 127.0.0.1]
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

export function startServer({ dir = 'dist', port = 8080, host = '127.0.0.1' } = {}) {
  const root = resolve(dir);
  const etags = new Map();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
      let file = join(root, path);
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const info = await stat(file);
      const key = `${file}:${info.mtimeMs}:${info.size}`;
      let etag = etags.get(key);
      if (!etag) {
        etag = `"${createHash('sha256').update(await readFile(file)).digest('base64url').slice(0, 22)}"`;
        etags.set(key, etag);
      }
      const headers = {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        // revalidated on every use (the ETag makes that a 304 of no body)
        'cache-control': 'no-cache',
        etag,
        vary: 'accept-encoding',
        'x-content-type-options': 'nosniff',
      };
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers).end(); return; }
      const accepts = String(req.headers['accept-encoding'] || '');
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!new RegExp(`\\b${enc}\\b`).test(accepts)) continue;
        // a compressed copy older than its file is stale (the file was
        // replaced after the build): send the file itself
        const packedInfo = await stat(file + ext).catch(() => null);
        if (!packedInfo || packedInfo.mtimeMs < info.mtimeMs) continue;
        const packed = await readFile(file + ext).catch(() => null);
        if (packed) {
          res.writeHead(200, { ...headers, 'content-encoding': enc, 'content-length': packed.length });
          res.end(req.method === 'HEAD' ? undefined : packed);
          return;
        }
      }
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : dflt; };
  const host = arg('host', '127.0.0.1');
  const port = Number(arg('port', 8080));
  const server = await startServer({ dir: arg('dir', 'dist'), port, host });
  const shown = host === '0.0.0.0' ? '<địa-chỉ-IP-máy-này>' : host;
  console.log(`Ứng dụng đang chạy tại http://${shown}:${server.address().port}/  (Ctrl+C để dừng)`);
}
