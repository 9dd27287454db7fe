// End-to-end: drafts are never lost. Autosave and reload, a 50-round loop
// of edits and reloads at random moments, a full storage, blocked storage,
// a corrupted entry, an old-format draft, two tabs, and the list of drafts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, assertClean, axe, shot } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const byId = (page, id) => page.locator(`[id="${id}"]`);
const PCT = 'muc-1.1.4-ty-le';


/** A fresh draft on the sở, ban, ngành set, on field 1. */
async function newDraftOnField1(page) {
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label').first().click();
  await page.getByLabel('Tên cơ quan, đơn vị').fill('Sở Tư pháp');
  await page.goto(env.origin + '/#/linh-vuc/1');
  await byId(page, PCT).waitFor();
}

async function storedDrafts(page) {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cchc.draft.'))
    .map((k) => ({ key: k, value: JSON.parse(localStorage.getItem(k)) })));
}

test('typed, reloaded at once: intact (saved on pagehide, not only after the delay)', async () => {
  const page = await env.page();
  await newDraftOnField1(page);
  await byId(page, PCT).fill('86');
  await page.reload(); // well within the 250 ms debounce
  await byId(page, PCT).waitFor();
  assert.equal(await byId(page, PCT).inputValue(), '86');
  assert.match(await page.locator('#trang-thai-luu').innerText(), /^Đã lưu lúc \d\d:\d\d:\d\d$/);
  // and it reopens at the item where it was left
  assert.match(page.url(), /#\/linh-vuc\/1\/1\.1\.4$/);
  assertClean(page);
});

test('50 rounds of editing and reloading at random moments lose nothing', async () => {
  const page = await env.page();
  await newDraftOnField1(page);
  let lost = 0;
  const lostAt = [];
  // deterministic "random" delays, 0–400 ms, so a failure can be replayed
  let seed = 12345;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let i = 0; i < 50; i++) {
    const value = String((i * 7) % 101);
    const ratio = [String(i), String(i + 1 + (i % 5))];
    await byId(page, PCT).fill(value);
    await byId(page, 'muc-1.3.2-tu-so').fill(ratio[0]);
    await byId(page, 'muc-1.3.2-mau-so').fill(ratio[1]);
    await page.waitForTimeout(Math.floor(rand() * 400));
    await page.reload();
    await byId(page, PCT).waitFor();
    const seen = [await byId(page, PCT).inputValue(), await byId(page, 'muc-1.3.2-tu-so').inputValue(), await byId(page, 'muc-1.3.2-mau-so').inputValue()];
    const want = [value, ...ratio];
    for (let k = 0; k < 3; k++) if (seen[k] !== want[k]) { lost++; lostAt.push({ round: i, want: want[k], seen: seen[k] }); }
  }
  console.log(`# answers lost over 50 rounds: ${lost}`);
  assert.equal(lost, 0, JSON.stringify(lostAt));
  assertClean(page);
});

test('a full storage: a banner says so, nothing in the page is lost, and export still works', async () => {
  const page = await env.page({ acceptDownloads: true });
  await newDraftOnField1(page);
  await byId(page, PCT).fill('50');
  await page.waitForFunction(() => /Đã lưu/.test(document.getElementById('trang-thai-luu').innerText));
  // fill localStorage to its quota with other data
  const filled = await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    let n = 0;
    try { for (;;) { localStorage.setItem('rac.' + n, chunk); n++; } } catch (e) { /* QuotaExceededError */ }
    // then smaller and smaller pieces, down to a single character
    for (const size of [16384, 1024, 64, 1]) {
      try { for (let k = 0; ; k++) { localStorage.setItem(`rac.${size}.${k}`, 'x'.repeat(size)); } } catch (e) { /* full at this size */ }
    }
    return n;
  });
  assert.ok(filled > 5, `storage filled (${filled} chunks)`);
  await byId(page, PCT).fill('95');
  await byId(page, 'muc-1.1.1-chon-0').check();
  const banner = page.locator('.banner-error', { hasText: 'Chưa lưu được thay đổi mới nhất' });
  await banner.waitFor();
  assert.match(await banner.innerText(), /Bộ nhớ của trình duyệt đã đầy/);
  assert.equal(await page.locator('#trang-thai-luu').innerText(), 'Chưa lưu được');
  assert.equal(await byId(page, PCT).inputValue(), '95', 'what was typed stays in the page');
  await shot(page, 'bo-nho-day');
  assert.deepEqual(await axe(page), [], 'axe with the storage banner');
  // export still works and carries the unsaved answers
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: /Tải bản tự đánh giá về máy/ }).click()]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(saved.responses['1.1.4'].value, '95');
  assert.equal(saved.responses['1.1.1'].choice, 'kip_thoi');
  // space freed: the next change saves everything
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rac.')).forEach((k) => localStorage.removeItem(k)));
  await byId(page, PCT).fill('96');
  await page.waitForFunction(() => /Đã lưu/.test(document.getElementById('trang-thai-luu').innerText));
  await page.reload();
  await byId(page, PCT).waitFor();
  assert.equal(await byId(page, PCT).inputValue(), '96');
  assert.ok(await byId(page, 'muc-1.1.1-chon-0').isChecked());
  assertClean(page);
});

test('blocked storage: work goes on in memory, a banner asks to export', async () => {
  const page = await env.page({ acceptDownloads: true });
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('Bị chặn', 'SecurityError'); } });
  });
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label').first().click();
  const banner = page.locator('.banner-error', { hasText: 'Trình duyệt không cho lưu dữ liệu' });
  await banner.waitFor();
  await page.goto(env.origin + '/#/linh-vuc/1');
  await byId(page, PCT).fill('77');
  assert.equal(await byId(page, PCT).inputValue(), '77');
  assert.match(await page.locator('.item-card', { has: byId(page, PCT) }).locator('.item-result').innerText(), /77%/);
  assert.equal(await page.locator('#trang-thai-luu').innerText(), 'Không lưu được vào trình duyệt');
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: /Tải bản tự đánh giá về máy/ }).click()]);
  assert.equal(JSON.parse(readFileSync(await download.path(), 'utf8')).responses['1.1.4'].value, '77');
  assertClean(page);
});

test('a corrupted entry brings up the recovery screen and is kept verbatim', async () => {
  const page = await env.page({ acceptDownloads: true });
  await page.goto(env.origin + '/');
  const broken = '{"format":"cchc-draft","format_version":2,"responses": [1,';
  await page.evaluate((b) => localStorage.setItem('cchc.draft.hong', b), broken);
  await page.reload();
  const recovery = page.locator('.recovery');
  await recovery.waitFor();
  assert.match(await recovery.innerText(), /Có 1 bản đã lưu không đọc được/);
  assert.match(await recovery.innerText(), /cchc\.draft\.hong · .* lý do: không phải JSON hợp lệ \(dòng 1, cột \d+\)\./);
  assert.equal(await page.evaluate(() => localStorage.getItem('cchc.draft.hong')), broken, 'kept verbatim');
  const [download] = await Promise.all([page.waitForEvent('download'), recovery.getByRole('button', { name: 'Tải dữ liệu gốc về máy' }).click()]);
  assert.equal(readFileSync(await download.path(), 'utf8'), broken);
  await shot(page, 'khoi-phuc');
  assert.deepEqual(await axe(page), [], 'axe on the recovery screen');
  // working on a new draft never touches it; the other pages say it is there
  await page.getByRole('button', { name: '+ Tạo bản mới' }).click();
  await page.locator('.set-choice label').first().click();
  await page.goto(env.origin + '/#/linh-vuc/1');
  await byId(page, PCT).fill('60');
  await page.reload();
  await byId(page, PCT).waitFor();
  assert.equal(await byId(page, PCT).inputValue(), '60');
  await page.locator('.banner-warn', { hasText: 'Có 1 bản đã lưu không đọc được' }).getByRole('link').click();
  await page.locator('.recovery').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('cchc.draft.hong')), broken);
  assertClean(page);
});

test('a draft in the old format (version 1) is migrated and opens', async () => {
  const page = await env.page();
  await page.goto(env.origin + '/');
  const v1 = { format_version: 1, set_key: 'minh-hoa-so-ban-nganh-2026@2026.1', profile: { name: 'Sở Y tế (bản cũ)' }, responses: { '1.1.4': { value: '88' } } };
  await page.evaluate((d) => { localStorage.clear(); localStorage.setItem('cchc.draft.v1', JSON.stringify(d)); }, v1);
  await page.goto(env.origin + '/#/ban-tu-danh-gia');
  await page.reload();
  const card = page.locator('.draft-card', { hasText: 'Sở Y tế (bản cũ)' });
  await card.waitFor();
  const stored = await storedDrafts(page);
  assert.equal(stored.length, 1);
  assert.notEqual(stored[0].key, 'cchc.draft.v1', 'moved to its own key');
  assert.equal(stored[0].value.format, 'cchc-draft');
  assert.equal(stored[0].value.format_version, 2);
  assert.equal(stored[0].value.responses['1.1.4'].value, '88');
  await card.getByRole('button', { name: 'Mở' }).click();
  await page.goto(env.origin + '/#/linh-vuc/1');
  assert.equal(await byId(page, PCT).inputValue(), '88');
  assertClean(page);
});

test('one draft in two tabs: the other tab notices and nothing is silently overwritten', async () => {
  const a = await env.page();
  await newDraftOnField1(a);
  await byId(a, PCT).fill('40');
  await a.waitForFunction(() => /Đã lưu/.test(document.getElementById('trang-thai-luu').innerText));
  const b = await a.context().newPage();
  b.consoleErrors = []; b.on('pageerror', (e) => b.consoleErrors.push(String(e)));
  await b.goto(env.origin + '/#/linh-vuc/1');
  await byId(b, PCT).waitFor();
  assert.equal(await byId(b, PCT).inputValue(), '40');

  // tab A saves a change; tab B is told
  await byId(a, PCT).fill('41');
  await a.waitForFunction(() => /Đã lưu/.test(document.getElementById('trang-thai-luu').innerText));
  const banner = b.locator('.banner-warn', { hasText: 'Bản này vừa được lưu ở một thẻ' });
  await banner.waitFor();
  // tab B types anyway: its change must not overwrite tab A's
  await byId(b, PCT).fill('99');
  await b.waitForTimeout(600);
  const stored = await storedDrafts(b);
  assert.equal(stored[0].value.responses['1.1.4'].value, '41', 'tab A\'s save stands');
  assert.equal(await b.locator('#trang-thai-luu').innerText(), 'Tạm dừng lưu: có thay đổi ở thẻ khác');
  await shot(b, 'hai-the');
  // tab B takes the newest version
  await banner.getByRole('button', { name: /Tải lại bản mới nhất/ }).click();
  await b.waitForFunction((id) => document.getElementById(id).value === '41', PCT);
  // and from then on saves normally; tab A is told in turn
  await byId(b, PCT).fill('42');
  await b.waitForFunction(() => /Đã lưu/.test(document.getElementById('trang-thai-luu').innerText));
  await a.locator('.banner-warn', { hasText: 'Bản này vừa được lưu ở một thẻ' }).waitFor();
  await a.locator('.banner-warn').getByRole('button', { name: /Giữ bản ở thẻ này/ }).click();
  await a.waitForFunction(() => /Đã lưu/.test(document.getElementById('trang-thai-luu').innerText));
  assert.equal((await storedDrafts(a))[0].value.responses['1.1.4'].value, '41', 'tab A chose to keep its own');
  assert.deepEqual(b.consoleErrors, []);
  assertClean(a);
});

test('many drafts: create, rename, duplicate, delete with undo, reopen where left', async () => {
  const page = await env.page();
  await newDraftOnField1(page);
  await byId(page, PCT).fill('70');
  await page.goto(env.origin + '/#/linh-vuc/3');
  await page.getByRole('heading', { level: 2, name: /Lĩnh vực 3\./ }).waitFor();
  // the last item worked on is remembered, not only the page
  await byId(page, 'muc-3.2.1-chon-0').check();

  await page.getByRole('link', { name: 'Các bản' }).click();
  await page.getByRole('button', { name: '+ Tạo bản mới' }).click();
  await page.locator('.set-choice label').nth(1).click();
  await page.getByLabel('Tên cơ quan, đơn vị').fill('UBND phường Minh Họa');
  await page.getByLabel('Loại đơn vị').selectOption({ label: 'UBND xã, phường' });
  await page.waitForFunction(() => /Đã lưu/.test(document.getElementById('trang-thai-luu').innerText));
  await page.getByRole('link', { name: 'Các bản' }).click();
  const cards = page.locator('.draft-card');
  await cards.nth(1).waitFor();
  assert.equal(await cards.count(), 2);
  const so = cards.filter({ hasText: 'Sở Tư pháp' });
  assert.match(await so.innerText(), /Đã trả lời 2% · 1,5 \/ 94 điểm · chỉ số 1,60% · Yếu/);
  assert.match(await so.innerText(), /Sửa lần cuối: \d\d:\d\d:\d\d \d\d\/\d\d\/\d{4} · Xuất tệp lần cuối: chưa · Dung lượng: \d+,\d KB/);

  // rename
  await so.getByRole('button', { name: 'Đổi tên' }).click();
  await so.getByLabel('Tên mới').fill('Sở Tư pháp — năm 2026');
  await so.getByRole('button', { name: 'Lưu tên' }).click();
  const renamed = cards.filter({ has: page.getByRole('heading', { name: /^Sở Tư pháp — năm 2026( Đang mở)?$/ }) });
  await renamed.waitFor();
  // duplicate (e.g. to start next year from this year)
  await renamed.getByRole('button', { name: 'Nhân bản' }).click();
  const copy = cards.filter({ hasText: 'Sở Tư pháp — năm 2026 (bản sao)' });
  await copy.waitFor();
  assert.equal(await cards.count(), 3);
  await shot(page, 'cac-ban');
  assert.deepEqual(await axe(page), [], 'axe on the list of drafts');

  // delete asks first; declining keeps it; accepting deletes; undo restores
  page.once('dialog', (d) => d.dismiss());
  await copy.getByRole('button', { name: 'Xóa' }).click();
  assert.equal(await cards.count(), 3);
  page.once('dialog', (d) => d.accept());
  await copy.getByRole('button', { name: 'Xóa' }).click();
  await page.locator('.banner-ok', { hasText: 'Đã xóa «Sở Tư pháp — năm 2026 (bản sao)»' }).waitFor();
  assert.equal(await cards.count(), 2);
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await copy.waitFor();
  assert.equal(await cards.count(), 3);

  // reopen the first draft: it opens at the item where it was left, with its answers
  await renamed.getByRole('button', { name: 'Mở' }).click();
  await page.getByRole('heading', { level: 2, name: /Lĩnh vực 3\./ }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'muc-3.2.1-tieu-de');
  assert.match(page.url(), /#\/linh-vuc\/3\/3\.2\.1$/);
  await page.goto(env.origin + '/#/linh-vuc/1');
  assert.equal(await byId(page, PCT).inputValue(), '70');
  assertClean(page);
});
