//! Small DOM helpers: creating elements with text, styles and places.
//!
//! The helpers that build the widget never fail: a DOM call that the browser refuses (it
//! cannot, for the widget's own literal tag and attribute names, on elements it has just
//! made) is recorded and reported by the next [`check`]. A `?` after each of the hundred calls
//! made the compiler write out, at each, the release of every element made before it: 1.7 KB
//! of the widget's 15.5 KB constructor.

use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

use crate::details::{Line, DATA_LANG};
use crate::i18n::Lang;
use crate::money::int;

/// Set when a DOM call failed since the last [`check`]. The page is single-threaded and each
/// build or redraw checks before it returns, so one flag serves every widget on the page.
static FAILED: AtomicBool = AtomicBool::new(false);

/// `r`'s value, or `None` with the failure recorded for [`check`].
fn noted<T>(r: Result<T, JsValue>) -> Option<T> {
    r.map_err(|e| {
        web_sys::console::error_1(&e);
        FAILED.store(true, Ordering::Relaxed);
    })
    .ok()
}

/// An error if a DOM call failed since the last check; clears the record.
pub fn check() -> Result<(), JsValue> {
    if FAILED.swap(false, Ordering::Relaxed) {
        return Err(super::error("the browser refused to build the graphic's page elements"));
    }
    Ok(())
}

/// Setting attributes, with a failure recorded for [`check`] instead of returned.
pub trait Attr {
    /// Sets attribute `name` to `value`.
    fn attr(&self, name: &str, value: &str);
}

impl Attr for Element {
    fn attr(&self, name: &str, value: &str) {
        noted(self.set_attribute(name, value));
    }
}

/// Appends to `parent` a new `<tag class=…>` holding `text` as a text node (never parsed as
/// HTML), or with no class or text where those are empty, and returns it. If the browser
/// refuses, the failure is recorded for [`check`] and `parent` itself is returned, so that
/// building goes on harmlessly until the check.
pub fn child(parent: &Element, tag: &str, class: &str, text: &str) -> Element {
    noted(append_child(parent, tag, class, text)).unwrap_or_else(|| parent.clone())
}

/// Appends `line` to `parent` as a new `<tag class=…>`, as [`child`] does. In a widget whose
/// language is not the dataset's, what the line quotes from the dataset says its language, so
/// that a screen reader switches voice for it: a line quoted whole in its element's `lang`, a
/// stretch of a line in a `<span lang=…>` of its own.
pub fn line(parent: &Element, tag: &str, class: &str, line: &Line, lang: Lang) -> Element {
    let marked = !line.quoted.is_empty() && !lang.is_data_language();
    if !marked || line.is_data() {
        let el = child(parent, tag, class, &line.text);
        if marked {
            el.attr("lang", DATA_LANG);
        }
        return el;
    }
    let el = child(parent, tag, class, "");
    let mut at = 0;
    for &(start, end) in &line.quoted {
        span(&el, line, at, start, false);
        span(&el, line, start, end, true);
        at = end;
    }
    span(&el, line, at, line.text.len(), false);
    el
}

/// Appends to `el` a `<span>` of `line`'s text from byte `from` to `to`, if that is not empty,
/// in the dataset's language if `quoted`.
fn span(el: &Element, line: &Line, from: usize, to: usize, quoted: bool) {
    if let Some(text) = line.text.get(from..to).filter(|t| !t.is_empty()) {
        let span = child(el, "span", "", text);
        if quoted {
            span.attr("lang", DATA_LANG);
        }
    }
}

/// The element as an `HtmlElement`, for its style and focus. Only for the widget's own elements,
/// which are HTML elements: the widget is built only in a document that makes them (see
/// `Inner::build`), and all its elements are made in that document.
pub fn html(e: &Element) -> &HtmlElement {
    e.unchecked_ref()
}

#[wasm_bindgen(module = "/src/web/page.js")]
extern "C" {
    /// Makes the element [`child`] appends, in one call: made from Rust, each element took five
    /// calls across the wasm boundary (its document, the element, its class, its text, the
    /// append), some 300 of the 640 calls that build the widget.
    #[wasm_bindgen(catch, js_name = child)]
    fn append_child(parent: &Element, tag: &str, class: &str, text: &str) -> Result<Element, JsValue>;

    /// Sets an element's whole inline style (see [`styles`]) in one call, not four.
    #[wasm_bindgen(catch, js_name = styles)]
    fn set_styles(e: &Element, css: &str) -> Result<(), JsValue>;

    /// Sets an element's inline `left`, `top`, `width` and `height` in whole CSS pixels, through
    /// the CSSOM, which a strict CSP allows. The four numbers cross to the page in one call: as
    /// strings, each crossed in a call of its own, and a slider step can move dozens of buttons.
    pub fn place(e: &Element, left: f64, top: f64, width: f64, height: f64);

    /// The page's window (`None` outside one, in a worker): one call, where web-sys's `window()`
    /// tries four globals in turn and then asks whether the one found is a `Window`.
    #[wasm_bindgen(js_name = pageWindow)]
    pub fn window() -> Option<web_sys::Window>;
}

/// Gives a new element its inline style, `css` (declarations as in a `style` attribute), through
/// the CSSOM, which a strict CSP allows (a `style` attribute it refuses). Used for the few
/// declarations the widget cannot work without (overlay positioning), so it works on a page that
/// has not loaded its stylesheet. It replaces any inline style the element had.
pub fn styles(e: &Element, css: &str) {
    noted(set_styles(e, css));
}

/// A CSS pixel length, formatted without Rust's float formatting or `core::fmt` (large in wasm).
pub fn px(v: f64) -> String {
    int(v.round() as i64) + "px"
}
