// The widget's event wiring, imported by the wasm module (web/events.rs). Every DOM event, frame
// and timer reaches the module through one function, `handle(kind, view, mark, x, y, flag, key)`,
// so the module carries one closure instead of one per listener: about 4 KB less of it, gzipped.
// The kinds are `Kind` in web/events.rs; a kind's number is its place in KINDS here.

const KINDS = ['move', 'down', 'leave', 'click', 'key', 'focusin', 'focusout', 'download', 'toggle', 'copy',
  'slide', 'resize', 'scheme', 'frame', 'timer', 'fail'];
const VIEWS = ['map', 'bars', 'timeline'];
// The kinds the page causes, not the reader: only these run before the split-off part is in.
const PAGE = ['resize', 'scheme', 'frame'];

// `make build` splits the code that only a reader's interaction runs (the handling of the
// reader's own events, the details of a selection, the table view) off the widget module that
// every reader loads, into `coalition_tracker_more.wasm` beside its glue (this file is bundled
// into the glue), which links to the module's exports (see scripts/split-module.py). A split
// module exports its function table as `table`; a module built whole (wasm-pack's tests) does not,
// and needs nothing more. `more` is undefined, then the promise of the part, then true.
let MORE = new URL('coalition_tracker_more.wasm', import.meta.url);
let more;
// The part's compiled module, whose custom sections bring what the module leaves out: `ct-texts`,
// the default dataset's texts (codec::split_texts in the crate), and `ct-words`, the details
// panel's words (i18n::PanelWords).
let part;
const fetchMore = (exports) => new Promise((resolve, reject) => {
  // Not `fetch`, which a host page's scripts may have replaced.
  const request = new XMLHttpRequest();
  request.open('GET', MORE);
  request.responseType = 'arraybuffer';
  // A network error ends with status 0.
  request.onload = request.onerror = () => (request.status === 200 ? resolve(request.response) : reject(Error(MORE)));
  request.send();
}).then((bytes) => WebAssembly.instantiate(bytes, { primary: exports }))
  .then(({ module }) => { part = module; });

/** Has the split-off part fetched from `url`: the glue embed.html's script carries is not
 * beside it (see `carryGlue` in www/widget.js). */
export function placeMore(url) {
  MORE = url;
}

/** Wires the widget under `root` to `handle`; returns what the module asks of the page:
 * `frame()` (one call of kind `frame` on the next animation frame, however often asked),
 * `later(ms, timer)` (a call of kind `timer` after `ms`, replacing that timer's pending one),
 * `more()` (whether the module's split-off part is in; if not, it is fetched and a frame follows
 * its arrival), `section(name)` (that custom section of the split-off part, empty if none) and `stop()`
 * (removes every listener and pending call; the module then drops `handle`). */
export function wire(root, handle, exports) {
  const abort = new AbortController();
  // True if the split-off part is in; if not, fetches it (once) and calls `then` on its arrival.
  const ready = (then) => {
    if (!exports.table || more === true) return true;
    more ??= fetchMore(exports).then(() => { more = true; }, (error) => { more = undefined; throw error; });
    more.then(then, console.error);
    return false;
  };
  const call = (kind, view = -1, mark = -1, x = 0, y = 0, flag = false, key = undefined) => {
    if (abort.signal.aborted) return false;
    // The reader's own events and the timers they set run split-off code: they wait for it.
    if (!PAGE.includes(kind) && !ready(() => call(kind, view, mark, x, y, flag, key))) {
      return false;
    }
    try {
      return handle(KINDS.indexOf(kind), view, mark, x, y, flag, key);
    } catch (error) {
      // A trap, or a browser call that threw inside the module and unwound through it, leaves
      // its state half-changed: the module stops the graphic with a message, then the error
      // goes on to the page as before.
      handle(KINDS.indexOf('fail'), -1, -1, 0, 0, false, String(error));
      throw error;
    }
  };
  const on = (target, type, listener) => target.addEventListener(type, listener, { signal: abort.signal });
  // The mark button an event came from, by its place among its view's marks.
  const mark = (e) => Number(e.target.closest?.('.ct-mark')?.dataset.i ?? -1);
  for (const section of root.querySelectorAll('[data-view]')) {
    const view = VIEWS.indexOf(section.dataset.view);
    const touch = (e) => e.pointerType === 'touch';
    on(section, 'pointermove', (e) => call('move', view, mark(e), e.clientX, e.clientY, touch(e)));
    on(section, 'pointerdown', (e) => call('down', view, -1, 0, 0, touch(e)));
    on(section, 'pointerleave', () => call('leave', view));
    // `detail` is 0 for a click made with the keyboard, which never clears the selection.
    on(section, 'click', (e) => call('click', view, mark(e), e.clientX, e.clientY, e.detail > 0));
    on(section, 'keydown', (e) => { if (call('key', view, mark(e), 0, 0, false, e.key)) e.preventDefault(); });
    on(section, 'focusin', (e) => call('focusin', view, mark(e)));
    on(section, 'focusout', () => call('focusout', view));
  }
  for (const button of root.querySelectorAll('.ct-download')) {
    on(button, 'click', () => call('download', -1, -1, 0, 0, false, button.dataset.download));
  }
  const toggle = root.querySelector('.ct-view-toggle');
  if (toggle) on(toggle, 'click', () => call('toggle'));
  const copy = root.querySelector('.ct-copy');
  if (copy) on(copy, 'click', () => call('copy'));
  const slider = root.querySelector('.ct-slider');
  if (slider) on(slider, 'input', () => call('slide', -1, -1, Number(slider.value)));
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  on(scheme, 'change', () => call('scheme'));
  const resize = new ResizeObserver((entries) => call('resize', -1, -1, entries[0].contentRect.width));
  resize.observe(root);

  let frame = 0;
  const timers = [];
  const requestFrame = () => {
    frame ||= requestAnimationFrame(() => { frame = 0; call('frame'); });
  };
  return {
    frame: requestFrame,
    more: () => ready(requestFrame),
    section: (name) => new Uint8Array((part && WebAssembly.Module.customSections(part, name)[0]) ?? 0),
    later(ms, timer) {
      clearTimeout(timers[timer]);
      timers[timer] = setTimeout(() => call('timer', -1, timer), ms);
    },
    stop() {
      abort.abort();
      resize.disconnect();
      cancelAnimationFrame(frame);
      timers.forEach(clearTimeout);
    },
  };
}

/** Replaces every widget on the page, in the document and in the shadow roots of script embeds,
 * with `message` (see `stop` in web/mod.rs). */
export function failEverywhere(message) {
  const roots = [...document.querySelectorAll('.ct')];
  for (const host of document.querySelectorAll('[data-coalition-tracker]')) {
    roots.push(...(host.shadowRoot?.querySelectorAll('.ct') ?? []));
  }
  for (const root of roots) {
    const p = document.createElement('p');
    p.className = 'ct-error';
    p.textContent = message;
    root.replaceChildren(p);
    root.dataset.state = 'error';
  }
}
