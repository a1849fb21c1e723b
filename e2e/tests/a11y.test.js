// axe-core (WCAG 2.0–2.2 A and AA rules) over the demo page and embed.html, in light and dark,
// English and Ukrainian, before and after a selection. axe is injected with the page's CSP
// bypassed, since the widget's own CSP rightly forbids injected scripts. The canvas is
// aria-hidden and its marks' buttons carry the facts; axe does not judge canvas contrast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { settled, useSite } from '../lib.js';

const site = useSite();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const cases = [
  ['demo page', '', 'light'],
  ['embed.html', 'embed.html', 'light'],
  ['embed.html, dark', 'embed.html?theme=dark', 'dark'],
  ['embed.html, Ukrainian', 'embed.html?lang=uk', 'light'],
  ['embed.html, Ukrainian, dark', 'embed.html?lang=uk&theme=dark', 'dark'],
];

for (const [name, url, colorScheme] of cases) {
  test(`axe finds no violation on ${name}, before and after a selection`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 1024, height: 900 }, colorScheme, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(site.server.url + url);
    await page.locator('.ct[data-state="ready"]').first().waitFor();
    await page.addScriptTag({ content: AXE });
    const run = () => page.evaluate(async (rules) => {
      const result = await axe.run(document, { runOnly: rules });
      return {
        checked: result.passes.length + result.violations.length + result.incomplete.length,
        violations: result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
      };
    }, RULES);
    const before = await run();
    await page.locator('[data-view=map] .ct-mark').first().click();
    await page.locator('.ct-details-title').first().waitFor();
    const after = await run();
    console.log(`axe on ${name}: ${before.checked} rules checked before a selection, ${after.checked} after`);
    assert.deepEqual(before.violations, []);
    assert.deepEqual(after.violations, []);
    await context.close();
  });
}

test('forced colours keep the selection and focus visible; 200% zoom neither cuts nor overlaps', async () => {
  const { SCREENSHOTS } = await import('../lib.js');
  const path = (await import('node:path')).default;
  const context = await site.browser.newContext({ viewport: { width: 1024, height: 900 }, forcedColors: 'active' });
  const page = await context.newPage();
  await page.goto(`${site.server.url}embed.html#select=DK`);
  await page.locator('.ct[data-state="ready"]').waitFor();
  const dk = page.getByRole('button', { name: /^Denmark: member/ });
  await dk.focus();
  const outline = await dk.evaluate((b) => getComputedStyle(b).outlineStyle);
  assert.equal(outline, 'solid', 'the selected, focused mark has a system-colour outline');
  await page.locator('.ct').screenshot({ path: path.join(SCREENSHOTS, 'forced-colors-1024.png') });
  await context.close();

  // 200% zoom of a 1280 px window is a 640 px CSS viewport at device scale 2.
  const zoom = await site.browser.newContext({ viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 });
  const zpage = await zoom.newPage();
  await zpage.goto(`${site.server.url}embed.html`);
  await zpage.locator('.ct[data-state="ready"]').waitFor();
  assert.ok(await zpage.evaluate(() => document.documentElement.scrollWidth) <= 640, 'no horizontal scrolling at 200%');
  await zpage.locator('.ct').screenshot({ path: path.join(SCREENSHOTS, 'zoom-200-1280.png') });
  await zoom.close();
});

test('with reduced motion nothing animates: no CSS animation or transition, a selection redraws at once', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1024, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${site.server.url}index.html`);
  await page.locator('.ct[data-state="ready"]').first().waitFor();
  await page.getByRole('button', { name: /^Denmark: member/ }).first().click();
  const moving = await page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('[data-coalition-tracker]')].map((h) => h.shadowRoot)];
    const all = roots.flatMap((r) => [...r.querySelectorAll('*')]);
    return {
      animations: document.getAnimations().length + roots.slice(1).reduce((n, r) => n + r.getAnimations().length, 0),
      transitions: all.filter((el) => getComputedStyle(el).transitionDuration.split(',').some((d) => parseFloat(d) > 0)).length,
      checked: all.length,
    };
  });
  console.log(`reduced motion: ${moving.checked} elements checked, ${moving.animations} animations, ${moving.transitions} transitions`);
  assert.ok(moving.checked > 100);
  assert.equal(moving.animations, 0);
  assert.equal(moving.transitions, 0);
  await context.close();
});

test('every control and mark is at least 24×24 CSS px (WCAG 2.2 target size), on a phone and a desktop', async () => {
  for (const width of [375, 1280]) {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}embed.html`);
    await page.locator('.ct[data-state="ready"]').waitFor();
    const sizes = await page.evaluate(() => {
      const root = document.querySelector('[data-coalition-tracker]').shadowRoot;
      return [...root.querySelectorAll('button, input, a[href], summary, select')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { name: el.getAttribute('aria-label') || el.textContent.trim().slice(0, 40) || el.className, w: r.width, h: r.height };
        });
    });
    const small = sizes.filter((t) => t.w < 24 || t.h < 24);
    console.log(`target size at ${width} px: ${sizes.length} targets, smallest ${Math.min(...sizes.map((t) => Math.min(t.w, t.h))).toFixed(1)} px`);
    assert.ok(sizes.length > 30, `the marks and controls are there (${sizes.length})`);
    assert.deepEqual(small, [], `targets under 24 px at ${width}`);
    await context.close();
  }
});

/** The focused element, looking through shadow roots. */
const deepFocus = (page) => page.evaluate(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el ? { label: el.getAttribute('aria-label') || '', cls: el.className, type: el.type || '' } : null;
});

test('keyboard only: Tab into the map, arrows to Denmark, Enter; the slider with End and Home', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.server.url);
  await page.locator('.ct[data-state="ready"]').first().waitFor();
  let focus = null;
  for (let i = 0; i < 10 && !(focus && focus.cls === 'ct-mark'); i += 1) {
    await page.keyboard.press('Tab');
    focus = await deepFocus(page);
  }
  assert.equal(focus.cls, 'ct-mark', 'Tab reaches the map');
  assert.match(focus.label, /^Iceland:/, 'the map starts at its first tile');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.match((await settled(() => deepFocus(page), (f) => /^Denmark:/.test(f.label))).label, /^Denmark:/);
  await page.keyboard.press('Enter');
  const details = page.locator('.ct-details').first();
  await details.getByText('Denmark', { exact: true }).waitFor();
  const panel = await details.innerText();
  assert.match(panel, /91 million Danish kroner/);
  assert.match(panel, /Danish krone/);
  const live = page.locator('.ct-announce').first();
  assert.match(await live.textContent(), /^Denmark: member by 23\u00a0January 2024.*91 million Danish kroner/);

  const slider = page.locator('.ct-slider').first();
  await slider.focus();
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('[data-coalition-tracker]').shadowRoot
    .querySelector('.ct-announce').textContent.startsWith('Showing 30\u00a0June 2023: 0 members'));
  assert.equal(await slider.getAttribute('aria-valuetext'), '30\u00a0June 2023');
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('[data-coalition-tracker]').shadowRoot
    .querySelector('.ct-announce').textContent.startsWith('Showing 26\u00a0July 2024: 12 members'));
  assert.equal(await slider.getAttribute('aria-valuetext'), '26\u00a0July 2024');
  await context.close();
});

test('the text summary describes the widget in its language', async () => {
  const { page, context } = await (async () => {
    const context = await site.browser.newContext({ viewport: { width: 800, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}embed.html#as-of=2024-06-01`);
    await page.locator('.ct[data-state="ready"]').waitFor();
    return { page, context };
  })();
  const described = await page.locator('.ct').evaluate((ct) => {
    const id = ct.getAttribute('aria-describedby');
    return ct.getRootNode().getElementById(id).textContent;
  });
  assert.match(described, /^On 1\u00a0June 2024 the coalition had 12 members, led by Estonia, Luxembourg\. The sources report €58m in all \(31\u00a0May 2024\)\. Largest itemised donors: Denmark €12\.2m/);
  await context.close();
});

test('the table view holds every party and contribution with sources, and switches back', async () => {
  const context = await site.browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.server.url}embed.html#as-of=2024-06-01`);
  await page.locator('.ct[data-state="ready"]').waitFor();
  await page.getByRole('button', { name: 'Show as a table' }).click();
  const parties = page.getByRole('table', { name: 'Parties and their standing' });
  const contributions = page.getByRole('table', { name: 'Contributions' });
  await contributions.waitFor();
  assert.equal(await parties.locator('tbody tr').count(), 18);
  assert.equal(await contributions.locator('tbody tr').count(), 7);
  assert.deepEqual(await parties.locator('thead th').allInnerTexts(), ['Party', 'Standing', 'Sources']);
  assert.deepEqual(await contributions.locator('thead th').allInnerTexts(), ['Donor', 'Amount, status and date', 'Sources']);
  const nl = await parties.getByRole('row', { name: /Netherlands/ }).innerText();
  assert.match(nl, /Member since 23\u00a0January 2024\s+s000, s001, s002, s003/);
  assert.match(await contributions.innerText(), /Luxembourg, Iceland, Estonia, Belgium \(pooled\)/);
  assert.equal(await page.locator('.ct-grid').isVisible(), false, 'the charts give way to the table');
  await page.getByRole('button', { name: 'Show the charts' }).click();
  assert.equal(await page.locator('.ct-grid').isVisible(), true);
  assert.equal(await page.locator('.ct-table table').count(), 2, 'the tables stay in the DOM, hidden');
  assert.equal(await page.locator('.ct-table').isVisible(), false);
  await context.close();
});
