// The demo page end to end, in Debian's Chromium: a reader clicks the Netherlands, reads the
// details, moves the slider back before 23 January 2024; layouts hold from 320 to 1280 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { openWidget, host, selected, SCREENSHOTS, useSite } from '../lib.js';

const site = useSite();

const dayNumber = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);

/** Colour of the canvas pixel under an element over it, near its lower-left corner (clear of
 * the tile's label and of the leads' dot). */
async function pixelUnder(page, locator, view) {
  const box = await locator.boundingBox();
  return host(page).evaluate((h, { box, view }) => {
    const canvas = h.shadowRoot.querySelector(`[data-view=${view}] canvas`);
    const r = canvas.getBoundingClientRect();
    const k = canvas.width / r.width;
    const x = Math.floor((box.x + box.width * 0.15 - r.left) * k);
    const y = Math.floor((box.y + box.height * 0.85 - r.top) * k);
    return [...canvas.getContext('2d').getImageData(x, y, 1, 1).data.slice(0, 3)];
  }, { box, view });
}

test('clicking the Netherlands shows €10 million with its source; before 23 January 2024 it is no member', async () => {
  const { page, context, errors } = await openWidget(site.browser, site.server.url, { width: 1280 });
  const nl = page.getByRole('button', { name: /^Netherlands: member since 23 January 2024/ });
  assert.deepEqual(await pixelUnder(page, nl, 'map'), [47, 111, 186], 'member blue');
  await nl.click();
  const details = page.locator('.ct-details').first();
  await details.getByText('Netherlands', { exact: true }).waitFor();
  const text = await details.innerText();
  assert.match(text, /€10m \(€10,000,000\)/);
  assert.match(text, /Netherlands joins Ukraine's IT coalition with first contribution/);
  assert.equal(await nl.getAttribute('aria-pressed'), 'true');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'selected-netherlands-1280.png'), fullPage: true });

  await page.locator('.ct-slider').first().fill(String(dayNumber('2024-01-22')));
  const gone = page.getByRole('button', { name: /^Netherlands: no role on 22 January 2024/ });
  await gone.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-coalition-tracker]').shadowRoot
    .querySelector('.ct-dek').textContent.includes('22\u00a0January 2024'));
  await page.evaluate(() => new Promise(requestAnimationFrame));
  assert.deepEqual(await pixelUnder(page, gone, 'map'), [246, 248, 250], 'no longer member blue');
  assert.match(await page.locator('.ct-dek').first().innerText(), /^0 members/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the details panel keeps its elements while the dates it passes change nothing in it', async () => {
  const { page, context, errors } = await openWidget(site.browser, site.server.url, { width: 1280 });
  await page.getByRole('button', { name: /^Netherlands: member since 23 January 2024/ }).click();
  const panel = page.locator('.ct-details').first();
  await panel.getByText('Netherlands', { exact: true }).waitFor();
  // Marks the panel's elements, moves the date, and tells whether the marked elements are still
  // the panel's, and what the panel says.
  const moveTo = (date) => host(page).evaluate((h, date) => {
    const panel = h.shadowRoot.querySelector('.ct-details');
    const before = [...panel.querySelectorAll('*')];
    h.widget.setAsOf(date);
    return { kept: before.every((e) => e.isConnected), text: panel.textContent };
  }, date);
  // The Netherlands' details read the same from 1 to 30 June 2024: not one element is rebuilt.
  const june = (await moveTo('2024-06-01')).text;
  assert.match(june, /€10m \(€10,000,000\)/);
  for (const day of ['02', '10', '30']) {
    assert.deepEqual(await moveTo(`2024-06-${day}`), { kept: true, text: june }, `${day} June 2024`);
  }
  // Before it joined they say something else, and are written anew.
  const before = await moveTo('2024-01-22');
  assert.equal(before.kept, false);
  assert.match(before.text, /No role on 22\u00a0January 2024/);
  // With nothing selected, the hint is the same on every date.
  await host(page).evaluate((h) => h.widget.select(undefined));
  const hint = await moveTo('2024-02-01');
  assert.match(hint.text, /^Select/);
  assert.deepEqual(await moveTo('2024-05-01'), { kept: true, text: hint.text });
  assert.deepEqual(errors, []);
  await context.close();
});

// `make build` splits the code only a reader's interaction runs off the widget module that
// every reader loads (scripts/split-module.py): it must come with the first interaction, once,
// and no event may be lost while it is on its way.
const MORE = /\/pkg\/coalition_tracker_more\.wasm$/;

test('the code that only interaction runs arrives with the first interaction, once, and loses no click', async () => {
  const { page, context, errors, requests } = await openWidget(site.browser, `${site.server.url}embed.html`, { width: 1280 });
  await page.waitForLoadState('networkidle');
  const loads = () => requests.filter((u) => MORE.test(u)).length;
  assert.equal(loads(), 0, 'nothing split off is loaded before the reader does anything');
  // Held back for 400 ms: the click that asked for it comes first and must still select.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(MORE, async (route) => { await held; await route.continue(); });
  await page.getByRole('button', { name: /^Netherlands: member since/ }).click();
  assert.equal(await page.locator('.ct-details-title').count(), 0, 'no details before the code is in');
  setTimeout(release, 400);
  assert.equal(await page.locator('.ct-details-title').innerText(), 'Netherlands');
  assert.match(await page.locator('.ct-details').innerText(), /€10m \(€10,000,000\)/);
  await page.getByRole('button', { name: 'Show as a table' }).click();
  assert.match(await page.locator('.ct-table caption').first().innerText(), /\S/);
  // A standing "by" a date is explained once, under the parties' table, not in every row.
  const japan = page.locator('.ct-table tr', { hasText: 'Japan' }).locator('td').first();
  assert.equal(await japan.innerText(), 'Member by 23\u00a0January 2024');
  assert.deepEqual(await page.locator('.ct-table-note').allInnerTexts(), ['A party shown as a member “by” a date was first reported as one then; the sources give no join date.']);
  await page.getByRole('button', { name: 'Show the charts' }).click();
  await page.getByRole('button', { name: /^Denmark: / }).first().hover();
  await page.locator('.ct-tooltip:not([hidden])').waitFor();
  assert.equal(loads(), 1, 'fetched once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the charts behind the table view are left as they are until shown again, then drawn for the date shown', async () => {
  // Each canvas's pixels, as a digest of its PNG.
  const canvases = async (page) => (await page.evaluate(() => [...document.querySelector('[data-coalition-tracker]').shadowRoot.querySelectorAll('canvas')]
    .map((c) => c.toDataURL()))).map((png) => createHash('sha256').update(png).digest('hex').slice(0, 16));
  const netherlands = (page) => page.locator('.ct-marks button[aria-label^="Netherlands: "]').first().getAttribute('aria-label');
  const fresh = await openWidget(site.browser, `${site.server.url}embed.html?as-of=2024-01-22`, { width: 1280 });
  const [expected, expectedName] = [await canvases(fresh.page), await netherlands(fresh.page)];
  assert.match(expectedName, /^Netherlands: no role on 22\u00a0January 2024/);
  await fresh.context.close();
  const { page, context, errors } = await openWidget(site.browser, `${site.server.url}embed.html`, { width: 1280 });
  const before = await canvases(page);
  assert.equal(before.length, 3);
  assert.notDeepEqual(before, expected, 'the two dates are drawn differently');
  await page.getByRole('button', { name: 'Show as a table' }).click();
  await page.locator('.ct-table caption').first().waitFor();
  const rows = page.locator('.ct-table table').first().locator('tbody th');
  assert.ok((await rows.allInnerTexts()).includes('Netherlands'));
  await page.evaluate(() => document.querySelector('[data-coalition-tracker]').widget.setAsOf('2024-01-22'));
  const frames = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await frames();
  // The table follows the date; the hidden charts and their marks' names do not.
  assert.deepEqual(await rows.allInnerTexts(), [], 'no party has a standing on 22 January 2024');
  assert.deepEqual(await canvases(page), before, 'nothing drawn behind the table');
  assert.match(await netherlands(page), /^Netherlands: member since/);
  await page.getByRole('button', { name: 'Show the charts' }).click();
  await frames();
  assert.deepEqual(await canvases(page), expected, 'drawn as a fresh load of that date draws them');
  assert.equal(await netherlands(page), expectedName);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the texts only the details and the table show come with that code, not with the module every reader loads', async () => {
  const note = 'Its first contribution, made on joining; confirmed at the first steering-group meeting (s002).';
  const roleNote = 'Called Great Britain in s000 and s002.';
  const inKind = 'licences and equipment';
  const bytes = async (file) => Buffer.from(await (await fetch(`${site.server.url}pkg/${file}`)).arrayBuffer());
  const [first, more] = [await bytes('coalition_tracker_bg.wasm'), await bytes('coalition_tracker_more.wasm')];
  for (const text of [note, roleNote, inKind]) {
    assert.ok(!first.includes(text), `${text} is not in the module every reader loads`);
    assert.ok(more.includes(text), `${text} comes with the split-off part`);
  }
  const { page, context, errors } = await openWidget(site.browser, `${site.server.url}embed.html`, { width: 1280 });
  await page.getByRole('button', { name: /^Netherlands: member since/ }).click();
  await page.locator('.ct-details-title').getByText('Netherlands', { exact: true }).waitFor();
  assert.ok((await page.locator('.ct-details').innerText()).includes(note));
  await page.getByRole('button', { name: /^United Kingdom: / }).click();
  await page.locator('.ct-details-title').getByText('United Kingdom', { exact: true }).waitFor();
  assert.match(await page.locator('.ct-details').innerText(), /^note\n+Called Great Britain in s000 and s002\.$/im);
  await page.getByRole('button', { name: 'Show as a table' }).click();
  assert.ok((await page.locator('.ct-table').innerText()).includes(inKind));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a selection in the link loads the details without any interaction', async () => {
  const { page, context, errors, requests } = await openWidget(site.browser, `${site.server.url}embed.html#select=DK`, { width: 800 });
  assert.equal(await page.locator('.ct-details-title').innerText(), 'Denmark');
  assert.equal(requests.filter((u) => MORE.test(u)).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [width, dpr] of [[375, 1], [375, 2], [1280, 1], [1280, 2]]) {
  test(`at ${width} px and DPR ${dpr} the widget fits, is crisp and is saved for review`, async () => {
    const { page, context, errors } = await openWidget(site.browser, site.server.url, { width, dpr });
    const sizes = await host(page).evaluate((h) => [...h.shadowRoot.querySelectorAll('canvas')].map((c) => ({
      backing: c.width, css: c.getBoundingClientRect().width, right: c.getBoundingClientRect().right,
    })));
    assert.equal(sizes.length, 3);
    for (const s of sizes) {
      assert.equal(s.backing, Math.round(s.css * dpr), 'backing store follows devicePixelRatio');
      assert.ok(s.right <= width, `canvas ends at ${s.right}, inside ${width}`);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'no horizontal scrolling');
    await page.locator('.ct').first().screenshot({ path: path.join(SCREENSHOTS, `widget-${width}-dpr${dpr}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('no horizontal scrolling from 320 to 1280 px, and views stack below 720 px', async () => {
  const { page, context } = await openWidget(site.browser, site.server.url, { width: 320 });
  for (const width of [320, 360, 414, 600, 768, 1024, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForFunction((w) => {
      const c = document.querySelector('[data-coalition-tracker]').shadowRoot.querySelector('[data-view=map] canvas');
      return c && c.getBoundingClientRect().right <= w;
    }, width);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `scrolls at ${width}`);
    // The widget lays itself out again in a frame after the resize: within a second, the views
    // stack if it is narrower than 720 px and stand side by side if it is wider.
    const settled = await page.waitForFunction(() => {
      const root = document.querySelector('[data-coalition-tracker]').shadowRoot;
      const top = (v) => root.querySelector(`[data-view=${v}]`).getBoundingClientRect().top;
      const stacked = top('bars') > top('map') + 50;
      return stacked === root.querySelector('.ct').getBoundingClientRect().width < 720;
    }, null, { timeout: 1000 }).then(() => true, () => false);
    assert.ok(settled, `at ${width}: the views stack exactly when the widget is narrower than 720 px`);
  }
  await context.close();
});

test('the start moves nothing: no layout shift on a phone or a desktop, and the map is drawn at its width at once', async () => {
  // A phone as Lighthouse's mobile run is (three loads: a frame falls between the widget's
  // building and its drawing on some loads only), then a desktop.
  const sizes = [[412, 823, 1.75], [412, 823, 1.75], [412, 823, 1.75], [1280, 900, 1]];
  for (const [width, height, dpr] of sizes) {
    const context = await site.browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr });
    await context.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value)))
        .observe({ type: 'layout-shift', buffered: true });
      // Every width the map's canvas is given, from the first.
      window.mapWidths = [];
      const look = () => {
        const c = document.querySelector('[data-coalition-tracker]')?.shadowRoot?.querySelector('[data-view=map] canvas');
        if (c && c.style.width !== window.mapWidths.at(-1)) window.mapWidths.push(c.style.width);
        if (performance.now() < 3000) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    const page = await context.newPage();
    await page.goto(`${site.server.url}embed.html`);
    await host(page).locator('.ct[data-state="ready"]').waitFor();
    await page.waitForTimeout(200);
    const { shifts, mapWidths, hostWidth } = await page.evaluate(() => ({
      shifts: window.shifts, mapWidths: window.mapWidths,
      hostWidth: document.querySelector('[data-coalition-tracker]').getBoundingClientRect().width,
    }));
    assert.deepEqual(shifts, [], `layout shifts at ${width} px`);
    // Stacked below 720 px: the map is as wide as the widget.
    if (width < 720) assert.deepEqual(mapWidths, [`${hostWidth}px`], `the map's widths at ${width} px`);
    else assert.equal(mapWidths.length, 1, `the map's widths at ${width} px: ${mapWidths}`);
    await context.close();
  }
});

test('a tap selects and shows what hover shows', async () => {
  const { page, context } = await openWidget(site.browser, site.server.url, { width: 375 });
  const dk = page.getByRole('button', { name: /^Denmark:/ }).first();
  const box = await dk.boundingBox();
  await host(page).evaluate((h) => h.shadowRoot.querySelector('.ct-view-map')
    .dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true })));
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.equal(await selected(host(page), 'DK'), 'DK');
  assert.match(await page.locator('.ct-tooltip').first().innerText(), /^Denmark: member by 23\u00a0January 2024/);
  await context.close();
});

test('if the wasm cannot load, the reader gets a message and the static version', async () => {
  const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.goto(site.server.url);
  const message = page.locator('[data-coalition-tracker] .ct-error');
  await message.waitFor();
  assert.match(await message.innerText(), /^The interactive graphic could not load; here is its static version/);
  await page.locator('[data-coalition-tracker] .ct-static table').first().waitFor();
  assert.match(await page.locator('[data-coalition-tracker] .ct-static').innerText(), /Netherlands[\s\S]*€58 million reported/);
  await context.close();
});

for (const format of ['A4', 'Letter']) {
  test(`printing on ${format} keeps the graphic and its sources, without the controls`, async () => {
    const { page, context } = await openWidget(site.browser, `${site.server.url}embed.html#select=NL&as-of=2024-06-01`, { width: 800 });
    await page.emulateMedia({ media: 'print' });
    const hidden = await host(page).evaluate((h) => ['.ct-slider', '.ct-copy', '.ct-downloads', '.ct-tooltip']
      .map((s) => getComputedStyle(h.shadowRoot.querySelector(s)).display));
    assert.deepEqual(hidden, ['none', 'none', 'none', 'none']);
    // Printing lays the page out at the paper's width before the widget can redraw: the
    // canvases drawn for 800 px must shrink to a 680 px column, keeping their proportions.
    const widths = await host(page).evaluate((h) => {
      document.body.style.width = '680px';
      return [...h.shadowRoot.querySelectorAll('canvas')].map((c) => {
        const r = c.getBoundingClientRect();
        return Math.abs(r.width / r.height - c.width / c.height) < 0.02 ? r.width : -1;
      });
    });
    await page.evaluate(() => { document.body.style.width = ''; });
    const pdf = await page.pdf({ format, printBackground: true });
    assert.ok(pdf.length > 20000, 'a PDF with the graphic in it');
    const text = await page.locator('.ct').innerText();
    assert.match(text, /Netherlands joins Ukraine's IT coalition with first contribution/);
    assert.match(text, /The Ministry of Defense released details of the first meeting/);
    assert.ok(widths.every((w) => w > 0 && w <= 680), `canvases fit the printable width in proportion: ${widths}`);
    await context.close();
  });
}
