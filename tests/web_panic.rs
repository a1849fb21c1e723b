//! What happens after a panic, in its own wasm instance (a stopped graphic stays stopped): the
//! panic hook's `stop` replaces every widget, in the page and in shadow roots, with a message,
//! and no later click, key, method call or frame draws again.

#![cfg(target_arch = "wasm32")]

mod common;

use coalition_tracker::web::{stop, Widget};
use common::next_frame;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, MouseEvent, MouseEventInit};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn after_the_panic_hook_every_widget_shows_a_message_and_never_draws_again() {
    let document = web_sys::window().unwrap().document().unwrap();
    let plain = document.create_element("div").unwrap();
    plain.unchecked_ref::<HtmlElement>().style().set_property("width", "800px").unwrap();
    document.body().unwrap().append_child(&plain).unwrap();
    let host = document.create_element("div").unwrap();
    host.set_attribute("data-coalition-tracker", "").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).unwrap();
    let boxed = document.create_element("div").unwrap();
    shadow.append_child(&boxed).unwrap();
    let first = Widget::new(plain.clone(), wasm_bindgen::JsValue::UNDEFINED, None).unwrap();
    let second = Widget::new(boxed.clone(), wasm_bindgen::JsValue::UNDEFINED, None).unwrap();
    for widget in [&first, &second] {
        while !widget.show().unwrap() {}
    }
    next_frame().await;

    stop("a test runs what the panic hook runs");

    for root in [plain.query_selector(".ct").unwrap().unwrap(), boxed.query_selector(".ct").unwrap().unwrap()] {
        assert_eq!(root.get_attribute("data-state").as_deref(), Some("error"));
        assert_eq!(root.text_content().unwrap(), "The graphic stopped working. Reload the page to see it again.");
    }
    // A click where the map was, a key, and the API: nothing draws or comes back.
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x(40);
    init.set_client_y(200);
    let click = MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    plain.query_selector(".ct").unwrap().unwrap().dispatch_event(&click).unwrap();
    assert!(first.select(Some("DK".into())).is_err());
    assert!(first.set_as_of("2024-02-01").is_err());
    next_frame().await;
    next_frame().await;
    let root = plain.query_selector(".ct").unwrap().unwrap();
    assert_eq!(root.get_attribute("data-state").as_deref(), Some("error"));
    assert_eq!(root.query_selector_all("canvas").unwrap().length(), 0, "no chart came back");
    assert_eq!(root.text_content().unwrap(), "The graphic stopped working. Reload the page to see it again.");
}
