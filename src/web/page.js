// What the widget module reads from and sets on the page in one call, where doing it from Rust
// would take one call per property: each call crosses the wasm boundary, and each string it
// passes is decoded on the page's side. One file: each snippet is one more module for a page
// that loads the glue unbundled (wasm-bindgen's test runner): with six snippet files its page
// load hung in Chrome in 6 of 30 runs here, with three in none of 60.

/** The options given as text, in the order `Options::read` (widget.rs) takes them. */
const TEXT = ['coalition', 'asOf', 'select', 'theme', 'credit', 'dataName', 'lang'];

/** The values of a host's options object: those of TEXT, then `hash` and `exporter`. An absent,
 * `undefined` or `null` option is not given (`undefined`; `hash` then is false); a value of
 * any other type throws an Error naming the option. */
export function readOptions(options) {
  const read = (key, ok, what) => {
    const value = options?.[key] ?? undefined;
    if (value !== undefined && !ok(value)) throw new Error(`widget options: \`${key}\` must be ${what}`);
    return value;
  };
  return [
    ...TEXT.map((key) => read(key, (v) => typeof v === 'string', 'text')),
    read('hash', (v) => typeof v === 'boolean', 'true or false') ?? false,
    read('exporter', (v) => typeof v === 'function', 'a function'),
  ];
}

/** The page's URL fragment, with its `#` (widget.rs restores the view it names). */
export function fragment() {
  return location.hash;
}

/** Puts `fragment` into the page's URL, without a new history entry. */
export function setFragment(fragment) {
  history.replaceState(null, '', fragment);
}

/** The page's address with `fragment` in place of its own. */
export function pageLink(fragment) {
  return location.href.split('#')[0] + fragment;
}

/** Puts `text` on the clipboard, then writes into `status` `copied` once the browser has, or
 * `toCopy` (the link, for the reader to copy by hand) where it refuses or the page has no
 * clipboard (a page not served over HTTPS has none). The status is emptied meanwhile, so that a
 * second copy is announced again. */
export function copyText(text, status, copied, toCopy) {
  const show = (ok) => { status.textContent = ok ? copied : toCopy; };
  status.textContent = '';
  if (!navigator.clipboard) return show(false);
  navigator.clipboard.writeText(text).then(() => show(true), () => show(false));
}

/** The page's window, or `undefined` outside one (dom.rs's `window`). */
export function pageWindow() {
  return typeof window === 'undefined' ? undefined : window;
}

/** Sets `context`'s fill and stroke colour to `rgb` (0xrrggbb) and its alpha to `alpha`
 * (canvas.rs: the colour crossed twice as "#rrggbb" before). */
export function paint(context, rgb, alpha) {
  context.fillStyle = context.strokeStyle = `#${(rgb | 0x1000000).toString(16).slice(1)}`;
  context.globalAlpha = alpha;
}

/** Anchors `context`'s text: `v` 0, 1, 2 for the top, middle, bottom, `h` for the start,
 * centre, end (canvas.rs). */
export function anchor(context, v, h) {
  context.textBaseline = ['top', 'middle', 'bottom'][v];
  context.textAlign = ['start', 'center', 'end'][h];
}

/** Appends to `parent` a new `<tag>` of class `cls` holding `text` as a text node (never parsed
 * as HTML), with no class or text where those are empty, and returns it (dom.rs). */
export function child(parent, tag, cls, text) {
  const e = parent.ownerDocument.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  parent.append(e);
  return e;
}

/** Replaces `e`'s inline style with the declarations `css`, through the CSSOM (dom.rs). */
export function styles(e, css) {
  e.style.cssText = css;
}

/** Sets `e`'s inline left, top, width and height to the numbers given, in whole CSS pixels
 * (dom.rs). */
export function place(e, left, top, width, height) {
  const style = e.style;
  style.left = `${Math.round(left)}px`;
  style.top = `${Math.round(top)}px`;
  style.width = `${Math.round(width)}px`;
  style.height = `${Math.round(height)}px`;
}

/** Appends to `parent` the button of mark `i` (widget.rs): transparent, exactly over its mark
 * once placed. */
export function markButton(parent, i) {
  const button = child(parent, 'button', 'ct-mark', '');
  button.type = 'button';
  button.dataset.i = i;
  styles(button, 'position:absolute;margin:0;padding:0;border:0;background:transparent;cursor:pointer');
  return button;
}

/** Sets whether a mark's `button` is pressed and whether it is its view's tab stop. */
export function press(button, pressed, stop) {
  button.setAttribute('aria-pressed', pressed);
  button.tabIndex = stop ? 0 : -1;
}
