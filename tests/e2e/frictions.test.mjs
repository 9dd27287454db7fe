// End-to-end: the walkthrough's frictions (issue 18), each as a focal point
// met it: the sticky score bar over a new document's first box, the date
// typed day first, coming back to the exact item, the fields on a phone,
// "92,5%", the unit type from the set, long titles, a reason for "không áp
// dụng", the CSV's agency and evidence, and the tour on an empty app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, repo, shots, shot, axe, assertClean, agencyDraft } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const byId = (page, id) => page.locator(`[id="${id}"]`);

test('a new document\'s first box is not under the score bar, and its date is typed day first', async () => {
  const page = await agencyDraft(env, 'Sở Nội vụ tỉnh Minh Họa');
  await page.setViewportSize({ width: 1366, height: 768 });
  const card = byId(page, 'muc-1.2.1');
  await card.scrollIntoViewIfNeeded();
  await card.locator('details.evidence-box summary').click();
  await card.getByRole('button', { name: '+ Thêm tài liệu kiểm chứng' }).click();
  const first = byId(page, 'muc-1.2.1-tl-0-so');
  await assert.doesNotReject(first.waitFor());
  assert.equal(await first.evaluate((el) => el === document.activeElement), true, 'focus is in the new document');
  const bar = await page.locator('.score-bar').boundingBox();
  const box = await first.boundingBox();
  assert.ok(box.y >= bar.y + bar.height, `the focused box (top ${box.y}) is below the score bar (bottom ${bar.y + bar.height})`);
  await shot(page, 'tai-lieu-moi-duoi-thanh-diem', { fullPage: false });

  // one date format: typed day/month/year, shown so, stored as a date
  await first.fill('07/KH-SNV');
  const date = byId(page, 'muc-1.2.1-tl-0-ngay');
  assert.equal(await date.getAttribute('type'), 'text');
  await date.fill('15/03/2026');
  assert.equal(await date.inputValue(), '15/03/2026');
  assert.equal(await byId(page, 'muc-1.2.1-tl-0-ngay-loi').count(), 0);
  // one Tab leaves the date for the next box (no stops inside its parts)
  await date.focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'muc-1.2.1-tl-0-co-quan');
  await date.fill('31/02/2026');
  assert.match(await byId(page, 'muc-1.2.1-tl-0-ngay-loi').innerText(), /ngày\/tháng\/năm, ví dụ 25\/10\/2026/);
  await date.fill('5/3/2026');
  await page.waitForFunction(() => document.querySelector('[id="muc-1.2.1-tl-0-ngay-loi"]') === null);
  // the stored date is what the summary's documents list prints
  await page.goto(env.origin + '/#/tong-hop');
  await page.getByRole('heading', { name: 'Bảng tổng hợp kết quả tự đánh giá' }).waitFor();
  assert.match(await page.locator('.library-section').innerText(), /05\/03\/2026/);
  assertClean(page);
});

test('reload, reopening the app and «Mở» come back to the item being worked on', async () => {
  const page = await agencyDraft(env, 'Sở Y tế tỉnh Minh Họa');
  await page.goto(env.origin + '/#/linh-vuc/2');
  const item = byId(page, 'muc-2.3.2');
  await item.scrollIntoViewIfNeeded();
  await byId(page, 'muc-2.3.2-ty-le').fill('92,5%');
  // "92,5%" with its sign is a percentage
  assert.equal(await byId(page, 'muc-2.3.2-ty-le-loi').count(), 0, 'no error for 92,5%');
  await item.locator('.item-result', { hasText: '/ 1 điểm' }).waitFor();
  assert.match(new URL(page.url()).hash, /^#\/linh-vuc\/2\/2\.3\.2$/);

  const onScreen = async () => {
    await byId(page, 'muc-2.3.2-tieu-de').waitFor();
    await page.waitForFunction(() => {
      const r = document.getElementById('muc-2.3.2-tieu-de').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
  };
  await page.reload();
  await onScreen();
  // the app opened again without an address
  await page.goto(env.origin + '/');
  await onScreen();
  assert.match(new URL(page.url()).hash, /2\.3\.2$/);
  // «Mở» in the list of drafts
  await page.goto(env.origin + '/#/ban-tu-danh-gia');
  await page.getByRole('button', { name: 'Mở', exact: true }).first().click();
  await onScreen();
  assertClean(page);
});

test('on a phone the fields are at the top, and the profile fits real titles and the set\'s unit type', async () => {
  const page = await env.page({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label').first().click();
  // the unit type comes from the set (a department set)
  assert.equal(await page.getByLabel('Loại đơn vị').inputValue(), 'so_ban_nganh');
  const position = page.getByLabel('Chức vụ');
  await position.fill('Chuyên viên Văn phòng Sở Tư pháp');
  const fits = await position.evaluate((el) => el.scrollWidth <= el.clientWidth);
  assert.ok(fits, 'the position is shown whole');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing is wider than the phone');
  await page.goto(env.origin + '/#/linh-vuc/3');
  const nav = page.getByRole('navigation', { name: 'Các bước tự đánh giá' });
  const field4 = nav.getByRole('link', { name: /^4\./ });
  const at = await field4.boundingBox();
  assert.ok(at && at.y < 844, `field 4's link is on the first screen (y ${at && at.y})`);
  await shot(page, 'dien-thoai-linh-vuc', { fullPage: false });
  await field4.click();
  await page.waitForURL(/#\/linh-vuc\/4$/);
  assert.deepEqual(await axe(page), []);
  assertClean(page);
});

test('«không áp dụng» asks for a reason, and the CSV carries the agency and the documents', async () => {
  const page = await agencyDraft(env, 'Sở Công Thương tỉnh Minh Họa');
  await page.goto(env.origin + '/#/linh-vuc/2');
  const item = byId(page, 'muc-2.1.2');
  await item.scrollIntoViewIfNeeded();
  await byId(page, 'muc-2.1.2-kad').check();
  const warning = item.locator('.field-warning');
  assert.match(await warning.innerText(), /Nêu lý do không áp dụng/);
  await page.goto(env.origin + '/#/tong-hop');
  const list = page.getByRole('region', { name: /Không áp dụng, chưa nêu lý do \(1\)/ });
  assert.match(await list.innerText(), /2\.1\.2/);
  await page.goto(env.origin + '/#/linh-vuc/2/2.1.2');
  await item.locator('details.evidence-box summary').click();
  await byId(page, 'muc-2.1.2-tl-giai-trinh').fill('Năm 2026 Sở không chủ trì xây dựng văn bản quy phạm pháp luật nào.');
  await warning.waitFor({ state: 'detached' });

  await page.goto(env.origin + '/#/linh-vuc/1');
  const first = byId(page, 'muc-1.1.1');
  await first.locator('details.evidence-box summary').click();
  await first.getByRole('button', { name: '+ Thêm tài liệu kiểm chứng' }).click();
  await byId(page, 'muc-1.1.1-tl-0-so').fill('12/KH-SCT');
  await byId(page, 'muc-1.1.1-tl-0-ngay').fill('10/01/2026');
  await byId(page, 'muc-1.1.1-tl-0-trich-yeu').fill('Kế hoạch CCHC năm 2026');
  await page.goto(env.origin + '/#/tong-hop');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Xuất bảng điểm \(CSV/ }).click()]);
  const file = join(shots, 'bang-diem.csv');
  await dl.saveAs(file);
  const csv = readFileSync(file, 'utf8');
  assert.match(csv, /^\uFEFF"Cơ quan, đơn vị","Sở Công Thương tỉnh Minh Họa"\r\n/);
  assert.match(csv, /Mã,Nội dung,Điểm tối đa,Điểm tự chấm,Lý do,Tài liệu kiểm chứng,Giải trình\r\n/);
  assert.match(csv, /"1\.1\.1",.*"12\/KH-SCT · ngày 10\/01\/2026 · Kế hoạch CCHC năm 2026",""\r\n/);
  assert.match(csv, /"2\.1\.2",.*"Năm 2026 Sở không chủ trì/);
  assertClean(page);
});

test('the tour on an empty app says why a page is empty and offers the sample data', async () => {
  const page = await env.page();
  await page.goto(env.origin + '/');
  await page.getByRole('button', { name: 'Hướng dẫn nhanh' }).click();
  const tour = page.locator('.tour');
  for (let i = 0; i < 3; i++) await tour.getByRole('button', { name: 'Tiếp' }).click();
  await tour.getByRole('heading', { name: 'Điểm bị mất' }).waitFor();
  assert.match(await tour.innerText(), /Trang này còn trống vì chưa có bản tự đánh giá nào/);
  await shot(page, 'huong-dan-trang-trong', { fullPage: false });
  await Promise.all([
    page.waitForEvent('load'),
    tour.getByRole('button', { name: 'Xem với dữ liệu mẫu' }).click(),
  ]);
  // in the demo the tour goes on, with data behind it
  await page.locator('.demo-bar.in-demo').waitFor();
  await page.locator('.tour').waitFor();
  assert.doesNotMatch(await page.locator('.tour').innerText(), /Trang này còn trống/);
  assertClean(page);
});

test('a file picked in the wrong place says what it is and where it opens', async () => {
  // the focal point sends the draft's file instead of the submission
  const agency = await agencyDraft(env, 'Sở Xây dựng tỉnh Minh Họa');
  await agency.goto(env.origin + '/#/ban-tu-danh-gia');
  const card = agency.locator('.draft-card', { hasText: 'Sở Xây dựng tỉnh Minh Họa' });
  const [dl] = await Promise.all([agency.waitForEvent('download'), card.getByRole('button', { name: 'Tải về (JSON)' }).click()]);
  const draftFile = join(mkdtempSync(join(tmpdir(), 'cchc-')), 'ban-nhap.json');
  await dl.saveAs(draftFile);
  assert.match(readFileSync(draftFile, 'utf8'), /"format":"cchc-draft"/);

  const reviewer = await env.page();
  await reviewer.goto(env.origin + '/#/tham-dinh');
  await reviewer.getByRole('heading', { name: 'Thẩm định hồ sơ tự đánh giá' }).waitFor();
  await reviewer.locator('#nhap-ho-so').setInputFiles(draftFile);
  const refused = reviewer.locator('.import-results .banner-error');
  await refused.waitFor();
  const why = await refused.innerText();
  assert.match(why, /không phải tệp nộp tự đánh giá/);
  assert.match(why, /Tệp gửi Sở Nội vụ là tệp nộp, xuất ở trang «Bảng tổng hợp», nút «Xuất tệp nộp \(JSON\)»/);
  await shot(reviewer, 'tep-nham-cho', { fullPage: false });
  assert.deepEqual(await axe(reviewer), [], 'axe on the refused file');
  assert.equal(await reviewer.locator('.desk-table').count(), 0, 'nothing joined the desk');
  // the signed printout picked instead of the file: named as a PDF, not "bad UTF-8"
  await reviewer.locator('#nhap-ho-so').setInputFiles({ name: 'to-trinh-da-ky.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n', 'latin1') });
  const pdf = reviewer.locator('.import-results .banner-error', { hasText: 'to-trinh-da-ky.pdf' });
  await pdf.waitFor();
  assert.match(await pdf.innerText(), /Tệp này là tệp PDF, không phải tệp JSON của ứng dụng/);
  assert.doesNotMatch(await pdf.innerText(), /UTF-8/);
  await shot(reviewer, 'tep-pdf-nham-cho', { fullPage: false });

  // the province's criteria set picked as a draft to open
  await agency.goto(env.origin + '/#/ban-tu-danh-gia');
  // the button says it opens a sent submission too
  assert.match(await agency.locator('#mo-ban-tu-tep-goi-y').innerText(), /cả tệp nộp đã gửi Sở Nội vụ/);
  await agency.locator('#mo-ban-tu-tep').setInputFiles(join(repo, 'public/criteria/minh-hoa-ubnd-xa-phuong-2026.json'));
  const message = agency.locator('.banner', { hasText: 'minh-hoa-ubnd-xa-phuong-2026.json' });
  await message.waitFor();
  assert.match(await message.innerText(), /Tệp này là một bộ tiêu chí: nạp nó ở trang «Bộ tiêu chí»\.$/);
  await shot(agency, 'bo-tieu-chi-mo-nham-cho', { fullPage: false });
  assertClean(agency);
  assertClean(reviewer);
});
