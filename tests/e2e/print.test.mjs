// End-to-end: the printed summary, through Chromium's own print-to-PDF on
// A4, read back with poppler: the summary and its signature lines, the
// detail table with its header on every page, nothing wider than the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, enterDemo, shots, assertClean } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const pdfText = (file, page) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
const pdfPages = (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);

test('the summary prints on A4 as a document to sign, with the detail table', async () => {
  const page = await env.page();
  await enterDemo(page, env.origin);
  await page.goto(env.origin + '/#/');
  const focal = await page.locator('#ho-so-dau-moi').inputValue();
  assert.ok(focal.trim().length > 0, 'the sample draft names its focal point');
  await page.goto(env.origin + '/#/tong-hop');
  await page.getByRole('heading', { name: 'Bảng tổng hợp kết quả tự đánh giá' }).waitFor();
  await page.locator('#kho-khan').fill('Thiếu công chức chuyên trách cải cách hành chính.');
  await page.locator('#kien-nghi').fill('Đề nghị tỉnh tổ chức tập huấn phần mềm một cửa.');
  const complete = await page.locator('.ok-note', { hasText: 'Mọi mục đã được trả lời.' }).count() > 0;
  assert.equal(await page.locator('.draft-mark').isVisible(), false, 'the draft mark is for paper only');

  // summary only
  await page.emulateMedia({ media: 'print' });
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  assert.ok(fits, 'nothing is wider than the page');
  await page.emulateMedia({ media: null });
  const summaryPdf = join(shots, 'in-tong-hop.pdf');
  await page.pdf({ path: summaryPdf, format: 'A4', preferCSSPageSize: true });
  const n = pdfPages(summaryPdf);
  const first = pdfText(summaryPdf, 1);
  assert.match(first, /BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ/);
  assert.match(first, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.match(first, /Sở Tư pháp tỉnh Minh Họa/);
  assert.doesNotMatch(first, /Xuất tệp nộp|Chế độ trình diễn|Hướng dẫn nhanh/, 'no buttons or demo strip on paper');
  assert.match(pdfText(summaryPdf, n), /Thủ trưởng cơ quan, đơn vị/, 'signature lines at the end');
  // what the head of the agency signs: difficulties and proposals, the focal
  // point under "Người lập biểu", and a draft mark while items are unanswered
  const all = Array.from({ length: n }, (_, i) => pdfText(summaryPdf, i + 1)).join('\n').replace(/\s+/g, ' ');
  assert.match(all, /Khó khăn, vướng mắc Thiếu công chức chuyên trách cải cách hành chính\./);
  assert.match(all, /Kiến nghị, đề xuất Đề nghị tỉnh tổ chức tập huấn phần mềm một cửa\./);
  assert.ok(pdfText(summaryPdf, n).includes(focal.trim()), `the focal point «${focal}» under Người lập biểu`);
  assert.equal(/DỰ THẢO/.test(first), !complete, 'DỰ THẢO exactly while items are unanswered');

  // with the detail table: its header repeats on every page it spans
  await page.getByRole('checkbox', { name: /Kèm bảng chi tiết từng tiêu chí/ }).check();
  await page.locator('.detail-table').waitFor();
  const detailPdf = join(shots, 'in-tong-hop-chi-tiet.pdf');
  await page.pdf({ path: detailPdf, format: 'A4', preferCSSPageSize: true });
  const pages = pdfPages(detailPdf);
  assert.ok(pages > n + 1, `the detail table spans pages (${pages})`);
  let headed = 0;
  for (let p = n + 1; p <= pages; p++) {
    if (/Tài liệu kiểm chứng,\s+giải trình/.test(pdfText(detailPdf, p))) headed++;
  }
  assert.ok(headed >= pages - n - 1, `header on every page of the table (${headed} of ${pages - n})`);
  assert.match(pdfText(detailPdf, pages), /Thủ trưởng cơ quan, đơn vị/);
  // pictures of the pages, to look at
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', detailPdf, join(shots, 'in-trang')]);
  assertClean(page);
});

test('the Word report downloads and opens in LibreOffice with its heading, scores, explanations and remarks', async () => {
  const page = await env.page();
  await enterDemo(page, env.origin);
  await page.goto(env.origin + '/#/tong-hop');
  await page.getByRole('heading', { name: 'Bảng tổng hợp kết quả tự đánh giá' }).waitFor();
  await page.getByLabel('Cơ quan chủ quản (dòng đầu tiêu đề)').fill('UBND tỉnh Minh Họa');
  await page.getByLabel('Số, ký hiệu báo cáo').fill('125/BC-STP');
  await page.locator('#kho-khan').fill('Phần mềm một cửa chưa liên thông với cổng dịch vụ công.');
  await page.locator('#kien-nghi').fill('Đề nghị tỉnh bố trí kinh phí số hóa hồ sơ.');
  const total = (await page.locator('.result-box strong.big').first().textContent()).trim();

  // the printed heading carries the parent agency and the number too
  const printed = join(shots, 'in-tieu-de.pdf');
  await page.pdf({ path: printed, format: 'A4', preferCSSPageSize: true });
  const head = pdfText(printed, 1);
  assert.match(head, /UBND TỈNH MINH HỌA/);
  assert.match(head, /Số: 125\/BC-STP/);

  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo (Word .docx)' }).click()]);
  assert.match(dl.suggestedFilename(), /^bao-cao-tu-danh-gia-.+\.docx$/);
  await page.locator('.banner', { hasText: 'Đã tải báo cáo' }).waitFor();
  const docx = join(shots, 'bao-cao.docx');
  await dl.saveAs(docx);
  // LibreOffice, as a reader that is not ours, turns it into a PDF
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(shots, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', shots, docx], { stdio: 'ignore', timeout: 120000 });
  const pdf = join(shots, 'bao-cao.pdf');
  const pages = pdfPages(pdf);
  // compared without spaces: lines wrap, and the substituted font's spacing
  // splits words in the extracted text
  const squeeze = (s) => s.replace(/\s+/g, '');
  const text = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
  for (const expected of [
    'UBND TỈNH MINH HỌA', 'SỞ TƯ PHÁP TỈNH MINH HỌA', 'Số: 125/BC-STP', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'BÁO CÁO', 'I. KẾT QUẢ TỰ ĐÁNH GIÁ', 'II. BẢNG ĐIỂM CHI TIẾT VÀ TÀI LIỆU KIỂM CHỨNG', 'III. GIẢI TRÌNH',
    'Phần mềm một cửa chưa liên thông với cổng dịch vụ công.', 'Đề nghị tỉnh bố trí kinh phí số hóa hồ sơ.',
    'NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', `Tổng điểm tự đánh giá: ${total}`,
  ]) {
    assert.ok(text.includes(squeeze(expected)), `the Word report shows «${expected}»`);
  }
  assert.ok(pages >= 3, `the item table spans pages (${pages})`);
  // the first pages as pictures, to look at
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(shots, 'bao-cao-word')]);
  assertClean(page);
});
