// Shared setup for the end-to-end tests: serves dist/ on a free loopback
// port, starts Debian's Chromium through playwright-core, records console
// errors and every request that would leave the page's origin.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = join(here, '..', '..');
export const shots = join(here, 'screenshots');
mkdirSync(shots, { recursive: true });

export async function launch() {
  const server = await startServer({ dir: join(repo, 'dist'), port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // playwright gives every launch a fresh, empty profile of its own
  });
  return {
    origin, browser,
    async page(opts = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', ...opts });
      const page = await context.newPage();
      page.consoleErrors = [];
      page.foreignRequests = [];
      page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
      page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
      // Nothing may leave the origin: record and block anything that tries.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        page.foreignRequests.push(url);
        return route.abort();
      });
      return page;
    },
    async close() { await browser.close(); server.close(); },
  };
}

/** Opens the app's criteria-set library and waits until the bundled sets are listed. */
export async function openApp(page, origin) {
  await page.goto(origin + '/#/bo-tieu-chi');
  await page.getByRole('button', { name: /sở, ban, ngành/ }).first().waitFor();
}

/** Runs axe-core in the page and returns its violations. */
export async function axe(page) {
  // Evaluated through the DevTools protocol: the page's CSP rightly forbids
  // injected <script> tags, and we test with the real CSP in force.
  await page.evaluate(readFileSync(join(repo, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** A screenshot of the page once every page part loaded on demand is drawn
 * (a picture of "Đang tải…" shows nothing). */
export async function shot(page, name, opts = {}) {
  await page.locator('p.loading').first().waitFor({ state: 'detached', timeout: 30000 });
  // two frames: what a scroll just brought into view is drawn (content
  // skipped off screen, `content-visibility: auto`, is drawn a frame later)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.screenshot({ path: join(shots, `${name}.png`), fullPage: true, ...opts });
}

/** Nothing went wrong behind the scenes: no console error, no request out. */
export function assertClean(page) {
  assert.deepEqual(page.consoleErrors, [], 'no console errors');
  assert.deepEqual(page.foreignRequests, [], 'no request leaves the origin');
}

/** Opens the app, enters the demo (the sample agencies) and closes the tour. */
export async function enterDemo(page, origin) {
  await page.goto(origin + '/');
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Dùng thử với dữ liệu mẫu (trình diễn)' }).click(),
  ]);
  await page.locator('.tour').getByRole('button', { name: 'Đóng hướng dẫn' }).click();
}

/** An agency in a browser context of its own: the first bundled set, its
 * name, and 1.1.1 answered; left on field 1. */
export async function agencyDraft(env, name) {
  const page = await env.page({ acceptDownloads: true });
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label').first().click();
  await page.getByLabel('Tên cơ quan, đơn vị').fill(name);
  await page.goto(env.origin + '/#/linh-vuc/1');
  await page.locator('[id="muc-1.1.1-chon-0"]').check();
  return page;
}
