//! The core's cost at 10 to 1,000,000 contributions over 50 parties: parse + validate (JSON,
//! the form browsers load), as-of aggregation, and layout. Criterion reports each size's time
//! and its throughput in contributions per second; `bench/run.js` turns the results into the
//! per-contribution times in BENCHMARKS.md, beside the instructions `examples/instructions.rs`
//! counts, which together show whether the cost grows linearly.

mod synthetic;

use std::hint::black_box;

use coalition_tracker::aggregate::snapshot;
use coalition_tracker::date::Date;
use coalition_tracker::i18n::Locale;
use coalition_tracker::layout::Scene;
use coalition_tracker::load::{load, Format};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const SIZES: [usize; 4] = [10, 1_000, 100_000, 1_000_000];

fn core(c: &mut Criterion) {
    let as_of = Date::parse(synthetic::AS_OF).unwrap_or_else(|e| panic!("{e}"));
    for (step, sample_size) in [("parse-validate", 10), ("aggregate", 20), ("layout", 20)] {
        let mut group = c.benchmark_group(step);
        group.sample_size(sample_size);
        for n in SIZES {
            let text = synthetic::json(n);
            let ds = load("synthetic.json", text.as_bytes(), Format::Json)
                .unwrap_or_else(|problems| panic!("the synthetic dataset is invalid: {}", problems[0]))
                .dataset;
            group.throughput(Throughput::Elements(n as u64));
            match step {
                "parse-validate" => group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
                    b.iter(|| {
                        load("synthetic.json", black_box(text.as_bytes()), Format::Json)
                            .map(|l| l.dataset.contributions.len())
                    })
                }),
                "aggregate" => group.bench_with_input(BenchmarkId::from_parameter(n), &ds, |b, ds| {
                    b.iter(|| snapshot(black_box(ds), as_of).itemised_eur)
                }),
                _ => {
                    let snap = snapshot(&ds, as_of);
                    group.bench_with_input(BenchmarkId::from_parameter(n), &ds, |b, ds| {
                        b.iter(|| Scene::new(black_box(ds), &snap, 1280.0, &Locale::plain()).columns.wide)
                    })
                }
            };
        }
        group.finish();
    }
}

criterion_group!(benches, core);
criterion_main!(benches);
