//! Validates every `data/*.toml` and packs it into the compact form the wasm embeds (see
//! `src/bundled.rs` and `src/codec.rs`). The crate's own model, validation and codec modules
//! are compiled into this script, so the data is checked by exactly the code the CLI runs, and
//! the wasm never validates the bundled data again.
//!
//! The widget module readers load (built for wasm32 with feature `widget` and without `loader`)
//! embeds only the default dataset, [`DEFAULT`]: `www/widget.js` fetches any other as the packed
//! file `coalition pack` writes (`dist/data/ID.bin`), so that a dataset an editor adds does not
//! make every reader's embed heavier. Everything else (the CLI, the loader, tests) embeds them all.
//! With feature `deferred-texts` (`make build`'s widget modules), that module embeds the default
//! dataset without the texts only a reader's interaction shows and without what a module in its
//! one language never reads; `coalition pack --texts LANG` writes the texts for that module's
//! split-off part (see `codec::split_texts`).

// The build script uses a part of each module; the rest is for the crate.
#[allow(dead_code)]
#[path = "src/aggregate.rs"]
mod aggregate;
#[allow(dead_code)]
#[path = "src/codec.rs"]
mod codec;
#[allow(dead_code)]
#[path = "src/date.rs"]
mod date;
#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/money.rs"]
mod money;
#[allow(dead_code)]
#[path = "src/order.rs"]
mod order;
#[allow(dead_code)]
#[path = "src/raw.rs"]
mod raw;
#[allow(dead_code)]
#[path = "src/text.rs"]
mod text;
#[allow(dead_code)]
#[path = "src/validate.rs"]
mod validate;

use std::fmt::Write as _;
use std::path::Path;

/// The dataset a widget shows when no `coalition` is named; the one the widget module embeds.
const DEFAULT: &str = "it-coalition";

fn main() {
    println!("cargo:rerun-if-changed=data");
    for module in ["aggregate", "codec", "date", "model", "money", "order", "raw", "validate"] {
        println!("cargo:rerun-if-changed=src/{module}.rs");
    }
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    let mut files: Vec<_> = std::fs::read_dir("data")
        .unwrap_or_else(|e| fail(&format!("cannot read data/: {e}")))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    if !files.iter().any(|p| p.file_stem().is_some_and(|s| s == DEFAULT)) {
        fail(&format!("the default dataset, data/{DEFAULT}.toml, is missing"));
    }
    let feature = |name: &str| std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let default_only = wasm && feature("WIDGET") && !feature("LOADER");
    let texts_deferred = default_only && feature("DEFERRED_TEXTS");
    let mut list = format!(
        "/// The dataset shown when no `coalition` is named; the widget module embeds only this one.\n\
         pub const DEFAULT: &str = {DEFAULT:?};\n\
         /// Whether [`DEFAULT`] is embedded without the texts only a reader's interaction shows\n\
         /// (feature `deferred-texts`; see [`crate::codec::split_texts`]).\n\
         pub const TEXTS_DEFERRED: bool = {texts_deferred};\n\
         /// Every built-in dataset, by file name.\npub const BUNDLED: &[Bundled] = &[\n"
    );
    let mut defaults = String::new();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_else(|| fail("bad file name in data/"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let dataset: raw::RawDataset =
            toml::from_str(text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        let file = path.display().to_string();
        let loaded = validate::validate(&file, &dataset).unwrap_or_else(|problems| {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            fail(&lines.join("\n"))
        });
        let target = Path::new(&out_dir).join(format!("{stem}.bin"));
        let packed = if texts_deferred && stem == DEFAULT {
            // A module that defers texts has one language (i18n's compile_error).
            codec::split_texts(&loaded.dataset, if feature("EN") { "en" } else { "uk" }).0
        } else {
            codec::pack(&loaded.dataset)
        };
        std::fs::write(&target, packed).unwrap_or_else(|e| fail(&format!("{}: {e}", target.display())));
        let bytes = format!("include_bytes!({:?})", target.display().to_string());
        let packed = if stem == DEFAULT {
            let _ = writeln!(
                defaults,
                "/// [`DEFAULT`] packed, as this build embeds it (see [`TEXTS_DEFERRED`]).\n\
                 pub const DEFAULT_PACKED: &[u8] = {bytes};"
            );
            "Some(DEFAULT_PACKED)".to_string()
        } else if default_only {
            "None".to_string()
        } else {
            format!("Some({bytes})")
        };
        let _ = writeln!(list, "    Bundled {{ id: {stem:?}, file: {file:?}, packed: {packed} }},");
    }
    list.push_str("];\n");
    list.push_str(&defaults);
    let generated = Path::new(&out_dir).join("bundled.rs");
    std::fs::write(&generated, list).unwrap_or_else(|e| fail(&format!("{}: {e}", generated.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}
