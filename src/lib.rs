//! coalition-tracker: the sourced dataset of the IT Coalition for Ukraine, its validation and
//! aggregation, and (in the browser) the widget that draws it.
//!
//! Everything but `web` (wasm only) is plain Rust with no browser dependency, tested natively; see
//! `ARCHITECTURE.md` for how data flows from the dataset file to pixels.

pub mod aggregate;
pub mod bundled;
// The editor's tool and the static version write English.
pub mod cldr;
#[cfg(all(not(target_arch = "wasm32"), feature = "en"))]
pub mod cli;
pub mod codec;
pub mod date;
pub mod details;
pub mod draw;
pub mod export;
pub mod geometry;
pub mod i18n;
pub mod interaction;
pub mod layout;
pub mod load;
pub mod model;
pub mod money;
pub mod order;
pub mod palette;
pub mod raw;
#[cfg(all(not(target_arch = "wasm32"), feature = "en"))]
pub mod render;
pub mod session;
pub mod summary;
pub mod text;
pub mod tilegrid;
pub mod validate;
#[cfg(target_arch = "wasm32")]
pub mod web;
