// End-to-end: a trainer runs the workshop demo in English, offline. The
// choice is remembered across reloads, every page passes axe, and no
// Vietnamese interface text is left on any page: the check reads every
// t!/tf! text from the source, so a new untranslated label fails it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch, axe, shot, repo } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

/** The Vietnamese side of every t!("vi", "en") and tf!("vi", "en", …) in src/. */
function vietnameseTexts() {
  const files = [];
  (function walk(d) {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p); else if (n.endsWith('.rs')) files.push(p);
    }
  })(join(repo, 'src'));
  const texts = new Set();
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/\b(?:t|tf)!\(\s*"((?:[^"\\]|\\.)*)",\s*"/g)) {
      // a formatted text: its longest fixed piece
      const piece = m[1].split(/\{[^{}]*\}/).map((s) => s.trim()).sort((a, b) => b.length - a.length)[0];
      // short pieces ("Có", "Mã") could be data as well: only sentences count
      if (piece.length >= 14 && /[À-ỹĐđ]/.test(piece)) texts.add(piece);
    }
  }
  // a text that the bundled sets or the sample data also hold is data there
  const data = ['public/criteria/minh-hoa-so-ban-nganh-2026.json', 'public/criteria/minh-hoa-ubnd-xa-phuong-2026.json', 'public/demo/du-lieu-mau.json']
    .map((f) => readFileSync(join(repo, f), 'utf8')).join('\n');
  return [...texts].filter((t) => !data.includes(t));
}

async function assertNoVietnameseChrome(page, texts, where) {
  const body = await page.evaluate(() => document.body.innerText + '\n' +
    [...document.querySelectorAll('[aria-label],[placeholder],[title]')]
      .map((e) => [e.getAttribute('aria-label'), e.getAttribute('placeholder'), e.getAttribute('title')].join('\n')).join('\n'));
  const left = texts.filter((t) => body.includes(t));
  assert.deepEqual(left, [], `untranslated on ${where}`);
}

test('the workshop demo in English: remembered, offline, translated and accessible', async () => {
  const texts = vietnameseTexts();
  assert.ok(texts.length > 200, `read ${texts.length} interface texts from the source`);
  const page = await env.page();
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label').first().waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');

  // switch: the button names the other language, in that language
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'English' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: 'PAR INDEX Self-Assessment' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.title(), 'PAR INDEX Self-Assessment');
  await page.getByRole('heading', { name: 'Start a self-assessment' }).waitFor();
  // the bundled set carries an English title
  assert.match(await page.locator('.set-choice').first().innerText(), /Illustrative|Minh Hoa|Minh Họa/);
  await assertNoVietnameseChrome(page, texts, 'start');
  await shot(page, 'english-1-start', { fullPage: false });

  // the whole demo, offline once the service worker has it
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Try it with sample data (demo)' }).click(),
  ]);
  await page.getByRole('region', { name: 'Demo mode' }).waitFor();
  await page.context().setOffline(true);
  await page.reload();
  await page.getByRole('region', { name: 'Demo mode' }).waitFor();
  const tour = page.getByRole('dialog', { name: 'Self-assessment drafts' });
  await tour.waitFor();
  await page.locator('.draft-card h3').first().waitFor();
  // the drafts list is a chunk of its own and may draw before the bundled
  // sets are read from the offline cache: the figures follow once they are
  await page.locator('.draft-list', { hasText: 'points · index' }).waitFor();
  await assertNoVietnameseChrome(page, texts, 'drafts');
  assert.deepEqual(await axe(page), []);
  await shot(page, 'english-2-drafts-tour', { fullPage: false });
  await page.locator('.tour').getByRole('button', { name: 'Close the tour' }).click();

  // a field page: the rules, results and evidence in English
  await page.locator('.draft-card').first().getByRole('button', { name: 'Open' }).click();
  await page.goto(env.origin + '/#/linh-vuc/1');
  await page.locator('.item-card').first().waitFor();
  const field = await page.locator('main').innerText();
  assert.match(field, /How it is scored:/);
  assert.match(field, /points/);
  await assertNoVietnameseChrome(page, texts, 'field 1');
  assert.deepEqual(await axe(page), []);
  await shot(page, 'english-3-field', { fullPage: false });

  // the summary, with its chart and the printed document's head
  await page.goto(env.origin + '/#/tong-hop');
  await page.getByRole('heading', { name: 'Self-assessment summary' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Points lost/);
  await assertNoVietnameseChrome(page, texts, 'summary');
  assert.deepEqual(await axe(page), []);
  await shot(page, 'english-4-summary');

  // the reviewer's desk and the ranking
  await page.goto(env.origin + '/#/tham-dinh');
  await page.locator('.desk-table tbody tr').first().waitFor();
  const desk = await page.locator('.desk-table').innerText();
  assert.match(desk, /Closed/);
  assert.match(desk, /Requests sent/);
  await assertNoVietnameseChrome(page, texts, 'desk');
  assert.deepEqual(await axe(page), []);
  await shot(page, 'english-5-desk', { fullPage: false });
  await page.goto(env.origin + '/#/xep-hang');
  await page.getByRole('heading', { name: 'Ranking' }).first().waitFor();
  await assertNoVietnameseChrome(page, texts, 'ranking');
  assert.deepEqual(await axe(page), []);
  await shot(page, 'english-6-ranking');

  // a broken file is explained in English
  await page.goto(env.origin + '/#/bo-tieu-chi');
  await page.locator('input[type=file]').first().setInputFiles({
    name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": '),
  });
  await page.getByText(/The file is not valid JSON/).waitFor();
  await assertNoVietnameseChrome(page, texts, 'criteria sets');

  // back to Vietnamese, remembered as well
  await page.context().setOffline(false);
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Tiếng Việt' }).click(),
  ]);
  await page.getByRole('heading', { level: 1, name: 'Tự đánh giá Chỉ số CCHC' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Tự đánh giá Chỉ số CCHC' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
  assert.deepEqual(page.consoleErrors, []);
  assert.deepEqual(page.foreignRequests, []);
});
