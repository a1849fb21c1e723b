//! The widget in real browsers (headless Chrome and Firefox via wasm-pack): mounted in a test
//! page, driven by dispatched pointer and keyboard events, checked by selection state, panel
//! text, accessible names and canvas pixels.
#![cfg(target_arch = "wasm32")]

mod common;

use coalition_tracker::web::{export_text, image_png, pack_dataset, summary, Widget};
use common::next_frame;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{
    CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement, HtmlInputElement, KeyboardEvent,
    KeyboardEventInit, MouseEvent, MouseEventInit, PointerEvent, PointerEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container of `width` CSS px, in the document.
fn container(width: u32) -> Element {
    let container = document().create_element("div").unwrap();
    container.unchecked_ref::<HtmlElement>().style().set_property("width", &format!("{width}px")).unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    container
}

/// Mounts a widget in a fresh container of `width` CSS px; resolves once it has drawn everything.
async fn mount(width: u32, as_of: &str) -> (Element, Widget) {
    mount_with(width, &[("asOf", as_of.into())]).await
}

/// Mounts a widget with these options in a fresh container of `width` CSS px; resolves once it
/// has drawn everything.
async fn mount_with(width: u32, options: &[(&str, JsValue)]) -> (Element, Widget) {
    let container = container(width);
    let object = js_sys::Object::new();
    for (key, value) in options {
        js_sys::Reflect::set(&object, &(*key).into(), value).unwrap();
    }
    let widget = Widget::new(container.clone(), object.into(), None).unwrap();
    while !widget.show().unwrap() {}
    ready(&container).await;
    (container, widget)
}

/// The `data-state` of the widget in `container`.
fn state(container: &Element) -> Option<String> {
    container.query_selector(".ct").unwrap()?.get_attribute("data-state")
}

/// Resolves once the widget in `container` has drawn everything: the timeline and the marks'
/// buttons come a few frames after the mount.
async fn ready(container: &Element) {
    for _ in 0..4 {
        next_frame().await;
        if state(container).as_deref() == Some("ready") {
            return;
        }
    }
    panic!("the widget was not ready after 4 frames");
}

/// The mark button whose accessible name starts with `name`.
fn mark(container: &Element, view: &str, name: &str) -> HtmlElement {
    let buttons = container.query_selector_all(&format!("[data-view={view}] .ct-mark")).unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| b.get_attribute("aria-label").is_some_and(|l| l.starts_with(name)))
        .unwrap_or_else(|| panic!("no {view} mark named {name}"))
}

fn center(el: &Element) -> (i32, i32) {
    let r = el.get_bounding_client_rect();
    ((r.left() + r.width() / 2.0) as i32, (r.top() + r.height() / 2.0) as i32)
}

fn click_at(target: &Element, (x, y): (i32, i32)) {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x(x);
    init.set_client_y(y);
    init.set_detail(1);
    target.dispatch_event(&MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap()).unwrap();
}

fn key(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_key(key);
    target.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

/// The text of an element, with the no-break spaces `Intl` puts in numbers made plain.
fn text(container: &Element, selector: &str) -> String {
    let text = container.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default();
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

/// The colour of the canvas pixel under a client point, in device pixels.
fn pixel(canvas: &HtmlCanvasElement, (x, y): (i32, i32)) -> (u8, u8, u8) {
    let r = canvas.get_bounding_client_rect();
    let scale = f64::from(canvas.width()) / r.width();
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let px = ((f64::from(x) - r.left()) * scale).floor();
    let py = ((f64::from(y) - r.top()) * scale).floor();
    let data = ctx.get_image_data(px, py, 1.0, 1.0).unwrap().data();
    (data[0], data[1], data[2])
}

fn canvas(container: &Element, view: &str) -> HtmlCanvasElement {
    container.query_selector(&format!("[data-view={view}] canvas")).unwrap().unwrap().dyn_into().unwrap()
}

#[wasm_bindgen_test]
fn the_bundled_dataset_summarises_in_the_browser() {
    let s = summary("it-coalition", Some("2024-06-01".into())).unwrap();
    assert_eq!(get(&s, "member_count").as_f64(), Some(12.0));
    assert_eq!(get(&s, "reported_total_eur").as_f64(), Some(58_000_000.0));
    assert_eq!(get(&s, "itemised_eur").as_f64(), Some(54_697_770.09));
    assert!(summary("no-such", None).is_err());
    let drones = summary("drones-ew", None).unwrap();
    assert_eq!(get(&drones, "member_count").as_f64(), Some(4.0));
}

#[wasm_bindgen_test]
async fn the_widget_enters_the_page_drawn_and_the_timeline_then_the_buttons_follow_once_painted() {
    let container = container(900);
    container.set_text_content(Some("Loading"));
    let widget = Widget::new(container.clone(), JsValue::UNDEFINED, None).unwrap();
    // Built, not yet in the page, even a frame later (in which the widget's resize observer
    // reports the width of an element outside the page: 0).
    next_frame().await;
    assert_eq!(container.text_content().as_deref(), Some("Loading"));
    // The first drawing comes in two calls, the map and then the bars; only the last puts the
    // widget in the page, and later calls change nothing.
    assert!(!widget.show().unwrap());
    assert_eq!(container.text_content().as_deref(), Some("Loading"));
    assert!(widget.show().unwrap());
    assert!(widget.show().unwrap());
    let drawn = |view: &str| pixels(&canvas(&container, view)).iter().any(|&b| b != 0);
    let buttons = || container.query_selector_all(".ct-mark").unwrap().length();
    let height = || container.get_bounding_client_rect().height();
    let map_width = || canvas(&container, "map").get_bounding_client_rect().width();
    // At once: in the page, with the map and the bars drawn, every view sized and every text
    // written, and laid out for the container's width.
    assert!(!container.text_content().unwrap().contains("Loading"));
    assert!(drawn("map") && drawn("bars"));
    let first_width = map_width();
    assert_eq!(first_width, coalition_tracker::layout::columns(900.0).map);
    assert!(!drawn("timeline"));
    assert!(canvas(&container, "timeline").width() > 0, "the timeline's place is kept");
    assert!(!text(&container, ".ct-dek").is_empty() && !text(&container, ".ct-asof-date").is_empty());
    assert_eq!((buttons(), state(&container)), (0, None));
    let first_height = height();
    // The next frame paints the charts; the one after draws the timeline, and the one after
    // that makes the marks' buttons: each a task of its own.
    next_frame().await;
    assert_eq!((buttons(), state(&container)), (0, None), "nothing more before the charts are painted");
    assert!(!drawn("timeline"));
    next_frame().await;
    assert!(drawn("timeline"));
    assert_eq!((buttons(), state(&container)), (0, None), "the buttons come a frame after the timeline");
    next_frame().await;
    assert!(buttons() > 20, "{} buttons", buttons());
    assert_eq!(state(&container).as_deref(), Some("ready"));
    assert_eq!((height(), map_width()), (first_height, first_width), "nothing moved");
    container.remove();
}

#[wasm_bindgen_test]
async fn the_widgets_elements_carry_their_classes_texts_and_inline_styles() {
    let (container, _widget) = mount(900, "2024-06-01").await;
    let all = |selector: &str| {
        let list = container.query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect::<Vec<_>>()
    };
    let one = |selector: &str| all(selector).pop().unwrap_or_else(|| panic!("no {selector}"));
    // Texts are text nodes, classes are set only where given: no empty `class` attribute.
    let title = one(".ct-title");
    assert_eq!(title.tag_name(), "H2");
    assert_eq!(title.text_content(), one(".ct").get_attribute("aria-label"));
    assert_eq!(title.child_nodes().length(), 1);
    let events = all(".ct-events > li");
    assert!(events.len() > 3, "{} events", events.len());
    for item in &events {
        assert_eq!(item.get_attribute("class"), None);
        assert!(item.text_content().unwrap_or_default().contains(" — "));
    }
    let headings = all(".ct-foot > h3");
    assert_eq!(headings.len(), 2);
    assert!(headings
        .iter()
        .all(|h| h.get_attribute("class").is_none() && h.text_content().is_some_and(|t| !t.is_empty())));
    assert_eq!(one(".ct-dek").parent_element().map(|p| p.class_name()).as_deref(), Some("ct-head"));
    // The few inline declarations the widget cannot work without.
    let style = |selector: &str, property: &str| one(selector).style().get_property_value(property).unwrap();
    assert_eq!(style(".ct-stage", "position"), "relative");
    assert_eq!((style(".ct-marks", "position"), style(".ct-marks", "width")), ("absolute".into(), "100%".into()));
    assert_eq!(
        (style(".ct-tooltip", "position"), style(".ct-tooltip", "pointer-events")),
        ("absolute".into(), "none".into())
    );
    assert_eq!((style(".ct-announce", "width"), style(".ct-announce", "overflow")), ("1px".into(), "hidden".into()));
    assert_eq!(style(".ct-canvas", "display"), "block");
    container.remove();
}

/// A length the widget set inline, in whole CSS pixels.
fn whole_px(style: &web_sys::CssStyleDeclaration, property: &str) -> i32 {
    let value = style.get_property_value(property).unwrap();
    value.strip_suffix("px").and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("{property}: {value}"))
}

#[wasm_bindgen_test]
async fn every_mark_has_a_transparent_button_over_it_and_each_view_one_tab_stop() {
    let (container, widget) = mount(900, "2024-06-01").await;
    for view in ["map", "bars", "timeline"] {
        let buttons = container.query_selector_all(&format!("[data-view={view}] .ct-mark")).unwrap();
        let canvas = canvas(&container, view).get_bounding_client_rect();
        let mut stops = 0;
        for i in 0..buttons.length() {
            let b: HtmlElement = buttons.item(i).unwrap().dyn_into().unwrap();
            assert_eq!(b.get_attribute("type").as_deref(), Some("button"), "{view} {i}");
            assert_eq!(b.get_attribute("data-i"), Some(i.to_string()), "{view} {i}");
            assert_eq!(b.get_attribute("aria-pressed").as_deref(), Some("false"), "{view} {i}");
            let style = b.style();
            assert_eq!(style.get_property_value("position").unwrap(), "absolute");
            assert_eq!(style.get_property_value("background-color").unwrap(), "transparent");
            // Placed in whole pixels, inside its view's canvas.
            let (left, top) = (whole_px(&style, "left"), whole_px(&style, "top"));
            let (width, height) = (whole_px(&style, "width"), whole_px(&style, "height"));
            assert!(width > 0 && height > 0, "{view} {i}: {width} × {height}");
            let r = b.get_bounding_client_rect();
            assert_eq!((r.left() - canvas.left(), r.top() - canvas.top()), (f64::from(left), f64::from(top)));
            assert!(r.right() <= canvas.right() + 0.5 && r.bottom() <= canvas.bottom() + 0.5, "{view} {i}");
            stops += usize::from(b.tab_index() == 0);
        }
        assert!(buttons.length() > 2, "{view}");
        assert_eq!(stops, 1, "{view}: one tab stop");
    }
    widget.select(Some("NL".into())).unwrap();
    let nl = mark(&container, "map", "Netherlands");
    assert_eq!((nl.get_attribute("aria-pressed").as_deref(), nl.tab_index()), (Some("true"), 0));
    // The live region is there for assistive technology, out of sight.
    let announcer: HtmlElement = container.query_selector(".ct-announce").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!((announcer.offset_width(), announcer.offset_height()), (1, 1));
    assert!(announcer.text_content().unwrap().starts_with("Netherlands: member since"));
    container.remove();
}

#[wasm_bindgen_test]
async fn clicking_a_tile_selects_it_in_every_view_and_fills_the_details() {
    let (container, widget) = mount(900, "2024-06-01").await;
    assert_eq!(text(&container, ".ct-dek"), "12 members · €58m reported · as of 1 June 2024");
    let nl = mark(&container, "map", "Netherlands");
    assert_eq!(
        nl.get_attribute("aria-label").unwrap(),
        "Netherlands: member since 23\u{a0}January 2024; €10m; 4 sources"
    );
    click_at(&nl, center(&nl));
    assert_eq!(widget.selection().as_deref(), Some("NL"));
    next_frame().await;
    let details = text(&container, ".ct-details");
    assert!(details.contains("Netherlands") && details.contains("€10m (€10,000,000)"), "{details}");
    assert!(details.contains("Netherlands joins Ukraine's IT coalition with first contribution"), "{details}");
    assert_eq!(
        mark(&container, "bars", "Netherlands, contributions").get_attribute("aria-pressed").as_deref(),
        Some("true"),
        "linked"
    );
    assert_eq!(
        mark(&container, "bars", "Denmark, contributions").get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(nl.get_attribute("aria-pressed").as_deref(), Some("true"));
    click_at(&nl, center(&nl));
    assert_eq!(widget.selection(), None, "a second click clears");
    container.remove();
}

#[wasm_bindgen_test]
async fn selecting_a_bar_changes_its_pixels() {
    let (container, widget) = mount(900, "2024-06-01").await;
    let bars = canvas(&container, "bars");
    let dk = mark(&container, "bars", "Denmark, contributions: €12.2m");
    let r = dk.get_bounding_client_rect();
    let on_bar = ((r.left() + 20.0) as i32, (r.top() + 28.0) as i32);
    assert_eq!(pixel(&bars, on_bar), (31, 95, 168), "the bar colour");
    click_at(&dk, on_bar);
    assert_eq!(widget.selection().as_deref(), Some("DK"));
    next_frame().await;
    assert_eq!(pixel(&bars, on_bar), (196, 40, 0), "the selection colour");
    let details = text(&container, ".ct-details");
    assert!(details.contains("DKK 91,000,000 (91 million Danish kroner) ≈ €12,197,770.09"), "{details}");
    container.remove();
}

#[wasm_bindgen_test]
async fn the_canvas_backing_store_follows_the_device_pixel_ratio() {
    let (container, _widget) = mount(640, "2024-06-01").await;
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    for view in ["map", "bars", "timeline"] {
        let c = canvas(&container, view);
        let css = c.get_bounding_client_rect().width();
        assert_eq!(f64::from(c.width()), (css * dpr).round(), "{view}");
    }
    container.remove();
}

#[wasm_bindgen_test]
async fn hovering_the_canvas_hit_tests_and_shows_a_tooltip() {
    let (container, _widget) = mount(900, "2024-06-01").await;
    let dk = mark(&container, "map", "Denmark");
    let map = canvas(&container, "map");
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_pointer_type("mouse");
    let (x, y) = center(&dk);
    init.set_client_x(x);
    init.set_client_y(y);
    // Sent to the canvas itself, so the widget must find the tile by hit-testing.
    map.dispatch_event(&PointerEvent::new_with_event_init_dict("pointermove", &init).unwrap()).unwrap();
    let tooltip = container.query_selector(".ct-tooltip").unwrap().unwrap();
    assert!(!tooltip.has_attribute("hidden"));
    assert!(tooltip.text_content().unwrap().starts_with("Denmark: member by 23\u{a0}January 2024"));
    container.remove();
}

#[wasm_bindgen_test]
async fn arrow_keys_move_between_tiles_and_escape_clears() {
    let (container, widget) = mount(900, "2024-06-01").await;
    let nl = mark(&container, "map", "Netherlands");
    nl.focus().unwrap();
    key(&nl, "ArrowRight");
    let focused = document().active_element().unwrap();
    assert!(focused.get_attribute("aria-label").unwrap().starts_with("Germany"), "NL → DE");
    key(&focused, "ArrowUp");
    let focused = document().active_element().unwrap();
    assert!(focused.get_attribute("aria-label").unwrap().starts_with("Denmark"), "DE → DK");
    focused.unchecked_ref::<HtmlElement>().click();
    assert_eq!(widget.selection().as_deref(), Some("DK"));
    key(&focused, "Escape");
    assert_eq!(widget.selection(), None);
    let first_bar = mark(&container, "bars", "Pooled");
    first_bar.focus().unwrap();
    key(&first_bar, "ArrowDown");
    assert!(document()
        .active_element()
        .unwrap()
        .get_attribute("aria-label")
        .unwrap()
        .starts_with("Denmark, contributions"));
    container.remove();
}

#[wasm_bindgen_test]
async fn the_slider_moves_every_view_to_its_date() {
    let (container, widget) = mount(900, "2024-06-01").await;
    let slider: HtmlInputElement = container.query_selector(".ct-slider").unwrap().unwrap().dyn_into().unwrap();
    let jan22 = coalition_tracker::date::Date::parse("2024-01-22").unwrap().day_number();
    slider.set_value(&jan22.to_string());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    slider.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    assert_eq!(widget.as_of().as_deref(), Some("2024-01-22"));
    // The views, their texts and the marks' buttons follow in the next frame.
    next_frame().await;
    let nl = mark(&container, "map", "Netherlands");
    assert_eq!(
        nl.get_attribute("aria-label").unwrap(),
        "Netherlands: no role on 22\u{a0}January 2024; member from 23\u{a0}January 2024"
    );
    assert_eq!(text(&container, ".ct-dek"), "0 members · no total reported yet · as of 22 January 2024");
    assert_eq!(text(&container, ".ct-asof-date"), "22 January 2024");
    assert!(widget.set_as_of("2024-02-30").is_err());
    container.remove();
}

#[wasm_bindgen_test]
async fn a_hosted_dataset_is_validated_like_the_cli_and_shows_its_errors() {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let bad = r#"{"coalition":{"id":"x","name":"X","as_of":"2024-02-30"},"parties":[{"code":"nl"}]}"#;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"dataName".into(), &"https://example.org/x.json".into()).unwrap();
    let err = pack_dataset("https://example.org/x.json", bad).err().unwrap();
    let message = js_sys::Error::from(err).message().as_string().unwrap();
    let lines: Vec<&str> = message.lines().collect();
    assert!(lines.contains(&"https://example.org/x.json: [coalition], field `as_of`: \"2024-02-30\" is not a date: February 2024 has 29 days"), "{message}");
    assert!(lines.iter().any(|l| l.contains("[[parties]] #1 \"nl\", field `code`")), "{message}");
    assert!(lines.iter().any(|l| l.contains("[[parties]] #1 \"nl\", field `name`: is missing")), "{message}");

    // A valid file is packed by the loader and shown by the widget.
    let good = r#"{"coalition":{"id":"x","name":"X","as_of":"2024-02"},
            "sources":[{"id":"s1","headline":"H","date":"2024-02","date_basis":"content"}],
            "parties":[{"code":"SE","name":"Sweden"},{"code":"LV","name":"Latvia"}],
            "roles":[{"party":"SE","role":"member","since":"2024-02","sources":["s1"]},
                     {"party":"LV","role":"lead","since":"2024-01","sources":["s1"]}],
            "rates":[{"currency":"SEK","per_eur":"11.5","date":"2024-01-02","basis":"B","sources":["s1"]}],
            "contributions":[
              {"id":"c1","donors":["SE"],"amount":"1000000","currency":"SEK","date":"2024-02","status":"confirmed","sources":["s1"]},
              {"id":"c2","donors":["SE"],"amount":"500000.5","currency":"SEK","date":"2024-02","status":"confirmed","sources":["s1"]}]}"#;
    let packed = pack_dataset("x.json", good).unwrap();
    let widget = Widget::new(container.clone(), options.into(), Some(packed)).unwrap();
    while !widget.show().unwrap() {}
    ready(&container).await;
    assert_eq!(text(&container, ".ct-dek"), "2 members · no total reported yet · as of February 2024");
    let sweden = mark(&container, "map", "Sweden:").get_attribute("aria-label").unwrap();
    assert!(sweden.contains("member"), "{sweden}");
    // Its two amounts in kronor are named once, summed, in words.
    assert!(sweden.ends_with("; €130.4k (1.5 million Swedish kronor); 1 source"), "{sweden}");
    assert_eq!(sweden.matches("kronor").count(), 1, "{sweden}");
    let broken = Widget::new(container.clone(), JsValue::UNDEFINED, Some(vec![1, 2, 3])).err().unwrap();
    let message = js_sys::Error::from(broken).message().as_string().unwrap();
    assert_eq!(message, "the data file: the packed dataset cannot be read: it has no CTD3 header");
    container.remove();
}

#[wasm_bindgen_test]
async fn ukrainian_names_words_and_intl_formatting() {
    let (container, _widget) =
        mount_with(900, &[("asOf", "2024-06-01".into()), ("lang", "uk".into()), ("select", "DK".into())]).await;
    assert_eq!(container.query_selector(".ct").unwrap().unwrap().get_attribute("lang").as_deref(), Some("uk"));
    let dek = text(&container, ".ct-dek");
    assert!(dek.starts_with("Учасників: 12 · 58 млн € за повідомленнями · станом на 1 червня 2024"), "{dek}");
    let nl = mark(&container, "map", "Нідерланди:");
    assert_eq!(
        nl.get_attribute("aria-label").unwrap().replace('\u{a0}', " "),
        "Нідерланди: учасник з 23 січня 2024 р.; 10 млн €; джерел: 4"
    );
    assert!(text(&container, ".ct-view-title").contains("Хто входить до коаліції"));
    assert_eq!(text(&container, ".ct-title"), "ІТ-коаліція для України");
    // The krone's conversion, in Ukrainian, quotes the English basis of its rate in a span of
    // its own, so that a screen reader switches voice for it alone.
    let details = container.query_selector(".ct-details").unwrap().unwrap().inner_html().replace("&nbsp;", " ");
    assert!(
        details.contains("за курсом 7,46038 DKK за євро (</span><span lang=\"en\">ERM II central rate"),
        "{details}"
    );
    container.remove();
}

/// The browser's `Intl` formatter for `tag` with `options` (dates read in UTC).
fn intl(tag: &str, options: &[(&str, JsValue)], date: bool) -> js_sys::Function {
    let object = js_sys::Object::new();
    for (key, value) in options.iter().chain(date.then(|| ("timeZone", "UTC".into())).iter()) {
        js_sys::Reflect::set(&object, &(*key).into(), value).unwrap();
    }
    let locales = js_sys::Array::of1(&tag.into());
    if date {
        js_sys::Intl::DateTimeFormat::new(&locales, &object).format()
    } else {
        js_sys::Intl::NumberFormat::new(&locales, &object).format()
    }
}

fn call(format: &js_sys::Function, value: &JsValue) -> String {
    format.call1(&JsValue::NULL, value).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn euros_and_dates_are_written_as_this_browsers_intl_writes_them() {
    use coalition_tracker::cldr::{EN, UK};
    use coalition_tracker::date::Date;
    let eur = |places: u32, compact: bool| {
        let mut options = vec![
            ("style", "currency".into()),
            ("currency", "EUR".into()),
            ("currencyDisplay", "narrowSymbol".into()),
            ("minimumFractionDigits", 0.into()),
            ("maximumFractionDigits", places.into()),
        ];
        if compact {
            options.extend([("notation", "compact".into()), ("compactDisplay", "short".into())]);
        }
        options
    };
    // Every power of ten and the amounts either side of each rounding edge, in cents.
    let mut cents: Vec<i64> = vec![0, 5, 49, 50, 51, 115, 125, 1_210, 1_219_777_009, 5_800_000_000];
    for power in 2..16 {
        let p = 10i64.pow(power);
        cents.extend([p, p - 1, p + 1, p / 100 * 95, p / 10_000 * 9995, p / 100 * 105, p / 100 * 123]);
    }
    let days: Vec<Date> = (0..800).step_by(3).map(|d| Date::from_day_number(19_700 + d)).collect();
    let periods = ["2024-02", "2023-09", "2024-12", "2023"].map(|t| Date::parse(t).unwrap());
    for (tag, c) in [("en-GB", &EN), ("uk", &UK)] {
        let [short, full, axis] =
            [(1, true), (2, false), (0, true)].map(|(places, compact)| intl(tag, &eur(places, compact), false));
        for &n in &cents {
            let value = JsValue::from_f64(n as f64 / 100.0);
            assert_eq!(c.eur_compact(n, 1), call(&short, &value), "{tag}: {n} cents, compact, one place");
            assert_eq!(c.eur_full(n), call(&full, &value), "{tag}: {n} cents in full");
            assert_eq!(c.eur_compact(n, 0), call(&axis, &value), "{tag}: {n} cents, compact, no places");
        }
        let s = |v: &str| JsValue::from_str(v);
        let [long, month, year, day_short, month_short, month_year] = [
            vec![("day", s("numeric")), ("month", s("long")), ("year", s("numeric"))],
            vec![("month", s("long")), ("year", s("numeric"))],
            vec![("year", s("numeric"))],
            vec![("day", s("numeric")), ("month", s("short")), ("year", s("numeric"))],
            vec![("month", s("short"))],
            vec![("month", s("short")), ("year", s("numeric"))],
        ]
        .map(|options| intl(tag, &options, true));
        let when = |d: Date| JsValue::from(js_sys::Date::new(&((d.day_number() * 86_400_000) as f64).into()));
        // Ours keep a day with its month, and a Ukrainian "р." with its year (see cldr.rs): the
        // same text but for those no-break spaces, where `Intl` writes plain ones.
        let ours = |text: String| text.replace('\u{a0}', " ");
        for &d in &days {
            let at = when(d);
            assert_eq!(ours(c.date(d)), call(&long, &at), "{tag}: {}", d.iso());
            assert_eq!(ours(c.date_short(d)), call(&day_short, &at), "{tag}: {} short", d.iso());
            assert_eq!(c.month(d, false), call(&month_short, &at), "{tag}: {} month", d.iso());
            assert_eq!(ours(c.month(d, true)), call(&month_year, &at), "{tag}: {} month and year", d.iso());
        }
        for &d in &periods {
            let expected = call(if d.iso().len() == 4 { &year } else { &month }, &when(d));
            assert_eq!(ours(c.date(d)), expected, "{tag}: {}", d.iso());
        }
        // Numbers with every digit the dataset gives them, such as conversion rates.
        let decimal = intl(tag, &[("maximumFractionDigits", 6.into())], false);
        for text in ["7.46038", "0.5", "160", "1234.5", "12345.678901", "1000"] {
            let number = coalition_tracker::money::Decimal::parse(text).unwrap();
            let expected = call(&decimal, &JsValue::from_f64(text.parse().unwrap()));
            assert_eq!(c.decimal(number), expected, "{tag}: {text}");
        }
    }
}

#[wasm_bindgen_test]
async fn the_sliders_date_reads_as_intl_writes_it() {
    let (container, widget) = mount(900, "2023-01-01").await;
    let long = [("day", "numeric"), ("month", "long"), ("year", "numeric")].map(|(k, v)| (k, JsValue::from_str(v)));
    let format = intl("en-GB", &long, true);
    let slider = container.query_selector(".ct-slider").unwrap().unwrap();
    for day in (0..400).step_by(7) {
        let ms = (coalition_tracker::date::Date::ymd(2023, 1, 1).unwrap().day_number() + day) as f64 * 86_400_000.0;
        let when = js_sys::Date::new(&ms.into());
        let iso = when.to_iso_string().as_string().unwrap()[..10].to_string();
        widget.set_as_of(&iso).unwrap();
        // Intl's text with the no-break space ours keeps a day with its month by (cldr.rs).
        let expected = call(&format, &when).replacen(' ', "\u{a0}", 1);
        assert_eq!(slider.get_attribute("aria-valuetext").as_deref(), Some(expected.as_str()), "{iso}");
    }
    container.remove();
}

#[wasm_bindgen_test]
async fn downloads_go_through_the_exporter_and_the_loader_writes_them() {
    let buttons = |container: &Element| -> Vec<String> {
        let list = container.query_selector_all(".ct-download").unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap()).collect()
    };
    // Without an exporter (a page that mounts the widget without widget.js) nothing is offered:
    // the widget module itself writes no CSV, JSON or image.
    let (plain, _widget) = mount(800, "2024-02-15").await;
    assert!(buttons(&plain).is_empty());
    assert!(plain.query_selector(".ct-downloads").unwrap().is_none());
    plain.remove();

    let calls = js_sys::Array::new();
    let exporter = js_sys::Function::new_with_args("...args", "this.push(args)").bind0(&calls);
    let (container, _widget) = mount_with(
        800,
        &[
            ("asOf", "2024-02-15".into()),
            ("lang", "uk".into()),
            ("theme", "dark".into()),
            ("exporter", exporter.into()),
        ],
    )
    .await;
    assert_eq!(buttons(&container), ["CSV", "JSON", "Зображення (PNG)"]);
    container.query_selector("[data-download=csv]").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    let args: Vec<String> = js_sys::Array::from(&calls.get(0)).iter().map(|a| a.as_string().unwrap()).collect();
    // A CSV or JSON download gets no more than these.
    assert_eq!(args, ["csv", "it-coalition-2024-02-15.csv", "it-coalition", "2024-02-15", "uk"]);

    // An image also gets the palette, the three canvases and their CSS sizes.
    container.query_selector("[data-download=png]").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    let args = js_sys::Array::from(&calls.get(1));
    assert_eq!(args.length(), 8);
    assert_eq!(args.get(1).as_string().as_deref(), Some("it-coalition-2024-02-15.png"));
    assert_eq!(args.get(5).as_bool(), Some(true), "dark");
    let canvases: Vec<HtmlCanvasElement> =
        js_sys::Array::from(&args.get(6)).iter().map(|c| c.dyn_into().unwrap()).collect();
    let sizes: Vec<f64> = js_sys::Array::from(&args.get(7)).iter().map(|n| n.as_f64().unwrap()).collect();
    for (view, canvas) in ["map", "bars", "timeline"].into_iter().zip(&canvases) {
        assert_eq!(canvas, &self::canvas(&container, view));
    }
    let widest = f64::from(canvases.iter().map(|c| c.client_width()).max().unwrap());
    assert_eq!(sizes.len(), 6);
    assert_eq!(sizes.iter().step_by(2).copied().fold(0.0, f64::max), widest);
    // The loader composes it at twice the CSS size: as wide as the widest view, as tall as the
    // views stacked with the texts around them, with a 16 px margin all round.
    let url = image_png("it-coalition", None, "2024-02-15", "uk", true, canvases, sizes.clone()).unwrap();
    let url = url.as_string().unwrap();
    let png = web_sys::window().unwrap().atob(url.strip_prefix("data:image/png;base64,").unwrap()).unwrap();
    let be32 = |at: usize| png.chars().skip(at).take(4).fold(0u32, |n, c| n << 8 | c as u32);
    assert_eq!(be32(16), (2.0 * (widest + 32.0)) as u32, "width");
    let views: f64 = sizes.iter().skip(1).step_by(2).sum();
    assert!(be32(20) as f64 > 2.0 * (views + 3.0 * 24.0 + 56.0 + 32.0), "height {}", be32(20));
    let refused = image_png("it-coalition", None, "2024-02-15", "en", false, vec![], vec![1.0]).err().unwrap();
    assert_eq!(
        js_sys::Error::from(refused).message().as_string().unwrap(),
        "imagePng: give a width and a height for each canvas"
    );

    // What widget.js then asks the loader for: the rows shown on that date.
    let csv = export_text("csv", "it-coalition", None, "2024-02-15", "uk").unwrap();
    let rows: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(rows.len(), 1 + 6, "{csv}");
    assert!(rows.iter().any(|r| r.starts_with("dk-91m,DK,false,91000000,DKK,12197770.09,7.46038,")), "{csv}");
    let json = export_text("json", "it-coalition", None, "2024-02-15", "en").unwrap();
    let value = js_sys::JSON::parse(&json).unwrap();
    assert_eq!(get(&value, "as_of").as_string().as_deref(), Some("2024-02-15"));
    let wrong = export_text("xml", "it-coalition", None, "2024-02-15", "en").err().unwrap();
    assert_eq!(js_sys::Error::from(wrong).message().as_string().unwrap(), "no download of kind \"xml\"");
    let bad = js_sys::Object::new();
    js_sys::Reflect::set(&bad, &"exporter".into(), &"save.js".into()).unwrap();
    let refused = Widget::new(container.clone(), bad.into(), None).err().unwrap();
    assert_eq!(
        js_sys::Error::from(refused).message().as_string().unwrap(),
        "widget options: `exporter` must be a function"
    );
    container.remove();
}

#[wasm_bindgen_test]
fn options_of_the_wrong_type_are_refused_by_name_and_null_ones_are_not_given() {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let refusal = |pairs: &[(&str, JsValue)]| {
        let options = js_sys::Object::new();
        for (key, value) in pairs {
            js_sys::Reflect::set(&options, &(*key).into(), value).unwrap();
        }
        // A widget that is made is shown, so that its title can be read.
        let refused =
            Widget::new(container.clone(), options.into(), None).and_then(|w| w.show().and(w.show())).err()?;
        js_sys::Error::from(refused).message().as_string()
    };
    assert_eq!(refusal(&[("asOf", 2024.into())]).as_deref(), Some("widget options: `asOf` must be text"));
    assert_eq!(refusal(&[("hash", "yes".into())]).as_deref(), Some("widget options: `hash` must be true or false"));
    assert_eq!(refusal(&[("lang", JsValue::TRUE)]).as_deref(), Some("widget options: `lang` must be text"));
    // null and undefined are "not given": the defaults, and a widget.
    assert_eq!(refusal(&[("asOf", JsValue::NULL), ("theme", JsValue::UNDEFINED), ("hash", JsValue::NULL)]), None);
    assert_eq!(
        container.query_selector(".ct-title").unwrap().unwrap().text_content().unwrap(),
        "IT Coalition for Ukraine"
    );
    container.remove();
}

#[wasm_bindgen_test]
fn a_container_in_a_document_that_makes_no_html_elements_is_refused_by_name() {
    let xml = document().implementation().unwrap().create_document(None, "root").unwrap();
    let container = xml.document_element().unwrap();
    let refused = Widget::new(container.clone(), JsValue::UNDEFINED, None).err().unwrap();
    assert_eq!(js_sys::Error::from(refused).message().as_string().unwrap(), "the container is not in an HTML document");
    assert_eq!(container.child_element_count(), 0, "nothing is added to the container");
}

/// Every pixel of a canvas's backing store.
fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height())).unwrap().data().to_vec()
}

#[wasm_bindgen_test]
async fn repainting_only_the_changed_marks_gives_the_pixels_of_a_full_redraw() {
    // One widget goes through hovers and selections, each repainting only the marks whose look
    // changed; another is drawn whole with the final state. Their canvases must be identical.
    let (walked, widget) = mount(1000, "2024-06-01").await;
    let (ee, map) = (center(&mark(&walked, "map", "Estonia:")), canvas(&walked, "map"));
    let over = |kind: &str| {
        let init = PointerEventInit::new();
        init.set_bubbles(true);
        init.set_pointer_type("mouse");
        init.set_client_x(ee.0);
        init.set_client_y(ee.1);
        map.dispatch_event(&PointerEvent::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
    };
    over("pointermove");
    next_frame().await;
    for key in ["NL", "tallinn-22m", "DK"] {
        widget.select(Some(key.to_string())).unwrap();
        next_frame().await;
    }
    over("pointerleave");
    next_frame().await;

    let (whole, _whole) = mount_with(1000, &[("asOf", "2024-06-01".into()), ("select", "DK".into())]).await;
    for view in ["map", "bars", "timeline"] {
        let (a, b) = (pixels(&canvas(&walked, view)), pixels(&canvas(&whole, view)));
        assert_eq!(a.len(), b.len(), "{view}: same size");
        // Skia antialiases an edge drawn under a clip a shade differently (a few units in a
        // channel); a mark left stale or missing would differ by far more.
        let worst = a.iter().zip(&b).map(|(p, q)| p.abs_diff(*q)).max().unwrap_or(0);
        let differ = a.chunks(4).zip(b.chunks(4)).filter(|(p, q)| p != q).count();
        assert!(worst <= 12, "{view}: {differ} pixels differ from a full redraw, by up to {worst}");
    }
    // The details panel, updated in place through three selections, is the one built afresh.
    let details = |c: &Element| c.query_selector(".ct-details").unwrap().unwrap().inner_html();
    assert_eq!(details(&walked), details(&whole));
    // An English widget is in the dataset's language: nothing in it needs marking as English.
    assert!(!details(&whole).contains("lang="), "{}", details(&whole));
    walked.remove();
    whole.remove();
}

#[wasm_bindgen_test]
async fn a_dropped_widget_is_unwired_and_its_events_do_nothing() {
    let (container, widget) = mount(800, "2024-06-01").await;
    let nl = mark(&container, "map", "Netherlands");
    // Every error the page reports from here on: a listener calling a dropped handler would throw.
    let errors = std::rc::Rc::new(std::cell::Cell::new(0));
    let count = errors.clone();
    let on_error = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || count.set(count.get() + 1));
    web_sys::window().unwrap().add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref()).unwrap();

    drop(widget);
    click_at(&nl, center(&nl));
    key(&nl, "ArrowRight");
    next_frame().await;
    web_sys::window().unwrap().remove_event_listener_with_callback("error", on_error.as_ref().unchecked_ref()).unwrap();
    assert_eq!(errors.get(), 0, "no listener called the dropped handler");
    assert_eq!(nl.get_attribute("aria-pressed").as_deref(), Some("false"), "the click selected nothing");
}
