// Starts the WebAssembly app. Kept as a file (not inline) so the
// Content-Security-Policy can forbid inline scripts.
import init from './pkg/app.js';

// The interface language the user chose (the app reads the same key); the
// few texts shown before or around the app are translated here.
let english = false;
try { english = localStorage.getItem('cchc-lang') === 'en'; } catch { /* storage blocked */ }
if (english) {
  document.documentElement.lang = 'en';
  const bar = document.getElementById('phien-ban-moi');
  if (bar) {
    bar.firstChild.textContent = 'A new version of the app is available. ';
    bar.querySelector('button').textContent = 'Update now';
    bar.lastChild.textContent = ' (your data is kept)';
  }
}

// The offline worker starts after the first render, so caching the rest of
// the app (the pages loaded on demand, the sample data) never competes with
// the first page; the files the page already has come from the HTTP cache
// (revalidated with a 304), so nothing is downloaded twice.
init().then(() => setTimeout(registerWorker, 1500), (err) => {
  const el = document.getElementById('loi-nghiem-trong');
  if (el) {
    el.textContent = english
      ? 'The app could not start. The browser must support WebAssembly; reload the page or use a newer browser.'
      : 'Không khởi động được ứng dụng. Trình duyệt cần hỗ trợ WebAssembly; hãy tải lại trang hoặc dùng trình duyệt mới hơn.';
    el.hidden = false;
  }
  console.error(err);
});

// Offline: a service worker caches the app after the first visit. Browsers
// allow it on https and on localhost only; over plain http on a LAN the app
// still works, just not offline.
function registerWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  // Reload only when the user asked for the new version (the first install
  // also changes the controller, and must not reload the page under them).
  let updating = false;
  navigator.serviceWorker.register('sw.js').then((reg) => {
    const offer = (worker) => {
      const bar = document.getElementById('phien-ban-moi');
      if (!bar || !worker) return;
      bar.hidden = false;
      bar.querySelector('button').onclick = () => { updating = true; worker.postMessage('cap-nhat'); };
    };
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      w?.addEventListener('statechange', () => {
        if (w.state === 'installed' && navigator.serviceWorker.controller) offer(w);
      });
    });
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (updating) { updating = false; window.location.reload(); }
    });
  }).catch((err) => console.warn('Không đăng ký được chế độ ngoại tuyến:', err));
}
