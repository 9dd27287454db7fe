// Offline use: after the first visit the app opens and works with no
// network (workshops in halls with poor Wi-Fi). Every shipped file is
// cached under the build's version; a new build is installed alongside and
// the page offers to switch to it. Nothing is fetched from other origins.
const MANIFEST = 'asset-manifest.json';
// Written by scripts/build.sh: changes whenever any shipped file does, so a
// new build changes this file and the browser installs it as an update.
const VERSION = '__VERSION__';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const res = await fetch(MANIFEST, { cache: 'no-store' });
    const { files } = await res.json();
    const cache = await caches.open(`cchc-${VERSION}`);
    await cache.addAll(['./', ...files]);
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('cchc-') && name !== `cchc-${VERSION}`) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'cap-nhat') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (new URL(req.url).pathname.endsWith('/' + MANIFEST)) return;
  event.respondWith((async () => {
    const cached = await caches.match(req, { ignoreSearch: true })
      || (req.mode === 'navigate' ? await caches.match('./') : undefined);
    if (cached) return cached;
    const res = await fetch(req);
    // a file not precached (the Excel reader) is kept once fetched
    if (res.ok && new URL(req.url).pathname.includes('/pkg/')) {
      const copy = res.clone();
      event.waitUntil(caches.open(`cchc-${VERSION}`).then((c) => c.put(req, copy)));
    }
    return res;
  })());
});
