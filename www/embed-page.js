// embed.html: the widget alone, for an iframe. Options come from URL parameters
// (coalition, as-of, select, theme, lang, credit, data, id); the view is kept in the URL fragment.
// The page reports its height to the parent in the formats existing receivers understand:
// Datawrapper's {"datawrapper-height": {"<id>": px}} and AMP's embed-size request.
import * as glue from './pkg/coalition_tracker.js';
import { carryGlue, inlineSheet, mount, stylesheet } from './widget.js';

// The widget module's glue comes in this script (bundled by `make build`), not in a request of
// its own.
carryGlue(glue, import.meta.url);

const params = new URLSearchParams(location.search);
const get = (name) => params.get(name) ?? undefined;
const host = document.querySelector('[data-coalition-tracker]');
const id = get('id') || 'coalition-tracker';

// The page's rules come inline (`<style id="ct-css">`, as `make build` writes the page); under a
// host's CSP that does not allow them by their hash, from widget.css instead.
if (!inlineSheet()) document.head.append(stylesheet('widget.css'));

let last = 0;
function reportHeight() {
  if (window.parent === window) return;
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last) return;
  last = height;
  window.parent.postMessage({ 'datawrapper-height': { [id]: height } }, '*');
  window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
}

// The observer reports every height the page takes, the widget's, its message or its static
// version's, once laid out for a frame: reading the height in a task of the widget's own
// would lay the page out there, inside the start's longest task.
new ResizeObserver(reportHeight).observe(document.documentElement);
// The page's title, which names it in tabs and to a screen reader in an iframe without a title
// of its own, is then the graphic's: in the reader's language, for the coalition it shows.
mount(host, {
  coalition: get('coalition'), asOf: get('as-of'), select: get('select'), theme: get('theme'),
  credit: get('credit'), data: get('data'), lang: get('lang'), hash: true,
}).then(() => {
  const title = host.shadowRoot.querySelector('.ct-title');
  if (title) document.title = title.textContent;
});
