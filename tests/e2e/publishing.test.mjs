// End-to-end: what the council publishes. Survey scores pasted from Excel
// (an unknown agency and an out-of-range score listed, nothing guessed),
// the ranking by one criterion and its CSV, the ranking printed on A4
// landscape and an agency's result notice on A4, both read back from
// Chromium's PDF with poppler and rendered to look at; and the notice in
// Word, read back through LibreOffice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, axe, shot, shots, repo } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const byId = (page, id) => page.locator(`[id="${id}"]`);
// the text in reading order, cells' line breaks as spaces
const pdfText = (file) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const pdfLayout = (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfInfo = (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });

test('the council publishes: survey scores from a pasted table, a ranking by criterion, the printed ranking and a result notice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-cong-bo-'));
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'generate_submissions', '--', dir, '12', 'public/criteria/minh-hoa-ubnd-xa-phuong-2026.json'], { cwd: repo });
  execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'generate_submissions', '--', dir, '3'], { cwd: repo });
  const files = readdirSync(dir).sort().map((f) => join(dir, f));
  const page = await env.page({ acceptDownloads: true });
  await page.goto(env.origin + '/#/tham-dinh');
  await page.getByText('Chưa có hồ sơ nào.').waitFor();
  await page.locator('#nhap-ho-so').setInputFiles(files);
  await page.waitForFunction(() => document.querySelectorAll('.desk-table tbody tr').length === 15);

  // one commune appraised: 1.1.1 self-scored 1, appraised 0,5, evidence requested
  await page.getByRole('link', { name: 'UBND xã thử nghiệm số 001' }).click();
  await byId(page, 'td-1.1.1-diem').fill('0,5');
  await byId(page, 'td-1.1.1-yeu-cau').selectOption({ label: 'Yêu cầu bổ sung tài liệu kiểm chứng' });
  await byId(page, 'td-1.1.1-y-kien').fill('Kế hoạch ban hành sau hạn 10 ngày.');
  await page.waitForTimeout(400);

  // survey scores pasted from Excel: heading, STT column, names as typed by hand
  await page.goto(env.origin + '/#/xep-hang');
  await page.locator('.ranking-table tbody tr').nth(14).waitFor();
  await page.getByText('Nhập điểm điều tra xã hội học từ bảng').click();
  await byId(page, 'bang-diem-dtxhh').fill([
    'STT\tTên đơn vị\tĐiểm ĐTXHH',
    '1\tUBND xã thử nghiệm số 001\t8,5',
    '2\tubnd xa thu nghiem so 002\t7',
    '3\tUBND  xã thử nghiệm số 003\t9.25',
    '4\tUBND xã Không Có Thật\t6',
    '5\tUBND xã thử nghiệm số 004\t12',
  ].join('\n'));
  await page.getByRole('button', { name: 'Đối chiếu với bàn thẩm định' }).click();
  const preview = page.locator('.survey-preview');
  await preview.waitFor();
  assert.match(await preview.innerText(), /Dòng 1 là dòng tiêu đề, không lấy điểm/);
  assert.match(await preview.innerText(), /3 dòng khớp với hồ sơ trên bàn\./);
  const misses = await page.locator('.survey-misses li').allInnerTexts();
  assert.equal(misses.length, 2, misses.join('\n'));
  assert.match(misses[0], /^Dòng 5 \(4 \| UBND xã Không Có Thật \| 6\): không có cơ quan «UBND xã Không Có Thật» trên bàn thẩm định/);
  assert.match(misses[1], /^Dòng 6 .*: điểm 12 ngoài khoảng 0 đến 10/);
  await preview.scrollIntoViewIfNeeded();
  await shot(page, 'dtxhh-doi-chieu', { fullPage: false });
  assert.deepEqual(await axe(page), [], 'axe on the survey preview');
  await page.getByRole('button', { name: 'Ghi 3 điểm vào hồ sơ' }).click();
  await page.locator('.survey-import .banner-ok', { hasText: 'Đã ghi điểm điều tra xã hội học của 3 cơ quan (3 điểm thay đổi).' }).waitFor();
  const communes = page.locator('.rank-block', { hasText: '12 cơ quan' });
  const row = communes.locator('.ranking-table tbody tr', { hasText: 'UBND xã thử nghiệm số 001' });
  assert.match(await row.innerText(), /\t8,5\t/);

  // ranked by one criterion, with its CSV
  const choice = communes.getByLabel('Xếp hạng theo');
  await choice.selectOption({ label: '1.1. Kế hoạch cải cách hành chính năm' });
  const byCriterion = communes.locator('.rank-by table');
  await byCriterion.locator('caption', { hasText: 'Xếp hạng theo Điểm tiêu chí 1.1. Kế hoạch cải cách hành chính năm' }).waitFor();
  assert.equal(await byCriterion.locator('tbody tr').count(), 12);
  const values = (await byCriterion.locator('tbody tr td:nth-child(3)').allInnerTexts()).filter((v) => v !== 'không áp dụng');
  const numbers = values.map((v) => Number(v.replace(',', '.')));
  assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a), 'highest first');
  const [csv] = await Promise.all([page.waitForEvent('download'), communes.getByRole('button', { name: 'Xuất xếp hạng này (CSV)' }).click()]);
  assert.match(csv.suggestedFilename(), /-tc-1\.1-/);
  assert.equal(readFileSync(await csv.path(), 'utf8').trim().split('\r\n').length, 13);
  await byCriterion.scrollIntoViewIfNeeded();
  await shot(page, 'xep-hang-theo-tieu-chi', { fullPage: false });
  assert.deepEqual(await axe(page), [], 'axe on the ranking by criterion');

  // the commune block printed as published: A4 landscape, header, classes, signatures
  await communes.getByRole('link', { name: 'In bảng xếp hạng (A4 ngang)' }).click();
  await page.locator('.paper.landscape').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'trang-tieu-de');
  assert.deepEqual(await axe(page), [], 'axe on the print preview');
  await shot(page, 'in-xep-hang-man-hinh', { fullPage: false });
  const rankingPdf = join(shots, 'in-xep-hang.pdf');
  await page.pdf({ path: rankingPdf, preferCSSPageSize: true });
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(pdfInfo(rankingPdf));
  assert.ok(Number(size[1]) > Number(size[2]), `landscape: ${size[0]}`);
  const text = pdfText(rankingPdf);
  for (const want of ['UBND TỈNH MINH HỌA', 'HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH',
    'Cơ quan', 'ĐTXHH', 'LV 1', 'LV 7', 'Xếp loại: Tốt: từ 90%', 'UBND xã thử nghiệm số 011', 'TM. HỘI ĐỒNG THẨM ĐỊNH', 'THƯ KÝ HỘI ĐỒNG']) {
    assert.ok(text.includes(want), `the printed ranking has «${want}»`);
  }
  assert.doesNotMatch(text, /Cơ quan thử nghiệm số/, 'departments are not in the communes\' block');
  assert.doesNotMatch(text, /In bảng xếp hạng|Về bảng xếp hạng/, 'no buttons on paper');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', rankingPdf, join(shots, 'in-xep-hang')]);

  // the result notice of the appraised commune
  await page.goto(env.origin + '/#/tham-dinh');
  await page.getByRole('link', { name: 'UBND xã thử nghiệm số 001' }).click();
  await page.getByRole('link', { name: 'Thông báo kết quả (in)' }).click();
  const paper = page.locator('article.paper');
  await paper.waitFor();
  assert.match(await page.locator('.print-tools .banner-warn').innerText(), /chưa chốt điểm: thông báo in ra mang dấu DỰ THẢO/);
  assert.deepEqual(await axe(page), [], 'axe on the result notice');
  await shot(page, 'thong-bao-ket-qua', { fullPage: true });
  const noticePdf = join(shots, 'thong-bao-ket-qua.pdf');
  await page.pdf({ path: noticePdf, preferCSSPageSize: true });
  const notice = pdfText(noticePdf);
  const portrait = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(pdfInfo(noticePdf));
  assert.ok(Number(portrait[1]) < Number(portrait[2]), `portrait: ${portrait[0]}`);
  for (const want of ['DỰ THẢO', 'THÔNG BÁO KẾT QUẢ THẨM ĐỊNH', 'Kính gửi: UBND xã thử nghiệm số 001', 'I. Kết quả theo lĩnh vực',
    'Điểm điều tra xã hội học', '8,5', 'Kế hoạch ban hành sau hạn 10 ngày.', 'Yêu cầu bổ sung tài liệu', 'III. Các nội dung Hội đồng đề nghị giải trình, bổ sung tài liệu (1)', 'TM. HỘI ĐỒNG THẨM ĐỊNH', 'Nơi nhận:']) {
    assert.ok(notice.includes(want), `the notice has «${want}»`);
  }
  assert.match(notice, /II\. Các nội dung có điểm thẩm định khác điểm tự đánh giá \(1\)/);
  assert.match(pdfLayout(noticePdf), /1\.1\.1\s+Ban hành kế hoạch[^\n]*?\s1\s+1\s+0,5\s+Ban hành kịp thời/, 'the item, its maximum, self-score, appraised score and the agency\'s basis');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', noticePdf, join(shots, 'thong-bao-ket-qua-in')]);

  // the same notice in Word, for the council to number and sign: read back
  // through LibreOffice, a reader that is not ours
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải bản Word (.docx)' }).click()]);
  assert.match(dl.suggestedFilename(), /^thong-bao-ket-qua-tham-dinh-ubnd-xa-thu-nghiem-so-001-\d{4}-\d\d-\d\d\.docx$/);
  await page.locator('.print-tools .banner-ok', { hasText: 'Mở bằng Word, ghi số văn bản, rồi trình ký.' }).waitFor();
  const noticeDocx = join(shots, 'thong-bao-ket-qua.docx');
  await dl.saveAs(noticeDocx);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(shots, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', join(shots, 'word'), noticeDocx], { stdio: 'ignore', timeout: 120000 });
  const wordPdf = join(shots, 'word', 'thong-bao-ket-qua.pdf');
  // compared without spaces: lines wrap, and the substituted font's spacing
  // splits words in the extracted text
  const squeeze = (t) => t.replace(/\s+/g, '');
  const word = squeeze(execFileSync('pdftotext', [wordPdf, '-'], { encoding: 'utf8' }));
  for (const want of ['DỰ THẢO', 'THÔNG BÁO', 'HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CCHC', 'Kính gửi: UBND xã thử nghiệm số 001', 'I. KẾT QUẢ THEO LĨNH VỰC',
    'Điểm điều tra xã hội học', 'Kế hoạch ban hành sau hạn 10 ngày.', 'Yêu cầu bổ sung tài liệu',
    'II. CÁC NỘI DUNG CÓ ĐIỂM THẨM ĐỊNH KHÁC ĐIỂM TỰ ĐÁNH GIÁ (1)', 'III. CÁC NỘI DUNG HỘI ĐỒNG ĐỀ NGHỊ GIẢI TRÌNH, BỔ SUNG TÀI LIỆU (1)', 'TM. HỘI ĐỒNG THẨM ĐỊNH', 'Nơi nhận:']) {
    assert.ok(word.includes(squeeze(want)), `the Word notice has «${want}»`);
  }
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', wordPdf, join(shots, 'thong-bao-ket-qua-word')]);
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(page.foreignRequests, []);
});
