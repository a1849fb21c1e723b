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
