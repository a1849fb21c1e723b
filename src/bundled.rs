//! The datasets built into the widget: every `data/*.toml`, validated and packed by `build.rs`
//! (see [`crate::codec`]), so the wasm carries its data and neither parses nor validates it.

/// One built-in dataset.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    /// The file stem, e.g. `it-coalition`; what the `coalition` option names.
    pub id: &'static str,
    /// The source file, for messages.
    pub file: &'static str,
    /// The validated dataset in its packed form.
    pub packed: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The built-in dataset with this id.
pub fn find(id: &str) -> Option<Bundled> {
    BUNDLED.iter().copied().find(|b| b.id == id)
}
