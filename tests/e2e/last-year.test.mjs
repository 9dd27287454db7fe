// End-to-end: last year beside this year. A copy of the sample draft is
// made last year's (2025, one item answered worse) and exported; the 2026
// draft imports that submission on its summary, refuses a file of its own
// year, shows the change per field and per item, keeps it across a reload,
// and can take last year from the 2025 draft in the browser instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, enterDemo, shots, axe, assertClean } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const AGENCY = 'Sở Tư pháp tỉnh Minh Họa';

async function exportSubmission(page, file) {
  await page.goto(env.origin + '/#/tong-hop');
  await page.getByRole('heading', { name: 'Bảng tổng hợp kết quả tự đánh giá' }).waitFor();
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Xuất tệp nộp/ }).click(),
  ]);
  await dl.saveAs(file);
}

function draftCard(page, copy) {
  const cards = page.locator('li').filter({ has: page.getByRole('button', { name: 'Nhân bản' }) }).filter({ hasText: AGENCY });
  return copy ? cards.filter({ hasText: 'bản sao' }) : cards.filter({ hasNotText: 'bản sao' });
}

test('last year\'s submission is imported on this year\'s summary and compared per field and per item', async () => {
  const page = await env.page();
  await enterDemo(page, env.origin);

  // this year's own file: not "last year"
  const sameYear = join(shots, 'nam-nay.json');
  await exportSubmission(page, sameYear);

  // last year: a copy, dated 2025, with 1.2.1 answered "no"
  await page.goto(env.origin + '/#/ban-tu-danh-gia');
  await draftCard(page, false).getByRole('button', { name: 'Nhân bản' }).click();
  await draftCard(page, true).getByRole('button', { name: 'Mở', exact: true }).click();
  await page.goto(env.origin + '/#/');
  await page.getByLabel('Năm đánh giá').fill('2025');
  await page.goto(env.origin + '/#/linh-vuc/1/1.2.1');
  const item = page.locator('[id="muc-1.2.1"]');
  await item.getByLabel('Không đủ hoặc không đúng hạn').check();
  const lastYear = join(shots, 'nam-truoc.json');
  await exportSubmission(page, lastYear);

  // back to this year's draft
  await page.goto(env.origin + '/#/ban-tu-danh-gia');
  await draftCard(page, false).getByRole('button', { name: 'Mở', exact: true }).click();
  await page.goto(env.origin + '/#/tong-hop');
  const section = page.locator('section.last-year');
  await section.getByRole('heading', { name: 'So sánh với năm trước' }).waitFor();
  // the 2025 draft in this browser is offered as a source
  await section.getByRole('button', { name: `So sánh với bản «${AGENCY} (bản sao)» (năm 2025)` }).waitFor();

  await page.locator('#nhap-nam-truoc').setInputFiles(sameYear);
  await section.locator('.banner-error', { hasText: 'không phải của một năm trước năm 2026' }).waitFor();

  await page.locator('#nhap-nam-truoc').setInputFiles(lastYear);
  await section.locator('.banner-ok', { hasText: 'Đã lấy kết quả năm 2025' }).waitFor();
  const fields = section.getByRole('table', { name: 'So sánh theo lĩnh vực với năm 2025' });
  const field1 = fields.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^1\. / }) });
  assert.equal((await field1.locator('td').last().textContent()).trim(), '+1', 'field 1 gained the point 1.2.1 lost last year');
  assert.match(await section.textContent(), /thay đổi \+1 so với điểm tự chấm năm trước/);
  await section.getByText(/^Từng mục/).click();
  const items = section.getByRole('table', { name: 'So sánh từng mục với năm 2025' });
  const row = items.getByRole('row').filter({ has: page.getByRole('cell', { name: '1.2.1', exact: true }) });
  assert.deepEqual(
    (await row.locator('td').allTextContents()).map((s) => s.trim()).slice(2, 6),
    ['0', '—', '1', '+1'],
  );
  assert.deepEqual(await axe(page), []);
  await section.screenshot({ path: join(shots, 'so-sanh-nam-truoc.png') });

  // the Word report carries the comparison: converted by LibreOffice, read back
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo (Word .docx)' }).click()]);
  const docx = join(shots, 'bao-cao-so-sanh.docx');
  await dl.saveAs(docx);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(shots, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', shots, docx], { stdio: 'ignore', timeout: 120000 });
  const pdf = join(shots, 'bao-cao-so-sanh.pdf');
  const squeeze = (t) => t.replace(/\s+/g, '');
  const text = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
  for (const expected of ['So sánh với năm 2025', 'Tự chấm 2025', 'Thẩm định 2025', 'thay đổi +1 điểm so với điểm tự chấm năm trước']) {
    assert.ok(text.includes(squeeze(expected)), `the Word report shows «${expected}»`);
  }
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, join(shots, 'bao-cao-so-sanh')]);

  // kept in the draft across a reload
  await page.reload();
  await page.locator('section.last-year').getByRole('table', { name: 'So sánh theo lĩnh vực với năm 2025' }).waitFor();

  // or taken from the 2025 draft in this browser
  await page.locator('section.last-year').getByRole('button', { name: 'Bỏ so sánh' }).click();
  await page.locator('section.last-year').getByRole('button', { name: /So sánh với bản/ }).click();
  await page.locator('section.last-year .banner-ok', { hasText: 'trong trình duyệt này' }).waitFor();
  assert.equal((await page.locator('section.last-year').getByRole('table', { name: 'So sánh theo lĩnh vực với năm 2025' })
    .getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^1\. / }) }).locator('td').last().textContent()).trim(), '+1');
  assertClean(page);
});
