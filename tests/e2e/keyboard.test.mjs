// End-to-end, keyboard only: a focal point who cannot use a mouse fills a
// whole field (every item's answer, and one cited document) with Tab, Space,
// Enter and typing, and the work survives a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, axe, shot, assertClean } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return {
    tag: e.tagName, type: e.type || '', id: e.id, name: e.name || '',
    text: (e.innerText || '').trim().slice(0, 60),
    inPager: !!e.closest('nav.pager'),
    item: e.closest('.item-card')?.id || '',
    outline: getComputedStyle(e).outlineStyle,
  };
});

test('a whole field is filled with the keyboard alone', async () => {
  const page = await env.page();
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label').first().waitFor();
  // choose the commune set and go to field 1, by keyboard
  const xa = page.getByRole('radio', { name: /UBND xã, phường/ });
  await xa.focus();
  await page.keyboard.press('Space');
  assert.ok(await xa.isChecked());
  await page.goto(env.origin + '/#/linh-vuc/1');
  await page.getByRole('heading', { level: 2, name: /^Lĩnh vực 1\./ }).waitFor();
  await page.locator('#trang-tieu-de').focus();

  const groups = new Set();
  const typed = [];
  let cited = false;
  const unfocusedRing = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (el.inPager) break;
    if (el.outline === 'none' && el.tag !== 'H2') unfocusedRing.push(el.id || el.text);
    if (el.type === 'radio' && !groups.has(el.name)) {
      groups.add(el.name);
      await page.keyboard.press('Space');
      assert.equal(await page.evaluate(() => document.activeElement.checked), true, `${el.id} chosen with Space`);
    } else if (/-ty-le$/.test(el.id)) { await page.keyboard.type('95'); typed.push(el.id); }
    else if (/-tu-so$/.test(el.id)) { await page.keyboard.type('9'); typed.push(el.id); }
    else if (/-mau-so$/.test(el.id)) { await page.keyboard.type('10'); typed.push(el.id); }
    else if (/-so-luong$/.test(el.id)) { await page.keyboard.type('2'); typed.push(el.id); }
    else if (el.tag === 'SUMMARY' && el.item === 'muc-1.1.1' && !cited) {
      await page.keyboard.press('Enter'); // opens the evidence box
      // its inside is a chunk loaded on first opening
      await page.locator('[id="muc-1.1.1"] .evidence-list').waitFor({ state: 'attached' });
      await page.keyboard.press('Tab');
      assert.match((await focused(page)).text, /Thêm tài liệu kiểm chứng/);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(100);
      const input = await focused(page);
      assert.equal(input.id, 'muc-1.1.1-tl-0-so', 'focus moves into the new reference');
      await page.keyboard.type('15/KH-UBND');
      cited = true;
    }
  }
  assert.ok(cited, 'a document was cited');
  assert.deepEqual(unfocusedRing, [], 'every focused control shows a focus ring');
  const status = await page.locator('nav.wizard-nav').innerText();
  assert.match(status, /9\/9 mục/, 'every item of field 1 answered');
  assert.ok(typed.length >= 3, typed.join(' '));
  assert.deepEqual(await axe(page), []);
  await shot(page, 'keyboard-field-1', { fullPage: false });

  // the focal point goes on to field 2 with Enter on the pager's link
  assert.match((await focused(page)).text, /Lĩnh vực 2|tiếp|→/i);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: /^Lĩnh vực 2\./ }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'trang-tieu-de', 'focus lands on the new page heading');

  await page.waitForTimeout(400);
  await page.reload();
  await page.goto(env.origin + '/#/linh-vuc/1');
  await page.locator('[id="muc-1.1.1-tl-0-so"]').waitFor();
  assert.equal(await page.locator('[id="muc-1.1.1-tl-0-so"]').inputValue(), '15/KH-UBND');
  assert.match(await page.locator('nav.wizard-nav').innerText(), /9\/9 mục/);
  assertClean(page);
});
