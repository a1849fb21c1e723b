//! The only module that touches the browser. It loads a bundled dataset through the browser's
//! own `JSON.parse` (so no JSON parser ships in the wasm), validates it with the same code as
//! the CLI, and runs the interactive widget. Data reaches the page only as text nodes.

mod dom;
mod intl;
mod widget;

use wasm_bindgen::prelude::*;

use crate::date::Date;
use crate::model::Dataset;
use crate::raw::RawDataset;
use crate::summary::summarise;
use crate::validate::validate;

pub use widget::Widget;

/// Reports any panic to the console and replaces every widget on the page with a readable
/// message: after a panic the wasm instance cannot be trusted to draw again.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("coalition-tracker panicked: {info}")));
        dom::show_failure_everywhere("The graphic stopped working. Reload the page to see it again.");
    }));
}

/// A JS `Error` with `message`.
pub(crate) fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

/// Loads and validates the bundled dataset `id`, or explains why it cannot.
pub(crate) fn bundled_dataset(id: &str) -> Result<Dataset, JsValue> {
    let bundled = crate::bundled::find(id).ok_or_else(|| {
        let known: Vec<&str> = crate::bundled::BUNDLED.iter().map(|b| b.id).collect();
        error(format!("no built-in dataset \"{id}\"; built in: {}", known.join(", ")))
    })?;
    dataset_from_value(bundled.file, js_sys::JSON::parse(bundled.json)?)
}

/// Reads and validates a dataset the browser has already parsed from JSON (the form
/// `coalition export --json` writes), with the CLI's messages: one per line, naming `file`,
/// the record and the field.
pub(crate) fn dataset_from_value(file: &str, value: JsValue) -> Result<Dataset, JsValue> {
    let raw: RawDataset = serde_wasm_bindgen::from_value(value).map_err(|e| error(format!("{file}: {e}")))?;
    validate(file, &raw).map(|loaded| loaded.dataset).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        error(lines.join("\n"))
    })
}

/// The date to show: `as_of` if given (YYYY-MM-DD), else the dataset's own last date.
pub(crate) fn as_of_date(ds: &Dataset, as_of: Option<String>) -> Result<Date, JsValue> {
    match as_of.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => Date::parse(text).map_err(error),
        None => Ok(ds.coalition.as_of),
    }
}

/// The summary of a bundled dataset as a plain JS object (the same shape as
/// `coalition summary --json`).
#[wasm_bindgen]
pub fn summary(coalition: &str, as_of: Option<String>) -> Result<JsValue, JsValue> {
    let ds = bundled_dataset(coalition)?;
    let date = as_of_date(&ds, as_of)?;
    serde_wasm_bindgen::to_value(&summarise(&ds, date)).map_err(|e| error(e.to_string()))
}
