//! The only module that touches the browser. It loads a bundled dataset through the browser's
//! own `JSON.parse` (so no JSON parser ships in the wasm), validates it with the same code as
//! the CLI, and writes the summary into the page as DOM text nodes: data never becomes HTML.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

use crate::date::Date;
use crate::model::{Dataset, Role};
use crate::money::format_eur_short;
use crate::raw::RawDataset;
use crate::summary::{summarise, Summary};
use crate::validate::validate;

/// Reports any panic to the console before the wasm instance stops, so the page's error
/// handler (which shows the reader a message) has something to point developers to.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("coalition-tracker panicked: {info}")));
    }));
}

fn error(message: impl AsRef<str>) -> JsValue {
    js_sys::Error::new(message.as_ref()).into()
}

/// Loads and validates the bundled dataset `id`, or explains why it cannot.
fn bundled_dataset(id: &str) -> Result<Dataset, JsValue> {
    let bundled = crate::bundled::find(id).ok_or_else(|| {
        let known: Vec<&str> = crate::bundled::BUNDLED.iter().map(|b| b.id).collect();
        error(format!("no built-in dataset \"{id}\"; built in: {}", known.join(", ")))
    })?;
    let value = js_sys::JSON::parse(bundled.json)?;
    let raw: RawDataset = serde_wasm_bindgen::from_value(value).map_err(|e| error(format!("{}: {e}", bundled.file)))?;
    validate(bundled.file, &raw).map(|loaded| loaded.dataset).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        error(lines.join("\n"))
    })
}

/// The date to show: `as_of` if given (YYYY-MM-DD), else the dataset's own last date.
fn as_of_date(ds: &Dataset, as_of: Option<String>) -> Result<Date, JsValue> {
    match as_of.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => Date::parse(text).map_err(error),
        None => Ok(ds.coalition.as_of),
    }
}

fn summary_of(coalition: &str, as_of: Option<String>) -> Result<Summary, JsValue> {
    let ds = bundled_dataset(coalition)?;
    let date = as_of_date(&ds, as_of)?;
    Ok(summarise(&ds, date))
}

/// The summary of a bundled dataset as a plain JS object (the same shape as
/// `coalition summary --json`).
#[wasm_bindgen]
pub fn summary(coalition: &str, as_of: Option<String>) -> Result<JsValue, JsValue> {
    let summary = summary_of(coalition, as_of)?;
    serde_wasm_bindgen::to_value(&summary).map_err(|e| error(e.to_string()))
}

/// Appends to `parent` a new element holding `text` as a text node, and returns it.
fn append_text(parent: &Element, doc: &Document, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let el = doc.create_element(tag)?;
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el.set_text_content(Some(text));
    parent.append_child(&el)?;
    Ok(el)
}

/// How a role date reads: "since 23 January 2024", "by 23 January 2024 (first reported)",
/// or for a meeting attendee "attended in February 2024".
fn role_date(role: Role, since: &str, basis: &str) -> String {
    let long = Date::parse(since).map(Date::long).unwrap_or_else(|_| since.to_string());
    match (role, basis) {
        (Role::Attendee, _) => format!("attended in {long}"),
        (_, "by") => format!("by {long} (first reported)"),
        _ => format!("since {long}"),
    }
}

/// Replaces the contents of `container` with the summary of a bundled dataset as of a date:
/// the headline figures, the parties by role, the donors and the reported total.
#[wasm_bindgen]
pub fn mount(container: &Element, coalition: &str, as_of: Option<String>) -> Result<(), JsValue> {
    let s = summary_of(coalition, as_of)?;
    let doc = container.owner_document().ok_or_else(|| error("the container is not in a document"))?;
    let root = doc.create_element("div")?;
    root.set_class_name("ct-summary");
    append_text(&root, &doc, "h2", "ct-title", &s.name)?;
    let total = match (s.reported_total_eur, s.reported_is_lower_bound) {
        (Some(eur), true) => format!("more than {} reported", format_eur_short(eur)),
        (Some(eur), false) => format!("{} reported", format_eur_short(eur)),
        (None, _) => "no total reported yet".to_string(),
    };
    let as_of_long = Date::parse(&s.as_of).map(Date::long).unwrap_or_else(|_| s.as_of.clone());
    let dek = format!("{} members · {total} · as of {as_of_long}", s.member_count);
    append_text(&root, &doc, "p", "ct-dek", &dek)?;

    for role in Role::ALL {
        let rows: Vec<_> = s.parties.iter().filter(|p| p.role == role.key()).collect();
        if rows.is_empty() {
            continue;
        }
        let section = doc.create_element("section")?;
        section.set_attribute("data-role", role.key())?;
        append_text(&section, &doc, "h3", "", &format!("{} ({})", role.label(), rows.len()))?;
        let list = doc.create_element("ul")?;
        for p in rows {
            let item = append_text(
                &list,
                &doc,
                "li",
                "",
                &format!("{} — {}", p.name, role_date(role, &p.since, p.since_basis)),
            )?;
            item.set_attribute("data-code", &p.code)?;
        }
        section.append_child(&list)?;
        root.append_child(&section)?;
    }

    let donors = doc.create_element("section")?;
    donors.set_attribute("data-role", "donors")?;
    append_text(&donors, &doc, "h3", "", "Contributions")?;
    let list = doc.create_element("ul")?;
    for d in &s.donors {
        let line = match (d.eur, d.contributions.is_empty()) {
            (0, true) => format!("{} — pooled pledge only", d.name),
            (0, false) => format!("{} — in kind, value not stated", d.name),
            (eur, _) => format!("{} — {}", d.name, format_eur_short(eur)),
        };
        append_text(&list, &doc, "li", "", &line)?;
    }
    for x in &s.pooled {
        let names = x.parties.join(", ");
        let line = format!("Pooled: {names} — {} together, split not reported", format_eur_short(x.eur.unwrap_or(0)));
        append_text(&list, &doc, "li", "", &line)?;
    }
    donors.append_child(&list)?;
    let totals = format!(
        "Itemised {} · not itemised {}",
        format_eur_short(s.itemised_eur),
        format_eur_short(s.not_itemised_eur)
    );
    append_text(&donors, &doc, "p", "ct-totals", &totals)?;
    root.append_child(&donors)?;

    container.replace_children_with_node_1(&root);
    Ok(())
}
