// End-to-end: an agency's focal point fills a whole bundled criteria set
// through the UI (every rule kind, some "không áp dụng", some evidence), and
// the summary must equal the domain engine's result for the same answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { launch, assertClean, axe, shot, shots, repo, agencyDraft } from './harness.mjs';

const SET_FILE = 'public/criteria/minh-hoa-so-ban-nganh-2026.json';
const set = JSON.parse(readFileSync(join(repo, SET_FILE), 'utf8'));

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });


const byId = (page, id) => page.locator(`[id="${id}"]`);

/** Every scored unit in order, as the app walks them. */
function units() {
  const out = [];
  for (const f of set.fields) for (const c of f.criteria) {
    if (c.rule) out.push({ field: f.code, code: c.code, max: c.max ?? 0, allow_na: !!c.allow_na, rule: c.rule });
    for (const i of c.items ?? []) out.push({ field: f.code, code: i.code, max: i.max ?? 0, allow_na: !!i.allow_na, rule: i.rule });
  }
  return out;
}

const hundredths = (x) => Math.round(Number(x) * 100);
const vi = (h) => { const s = (h / 100).toString(); return s.replace('.', ','); };

/** What to enter for unit number i: varied, deterministic, every rule kind. */
function plan(u, i) {
  const r = u.rule;
  const p = { code: u.code, response: {} };
  if (r.kind === 'survey') return null;
  if (u.allow_na && i % 4 === 0) { p.na = true; p.response.not_applicable = true; return p; }
  switch (r.kind) {
    case 'levels': case 'bonus': case 'deduction': {
      const k = i % r.options.length;
      p.choice = k; p.response.choice = r.options[k].id; break;
    }
    case 'yes_no': {
      const yes = i % 3 !== 0;
      p.choice = yes ? 0 : 1; p.response.choice = yes ? 'yes' : 'no'; break;
    }
    case 'percent_bands':
      if (r.input === 'ratio') {
        const [n, d] = [['43', '50'], ['10', '10'], ['7', '9'], ['0', '12']][i % 4];
        p.numerator = n; p.denominator = d; p.response.numerator = n; p.response.denominator = d;
      } else {
        const v = ['100', '86', '79,5', '50', '95'][i % 5];
        p.value = v; p.response.value = v;
      }
      break;
    case 'ratio': {
      const [n, d] = [['43', '50'], ['10', '10'], ['7', '9'], ['0', '12']][i % 4];
      p.numerator = n; p.denominator = d; p.response.numerator = n; p.response.denominator = d;
      break;
    }
    case 'count_bands': {
      const v = String([0, 1, 2, 3, 5][i % 5]); p.value = v; p.response.value = v; break;
    }
    case 'direct': {
      const step = hundredths(r.step), max = hundredths(u.max);
      const v = vi(Math.min(max, step * (i % (max / step + 1))));
      p.value = v; p.response.value = v; break;
    }
    default: throw new Error('unknown kind ' + r.kind);
  }
  if (i % 3 === 0) {
    p.evidence = { number: `${100 + i}/KH-UBND`, date: '2026-03-15', issuer: 'UBND tỉnh', subject: `Kế hoạch số ${100 + i}`, location: 'Mục II, trang 3', link: `https://vanban.example.gov.vn/${100 + i}` };
    p.response.evidence = [{ ...p.evidence, note: '' }];
  } else if (i % 5 === 0) {
    p.explanation = 'Tài liệu đang lưu tại bộ phận văn thư, sẽ bổ sung bản số hóa.';
    p.response.explanation = p.explanation;
  }
  return p;
}

async function fill(page, p) {
  const base = `muc-${p.code}`;
  if (p.na) {
    await byId(page, `${base}-kad`).check();
    return;
  }
  if (p.choice !== undefined) await byId(page, `${base}-chon-${p.choice}`).check();
  if (p.value !== undefined) {
    const id = [`${base}-ty-le`, `${base}-so-luong`, `${base}-diem`];
    for (const x of id) if (await byId(page, x).count()) { await byId(page, x).fill(p.value); break; }
  }
  if (p.numerator !== undefined) {
    await byId(page, `${base}-tu-so`).fill(p.numerator);
    await byId(page, `${base}-mau-so`).fill(p.denominator);
  }
  if (p.evidence || p.explanation) {
    const box = byId(page, base).locator('details.evidence-box');
    if (!(await box.getAttribute('open') !== null)) await box.locator('summary').click();
  }
  if (p.evidence) {
    await byId(page, base).getByRole('button', { name: '+ Thêm tài liệu kiểm chứng' }).click();
    const e = p.evidence;
    for (const [part, v] of [['so', e.number], ['ngay', e.date], ['co-quan', e.issuer], ['trich-yeu', e.subject], ['muc-trang', e.location], ['duong-dan', e.link]]) {
      await byId(page, `${base}-tl-0-${part}`).fill(v);
    }
  }
  if (p.explanation) await byId(page, `${base}-tl-giai-trinh`).fill(p.explanation);
}

async function startDraft(page, setIndex = 0) {
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label').nth(setIndex).click();
  await page.getByLabel('Tên cơ quan, đơn vị').fill('Sở Tư pháp tỉnh Minh Họa');
  await page.getByLabel('Loại đơn vị').selectOption({ label: 'Sở, ban, ngành' });
  await page.getByLabel('Tỉnh, thành phố').fill('Minh Họa');
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
  await page.getByLabel('Chức vụ').fill('Chuyên viên');
  await page.getByLabel('Số điện thoại').fill('0238 3844 123');
  await page.getByLabel('Thư điện tử').fill('lan.nt@stp.minhhoa.gov.vn');
}

function engine(draft) {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-'));
  const file = join(dir, 'draft.json');
  writeFileSync(file, JSON.stringify(draft));
  const out = execFileSync('cargo', ['run', '--quiet', '--example', 'score_draft', '--', join(repo, SET_FILE), file], { cwd: repo, encoding: 'utf8' });
  return JSON.parse(out);
}

async function summaryFigures(page) {
  const rows = await page.locator('.summary-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
  const foot = await page.locator('.summary-table tfoot tr:last-child').evaluate((tr) => [...tr.children].map((c) => c.innerText.trim()));
  const cls = await page.locator('.result-box p').nth(2).locator('.big').innerText();
  return { rows, foot, cls };
}

test('fills a whole bundled set through the UI; the summary equals the engine', async () => {
  const page = await env.page();
  await startDraft(page);
  await page.getByRole('button', { name: /Bắt đầu chấm điểm/ }).click();
  await page.getByRole('heading', { level: 2, name: /Lĩnh vực 1\./ }).waitFor();

  const all = units();
  const kinds = new Set(all.map((u) => u.rule.kind + (u.rule.input === 'ratio' ? ':ratio' : '')));
  const plans = all.map((u, i) => ({ u, p: plan(u, i) }));
  const responses = {};
  let shotEvidence = false;
  for (const [fi, f] of set.fields.entries()) {
    await page.getByRole('heading', { level: 2, name: new RegExp(`^Lĩnh vực ${f.code}\\.`) }).waitFor();
    for (const { u, p } of plans.filter((x) => x.u.field === f.code)) {
      if (!p) continue;
      await fill(page, p);
      responses[u.code] = p.response;
      if (p.evidence && !shotEvidence) {
        shotEvidence = true;
        await byId(page, `muc-${u.code}`).screenshot({ path: join(repo, 'tests/e2e/screenshots/muc-co-tai-lieu.png') });
      }
    }
    if (fi === 0) {
      await shot(page, 'linh-vuc-1-da-dien');
      assert.deepEqual(await axe(page), [], 'axe on a filled field page');
    }
    // next field through the pager, as a user would
    const next = set.fields[fi + 1];
    if (next) await page.getByRole('link', { name: new RegExp(`^Lĩnh vực ${next.code}:`) }).click();
    else await page.getByRole('link', { name: 'Xem bảng tổng hợp →' }).click();
  }
  assert.ok(kinds.size >= 7, `the set exercises many rule kinds: ${[...kinds]}`);
  assert.ok(plans.filter((x) => x.p?.na).length >= 3, 'some items are marked không áp dụng');
  assert.ok(plans.filter((x) => x.p?.evidence).length >= 20, 'many items cite evidence');

  await page.getByRole('heading', { level: 2, name: 'Bảng tổng hợp kết quả tự đánh giá' }).waitFor();
  const draft = { format_version: 1, set_key: `${set.id}@${set.version}`, responses };
  const expected = engine(draft);
  const seen = await summaryFigures(page);
  assert.equal(seen.rows.length, set.fields.length);
  for (const [i, f] of expected.fields.entries()) {
    const [, , applicable, points, index, answered] = seen.rows[i];
    assert.deepEqual({ applicable, points, index, answered },
      { applicable: f.applicable_max, points: f.points, index: f.index, answered: f.answered }, `field ${f.code}`);
  }
  assert.equal(seen.foot[2], expected.applicable_max);
  assert.equal(seen.foot[3], expected.total);
  assert.equal(seen.foot[4], expected.index);
  assert.equal(seen.foot[5], expected.answered);
  assert.equal(seen.cls, expected.class);
  assert.equal(Number(seen.foot[6]), expected.lacking_evidence.length);
  assert.ok(expected.lacking_evidence.length > 0, 'some scored items have no evidence');
  const flagged = await page.locator('#thieu-tlkc-tieu-de + ul a').allInnerTexts();
  assert.deepEqual(flagged.map((t) => t.split(/\s/)[0]), expected.lacking_evidence);
  if (expected.next_class?.needed) {
    assert.match(await page.locator('.result-box .gap').innerText(),
      new RegExp(`Cần thêm ${expected.next_class.needed.replace(/[.,]/g, '\\$&')} điểm để đạt loại ${expected.next_class.label}`));
  }
  // points lost: sorted, largest first
  const lost = await page.locator('.lost-table tbody tr td.num').allInnerTexts();
  const nums = lost.map((t) => Number(t.replace('.', '').replace(',', '.')));
  assert.deepEqual(nums, [...nums].sort((a, b) => b - a));
  await shot(page, 'bang-tong-hop');
  assert.deepEqual(await axe(page), [], 'axe on the summary');

  // a flagged item's link leads to its place in the form, focused
  const firstFlag = expected.lacking_evidence[0];
  await page.locator('#thieu-tlkc-tieu-de + ul a').first().click();
  await page.waitForFunction((id) => document.activeElement?.id === id, `muc-${firstFlag}-tieu-de`);

  // everything survives a reload
  await page.reload();
  await page.goto(env.origin + '/#/tong-hop');
  await page.getByRole('heading', { level: 2, name: 'Bảng tổng hợp kết quả tự đánh giá' }).waitFor();
  assert.deepEqual(await summaryFigures(page), seen);

  // phone width
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'bang-tong-hop-dien-thoai');
  await page.goto(env.origin + '/#/linh-vuc/2');
  await page.getByRole('heading', { level: 2, name: /Lĩnh vực 2\./ }).waitFor();
  await shot(page, 'linh-vuc-2-dien-thoai');
  assertClean(page);
});

test('input errors get a Vietnamese message next to their input, and nothing typed is lost', async () => {
  const page = await env.page();
  await startDraft(page);
  await page.getByLabel('Năm đánh giá').fill('2025');
  await page.getByLabel('Số điện thoại').fill('12345');
  await page.getByLabel('Loại đơn vị').selectOption({ label: 'UBND xã, phường' });
  const unitMsg = 'Bộ tiêu chí đã chọn dành cho «Sở, ban, ngành», không dùng được cho «UBND xã, phường». Hãy chọn bộ tiêu chí đúng loại đơn vị.';
  assert.equal(await page.locator('#ho-so-loai-loi').innerText(), unitMsg);
  assert.equal(await page.locator('#ho-so-loai').getAttribute('aria-describedby'), 'ho-so-loai-loi');
  await page.getByRole('button', { name: /Bắt đầu chấm điểm/ }).click();
  // focus goes to the first problem, in form order
  await page.waitForFunction(() => document.activeElement?.id === 'ho-so-loai');
  assert.match(await page.locator('#ho-so-nam-loi').innerText(), /dùng cho năm 2026, không phải năm 2025/);
  assert.match(await page.locator('#ho-so-dien-thoai-loi').innerText(), /cần 10 hoặc 11 chữ số/);
  await shot(page, 'ho-so-loi');
  assert.deepEqual(await axe(page), [], 'axe on the profile with errors');
  await page.getByLabel('Loại đơn vị').selectOption({ label: 'Sở, ban, ngành' });
  await page.getByLabel('Năm đánh giá').fill('2026');
  await page.getByLabel('Số điện thoại').fill('0912 345 678');
  await page.getByRole('button', { name: /Bắt đầu chấm điểm/ }).click();
  await page.getByRole('heading', { level: 2, name: /Lĩnh vực 1\./ }).waitFor();

  const cases = [
    // [input id, typed, message id, message]
    ['muc-1.1.4-ty-le', '120', 'Tỷ lệ phải từ 0 đến 100%, bạn nhập 120%.'],
    ['muc-1.1.4-ty-le', '8x', 'Tỷ lệ «8x» không phải là số.'],
  ];
  for (const [id, typed, msg] of cases) {
    await byId(page, id).fill(typed);
    const err = byId(page, `${id}-loi`);
    assert.equal((await err.innerText()).trim(), msg);
    assert.equal(await byId(page, id).getAttribute('aria-invalid'), 'true');
    assert.match(await byId(page, id).getAttribute('aria-describedby'), new RegExp(`${id.replace(/\./g, '\\.')}-loi`));
    assert.equal(await byId(page, id).inputValue(), typed, 'what was typed stays');
  }
  await byId(page, 'muc-1.3.2-tu-so').fill('12');
  await byId(page, 'muc-1.3.2-mau-so').fill('10');
  assert.equal((await byId(page, 'muc-1.3.2-tu-so-loi').innerText()).trim(), 'Tử số (12) lớn hơn mẫu số (10): tỷ lệ không thể quá 100%.');
  await byId(page, 'muc-1.5-so-luong').fill('-2');
  assert.equal((await byId(page, 'muc-1.5-so-luong-loi').innerText()).trim(), 'Số lượng không được âm.');
  // evidence: a future date and a malformed link
  const card = byId(page, 'muc-1.1.1');
  await card.locator('details.evidence-box summary').click();
  await card.getByRole('button', { name: '+ Thêm tài liệu kiểm chứng' }).click();
  await byId(page, 'muc-1.1.1-tl-0-ngay').fill('2099-01-01');
  await byId(page, 'muc-1.1.1-tl-0-duong-dan').fill('vanban.gov.vn/12');
  assert.match(await byId(page, 'muc-1.1.1-tl-0-ngay-loi').innerText(), /Ngày ban hành 01\/01\/2099 ở tương lai/);
  assert.match(await byId(page, 'muc-1.1.1-tl-0-duong-dan-loi').innerText(), /phải bắt đầu bằng http:\/\/ hoặc https:\/\//);
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'loi-nhap-lieu');
  assert.deepEqual(await axe(page), [], 'axe with input errors shown');

  // the invalid text is still there after a reload, and listed on the summary
  await page.reload();
  await page.getByRole('heading', { level: 2, name: /Lĩnh vực 1\./ }).waitFor();
  assert.equal(await byId(page, 'muc-1.1.4-ty-le').inputValue(), '8x');
  assert.equal(await byId(page, 'muc-1.3.2-tu-so').inputValue(), '12');
  await page.getByRole('link', { name: 'Bảng tổng hợp' }).first().click();
  // the summary loads on demand: its list is read once it is there
  await page.locator('#loi-nhap-lieu-tieu-de + ul a').first().waitFor();
  const errors = await page.locator('#loi-nhap-lieu-tieu-de + ul a').allInnerTexts();
  assert.deepEqual(errors.map((t) => t.split(/\s/)[0]), ['1.1.4', '1.3.2', '1.5']);
  assertClean(page);
});

test('keyboard only: search an item by words, jump to it, answer it, step a direct score', async () => {
  const page = await env.page();
  await startDraft(page, 0);
  await page.getByLabel('Tìm tiêu chí (mã hoặc nội dung)').focus();
  await page.keyboard.type('ke hoach kiem tra');
  const hit = page.locator('.search-hits a').first();
  await hit.waitFor();
  const code = (await hit.innerText()).split(/\s/)[0];
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === id, `muc-${code}-tieu-de`);
  assert.match(page.url(), new RegExp(`#/linh-vuc/\\d+/${code.replace(/\./g, '\\.')}$`));
  // Tab into the item's options and choose the first with the keyboard
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'radio');
  await page.keyboard.press('Space');
  await byId(page, `muc-${code}`).locator('.item-result', { hasText: /→ .*điểm/ }).waitFor();
  // a direct score (in the commune set): the + button steps by the set's step
  await page.goto(env.origin + '/#/');
  // switching the set under existing answers asks first; declining keeps the set
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.dismiss(); });
  await page.locator('.set-choice label').nth(1).click();
  await page.waitForFunction(() => document.querySelectorAll('.set-choice input')[0].checked);
  assert.match(asked, /đã có 1 mục được trả lời/);
  page.once('dialog', (d) => d.accept());
  await page.locator('.set-choice label').nth(1).click();
  await page.waitForFunction(() => document.querySelectorAll('.set-choice input')[1].checked);
  const direct = JSON.parse(readFileSync(join(repo, 'public/criteria/minh-hoa-ubnd-xa-phuong-2026.json'), 'utf8'));
  let directCode = null;
  for (const f of direct.fields) for (const c of f.criteria) for (const u of [c, ...(c.items ?? [])]) {
    if (!directCode && u.rule?.kind === 'direct') directCode = { code: u.code, field: f.code, step: u.rule.step };
  }
  assert.ok(directCode, 'the commune set has a direct-score item');
  await page.goto(`${env.origin}/#/linh-vuc/${directCode.field}/${directCode.code}`);
  const plus = byId(page, `muc-${directCode.code}`).getByRole('button', { name: /^Tăng/ });
  await plus.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  assert.equal(await byId(page, `muc-${directCode.code}-diem`).inputValue(), vi(2 * hundredths(directCode.step)));
  assertClean(page);
});

test('a document typed once is picked on other items, a removal can be undone, and a correction reaches every item', async () => {
  const page = await agencyDraft(env, 'Sở Xây dựng tỉnh Minh Họa');
  const first = byId(page, 'muc-1.1.1');
  await first.locator('details.evidence-box summary').click();
  await first.getByRole('button', { name: '+ Thêm tài liệu kiểm chứng' }).click();
  await byId(page, 'muc-1.1.1-tl-0-so').fill('125/KH-SXD');
  await byId(page, 'muc-1.1.1-tl-0-ngay').fill('2026-01-15');
  await byId(page, 'muc-1.1.1-tl-0-co-quan').fill('Sở Xây dựng');
  await byId(page, 'muc-1.1.1-tl-0-trich-yeu').fill('Kế hoạch cải cách hành chính năm 2026');
  await byId(page, 'muc-1.1.1-tl-0-muc-trang').fill('Mục II');

  // on another item: pick it, by a word of its title without accents
  const other = byId(page, 'muc-1.1.2');
  await other.locator('details.evidence-box summary').click();
  await other.getByRole('button', { name: 'Chọn tài liệu đã dùng' }).click();
  const search = byId(page, 'muc-1.1.2-tl-tim');
  await search.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'muc-1.1.2-tl-tim', 'focus goes to the search');
  await search.fill('ke hoach');
  await other.screenshot({ path: join(shots, 'chon-tai-lieu.png') });
  assert.deepEqual(await axe(page), [], 'axe with the picker open');
  await other.locator('.picker-list').getByRole('button', { name: /125\/KH-SXD/ }).click();
  assert.equal(await byId(page, 'muc-1.1.2-tl-0-so').inputValue(), '125/KH-SXD');
  assert.equal(await byId(page, 'muc-1.1.2-tl-0-trich-yeu').inputValue(), 'Kế hoạch cải cách hành chính năm 2026');
  assert.equal(await byId(page, 'muc-1.1.2-tl-0-muc-trang').inputValue(), '', 'the page is this item\'s own');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'muc-1.1.2-tl-0-muc-trang', 'focus on its section, page');
  await page.keyboard.type('trang 3');

  // removing a filled document can be undone
  await other.getByRole('button', { name: 'Xóa tài liệu 1' }).click();
  assert.equal(await byId(page, 'muc-1.1.2-tl-0-so').count(), 0);
  await other.getByRole('button', { name: 'Hoàn tác' }).click();
  assert.equal(await byId(page, 'muc-1.1.2-tl-0-so').inputValue(), '125/KH-SXD');
  assert.equal(await byId(page, 'muc-1.1.2-tl-0-muc-trang').inputValue(), 'trang 3');

  // the summary lists it once, with both items; a correction there reaches both
  await page.goto(env.origin + '/#/tong-hop');
  const library = page.locator('.library-table');
  await library.waitFor();
  assert.equal(await library.locator('tbody tr').count(), 1, 'one document');
  assert.deepEqual(await library.locator('.item-links a').allInnerTexts(), ['1.1.1 (Mục II)', '1.1.2 (trang 3)']);
  await library.locator('summary', { hasText: 'Sửa ở mọi mục' }).click();
  await byId(page, 'thu-vien-0-so').fill('126/KH-SXD');
  await library.getByRole('button', { name: 'Lưu cho mọi mục dẫn tài liệu này' }).click();
  await page.getByText('Đã sửa tài liệu ở 2 mục.').waitFor();
  await page.goto(env.origin + '/#/linh-vuc/1');
  assert.equal(await byId(page, 'muc-1.1.1-tl-0-so').inputValue(), '126/KH-SXD');
  assert.equal(await byId(page, 'muc-1.1.2-tl-0-so').inputValue(), '126/KH-SXD');
  assert.equal(await byId(page, 'muc-1.1.2-tl-0-muc-trang').inputValue(), 'trang 3');
  assertClean(page);
});
