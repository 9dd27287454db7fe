// End-to-end: an agency exports its submission; a reviewer in another
// browser context imports it with others (one tampered, one hostile, one not
// a submission at all), sees each checked, opens one, and finds it all again
// after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, axe, shot, shots, repo, agencyDraft } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const byId = (page, id) => page.locator(`[id="${id}"]`);

async function agencyExports(name) {
  const page = await env.page({ acceptDownloads: true });
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label').first().click();
  await page.getByLabel('Tên cơ quan, đơn vị').fill(name);
  await page.goto(env.origin + '/#/linh-vuc/1');
  await byId(page, 'muc-1.1.1-chon-0').check();
  await byId(page, 'muc-1.1.4-ty-le').fill('86');
  const card = byId(page, 'muc-1.1.1');
  await card.locator('details.evidence-box summary').click();
  await card.getByRole('button', { name: '+ Thêm tài liệu kiểm chứng' }).click();
  await byId(page, 'muc-1.1.1-tl-0-so').fill('125/KH-UBND');
  await byId(page, 'muc-1.1.1-tl-0-duong-dan').fill('https://vanban.example.gov.vn/125');
  await page.goto(env.origin + '/#/tong-hop');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất tệp nộp (JSON)' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.match(download.suggestedFilename(), /^CCHC-2026-.+-\d{8}\.json$/);
  await page.locator('.banner-ok', { hasText: 'Đã xuất tệp' }).waitFor();
  // the CSV opens in Excel with Vietnamese: UTF-8 with a BOM
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Xuất bảng điểm/ }).click()]);
  const bytes = readFileSync(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(bytes.toString('utf8'), /"1\.1\.4","Mức độ thực hiện Kế hoạch CCHC năm"|"1\.1\.4"/);
  await page.context().close();
  return text;
}

test('agency → reviewer: sealed export, checked import, tampering flagged, hostile input inert', async () => {
  const good = await agencyExports('Sở Tư pháp');
  const other = JSON.parse(await agencyExports('<img src=x onerror="window.__xss=1">Sở <b>Y tế</b>'));
  const sub = JSON.parse(good);
  assert.equal(sub.format, 'cchc-submission');
  assert.equal(sub.digest.length, 64);
  assert.equal(sub.responses['1.1.4'].value, '86');

  const dir = mkdtempSync(join(tmpdir(), 'cchc-ho-so-'));
  const files = {
    good: join(dir, 'CCHC-2026-so-tu-phap.json'),
    hostile: join(dir, 'CCHC-2026-so-y-te.json'),
    tampered: join(dir, 'CCHC-2026-sua-diem.json'),
    broken: join(dir, 'hong.json'),
  };
  writeFileSync(files.good, good);
  writeFileSync(files.hostile, JSON.stringify(other));
  const t = JSON.parse(good);
  t.draft_id = 'khac-' + t.draft_id; t.agency.name = 'Sở Sửa Điểm';
  t.scores.items['1.1.4'] = 2; t.scores.total = 50; // edited after export
  writeFileSync(files.tampered, JSON.stringify(t));
  writeFileSync(files.broken, '{"format": "cchc-submission", "draft_id": ');

  const reviewer = await env.page();
  await reviewer.goto(env.origin + '/#/tham-dinh');
  await reviewer.getByRole('heading', { name: 'Thẩm định hồ sơ tự đánh giá' }).waitFor();
  await reviewer.locator('#nhap-ho-so').setInputFiles(Object.values(files));
  await reviewer.locator('.import-results > li').nth(3).waitFor();
  const results = await reviewer.locator('.import-results > li').allInnerTexts();
  assert.match(results[0], /CCHC-2026-so-tu-phap\.json: đã nhập hồ sơ của «Sở Tư pháp»/);
  assert.match(results[3], /Không nhập được tệp «hong\.json»: 1 lỗi/);
  assert.match(results[3], /JSON/);

  const rows = reviewer.locator('.desk-table tbody tr');
  assert.equal(await rows.count(), 3, 'the bad file did not stop the others');
  const row = (name) => rows.filter({ hasText: name });
  assert.match(await row('Sở Tư pháp').innerText(), /Khớp/);
  // the set named short in every row, its full title kept for the pointer
  const setCell = row('Sở Tư pháp').locator('td').first();
  assert.equal(await setCell.innerText(), 'Sở, ban, ngành 2026');
  assert.match(await setCell.getAttribute('title'), /^Bộ tiêu chí xác định Chỉ số CCHC các sở, ban, ngành/);
  const tampered = await row('Sở Sửa Điểm').innerText();
  assert.match(tampered, /Mã niêm phong \(SHA-256\) không khớp: tệp đã bị sửa sau khi xuất\./);
  assert.match(tampered, /Tổng điểm, chỉ số hoặc xếp loại ghi trong tệp \(50; [^)]*\) khác với kết quả tính lại \(2; /);
  assert.match(tampered, /1 mục có điểm tự chấm khác với điểm tính lại: 1\.1\.4\./);
  // hostile text is shown as text, never run
  assert.match(await rows.filter({ hasText: 'Y tế' }).innerText(), /<img src=x onerror="window.__xss=1">Sở <b>Y tế<\/b>/);
  assert.equal(await reviewer.evaluate(() => window.__xss), undefined);
  assert.equal(await reviewer.locator('.desk-table img, .desk-table b').count(), 0);
  await shot(reviewer, 'ban-tham-dinh');
  assert.deepEqual(await axe(reviewer), [], 'axe on the desk');

  // open the tampered one: items side by side, filters, status
  await reviewer.getByRole('link', { name: 'Sở Sửa Điểm' }).click();
  await reviewer.getByRole('heading', { level: 2, name: 'Hồ sơ: Sở Sửa Điểm' }).waitFor();
  await byId(reviewer, 'loc-khac-diem').check();
  const visible = reviewer.locator('.entry-table tbody tr:not([hidden])');
  assert.equal(await visible.count(), 1);
  assert.match(await visible.innerText(), /1\.1\.4[\s\S]*2[\s\S]*1 86% → 1 điểm/);
  // one table per field; a field the filter leaves empty is hidden whole
  assert.equal(await reviewer.locator('.entry-field').count(), await reviewer.locator('.entry-table caption').count());
  assert.ok(await reviewer.locator('.entry-field').count() > 1);
  assert.deepEqual(await reviewer.locator('.entry-field:not([hidden]) caption').allInnerTexts(), [await reviewer.locator('.entry-table caption').first().innerText()]);
  await byId(reviewer, 'loc-khac-diem').uncheck();
  await byId(reviewer, 'loc-thieu-tlkc').check();
  const noEvidence = await reviewer.locator('.entry-table tbody tr:not([hidden]) th').allTextContents();
  assert.ok(!noEvidence.includes('1.1.1'), '1.1.1 cites a document');
  assert.ok(noEvidence.includes('1.1.4'));
  await byId(reviewer, 'loc-thieu-tlkc').uncheck();
  assert.match(await reviewer.locator('.entry-field').first().innerText(), /125\/KH-UBND · https:\/\/vanban\.example\.gov\.vn\/125/);
  assert.equal(await reviewer.locator('.entry-table a').count(), 0, 'links from the file are not live');
  await byId(reviewer, 'trang-thai-ho-so').selectOption({ label: 'Đang thẩm định' });
  await shot(reviewer, 'tham-dinh-ho-so');
  assert.deepEqual(await axe(reviewer), [], 'axe on one submission');

  // everything survives a reload
  await reviewer.reload();
  await reviewer.getByRole('heading', { level: 2, name: 'Hồ sơ: Sở Sửa Điểm' }).waitFor();
  assert.equal(await byId(reviewer, 'trang-thai-ho-so').inputValue(), 'dang');
  await reviewer.goto(env.origin + '/#/tham-dinh');
  assert.equal(await rows.count(), 3);
  assert.match(await row('Sở Sửa Điểm').innerText(), /Đang thẩm định/);
  // the set is stored once for the three agencies
  // in the browser's database (IndexedDB), nothing of it in localStorage
  assert.deepEqual(await reviewer.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cchc.review.'))), []);
  const keys = await reviewer.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('cchc');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const q = open.result.transaction('kv').objectStore('kv').getAllKeys();
      q.onsuccess = () => resolve(q.result.filter((k) => k.startsWith('cchc.review.')));
    };
  }));
  assert.equal(keys.filter((k) => k.startsWith('cchc.review.set.')).length, 1);
  assert.equal(keys.filter((k) => k.startsWith('cchc.review.entry.')).length, 3);
  assert.deepEqual(reviewer.consoleErrors, []);
  assert.deepEqual(reviewer.foreignRequests, []);
});

test('the whole loop: agency → reviewer → agency → reviewer, then locked and ranked', async () => {
  // agency, in its own browser context
  const agency = await agencyDraft(env, 'Sở Nội vụ Minh Họa');
  await byId(agency, 'muc-1.1.4-ty-le').fill('95');
  await agency.goto(env.origin + '/#/tong-hop');
  const [d1] = await Promise.all([agency.waitForEvent('download'), agency.getByRole('button', { name: 'Xuất tệp nộp (JSON)' }).click()]);
  const dir = mkdtempSync(join(tmpdir(), 'cchc-vong-'));
  const round1 = join(dir, 'lan-1.json');
  writeFileSync(round1, readFileSync(await d1.path()));

  // reviewer, in another context: appraise 1.1.1 down and ask for evidence
  const reviewer = await env.page({ acceptDownloads: true });
  await reviewer.goto(env.origin + '/#/tham-dinh');
  await reviewer.locator('#nhap-ho-so').setInputFiles([round1]);
  await reviewer.getByRole('link', { name: 'Sở Nội vụ Minh Họa' }).click();
  await reviewer.getByRole('heading', { level: 2, name: 'Hồ sơ: Sở Nội vụ Minh Họa' }).waitFor();
  await byId(reviewer, 'td-1.1.1-diem').fill('0,7');
  assert.equal((await byId(reviewer, 'td-1.1.1-diem-loi').innerText()).trim(), 'Theo cách chấm của mục này, điểm chỉ có thể là 0; 0,5; 1.');
  await byId(reviewer, 'td-1.1.1-diem').fill('0,5');
  await byId(reviewer, 'td-1.1.1-yeu-cau').selectOption({ label: 'Yêu cầu bổ sung tài liệu kiểm chứng' });
  await byId(reviewer, 'td-1.1.1-y-kien').fill('Chưa có quyết định ban hành kế hoạch.');
  assert.match(await reviewer.locator('.result-box').innerText(), /Điểm thẩm định\s*2,5 \/ 94/);
  await byId(reviewer, 'diem-dtxhh').fill('4,5');
  await shot(reviewer, 'tham-dinh-tung-muc');
  assert.deepEqual(await axe(reviewer), [], 'axe on the appraisal page');
  const [rv] = await Promise.all([reviewer.waitForEvent('download'), reviewer.getByRole('button', { name: /Xuất tệp kết quả thẩm định/ }).click()]);
  const reviewFile = join(dir, 'ket-qua.json');
  writeFileSync(reviewFile, readFileSync(await rv.path()));
  assert.equal(await byId(reviewer, 'trang-thai-ho-so').inputValue(), 'yeu-cau');

  // agency sees the request on its item, adds evidence, sends round 2
  await agency.locator('#nhap-ket-qua').setInputFiles([reviewFile]);
  await agency.locator('.banner-ok', { hasText: 'Đã nhập kết quả thẩm định lần 1: 1 mục có yêu cầu' }).waitFor();
  await agency.locator('.review-summary a', { hasText: '1.1.1' }).click();
  await agency.waitForFunction(() => document.activeElement?.id === 'muc-1.1.1-tieu-de');
  assert.match(await byId(agency, 'muc-1.1.1').locator('.review-feedback').innerText(),
    /Thẩm định: 0,5 điểm\. Yêu cầu bổ sung tài liệu kiểm chứng\. Ý kiến: Chưa có quyết định ban hành kế hoạch\./);
  const card = byId(agency, 'muc-1.1.1');
  await card.locator('details.evidence-box summary').click();
  await card.getByRole('button', { name: '+ Thêm tài liệu kiểm chứng' }).click();
  await byId(agency, 'muc-1.1.1-tl-0-so').fill('15/QĐ-SNV');
  await agency.goto(env.origin + '/#/tong-hop');
  const [d2] = await Promise.all([agency.waitForEvent('download'), agency.getByRole('button', { name: 'Xuất tệp nộp lần 2 (JSON)' }).click()]);
  const round2 = join(dir, 'lan-2.json');
  writeFileSync(round2, readFileSync(await d2.path()));
  assert.equal(JSON.parse(readFileSync(round2, 'utf8')).round, 2);

  // reviewer imports round 2: exactly what changed is marked; then locks
  await reviewer.goto(env.origin + '/#/tham-dinh');
  await reviewer.locator('#nhap-ho-so').setInputFiles([round2]);
  await reviewer.locator('.import-results', { hasText: 'hồ sơ lần 2 của «Sở Nội vụ Minh Họa» thay cho lần trước' }).waitFor();
  await reviewer.getByRole('link', { name: 'Sở Nội vụ Minh Họa' }).click();
  const changed = await reviewer.locator('.entry-table tr.changed th').allTextContents();
  assert.deepEqual(changed, ['1.1.1']);
  assert.equal(await byId(reviewer, 'td-1.1.1-diem').inputValue(), '0,5', 'the appraisal carries over');
  await byId(reviewer, 'td-1.1.1-diem').fill('1');
  reviewer.once('dialog', (dlg) => dlg.accept());
  await reviewer.getByRole('button', { name: 'Chốt điểm' }).click();
  await reviewer.locator('.badge', { hasText: 'Đã chốt điểm' }).waitFor();
  assert.ok(await byId(reviewer, 'td-1.1.1-diem').isDisabled());
  // a locked submission takes no new round
  await reviewer.goto(env.origin + '/#/tham-dinh');
  const t = JSON.parse(readFileSync(round2, 'utf8')); t.round = 3; t.exported_at = '2026-12-30T10:00:00';
  const round3 = join(dir, 'lan-3.json'); writeFileSync(round3, JSON.stringify(t));
  await reviewer.locator('#nhap-ho-so').setInputFiles([round3]);
  await reviewer.locator('.import-results', { hasText: 'đã chốt điểm' }).waitFor();

  // the ranking: 50 generated agencies plus this one
  const gen = join(dir, 'sinh');
  execFileSync('cargo', ['run', '--quiet', '--example', 'generate_submissions', '--', gen, '50'], { cwd: repo });
  const generated = readdirSync(gen).map((f) => join(gen, f));
  const started = Date.now();
  await reviewer.locator('#nhap-ho-so').setInputFiles(generated);
  await reviewer.locator('.import-results > li').nth(49).waitFor();
  await reviewer.goto(env.origin + '/#/xep-hang');
  const rows = reviewer.locator('.ranking-table tbody tr');
  await rows.nth(49).waitFor();
  console.log(`# 50 submissions imported, checked and ranked in ${Date.now() - started} ms`);
  assert.equal(await rows.count(), 50, '50 a page');
  await reviewer.getByLabel('Số dòng mỗi trang').selectOption({ label: 'Tất cả' });
  await rows.nth(50).waitFor();
  assert.equal(await rows.count(), 51);
  const ranks = (await reviewer.locator('.ranking-table tbody tr td:first-child').allInnerTexts()).map(Number);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), 'sorted by rank');
  assert.equal(ranks[0], 1);
  const ours = await rows.filter({ hasText: 'Sở Nội vụ Minh Họa' }).innerText();
  assert.match(ours, /\t3\t3\t4,5\t7,5\t/, 'self 3, appraised 3 (1.1.1 back to 1), survey 4,5, total 7,5');
  // sort by agency name, then back; export CSV
  await reviewer.getByRole('button', { name: 'Cơ quan' }).click();
  assert.equal(await reviewer.locator('th[aria-sort]').innerText(), 'Cơ quan ▲');
  const [csv] = await Promise.all([reviewer.waitForEvent('download'), reviewer.getByRole('button', { name: 'Xuất bảng xếp hạng khối này (CSV)' }).click()]);
  const text = readFileSync(await csv.path(), 'utf8');
  assert.equal(text.trim().split('\r\n').length, 52);
  await shot(reviewer, 'xep-hang');
  assert.deepEqual(await axe(reviewer), [], 'axe on the ranking');
  assert.deepEqual(reviewer.consoleErrors, []);
  assert.deepEqual(agency.consoleErrors, []);
  assert.deepEqual([...reviewer.foreignRequests, ...agency.foreignRequests], []);
});

test('an agency whose browser lost its draft opens it again from the file it sent, takes the result and sends round 2', async () => {
  const agency = await agencyDraft(env, 'Sở Khoa học Minh Họa');
  await byId(agency, 'muc-1.1.4-ty-le').fill('95');
  await agency.goto(env.origin + '/#/tong-hop');
  await agency.getByLabel('Khó khăn, vướng mắc').fill('Thiếu cán bộ chuyên trách');
  const [d1] = await Promise.all([agency.waitForEvent('download'), agency.getByRole('button', { name: 'Xuất tệp nộp (JSON)' }).click()]);
  const dir = mkdtempSync(join(tmpdir(), 'cchc-mo-lai-'));
  const round1 = join(dir, 'CCHC-2026-so-khoa-hoc.json');
  writeFileSync(round1, readFileSync(await d1.path()));
  await agency.context().close();
  // the reviewer answers round 1
  const reviewer = await env.page({ acceptDownloads: true });
  await reviewer.goto(env.origin + '/#/tham-dinh');
  await reviewer.locator('#nhap-ho-so').setInputFiles([round1]);
  await reviewer.getByRole('link', { name: 'Sở Khoa học Minh Họa' }).click();
  await byId(reviewer, 'td-1.1.1-yeu-cau').selectOption({ label: 'Yêu cầu bổ sung tài liệu kiểm chứng' });
  const [rv] = await Promise.all([reviewer.waitForEvent('download'), reviewer.getByRole('button', { name: /Xuất tệp kết quả thẩm định/ }).click()]);
  const reviewFile = join(dir, 'ket-qua.json');
  writeFileSync(reviewFile, readFileSync(await rv.path()));

  // a fresh browser: no draft; the file it sent opens as its draft
  const again = await env.page({ acceptDownloads: true });
  await again.goto(env.origin + '/#/ban-tu-danh-gia');
  await again.locator('#mo-ban-tu-tep').setInputFiles([round1]);
  await again.locator('.banner-ok', { hasText: 'Đã mở «Sở Khoa học Minh Họa» từ tệp «CCHC-2026-so-khoa-hoc.json».' }).waitFor();
  const card = again.locator('.draft-card', { hasText: 'Sở Khoa học Minh Họa' });
  assert.match(await card.innerText(), /Đã xuất tệp nộp lần 1, chờ kết quả thẩm định/);
  await shot(again, 'mo-lai-tu-tep-nop');
  assert.deepEqual(await axe(again), [], 'axe on the drafts after opening a sent file');
  await card.getByRole('button', { name: 'Mở' }).click();
  await again.goto(env.origin + '/#/linh-vuc/1');
  assert.equal(await byId(again, 'muc-1.1.4-ty-le').inputValue(), '95');
  assert.ok(await byId(again, 'muc-1.1.1-chon-0').isChecked());
  await again.goto(env.origin + '/#/tong-hop');
  assert.equal(await again.getByLabel('Khó khăn, vướng mắc').inputValue(), 'Thiếu cán bộ chuyên trách');
  // the same file again: its draft is here already, nothing is duplicated
  await again.goto(env.origin + '/#/ban-tu-danh-gia');
  await again.locator('#mo-ban-tu-tep').setInputFiles([round1]);
  await again.locator('.banner-error', { hasText: 'vẫn còn trong danh sách: «Sở Khoa học Minh Họa»' }).waitFor();
  assert.equal(await again.locator('.draft-card').count(), 1);
  // the reviewer's result for the round it sent is taken; round 2 follows
  await card.getByRole('button', { name: 'Mở' }).click();
  await again.goto(env.origin + '/#/tong-hop');
  await again.locator('#nhap-ket-qua').setInputFiles([reviewFile]);
  await again.locator('.banner-ok', { hasText: 'Đã nhập kết quả thẩm định lần 1' }).waitFor();
  // the list tells what the reviewer asked and what comes next
  await again.goto(env.origin + '/#/ban-tu-danh-gia');
  assert.match(await card.innerText(), /Kết quả thẩm định lần 1: 1 mục được yêu cầu giải trình hoặc bổ sung; trả lời rồi xuất tệp nộp lần 2/);
  await shot(again, 'ban-sau-ket-qua-tham-dinh', { fullPage: false });
  await again.goto(env.origin + '/#/tong-hop');
  const [d2] = await Promise.all([again.waitForEvent('download'), again.getByRole('button', { name: 'Xuất tệp nộp lần 2 (JSON)' }).click()]);
  const round2 = join(dir, 'lan-2.json');
  writeFileSync(round2, readFileSync(await d2.path()));
  // on the desk it is the same agency's round 2
  await reviewer.goto(env.origin + '/#/tham-dinh');
  await reviewer.locator('#nhap-ho-so').setInputFiles([round2]);
  await reviewer.locator('.import-results', { hasText: 'hồ sơ lần 2 của «Sở Khoa học Minh Họa» thay cho lần trước' }).waitFor();
  assert.match(await reviewer.locator('.desk-table caption').innerText(), /^1 hồ sơ/);
  assert.deepEqual([...again.consoleErrors, ...reviewer.consoleErrors], []);
  assert.deepEqual([...again.foreignRequests, ...reviewer.foreignRequests], []);
  await again.context().close();
  await reviewer.context().close();
});

test("a sent file made on a province's own set brings the set along when it is opened as a draft", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-mo-lai-bo-'));
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'generate_submissions', '--', dir, '1', 'tests/fixtures/every-rule-kind.json'], { cwd: repo });
  const [file] = readdirSync(dir).map((f) => join(dir, f));
  const name = JSON.parse(readFileSync(file, 'utf8')).agency.name;
  const page = await env.page();
  await page.goto(env.origin + '/#/ban-tu-danh-gia');
  await page.locator('#mo-ban-tu-tep').setInputFiles([file]);
  await page.locator('.banner-ok', { hasText: `Đã mở «${name}»` }).waitFor();
  await page.locator('.draft-card', { hasText: name }).getByRole('button', { name: 'Mở' }).click();
  await page.goto(env.origin + '/#/');
  assert.equal(await page.getByText('không còn trong thư viện').count(), 0, 'the set is in the library');
  await page.goto(env.origin + '/#/bo-tieu-chi');
  await page.getByText('Bộ kiểm thử: mọi loại quy tắc chấm').first().waitFor();
  // kept across a reload, as a set loaded from a file is
  await page.reload();
  await page.getByText('Bộ kiểm thử: mọi loại quy tắc chấm').first().waitFor();
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});

test('a full storage on the desk: the agencies not saved are named, the work stays in the page, is saved once there is room, and a backup restores it in another browser', async () => {
  const reviewer = await env.page({ acceptDownloads: true });
  reviewer.on('dialog', (d) => d.accept());
  // the browser's database refuses writes while __dayBoNho is set, as when the disk is full
  await reviewer.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__dayBoNho) throw new DOMException('full', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await reviewer.goto(env.origin + '/#/tham-dinh');
  await reviewer.getByRole('heading', { name: 'Thẩm định hồ sơ tự đánh giá' }).waitFor();
  await reviewer.getByText('Chưa có hồ sơ nào.').waitFor();
  await reviewer.evaluate(() => { window.__dayBoNho = true; });
  const dir = mkdtempSync(join(tmpdir(), 'cchc-day-'));
  execFileSync('cargo', ['run', '--quiet', '--example', 'generate_submissions', '--', dir, '2'], { cwd: repo });
  await reviewer.locator('#nhap-ho-so').setInputFiles(readdirSync(dir).map((f) => join(dir, f)));
  const banner = reviewer.locator('.banner-warn', { hasText: 'Bộ nhớ của trình duyệt đã đầy' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /chưa lưu được 2 hồ sơ \(.+, .+\)\. Công việc vẫn còn trong trang này/);
  assert.equal(await reviewer.locator('.desk-table tbody tr').count(), 2, 'both agencies are on the desk');
  assert.equal(await reviewer.locator('#trang-thai-luu-ban').innerText(), 'Chưa lưu được');
  assert.equal(await reviewer.locator('#trang-thai-luu').isVisible(), false, "the draft's status is not shown on the desk");

  // room again: the next change saves both (delete one, then undo)
  await reviewer.evaluate(() => { window.__dayBoNho = false; });
  await reviewer.locator('.desk-table tbody tr').first().getByRole('button', { name: /^Xóa/ }).click();
  assert.equal(await reviewer.locator('.desk-table tbody tr').count(), 1);
  await reviewer.getByRole('button', { name: 'Hoàn tác' }).click();
  await banner.waitFor({ state: 'detached' });
  // the status line says when the undo itself is written, not just the delete before it
  await reviewer.locator('#trang-thai-luu-ban', { hasText: /^Đã lưu lúc \d\d:\d\d:\d\d$/ }).waitFor();
  await reviewer.reload();
  await reviewer.locator('.desk-table tbody tr').nth(1).waitFor();
  assert.equal(await reviewer.locator('.desk-table tbody tr').count(), 2, 'both saved');

  // the backup, restored into an empty desk in another browser
  await reviewer.locator('.desk-backup summary').click();
  const [download] = await Promise.all([
    reviewer.waitForEvent('download'),
    reviewer.getByRole('button', { name: 'Tải bản sao lưu bàn thẩm định' }).click(),
  ]);
  const backup = join(dir, 'sao-luu.json');
  await download.saveAs(backup);
  const other = await env.page();
  await other.goto(env.origin + '/#/tham-dinh');
  await other.getByText('Chưa có hồ sơ nào.').waitFor();
  await other.locator('.desk-backup summary').click();
  await other.locator('#khoi-phuc-sao-luu').setInputFiles(backup);
  await other.getByText('Đã khôi phục 2 hồ sơ từ bản sao lưu.').waitFor();
  // restored in the page first, then written: the status line says when
  await other.locator('#trang-thai-luu-ban', { hasText: /^Đã lưu lúc/ }).waitFor();
  await other.reload();
  await other.locator('.desk-table tbody tr').nth(1).waitFor();
  assert.equal(await other.locator('#trang-thai-luu-ban').innerText(), 'Chưa có thay đổi', 'a desk just opened has nothing waiting to be saved');
  assert.deepEqual(await other.locator('.desk-table tbody th').allInnerTexts(), await reviewer.locator('.desk-table tbody th').allInnerTexts());
  await other.locator('.desk-backup summary').click();
  await shot(other, 'tham-dinh-sao-luu', { fullPage: false });
  assert.deepEqual(await axe(other), [], 'axe: desk with backup panel');
  assert.deepEqual(reviewer.consoleErrors, []);
  assert.deepEqual(other.consoleErrors, []);
});

test('two tabs on one desk: each sees what the other saved, and neither overwrites the other', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-hai-the-'));
  execFileSync('cargo', ['run', '--quiet', '--example', 'generate_submissions', '--', dir, '3'], { cwd: repo });
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  const tab1 = await env.page();
  await tab1.goto(env.origin + '/#/tham-dinh');
  await tab1.getByText('Chưa có hồ sơ nào.').waitFor();
  await tab1.locator('#nhap-ho-so').setInputFiles(files.slice(0, 2));
  await tab1.locator('.desk-table tbody tr').nth(1).waitFor();
  // a second tab of the same browser
  const tab2 = await tab1.context().newPage();
  tab2.on('pageerror', (e) => { throw e; });
  await tab2.goto(env.origin + '/#/tham-dinh');
  await tab2.locator('.desk-table tbody tr').nth(1).waitFor();
  const first = await tab2.locator('.desk-table tbody th').first().innerText();
  await tab2.locator('.desk-table tbody th a').first().click();
  await tab2.getByRole('heading', { level: 2, name: `Hồ sơ: ${first}` }).waitFor();

  // tab 1 imports a third agency while tab 2 appraises the first
  await tab1.locator('#nhap-ho-so').setInputFiles(files[2]);
  await tab1.locator('.desk-table tbody tr').nth(2).waitFor();
  await tab2.locator('#diem-dtxhh').fill('4,5');
  await tab2.locator('#trang-thai-ho-so').selectOption({ label: 'Đang thẩm định' });
  // tab 1 hears it without reloading
  await tab1.waitForFunction((name) => [...document.querySelectorAll('.desk-table tbody tr')]
    .some((tr) => tr.querySelector('th')?.innerText === name && tr.innerText.includes('Đang thẩm định')), first);
  // tab 2 heard the import: its desk has the third agency
  await tab2.goto(env.origin + '/#/tham-dinh');
  await tab2.locator('.desk-table tbody tr').nth(2).waitFor();
  // and after reloading both, both changes are there
  await tab1.reload();
  await tab1.locator('.desk-table tbody tr').nth(2).waitFor();
  assert.equal(await tab1.locator('.desk-table tbody tr').count(), 3);
  await tab1.locator('.desk-table tbody th a', { hasText: first }).click();
  await tab1.getByRole('heading', { level: 2, name: `Hồ sơ: ${first}` }).waitFor();
  assert.equal(await tab1.locator('#diem-dtxhh').inputValue(), '4,5');
  assert.deepEqual(tab1.consoleErrors, []);
});

test("a province's year on one desk: 170 communes and 20 departments, realistic submissions imported, appraised, and all there after a reload", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-tinh-'));
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'generate_submissions', '--', dir, '170', 'public/criteria/minh-hoa-ubnd-xa-phuong-2026.json'], { cwd: repo });
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'generate_submissions', '--', dir, '20'], { cwd: repo });
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  assert.equal(files.length, 190);
  const bytes = files.reduce((t, f) => t + readFileSync(f).length, 0);
  assert.ok(bytes > 8 * 1024 * 1024, `realistic size: ${(bytes / 1024 / 1024).toFixed(1)} MB, more than localStorage's ~5 MB holds`);
  const page = await env.page();
  await page.goto(env.origin + '/#/tham-dinh');
  await page.getByText('Chưa có hồ sơ nào.').waitFor();
  await page.locator('#nhap-ho-so').setInputFiles(files);
  await page.locator('.import-progress').waitFor();
  await shot(page, 'tham-dinh-dang-nhap', { fullPage: false });
  // the desk shows its first page of 50, in the order of the agencies' names
  const caption = page.locator('.desk-table caption');
  await caption.filter({ hasText: /^190 hồ sơ · hồ sơ 1–50$/ }).waitFor({ timeout: 240000 });
  const deskRows = page.locator('.desk-table tbody tr');
  assert.equal(await deskRows.count(), 50);
  const names = await page.locator('.desk-table tbody th').allTextContents();
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'vi')), 'in the order of the names');
  const pager = page.getByRole('navigation', { name: 'Các trang của danh sách' });
  assert.equal(await pager.locator('.pager-where').innerText(), 'Trang 1/4');
  await pager.getByRole('button', { name: 'Trang sau ›' }).click();
  await caption.filter({ hasText: /^190 hồ sơ · hồ sơ 51–100$/ }).waitFor();
  assert.equal(await deskRows.count(), 50);
  assert.notEqual(await deskRows.first().locator('th').textContent(), names[0]);
  // found by a part of its name typed without diacritics, from any page
  await page.getByLabel('Tìm cơ quan').fill('xa thu nghiem so 123');
  await caption.filter({ hasText: /^1 trong 190 hồ sơ khớp bộ lọc$/ }).waitFor();
  assert.equal(await deskRows.locator('th').textContent(), 'UBND xã thử nghiệm số 123');
  assert.equal(await pager.count(), 0, 'one page: no pager');
  await page.getByLabel('Tìm cơ quan').fill('Hà Giang');
  await page.getByText('Không có hồ sơ nào khớp bộ lọc.').waitFor();
  await page.getByRole('button', { name: 'Bỏ lọc' }).click();
  await caption.filter({ hasText: /^190 hồ sơ · hồ sơ 1–50$/ }).waitFor();
  assert.equal(await page.getByLabel('Tìm cơ quan').inputValue(), '');
  // the departments apart: every check passes, so none needs a look
  await page.getByLabel('Tìm cơ quan').fill('co quan thu nghiem');
  await caption.filter({ hasText: /^20 trong 190 hồ sơ khớp bộ lọc$/ }).waitFor();
  await page.getByLabel('Chỉ hồ sơ có cảnh báo').check();
  await caption.filter({ hasText: /^0 trong 190 hồ sơ khớp bộ lọc$/ }).waitFor();
  await page.getByRole('button', { name: 'Bỏ lọc' }).click();
  // every agency on one page, when asked
  await page.getByLabel('Số dòng mỗi trang').selectOption({ label: 'Tất cả' });
  await page.waitForFunction(() => document.querySelectorAll('.desk-table tbody tr').length === 190, null, { timeout: 60000 });
  await caption.filter({ hasText: /^190 hồ sơ$/ }).waitFor();
  // a province's batch is summed up; each file's result on request
  await page.locator('.import-results-many .banner-ok', { hasText: 'Đã xử lý 190 tệp: 190 tệp nhập được, 0 tệp không nhập được.' }).waitFor();
  assert.equal(await page.locator('.import-results > li').count(), 0);
  await page.getByText('Xem kết quả từng tệp đã nhập (190)').click();
  await page.locator('.import-details .import-results > li').nth(189).waitFor();
  assert.match(await page.locator('.import-details .import-results > li').first().innerText(), /: đã nhập hồ sơ của «/);
  // appraise two items of one agency, then reload
  await page.locator('.desk-table tbody th a').nth(100).click();
  const heading = await page.getByRole('heading', { level: 2, name: /^Hồ sơ: / }).innerText();
  await page.locator('[id="td-1.1.1-y-kien"]').fill('Kế hoạch ban hành muộn 5 ngày');
  await page.locator('#diem-dtxhh').fill('6,5');
  await page.locator('#trang-thai-luu-ban', { hasText: /^Đã lưu lúc/ }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 2, name: heading }).waitFor({ timeout: 60000 });
  assert.equal(await page.locator('[id="td-1.1.1-y-kien"]').inputValue(), 'Kế hoạch ban hành muộn 5 ngày');
  assert.equal(await page.locator('#diem-dtxhh').inputValue(), '6,5');
  await page.goto(env.origin + '/#/tham-dinh');
  // the choice of every row on one page is remembered; back to 50 a page
  await page.locator('.desk-table caption', { hasText: /^190 hồ sơ$/ }).waitFor({ timeout: 60000 });
  assert.equal(await page.locator('.desk-table tbody tr').count(), 190);
  await page.getByLabel('Số dòng mỗi trang').selectOption({ label: '50' });
  await page.locator('.desk-table caption', { hasText: /^190 hồ sơ · hồ sơ 1–50$/ }).waitFor();
  assert.equal(await page.locator('.banner-warn').count(), 0, 'nothing unsaved or unreadable');
  // the one appraised is under appraisal now, and found by its status
  await page.getByLabel('Trạng thái').selectOption({ label: 'Đang thẩm định' });
  await page.locator('.desk-table caption', { hasText: /^1 trong 190 hồ sơ khớp bộ lọc$/ }).waitFor();
  assert.equal(`Hồ sơ: ${await page.locator('.desk-table tbody th').textContent()}`, heading);
  await shot(page, 'ban-tham-dinh-loc-trang-thai', { fullPage: false });
  // ranked in two blocks, communes apart from departments, each from rank 1
  await page.goto(env.origin + '/#/xep-hang');
  // 50 agencies a page: the communes' first page, the 20 departments whole
  await page.waitForFunction(() => document.querySelectorAll('.ranking-table tbody tr').length === 70, null, { timeout: 60000 });
  const communesPager = page.getByRole('navigation', { name: /^Các trang của khối .*xã/ });
  assert.equal(await communesPager.locator('.pager-where').innerText(), 'Trang 1/4');
  assert.equal(await page.getByRole('navigation', { name: /^Các trang của khối .*sở/ }).isVisible(), false, 'one page: no pager');
  await communesPager.getByRole('button', { name: 'Trang sau ›' }).click();
  await communesPager.locator('.pager-where', { hasText: 'Trang 2/4' }).waitFor();
  const secondPage = page.locator('.rank-block', { hasText: '170 cơ quan' }).locator('.ranking-table tbody tr td:first-child');
  assert.ok(Number(await secondPage.first().innerText()) > 1, 'the next 50 by rank');
  await page.getByLabel('Số dòng mỗi trang').selectOption({ label: 'Tất cả' });
  await page.waitForFunction(() => document.querySelectorAll('.ranking-table tbody tr').length === 190, null, { timeout: 60000 });
  const captions = await page.locator('.ranking-table caption').allInnerTexts();
  assert.equal(captions.length, 2);
  assert.ok(captions.some((c) => / 170 cơ quan$/.test(c)) && captions.some((c) => / 20 cơ quan$/.test(c)), captions.join(' | '));
  for (const table of await page.locator('.ranking-table').all()) {
    assert.equal(await table.locator('tbody tr td:first-child').first().innerText(), '1');
  }
  // 20 departments' chart is shown; 170 communes' is folded above the
  // table, drawn when opened, with every commune in its text alternative
  const communes = page.locator('.rank-block', { hasText: '170 cơ quan' });
  const departments = page.locator('.rank-block', { hasText: '20 cơ quan' });
  assert.equal(await departments.locator('figure.chart').count(), 1);
  assert.equal(await communes.locator('figure.chart').count(), 0, 'folded, not drawn');
  await communes.getByText('Biểu đồ chỉ số theo thứ hạng (170 cơ quan)').click();
  const chart = communes.getByRole('img', { name: /^Biểu đồ chỉ số của các cơ quan theo thứ hạng: hạng 1 / });
  await chart.waitFor();
  assert.equal(((await chart.getAttribute('aria-label')) || '').match(/UBND xã thử nghiệm số \d{3}/g).length, 170);
  await shot(page, 'xep-hang-170-xa-bieu-do', { fullPage: false });
  // the communes' block as published: 170 rows on A4 landscape, the column
  // headings on every page, the council's signatures at the end
  await page.locator('.rank-block', { hasText: '170 cơ quan' }).getByRole('link', { name: 'In bảng xếp hạng (A4 ngang)' }).click();
  await page.locator('.paper.landscape tbody tr').nth(169).waitFor({ timeout: 60000 });
  const pdf = join(shots, 'in-xep-hang-170-xa.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  assert.ok(pages >= 4, `170 communes span pages (${pages})`);
  const pageText = (p) => execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' });
  for (let p = 1; p <= pages; p++) {
    const text = pageText(p);
    if (p < pages || /UBND xã/.test(text)) assert.match(text, /Cơ quan\s+Điểm thẩm/, `the headings on page ${p}`);
  }
  assert.match(pageText(pages), /TM\. HỘI ĐỒNG THẨM ĐỊNH/);
  const all = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.equal(new Set(all.match(/UBND xã thử nghiệm số \d{3}/g)).size, 170, 'every commune printed');
  assert.doesNotMatch(all, /Cơ quan thử nghiệm số/, 'no department in the communes\' block');
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', String(pages), '-l', String(pages), pdf, join(shots, 'in-xep-hang-170-xa-trang-cuoi')]);
  assert.deepEqual(page.consoleErrors, []);
});
