// Failure paths: each shows a readable message or the static version, never a blank or a
// half-drawn widget, and the widget recovers where the condition clears.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { host, keepWasmMemory, settled, useSite } from '../lib.js';

const site = useSite();

async function page(width = 800) {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const errors = [];
  const p = await context.newPage();
  p.on('pageerror', (e) => errors.push(String(e)));
  return { context, page: p, errors };
}

const errorText = async (p) => {
  await p.locator('.ct-error').first().waitFor();
  return (await p.locator('.ct-error, .ct-error-list li').allInnerTexts()).join('\n');
};

test('a corrupt wasm file gives the static version with a note', async () => {
  const { context, page: p } = await page();
  await p.route('**/pkg/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('\0asm garbage, not a module') }));
  await p.goto(`${site.server.url}embed.html`);
  assert.match(await errorText(p), /^The interactive graphic could not load; here is its static version/);
  await p.locator('.ct-static table').first().waitFor();
  await context.close();
});

test('where failure.js cannot be fetched either, a widget whose module cannot load shows the browser\'s error', async () => {
  const { context, page: p } = await page();
  await p.route('**/pkg/*.wasm', (route) => route.fulfill({ status: 404, body: '' }));
  await p.route('**/failure.js', (route) => route.abort());
  await p.goto(`${site.server.url}embed.html`);
  assert.match(await errorText(p), /^Error: http:\/\/127\.0\.0\.1:\d+\/pkg\/coalition_tracker_bg\.wasm: 404$/);
  await p.waitForFunction(() => document.querySelector('[data-coalition-tracker]').dataset.state === 'error');
  await context.close();
});

// widget.js compiles the module itself (the glue readers load has no loader of its own): as
// it streams in, or, from a server that labels it otherwise, from its bytes.
for (const [type, compiles] of [
  ['application/wasm', { streaming: 1, bytes: 0 }],
  ['application/octet-stream', { streaming: 1, bytes: 1 }],
]) {
  test(`the widget module served as ${type} is compiled ${compiles.bytes ? 'from its bytes' : 'as it streams in'} and draws`, async () => {
    const { context, page: p, errors } = await page();
    await context.addInitScript(() => {
      const { compile, compileStreaming } = WebAssembly;
      const counts = { streaming: 0, bytes: 0 };
      window.compiles = counts;
      WebAssembly.compileStreaming = (source) => { counts.streaming += 1; return compileStreaming(source); };
      WebAssembly.compile = (bytes) => { counts.bytes += 1; return compile(bytes); };
    });
    await p.route('**/pkg/coalition_tracker_bg.wasm', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': type } });
    });
    await p.goto(`${site.server.url}embed.html`);
    await p.locator('.ct[data-state="ready"]').waitFor();
    assert.deepEqual(await p.evaluate(() => window.compiles), compiles);
    assert.equal(await host(p).evaluate((h) => h.shadowRoot.querySelectorAll('.ct-mark').length > 0), true);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('data= answering with an HTML page or a 20 MB file gives a readable message and no chart', async () => {
  const { context, page: p } = await page();
  await p.route('**/fake-data.json', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Login</title><p>Please sign in</p>' }));
  await p.goto(`${site.server.url}embed.html?data=fake-data.json`);
  assert.match(await errorText(p), /fake-data\.json: line 1, column 1: expected value/);
  assert.equal(await host(p).evaluate((h) => h.shadowRoot.querySelectorAll('canvas').length), 0);

  await p.route('**/huge-data.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: `{"coalition":${' '.repeat(20_000_000)}}` }));
  await p.goto(`${site.server.url}embed.html?data=huge-data.json`);
  assert.match(await errorText(p), /huge-data\.json: is 20\.0 MB; a dataset file can be at most 5 MB/);
  assert.equal(await host(p).evaluate((h) => h.shadowRoot.querySelectorAll('canvas').length), 0);
  await context.close();
});

test('without a 2D canvas context the widget says so instead of drawing nothing', async () => {
  const { context, page: p } = await page();
  await context.addInitScript(() => { HTMLCanvasElement.prototype.getContext = () => null; });
  await p.goto(`${site.server.url}embed.html`);
  assert.match(await errorText(p), /no 2D canvas context|could not be drawn/);
  await context.close();
});

/** Loads embed.html with the module's split-off part changed by `damage` (its bytes, a Buffer),
 * selects a mark, and checks that the widget stops with its message, logs `says`, and shows
 * no details. */
async function damagedPart(damage, says) {
  const { context, page: p, errors } = await page();
  const consoleErrors = [];
  p.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await p.route('**/pkg/coalition_tracker_more.wasm', async (route) => {
    const body = Buffer.from(await (await route.fetch()).body());
    damage(body);
    await route.fulfill({ status: 200, contentType: 'application/wasm', body });
  });
  await p.goto(`${site.server.url}embed.html`);
  await p.waitForSelector('.ct[data-state="ready"]');
  await p.getByRole('button', { name: /^Netherlands: member since/ }).click();
  assert.equal(await errorText(p), 'The graphic could not be drawn in this browser.');
  assert.equal(await p.locator('.ct-details-title').count(), 0, 'no details without what the part brings');
  assert.ok(consoleErrors.some((e) => e.includes(says)), consoleErrors.join('\n'));
  assert.deepEqual(errors, []);
  await context.close();
}

test('a split-off part whose texts were made for other data stops the widget with a message, not wrong notes', async () => {
  // The texts are the part's section ct-texts; they begin with a fingerprint of the dataset they
  // were made for: one bit of it changed is another dataset's texts.
  await damagedPart((body) => { body[body.lastIndexOf('ct-texts') + 'ct-texts'.length] ^= 1; },
    'coalition_tracker_more.wasm: the texts it brings cannot be read: they were made for other data');
});

test('a split-off part whose details panel words cannot be read stops the widget with a message, not empty headings', async () => {
  // The words are the part's last section, ct-words, each ended by a NUL: without the last NUL
  // the section holds one piece too many (i18n::PanelWords::read).
  await damagedPart((body) => {
    assert.ok(body.lastIndexOf('ct-words') > body.lastIndexOf('ct-texts'), 'ct-words is the last section');
    assert.equal(body[body.length - 1], 0);
    body[body.length - 1] = 0x78;
  }, 'coalition_tracker_more.wasm: the words it brings cannot be read');
});

test('a widget mounted in a hidden, 0 px container draws correctly once it is shown', async () => {
  const { context, page: p, errors } = await page(1024);
  // Served from the site's origin (a test page of its own, without the site's CSP header).
  const hostPage = `<!doctype html><html lang="en"><body>
    <div id="box" style="display:none"><div data-coalition-tracker data-manual></div></div>
    <div id="narrow" style="width:0"><div data-coalition-tracker data-manual></div></div>
    <script type="module">
      import { mount } from './widget.js';
      const [hidden, zero] = document.querySelectorAll('[data-coalition-tracker]');
      window.mounted = Promise.all([mount(hidden), mount(zero)]).then(() => 'done', (e) => String(e));
    </script></body></html>`;
  // Served from the site's origin, as a page of its own without the site's CSP header.
  await p.route('**/hidden-host.html', (route) => route.fulfill({ contentType: 'text/html', body: hostPage }));
  await p.goto(`${site.server.url}hidden-host.html`);
  await p.waitForFunction(() => window.mounted !== undefined);
  assert.equal(await p.evaluate(() => window.mounted), 'done');
  await p.evaluate(() => { document.getElementById('box').style.display = 'block'; document.getElementById('narrow').style.width = '600px'; });
  for (const i of [0, 1]) {
    await p.waitForFunction((n) => {
      const h = document.querySelectorAll('[data-coalition-tracker]')[n];
      const c = h.shadowRoot.querySelector('[data-view=map] canvas');
      return c && c.getBoundingClientRect().width > 200 && h.shadowRoot.querySelector('.ct').getAttribute('data-state') === 'ready';
    }, i);
  }
  const widths = await p.evaluate(() => [...document.querySelectorAll('[data-coalition-tracker]')].map((h) => Math.round(h.shadowRoot.querySelector('.ct').getBoundingClientRect().width)));
  assert.ok(widths[0] > 900 && widths[1] === 600, `laid out for the shown width: ${widths}`);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Waits until the page's widget has stopped; returns its text and how many canvases it has. */
async function stoppedWidget(p) {
  await p.waitForFunction(() => document.querySelector('[data-coalition-tracker]').shadowRoot
    .querySelector('.ct')?.getAttribute('data-state') === 'error');
  return host(p).evaluate((h) => ({
    text: h.shadowRoot.querySelector('.ct').textContent,
    canvases: h.shadowRoot.querySelectorAll('canvas').length,
  }));
}

for (const [lang, text, how] of [
  ['en', 'The graphic stopped working. Reload the page to see it again.', 'streamed'],
  ['uk', 'Графіка перестала працювати. Перезавантажте сторінку, щоб побачити її знову.', 'streamed'],
  // A host page that broke fetch: the module is compiled from bytes, and its frames carry no URL.
  ['en', 'The graphic stopped working. Reload the page to see it again.', 'fetched by XMLHttpRequest'],
]) {
  test(`a trap in the ${lang} widget module (${how}; a panic, in the build readers load) stops the graphic with a message`, async () => {
    const { context, page: p, errors } = await page();
    await context.addInitScript(keepWasmMemory);
    if (how !== 'streamed') await context.addInitScript(() => { window.fetch = () => Promise.reject(new Error('fetch is broken here')); });
    await p.goto(`${site.server.url}embed.html?lang=${lang}`);
    await p.locator('.ct[data-state="ready"]').waitFor();
    // Memory runs out: the module's memory is grown from outside to its limit, less 1 MB, and a
    // 16 MB string is passed in; the allocation fails, which the module's build turns into a trap.
    await p.evaluate(() => {
      const memory = window.wasmMemory;
      memory.grow(65536 - 16 - memory.buffer.byteLength / 65536);
      const widget = document.querySelector('[data-coalition-tracker]').widget;
      setTimeout(() => widget.setAsOf('2'.repeat(16 << 20)));
    });
    const stopped = { text, canvases: 0 };
    assert.deepEqual(await stoppedWidget(p), stopped);
    assert.ok(errors.some((e) => /RuntimeError/.test(e)), `the trap reached the page: ${errors}`);
    await p.mouse.click(100, 300);
    await p.evaluate(() => new Promise(requestAnimationFrame));
    assert.deepEqual(await stoppedWidget(p), stopped, 'a click after the trap draws nothing');
    await context.close();
  });
}

test('a browser call that throws inside the widget stops the graphic with a message, not a frozen widget', async () => {
  const { context, page: p, errors } = await page();
  await p.goto(`${site.server.url}embed.html`);
  await p.locator('.ct[data-state="ready"]').waitFor();
  // Not a trap: a JavaScript exception that unwinds through the module's redraw.
  await p.evaluate(() => {
    CanvasRenderingContext2D.prototype.fillRect = () => { throw new Error('fillRect refused'); };
  });
  // Dispatched, not clicked: a real pointer would hover first, and the hover's redraw already
  // stops the widget, detaching the button the click is aimed at.
  await p.getByRole('button', { name: /^Netherlands: member/ }).dispatchEvent('click');
  assert.deepEqual(await stoppedWidget(p), { text: 'The graphic stopped working. Reload the page to see it again.', canvases: 0 });
  assert.ok(errors.some((e) => /fillRect refused/.test(e)), `the error reached the page: ${errors}`);
  await context.close();
});

test("a browser call that throws inside a host's call to the widget stops it, with the message", async () => {
  const { context, page: p } = await page();
  await p.goto(`${site.server.url}embed.html`);
  await p.locator('.ct[data-state="ready"]').waitFor();
  // An error the widget returns leaves it working.
  assert.equal(await host(p).evaluate((h) => { try { h.widget.select('nowhere'); } catch (e) { return e.message; } }),
    'nothing called "nowhere" to select');
  assert.equal(await host(p).evaluate((h) => { h.widget.select('NL'); return h.widget.selection(); }), 'NL');
  // A browser call that throws while the widget redraws for the host: the exception reaches the
  // host, and the widget, whose state it left borrowed, stops instead of ignoring every event.
  const thrown = await host(p).evaluate((h) => {
    CanvasRenderingContext2D.prototype.fillRect = () => { throw new Error('fillRect refused'); };
    try { h.widget.select('DK'); } catch (e) { return e.message; }
  });
  assert.equal(thrown, 'fillRect refused');
  assert.deepEqual(await stoppedWidget(p), { text: 'The graphic stopped working. Reload the page to see it again.', canvases: 0 });
  await context.close();
});

test('a Ukrainian embed says in Ukrainian that it is loading, or that it cannot show its data', async () => {
  const { context, page: p } = await page();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await p.route('**/pkg-uk/*.wasm', async (route) => { await held; await route.continue(); });
  await p.route('**/fake-data.json', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Please sign in</p>' }));
  // Held wasm also holds the load event back: the test goes on once the page is parsed.
  await p.goto(`${site.server.url}embed.html?lang=uk&data=fake-data.json`, { waitUntil: 'domcontentloaded' });
  const placeholder = await p.waitForFunction(() => document.querySelector('[data-coalition-tracker]').shadowRoot
    ?.querySelector('.ct-placeholder')?.textContent);
  assert.equal(await placeholder.jsonValue(), 'Завантаження трекера коаліції…');
  release();
  assert.match(await errorText(p), /^Трекер коаліції не зміг показати ці дані:\nfake-data\.json: line 1, column 1/);
  assert.equal(await host(p).evaluate((h) => h.shadowRoot.querySelector('.ct-box').lang), 'uk');
  await context.close();
});

test("another wasm module's trap on the host page leaves the widget working", async () => {
  const { context, page: p } = await page();
  await p.goto(`${site.server.url}embed.html`);
  await p.locator('.ct[data-state="ready"]').waitFor();
  // (module (func (export "t") unreachable)), trapping outside any handler.
  await p.evaluate(() => new Promise((done) => {
    const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 116, 0, 0, 10, 5, 1, 3, 0, 0, 11]);
    const { t } = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
    addEventListener('error', () => setTimeout(done), { once: true });
    setTimeout(t);
  }));
  const nl = p.getByRole('button', { name: /^Netherlands: member/ });
  await nl.click();
  assert.equal(await settled(() => nl.getAttribute('aria-pressed'), (v) => v === 'true'), 'true');
  assert.equal(await host(p).evaluate((h) => h.shadowRoot.querySelector('.ct').getAttribute('data-state')), 'ready');
  await context.close();
});
