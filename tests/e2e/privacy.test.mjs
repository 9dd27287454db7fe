// End-to-end: no request leaves the page's origin. Every request the
// browser makes (page, workers, service worker) is recorded while a user
// walks every page, fills items, types a link into evidence, loads the
// demo, imports and exports; every one must be to the app's own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

test('every request stays on the app\'s origin', async () => {
  const page = await env.page();
  const context = page.context();
  const seen = [];
  context.on('request', (r) => seen.push(r.url()));
  page.on('request', (r) => seen.push(r.url()));

  await page.goto(env.origin + '/');
  await page.locator('.set-choice label').first().click();
  await page.getByLabel('Tên cơ quan, đơn vị').fill('Sở Kiểm Tra Mạng');
  for (let f = 1; f <= 7; f++) {
    await page.goto(`${env.origin}/#/linh-vuc/${f}`);
    await page.getByRole('heading', { level: 2, name: new RegExp(`^Lĩnh vực ${f}\\.`) }).waitFor();
  }
  // a link typed as evidence is text: the app never fetches it
  await page.goto(env.origin + '/#/linh-vuc/1');
  await page.locator('[id="muc-1.1.1"] summary').click();
  await page.locator('[id="muc-1.1.1"]').getByRole('button', { name: /Thêm tài liệu kiểm chứng/ }).click();
  await page.locator('[id="muc-1.1.1-tl-0-duong-dan"]').fill('https://example.org/van-ban/125-kh-ubnd.pdf');
  await page.locator('[id="muc-1.1.4-ty-le"]').fill('90');
  for (const route of ['#/tong-hop', '#/bo-tieu-chi', '#/ban-tu-danh-gia', '#/tham-dinh', '#/xep-hang']) {
    await page.goto(env.origin + '/' + route);
    await page.locator('#trang-tieu-de, .set-view h2').first().waitFor();
  }
  // export the submission (a download made in the page, not a request)
  await page.goto(env.origin + '/#/tong-hop');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Xuất tệp nộp/ }).click(),
  ]);
  const file = await download.path();
  // the reviewer imports it, then the demo is loaded and toured
  await page.goto(env.origin + '/#/tham-dinh');
  await page.locator('#nhap-ho-so').setInputFiles(file);
  await page.locator('.desk-table tbody tr').first().waitFor();
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Dùng thử với dữ liệu mẫu (trình diễn)' }).click(),
  ]);
  for (let i = 0; i < 6; i++) await page.locator('.tour').getByRole('button', { name: 'Tiếp' }).click();
  await page.goto(env.origin + '/#/tham-dinh/mau-so-y-te');
  await page.locator('.entry-table').first().waitFor();
  await page.waitForTimeout(500);

  const foreign = seen.filter((u) => !u.startsWith(env.origin + '/') && !u.startsWith('blob:' + env.origin) && !u.startsWith('data:'));
  assert.ok(seen.length > 5, `requests were recorded (${seen.length})`);
  assert.deepEqual(foreign, [], 'no request leaves the origin');
  assert.deepEqual(page.foreignRequests, []);
  assert.deepEqual(page.consoleErrors, []);
});
