//! The datasets built into the widget: every `data/*.toml`, validated and packed by `build.rs`
//! (see [`crate::codec`]), so the wasm carries its data and neither parses nor validates it.
//! The widget module carries only [`DEFAULT`]'s; `www/widget.js` fetches the others as packed
//! files (`coalition pack`), so that adding a dataset does not make every reader's embed heavier.

/// One built-in dataset.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    /// The file stem, e.g. `it-coalition`; what the `coalition` option names.
    pub id: &'static str,
    /// The source file, for messages.
    pub file: &'static str,
    /// The validated dataset in its packed form; `None` in the widget module for all but
    /// [`DEFAULT`].
    pub packed: Option<&'static [u8]>,
}

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The built-in dataset with this id.
pub fn find(id: &str) -> Option<Bundled> {
    BUNDLED.iter().copied().find(|b| b.id == id)
}
