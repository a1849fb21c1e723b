//! Writes a synthetic dataset (see `benches/synthetic.rs`) for the browser benchmarks:
//! `cargo run --release --example synthetic -- CONTRIBUTIONS > file.json`.

// Only `json` is needed here; the constants are for the criterion benchmarks.
#[allow(dead_code)]
#[path = "../benches/synthetic.rs"]
mod synthetic;

fn main() {
    let n = std::env::args().nth(1).and_then(|a| a.parse().ok());
    let Some(n) = n else {
        eprintln!("usage: synthetic CONTRIBUTIONS");
        std::process::exit(2);
    };
    print!("{}", synthetic::json(n));
}
