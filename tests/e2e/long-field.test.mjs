// End-to-end: a set with a very long field (the generated 1,000-item set,
// 143 items in field 1). The field comes in parts of whole criteria, each a
// fold: only the part being worked on is open and drawn, another is drawn
// when opened (by keyboard too), its head counts what is answered, and an
// address naming an item opens that item's part and takes the focus there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, assertClean, axe, shot, repo } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

test('a very long field comes in parts: only the part being worked on is drawn, and an address opens its own', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cchc-bo-dai-')), 'bo-1000-muc.json');
  execFileSync('cargo', ['run', '-q', '--example', 'generate_set', '--', '1000', file], { cwd: repo, stdio: 'inherit' });
  const field = JSON.parse(readFileSync(file, 'utf8')).fields[0];
  const units = field.criteria.reduce((t, c) => t + Math.max(1, (c.items || []).length), 0);
  assert.ok(units > 100, `field 1 has ${units} items`);

  const page = await env.page();
  await page.goto(env.origin + '/#/bo-tieu-chi');
  await page.getByLabel('Nạp bộ tiêu chí từ tệp JSON').setInputFiles(file);
  await page.locator('.banner-ok', { hasText: 'Đã nạp' }).waitFor();
  await page.goto(env.origin + '/#/');
  await page.locator('.set-choice label', { hasText: '1000 mục' }).click();
  await page.goto(env.origin + '/#/linh-vuc/1');

  const parts = page.locator('details.field-part');
  await parts.first().locator('.item-card').first().waitFor();
  const n = await parts.count();
  assert.ok(n >= 7 && n <= 10, `${n} parts of about 20 items`);
  assert.equal(await page.locator('details.field-part[open]').count(), 1, 'one part open');
  const drawn = await page.locator('.item-card').count();
  assert.ok(drawn > 0 && drawn <= 21, `only the open part's cards are drawn (${drawn})`);
  for (let i = 1; i < n; i++) assert.equal(await parts.nth(i).locator('.item-card').count(), 0, `part ${i + 1} not drawn`);
  const head = parts.first().locator('summary.part-head');
  assert.match(await head.locator('.part-title').innerText(), /^Tiêu chí 1\.1 – 1\.\d+\s*:?\s*$/);
  assert.match(await head.locator('.part-progress').innerText(), /^0\/\d+ mục · 0 \/ [\d,]+ điểm$/);

  await shot(page, 'linh-vuc-dai-tung-phan');

  // answering counts in the part's head
  await page.locator('[id="muc-1.1.4-ty-le"]').fill('95');
  await head.locator('.part-progress', { hasText: /^1\/\d+ mục · [1-9]/ }).waitFor();

  // by keyboard: the next part's head opens it, and its cards are drawn
  await parts.nth(1).locator('summary.part-head').focus();
  await page.keyboard.press('Enter');
  await parts.nth(1).locator('.item-card').first().waitFor();
  assert.equal(await page.locator('details.field-part[open]').count(), 2);

  // an address naming the field's last criterion: its part is the one open,
  // and the focus is on it
  const last = field.criteria[field.criteria.length - 1].code;
  await page.goto(env.origin + `/#/linh-vuc/1/${last}`);
  await page.waitForFunction((id) => document.activeElement?.id === id, `muc-${last}-tieu-de`);
  assert.equal(await parts.last().getAttribute('open'), '');
  assert.equal(await parts.first().getAttribute('open'), null, 'the first part is closed now');
  await parts.first().locator('summary.part-head').click();
  assert.equal(await page.locator('[id="muc-1.1.4-ty-le"]').inputValue(), '95', 'the answer is kept');

  assert.deepEqual(await axe(page), []);
  assertClean(page);
  await page.context().close();
});
