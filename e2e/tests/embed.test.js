// Newsroom embedding: the iframe reports its height, the script embed survives hostile host
// CSS, widgets are independent, themes and deep links work, and nothing leaves the origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openWidget, host, launch, selected, ROOT, SCREENSHOTS, useSite } from '../lib.js';

const site = useSite();

test('the iframe is as tall as its content at 320, 768 and 1280 px, with no inner scrollbar', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    if (window.parent !== window) return;
    window.seen = [];
    addEventListener('message', (e) => window.seen.push(e.data));
  });
  const page = await context.newPage();
  await page.goto(`${site.server.url}iframe-host.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator('.ct[data-state="ready"]').waitFor();
  for (const width of [1280, 320, 768, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => document.querySelector('iframe').style.width = '100%');
    // Resizing ripples through: the widget relayouts for the new width, then reports its
    // height, then embed.js applies it. Wait for the content to fit the width and the heights
    // to agree, and stay so for five frames in a row (a match in passing is not the end state).
    await page.waitForFunction(() => {
      const f = document.querySelector('iframe');
      const doc = f.contentDocument;
      const fits = doc.body.scrollWidth <= f.clientWidth;
      const ok = fits && Math.abs(f.clientHeight - Math.ceil(doc.documentElement.getBoundingClientRect().height)) <= 1;
      const key = `${f.clientWidth}x${f.clientHeight}`;
      window.stable = ok && window.stableKey === key ? (window.stable || 0) + 1 : 0;
      window.stableKey = key;
      return window.stable >= 5;
    }, null, { timeout: 8000 });
    const { outer, content, scrolls } = await page.evaluate(() => {
      const f = document.querySelector('iframe');
      const doc = f.contentDocument.documentElement;
      return { outer: f.clientHeight, content: doc.getBoundingClientRect().height, scrolls: doc.scrollHeight > doc.clientHeight + 1 };
    });
    assert.ok(Math.abs(outer - Math.ceil(content)) <= 1, `at ${width}: iframe ${outer} vs content ${content}`);
    assert.equal(scrolls, false, `no inner scrollbar at ${width}`);
  }
  const seen = await page.evaluate(() => window.seen);
  assert.ok(seen.some((d) => d && d['datawrapper-height'] && d['datawrapper-height'].t1 > 0), 'Datawrapper height message');
  assert.ok(seen.some((d) => d && d.sentinel === 'amp' && d.type === 'embed-size' && d.height > 0), 'AMP embed-size message');
  await context.close();
});

test('embed.js ignores messages from windows it does not manage and from malformed shapes', async () => {
  const context = await site.browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.server.url}iframe-host.html`);
  await page.frameLocator('iframe').locator('.ct[data-state="ready"]').waitFor();
  const before = await page.evaluate(() => document.querySelector('iframe').style.height);
  await page.evaluate(() => window.postMessage({ 'datawrapper-height': { t1: 5 } }, '*'));
  await page.evaluate(() => document.querySelector('iframe').contentWindow.parent.postMessage('nonsense', '*'));
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.querySelector('iframe').style.height), before);
  await context.close();
});

test('the script embed looks right under aggressive host CSS, and two widgets select independently', async () => {
  const { page, context, errors } = await openWidget(site.browser, `${site.server.url}hostile-host.html`, { width: 900 });
  await page.locator('#second .ct[data-state="ready"]').waitFor();
  const look = (i) => host(page, i).evaluate((h) => {
    const root = h.shadowRoot;
    const canvas = root.querySelector('[data-view=map] canvas');
    return {
      title: getComputedStyle(root.querySelector('.ct-title')).fontSize,
      canvas: getComputedStyle(canvas).display,
      width: canvas.getBoundingClientRect().width,
      dark: root.querySelector('.ct').classList.contains('ct-dark'),
      name: root.querySelector('.ct-title').textContent,
    };
  });
  const first = await look(0);
  const second = await look(1);
  assert.deepEqual([first.title, first.canvas, first.dark], ['21px', 'block', false]);
  assert.ok(first.width > 300);
  assert.deepEqual([second.name, second.dark], ['Coalition of Drones and EW', true]);
  await host(page, 0).getByRole('button', { name: /^Netherlands: member/ }).click();
  assert.equal(await selected(host(page, 0), 'NL'), 'NL');
  assert.equal(await host(page, 1).evaluate((h) => h.widget.selection()), undefined);
  await host(page, 1).getByRole('button', { name: /^Sweden:/ }).click();
  assert.equal(await host(page, 1).evaluate((h) => h.widget.selection()), 'SE');
  assert.equal(await host(page, 0).evaluate((h) => h.widget.selection()), 'NL');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'hostile-host-900.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a built-in dataset other than the default is fetched packed, the default is not, and an unknown one is named', async () => {
  const packedFiles = (requests) => requests.filter((u) => new URL(u).pathname.startsWith('/data/')).map((u) => new URL(u).pathname);
  const drones = await openWidget(site.browser, `${site.server.url}embed.html?coalition=drones-ew`, { width: 800 });
  assert.equal(await drones.page.locator('.ct-title').innerText(), 'Coalition of Drones and EW');
  assert.equal(await drones.page.title(), 'Coalition of Drones and EW', 'the page is titled for the coalition it shows');
  assert.deepEqual(packedFiles(drones.requests), ['/data/drones-ew.bin']);
  await drones.page.getByRole('button', { name: /^Sweden:/ }).click();
  assert.equal(await selected(host(drones.page), 'SE'), 'SE');
  assert.deepEqual(drones.errors, []);
  await drones.context.close();
  const named = await openWidget(site.browser, `${site.server.url}embed.html?coalition=it-coalition`, { width: 800 });
  assert.equal(await named.page.locator('.ct-title').innerText(), 'IT Coalition for Ukraine');
  assert.deepEqual(packedFiles(named.requests), [], 'the module carries the default dataset');
  await named.context.close();
  // A dataset without a Ukrainian name keeps its own in a Ukrainian widget, marked as English.
  const dronesUk = await openWidget(site.browser, `${site.server.url}embed.html?coalition=drones-ew&lang=uk`, { width: 800 });
  const title = dronesUk.page.locator('.ct-title');
  assert.deepEqual([await title.innerText(), await title.getAttribute('lang')], ['Coalition of Drones and EW', 'en']);
  assert.deepEqual(dronesUk.errors, []);
  await dronesUk.context.close();
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.server.url}embed.html?coalition=no-such`);
  const shown = await page.locator('.ct-error-list').innerText();
  assert.equal(shown, 'no built-in dataset "no-such"; built in: drones-ew, it-coalition');
  await context.close();
});

test('theme=dark paints the dark palette; auto follows the reader', async () => {
  const dark = await openWidget(site.browser, `${site.server.url}embed.html?theme=dark`, { width: 800 });
  const background = (page) => host(page).evaluate((h) => {
    const c = h.shadowRoot.querySelector('[data-view=bars] canvas');
    return [...c.getContext('2d').getImageData(c.width - 2, c.height - 2, 1, 1).data.slice(0, 3)];
  });
  assert.deepEqual(await background(dark.page), [22, 27, 34]);
  await dark.page.locator('.ct').first().screenshot({ path: path.join(SCREENSHOTS, 'embed-dark-800.png') });
  await dark.context.close();
  const auto = await openWidget(site.browser, `${site.server.url}embed.html`, { width: 800, colorScheme: 'dark' });
  assert.deepEqual(await background(auto.page), [22, 27, 34]);
  await auto.context.close();
  const light = await openWidget(site.browser, `${site.server.url}embed.html`, { width: 800, colorScheme: 'light' });
  assert.deepEqual(await background(light.page), [255, 255, 255]);
  await light.context.close();
});

test('a deep link restores selection and date, and the fragment follows the reader', async () => {
  const { page, context } = await openWidget(site.browser, `${site.server.url}embed.html#select=NL&as-of=2024-02-15`, { width: 800 });
  assert.equal(await host(page).evaluate((h) => h.widget.selection()), 'NL');
  assert.equal(await host(page).evaluate((h) => h.widget.asOf()), '2024-02-15');
  // The details come with the split-off part of the module, a moment after the widget is ready.
  await page.locator('.ct-details-title').getByText('Netherlands', { exact: true }).waitFor();
  // Its headings are words the module leaves to that part too (i18n::PanelWords).
  assert.deepEqual(await page.locator('.ct-details h4').allTextContents(),
    ['Contributions', 'Note', 'Sources', 'Sources disagree: How many countries were members once the Netherlands joined']);
  await page.getByRole('button', { name: /^Denmark: member/ }).click();
  // The URL follows a moment after the last change (replaceState is costly and throttled).
  await page.waitForURL((url) => url.hash === '#select=DK&as-of=2024-02-15');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The button comes after the table view's, with its status after it, where it is read next.
  assert.deepEqual(await page.locator('.ct-head').evaluate((head) => [...head.children].slice(-3).map((e) => e.className)),
    ['ct-view-toggle', 'ct-copy', 'ct-copy-status']);
  await page.getByRole('button', { name: 'Copy link to this view' }).click();
  // The status says so once the browser has copied it, and the clipboard holds the link.
  await page.locator('.ct-copy-status').getByText(/^Link copied: /).waitFor();
  const status = await page.locator('.ct-copy-status').innerText();
  assert.match(status, /^Link copied: http:.*embed\.html#select=DK&as-of=2024-02-15$/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), status.replace('Link copied: ', ''));
  await context.close();
});

// As on a host served over plain HTTP from another machine (no navigator.clipboard), and as where
// the browser refuses the copy (its promise rejects): the reader is given the link to copy by hand.
const refusals = {
  'a page without a clipboard (not served over HTTPS)': () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }),
  'a browser that refuses the copy': () => { Clipboard.prototype.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError')); },
};
for (const [name, refuse] of Object.entries(refusals)) {
  test(`${name} shows the link to copy, and the graphic keeps working`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 800, height: 900 } });
    await context.addInitScript(refuse);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${site.server.url}embed.html#select=DK&as-of=2024-02-15`);
    await page.locator('.ct[data-state="ready"]').waitFor();
    await page.getByRole('button', { name: 'Copy link to this view' }).click();
    await page.locator('.ct-copy-status').getByText(/^Copy this link: /).waitFor();
    assert.match(await page.locator('.ct-copy-status').innerText(), /^Copy this link: http:.*embed\.html#select=DK&as-of=2024-02-15$/);
    // Still drawn and answering: a selection after the copy changes the details.
    await page.getByRole('button', { name: /^Netherlands: member/ }).click();
    await page.locator('.ct-details-title').getByText('Netherlands', { exact: true }).waitFor();
    assert.equal(await page.locator('.ct-error').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the demo page requests nothing from other hosts and violates no CSP directive', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective));
  });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(site.server.url);
  await page.locator('[data-coalition-tracker] .ct[data-state="ready"]').waitFor();
  await page.locator('iframe').scrollIntoViewIfNeeded();
  await page.frameLocator('iframe').locator('.ct[data-state="ready"]').waitFor();
  const origin = new URL(site.server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(await page.frames()[1].evaluate(() => window.cspViolations), []);
  assert.deepEqual(await context.cookies(), []);
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  await context.close();
});

const MEMBERS = ['Estonia', 'Luxembourg', 'Ukraine', 'Belgium', 'United Kingdom', 'Denmark', 'Iceland', 'Italy',
  'Latvia', 'Lithuania', 'Japan', 'Netherlands'];

for (const page of ['embed.html', '']) {
  test(`without JavaScript, ${page || 'the demo page'} shows every member and the reported total`, async () => {
    const { page: p, context, requests } = await openWidget(site.browser, `${site.server.url}${page}`, { width: 375, javaScriptEnabled: false });
    // embed.html sends such readers on to its static page, which readers with JavaScript never load.
    if (page) await p.waitForURL(/\/embed-static\.html$/);
    await p.locator('.ct-static').first().waitFor();
    const text = await p.locator('body').innerText();
    for (const name of MEMBERS) assert.match(text, new RegExp(name), name);
    assert.match(text, /12 members · €58 million reported · as of 26\u00a0July 2024/);
    assert.match(text, /Itemised €54\.7 million \+ not itemised €3\.3 million = €58 million reported/);
    assert.equal(await p.locator('.ct-static svg').count(), 3);
    assert.ok(requests.every((u) => u.startsWith(site.server.url) || u.startsWith('data:')));
    if (!page) await p.locator('.ct-static').first().screenshot({ path: path.join(SCREENSHOTS, 'static-no-js-375.png') });
    await context.close();
  });
}

/** The widget modules (wasm) a page fetched, by path. */
const widgetModules = (requests) => [...new Set(requests.filter((u) => u.endsWith('_bg.wasm')).map((u) => new URL(u).pathname))];

test('an English embed fetches the English widget module only', async () => {
  const { context, errors, requests } = await openWidget(site.browser, `${site.server.url}embed.html`, { width: 800 });
  assert.deepEqual(widgetModules(requests), ['/pkg/coalition_tracker_bg.wasm']);
  // Its glue comes in the page's script (carryGlue in widget.js), not in a request of its own.
  assert.deepEqual(requests.filter((u) => /coalition_tracker\.js$/.test(u)), []);
  // Nor does a working widget fetch what it would show if it could not be shown (failure.js).
  assert.deepEqual(requests.filter((u) => /failure\.js$/.test(u)), []);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The address in linear memory of the first copy of `bytes` in a wasm module's active data
 * segments (each an `i32.const` offset), or -1. */
function dataAddress(wasm, bytes) {
  const leb = (at) => {
    let value = 0; let shift = 0; let byte;
    do { byte = wasm[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return [value, at];
  };
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at];
    const [size, body] = leb(at + 1);
    if (id === 11) {
      let [count, i] = leb(body);
      for (; count > 0; count--) {
        assert.equal(wasm[i], 0, 'an active segment of memory 0');
        assert.equal(wasm[i + 1], 0x41, 'at an i32.const offset');
        const [offset, end] = leb(i + 2); // non-negative here: the data lies above 1 MB
        const [length, start] = leb(end + 1);
        const found = wasm.subarray(start, start + length).indexOf(bytes);
        if (found >= 0) return offset + found;
        i = start + length;
      }
    }
    at = body + size;
  }
  return -1;
}

test('each widget module writes its words as constants in its code and carries no table of them', () => {
  // A table of the words (each a pointer and a length, 0.35 KB gzipped) comes back when a
  // `Words` is kept, copied or passed by reference (see `Words` in src/i18n.rs). Its first
  // word's pointer and length, side by side, would be in it.
  const source = readFileSync(path.join(ROOT, 'src', 'i18n.rs'), 'utf8');
  const [en, uk] = [...source.matchAll(/\n    outside_europe: "([^"]+)",/g)].map((m) => Buffer.from(m[1]));
  for (const [dir, word] of [['pkg', en], ['pkg-uk', uk]]) {
    const wasm = readFileSync(path.join(ROOT, 'dist', dir, 'coalition_tracker_bg.wasm'));
    const address = dataAddress(wasm, word);
    assert.ok(address > 0, `${dir}: "${word}" is in the module's data`);
    const pair = Buffer.alloc(8);
    pair.writeUInt32LE(address, 0);
    pair.writeUInt32LE(word.length, 4);
    assert.equal(wasm.indexOf(pair), -1, `${dir}: a table holds "${word}"`);
  }
});

test('the charts are drawn and shown without an Intl formatter: none is made before the frame that shows the ready widget', async () => {
  // A page's first Intl formatter costs some 20 ms (cldr.rs); a conversion rate written through
  // one in the footer once put 30 ms before the first chart pixels (bench/ab.js), and widget.js's
  // warm-up, made at once when the widget was ready, often ran before the frame that shows it.
  for (const query of ['', '?lang=uk']) {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      window.intlMade = [];
      // Set in the first animation frame after the host says ready: that frame's rendering
      // follows its callbacks at once, with no task between them.
      let framed = false;
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-coalition-tracker][data-state="ready"]')) return;
        observer.disconnect();
        requestAnimationFrame(() => { framed = true; });
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
      for (const name of ['NumberFormat', 'DateTimeFormat', 'PluralRules', 'Locale']) {
        Intl[name] = new Proxy(Intl[name], {
          construct(target, args) {
            const state = document.querySelector('[data-coalition-tracker]')?.dataset.state ?? 'loading';
            window.intlMade.push(`${name} while ${state}${framed ? ', after its frame' : ''}`);
            return Reflect.construct(target, args);
          },
        });
      }
    });
    const page = await context.newPage();
    await page.goto(`${site.server.url}embed.html${query}`);
    await page.locator('.ct[data-state="ready"]').waitFor();
    // widget.js makes its first formatters once the ready widget has been shown, so that they
    // hold up neither the charts nor the frame that shows them.
    await page.waitForFunction(() => window.intlMade.some((m) => m.startsWith('NumberFormat')));
    const made = await page.evaluate(() => window.intlMade);
    assert.deepEqual(made.filter((m) => !m.endsWith('while ready, after its frame')), [], `${query}: ${made.join(', ')}`);
    await context.close();
  }
});

test('embed.html paints the widget\'s placeholder in its language before the module runs, where the widget puts its own', async () => {
  const source = readFileSync(path.join(ROOT, 'www', 'widget.js'), 'utf8');
  const loading = source.match(/const LOADING = \{\n  en: '([^']+)',\n  uk: '([^']+)',\n\};/)?.slice(1);
  assert.equal(loading?.length, 2);
  const placeholder = (p) => ({
    text: p.innerText, lang: p.closest('[lang]').lang, font: getComputedStyle(p).font, box: JSON.stringify(p.getBoundingClientRect()),
  });
  for (const [query, words] of [['', loading[0]], ['?lang=uk', loading[1]]]) {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 700 } });
    const page = await context.newPage();
    // The page alone: its module never comes.
    await page.route('**/embed-page.js', (route) => route.abort());
    await page.goto(`${site.server.url}embed.html${query}`);
    const before = await page.locator('.ct-placeholder').evaluate(placeholder);
    assert.equal(before.text, words);
    assert.equal(before.lang, query ? 'uk' : 'en');
    // The widget's own placeholder, with the module running and its wasm held back.
    await page.unroute('**/embed-page.js');
    await page.route('**/*_bg.wasm', () => {});
    await page.reload();
    // The page's own is not rendered once the host has a shadow root: the one shown is the widget's.
    const shadow = await page.locator('.ct-placeholder:visible').evaluate(placeholder);
    assert.deepEqual(shadow, before, 'the same words, font and box: nothing moves');
    assert.equal(await page.locator('.ct-placeholder:visible').evaluate((p) => p.getRootNode() === p.ownerDocument), false);
    // widget.js's hidden letters are the page's own (warmFaces).
    const warm = await page.evaluate(() => [document, document.querySelector('[data-coalition-tracker]').shadowRoot]
      .map((root) => root.querySelector('.ct-warm').outerHTML));
    assert.equal(warm[1], warm[0]);
    await context.close();
  }
});

test('the placeholder lays out, hidden, each face and size of a first drawing\'s canvas text, at a phone\'s and a desktop\'s width, and at a phone\'s fractional pixel ratio', async () => {
  // The last with a real device scale factor, which emulation does not give: the page's text is
  // then laid out at 2.625 × its CSS size, as on many Android phones, and the canvas must ask
  // for that very size (13 px is 34.125 px there, not 34.1).
  const phone = await launch(['--force-device-scale-factor=2.625', '--window-size=412,900']);
  try {
    for (const [browser, viewport] of [[site.browser, { width: 375, height: 900 }], [site.browser, { width: 1280, height: 900 }], [phone, null]]) {
      const context = await browser.newContext({ viewport });
      // Every font the canvases are given until the widget has drawn its map and bars.
      await context.addInitScript(() => {
        window.drawnFonts = new Set();
        const font = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'font');
        Object.defineProperty(CanvasRenderingContext2D.prototype, 'font', {
          get: font.get,
          set(value) {
            if (!document.querySelector('[data-state="ready"]')) window.drawnFonts.add(value);
            font.set.call(this, value);
          },
        });
      });
      const page = await context.newPage();
      // The page's placeholder, without the module (which puts the host's shadow root over it).
      await page.route('**/embed-page.js', (route) => route.abort());
      await page.goto(`${site.server.url}embed.html`);
      // Each letter's face as the canvas draws it: at its size in device pixels.
      const warm = await page.evaluate(() => ({
        faces: [...document.querySelectorAll('.ct-warm > *')].map((e) => {
          const style = getComputedStyle(e);
          return `${style.fontWeight === '700' ? 'bold ' : ''}${parseFloat(style.fontSize) * devicePixelRatio}px`;
        }),
        visibility: getComputedStyle(document.querySelector('.ct-warm')).visibility,
        ratio: devicePixelRatio,
      }));
      const where = `${viewport?.width ?? 412}px at ${warm.ratio}`;
      assert.equal(warm.visibility, 'hidden');
      assert.equal(warm.ratio, viewport ? 1 : 2.625);
      await page.unroute('**/embed-page.js');
      await page.reload();
      await page.locator('.ct[data-state="ready"]').waitFor();
      // As the canvas reads them back: "bold 16.000px …" is "bold 16px …".
      const drawn = await page.evaluate(() => [...window.drawnFonts].map((font) => {
        const probe = document.createElement('canvas').getContext('2d');
        probe.font = font;
        return probe.font.replace(/ system-ui.*/, '');
      }));
      assert.ok(drawn.length >= 4, `${where}: ${drawn}`);
      for (const face of drawn) assert.ok(warm.faces.includes(face), `${where}: ${face} is not among ${warm.faces}`);
      await context.close();
    }
  } finally {
    await phone.close();
  }
});

/** How embed.html and its widget are styled: what the page's rules and the widget's stylesheet
 * set, and the stylesheets the shadow root holds. */
const embedStyles = (page) => page.evaluate(() => {
  const root = document.querySelector('[data-coalition-tracker]').shadowRoot;
  return {
    bodyMargin: getComputedStyle(document.body).margin,
    overflow: getComputedStyle(document.body).overflow,
    title: getComputedStyle(root.querySelector('.ct-title')).fontSize,
    height: root.querySelector('.ct').getBoundingClientRect().height,
    sheets: [...root.querySelectorAll('style, link')].map((e) => e.localName),
  };
});

test('embed.html carries the widget\'s stylesheet inline, and under a CSP without its hash loads it as a file', async () => {
  const url = `${site.server.url}embed.html`;
  const inline = await openWidget(site.browser, url, { width: 800 });
  assert.deepEqual(inline.requests.filter((u) => u.endsWith('.css')), [], 'no stylesheet request');
  const styled = await embedStyles(inline.page);
  assert.deepEqual({ ...styled, height: undefined },
    { bodyMargin: '0px', overflow: 'hidden', title: '21px', height: undefined, sheets: ['style'] });
  assert.deepEqual(inline.errors, []);
  await inline.context.close();

  // The same page under the site's CSP without the page's hashes, as a host that has not added
  // them serves it: its inline script and style are refused, and it is styled all the same.
  const context = await site.browser.newContext({ viewport: { width: 800, height: 900 } });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective));
  });
  await context.route(url, async (route) => {
    const response = await route.fetch();
    const { 'content-encoding': _, 'content-length': __, ...headers } = response.headers();
    headers['content-security-policy'] = headers['content-security-policy'].replace(/ 'sha256-[^']+'/g, '');
    await route.fulfill({ response, headers });
  });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(url);
  await page.locator('.ct[data-state="ready"]').waitFor();
  assert.deepEqual((await page.evaluate(() => window.cspViolations)).sort(), ['script-src-elem', 'style-src-elem']);
  assert.deepEqual(requests.filter((u) => u.endsWith('.css')), ['/widget.css'], 'one request, for the page and the shadow root');
  assert.deepEqual(await embedStyles(page), { ...styled, sheets: ['link'] });
  await context.close();
});

test('lang=uk shows Ukrainian names, words and locale-formatted money and dates', async () => {
  const { page, context, errors, requests } = await openWidget(site.browser, `${site.server.url}embed.html?lang=uk#select=NL&as-of=2024-06-01`, { width: 800 });
  // The page preloads the module of its language, and only that one: each carries one language's words.
  assert.deepEqual(widgetModules(requests), ['/pkg-uk/coalition_tracker_bg.wasm']);
  assert.equal(await host(page).evaluate((h) => h.shadowRoot.querySelector('.ct').getAttribute('lang')), 'uk');
  // The dataset's Ukrainian name is the title, and names the widget's region.
  const title = page.locator('.ct-title');
  assert.deepEqual([await title.innerText(), await title.getAttribute('lang')], ['ІТ-коаліція для України', null]);
  assert.equal(await page.getByRole('region', { name: 'ІТ-коаліція для України' }).count(), 1);
  assert.equal(await page.title(), 'ІТ-коаліція для України');
  const dek = await page.locator('.ct-dek').innerText();
  assert.match(dek, /^Учасників: 12 · 58\s?млн\s€ за повідомленнями · станом на 1\u00a0червня 2024/);
  await page.getByRole('button', { name: /^Нідерланди: учасник з 23\sсічня 2024/ }).waitFor();
  // The details come with the split-off part of the module, a moment after the widget is ready.
  await page.locator('.ct-details-title').getByText('Нідерланди', { exact: true }).waitFor();
  const details = await page.locator('.ct-details').innerText();
  assert.match(details, /^Нідерланди/);
  // Headings and lines in the page's language, from the words the split-off part brings.
  const headings = await page.locator('.ct-details h4').allTextContents();
  assert.deepEqual(headings.slice(0, 3), ['Внески', 'Примітка', 'Джерела']);
  assert.ok(headings.slice(3).every((h) => h.startsWith('Джерела розходяться: ')), headings.join('\n'));
  // No-break spaces keep the day with its month and "р." with its year (cldr.rs).
  assert.match(details, /\n10\sмлн\s€ \(10\s000\s000\s€\) — підтверджено, 23\u00a0січня 2024\u00a0р\.\n/);
  assert.match(details, /\nЦя графіка спирається на: The dataset uses 23 January 2024/);
  assert.match(details, /10\s000\s000\s€/, 'Intl groups digits the Ukrainian way');
  // The sources' own words stay English and say so, so a screen reader switches voice for them.
  const quoted = await page.locator('.ct-details li[lang="en"]').allInnerTexts();
  assert.ok(quoted.some((t) => t.startsWith('Joined at the Ramstein-format meeting on 23 January')), quoted.join('\n'));
  // So do the stretches they lend to Ukrainian lines: a disagreement's topic in its heading,
  // what the graphic follows, a citation's headline and author, each in a span of its own.
  const stretches = await page.locator('.ct-details :is(h4, li) > span[lang="en"]').allTextContents();
  assert.ok(stretches.includes('When the Netherlands joined'), stretches.join('\n'));
  assert.ok(stretches.some((t) => t.startsWith('The dataset uses 23 January 2024')), stretches.join('\n'));
  assert.ok(stretches.includes('Oleksandra Amru'), stretches.join('\n'));
  const cited = page.locator('.ct-details li', { hasText: '“The IT-coalition for' });
  assert.equal(await cited.getAttribute('lang'), null, 'a citation is a Ukrainian line');
  assert.match(await cited.innerText(), /^“The IT-coalition for .*”, автор: Oleksandra Amru, лютий 2024.* \[s002\]$/);
  // The footer cites every source the same way, and quotes the krone rate's basis.
  const footer = await page.locator('.ct-sources li > span[lang="en"]').allTextContents();
  assert.equal(footer.filter((t) => t.startsWith('Netherlands joins')).length, 1, footer.join('\n'));
  assert.match(await page.locator('.ct-method li > span[lang="en"]').innerText(), /^ERM II central rate of the Danish krone/);
  // The rate itself is written the Ukrainian way, with a decimal comma.
  assert.match(await page.locator('.ct-method li', { hasText: 'ERM II' }).innerText(), /^Суми в DKK перераховано за курсом 7,46038 DKK за євро: ERM II/);
  // The events' titles too, after their Ukrainian dates.
  const events = page.locator('.ct-events li');
  assert.equal(await events.count(), 5);
  assert.match(await events.nth(4).innerText(), /^31\u00a0травня 2024\u00a0р\. — Steering group in Tallinn/);
  assert.deepEqual(await events.nth(4).locator('span').evaluateAll((spans) => spans.map((s) => [s.lang, s.textContent.slice(0, 14)])),
    [['', '31\u00a0травня 2024'], ['en', 'Steering group']]);
  // The dataset's date and its version, named as a version (not a second date).
  assert.equal(await page.locator('.ct-version').innerText(), 'Дані станом на 26\u00a0липня 2024\u00a0р. (версія 2024-07-26.1).');
  const english = await page.locator('.ct [lang="en"]').allTextContents();
  assert.ok(english.length >= quoted.length + stretches.length + footer.length);
  assert.ok(english.every((t) => !/[а-яіїє]/i.test(t)), `nothing Ukrainian is marked English: ${english.join('\n')}`);
  await page.locator('.ct').first().screenshot({ path: path.join(SCREENSHOTS, 'embed-uk-800.png') });
  // The table view: its words come with the split-off part too; an in-kind contribution's
  // description is quoted in its cell.
  await page.locator('.ct-view-toggle').click();
  assert.deepEqual(await page.locator('.ct-table caption').allInnerTexts(), ['Сторони та їхній статус', 'Внески']);
  assert.deepEqual(await page.locator('.ct-table table').nth(1).locator('thead th').allInnerTexts(), ['Донор', 'Сума, статус і дата', 'Джерела']);
  assert.equal(await page.locator('.ct-table tr', { hasText: 'Японія' }).locator('td').first().innerText(), 'Учасник станом на 23\u00a0січня 2024\u00a0р.');
  assert.equal(await page.locator('.ct-table-note').count(), 1);
  assert.match(await page.locator('.ct-table-note').innerText(), /^Сторона, показана учасником «станом на» дату/);
  const lithuania = page.locator('.ct-table tr', { hasText: 'Литва' }).nth(1).locator('td').first();
  assert.match(await lithuania.innerText(), /^У натуральній формі, вартість не вказано: licences and equipment; передано, 23\u00a0січня 2024\u00a0р\./);
  assert.equal(await lithuania.locator('span[lang="en"]').innerText(), 'licences and equipment');
  assert.deepEqual(errors, []);
  await context.close();
});
