//! The benchmark module's exports (feature `bench`, built only by `make bench`): the as-of
//! aggregation on a dataset read by the loader's code, for timing in the browser beside a plain
//! JavaScript group-by over the same records.

use wasm_bindgen::prelude::*;

use super::error;
use crate::aggregate::snapshot;
use crate::date::Date;
use crate::load::{load, Format};
use crate::model::Dataset;

/// A dataset held in wasm memory, ready to aggregate.
#[wasm_bindgen]
pub struct Bench {
    ds: Dataset,
}

#[wasm_bindgen]
impl Bench {
    /// Reads and validates a dataset's JSON text as `packDataset` does, but without the 5 MB
    /// limit a reader's page has: the benchmark's 100,000 contributions make 12.7 MB.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Result<Bench, JsValue> {
        load("bench.json", text.as_bytes(), Format::Json)
            .map(|loaded| Bench { ds: loaded.dataset })
            .map_err(|problems| error(problems.first().map(ToString::to_string).unwrap_or_default()))
    }

    /// Aggregates as of `as_of` (YYYY-MM-DD) and returns the itemised total in euros, so the
    /// JavaScript side can check that both computed the same figure.
    pub fn aggregate(&self, as_of: &str) -> Result<f64, JsValue> {
        let date = Date::parse(as_of).map_err(error)?;
        Ok(snapshot(&self.ds, date).itemised_eur as f64 / 100.0)
    }
}
