// Reader downloads and editor-hosted data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openWidget, host, useSite, ROOT, SCREENSHOTS } from '../lib.js';

const site = useSite();

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('the CSV and JSON downloads hold the contributions shown on the date, with sources', async () => {
  const { page, context, requests } = await openWidget(site.browser, `${site.server.url}embed.html#as-of=2024-02-15`, { width: 800 });
  // What writes the downloads (hosted.js, with the loader module) comes only with the first one.
  const loaderFiles = () => requests.map((u) => new URL(u).pathname).filter((p) => p === '/hosted.js' || p.startsWith('/loader/'));
  assert.deepEqual(loaderFiles(), []);
  const csv = await download(page, 'CSV');
  assert.deepEqual(loaderFiles(), ['/hosted.js', '/loader/coalition_tracker_bg.wasm']);
  assert.equal(csv.name, 'it-coalition-2024-02-15.csv');
  const rows = csv.bytes.toString('utf8').trim().split('\r\n');
  assert.equal(rows.length, 1 + 6, 'six contributions by 15 February 2024, no Tallinn pledge yet');
  assert.ok(rows.some((r) => r.startsWith('dk-91m,DK,false,91000000,DKK,12197770.09,7.46038,')));
  assert.ok(rows.every((r, i) => i === 0 || /,s00\d( s00\d)*,/.test(r)), 'every row cites sources');
  const json = JSON.parse((await download(page, 'JSON')).bytes.toString('utf8'));
  assert.equal(json.as_of, '2024-02-15');
  assert.deepEqual(json.contributions.map((c) => c.id).sort(), ['dk-91m', 'ee-500k', 'lt-in-kind', 'lu-10m', 'lv-in-kind', 'nl-10m']);
  assert.equal(json.sources.length, 5);
  assert.equal(loaderFiles().length, 2, 'fetched once for every download');
  await context.close();

  // In Ukrainian the citations' dates are written in Ukrainian, as the widget writes them.
  const uk = await openWidget(site.browser, `${site.server.url}embed.html?lang=uk#as-of=2024-02-15`, { width: 800 });
  const ukJson = JSON.parse((await download(uk.page, 'JSON')).bytes.toString('utf8'));
  assert.match(ukJson.sources.find(([id]) => id === 's000')[1], /27\u00a0січня 2024\u00a0р\./);
  await uk.context.close();
});

test('the PNG download is an image of the view with its title', async () => {
  const { page, context } = await openWidget(site.browser, `${site.server.url}embed.html`, { width: 800 });
  const png = await download(page, 'Image (PNG)');
  assert.equal(png.name, 'it-coalition-2024-07-26.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  const width = png.bytes.readUInt32BE(16);
  const views = await host(page).evaluate((h) => Math.max(...[...h.shadowRoot.querySelectorAll('canvas')].map((c) => c.getBoundingClientRect().width)));
  assert.ok(Math.abs(width - 2 * (views + 2 * 16)) <= 2, `twice the views' width and a 16 px margin each side: ${width}`);
  // The margin is the background's colour all round, and the title starts right inside it.
  const edges = await page.evaluate(async (url) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const px = (x, y, w, h) => ctx.getImageData(x, y, w, h).data;
    const background = [...px(0, 0, 1, 1)].join();
    const uniform = (d) => { for (let i = 0; i < d.length; i += 4) if ([d[i], d[i + 1], d[i + 2], d[i + 3]].join() !== background) return false; return true; };
    const m = 32; // 16 CSS px at twice the pixels
    return {
      background,
      left: uniform(px(0, 0, m, image.height)),
      right: uniform(px(image.width - m, 0, m, image.height)),
      top: uniform(px(0, 0, image.width, m)),
      bottom: uniform(px(0, image.height - m, image.width, m)),
      titleInside: !uniform(px(m, m, 24, 40)),
    };
  }, `data:image/png;base64,${png.bytes.toString('base64')}`);
  assert.deepEqual(edges, { background: '255,255,255,255', left: true, right: true, top: true, bottom: true, titleInside: true });
  writeFileSync(path.join(SCREENSHOTS, 'download-en.png'), png.bytes);
  await context.close();

  // In Ukrainian the image's dek and source lines are Ukrainian too, and on a phone they wrap
  // to the image's width (saved for review).
  const uk = await openWidget(site.browser, `${site.server.url}embed.html?lang=uk`, { width: 375 });
  const ukPng = await download(uk.page, 'Зображення (PNG)');
  assert.deepEqual([...ukPng.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  writeFileSync(path.join(SCREENSHOTS, 'download-uk.png'), ukPng.bytes);
  await uk.context.close();
});

test('an editor-hosted dataset loads, is validated, and a bad one shows its errors and no chart', async () => {
  const good = await openWidget(site.browser, `${site.server.url}embed.html?data=hosted.json`, { width: 800 });
  assert.equal(await good.page.locator('.ct-title').innerText(), 'Coalition of Drones and EW');
  // The downloads come from the hosted data, not from the bundled dataset of the same name.
  const hostedCsv = await download(good.page, 'CSV');
  assert.equal(hostedCsv.name, 'drones-ew-2024-02.csv');
  assert.match(hostedCsv.bytes.toString('utf8'), /^id,donors,/);
  assert.deepEqual(JSON.parse((await download(good.page, 'JSON')).bytes.toString('utf8')).coalition, 'drones-ew');
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

/** What `coalition validate` says of `file`: each error's text after "error: FILE: ". */
function cliErrors(file) {
  try {
    execFileSync(path.join(ROOT, 'target', 'release', 'coalition'), ['validate', file], { stdio: 'pipe' });
    return { code: 0, errors: [] };
  } catch (e) {
    const prefix = `error: ${file}: `;
    const errors = e.stderr.toString().split('\n').filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
    return { code: e.status, errors };
  }
}

test('each bad dataset, given as data=, shows exactly the messages the CLI gives and draws no chart', async () => {
  const dir = path.join(site.server.dir, 'bad');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length >= 35, `bad files converted to JSON: ${files.length}`);
  const context = await site.browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  const mismatches = [];
  for (const file of files) {
    const cli = cliErrors(path.join(dir, file));
    assert.equal(cli.code, 1, `${file}: the CLI refuses it`);
    await page.goto(`${site.server.url}embed.html?data=bad/${file}`);
    await page.locator('.ct-error, .ct[data-state="ready"]').first().waitFor();
    const prefix = `bad/${file}: `;
    const shown = (await page.locator('.ct-error-list li').allInnerTexts()).map((t) => (t.startsWith(prefix) ? t.slice(prefix.length) : t));
    if (JSON.stringify(shown) !== JSON.stringify(cli.errors)) mismatches.push(`${file}\n  browser: ${shown.join(' | ')}\n  CLI:     ${cli.errors.join(' | ')}`);
    assert.equal(await host(page).evaluate((h) => h.shadowRoot.querySelectorAll('canvas').length), 0, `${file}: no chart`);
  }
  assert.deepEqual(mismatches, []);
  console.log(`${files.length} bad datasets: the browser showed the CLI's messages for each`);
  await context.close();
});
