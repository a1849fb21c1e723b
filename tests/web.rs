//! The core and the web module in real browsers (headless Chrome and Firefox via wasm-pack).
#![cfg(target_arch = "wasm32")]

use coalition_tracker::web::{mount, summary};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn the_bundled_dataset_summarises_in_the_browser() {
    let s = summary("it-coalition", Some("2024-06-01".into())).unwrap();
    assert_eq!(get(&s, "member_count").as_f64(), Some(12.0));
    assert_eq!(get(&s, "reported_total_eur").as_f64(), Some(58_000_000.0));
    assert_eq!(get(&s, "itemised_eur").as_f64(), Some(54_697_770.09));
    let parties = js_sys::Array::from(&get(&s, "parties"));
    let spain = parties.iter().find(|p| get(p, "code").as_string().as_deref() == Some("ES")).unwrap();
    assert_eq!(get(&spain, "role").as_string().as_deref(), Some("intending"));
}

#[wasm_bindgen_test]
fn the_drone_coalition_is_built_in_too() {
    let s = summary("drones-ew", None).unwrap();
    assert_eq!(get(&s, "member_count").as_f64(), Some(4.0));
}

#[wasm_bindgen_test]
fn bad_requests_are_errors_not_panics() {
    let unknown = summary("no-such", None).unwrap_err();
    let message = js_sys::Error::from(unknown).message().as_string().unwrap();
    assert!(message.contains("no built-in dataset \"no-such\""), "{message}");
    let bad_date = summary("it-coalition", Some("2024-02-30".into())).unwrap_err();
    assert!(js_sys::Error::from(bad_date).message().as_string().unwrap().contains("29 days"));
}

#[wasm_bindgen_test]
fn mount_writes_members_and_totals_as_text() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let container = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&container).unwrap();
    mount(&container, "it-coalition", Some("2024-06-01".into())).unwrap();
    let text = container.text_content().unwrap();
    assert!(text.contains("12 members · €58 million reported · as of 1 June 2024"), "{text}");
    let members = container.query_selector_all("section[data-role=member] li").unwrap();
    assert_eq!(members.length(), 10);
    let nl = container.query_selector("li[data-code=NL]").unwrap().unwrap();
    assert_eq!(nl.text_content().unwrap(), "Netherlands — since 23 January 2024");
    assert!(text.contains("Denmark — €12.2 million"), "{text}");
    assert!(text.contains("Pooled: LU, IS, EE, BE — €22 million together, split not reported"), "{text}");

    mount(&container, "it-coalition", Some("2024-01-22".into())).unwrap();
    assert!(container.query_selector("li[data-code=NL]").unwrap().is_none(), "not a member before 23 January 2024");
    container.remove();
}
