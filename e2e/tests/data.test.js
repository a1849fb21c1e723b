// Reader downloads and editor-hosted data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openWidget, host, useSite } from '../lib.js';

const site = useSite();

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('the CSV and JSON downloads hold the contributions shown on the date, with sources', async () => {
  const { page, context } = await openWidget(site.browser, `${site.server.url}embed.html#as-of=2024-02-15`, { width: 800 });
  const csv = await download(page, 'CSV');
  assert.equal(csv.name, 'it-coalition-2024-02-15.csv');
  const rows = csv.bytes.toString('utf8').trim().split('\r\n');
  assert.equal(rows.length, 1 + 6, 'six contributions by 15 February 2024, no Tallinn pledge yet');
  assert.ok(rows.some((r) => r.startsWith('dk-91m,DK,false,91000000,DKK,12197770.09,7.46038,')));
  assert.ok(rows.every((r, i) => i === 0 || /,s00\d( s00\d)*,/.test(r)), 'every row cites sources');
  const json = JSON.parse((await download(page, 'JSON')).bytes.toString('utf8'));
  assert.equal(json.as_of, '2024-02-15');
  assert.deepEqual(json.contributions.map((c) => c.id).sort(), ['dk-91m', 'ee-500k', 'lt-in-kind', 'lu-10m', 'lv-in-kind', 'nl-10m']);
  assert.equal(json.sources.length, 5);
  await context.close();
});

test('the PNG download is an image of the view with its title', async () => {
  const { page, context } = await openWidget(site.browser, `${site.server.url}embed.html`, { width: 800 });
  const png = await download(page, 'Image (PNG)');
  assert.equal(png.name, 'it-coalition-2024-07-26.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  const width = png.bytes.readUInt32BE(16);
  assert.ok(width >= 1200 && width <= 1600, `twice the widget width: ${width}`);
  await context.close();
});

test('an editor-hosted dataset loads, is validated, and a bad one shows its errors and no chart', async () => {
  const good = await openWidget(site.browser, `${site.server.url}embed.html?data=hosted.json`, { width: 800 });
  assert.equal(await good.page.locator('.ct-title').innerText(), 'Coalition of Drones and EW');
  await good.context.close();

  const context = await site.browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.server.url}embed.html?data=hosted-bad.json`);
  await page.locator('.ct-error').waitFor();
  const items = await page.locator('.ct-error-list li').allInnerTexts();
  assert.ok(items.includes('hosted-bad.json: [[sources]] #1 "s1", field `date`: "2024-02-30" is not a date: February 2024 has 29 days'), items.join('\n'));
  assert.ok(items.some((i) => i.includes('[[contributions]] #1 "c1", field `donors`: unknown party "XX"')));
  assert.ok(items.some((i) => i.includes('field `amount`: "-5" is not an amount: amounts cannot be negative')));
  assert.equal(await host(page).evaluate((h) => h.shadowRoot.querySelectorAll('canvas').length), 0);
  await page.goto(`${site.server.url}embed.html?data=missing.json`);
  await page.locator('.ct-error-list li').waitFor();
  assert.match(await page.locator('.ct-error-list li').innerText(), /missing\.json: the server answered 404/);
  await context.close();
});
