// End-to-end: the appraisal council in three browsers, and the agency in a
// fourth. The secretary lists the members and their fields and hands each a
// package; two members appraise the fields assigned to them (and both,
// differently, one item of field 2); the secretary merges their parts, sees
// the disagreement side by side, chooses, locks, and exports one
// consolidated result, which the agency imports with every member's word.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, axe, shot, repo, agencyDraft } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const byId = (page, id) => page.locator(`[id="${id}"]`);

/** A desk in a fresh browser with the same submission files. */
async function deskWith(files) {
  const page = await env.page({ acceptDownloads: true });
  await page.goto(env.origin + '/#/tham-dinh');
  await page.getByText('Chưa có hồ sơ nào.').waitFor();
  await page.locator('#nhap-ho-so').setInputFiles(files);
  await page.waitForFunction((n) => document.querySelectorAll('.desk-table tbody tr').length === n, files.length);
  await page.getByText('Hội đồng thẩm định: người thẩm định').click();
  return page;
}

async function seat(page, name, agency, fields) {
  await byId(page, 'nguoi-tham-dinh').fill(name);
  await byId(page, 'co-quan-tham-dinh').fill(agency);
  for (const f of fields) await byId(page, `phan-cong-${f}`).check();
}

async function downloadPart(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải phần thẩm định của tôi' }).click()]);
  assert.match(dl.suggestedFilename(), /^PHAN-THAM-DINH-.+\.json$/);
  const path = join(mkdtempSync(join(tmpdir(), 'cchc-phan-')), dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

async function download(page, button, pattern) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  assert.match(dl.suggestedFilename(), pattern);
  const path = join(mkdtempSync(join(tmpdir(), 'cchc-tai-')), dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

/** A member's fresh desk, filled from the secretary's package alone. */
async function memberWith(pkg) {
  const page = await env.page({ acceptDownloads: true });
  await page.goto(env.origin + '/#/tham-dinh');
  await page.getByText('Chưa có hồ sơ nào.').waitFor();
  await page.getByText('Hội đồng thẩm định: người thẩm định').click();
  await page.locator('#nhan-goi-phan-cong').setInputFiles([pkg]);
  await page.locator('.council .banner-ok', { hasText: 'Đã nhận gói phân công của Nguyễn Văn A (Sở Nội vụ)' }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.desk-table tbody tr').length === 2);
  return page;
}

test('the council: the secretary assigns fields, two members appraise theirs, the secretary merges, decides the one disagreement, locks, and the agency sees every request', async () => {
  // the agency's submission, and another agency's
  const agency = await agencyDraft(env, 'Sở Nội vụ Minh Họa');
  await agency.goto(env.origin + '/#/tong-hop');
  const submission = await download(agency, 'Xuất tệp nộp (JSON)', /^CCHC-.+\.json$/);
  const dir = mkdtempSync(join(tmpdir(), 'cchc-hoi-dong-'));
  execFileSync('cargo', ['run', '--quiet', '--example', 'generate_submissions', '--', dir, '1'], { cwd: repo });
  const files = [submission, ...readdirSync(dir).map((f) => join(dir, f))];

  // the secretary: the files, the council's members and their fields, a package each
  const s = await deskWith(files);
  await seat(s, 'Nguyễn Văn A', 'Sở Nội vụ', []);
  const member = async (i, name, agencyName, role, fields) => {
    await s.getByRole('button', { name: '+ Thêm thành viên' }).click();
    await s.waitForFunction((id) => document.activeElement?.id === id, `thanh-vien-${i}-ten`);
    await byId(s, `thanh-vien-${i}-ten`).fill(name);
    await byId(s, `thanh-vien-${i}-co-quan`).fill(agencyName);
    await byId(s, `thanh-vien-${i}-vai-tro`).selectOption(role);
    for (const f of fields) await byId(s, `thanh-vien-${i}-lv-${f}`).check();
  };
  await member(0, 'Trần Thị B', 'Sở Tư pháp', 'Thành viên', [2]);
  await member(1, 'Lê Văn C', 'Sở Tài chính', 'Thành viên', [2, 6]);
  await member(2, 'Phạm Văn D', 'UBND tỉnh', 'Chủ tịch Hội đồng', []);
  await s.locator('.council-roster .hint[role=status]', { hasText: 'Lĩnh vực giao cho hơn một người' }).waitFor();
  const roster = s.locator('.council-member');
  const packageOf = async (i) => {
    const [dl] = await Promise.all([s.waitForEvent('download'), roster.nth(i).getByRole('button', { name: 'Tải gói phân công' }).click()]);
    const path = join(mkdtempSync(join(tmpdir(), 'cchc-goi-')), dl.suggestedFilename());
    await dl.saveAs(path);
    return path;
  };
  const pkgB = await packageOf(0);
  const pkgC = await packageOf(1);
  assert.match(pkgB, /GOI-PHAN-CONG-.+\.json$/);
  await s.locator('.council-roster .banner-ok', { hasText: '2 hồ sơ và phân công của Lê Văn C (Sở Tài chính)' }).waitFor();
  await s.locator('.council-roster').scrollIntoViewIfNeeded();
  await shot(s, 'hoi-dong-phan-cong', { fullPage: false });
  assert.deepEqual(await axe(s), [], 'axe on the council card with its members');

  // member 1, Sở Tư pháp: field 2 (thể chế), from the package alone
  const a = await memberWith(pkgB);
  assert.equal(await byId(a, 'nguoi-tham-dinh').inputValue(), 'Trần Thị B');
  assert.equal(await byId(a, 'phan-cong-2').isChecked(), true);
  await a.getByRole('link', { name: 'Sở Nội vụ Minh Họa' }).click();
  assert.equal(await byId(a, 'loc-linh-vuc-cua-toi').isChecked(), true, 'a member sees the assigned fields first');
  assert.equal(await byId(a, 'td-1.1.1-y-kien').isVisible(), false);
  await byId(a, 'td-2.1.1-y-kien').fill('Kế hoạch ban hành muộn');
  await byId(a, 'td-2.1.2-yeu-cau').selectOption('giai_trinh');
  await byId(a, 'td-2.1.2-y-kien').fill('Đề nghị giải trình');
  await a.locator('#trang-thai-luu-ban', { hasText: /^Đã lưu lúc/ }).waitFor();
  await a.goto(env.origin + '/#/tham-dinh');
  await a.getByText('Hội đồng thẩm định: người thẩm định').click();
  const partA = await downloadPart(a);
  await a.locator('.council-results .banner-ok', { hasText: '2 mục đã thẩm định của 1 hồ sơ' }).waitFor();

  // member 2, Sở Tài chính: field 6, and field 2 too (seen differently)
  const b = await memberWith(pkgC);
  await b.getByRole('link', { name: 'Sở Nội vụ Minh Họa' }).click();
  await byId(b, 'td-6.1.1-y-kien').fill('Đạt');
  await byId(b, 'td-2.1.1-y-kien').fill('Không có kế hoạch');
  await b.locator('#trang-thai-luu-ban', { hasText: /^Đã lưu lúc/ }).waitFor();
  await b.goto(env.origin + '/#/tham-dinh');
  await b.getByText('Hội đồng thẩm định: người thẩm định').click();
  const partB = await downloadPart(b);

  // the secretary merges both parts
  await s.locator('#gop-phan-tham-dinh').setInputFiles([partA, partB]);
  await s.locator('.council-results li').nth(1).waitFor();
  const merged = await s.locator('.council-results li').allInnerTexts();
  assert.match(merged[0], /Đã gộp phần của Trần Thị B \(Sở Tư pháp\): nhận 2 mục, 0 mục trùng khớp, 0 mục chưa thống nhất\./);
  assert.match(merged[1], /Đã gộp phần của Lê Văn C \(Sở Tài chính\): nhận 1 mục, 0 mục trùng khớp, 1 mục chưa thống nhất \(.+: 2\.1\.1\)\./);
  await s.locator('.desk-table tbody tr', { hasText: '1 mục chưa thống nhất giữa các thành viên hội đồng.' }).waitFor();

  await s.getByRole('link', { name: 'Sở Nội vụ Minh Họa' }).click();
  await s.locator('.conflict-note', { hasText: '1 mục chưa thống nhất giữa các thành viên hội đồng: 2.1.1.' }).waitFor();
  const exportButton = s.getByRole('button', { name: 'Xuất tệp kết quả thẩm định (gửi cơ quan)' });
  assert.equal(await exportButton.isDisabled(), true, 'no result leaves while members disagree');
  const conflict = s.locator('.conflict');
  // text content: a field's table off screen is not rendered
  // (content-visibility), and has no innerText until it is scrolled to
  const words = await conflict.locator('li').allTextContents();
  assert.equal(words.length, 2);
  assert.match(words.join('\n'), /Trần Thị B \(Sở Tư pháp\).*«Kế hoạch ban hành muộn»/);
  assert.match(words.join('\n'), /Lê Văn C \(Sở Tài chính\).*«Không có kế hoạch»/);
  // nothing was overwritten: the first word stands until the secretary chooses
  assert.equal(await byId(s, 'td-2.1.1-y-kien').inputValue(), 'Kế hoạch ban hành muộn');
  await conflict.scrollIntoViewIfNeeded();
  await shot(s, 'hoi-dong-chua-thong-nhat', { fullPage: false });
  assert.deepEqual(await axe(s), []);
  await conflict.getByRole('button', { name: 'Chọn ý kiến của Lê Văn C (Sở Tài chính)' }).click();
  await s.locator('.conflict').waitFor({ state: 'detached' });
  assert.equal(await byId(s, 'td-2.1.1-y-kien').inputValue(), 'Không có kế hoạch');
  const history = s.locator('.history', { hasText: 'Lịch sử thẩm định (3)' });
  await history.locator('summary').click();
  const steps = await history.locator('li').allInnerTexts();
  assert.match(steps[steps.length - 1], /^Nguyễn Văn A \(Sở Nội vụ\) · .* · lần nộp 1; điểm —; «Không có kế hoạch»$/);

  // one consolidated result, every member's items in it; kept after a reload
  await s.locator('#trang-thai-luu-ban', { hasText: /^Đã lưu lúc/ }).waitFor();
  await s.reload();
  await byId(s, 'td-2.1.1-y-kien').waitFor();
  assert.equal(await byId(s, 'td-2.1.1-y-kien').inputValue(), 'Không có kế hoạch');
  const [dl] = await Promise.all([s.waitForEvent('download'), exportButton.click()]);
  const review = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.equal(review.items['2.1.1'].comment, 'Không có kế hoạch');
  assert.equal(review.items['2.1.2'].request, 'giai_trinh');
  assert.equal(review.items['6.1.1'].comment, 'Đạt');
  const reviewFile = join(mkdtempSync(join(tmpdir(), 'cchc-kq-')), 'ket-qua.json');
  writeFileSync(reviewFile, readFileSync(await dl.path()));
  s.once('dialog', (dlg) => dlg.accept());
  await s.getByRole('button', { name: 'Chốt điểm' }).click();
  await s.locator('.badge', { hasText: 'Đã chốt điểm' }).waitFor();

  // the agency imports the consolidated result: both members' requests and comments
  await agency.locator('#nhap-ket-qua').setInputFiles([reviewFile]);
  await agency.locator('.banner-ok', { hasText: 'Đã nhập kết quả thẩm định lần 1: 1 mục có yêu cầu' }).waitFor();
  await agency.goto(env.origin + '/#/linh-vuc/2');
  assert.match(await byId(agency, 'muc-2.1.2').locator('.review-feedback').innerText(), /Yêu cầu giải trình\. Ý kiến: Đề nghị giải trình$/);
  assert.match(await byId(agency, 'muc-2.1.1').locator('.review-feedback').innerText(), /Ý kiến: Không có kế hoạch$/);
  await agency.goto(env.origin + '/#/linh-vuc/6');
  assert.match(await byId(agency, 'muc-6.1.1').locator('.review-feedback').innerText(), /Ý kiến: Đạt$/);
  for (const p of [a, b, s, agency]) assert.deepEqual(p.consoleErrors, []);
});
