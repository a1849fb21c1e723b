//! Any bytes, read as TOML and as JSON and validated: the loader must return problems, never
//! panic, and every problem must name the file.
#![no_main]

use coalition_tracker::load::{load, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    for format in [Format::Toml, Format::Json] {
        if let Err(problems) = load("fuzz.data", bytes, format) {
            assert!(!problems.is_empty());
            assert!(problems.iter().all(|p| p.to_string().starts_with("fuzz.data: ")));
        }
    }
});
