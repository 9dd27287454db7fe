// End-to-end: the trainer's demo. One click loads sample agencies into a
// space of their own; the tour walks the app; reset restores the samples;
// leaving the demo finds the user's real draft untouched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, axe, shot, assertClean } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

test('demo data stays apart from real drafts, resets, and the tour walks the app', async () => {
  const page = await env.page();
  // a real draft first
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label').first().click();
  await page.getByLabel('Tên cơ quan, đơn vị').fill('Sở Thật Của Tôi');
  await page.waitForTimeout(400);

  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Dùng thử với dữ liệu mẫu (trình diễn)' }).click(),
  ]);
  await page.getByRole('region', { name: 'Chế độ trình diễn' }).waitFor();
  assert.match(page.url(), /#\/ban-tu-danh-gia$/);
  const rows = page.locator('.draft-list > li');
  await rows.first().waitFor();
  const names = await page.locator('.draft-card h3').allInnerTexts();
  assert.ok(names.length >= 5, names.join(' | '));
  assert.ok(!names.some((n) => n.includes('Sở Thật Của Tôi')), 'the real draft is not in the demo');
  assert.ok(names.some((n) => n.includes('Sở Tư pháp tỉnh Minh Họa')));

  // the tour opens on entering the demo, and walks page by page
  const tour = page.getByRole('dialog', { name: 'Các bản tự đánh giá' });
  await tour.waitFor();
  assert.deepEqual(await axe(page), []);
  await shot(page, 'demo-1-drafts-tour', { fullPage: false });
  const visited = [];
  for (let i = 0; i < 6; i++) {
    await page.locator('.tour').getByRole('button', { name: 'Tiếp' }).click();
    await page.waitForTimeout(200);
    visited.push([await page.locator('.tour h2').innerText(), new URL(page.url()).hash]);
    // focus sits on the tour, so Enter/Space keep walking
    assert.equal(await page.evaluate(() => document.activeElement.id), 'huong-dan-tieu-de');
    if (i === 0) await shot(page, 'demo-2-tour-field', { fullPage: false });
  }
  assert.deepEqual(visited.map((v) => v[1]), ['#/linh-vuc/1', '#/tong-hop', '#/tong-hop', '#/tong-hop', '#/tham-dinh', '#/xep-hang']);
  assert.deepEqual(await axe(page), []);
  await shot(page, 'demo-3-tour-ranking', { fullPage: false });

  // the desk: appraised and closed submissions are there
  await page.goto(env.origin + '/#/tham-dinh');
  const desk = page.locator('.desk-table tbody tr');
  await desk.first().waitFor();
  const deskCount = await desk.count();
  assert.ok(deskCount >= 5);
  const statuses = await page.locator('.desk-table tbody').innerText();
  assert.match(statuses, /Đã chốt/);
  assert.match(statuses, /Đã gửi yêu cầu/);
  // charts: the ranking as bars, self against appraised per field
  await page.goto(env.origin + '/#/xep-hang');
  const ranking = page.getByRole('img', { name: /^Biểu đồ chỉ số của các cơ quan theo thứ hạng: hạng 1 Sở Tư pháp/ });
  await ranking.waitFor();
  assert.equal(await ranking.locator('rect.bar-0').count(), deskCount);
  await shot(page, 'demo-5-ranking-chart', { fullPage: false });
  await page.goto(env.origin + '/#/tham-dinh/mau-so-y-te');
  const bars = page.getByRole('img', { name: /^Biểu đồ chỉ số theo lĩnh vực, tự chấm \(tính lại\) và thẩm định: LV 1/ });
  await bars.waitFor();
  assert.equal(await bars.locator('rect.bar-1').count(), 7 + 1, 'one appraised bar per field, plus the legend');
  assert.deepEqual(await axe(page), []);
  await page.locator('.result-box').scrollIntoViewIfNeeded();
  await shot(page, 'demo-4-entry-bars', { fullPage: false });
  await page.locator('.tour').getByRole('button', { name: 'Xong' }).click();
  assert.equal(await page.locator('.tour').count(), 0);

  // large text for a projector, remembered across reloads
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Chữ lớn (trình chiếu)' }).click();
  await page.goto(env.origin + '/#/linh-vuc/2');
  await page.reload();
  await page.getByRole('heading', { level: 2, name: /^Lĩnh vực 2\./ }).waitFor();
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '21px');
  assert.equal(await page.getByRole('button', { name: 'Chữ lớn (trình chiếu)' }).getAttribute('aria-pressed'), 'true');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scrolling');
  assert.deepEqual(await axe(page), []);
  await shot(page, 'projector-field-2', { fullPage: false });
  await page.getByRole('button', { name: 'Chữ lớn (trình chiếu)' }).click();
  await page.setViewportSize({ width: 1280, height: 900 });

  // a change in the demo, then reset brings the samples back
  await page.goto(env.origin + '/#/ban-tu-danh-gia');
  await rows.first().waitFor();
  const before = await rows.count();
  page.once('dialog', (d) => d.accept());
  await rows.last().getByRole('button', { name: /^Xóa/ }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.draft-list > li').length === n - 1, before);
  page.once('dialog', (d) => d.accept());
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Đặt lại dữ liệu mẫu' }).click()]);
  await rows.first().waitFor();
  assert.equal(await rows.count(), before);

  // leaving the demo: the real draft is there, and no sample leaked in
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Thoát trình diễn' }).click()]);
  await rows.first().waitFor();
  const real = await page.locator('.draft-card h3').allInnerTexts();
  assert.equal(real.length, 1);
  assert.match(real[0], /Sở Thật Của Tôi/);
  assert.equal(await page.getByRole('region', { name: 'Chế độ trình diễn' }).count(), 0);
  assertClean(page);
});
