//! The bridge to `events.js`, which wires a widget's DOM events, animation frames and timers to
//! one Rust closure: one closure type costs the module far less than one per listener did.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/web/events.js")]
extern "C" {
    /// What `wire` returns: the page's side of a widget's frames and timers.
    pub type Wiring;

    /// Wires the widget under `root` to `handle`, a [`Handler`]; `exports` are the module's
    /// (`wasm_bindgen::exports()`), which the module's split-off part links to.
    pub fn wire(root: &web_sys::Element, handle: &js_sys::Function, exports: &JsValue) -> Wiring;

    /// Whether the module's split-off part (the code only a reader's interaction runs) is in;
    /// if not, fetches it (once) and asks for a frame when it has arrived.
    #[wasm_bindgen(method)]
    pub fn more(this: &Wiring) -> bool;

    /// The custom section `name` of the module's split-off part: `ct-texts`, the default
    /// dataset's texts the module leaves out (see [`crate::codec::split_texts`]), or `ct-words`,
    /// the details panel's words (see [`crate::i18n::PanelWords`]); empty before the part is
    /// in, or if it brought none.
    #[wasm_bindgen(method)]
    pub fn section(this: &Wiring, name: &str) -> Vec<u8>;

    /// Asks for one call of [`Kind::Frame`] on the next animation frame.
    #[wasm_bindgen(method)]
    pub fn frame(this: &Wiring);

    /// Asks for a call of [`Kind::Timer`] with `timer` as its mark after `ms`, replacing the
    /// pending call of that timer.
    #[wasm_bindgen(method)]
    pub fn later(this: &Wiring, ms: u32, timer: u32);

    /// Removes every listener and pending call.
    #[wasm_bindgen(method)]
    pub fn stop(this: &Wiring);

    /// Replaces every widget on the page, in the document and in the shadow roots of script
    /// embeds, with `message`.
    #[wasm_bindgen(js_name = failEverywhere)]
    pub fn fail_everywhere(message: &str);
}

/// The one closure `events.js` calls: `(kind, view, mark, x, y, flag, key) -> prevent default`.
/// `Fn`, not `FnMut`: it is called again while it runs (focusing a mark from a key fires
/// `focusin` at once), which wasm-bindgen refuses for an `FnMut` closure.
/// `view` and `mark` are -1 where there is none; what `x`, `y`, `flag` and `key` hold depends
/// on the kind (see [`Kind`]).
pub type Handler = Closure<dyn Fn(u32, i32, i32, f64, f64, bool, Option<String>) -> bool>;

/// What happened, numbered as in `KINDS` in `events.js`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The pointer moved over a view: client `x`, `y`; `flag`: a touch.
    Move,
    /// A pointer went down on a view; `flag`: a touch.
    Down,
    /// The pointer left a view.
    Leave,
    /// A click in a view at client `x`, `y`; `flag`: made with a pointer, not a key.
    Click,
    /// A key went down in a view; `key`: the DOM key name.
    Key,
    /// A mark's button took the focus.
    FocusIn,
    /// The focus left a view.
    FocusOut,
    /// A download button; `key`: `csv`, `json` or `png`.
    Download,
    /// The table-view button.
    Toggle,
    /// The copy-link button.
    Copy,
    /// The slider moved; `x`: its value, a day number.
    Slide,
    /// The widget's width changed; `x`: the new width.
    Resize,
    /// The reader's colour-scheme preference changed.
    Scheme,
    /// The animation frame asked for by [`Wiring::frame`].
    Frame,
    /// A timer asked for by [`Wiring::later`]; its number is the mark.
    Timer,
    /// An error escaped the handler (a trap, or a browser call that threw inside it); `key`:
    /// the error.
    Fail,
}

impl Kind {
    /// The kind numbered `code`.
    pub fn of(code: u32) -> Option<Kind> {
        const ALL: [Kind; 16] = [
            Kind::Move,
            Kind::Down,
            Kind::Leave,
            Kind::Click,
            Kind::Key,
            Kind::FocusIn,
            Kind::FocusOut,
            Kind::Download,
            Kind::Toggle,
            Kind::Copy,
            Kind::Slide,
            Kind::Resize,
            Kind::Scheme,
            Kind::Frame,
            Kind::Timer,
            Kind::Fail,
        ];
        usize::try_from(code).ok().and_then(|i| ALL.get(i).copied())
    }
}
