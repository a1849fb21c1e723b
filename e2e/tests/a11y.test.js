// axe-core (WCAG 2.0–2.2 A and AA rules) over the demo page and embed.html, in light and dark,
// English and Ukrainian, before and after a selection. axe is injected with the page's CSP
// bypassed, since the widget's own CSP rightly forbids injected scripts. The canvas is
// aria-hidden and its marks' buttons carry the facts; axe does not judge canvas contrast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useSite } from '../lib.js';

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
