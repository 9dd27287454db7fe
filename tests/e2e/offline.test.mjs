// End-to-end: after one visit, the app opens and works with the network
// off (a service worker serves the cached build).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, repo } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

test('after the first visit the app works offline', async () => {
  const page = await env.page();
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label').first().waitFor();
  // wait until the service worker has cached everything and controls the page
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('cchc-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  assert.ok(cached.includes('/pkg/app_bg.wasm'), cached.join(' '));
  assert.ok(cached.includes('/criteria/minh-hoa-so-ban-nganh-2026.json'));

  await page.context().setOffline(true);
  await page.reload();
  await page.locator('.set-choice label').first().click();
  await page.goto(env.origin + '/#/linh-vuc/1');
  await page.locator('[id="muc-1.1.4-ty-le"]').fill('90');
  assert.match(await page.locator('[id="muc-1.1.4"] .item-result').innerText(), /90% → 1 điểm \(mức từ 70% đến 90%\)/);
  await page.goto(env.origin + '/#/bo-tieu-chi');
  await page.getByRole('heading', { level: 2, name: /sở, ban, ngành cấp tỉnh năm 2026/ }).waitFor();
  await page.context().setOffline(false);
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(page.foreignRequests, []);
});

test('a new version is announced and installed when the user asks', async () => {
  const page = await env.page();
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label').first().waitFor();
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  const before = await page.evaluate(async () => (await caches.keys()).find((n) => n.startsWith('cchc-')));
  // "deploy" a new build: the service worker's version changes
  const sw = join(repo, 'dist', 'sw.js');
  const original = readFileSync(sw, 'utf8');
  try {
    writeFileSync(sw, original.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-moi'"));
    await page.evaluate(async () => { const reg = await navigator.serviceWorker.getRegistration(); await reg.update(); });
    const bar = page.locator('#phien-ban-moi');
    await bar.waitFor();
    assert.match(await bar.innerText(), /Đã có phiên bản mới của ứng dụng\./);
    await Promise.all([page.waitForEvent('load'), bar.getByRole('button', { name: 'Cập nhật ngay' }).click()]);
    await page.locator('.set-choice label').first().waitFor();
    const after = await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('cchc-')));
    assert.deepEqual(after, [before + '-moi'], 'the old cache is dropped');
  } finally {
    writeFileSync(sw, original);
  }
  assert.deepEqual(page.consoleErrors, []);
});
