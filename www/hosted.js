// What widget.js does with the loader module (the validation and packing of editor-hosted data,
// and the CSV, JSON and PNG downloads), bundled with the loader's glue by `make build`. widget.js
// imports it only when a page shows editor-hosted data or a reader asks for a download: the
// readers of every other page never download these functions (issue 6's weight budget).
import init, { checkSize, exportText, imagePng, packDataset } from './loader/coalition_tracker.js';

/** The loader module, started once; a failed start is tried again by the next request. */
let started;
const loader = () => (started ??= init({ module_or_path: new URL('loader/coalition_tracker_bg.wasm', import.meta.url) })
  .catch((error) => {
    started = undefined;
    throw error;
  }));

/** Offers `href` (a blob or data URL) to the reader as a file named `name`. */
function save(box, name, href) {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  box.append(link);
  link.click();
  link.remove();
}

/** Offers `text` to the reader as a file named `name`. */
function saveText(box, name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  save(box, name, url);
  URL.revokeObjectURL(url);
}

/** Writes a CSV or JSON download, or composes the PNG of the views the widget passes, from the
 * packed editor-hosted data if there is any, else from the bundled dataset the widget names
 * (the arguments after `box` and `packed` are those of the widget's `exporter` call). */
export async function download(box, packed, kind, name, dataset, asOf, lang, dark, canvases, sizes) {
  await loader();
  if (kind === 'png') save(box, name, imagePng(dataset, packed, asOf, lang, dark, canvases, sizes));
  else saveText(box, name, kind === 'csv' ? 'text/csv' : 'application/json', exportText(kind, dataset, packed, asOf, lang));
}

/** Fetches an editor-hosted dataset and returns it validated and packed for the widget. Every
 * failure is an Error a reader can read; invalid data lists every problem, one per line, in the
 * words `coalition validate` uses. A declared size over the limit is refused (by the loader, in
 * the CLI's words) before anything is downloaded. */
export async function packedData(url) {
  await loader();
  let response;
  try {
    response = await fetch(url, { credentials: 'omit' });
  } catch (error) {
    throw new Error(`${url}: could not be fetched (${error.message})`);
  }
  if (!response.ok) throw new Error(`${url}: the server answered ${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get('content-length'));
  if (declared > 0) checkSize(url, declared);
  return packDataset(url, await response.text());
}
