// Shared set-up for the end-to-end tests: serves dist/ on a free loopback port with the
// project's own server, and launches Debian's Chromium through playwright-core.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { before, after } from 'node:test';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOTS = path.join(ROOT, 'target', 'screenshots');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** A directory holding dist/, the test host pages of e2e/hosts/, and hosted.json (the drone
 * coalition exported by the CLI, as an editor would host it), side by side. */
export function siteWithHosts() {
  const dir = mkdtempSync(path.join(tmpdir(), 'ct-site-'));
  for (const from of [path.join(ROOT, 'dist'), path.join(ROOT, 'e2e', 'hosts')]) {
    for (const name of readdirSync(from)) symlinkSync(path.join(from, name), path.join(dir, name));
  }
  execFileSync(path.join(ROOT, 'target', 'release', 'coalition'),
    ['export', path.join(ROOT, 'data', 'drones-ew.toml'), '--json', '--out', path.join(dir, 'hosted.json')]);
  // The bad dataset files of tests/data/bad in bad/, so that the browser can be shown them as
  // data= files: the JSON ones as they are, and the TOML ones an editor might still convert, as JSON.
  execFileSync('python3', ['-c', `
import json, pathlib, shutil, sys, tomllib
out = pathlib.Path(sys.argv[2]); out.mkdir()
for f in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    if f.suffix == '.json':
        shutil.copy(f, out / f.name)
        continue
    try:
        data = tomllib.loads(f.read_bytes().decode('utf-8-sig'))
    except Exception:
        continue
    (out / (f.stem + '.json')).write_text(json.dumps(data))
`, path.join(ROOT, 'tests', 'data', 'bad'), path.join(dir, 'bad')]);
  return dir;
}

/** Starts the site server on `dir` (dist/ and the host pages); returns { url, stop }. */
export async function serve(dir = siteWithHosts()) {
  const port = await freePort();
  const child = spawn('python3', [path.join(ROOT, 'scripts', 'serve.py'), '--dir', dir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', () => resolve());
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, dir, stop: () => child.kill() };
}

/** Launches headless Chromium from Debian, with any further switches `extra` gives; never a
 * browser that a tool downloads. */
export function launch(extra = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', ...extra],
  });
}

/** Opens `url` at a viewport and waits until the first widget has drawn. Collects console
 * errors (CSP violations among them) and every request's URL. */
export async function openWidget(browser, url, { width = 1280, height = 900, dpr = 1, colorScheme = 'light', javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, colorScheme, javaScriptEnabled, acceptDownloads: true });
  await context.addInitScript(keepWasmMemory);
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  if (javaScriptEnabled) await page.waitForSelector('.ct[data-state="ready"]');
  return { page, context, errors, requests };
}

/** An init script keeping the page's first wasm memory, the widget module's (made by its glue's
 * `initSync`), as `window.wasmMemory`: embed.html's script holds the module and its glue, so
 * the page has no other name for it. */
export function keepWasmMemory() {
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
    construct(target, args) {
      const instance = Reflect.construct(target, args);
      window.wasmMemory ??= Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory);
      return instance;
    },
  });
}

/** Memory in use after a forced garbage collection: the JS heap and the widget module's wasm
 * linear memory (which never shrinks, so growth there is for good). `cdp` is a CDP session on
 * `page`, which `keepWasmMemory` ran in (as `openWidget` has it). */
export async function memoryUse(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const wasm = await page.evaluate(() => window.wasmMemory.buffer.byteLength);
  return { heap, wasm, total: heap + wasm };
}

/** The size of `bytes` as `gzip -9` compresses them (the budget's measure). */
export const gzipped = (bytes) => execFileSync('gzip', ['-9c'], { input: bytes, maxBuffer: 1 << 28 }).length;

/** Every file a fresh load of `url` fetches until its widget is ready and the network is idle,
 * heaviest first, with its size raw and as `gzip -9` compresses it (the budget's measure). */
export async function weigh(browser, url) {
  const page = await browser.newPage();
  const bodies = [];
  page.on('response', (response) => bodies.push(response.body().then((body) => ({ url: response.url(), body }), () => null)));
  await page.goto(url);
  await page.locator('.ct[data-state="ready"]').waitFor();
  await page.waitForLoadState('networkidle');
  const files = (await Promise.all(bodies)).filter(Boolean).map(({ url: u, body }) => ({
    file: new URL(u).pathname.slice(1),
    raw: body.length,
    gz: gzipped(body),
  }));
  await page.close();
  return files.sort((a, b) => b.gz - a.gz);
}

/** The `index`-th script-embed host; `.evaluate((host) => host.shadowRoot…)` reaches inside. */
export const host = (page, index = 0) => page.locator('[data-coalition-tracker]').nth(index);

/** Polls `read()` every 20 ms until `accept` takes its value or 5 s have passed; returns the last
 * value. A reader's first interaction is handled once the split-off part of the widget module
 * has arrived (scripts/split-module.py), a moment after it, not during it. */
export async function settled(read, accept) {
  const end = Date.now() + 5000;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = await read();
  }
  return value;
}

/** The selection of the widget in `hostLocator` once it is `want` (or after 5 s, see `settled`). */
export const selected = (hostLocator, want) =>
  settled(() => hostLocator.evaluate((h) => h.widget.selection()), (key) => key === want);

/** Registers the suite's set-up and tear-down: a server on the site and a browser, shared by
 * the file's tests as `site.server` and `site.browser`. */
export function useSite() {
  const site = {};
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    site.server = await serve();
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    site.server?.stop();
  });
  return site;
}
