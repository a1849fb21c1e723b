//! Runs each step of the core once on a synthetic dataset (see `benches/synthetic.rs`), each
//! in a function of its own, so that `valgrind --tool=callgrind` can count the instructions of
//! each: `instructions CONTRIBUTIONS`. `make bench` runs it at every size the criterion
//! benchmarks use (bench/run.js). Instructions, unlike time, do not grow when the data outgrow
//! the processor's caches, so a flat count per contribution shows that the code's cost grows
//! linearly, whatever the time per contribution does.

// Only `json` and `AS_OF` are needed here; `PARTIES` is for the criterion benchmarks.
#[allow(dead_code)]
#[path = "../benches/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::process::ExitCode;

use coalition_tracker::aggregate::{snapshot, Snapshot};
use coalition_tracker::date::Date;
use coalition_tracker::i18n::Locale;
use coalition_tracker::layout::Scene;
use coalition_tracker::load::{load, Format};
use coalition_tracker::model::Dataset;

/// Parses and validates the JSON text, as `load` does for an editor's file.
#[inline(never)]
fn parse_validate(text: &str) -> Option<Dataset> {
    load("synthetic.json", black_box(text.as_bytes()), Format::Json).ok().map(|l| l.dataset)
}

/// The as-of snapshot the widget draws.
#[inline(never)]
fn aggregate(ds: &Dataset, as_of: Date) -> Snapshot {
    snapshot(black_box(ds), as_of)
}

/// The layout of the three views at 1280 px.
#[inline(never)]
fn layout(ds: &Dataset, snap: &Snapshot) -> Scene {
    Scene::new(black_box(ds), snap, 1280.0, &Locale::plain())
}

fn main() -> ExitCode {
    let Some(n) = std::env::args().nth(1).and_then(|a| a.parse().ok()) else {
        eprintln!("usage: instructions CONTRIBUTIONS");
        return ExitCode::from(2);
    };
    let text = synthetic::json(n);
    let (Some(ds), Ok(as_of)) = (parse_validate(&text), Date::parse(synthetic::AS_OF)) else {
        eprintln!("the synthetic dataset of {n} contributions is invalid");
        return ExitCode::FAILURE;
    };
    let snap = aggregate(&ds, as_of);
    black_box(layout(&ds, &snap).columns.wide);
    println!("{} contributions", ds.contributions.len());
    ExitCode::SUCCESS
}
