//! The only module that touches the browser. The widget reads its bundled dataset from the
//! packed form `build.rs` validated (see [`crate::codec`]); an editor-hosted file goes through
//! the separate loader module first, which validates it with the CLI's code and packs it. Data
//! reaches the page only as text nodes.
//!
//! Two wasm modules are built from this crate: the widget (feature `widget`, the default) and
//! the loader (feature `loader`), so readers of a page with the bundled data never download
//! the validator.

#[cfg(feature = "bench")]
mod bench;
#[cfg(feature = "widget")]
mod canvas;
#[cfg(feature = "widget")]
mod dom;
#[cfg(feature = "widget")]
mod events;
#[cfg(feature = "loader")]
mod image;
#[cfg(any(feature = "widget", feature = "loader"))]
mod intl;
#[cfg(feature = "loader")]
mod loader;
#[cfg(feature = "widget")]
mod widget;

use wasm_bindgen::prelude::*;

use crate::date::Date;
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::text::{cat, join};

/// The widget module's allocator, in what every reader loads first: lol_alloc's free list, a
/// fraction of talc's code (0.6 KB less of the module, gzipped) and as fast here (redraws, and
/// date changes on a dataset of 35,000 contributions). It searches its list of free blocks on
/// each call, a list the widget's allocations, short-lived but for the dataset's, keep short.
///
/// Only where wasm has no threads (no `atomics`), as `AssumeSingleThreaded` requires; a build
/// with them gets the standard library's allocator instead.
#[cfg(all(feature = "widget", not(feature = "loader"), not(target_feature = "atomics")))]
#[global_allocator]
// SAFETY: without the `atomics` target feature a wasm module runs on one thread only, so the
// allocator is never entered from two threads at once.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// The loader's (and the benchmark module's) allocator: talc, smaller and faster in wasm than
/// the standard library's dlmalloc. An editor's file of up to 5 MB is validated and packed with
/// many more allocations than the widget makes, and a page showing one of 35,000 contributions
/// was ready 0.2 s sooner with talc than with the widget's free list.
#[cfg(feature = "loader")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(feature = "bench")]
pub use bench::Bench;
#[cfg(feature = "loader")]
pub use loader::{export_text, image_png, pack_dataset, summary};
#[cfg(feature = "widget")]
pub use widget::Widget;

/// Reports any panic to the console and replaces every widget on the page with a readable
/// message: after a panic the wasm instance cannot be trusted to draw again.
///
/// Only in builds that keep panic messages (the browser tests). The modules readers load are
/// built with `panic=immediate-abort` (see the Makefile), which drops every panic message and
/// the formatting behind it; there a panic is a wasm trap, and `web/events.js` (for a trap in
/// an event) or `www/widget.js` (for one in a host's call) runs [`stop`].
#[cfg(all(feature = "widget", not(panic = "immediate-abort")))]
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| stop(&format!("coalition-tracker panicked: {info}"))));
}

/// Set once the graphic has stopped: no handler, method or frame draws after that.
#[cfg(feature = "widget")]
static STOPPED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the graphic has stopped after a panic.
#[cfg(feature = "widget")]
pub(crate) fn stopped() -> bool {
    STOPPED.load(std::sync::atomic::Ordering::Relaxed)
}

/// What the panic hook does: logs `log`, stops every widget from drawing again (a later click
/// or frame would otherwise draw into a half-updated state), and replaces each with a message.
/// Public so that a test can run exactly this without having to cause a panic, and exported
/// so that `www/widget.js` can run it after a trap, or after a browser call threw inside a
/// host's call to the widget. `events.js` runs it too (through the handler's `Fail`) when a
/// trap or a thrown browser call escapes the widget's handler.
#[cfg(feature = "widget")]
#[wasm_bindgen]
pub fn stop(log: &str) {
    // Once only: a trap in an event reaches both events.js and widget.js's page-wide listener.
    if STOPPED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    web_sys::console::error_1(&JsValue::from_str(log));
    // The module's first language: the modules readers load carry one language each.
    events::fail_everywhere(Lang::DEFAULT.words().stopped);
}

/// A JS `Error` with `message`.
pub(crate) fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

/// Reads the bundled dataset `id`, or explains why it cannot.
pub(crate) fn bundled_dataset(id: &str) -> Result<Dataset, JsValue> {
    let bundled = crate::bundled::find(id).ok_or_else(|| {
        let known: Vec<&str> = crate::bundled::BUNDLED.iter().map(|b| b.id).collect();
        error(cat(&["no built-in dataset \"", id, "\"; built in: ", &join(&known, ", ")]))
    })?;
    let packed = bundled.packed.ok_or_else(|| {
        error(cat(&["\"", id, "\" is not in this module: www/widget.js fetches it from data/", id, ".bin"]))
    })?;
    crate::codec::unpack(packed).map_err(|e| error(cat(&[bundled.file, ": ", &e.message()])))
}

/// The language `code` names, or an error naming the languages this module is built with
/// (`www/widget.js` loads the widget module of the language a page asks for).
pub(crate) fn language(code: &str) -> Result<Lang, JsValue> {
    Lang::parse(code).ok_or_else(|| {
        let built: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        error(cat(&["language \"", code, "\" is not ", &join(&built, " or ")]))
    })
}

/// The date to show: `as_of` if given (YYYY-MM-DD), else the dataset's own last date.
pub(crate) fn as_of_date(ds: &Dataset, as_of: Option<String>) -> Result<Date, JsValue> {
    match as_of.as_deref().map(|t| t.trim_matches(|c: char| c.is_ascii_whitespace())).filter(|t| !t.is_empty()) {
        Some(text) => Date::parse(text).map_err(error),
        None => Ok(ds.coalition.as_of),
    }
}
