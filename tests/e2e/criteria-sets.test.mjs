// End-to-end: a user opens the app, browses the bundled criteria sets, loads
// their province's set from a file, and gets Vietnamese errors for bad files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, assertClean, openApp, axe, shot, repo } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });


test('opens the app and views both bundled sets as trees', async () => {
  const page = await env.page();
  await openApp(page, env.origin);
  const sets = page.locator('.set-list .set-pick');
  assert.equal(await sets.count(), 2);
  assert.match(await sets.nth(0).innerText(), /Bộ tiêu chí xác định Chỉ số CCHC các sở, ban, ngành cấp tỉnh năm 2026 \(minh họa\)/);
  assert.match(await sets.nth(0).innerText(), /7 lĩnh vực, 48 tiêu chí, 89 tiêu chí thành phần · 97 mục tự chấm/);
  assert.match(await sets.nth(1).innerText(), /UBND xã, phường/);

  // the first set is shown: provenance is visible, per-field totals add up
  await page.getByRole('heading', { level: 2, name: /sở, ban, ngành cấp tỉnh năm 2026/ }).waitFor();
  assert.match(await page.locator('.banner-illustrative').innerText(), /Bộ tiêu chí minh họa\./);
  const foot = await page.locator('.fields-table tfoot tr').innerText();
  assert.match(foot, /Tổng cộng\s+48\s+89\s+100\s+6/);

  // open field 1 and criterion 1.1 from the keyboard: rules read in plain Vietnamese
  const field1 = page.locator('details.field > summary').first();
  await field1.focus();
  await page.keyboard.press('Enter');
  const crit = page.locator('details.criterion > summary', { hasText: 'Kế hoạch cải cách hành chính năm' });
  await crit.focus();
  await page.keyboard.press('Enter');
  const item = page.locator('#tc-1\\.1\\.4');
  await item.waitFor();
  assert.match(await item.innerText(), /Cách chấm: Trên 90%: 2 điểm; Từ 70% đến 90%: 1 điểm; Dưới 70%: 0 điểm/);
  assert.match(await page.locator('#tc-1\\.1\\.1').innerText(), /Ban hành kịp thời: 1 điểm; Ban hành không kịp thời: 0,5 điểm; Không ban hành: 0 điểm/);
  await shot(page, 'bo-tieu-chi-so-ban-nganh');
  assert.deepEqual(await axe(page), [], 'axe: no violations');

  // the commune set, every branch open
  await sets.nth(1).click();
  await page.getByRole('heading', { level: 2, name: /UBND xã, phường/ }).waitFor();
  await page.getByRole('button', { name: 'Mở tất cả' }).click();
  assert.match(await page.locator('#tc-1\\.6\\.1').innerText(), /Điểm thưởng — Xuất sắc: 2 điểm; Tốt: 1,5 điểm; Hoàn thành: 1 điểm/);
  assert.match(await page.locator('#tc-5\\.3\\.3').innerText(), /Trừ điểm của tiêu chí — Không có: không trừ; Có: trừ toàn bộ điểm tiêu chí/);
  assert.match(await page.locator('#tc-3\\.5\\.1').innerText(), /Không tự chấm/);
  await shot(page, 'bo-tieu-chi-xa-phuong-mo-tat-ca');
  assert.deepEqual(await axe(page), [], 'axe: no violations');
  assertClean(page);
  await page.context().close();
});

test('works at phone width', async () => {
  const page = await env.page({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await openApp(page, env.origin);
  await page.locator('details.field > summary').nth(2).click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
  await shot(page, 'dien-thoai');
  await page.locator('.fields-table').scrollIntoViewIfNeeded();
  await shot(page, 'dien-thoai-bang-linh-vuc', { fullPage: false });
  assertClean(page);
  await page.context().close();
});

test('loads a set from a file, keeps it across reloads, and removes it', async () => {
  const page = await env.page();
  await openApp(page, env.origin);
  await page.getByLabel('Nạp bộ tiêu chí từ tệp JSON').setInputFiles(join(repo, 'tests/fixtures/every-rule-kind.json'));
  await page.getByRole('status').filter({ hasText: 'Đã nạp «Bộ kiểm thử: mọi loại quy tắc chấm».' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Bộ kiểm thử: mọi loại quy tắc chấm' }).waitFor();
  assert.match(await page.locator('.set-card.current').innerText(), /Đã nạp từ tệp every-rule-kind\.json/);

  await page.reload();
  await openApp(page, env.origin);
  const loaded = page.locator('.set-card', { hasText: 'Bộ kiểm thử: mọi loại quy tắc chấm' });
  assert.equal(await loaded.count(), 1, 'still there after a reload');
  await loaded.locator('.set-pick').click();
  assert.match(await page.locator('.fields-table tfoot').innerText(), /Tổng cộng\s+7\s+5\s+20\s+3/);

  await loaded.getByRole('button', { name: 'Gỡ bộ tiêu chí này' }).click();
  assert.equal(await loaded.count(), 0);
  await page.reload();
  await openApp(page, env.origin);
  assert.equal(await page.locator('.set-card', { hasText: 'Bộ kiểm thử' }).count(), 0, 'gone after a reload');
  assertClean(page);
  await page.context().close();
});

test('a malformed or inconsistent file gets specific Vietnamese errors', async () => {
  const page = await env.page();
  await openApp(page, env.origin);
  const input = page.getByLabel('Nạp bộ tiêu chí từ tệp JSON');

  await input.setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": "cchc-criteria-set", ') });
  let alert = page.locator('.load-errors');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Không nạp được tệp «hong\.json»: 1 lỗi/);
  assert.match(await alert.innerText(), /Tệp không phải JSON hợp lệ: tệp bị cắt ngang, JSON chưa kết thúc \(dòng 1, cột 33\)/);

  const fixture = JSON.parse(readFileSync(join(repo, 'tests/fixtures/every-rule-kind.json'), 'utf8'));
  fixture.fields[0].criteria[0].items[2].rule.bands[0].min_inclusive = true;
  fixture.fields[0].criteria[0].max = 6;
  fixture.fields[1].criteria[0].code = '1.2';
  fixture.fields[0].criteria[0].items[0].rule.kind = 'sao';
  fixture.title = '<img src=x onerror=alert(1)>';
  await input.setInputFiles({ name: 'sai-so-hoc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fixture)) });
  await page.locator('.load-errors', { hasText: 'sai-so-hoc.json' }).waitFor();
  const text = await page.locator('.load-errors').innerText();
  assert.match(text, /\[1\.1\.1\] Loại quy tắc chấm «sao» không được hỗ trợ/);
  await shot(page, 'loi-nap-bo-tieu-chi');

  delete fixture.fields[0].criteria[0].items[0].rule.kind;
  fixture.fields[0].criteria[0].items[0].rule.kind = 'levels';
  await input.setInputFiles({ name: 'sai-so-hoc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fixture)) });
  await page.locator('.load-errors', { hasText: /4 lỗi/ }).waitFor();
  const all = await page.locator('.load-errors').innerText();
  assert.match(all, /\[1\.1\.3\] Mức «từ 70% đến 90%» và mức «từ 90% trở lên» chồng lấn nhau\nVị trí trong tệp: fields\[0\]\.criteria\[0\]\.items\[2\]\.rule\.bands/);
  assert.match(all, /\[1\.1\] Điểm tối đa khai báo của tiêu chí \(6\) khác tổng điểm tối đa các tiêu chí thành phần \(5\)/);
  assert.match(all, /\[1\] Điểm tối đa khai báo của lĩnh vực \(10\) khác tổng điểm tối đa các tiêu chí \(11\)/);
  assert.match(all, /\[1\.2\] Mã «1\.2» bị trùng \(đã dùng ở fields\[0\]\.criteria\[1\]\)/);
  await shot(page, 'loi-so-hoc-bo-tieu-chi');

  const big = Buffer.alloc(2 * 1024 * 1024 + 10, 0x20);
  await input.setInputFiles({ name: 'qua-lon.json', mimeType: 'application/json', buffer: big });
  await page.locator('.load-errors', { hasText: 'qua-lon.json' }).waitFor();
  assert.match(await page.locator('.load-errors').innerText(), /Tệp «qua-lon\.json» quá lớn \(2049 KB\); giới hạn là 2048 KB/);

  // nothing was added, the bundled sets are intact, and no injected markup ran
  assert.equal(await page.locator('.set-list .set-pick').count(), 2);
  assert.equal(await page.locator('img[src=x]').count(), 0);
  assert.deepEqual(await axe(page), [], 'axe: no violations');
  assertClean(page);
  await page.context().close();
});
