// Prints performance figures; asserts nothing (budgets live in the test
// command and the README). Run after scripts/build.sh:
//   node scripts/bench.mjs
// Figures, in headless Chromium with the CPU throttled 4× (CDP):
//   - transfer size of every shipped file (raw, gzip, brotli);
//   - time from navigation to the first field page being interactive;
//   - keystroke → DOM update latency (median, p95) over 200 keystrokes in a
//     percentage input of the largest bundled set, measured in the page from
//     keydown to the next animation frame after the item's result changed.
import { execFileSync } from 'node:child_process';
import { launch } from '../tests/e2e/harness.mjs';

const THROTTLE = 4;
const KEYSTROKES = 200;

console.log('== Dung lượng tải về (dist/)');
console.log(execFileSync('node', ['scripts/sizes.mjs', 'dist'], { encoding: 'utf8' }));

const env = await launch();
try {
  const page = await env.page();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });

  // a draft on the largest bundled set, opened straight on field 1
  await page.goto(env.origin + '/');
  await page.locator('.set-choice label').first().click();
  const t0 = Date.now();
  await page.goto(env.origin + '/#/linh-vuc/1');
  await page.locator('[id="muc-1.1.4-ty-le"]').waitFor();
  const firstRender = Date.now() - t0;
  const items = await page.locator('.item-card').count();

  const input = page.locator('[id="muc-1.1.4-ty-le"]');
  await input.fill('8');
  await page.evaluate(() => {
    window.__lat = [];
    document.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
    const card = document.getElementById('muc-1.1.4');
    new MutationObserver(() => {
      const t0 = window.__t0;
      if (!t0) return;
      window.__t0 = 0;
      requestAnimationFrame(() => window.__lat.push(performance.now() - t0));
    }).observe(card.querySelector('.item-status'), { subtree: true, childList: true, characterData: true });
  });
  await input.focus();
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(i % 2 === 0 ? '6' : 'Backspace');
  }
  await page.waitForFunction((n) => window.__lat.length >= n, KEYSTROKES);
  const lat = (await page.evaluate(() => window.__lat)).sort((a, b) => a - b);
  const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];

  console.log(`== Tương tác (Chromium headless, CPU chậm ${THROTTLE}×, bộ sở/ban/ngành 89 TCTP)`);
  console.log(`lượt đầu hiển thị lĩnh vực 1 (${items} mục): ${firstRender} ms`);
  console.log(`phím → cập nhật DOM, ${lat.length} lần gõ: trung vị ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, tối đa ${lat[lat.length - 1].toFixed(1)} ms`);
} finally {
  await env.close();
}
