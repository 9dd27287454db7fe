// End-to-end: a Sở Nội vụ author pastes the annex table of a decision
// (146 rows, Roman-numeral fields, a bonus part, five rows in unusual
// wording), reviews the flagged rows, fixes them in the editor, publishes,
// and an agency fills items on the published set: the summary equals the
// engine. And: a bundled set copied, three items changed, compared.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { launch, assertClean, axe, shot, repo } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const ANNEX = readFileSync(join(repo, 'tests/fixtures/phu-luc-so-ban-nganh.tsv'), 'utf8');

/** Pastes as Word or Excel would: a clipboard event carrying the table. */
async function paste(page, selector, data) {
  await page.locator(selector).evaluate((el, d) => {
    const dt = new DataTransfer();
    for (const [type, text] of Object.entries(d)) dt.setData(type, text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

const node = (page, code) => page.locator('li.node', { has: page.locator('h4 .code', { hasText: new RegExp(`^${code.replace(/\./g, '\\.')}$`) }) });

/** Starts a set in the studio as a copy of the bundled department set. */
async function copyBundledDepartmentSet(page) {
  await openStudio(page);
  const option = page.locator('#bo-nguon option', { hasText: 'sở, ban, ngành' });
  await option.waitFor({ state: 'attached' });
  await page.locator('#bo-nguon').selectOption(await option.getAttribute('value'));
  await page.getByRole('button', { name: 'Sao chép để soạn bộ mới' }).click();
  await page.locator('.set-tree-editor').waitFor();
}

async function openStudio(page) {
  await page.goto(env.origin + '/#/soan-bo-tieu-chi');
  await page.getByRole('heading', { level: 2, name: 'Soạn bộ tiêu chí' }).waitFor();
}

test('annex table → flagged rows fixed → published → an agency scores on it', async () => {
  const page = await env.page({ acceptDownloads: true });
  page.on('dialog', (d) => d.accept());
  await openStudio(page);
  assert.deepEqual(await axe(page), [], 'axe: start page');
  await paste(page, '#o-dan-bang', { 'text/plain': ANNEX });
  // the columns recognised from the Vietnamese headers, each reassignable
  await page.getByRole('heading', { name: /Bảng đã đọc: 150 dòng/ }).waitFor();
  assert.deepEqual(await Promise.all([0, 1, 2, 3, 4].map((i) => page.locator(`#cot-${i}`).inputValue())),
    ['code', 'title', 'max', 'scoring', 'evidence']);
  await shot(page, 'studio-dan-bang');
  assert.deepEqual(await axe(page), [], 'axe: column mapping');
  await page.getByRole('button', { name: 'Tạo bộ tiêu chí từ bảng' }).click();
  await page.locator('.set-tree-editor').waitFor();
  assert.equal(await page.locator('.import-result').innerText(), 'Đọc được quy tắc của 97/102 tiêu chí thành phần; 5 cần xem lại');
  assert.match(await page.locator('.studio-status').innerText(), /5 quy tắc cần xem lại/);
  assert.equal(await page.locator('li.node.to-review').count(), 5);
  // the header is missing what only the author knows, said in words, not JSON keys
  const headerProblems = await page.locator('.studio > .node-problems, section + .node-problems, details.card + .node-problems').first().innerText();
  assert.match(headerProblems, /«Cơ quan ban hành» không được để trống/);
  assert.doesNotMatch(headerProblems, /issuer/);
  await shot(page, 'studio-cay-can-xem-lai', { fullPage: false });
  await node(page, 'II.1.b').scrollIntoViewIfNeeded();
  await node(page, 'II.1.b').screenshot({ path: join(repo, 'tests/e2e/screenshots/studio-muc-can-xem-lai.png') });

  // the header
  await page.getByLabel('Cơ quan ban hành (vd. UBND tỉnh Nghệ An)').fill('UBND tỉnh Minh Họa');
  await page.getByLabel('Số quyết định (vd. 3323/QĐ-UBND)').fill('125/QĐ-UBND');
  await page.getByLabel('Ngày ban hành').fill('2026-11-20');
  await page.getByLabel('Mã bộ (id, không dấu)').fill('minh-hoa-so-ban-nganh-2027');
  await page.getByLabel('Tên bộ tiêu chí').fill('Bộ tiêu chí Chỉ số CCHC các sở, ban, ngành năm 2027 (thử)');

  // the flagged rows: choose the rule the text means, then confirm
  const fix = async (code, kind) => {
    const n = node(page, code);
    if (kind) await n.getByLabel('Cách tính điểm', { exact: true }).selectOption(kind);
    await n.getByRole('button', { name: 'Đã xem, quy tắc đúng' }).click();
  };
  await fix('I.1.a', 'yes_no');
  await fix('II.1.b', 'yes_no');
  await fix('III.2.a', 'yes_no');
  await fix('V.1.a'); // the suggestion (direct, step 0,25) is right
  // VII.1.a from the keyboard only: add the missing level and give it 0 points
  const seven = node(page, 'VII.1.a');
  await seven.getByRole('button', { name: '+ Thêm mức' }).focus();
  await page.keyboard.press('Enter');
  const label3 = seven.getByLabel('Mức 3', { exact: true });
  await label3.waitFor();
  await label3.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Trung bình');
  await page.keyboard.press('Tab'); // to its points
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0');
  // the reader said no level reaches the maximum (1,5): the top level gets it
  assert.match(await seven.locator('.node-problems').innerText(), /không đạt điểm tối đa 1,5/);
  await seven.getByLabel('Điểm', { exact: true }).first().focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1,5');
  assert.match(await seven.locator('.rule-line').innerText(), /Xếp loại Tốt: 1,5 điểm; Khá: 0,5 điểm; Trung bình: 0 điểm/);
  assert.equal(await seven.locator('.node-problems').count(), 0);
  await seven.getByRole('button', { name: 'Đã xem, quy tắc đúng' }).focus();
  await page.keyboard.press('Enter');
  await seven.locator('.rule-editor').screenshot({ path: join(repo, 'tests/e2e/screenshots/studio-sua-quy-tac.png') });

  await page.locator('.studio-status', { hasText: 'Không còn vấn đề nào' }).waitFor();
  assert.equal(await page.locator('li.node.has-problems').count(), 0);
  assert.deepEqual(await axe(page), [], 'axe: editor');

  // the draft survives a reload
  await page.reload();
  await page.locator('.set-tree-editor').waitFor();
  assert.equal(await page.getByLabel('Cơ quan ban hành (vd. UBND tỉnh Nghệ An)').inputValue(), 'UBND tỉnh Minh Họa');

  // publish: into the library, and the file downloaded
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Phát hành bộ tiêu chí' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'minh-hoa-so-ban-nganh-2027-2027.1.json');
  const dir = mkdtempSync(join(tmpdir(), 'cchc-studio-'));
  const setFile = join(dir, download.suggestedFilename());
  await download.saveAs(setFile);
  await page.locator('.banner-ok', { hasText: 'Đã phát hành' }).waitFor();
  const published = JSON.parse(readFileSync(setFile, 'utf8'));
  assert.equal(published.issuer, 'UBND tỉnh Minh Họa');
  assert.equal(published.fields.length, 8);

  // an agency on the published set
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label', { hasText: 'năm 2027 (thử)' }).click();
  await page.getByLabel('Tên cơ quan, đơn vị').fill('Sở Tư pháp tỉnh Minh Họa');
  await page.getByLabel('Loại đơn vị').selectOption({ label: 'Sở, ban, ngành' });
  await page.getByLabel('Tỉnh, thành phố').fill('Minh Họa');
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
  await page.getByLabel('Số điện thoại').fill('0238 3844 123');
  await page.getByLabel('Thư điện tử').fill('lan.nt@stp.minhhoa.gov.vn');
  await page.getByRole('button', { name: /Bắt đầu chấm điểm/ }).click();
  await page.getByRole('heading', { level: 2, name: /Lĩnh vực I\./ }).waitFor();
  // the item fixed in the studio, answered "Có"; the next one "Đạt yêu cầu"
  await page.locator('[id="muc-I.1.a-chon-0"]').check();
  await page.locator('[id="muc-I.1.b-chon-0"]').check();
  await shot(page, 'studio-co-quan-cham-bo-moi', { fullPage: false });
  await page.goto(env.origin + '/#/tong-hop');
  await page.getByRole('heading', { level: 2, name: 'Bảng tổng hợp kết quả tự đánh giá' }).waitFor();
  const foot = await page.locator('.summary-table tfoot tr:last-child').evaluate((tr) => [...tr.children].map((c) => c.innerText.trim()));
  const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cchc.draft.')).map((k) => localStorage.getItem(k)));
  assert.equal(drafts.length, 1);
  const draftFile = join(dir, 'draft.json');
  writeFileSync(draftFile, drafts[0]);
  const expected = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--example', 'score_draft', '--', setFile, draftFile], { cwd: repo, encoding: 'utf8' }));
  assert.equal(foot[3], expected.total);
  assert.equal(expected.total, '2');
  assert.equal(foot[4], expected.index);
  assertClean(page);
  await page.context().close();
});

test('a bundled set copied, three items changed, compared: exactly those three', async () => {
  const page = await env.page();
  page.on('dialog', (d) => d.accept());
  await copyBundledDepartmentSet(page);
  assert.match(await page.getByLabel('Mã bộ (id, không dấu)').inputValue(), /-2027$/);

  await node(page, '1.1.1').getByLabel('Tên', { exact: true }).fill('Ban hành kế hoạch CCHC năm 2027');
  await node(page, '2.1.1').getByLabel('Hướng dẫn chấm').fill('Văn bản phải được ban hành trước ngày 31/12.');
  await node(page, '3.1.1').getByLabel('Cách tính điểm', { exact: true }).selectOption('direct');
  // compared with the set it was copied from
  const changes = page.locator('.changes li');
  await changes.first().waitFor();
  assert.deepEqual(await changes.allInnerTexts(), [
    '1.1.1: tên «Ban hành kế hoạch CCHC năm» → «Ban hành kế hoạch CCHC năm 2027»',
    '2.1.1: hướng dẫn chấm thay đổi',
    await changes.nth(2).innerText(),
  ]);
  assert.match(await changes.nth(2).innerText(), /^3\.1\.1: cách tính điểm «.*» → «Chấm thẳng từ 0 đến .* điểm, mỗi bước 0,25 điểm»$/);
  await page.locator('#so-sanh').scrollIntoViewIfNeeded();
  await page.locator('#so-sanh').locator('..').screenshot({ path: join(repo, 'tests/e2e/screenshots/studio-so-sanh.png') });

  // delete with undo
  await node(page, '1.1.2').getByRole('button', { name: 'Xóa' }).click();
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await node(page, '1.1.2').waitFor();
  assert.equal(await changes.count(), 3);
  assert.deepEqual(await axe(page), [], 'axe: editor and comparison');

  // at phone width nothing scrolls sideways
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways scrolling at phone width (${overflow}px)`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'studio-dien-thoai', { fullPage: false });
  assertClean(page);
  await page.context().close();
});

test('an Excel workbook (.xlsx) uploaded reads like the pasted table; a Word file gets a clear way out', async () => {
  const page = await env.page();
  await openStudio(page);
  await page.locator('#tep-phu-luc').setInputFiles(join(repo, 'tests/fixtures/phu-luc-so-ban-nganh.xlsx'));
  await page.getByRole('heading', { name: /Bảng đã đọc: 150 dòng/ }).waitFor();
  assert.equal(await page.locator('#cot-3').inputValue(), 'scoring');
  await page.getByRole('button', { name: 'Tạo bộ tiêu chí từ bảng' }).click();
  assert.equal(await page.locator('.import-result').innerText(), 'Đọc được quy tắc của 97/102 tiêu chí thành phần; 5 cần xem lại');
  await page.getByRole('button', { name: 'Bỏ bản đang soạn' }).waitFor();
  page.on('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Bỏ bản đang soạn' }).click();
  // a Word file: not read, and the message says what to do instead
  await page.locator('#tep-phu-luc').setInputFiles({ name: 'phu-luc.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') });
  assert.match(await page.locator('.studio .banner-error').innerText(), /sao chép rồi dán/);
  // a broken workbook: a Vietnamese error, nothing else changes
  await page.locator('#tep-phu-luc').setInputFiles({ name: 'hong.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\x03\x04 hỏng') });
  await page.locator('.studio .banner-error', { hasText: 'Không đọc được tệp Excel' }).waitFor();
  assertClean(page);
  await page.context().close();
});

test("an agency moving its draft to this year's set sees what changed from last year's", async () => {
  const page = await env.page();
  page.on('dialog', (d) => d.accept());
  // this year's set: last year's with one title changed and one item's maximum moved
  const last = JSON.parse(readFileSync(join(repo, 'public/criteria/minh-hoa-so-ban-nganh-2026.json'), 'utf8'));
  const next = structuredClone(last);
  Object.assign(next, { id: 'minh-hoa-so-ban-nganh-2027', version: '2027.1', year: 2027, title: 'Bộ tiêu chí các sở, ban, ngành năm 2027 (thử)' });
  next.fields[0].criteria[0].items[0].title = 'Ban hành kế hoạch CCHC năm đúng hạn';
  const dir = mkdtempSync(join(tmpdir(), 'cchc-nam-moi-'));
  const file = join(dir, 'bo-2027.json');
  writeFileSync(file, JSON.stringify(next));
  await page.goto(env.origin + '/#/bo-tieu-chi');
  await page.getByLabel('Nạp bộ tiêu chí từ tệp JSON').setInputFiles(file);
  await page.locator('.banner-ok', { hasText: 'Đã nạp' }).waitFor();
  // a draft answered on last year's set
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label', { hasText: 'sở, ban, ngành cấp tỉnh năm 2026' }).click();
  await page.goto(env.origin + '/#/linh-vuc/1');
  await page.locator('[id="muc-1.1.1-chon-0"]').check();
  // (the app opened without an address returns to the item; the start page is #/)
  await page.goto(env.origin + '/#/');
  await page.locator('.set-choice label', { hasText: 'năm 2027 (thử)' }).click();
  const box = page.locator('details.set-changes');
  await box.waitFor();
  assert.match(await box.locator('summary').innerText(), /đã đổi từ «Bộ tiêu chí xác định Chỉ số CCHC các sở, ban, ngành cấp tỉnh năm 2026 \(minh họa\)» sang «Bộ tiêu chí các sở, ban, ngành năm 2027 \(thử\)»: 1 khác biệt/);
  assert.deepEqual(await box.locator('li').allInnerTexts(), ['1.1.1: tên «Ban hành kế hoạch CCHC năm» → «Ban hành kế hoạch CCHC năm đúng hạn»']);
  await shot(page, 'co-quan-doi-bo-nam-moi', { fullPage: false });
  assert.deepEqual(await axe(page), [], 'axe: start page with the changes');
  assertClean(page);
  await page.context().close();
});

test('"Xem như cơ quan": the set being authored tried in the wizard with a scratch draft; exemptions by agency kind', async () => {
  const page = await env.page();
  page.on('dialog', (d) => d.accept());
  await copyBundledDepartmentSet(page);

  // the bundled set's exemption came along; a second one, first with a code the set lacks
  assert.match(await page.locator('#sb-mien-0').inputValue(), /không trực tiếp giải quyết thủ tục hành chính/);
  assert.equal(await page.locator('#sb-mien-ma-0').inputValue(), '3');
  await page.getByRole('button', { name: '+ Thêm trường hợp miễn chấm' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'sb-mien-1');
  await page.keyboard.type('Ban Quản lý các khu kinh tế');
  await page.locator('#sb-mien-ma-1').fill('7.3, 9.9');
  await page.locator('.node-problems', { hasText: 'bộ tiêu chí không có mã «9.9»' }).first().waitFor();
  await page.locator('#sb-mien-ma-1').fill('7.3');
  await page.locator('.node-problems', { hasText: '9.9' }).first().waitFor({ state: 'detached' });

  // a copy has no decision yet: trying it says what to do first
  await page.getByRole('button', { name: 'Xem như cơ quan' }).click();
  assert.match(await page.locator('#xem-thu ~ .field-error').innerText(), /Chưa xem thử được: bộ còn \d+ vấn đề/);
  await page.getByLabel('Số quyết định (vd. 3323/QĐ-UBND)').fill('2519/QĐ-UBND');
  await page.getByLabel('Ngày ban hành').fill('2027-10-20');
  await page.getByRole('button', { name: 'Xem như cơ quan' }).click();

  // the wizard on the set being authored, with a draft that is never stored
  await page.getByRole('heading', { level: 2, name: 'Bắt đầu tự đánh giá' }).waitFor();
  await page.locator('.trial-banner').waitFor();
  assert.match(await page.locator('.set-choice', { has: page.locator('input:checked') }).innerText(), /\(bản thử\)/);
  assert.equal(await page.locator('#trang-thai-luu').innerText(), 'Bản thử: không lưu');
  await page.getByLabel('Ban Quản lý các khu kinh tế').check();
  await page.locator('.nav-list a', { hasText: 'chính quyền số' }).click();
  const card = page.locator('#muc-7\\.3');
  await card.locator('.exempt-note').waitFor();
  assert.match(await card.locator('.item-result').innerText(), /Không áp dụng[\s\S]*Miễn chấm \(Ban Quản lý các khu kinh tế\)/);
  // the other items are scored as usual
  await page.locator('#muc-7\\.2\\.2 input[value="yes"]').check();
  await page.locator('#muc-7\\.2\\.2 .result-scored').waitFor();
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'studio-xem-nhu-co-quan', { fullPage: false });
  assert.deepEqual(await axe(page), [], 'axe: the wizard in a trial');
  await page.waitForTimeout(600); // past the autosave's delay
  const stored = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('cchc.draft.'))
    .map((k) => localStorage.getItem(k)));
  assert.ok(stored.every((t) => !t.includes('ban-thu')), 'the scratch draft is never stored');

  // back to the studio: the work is where it was, the trial set is gone
  await page.getByRole('button', { name: '← Quay lại soạn bộ tiêu chí' }).click();
  await page.locator('.set-tree-editor').waitFor();
  assert.equal(await page.locator('#sb-mien-1').inputValue(), 'Ban Quản lý các khu kinh tế');
  await page.locator('.trial-banner').waitFor({ state: 'detached' });
  await page.goto(env.origin + '/#/bo-tieu-chi');
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  assert.equal(await page.getByText('(bản thử)').count(), 0);
  assertClean(page);
  await page.context().close();
});
