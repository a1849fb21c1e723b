//! The datasets built into the widget: every `data/*.toml`, converted to compact JSON by
//! `build.rs`, so the wasm carries its data and never parses TOML.

/// One built-in dataset.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    /// The file stem, e.g. `it-coalition`; what the `coalition` option names.
    pub id: &'static str,
    /// The source file, for messages.
    pub file: &'static str,
    /// The records as JSON, in the form `coalition export --json` writes.
    pub json: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The built-in dataset with this id.
pub fn find(id: &str) -> Option<Bundled> {
    BUNDLED.iter().copied().find(|b| b.id == id)
}
