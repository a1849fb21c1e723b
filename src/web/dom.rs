//! Small DOM helpers: creating elements with text, and the failure message.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

/// Creates `<tag class=…>` holding `text` as a text node (never parsed as HTML).
pub fn el(doc: &Document, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    Ok(e)
}

/// Creates an element as [`el`] does and appends it to `parent`.
pub fn child(parent: &Element, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let doc = parent.owner_document().ok_or_else(|| super::error("the element is not in a document"))?;
    let e = el(&doc, tag, class, text)?;
    parent.append_child(&e)?;
    Ok(e)
}

/// The element as an `HtmlElement`, for its style and focus.
pub fn html(e: &Element) -> Result<HtmlElement, JsValue> {
    e.clone().dyn_into::<HtmlElement>().map_err(|_| super::error("not an HTML element"))
}

/// Sets CSS pixel sizes and positions through the CSSOM, which a strict CSP allows.
pub fn place(e: &Element, left: f64, top: f64, width: f64, height: f64) -> Result<(), JsValue> {
    let style = html(e)?.style();
    style.set_property("left", &px(left))?;
    style.set_property("top", &px(top))?;
    style.set_property("width", &px(width))?;
    style.set_property("height", &px(height))
}

/// Offers `href` (a URL as a JS string, which need not pass through wasm memory) to the reader
/// as a file named `name`.
pub fn download(parent: &Element, name: &str, href: &JsValue) -> Result<(), JsValue> {
    let a = child(parent, "a", "", "")?;
    js_sys::Reflect::set(&a, &JsValue::from_str("href"), href)?;
    a.set_attribute("download", name)?;
    html(&a)?.click();
    a.remove();
    Ok(())
}

/// Sets inline styles through the CSSOM. Used for the few declarations the widget cannot work
/// without (overlay positioning), so it works on a page that has not loaded its stylesheet.
pub fn styles(e: &Element, declarations: &[(&str, &str)]) -> Result<(), JsValue> {
    let style = html(e)?.style();
    for (property, value) in declarations {
        style.set_property(property, value)?;
    }
    Ok(())
}

/// A CSS pixel length, formatted without Rust's float formatting (which is large in wasm).
pub fn px(v: f64) -> String {
    format!("{}px", v.round() as i64)
}

/// Replaces the contents of every widget on the page with `message`: widgets in the document
/// and widgets in the shadow roots of script embeds.
pub fn show_failure_everywhere(message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let mut roots: Vec<Element> = elements(doc.query_selector_all(".ct"));
    for host in elements(doc.query_selector_all("[data-coalition-tracker]")) {
        if let Some(shadow) = host.shadow_root() {
            roots.extend(elements(shadow.query_selector_all(".ct")));
        }
    }
    for root in roots {
        if let Ok(p) = el(&doc, "p", "ct-error", message) {
            root.replace_children_with_node_1(&p);
            let _ = root.set_attribute("data-state", "error");
        }
    }
}

fn elements(list: Result<web_sys::NodeList, JsValue>) -> Vec<Element> {
    let Ok(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}
