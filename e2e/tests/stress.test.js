// A rough reader: 10,000 seeded random pointer, touch, keyboard, wheel and resize events on the
// demo page. No console error, no panic, and memory (wasm linear memory plus the JS heap, after
// garbage collection) grows by less than 1 MB from the first to the last thousand events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepWasmMemory, memoryUse, useSite } from '../lib.js';

const site = useSite();
const EVENTS = Number(process.env.STRESS_EVENTS || 10_000);
const SEED = 20241122;

/** mulberry32: a small seeded generator, so a failing run can be replayed exactly. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test(`${EVENTS.toLocaleString('en')} random events: no error, no panic, memory flat`, async () => {
  const context = await site.browser.newContext({ viewport: { width: 1024, height: 900 }, hasTouch: true });
  await context.addInitScript(keepWasmMemory);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${site.server.url}embed.html`);
  await page.locator('.ct[data-state="ready"]').waitFor();
  const cdp = await context.newCDPSession(page);
  const memory = () => memoryUse(page, cdp);
  const random = generator(SEED);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', ' ', 'Escape', 'Tab', 'PageUp', 'PageDown'];
  let size = { width: 1024, height: 900 };
  let afterFirst;
  for (let i = 0; i < EVENTS; i++) {
    const x = random() * size.width;
    const y = random() * size.height;
    const kind = random();
    if (kind < 0.35) await page.mouse.move(x, y);
    else if (kind < 0.5) await page.mouse.click(x, y);
    else if (kind < 0.6) await page.touchscreen.tap(x, y);
    else if (kind < 0.85) await page.keyboard.press(pick(keys));
    else if (kind < 0.97) await page.mouse.wheel(0, (random() - 0.5) * 600);
    else {
      size = { width: 320 + Math.floor(random() * 1000), height: 600 + Math.floor(random() * 400) };
      await page.setViewportSize(size);
    }
    if (i === 999) {
      await page.setViewportSize({ width: 1024, height: 900 });
      afterFirst = await memory();
      console.log(`after 1,000 events: JS heap ${afterFirst.heap} B, wasm ${afterFirst.wasm} B`);
    }
  }
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const afterLast = await memory();
  const growth = afterLast.total - afterFirst.total;
  const state = await page.locator('.ct').getAttribute('data-state');
  console.log(`stress: ${EVENTS} events (seed ${SEED}); JS heap ${afterFirst.heap} → ${afterLast.heap} B, wasm memory ${afterFirst.wasm} → ${afterLast.wasm} B; growth ${growth} B; ${errors.length} errors`);
  assert.deepEqual(errors, []);
  assert.equal(state, 'ready', 'the widget is still drawn, not in its error state');
  assert.ok(growth < 1_000_000, `memory grew by ${growth} B`);
  await context.close();
});
