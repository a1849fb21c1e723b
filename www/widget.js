// Script embed and mount API. One line on a host page:
//   <div data-coalition-tracker></div><script type="module" src="https://…/widget.js"></script>
// Each widget lives in its own shadow root with its own stylesheet, so host CSS cannot break
// it and it cannot leak styles into the host. Options come from data- attributes:
//   data-coalition, data-as-of, data-select, data-theme (light|dark|auto), data-lang (en|uk), data-credit,
//   data-hash (keep selection and date in the URL fragment), data-manual (do not auto-mount),
//   data-data (URL of an editor-hosted dataset: the JSON `coalition export --json` writes).
const here = new URL('.', import.meta.url);

/** The language of the words a widget is shown with: Ukrainian if asked for, else English. */
const languageOf = (lang) => (lang === 'uk' ? 'uk' : 'en');

/** The widget module of a language, loaded once: each carries the words of one language only
 * (`pkg/` English, the default; `pkg-uk/` Ukrainian). Any other code goes to the English module,
 * which explains that it does not know it. */
const modules = {};
const moduleDir = (lang) => (languageOf(lang) === 'uk' ? 'pkg-uk/' : 'pkg/');
/** Where a language's module is: its glue is `….js` and its wasm `…_bg.wasm` after this. */
const moduleBase = (lang) => new URL(`${moduleDir(lang)}coalition_tracker`, here).href;
// The glue and the wasm are fetched side by side, not the wasm once the glue is in: one round
// trip fewer before the wasm compiles. It compiles as it streams in, while the glue loads.
const loadWasm = (lang, base = moduleBase(lang)) => (modules[base] ??= Promise.all([glueOf(base), fetched(`${base}_bg.wasm`).then(compiled)])
  .then(([module, wasm]) => {
    module.initSync({ module: wasm });
    module.placeMore(`${base}_more.wasm`);
    stopOnTrap(module, base);
    return module;
  }));

/** The module compiled from `wasm`, a response (compiled as it streams in) or bytes. A response
 * the browser does not stream from (one not labelled `application/wasm`, or in a browser without
 * `compileStreaming`) is compiled from its bytes. The glue's `initSync` then instantiates it: the
 * glue readers load leaves out wasm-bindgen's asynchronous loader, which does the same (0.4 KB
 * gzipped). */
const compiled = (wasm) => (wasm instanceof Response
  ? (WebAssembly.compileStreaming?.(wasm) ?? Promise.reject()).catch((error) => (wasm.bodyUsed
    ? Promise.reject(error)
    : wasm.arrayBuffer().then(WebAssembly.compile)))
  : WebAssembly.compile(wasm));

/** The glue the page's own script carries, if it does (see `carryGlue`), with the URL of that
 * script, and the module it went to. */
let carried;

/** Has the first widget module loaded use `glue`, the widget modules' glue, which the page's own
 * script carries (at the URL `at`), instead of importing it from beside the module's wasm: the
 * script of embed.html, a page of one widget, does (one request fewer, and 0.2 KB less gzipped
 * than the two files). The glue is the same for every language (`make build` checks it), but
 * one glue drives one module: a module of another language on the page imports its own. */
export const carryGlue = (glue, at) => { carried = { glue, at }; };

/** The glue of the module at `base`. */
const glueOf = (base) => {
  if (carried) carried.base ??= base;
  return carried?.base === base ? carried.glue : import(`${base}.js`);
};

/** Whether `error` is a trap in the module at `base`: its stack passes through the module's
 * wasm or its glue (the glue is on the stack of every call into the wasm, so a module compiled
 * from bytes by the XMLHttpRequest fallback, whose frames carry no URL, is still recognised;
 * a carried glue's frames are its script's). Errors the module returns (an unknown selection,
 * say) are not traps: the module chose them. */
const trapped = (error, base) => {
  if (!(error instanceof WebAssembly.RuntimeError)) return false;
  const stack = String(error.stack);
  return stack.includes(base) || (carried?.base === base && stack.includes(carried.at));
};

/** Stops every widget `module` drives after `error` (see `stop` in src/web/mod.rs). */
const stopAfter = (module, error) => module.stop(`coalition-tracker stopped: ${error}`);

/** Stops every widget a module drives (its `stop`: a readable message, and no drawing again)
 * when it traps. The modules readers load are built with panic=immediate-abort, so a panic is
 * a trap, with no panic hook to run, and the module's state cannot be drawn past. Traps in
 * anything else on a host page (another wasm module) are left alone. */
function stopOnTrap(module, base) {
  const stop = (error) => { if (trapped(error, base)) stopAfter(module, error); };
  addEventListener('error', (event) => stop(event.error));
  addEventListener('unhandledrejection', (event) => stop(event.reason));
}

/** `url`'s response (the wasm's, for streaming compilation); on a host page whose own scripts
 * have replaced or broken `window.fetch`, its bytes fetched by XMLHttpRequest instead (the wasm
 * is then compiled from them). An error it rejects with carries the HTTP `status`, if any. */
function fetched(url) {
  const byXhr = () => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.responseType = 'arraybuffer';
    xhr.onload = () => (xhr.status === 200 ? resolve(xhr.response) : reject(Object.assign(new Error(`${url}: ${xhr.status}`), { status: xhr.status })));
    xhr.onerror = () => reject(new Error(`${url} could not be fetched`));
    xhr.send();
  });
  return Promise.resolve()
    .then(() => fetch(url))
    .then((response) => (response instanceof Response && response.ok ? response : byXhr()), byXhr);
}

/** What this script itself says, in the widget's language, while the module that carries the
 * rest of the widget's words is on its way. What it says when the widget cannot be shown is in
 * failure.js. */
const LOADING = {
  en: 'Loading the coalition tracker…',
  uk: 'Завантаження трекера коаліції…',
};

/** Options from a host element's data- attributes. */
export function optionsOf(el) {
  const d = el.dataset;
  return { coalition: d.coalition, asOf: d.asOf, select: d.select, theme: d.theme, credit: d.credit, hash: 'hash' in d, data: d.data, lang: d.lang };
}

/** The widget a host calls (`host.widget`), each method stopping the graphic when a call ends
 * in a trap, or in an exception that a browser call threw inside the module: that unwinds
 * through the module and leaves the widget's state borrowed, so that every later event would
 * be ignored (its `asOf()` then answers undefined). An error the widget returns (an unknown
 * selection, say) leaves it working. The exception goes on to the host either way. */
const guarded = (module, base, widget) => new Proxy(widget, {
  get: (target, key) => {
    const value = target[key];
    return typeof value !== 'function' || key === 'free' ? value : (...args) => {
      try {
        return value.apply(target, args);
      } catch (error) {
        if (trapped(error, base) || target.asOf() === undefined) stopAfter(module, error);
        throw error;
      }
    };
  },
});

/** Shows, with failure.js's `show`, why the widget in `box` cannot be shown, then marks its
 * `host` so. Where failure.js itself cannot be fetched (the network has gone since the page
 * loaded), `error`'s own message is shown. */
async function failed(host, box, error, show) {
  console.error(error);
  try {
    await show(await import('./failure.js'));
  } catch (importError) {
    console.error(importError);
    const p = document.createElement('p');
    p.className = 'ct-error';
    p.textContent = String(error);
    box.replaceChildren(p);
  }
  host.dataset.state = 'error';
}

/** What the widget does with the loader module (hosted.js, with the loader's glue): fetched only
 * when a page shows editor-hosted data or a reader first asks for a download. */
const hosted = () => import('./hosted.js');

/** The widget's `exporter`: a CSV or JSON download, or the PNG of the views (see hosted.js). */
const exporter = (box, packed) => (...args) => hosted()
  .then((module) => module.download(box, packed, ...args))
  .catch((error) => console.error(error));

/** The built-in dataset the widget module carries itself (`DEFAULT` in build.rs). */
const EMBEDDED = 'it-coalition';

/** Any other built-in dataset, packed and validated by `coalition pack` when the site was built
 * (`data/ID.bin`): fetched rather than carried by the module, so that a dataset an editor adds
 * does not make every reader's embed heavier. Undefined for the embedded one, and for a name
 * with no file, so that the module's message lists the datasets there are. */
async function builtIn(id) {
  if (!id || id === EMBEDDED) return;
  const url = new URL(`data/${encodeURIComponent(id)}.bin`, here).href;
  try {
    const got = await fetched(url);
    return new Uint8Array(got instanceof ArrayBuffer ? got : await got.arrayBuffer());
  } catch (error) {
    if (error.status !== 404) throw error;
  }
}

/** An editor-hosted dataset, validated and packed for the widget (see hosted.js). */
const packedData = async (url) => (await hosted()).packedData(url);

/** A `<link>` to one of the widget's stylesheets. */
export function stylesheet(name) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL(name, here).href;
  return link;
}

/** The page's own `<style id="ct-css">` if it has one that applies: embed.html's inline copy of
 * widget.css, which a CSP without its hash blocks. */
export function inlineSheet() {
  const inline = document.querySelector('style#ct-css');
  return inline?.sheet ? inline : undefined;
}

/** The widget's stylesheet for a shadow root: a copy of the page's inline one if it applies,
 * else a `<link>` to widget.css. */
function widgetSheet() {
  return inlineSheet()?.cloneNode(true) ?? stylesheet('widget.css');
}

/** Resolves in a task of its own, after whatever the page has queued. */
const nextTask = () => new Promise((next) => setTimeout(next));

/** Letters in the faces and sizes of the first drawing's canvas text, hidden (`.ct-warm` in
 * widget.css): laid out with the placeholder, they have the browser load those faces while the
 * module is on its way. Drawn first on a canvas, each cost the first drawing 1–4 ms here (5–9 ms
 * in all at the median, under 3 ms with these in the placeholder). */
function warmFaces() {
  const warm = document.createElement('span');
  warm.className = 'ct-warm';
  for (const tag of ['b', 'b', 'b', 'b', 'span', 'span']) warm.appendChild(document.createElement(tag)).textContent = 'I';
  return warm;
}

/** Mounts a widget into `host` (inside a shadow root); resolves when it has drawn. */
export async function mount(host, options = optionsOf(host)) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const sheet = widgetSheet();
  const lang = languageOf(options.lang);
  const box = document.createElement('div');
  box.className = 'ct-box';
  box.lang = lang;
  const placeholder = document.createElement('p');
  placeholder.className = 'ct-placeholder';
  placeholder.textContent = LOADING[lang];
  box.append(placeholder, warmFaces());
  root.replaceChildren(sheet, box);
  // The stylesheet, the wasm and a built-in dataset the module does not carry load side by
  // side; the widget is built once they are in.
  const wasmReady = loadWasm(options.lang);
  wasmReady.catch(() => {});
  const builtInReady = options.data ? undefined : builtIn(options.coalition);
  builtInReady?.catch(() => {});
  if (sheet.localName === 'link') await new Promise((done) => { sheet.onload = sheet.onerror = done; });
  let module;
  try {
    module = await wasmReady;
  } catch (error) {
    await failed(host, box, error, (failure) => failure.showStatic(box, lang, stylesheet('static.css')));
    return;
  }
  try {
    const packed = options.data ? await packedData(options.data) : await builtInReady;
    // The module's start, the widget's building and each part of its first drawing go in
    // tasks of their own, not one long one: a slow phone can answer a reader's input between
    // them (Lighthouse's Total Blocking Time). The widget enters the page with its charts drawn.
    await nextTask();
    const widget = new module.Widget(box, { ...options, dataName: options.data, exporter: exporter(box, packed) }, packed);
    try {
      do await nextTask(); while (!widget.show());
    } catch (error) {
      widget.free(); // its listeners and observer go with it
      throw error;
    }
    host.widget = guarded(module, moduleBase(options.lang), widget);
    host.dataset.state = 'ready';
    // A page's first Intl formatter costs some 20 ms (the browser loads its locale data). The
    // widget writes euros and dates itself, so its first drawing needs none; the accessible
    // names of the marks and the details panel then name amounts in other currencies through
    // Intl. Made now, that cost falls after the first chart pixels instead of inside a
    // reader's first click. It comes in two tasks, each shorter than the 12.5 ms a task may
    // take here before Lighthouse's Total Blocking Time counts it: the language's likely
    // subtags (4–7 ms), then the list of locales formatters can use (about 10 ms). Both wait
    // for the frame that shows the charts: a timer set now ran before that frame in 8 of 20
    // traced loads, holding it back by 4–21 ms.
    requestAnimationFrame(() => setTimeout(() => {
      new Intl.Locale(lang).maximize();
      setTimeout(() => new Intl.NumberFormat(lang));
    }));
  } catch (error) {
    // A trap while building: the module's other widgets cannot be trusted either.
    const stopping = trapped(error, moduleBase(options.lang));
    if (stopping) stopAfter(module, error);
    await failed(host, box, error, (failure) => (stopping
      ? failure.showStopped(box, lang)
      : failure.showBadData(box, lang, error)));
  }
}

for (const el of document.querySelectorAll('[data-coalition-tracker]')) {
  if (!('manual' in el.dataset)) mount(el);
}
