//! `coalition`: the editor's command-line tool; see `coalition_tracker::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    coalition_tracker::cli::main(&args)
}

/// The CLI reads files and is native only; `cargo test --target wasm32-unknown-unknown` (which
/// wasm-pack runs) still compiles every binary target, so it needs an entry point there.
#[cfg(target_arch = "wasm32")]
fn main() {}
