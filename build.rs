//! Converts every `data/*.toml` into compact JSON for the wasm to embed (see `src/bundled.rs`).
//! Only the syntax and field names are checked here; `coalition validate` (run by `make build`)
//! and the native tests check the meaning.

#[allow(dead_code)] // the build script uses only the types, not every helper
#[path = "src/raw.rs"]
mod raw;

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/raw.rs");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    let mut files: Vec<_> = std::fs::read_dir("data")
        .unwrap_or_else(|e| fail(&format!("cannot read data/: {e}")))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut list = String::from("/// Every built-in dataset, by file name.\npub const BUNDLED: &[Bundled] = &[\n");
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_else(|| fail("bad file name in data/"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let dataset: raw::RawDataset =
            toml::from_str(text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        let json = serde_json::to_string(&dataset).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        let target = Path::new(&out_dir).join(format!("{stem}.json"));
        std::fs::write(&target, json).unwrap_or_else(|e| fail(&format!("{}: {e}", target.display())));
        let _ = writeln!(
            list,
            "    Bundled {{ id: {stem:?}, file: {:?}, json: include_str!({:?}) }},",
            path.display().to_string(),
            target.display().to_string()
        );
    }
    list.push_str("];\n");
    let generated = Path::new(&out_dir).join("bundled.rs");
    std::fs::write(&generated, list).unwrap_or_else(|e| fail(&format!("{}: {e}", generated.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}
