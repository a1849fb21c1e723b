//! The interactive widget: three linked canvases drawn by `draw`, a transparent button over
//! every mark (its accessible twin and its keyboard stop), an "as of" slider, a details panel
//! and a tooltip. State lives in one `Inner` behind `Rc<RefCell>`; every event handler changes
//! it and asks for a redraw, and redraws happen at most once per animation frame.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use plotters_backend::DrawingBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, HtmlInputElement};

use super::canvas::{Canvas, CanvasError};
use super::dom::{check, child, html, line, place, px, styles, window, Attr};
use super::events::{wire, Handler, Kind, Wiring};
use super::intl::IntlFmt;
use super::{as_of_date, bundled_dataset, error, language, stopped};
use crate::date::Date;
use crate::details::{cite, coalition_name, data_as_of, dek, describe, label, summary_text, tables, Line};
use crate::draw::culled::Culled;
use crate::draw::{self, Scaled};
use crate::geometry::Rect;
use crate::i18n::{fill, Fmt, Lang, Locale, PanelWords, PANEL_DEFERRED};
use crate::interaction::{step_in_list, step_in_plane, Key, Look, Target, View};
use crate::layout::{timeline::domain, Columns, GUTTER};
use crate::model::Dataset;
use crate::money::int;
use crate::palette::Palette;
use crate::session::{from_fragment, Session};
use crate::text::cat;

/// How a host configures a widget: from `embed.html`'s URL parameters or the script embed's
/// `data-` attributes (see `www/widget.js`). Every field is optional.
#[derive(Debug)]
struct Options {
    /// Bundled dataset id; [`crate::bundled::DEFAULT`] when absent.
    coalition: Option<String>,
    /// Date to show first (YYYY-MM-DD).
    as_of: Option<String>,
    /// Party code, event id or pooled pledge id to select first.
    select: Option<String>,
    /// `light`, `dark` or `auto` (follows the reader's system setting; the default).
    theme: Option<String>,
    /// Credit line under the graphic.
    credit: Option<String>,
    /// Keep the selection and date in the page's URL fragment, and offer "Copy link".
    hash: bool,
    /// Name of an editor-hosted data file (its URL), for messages.
    data_name: Option<String>,
    /// `en` (the default) or `uk`.
    lang: Option<String>,
    /// Writes the downloads: `exporter(kind, fileName, datasetId, asOf, lang)`, and for `png`
    /// also `dark, canvases, sizes` (see `Inner::download`). `www/widget.js` passes one that
    /// runs the loader module, so the widget module carries no serialiser and no image
    /// composition; without one the widget offers no download.
    exporter: Option<js_sys::Function>,
}

#[wasm_bindgen(module = "/src/web/page.js")]
extern "C" {
    /// Appends to `parent` the transparent button of mark `i` (not yet placed or named).
    #[wasm_bindgen(js_name = markButton)]
    fn mark_button(parent: &Element, i: u32) -> Element;

    /// Sets whether a mark's button is pressed and whether it is its view's tab stop.
    fn press(button: &Element, pressed: bool, stop: bool);

    /// The options object's values, in the order [`Options::read`] takes them, each checked.
    #[wasm_bindgen(catch, js_name = readOptions)]
    fn read_options(options: &JsValue) -> Result<js_sys::Array, JsValue>;

    /// The page's URL fragment, with its `#`.
    fn fragment() -> String;

    /// Puts a fragment into the page's URL, without a new history entry.
    #[wasm_bindgen(catch, js_name = setFragment)]
    fn set_fragment(fragment: &str) -> Result<(), JsValue>;

    /// The page's address with `fragment` in place of its own.
    #[wasm_bindgen(js_name = pageLink)]
    fn page_link(fragment: &str) -> String;

    /// Puts `text` on the clipboard, then writes into `status` `copied` once the browser has,
    /// or `to_copy` where it refuses or the page has no clipboard.
    #[wasm_bindgen(js_name = copyText)]
    fn copy_text(text: &str, status: &Element, copied: &str, to_copy: &str);
}

impl Options {
    /// Reads the options object. An absent, `undefined` or `null` option is not given; any
    /// other value that is not text (or, for `hash`, a boolean, for `exporter`, a function) is
    /// an error naming the option (see `page.js`).
    fn read(value: &JsValue) -> Result<Options, JsValue> {
        let values = read_options(value)?;
        let text = |i| values.get(i).as_string();
        Ok(Options {
            coalition: text(0),
            as_of: text(1),
            select: text(2),
            theme: text(3),
            credit: text(4),
            data_name: text(5),
            lang: text(6),
            hash: values.get(7).as_bool().unwrap_or(false),
            exporter: values.get(8).dyn_into().ok(),
        })
    }
}

/// Colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Theme {
    Light,
    Dark,
    Auto,
}

/// The DOM of one view.
struct ViewDom {
    view: View,
    section: Element,
    canvas: HtmlCanvasElement,
    marks: Element,
    /// Size last given to the canvas: CSS width, height and device pixel ratio.
    size: (f64, f64, f64),
    /// What the canvas shows: the layout's generation, dark or not, and the view's look.
    drawn: Option<(u64, bool, Look)>,
    /// What was last set on each mark button, so that only changes reach the DOM.
    buttons: Vec<MarkButton>,
}

/// The accessible name, place and state last given to a mark button (`None`: not yet).
#[derive(Clone, Debug, Default)]
struct MarkButton {
    name: String,
    place: Option<Rect>,
    /// Pressed, and whether it is the view's one tab stop.
    state: Option<(bool, bool)>,
}

/// Everything the widget knows; shared by its event handlers.
struct Inner {
    /// The dataset, the reader's state, and the snapshot and layout shown.
    s: Session,
    /// The date the texts around the views (dek, summary, slider label) were written for.
    texts_for: Option<i64>,
    /// Whether the marks' buttons must be named and placed again (the layout changed).
    marks_due: bool,
    /// How many renders are left before the widget is whole. The first render (`show`'s) and
    /// the next frame's draw the map and the bars only (`new` has sized every view and written
    /// every text, so that nothing moves later); the timeline comes in the frame after, once
    /// the charts have been painted, and the marks' buttons in the frame after that. Readers
    /// see the charts sooner, and each part is a task of its own: together, the timeline and
    /// the buttons made a task of 9–18 ms, over the 12.5 ms that Lighthouse's Total Blocking
    /// Time counts (a task four times as long on its slow phone).
    partial_renders: u8,
    root: Element,
    dek: Element,
    grid: Element,
    views: Vec<ViewDom>,
    slider: HtmlInputElement,
    slider_label: Element,
    details: Element,
    tooltip: Element,
    /// The selection and date the details panel was last filled for, so that a render that
    /// changes neither does not describe the selection again.
    details_shown: Option<(Option<Target>, i64)>,
    /// A hash of the details last written into the panel (0 for the hint): most dates describe
    /// a selection as the day before did, and its elements are then kept, not rebuilt.
    details_hash: u64,
    touch: bool,
    theme: Theme,
    /// The reader's colour-scheme preference, asked once (`theme` auto follows it).
    scheme: Option<web_sys::MediaQueryList>,
    /// The grid columns and darkness the widget's frame was last given.
    frame_shown: Option<(Columns, bool)>,
    hash: bool,
    /// Writes the downloads (see [`Options::exporter`]).
    exporter: Option<js_sys::Function>,
    copy_status: Element,
    lang: Lang,
    intl: IntlFmt,
    summary: Element,
    announcer: Element,
    /// The table view, shown instead of the charts when the reader asks for it.
    table: Element,
    toggle: Element,
    /// Whether the reader asked for the table view.
    table_shown: bool,
    /// The date the table was last built for.
    table_for: Option<i64>,
    /// The page's side of the widget's events, frames and timers (set once wired).
    wiring: Option<Wiring>,
    /// Whether the dataset shown is the module's copy of the default one, which lacks the
    /// texts only the details panel and the table view show: they come with the split-off
    /// part (see [`Inner::restore`]).
    texts_due: bool,
    /// The details panel's words: until the split-off part is in, empty where the module
    /// leaves them to it (see [`PanelWords`] and [`Inner::restore`]).
    panel: &'static PanelWords<'static>,
    /// The element the widget's first drawing puts it into (then `None`). Until then the
    /// widget is built but not in the page.
    container: Option<Element>,
}

/// The timers a widget asks `events.js` for: the announcement of a new date, and the update of
/// the URL fragment.
const TIMER_ANNOUNCE: u32 = 0;
const TIMER_FRAGMENT: u32 = 1;

/// Makes widget ids unique on a page that holds several widgets outside shadow roots.
static NEXT_ID: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

/// Hides an element visually but not from assistive technology.
const VISUALLY_HIDDEN: &str =
    "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap";

/// A mounted coalition tracker. Dropping it (or calling `free()` from JavaScript) removes its
/// event listeners; the DOM stays until the container is cleared.
#[wasm_bindgen]
pub struct Widget {
    inner: Rc<RefCell<Inner>>,
    /// Called by `events.js` for every event, frame and timer of the widget.
    _handler: Handler,
}

impl Drop for Widget {
    /// Removes the widget's listeners and pending calls before its handler is dropped, so that
    /// nothing calls the handler after that.
    fn drop(&mut self) {
        if let Some(wiring) = self.inner.try_borrow().ok().as_ref().and_then(|i| i.wiring.as_ref()) {
            wiring.stop();
        }
    }
}

/// The reader's colour-scheme preference, watched for changes.
fn dark_scheme_query() -> Option<web_sys::MediaQueryList> {
    window()?.match_media("(prefers-color-scheme: dark)").ok().flatten()
}

/// What a host's key names in `s`, or an error saying that nothing is called that.
fn target_of(s: &Session, key: &str) -> Result<Target, JsValue> {
    s.target_of(key).ok_or_else(|| error(cat(&["nothing called \"", key, "\" to select"])))
}

#[wasm_bindgen]
impl Widget {
    /// Builds a widget for `container`. `options` is an object with any of `coalition`,
    /// `asOf`, `select`, `theme`, `credit`, `hash` and `dataName` (see `www/widget.js`).
    /// `packed`, if given, is an editor-hosted dataset as the loader module's `packDataset`
    /// returns it (validated, in the packed form); otherwise the bundled dataset is shown.
    ///
    /// The widget is wired, its views sized and its texts written, but it is neither drawn
    /// nor in the page until [`Widget::show`]: a start in two calls lets a page run them as
    /// two tasks, each short enough not to hold up a reader's input on a slow phone
    /// (Lighthouse's Total Blocking Time).
    #[wasm_bindgen(constructor)]
    pub fn new(container: Element, options: JsValue, packed: Option<Vec<u8>>) -> Result<Widget, JsValue> {
        // Measured before the widget's elements are added: reading a size lays the page out,
        // which costs far less while the container holds only its placeholder.
        let width = f64::from(container.client_width());
        let mut options = Options::read(&options)?;
        if options.hash {
            let (select, as_of) = from_fragment(&fragment());
            options.select = select.or(options.select);
            options.as_of = as_of.or(options.as_of);
        }
        let id = options.coalition.as_deref().unwrap_or(crate::bundled::DEFAULT);
        let texts_due = crate::bundled::TEXTS_DEFERRED && packed.is_none() && id == crate::bundled::DEFAULT;
        let ds = match packed {
            None => bundled_dataset(id)?,
            Some(bytes) => crate::codec::unpack(&bytes).map_err(|e| {
                error(cat(&[options.data_name.as_deref().unwrap_or("the data file"), ": ", &e.message()]))
            })?,
        };
        let as_of = as_of_date(&ds, options.as_of.clone())?;
        let mut inner = Inner::build(ds, as_of, width, &container, &options)?;
        inner.texts_due = texts_due;
        let rc = Rc::new(RefCell::new(inner));
        let w = Rc::downgrade(&rc);
        let handler: Handler = Closure::new(move |kind, view, mark, x, y, flag, key| {
            handle(&w, Kind::of(kind), view, mark, (x, y), flag, key)
        });
        let wiring = wire(&rc.borrow().root, handler.as_ref().unchecked_ref(), &wasm_bindgen::exports());
        // Everything but the drawing is done in this task, so that `show` only draws.
        let arranged = {
            let mut inner = rc.borrow_mut();
            inner.wiring = Some(wiring);
            inner.size_views().map(|_| inner.write_texts())
        };
        // Made before the result is looked at: dropping it unwires the page.
        let widget = Widget { inner: rc, _handler: handler };
        arranged.map(|()| widget)
    }

    /// Draws the next part of the widget's first drawing, the map and then the bars, one a
    /// call, and with the last puts the widget into its container, in place of what the
    /// container held; true once the widget is in (a call after that does nothing). A page
    /// calls it once a task until it answers true, so that no task is long. The timeline follows
    /// two frames later, and the marks' buttons in the frame after it.
    pub fn show(&self) -> Result<bool, JsValue> {
        let mut inner = self.inner.try_borrow_mut().map_err(|_| error("the widget is busy"))?;
        if inner.container.is_some() {
            inner.render_some(1)?;
        }
        Ok(inner.container.is_none())
    }

    /// Selects a party (by code), an event or pooled pledge (by id), or `not-itemised`;
    /// `undefined` clears the selection.
    pub fn select(&self, key: Option<String>) -> Result<(), JsValue> {
        self.update(|inner| {
            let target = match key.as_deref() {
                None | Some("") => None,
                Some(k) => Some(target_of(&inner.s, k)?),
            };
            inner.select(target);
            Ok(())
        })
    }

    /// The selected party code, event id, pooled pledge id or `not-itemised`, if any.
    pub fn selection(&self) -> Option<String> {
        let inner = self.inner.try_borrow().ok()?;
        inner.s.ui.selected.map(|t| inner.s.key_of(t))
    }

    /// The date shown, as YYYY-MM-DD.
    #[wasm_bindgen(js_name = asOf)]
    pub fn as_of(&self) -> Option<String> {
        self.inner.try_borrow().ok().map(|i| i.s.ui.as_of.iso())
    }

    /// Moves every view to `date` (YYYY-MM-DD).
    #[wasm_bindgen(js_name = setAsOf)]
    pub fn set_as_of(&self, date: &str) -> Result<(), JsValue> {
        self.update(|inner| {
            inner.set_as_of(Date::parse(date).map_err(error)?);
            Ok(())
        })
    }
}

impl Widget {
    /// Applies a host's call to the state, then draws what it changed.
    fn update(&self, f: impl FnOnce(&mut Inner) -> Result<(), JsValue>) -> Result<(), JsValue> {
        let mut inner = self.inner.try_borrow_mut().map_err(|_| error("the widget is busy"))?;
        f(&mut inner)?;
        inner.render()
    }
}

impl Inner {
    fn build(ds: Dataset, as_of: Date, width: f64, container: &Element, options: &Options) -> Result<Inner, JsValue> {
        let lang = options.lang.as_deref().filter(|c| !c.is_empty()).map_or(Ok(Lang::DEFAULT), language)?;
        let intl = IntlFmt::new(lang);
        let loc = Locale::new(lang, &intl);
        let w = loc.words();
        let mut s = Session::new(ds, as_of, width, &loc);
        s.ui.selected = options.select.as_deref().map(|key| target_of(&s, key)).transpose()?;
        let ds = &s.ds;
        let theme = match options.theme.as_deref() {
            None | Some("auto") => Theme::Auto,
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            Some(other) => return Err(error(cat(&["theme \"", other, "\" is not light, dark or auto"]))),
        };
        let doc = container.owner_document().ok_or_else(|| error("the container is not in a document"))?;
        let root = doc.create_element("div")?;
        // The document makes HTML elements (not so in an XML document outside XHTML): the canvas,
        // the slider and every other element made in it are then taken as such without asking
        // the page again (`dom::html`).
        if !root.is_instance_of::<web_sys::HtmlElement>() {
            return Err(error("the container is not in an HTML document"));
        }
        root.set_class_name("ct");
        root.attr("lang", lang.code());
        let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        root.attr("role", "region");
        let title = coalition_name(ds, &loc);
        root.attr("aria-label", &title.text);
        let summary_id = cat(&["ct-summary-", &int(i64::from(id))]);
        root.attr("aria-describedby", &summary_id);
        let head = child(&root, "header", "ct-head", "");
        line(&head, "h2", "ct-title", &title, lang);
        let dek = child(&head, "p", "ct-dek", "");
        let summary_box = child(&head, "details", "ct-summary", "");
        child(&summary_box, "summary", "", w.summary_caption);
        let summary = child(&summary_box, "p", "ct-summary-text", "");
        summary.attr("id", &summary_id);
        let announcer = child(&head, "div", "ct-announce", "");
        announcer.attr("role", "status");
        announcer.attr("aria-live", "polite");
        styles(&announcer, VISUALLY_HIDDEN);
        let toggle = child(&head, "button", "ct-view-toggle", w.view_toggle[0]);
        toggle.attr("type", "button");
        toggle.attr("aria-pressed", "false");
        if options.hash {
            child(&head, "button", "ct-copy", w.copy_link).attr("type", "button");
        }
        let copy_status = child(&head, "span", "ct-copy-status", "");
        copy_status.attr("role", "status");
        let grid = child(&root, "div", "ct-grid", "");
        let table = child(&root, "div", "ct-table", "");
        table.attr("hidden", "");
        let mut views = Vec::with_capacity(3);
        // The details panel goes between the bars and the timeline, so the loop makes it; until
        // then this handle to the grid stands in, unused (no `Option` to unwrap, with its error).
        let mut details = grid.clone();
        for (view, title) in View::ALL.into_iter().zip([w.view_titles[0], w.view_titles[1], w.view_titles[2]]) {
            if view == View::Timeline {
                details = child(&grid, "div", "ct-details", "");
            }
            let section = child(&grid, "section", &cat(&["ct-view ct-view-", view_name(view)]), "");
            section.attr("data-view", view_name(view));
            child(&section, "h3", "ct-view-title", title);
            let stage = child(&section, "div", "ct-stage", "");
            styles(&stage, "position:relative");
            // An HTML document's `<canvas>` (see the root above).
            let canvas: HtmlCanvasElement = child(&stage, "canvas", "ct-canvas", "").unchecked_into();
            canvas.attr("aria-hidden", "true");
            styles(&canvas, "display:block");
            let marks = child(&stage, "div", "ct-marks", "");
            styles(&marks, "position:absolute;left:0;top:0;width:100%;height:100%");
            marks.attr("role", "group");
            marks.attr("aria-label", title);
            views.push(ViewDom {
                view,
                section,
                canvas,
                marks,
                size: (0.0, 0.0, 0.0),
                drawn: None,
                buttons: Vec::new(),
            });
        }

        let timeline = &views[2].section;
        let control = child(timeline, "label", "ct-asof", "");
        child(&control, "span", "ct-asof-caption", w.slider_caption);
        let slider_label = child(&control, "output", "ct-asof-date", "");
        // An HTML document's `<input>` (see the root above).
        let slider: HtmlInputElement = child(&control, "input", "ct-slider", "").unchecked_into();
        slider.set_type("range");
        let (first, last) = (domain(ds).0 + 20, ds.coalition.as_of.day_number());
        slider.set_min(&int(first));
        slider.set_max(&int(last));
        slider.set_step("1");
        let list = child(timeline, "ol", "ct-events", "");
        for e in &ds.events {
            // The event's title is the dataset's own words: in a Ukrainian widget, a screen
            // reader then reads it with an English voice, after a Ukrainian date.
            let mut item = Line::ui(cat(&[&loc.fmt.date(e.date), " — "]));
            line(&list, "li", "", item.quote(&e.title), loc.lang);
        }
        styles(&root, "position:relative");
        footer(&root, ds, options, &loc);
        let tooltip = child(&root, "div", "ct-tooltip", "");
        styles(&tooltip, "position:absolute;pointer-events:none");
        tooltip.attr("role", "tooltip");
        tooltip.attr("hidden", "");
        // Before anything is asked of the canvases and the slider: where the browser refused to
        // make an element, `child` gave its parent instead.
        check()?;
        Ok(Inner {
            container: Some(container.clone()),
            s,
            texts_for: None,
            marks_due: true,
            partial_renders: 3,
            root,
            dek,
            grid,
            views,
            slider,
            slider_label,
            details,
            tooltip,
            details_shown: None,
            details_hash: 0,
            touch: false,
            theme,
            scheme: dark_scheme_query(),
            frame_shown: None,
            hash: options.hash,
            exporter: options.exporter.clone(),
            copy_status,
            lang,
            intl,
            summary,
            announcer,
            table,
            toggle,
            table_shown: false,
            table_for: None,
            wiring: None,
            texts_due: false,
            panel: lang.panel(),
        })
    }

    /// Lays the views out again for a new container width. A width of 0 is kept out: it is what
    /// a widget not yet in the page (or hidden) reports, and laying out for it would draw the
    /// first frame at the narrowest width, then move everything once the real width came.
    fn relayout(&mut self, width: f64) {
        if width > 0.0 && self.s.set_width(width, &Locale::new(self.lang, &self.intl)) {
            self.marks_due = true;
            self.schedule();
        }
    }

    fn set_as_of(&mut self, date: Date) {
        if self.s.set_as_of(date, &Locale::new(self.lang, &self.intl)) {
            self.marks_due = true;
            self.update_fragment();
            self.announce_date_later();
            self.schedule();
        }
    }

    fn select(&mut self, target: Option<Target>) {
        self.s.ui.selected = target;
        self.sync_marks();
        self.update_fragment();
        let words = match target {
            Some(t) => label(&self.s.ds, &self.s.snap, t, &self.loc()),
            None => self.loc().words().announce_cleared.to_string(),
        };
        self.announcer.set_text_content(Some(&words));
        self.schedule();
    }

    /// Announces the date shown 700 ms after the last change, so dragging the slider does not
    /// flood the live region.
    fn announce_date_later(&self) {
        if let Some(wiring) = &self.wiring {
            wiring.later(700, TIMER_ANNOUNCE);
        }
    }

    /// Announces the date shown and what it shows.
    fn announce_date(&self) {
        let loc = self.loc();
        let (date, dek) = (loc.fmt.date(self.s.ui.as_of), dek(&self.s.ds, &self.s.snap, &loc));
        let words = fill(loc.words().announce_as_of, &[("date", &date), ("dek", &dek)]);
        self.announcer.set_text_content(Some(&words));
    }

    /// Keeps the page's URL fragment in step with the view, for hosts that asked for it, 150 ms
    /// after the last change: `history.replaceState` costs a few milliseconds (the browser
    /// process records the URL), and browsers throttle a page that calls it on every slider step.
    fn update_fragment(&self) {
        if let Some(wiring) = self.wiring.as_ref().filter(|_| self.hash) {
            wiring.later(150, TIMER_FRAGMENT);
        }
    }

    /// Writes the fragment that restores this view into the page's URL.
    fn write_fragment(&self) {
        let _ = set_fragment(&self.s.fragment());
    }

    /// Copies the link to this view and says, once the browser answers, whether that worked.
    fn copy_link(&mut self) {
        if let Err(e) = self.restore() {
            return self.fail(&e);
        }
        let link = page_link(&self.s.fragment());
        let panel = &self.loc().panel;
        // Where the copy fails, the reader is shown the link to copy by hand.
        let say = |words| fill(words, &[("link", &link)]);
        copy_text(&link, &self.copy_status, &say(panel.link_copied), &say(panel.link_to_copy));
    }

    /// Offers the contributions shown (CSV or JSON) or an image of the view (PNG) through the
    /// host's exporter. For an image it also passes whether the palette is dark, the three
    /// canvases, and their CSS widths and heights in turn (see the loader's `imagePng`).
    fn download(&self, kind: &str) -> Result<(), JsValue> {
        let exporter = self.exporter.as_ref().ok_or_else(|| error("no exporter for downloads"))?;
        let (id, as_of) = (&self.s.ds.coalition.id, self.s.ui.as_of.iso());
        let name = cat(&[id, "-", &as_of, ".", kind]);
        let args = [kind, &name, id, &as_of, self.lang.code()];
        let args: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
        if kind == "png" {
            let (canvases, sizes) = (js_sys::Array::new(), js_sys::Array::new());
            for v in &self.views {
                let (w, h) = self.s.scene.size(v.view);
                canvases.push(&v.canvas);
                sizes.push(&w.into());
                sizes.push(&h.into());
            }
            args.push(&(self.palette() == Palette::DARK).into());
            args.push(&canvases);
            args.push(&sizes);
        }
        exporter.apply(&JsValue::NULL, &args).map(drop)
    }

    /// Switches between the charts and the table view.
    fn toggle_table(&mut self) -> Result<(), JsValue> {
        let show_table = !self.table_shown;
        self.table_shown = show_table;
        let w = self.loc().words();
        if show_table {
            self.grid.attr("hidden", "");
            self.table.remove_attribute("hidden")?;
            self.show_table();
        } else {
            self.table.attr("hidden", "");
            self.grid.remove_attribute("hidden")?;
            // Drawn in the next frame, for whatever changed while the table was shown.
            self.schedule();
        }
        self.toggle.set_text_content(Some(if show_table { w.view_toggle[1] } else { w.view_toggle[0] }));
        self.toggle.attr("aria-pressed", if show_table { "true" } else { "false" });
        check()
    }

    /// Builds the table view for the date shown if the reader asked for it and it was built for
    /// another date (or never), once the module's interaction code has arrived.
    fn show_table(&mut self) {
        let day = self.s.ui.as_of.day_number();
        if self.table_shown && self.table_for != Some(day) && more(self.wiring.as_ref()) {
            self.build_table();
            self.table_for = Some(day);
        }
    }

    /// Fills the table view: every party with its standing and the latest contributions, with
    /// sources, as of the date shown. Split off the module readers load first (see [`more`]).
    #[inline(never)]
    fn build_table(&mut self) {
        if let Err(e) = self.restore() {
            return self.fail(&e);
        }
        self.table.replace_children_with_node_0();
        for table in tables(&self.s.ds, &self.s.snap, &self.loc()) {
            let t = child(&self.table, "table", "", "");
            child(&t, "caption", "", table.caption);
            let head = child(&child(&t, "thead", "", ""), "tr", "", "");
            for h in table.headers {
                child(&head, "th", "", h).attr("scope", "col");
            }
            let body = child(&t, "tbody", "", "");
            for [name, first, second] in &table.rows {
                let row = child(&body, "tr", "", "");
                line(&row, "th", "", name, self.lang).attr("scope", "row");
                line(&row, "td", "", first, self.lang);
                line(&row, "td", "", second, self.lang);
            }
            if let Some(note) = &table.note {
                child(&self.table, "p", "ct-table-note", note);
            }
        }
    }

    /// The reader's language and its `Intl` formatting.
    fn loc(&self) -> Locale<'_> {
        Locale { lang: self.lang, panel: self.panel, fmt: &self.intl }
    }

    /// The palette for the theme, following the reader's setting under `auto`.
    fn palette(&self) -> Palette {
        let dark = match self.theme {
            Theme::Light => false,
            Theme::Dark => true,
            Theme::Auto => self.scheme.as_ref().is_some_and(|q| q.matches()),
        };
        if dark {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }

    /// Asks for a redraw on the next animation frame, once however often it is asked.
    fn schedule(&self) {
        if let Some(wiring) = &self.wiring {
            wiring.frame();
        }
    }

    /// Replaces the widget with a readable message after an error it cannot draw past.
    fn fail(&self, e: &JsValue) {
        web_sys::console::error_1(e);
        self.root.replace_children_with_node_0();
        let _ = child(&self.root, "p", "ct-error", self.loc().words().cannot_draw);
    }

    /// Names and places the transparent buttons over the marks of every view. The buttons are
    /// reused from one layout to the next (a slider step relabels them; it does not recreate
    /// them), so focus and the accessibility tree stay stable while the reader scrubs.
    fn rebuild_marks(&mut self) {
        let loc = Locale::new(self.lang, &self.intl);
        for v in &mut self.views {
            let marks = self.s.scene.marks(v.view);
            let buttons = v.marks.children();
            for _ in marks.len()..buttons.length() as usize {
                if let Some(extra) = v.marks.last_element_child() {
                    extra.remove();
                }
            }
            // Buttons beyond those kept are made anew, with nothing set on them yet.
            v.buttons.truncate(marks.len().min(buttons.length() as usize));
            v.buttons.resize(marks.len(), MarkButton::default());
            for (i, target) in marks.into_iter().enumerate() {
                let button = buttons.item(i as u32).unwrap_or_else(|| mark_button(&v.marks, i as u32));
                let name = self.s.mark_name(v.view, i, target, &loc);
                let known = &mut v.buttons[i];
                if known.name != name {
                    button.attr("aria-label", &name);
                    known.name = name;
                }
                let r = self.s.mark_rect(v.view, i);
                if known.place != Some(r) {
                    place(&button, r.x, r.y, r.w, r.h);
                    known.place = Some(r);
                }
            }
        }
        self.sync_marks();
    }

    /// Keeps each button's pressed state and the one tab stop per view in step with the state.
    fn sync_marks(&mut self) {
        for v in &mut self.views {
            let marks = self.s.scene.marks(v.view);
            let stop = self.s.tab_stop(v.view, &marks);
            let buttons = v.marks.children();
            for (i, (&target, known)) in marks.iter().zip(&mut v.buttons).enumerate() {
                let state = (self.s.ui.selected == Some(target), i == stop);
                if known.state == Some(state) {
                    continue;
                }
                let Some(b) = buttons.item(i as u32) else { continue };
                press(&b, state.0, state.1);
                known.state = Some(state);
            }
        }
    }

    /// Gives the widget's frame its grid and colours and each canvas its size, where they
    /// changed; returns the device pixel ratio and the palette to draw with.
    fn size_views(&mut self) -> Result<(f64, Palette), JsValue> {
        let dpr = window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, 4.0);
        let columns = self.s.scene.columns;
        let palette = self.palette();
        let dark = palette == Palette::DARK;
        // Written only when they change: each write makes the browser restyle the widget.
        if self.frame_shown != Some((columns, dark)) {
            self.frame_shown = Some((columns, dark));
            let grid_style = html(&self.grid).style();
            if columns.wide {
                let template = px(columns.map) + " " + &px(columns.bars);
                grid_style.set_property("grid-template-columns", &template)?;
                grid_style.set_property("column-gap", &px(GUTTER))?;
                self.root.class_list().add_1("ct-wide")?;
            } else {
                grid_style.set_property("grid-template-columns", "100%")?;
                self.root.class_list().remove_1("ct-wide")?;
            }
            let classes = self.root.class_list();
            if dark {
                classes.add_1("ct-dark")?;
            } else {
                classes.remove_1("ct-dark")?;
            }
        }
        for v in &mut self.views {
            let (w, h) = self.s.scene.size(v.view);
            // Behind the table view, a canvas keeps its size, and so its pixels, until shown.
            if v.size != (w, h, dpr) && !self.table_shown {
                let style = v.canvas.style();
                style.set_property("width", &px(w))?;
                style.set_property("height", &px(h))?;
                // Setting the backing size clears the canvas.
                v.canvas.set_width((w * dpr).round() as u32);
                v.canvas.set_height((h * dpr).round() as u32);
                v.size = (w, h, dpr);
                v.drawn = None;
            }
        }
        Ok((dpr, palette))
    }

    /// Writes the texts around the views (dek, summary, slider), the table and the details
    /// panel, where the date or the selection changed.
    fn write_texts(&mut self) {
        let day = self.s.ui.as_of.day_number();
        if self.texts_for != Some(day) {
            self.texts_for = Some(day);
            self.dek.set_text_content(Some(&dek(&self.s.ds, &self.s.snap, &self.loc())));
            self.summary.set_text_content(Some(&summary_text(&self.s.ds, &self.s.snap, &self.loc())));
            let value = int(day);
            if self.slider.value() != value {
                self.slider.set_value(&value);
            }
            let long = self.intl.date(self.s.ui.as_of);
            self.slider_label.set_text_content(Some(&long));
            self.slider.attr("aria-valuetext", &long);
        }
        self.show_table();
        self.render_details();
    }

    /// Draws every view that changed (the timeline and the marks only once `partial_renders` allow)
    /// and updates the text around them; the first time, puts the widget into its container.
    fn render(&mut self) -> Result<(), JsValue> {
        self.render_some(usize::MAX)
    }

    /// [`Inner::render`], drawing at most `views` views: the widget goes into its container
    /// only once a call has left none of them undrawn (see [`Widget::show`]).
    fn render_some(&mut self, mut views: usize) -> Result<(), JsValue> {
        if stopped() {
            return Err(error("the graphic has stopped working; reload the page"));
        }
        let partial = self.partial_renders > 0;
        let timeline_later = self.partial_renders > 1;
        let mut undrawn = false;
        let (dpr, palette) = self.size_views()?;
        let dark = palette == Palette::DARK;
        for v in &mut self.views {
            // Behind the table view, the charts are left as they are (a date change there would
            // draw and name every mark of a grid no one sees) until toggle_table shows them.
            if (timeline_later && v.view == View::Timeline) || self.table_shown {
                continue;
            }
            let (w, h) = self.s.scene.size(v.view);
            let marks = self.s.scene.marks(v.view);
            let look = self.s.ui.look(&self.s.ds, v.view, &marks);
            let shows = (self.s.generation(v.view), dark, look);
            if v.drawn.as_ref() == Some(&shows) {
                continue;
            }
            // Left as it is for a later call (the first drawing comes in parts).
            if views == 0 {
                undrawn = true;
                continue;
            }
            views -= 1;
            // The same scene and palette with another look (a hover, a selection, a focus ring):
            // only the marks drawn differently are repainted.
            let dirty: Option<Vec<Rect>> = match v.drawn.take() {
                // Without the split-off part, the whole view is drawn again instead.
                Some((generation, dark, was))
                    if (generation, dark) == (shows.0, shows.1) && more(self.wiring.as_ref()) =>
                {
                    Some(self.s.repaint_rects(v.view, &was, &shows.2, &marks))
                }
                _ => None,
            };
            v.drawn = Some(shows);
            let mut backend = Canvas::new(&v.canvas).ok_or_else(|| error("this browser gives no 2D canvas context"))?;
            if let Some(rects) = &dirty {
                backend.clip(rects, dpr);
            }
            let scaled = Scaled::new(backend, dpr, (w.round() as u32, h.round() as u32));
            let mut b = Culled::new(scaled, dirty.as_deref());
            let drawn = match v.view {
                View::Map => draw::map::draw(&mut b, &self.s.scene.map, &self.s.ds, &self.s.ui, &palette),
                View::Bars => draw::bars::draw(&mut b, &self.s.scene.bars, &self.s.ds, &self.s.ui, &palette),
                View::Timeline => {
                    draw::timeline::draw(&mut b, &self.s.scene.timeline, &self.s.ds, &self.s.ui, &palette)
                }
            };
            drawn.and_then(|()| b.present()).map_err(|e| error(CanvasError::message(&e)))?;
        }
        if self.marks_due && !partial && !self.table_shown {
            self.marks_due = false;
            self.rebuild_marks();
        }
        self.write_texts();
        if !partial {
            self.root.attr("data-state", "ready");
        }
        // The first drawing puts the widget into the page with its charts drawn: the page never
        // lays it out or paints it with empty canvases.
        if !undrawn {
            if let Some(container) = self.container.take() {
                container.replace_children_with_node_1(&self.root);
            }
        }
        // The partial renders count from the one that puts the widget in.
        if partial && self.container.is_none() {
            self.partial_renders -= 1;
            self.schedule();
        }
        check()
    }

    fn render_details(&mut self) {
        let selected = self.s.ui.selected;
        // The hint reads the same on every date.
        let shown = (selected, selected.map_or(0, |_| self.s.ui.as_of.day_number()));
        if self.details_shown == Some(shown) || (selected.is_some() && !more(self.wiring.as_ref())) {
            return;
        }
        self.details_shown = Some(shown);
        match selected {
            Some(target) => self.fill_details(target),
            None => {
                self.details_hash = 0;
                self.details.replace_children_with_node_0();
                child(&self.details, "p", "ct-details-hint", self.loc().words().hint);
            }
        }
    }

    /// Fills the details panel with what is known of `target`, unless it already says just
    /// that: rebuilding it on every slider step restyled the widget and made garbage for
    /// nothing. Split off the module readers load first (see [`more`]).
    #[inline(never)]
    fn fill_details(&mut self, target: Target) {
        if let Err(e) = self.restore() {
            return self.fail(&e);
        }
        let d = describe(&self.s.ds, target, self.s.ui.as_of, &self.loc());
        let hash = d.fingerprint();
        if hash == self.details_hash {
            return;
        }
        self.details_hash = hash;
        self.details.replace_children_with_node_0();
        line(&self.details, "h3", "ct-details-title", &d.title, self.lang);
        child(&self.details, "p", "ct-details-subtitle", &d.subtitle);
        for s in &d.sections {
            line(&self.details, "h4", "", &s.heading, self.lang);
            let list = child(&self.details, "ul", "", "");
            for l in &s.lines {
                line(&list, "li", "", l, self.lang);
            }
        }
    }

    /// Puts what the module readers load first leaves to its split-off part, which is in
    /// whenever this runs, into the widget, once: the texts the module's copy of the default
    /// dataset lacks (see [`crate::codec::split_texts`]) and the details panel's words (see
    /// [`PanelWords`]).
    fn restore(&mut self) -> Result<(), JsValue> {
        if PANEL_DEFERRED && std::ptr::eq(self.panel, self.lang.panel()) {
            self.panel = panel_words(self.wiring.as_ref())?;
        }
        if !std::mem::take(&mut self.texts_due) {
            return Ok(());
        }
        let texts = self.wiring.as_ref().map(|w| w.section("ct-texts")).unwrap_or_default();
        crate::codec::restore_texts(&mut self.s.ds, crate::bundled::DEFAULT_PACKED, &texts).map_err(|e| {
            error(cat(&["coalition_tracker_more.wasm: the texts it brings cannot be read: ", &e.reason()]))
        })
    }

    /// What the widget does on the reader's own events and on the timers they set (see
    /// [`handle`]): whether the event's default action is to be prevented, and the mark button
    /// to focus. Split off the module readers load first (see [`more`]): `events.js` holds
    /// these events back until it has arrived.
    #[inline(never)]
    fn interact(
        &mut self,
        kind: Kind,
        view: Option<View>,
        mark: Option<usize>,
        client: (f64, f64),
        flag: bool,
        key: Option<String>,
    ) -> (bool, Option<Element>) {
        let mut prevent = false;
        let mut focus_next = None;
        match (kind, view) {
            (Kind::Move, Some(view)) => {
                self.touch = flag;
                if self.touch {
                    return (false, None);
                }
                let hover = self.target_at(view, mark, client);
                self.show_tooltip(hover, client);
                if hover != self.s.ui.hover {
                    self.s.ui.hover = hover;
                    self.schedule();
                }
            }
            (Kind::Down, _) => self.touch = flag,
            (Kind::Leave, _) => {
                self.show_tooltip(None, (0.0, 0.0));
                if self.s.ui.hover.take().is_some() {
                    self.schedule();
                }
            }
            (Kind::Click, Some(view)) => {
                let Some(hit) = self.target_at(view, mark, client) else {
                    // A click on the background clears the selection; a key's click never does.
                    if mark.is_none() && flag {
                        self.select(None);
                    }
                    return (false, None);
                };
                let next = if self.s.ui.selected == Some(hit) { None } else { Some(hit) };
                self.select(next);
                if self.touch {
                    self.show_tooltip(next, client);
                }
            }
            (Kind::Key, Some(view)) => {
                let Some(key) = key.as_deref().and_then(Key::from_dom) else { return (false, None) };
                match key {
                    Key::Select => {}
                    Key::Clear => {
                        self.select(None);
                        self.show_tooltip(None, (0.0, 0.0));
                    }
                    // Only keys aimed at a mark move between marks: the slider in the timeline's
                    // section has its own Home, End and arrows.
                    _ if mark.is_none() => {}
                    _ => {
                        prevent = true;
                        let marks = self.s.scene.marks(view);
                        let from =
                            self.s.ui.focus.filter(|f| f.0 == view).and_then(|f| marks.iter().position(|&m| m == f.1));
                        let next = if view == View::Map {
                            let centers: Vec<(f64, f64)> =
                                self.s.scene.map.tiles.iter().map(|t| t.rect.center()).collect();
                            step_in_plane(&centers, from, key)
                        } else {
                            step_in_list(marks.len(), from, key)
                        };
                        focus_next = next.and_then(|i| self.view_dom(view)?.marks.children().item(i as u32));
                    }
                }
            }
            (Kind::FocusIn, Some(view)) => {
                let Some(i) = mark else { return (false, None) };
                self.s.ui.focus = self.s.scene.marks(view).get(i).map(|&t| (view, t));
                self.sync_marks();
                self.schedule();
            }
            (Kind::FocusOut, Some(view)) if self.s.ui.focus.is_some_and(|f| f.0 == view) => {
                self.s.ui.focus = None;
                self.schedule();
            }
            (Kind::Download, _) => {
                if let Err(err) = self.download(key.as_deref().unwrap_or("")) {
                    web_sys::console::error_1(&err);
                }
            }
            (Kind::Toggle, _) => {
                if let Err(e) = self.toggle_table() {
                    self.fail(&e);
                }
            }
            (Kind::Copy, _) => self.copy_link(),
            (Kind::Slide, _) if client.0.is_finite() => self.set_as_of(Date::from_day_number(client.0 as i64)),
            (Kind::Timer, _) if mark == Some(TIMER_ANNOUNCE as usize) => self.announce_date(),
            (Kind::Timer, _) => self.write_fragment(),
            _ => {}
        }
        (prevent, focus_next)
    }

    fn view_dom(&self, view: View) -> Option<&ViewDom> {
        self.views.iter().find(|v| v.view == view)
    }

    /// The mark under a pointer in `view`: the mark of the button it is on, or a hit test at
    /// its `client` position.
    fn target_at(&self, view: View, mark: Option<usize>, client: (f64, f64)) -> Option<Target> {
        if let Some(i) = mark {
            return self.s.scene.marks(view).get(i).copied();
        }
        let rect = self.view_dom(view)?.canvas.get_bounding_client_rect();
        self.s.scene.hit(view, client.0 - rect.left(), client.1 - rect.top())
    }

    fn show_tooltip(&self, target: Option<Target>, client: (f64, f64)) {
        let Some(target) = target else {
            self.tooltip.attr("hidden", "");
            return;
        };
        self.tooltip.set_text_content(Some(&label(&self.s.ds, &self.s.snap, target, &self.loc())));
        let _ = self.tooltip.remove_attribute("hidden");
        let root = self.root.get_bounding_client_rect();
        let width = f64::from(self.tooltip.client_width());
        let x = (client.0 - root.left() + 14.0).min(root.width() - width - 4.0).max(0.0);
        let y = client.1 - root.top() + 16.0;
        let style = html(&self.tooltip).style();
        let _ = style.set_property("left", &px(x));
        let _ = style.set_property("top", &px(y));
    }
}

/// The footer: every source, how to read the figures, the dataset's date and version, credit.
fn footer(root: &Element, ds: &Dataset, options: &Options, loc: &Locale) {
    let (w, f) = (loc.words(), loc.fmt);
    let foot = child(root, "footer", "ct-foot", "");
    child(&foot, "h3", "", w.sources_heading);
    let list = child(&foot, "ol", "ct-sources", "");
    for s in &ds.sources {
        line(&list, "li", "", &cite(s, loc), loc.lang);
    }
    child(&foot, "h3", "", w.method_heading);
    let method = child(&foot, "ul", "ct-method", "");
    let rates = ds.rates.iter().map(|r| {
        let (rate, date) = (f.decimal(r.per_eur), f.date(r.date));
        let basis = Line::data(r.basis.clone());
        Line::fill(
            w.method_rate,
            &[("currency", r.currency.as_str()), ("rate", &rate), ("date", &date)],
            &[("basis", &basis)],
        )
    });
    child(&method, "li", "", w.method[0]);
    for rate in rates {
        line(&method, "li", "", &rate, loc.lang);
    }
    for l in [w.method[1], w.method[2], w.method[3], w.method[4]] {
        child(&method, "li", "", l);
    }
    if options.exporter.is_some() {
        let get = child(&foot, "p", "ct-downloads", w.get_data);
        for (kind, text) in [("csv", w.downloads[0]), ("json", w.downloads[1]), ("png", w.downloads[2])] {
            let button = child(&get, "button", "ct-download", text);
            button.attr("type", "button");
            button.attr("data-download", kind);
        }
    }
    child(&foot, "p", "ct-version", &data_as_of(ds, loc));
    child(&foot, "p", "ct-credit", options.credit.as_deref().unwrap_or(w.credit));
}

/// The details panel's words, which the module's split-off part brings as its custom section
/// `ct-words` ([`PanelWords::text`]). Read once per module and kept for its lifetime (a module
/// that leaves them out is built with one language), so that every widget of the page shares
/// one copy.
fn panel_words(wiring: Option<&Wiring>) -> Result<&'static PanelWords<'static>, JsValue> {
    thread_local! {
        static PANEL: std::cell::Cell<Option<&'static PanelWords<'static>>> = const { std::cell::Cell::new(None) };
    }
    if let Some(panel) = PANEL.get() {
        return Ok(panel);
    }
    let bytes = wiring.map(|w| w.section("ct-words")).unwrap_or_default();
    let text: &'static str = Box::leak(crate::text::utf8(&bytes).unwrap_or_default().into_boxed_str());
    let panel = PanelWords::read(text)
        .ok_or_else(|| error("coalition_tracker_more.wasm: the words it brings cannot be read"))?;
    let panel: &'static PanelWords<'static> = Box::leak(Box::new(panel));
    PANEL.set(Some(panel));
    Ok(panel)
}

fn view_name(view: View) -> &'static str {
    match view {
        View::Map => "map",
        View::Bars => "bars",
        View::Timeline => "timeline",
    }
}

/// Whether the code only a reader's interaction runs (the handling of the reader's own events,
/// the details of a selection, the table view, the repainting of a new look) is in the module.
/// `make build` splits it off the module readers load first (scripts/split-module.py); until it
/// has arrived, this asks for it and a frame follows its arrival. Every call into that code is
/// behind this (a free function: it is asked while a view of the widget is borrowed).
fn more(wiring: Option<&Wiring>) -> bool {
    wiring.is_some_and(Wiring::more)
}

/// Runs `f` on the widget state unless it is already borrowed (a handler re-entered by a
/// synchronous DOM event); such an event is dropped rather than allowed to panic.
fn with(weak: &Weak<RefCell<Inner>>, f: impl FnOnce(&mut Inner)) {
    if stopped() {
        return;
    }
    if let Some(rc) = weak.upgrade() {
        if let Ok(mut inner) = rc.try_borrow_mut() {
            f(&mut inner);
        }
    }
}

/// What the widget does on an event, frame or timer from `events.js` (see [`Kind`]); true if
/// the event's default action is to be prevented. The kinds handled here are those `PAGE` in
/// `events.js` lets through before the split-off part is in; every other kind goes to
/// [`Inner::interact`], which is split off: the two lists must stay the same.
fn handle(
    w: &Weak<RefCell<Inner>>,
    kind: Option<Kind>,
    view: i32,
    mark: i32,
    client: (f64, f64),
    flag: bool,
    key: Option<String>,
) -> bool {
    let Some(kind) = kind else { return false };
    if kind == Kind::Fail {
        // Not through `with`: the state may still be borrowed by the call that failed.
        super::stop(&cat(&["coalition-tracker stopped: ", &key.unwrap_or_default()]));
        return false;
    }
    let view = usize::try_from(view).ok().and_then(|i| View::ALL.get(i).copied());
    let mark = usize::try_from(mark).ok();
    let mut prevent = false;
    let mut focus_next = None;
    with(w, |inner| match kind {
        Kind::Resize => inner.relayout(client.0),
        Kind::Scheme => inner.schedule(),
        Kind::Frame => {
            if let Err(e) = inner.render() {
                inner.fail(&e);
            }
        }
        _ => (prevent, focus_next) = inner.interact(kind, view, mark, client, flag, key),
    });
    // Focusing fires `focusin` synchronously, which needs the state: so after the borrow.
    if let Some(button) = focus_next {
        let _ = html(&button).focus();
    }
    prevent
}
