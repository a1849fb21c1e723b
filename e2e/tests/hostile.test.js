// Hostile strings: a valid dataset whose every text field carries markup, script or a
// spreadsheet formula. It must render as inert text everywhere (charts' buttons, details, table
// view, text summary, downloads). A javascript: source URL and bidirectional override
// characters (which can make a name read as another) are refused with the CLI's messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openWidget, host, useSite, SCREENSHOTS } from '../lib.js';

const site = useSite();

/** Every element and text inside the widget's shadow root. */
const inside = (page) => host(page).evaluate((h) => ({
  tags: [...h.shadowRoot.querySelectorAll('*')].map((el) => el.localName),
  handlers: [...h.shadowRoot.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
  hrefs: [...h.shadowRoot.querySelectorAll('[href]')].map((el) => el.getAttribute('href')),
  text: h.shadowRoot.textContent,
}));

test('markup and script in the data stay inert text; formulas are defused in the CSV', async () => {
  const { page, context, errors } = await openWidget(site.browser, `${site.server.url}embed.html?data=hostile-data.json`, { width: 1024 });
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.getByRole('button', { name: /^Alpha <img src=x onerror="window\.pwned=1">/ }).first().click();
  await page.locator('.ct-details-title').waitFor();
  await page.locator('[data-view=timeline] .ct-mark').first().click();
  await page.getByRole('button', { name: 'Show as a table' }).click();
  await page.locator('.ct-summary summary').click();
  await page.locator('.ct').screenshot({ path: path.join(SCREENSHOTS, 'hostile-data-1024.png') });
  const seen = await inside(page);
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'no script from the data ran');
  assert.deepEqual(dialogs, []);
  assert.ok(!seen.tags.includes('img') && !seen.tags.includes('script') && !seen.tags.includes('b'), `no element from the data: ${[...new Set(seen.tags)].join(' ')}`);
  assert.deepEqual(seen.handlers, [], 'no event-handler attribute');
  assert.ok(seen.hrefs.every((h) => /^(https?:|blob:|#)/.test(h)), `only http(s), blob and fragment links: ${seen.hrefs.join(' ')}`);
  for (const literal of ['<img src=x onerror="window.pwned=1">', '<script>window.pwned=2</script>', 'Author & <Co>']) {
    assert.ok(seen.text.includes(literal), `shown as text: ${literal}`);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.example"")"`), 'the formula starts with an apostrophe');
  assert.ok(csv.includes("'@SUM <img"), 'so does the @ cell');
  assert.ok(!/(^|,)[=@+]/m.test(csv), 'no cell starts a formula');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a javascript: source URL and a bidi override are refused with the CLI\'s messages, and nothing runs', async () => {
  const context = await site.browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  const refusals = {
    'hostile-url.json': 'hostile-url.json: [[sources]] #1 "s1", field `url`: "javascript:window.pwned=3" must start with https:// or http://',
    'hostile-bidi.json': 'hostile-bidi.json: line 31, column 18: contains U+202E, an invisible control character that reorders the text around it (it can make a name read as something else); remove it',
  };
  for (const [file, message] of Object.entries(refusals)) {
    await page.goto(`${site.server.url}embed.html?data=${file}`);
    await page.locator('.ct-error-list li').waitFor();
    assert.deepEqual(await page.locator('.ct-error-list li').allInnerTexts(), [message]);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
  }
  await context.close();
});

test('a host whose scripts redefine Array.prototype methods and break window.fetch: both widgets work', async () => {
  const { page, context, errors } = await openWidget(site.browser, `${site.server.url}hostile-globals.html`, { width: 900 });
  await page.locator('.ct[data-state="ready"]').nth(1).waitFor();
  assert.equal(await page.evaluate(() => fetch('/').then(() => 'works', (e) => e.message)), 'fetch is blocked on this page');
  await page.getByRole('button', { name: /^Netherlands: member since 23 January 2024/ }).first().click();
  await page.locator('.ct-details-title').first().waitFor();
  assert.match(await host(page, 0).evaluate((h) => h.shadowRoot.querySelector('.ct-details-title').textContent), /^Netherlands$/);
  assert.equal(await host(page, 1).evaluate((h) => h.shadowRoot.querySelector('.ct-title').textContent), 'Coalition of Drones and EW');
  assert.equal(await host(page, 1).evaluate((h) => h.widget.selection()), undefined, 'the second widget keeps its own state');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host with a strict Content-Security-Policy: the widget works and violates nothing', async () => {
  const context = await site.browser.newContext({ viewport: { width: 900, height: 900 } });
  await context.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.server.url}strict-csp.html`);
  await page.locator('.ct[data-state="ready"]').waitFor();
  await page.getByRole('button', { name: /^Denmark: member/ }).first().click();
  await page.locator('.ct-details-title').waitFor();
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});
