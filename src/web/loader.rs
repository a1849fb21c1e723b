//! The loader module's exports: what an editor-hosted dataset needs before the widget can show
//! it. The file's text is read by the CLI's own JSON reader and checked by the CLI's own
//! validation, so a reader sees exactly the messages `coalition validate` gives an editor; the
//! result is packed for the widget, or is an error listing every problem, one per line, naming
//! the file, the record and the field.

use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use super::image;
use super::intl::IntlFmt;
use super::{as_of_date, bundled_dataset, error, language};
use crate::date::Date;
use crate::export;
use crate::i18n::{Lang, Locale};
use crate::load::{check_size, load, Format};
use crate::model::Dataset;
use crate::summary::summarise;
use crate::validate::Problem;

/// Validates a dataset's JSON text (the form `coalition export --json` writes) and packs it
/// for `new Widget(container, options, packed)`. `file` names it in messages.
#[wasm_bindgen(js_name = packDataset)]
pub fn pack_dataset(file: &str, text: &str) -> Result<Vec<u8>, JsValue> {
    let loaded =
        check_size(file, text.len()).and_then(|()| load(file, text.as_bytes(), Format::Json)).map_err(listed)?;
    Ok(crate::codec::pack(&loaded.dataset))
}

/// Refuses a file of `bytes` bytes over the CLI's limit, with the CLI's message, so a page can
/// refuse a declared size before downloading the file.
#[wasm_bindgen(js_name = checkSize)]
pub fn check_file_size(file: &str, bytes: f64) -> Result<(), JsValue> {
    check_size(file, bytes as usize).map_err(listed)
}

/// One JS `Error` listing every problem, one per line, as `coalition validate` prints them.
fn listed(problems: Vec<Problem>) -> JsValue {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    error(lines.join("\n"))
}

/// The summary of a bundled dataset as a plain JS object (the same shape as
/// `coalition summary --json`).
#[wasm_bindgen]
pub fn summary(coalition: &str, as_of: Option<String>) -> Result<JsValue, JsValue> {
    let ds = bundled_dataset(coalition)?;
    let date = as_of_date(&ds, as_of)?;
    serde_wasm_bindgen::to_value(&summarise(&ds, date)).map_err(|e| error(e.to_string()))
}

/// A reader's download of the contributions shown on `as_of`: `kind` is `csv` or `json`, in the
/// words of `lang` (`en` or `uk`). The dataset is `packed` (as `packDataset` returned it) if
/// given, else the bundled dataset `coalition`. Here rather than in the widget module, which
/// every reader downloads, because only a reader who asks for a file needs the serialisers.
#[wasm_bindgen(js_name = exportText)]
pub fn export_text(
    kind: &str,
    coalition: &str,
    packed: Option<Vec<u8>>,
    as_of: &str,
    lang: &str,
) -> Result<String, JsValue> {
    let (ds, date, lang) = download_of(coalition, packed, as_of, lang)?;
    let intl = IntlFmt::new(lang);
    let loc = Locale::new(lang, &intl);
    match kind {
        "csv" => Ok(export::csv(&ds, date, &loc)),
        "json" => serde_json::to_string_pretty(&export::download(&ds, date, &loc)).map_err(|e| error(e.to_string())),
        other => Err(error(format!("no download of kind \"{other}\""))),
    }
}

/// A reader's image download: the widget's `canvases` (map, bars, timeline) as drawn, with
/// `sizes` their CSS widths and heights in turn, under the title and the dek of `as_of` and
/// over the sources, as a PNG data URL. `dark` picks the palette the views were drawn with;
/// the other arguments are those of [`export_text`].
#[wasm_bindgen(js_name = imagePng)]
pub fn image_png(
    coalition: &str,
    packed: Option<Vec<u8>>,
    as_of: &str,
    lang: &str,
    dark: bool,
    canvases: Vec<HtmlCanvasElement>,
    sizes: Vec<f64>,
) -> Result<JsValue, JsValue> {
    // Checked first: a dataset is unpacked for nothing when the call cannot be drawn.
    if sizes.len() != 2 * canvases.len() {
        return Err(error("imagePng: give a width and a height for each canvas"));
    }
    let (ds, date, lang) = download_of(coalition, packed, as_of, lang)?;
    let views: Vec<_> = canvases.into_iter().zip(sizes.chunks_exact(2)).map(|(c, s)| (c, s[0], s[1])).collect();
    let intl = IntlFmt::new(lang);
    image::png(&ds, date, &Locale::new(lang, &intl), dark, &views)
}

/// The dataset, date and language a download names.
fn download_of(
    coalition: &str,
    packed: Option<Vec<u8>>,
    as_of: &str,
    lang: &str,
) -> Result<(Dataset, Date, Lang), JsValue> {
    let ds = match packed {
        Some(bytes) => crate::codec::unpack(&bytes).map_err(|e| error(e.message()))?,
        None => bundled_dataset(coalition)?,
    };
    Ok((ds, Date::parse(as_of).map_err(error)?, language(lang)?))
}
