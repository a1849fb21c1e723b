//! The benchmark module's exports (feature `bench`, built only by `make bench`): the as-of
//! aggregation on a dataset packed by the loader, for timing in the browser beside a plain
//! JavaScript group-by over the same records.

use wasm_bindgen::prelude::*;

use super::error;
use crate::aggregate::snapshot;
use crate::date::Date;
use crate::model::Dataset;

/// A dataset held in wasm memory, ready to aggregate.
#[wasm_bindgen]
pub struct Bench {
    ds: Dataset,
}

#[wasm_bindgen]
impl Bench {
    /// Unpacks a dataset from `packDataset`.
    #[wasm_bindgen(constructor)]
    pub fn new(packed: Vec<u8>) -> Result<Bench, JsValue> {
        crate::codec::unpack(&packed).map(|ds| Bench { ds }).map_err(|e| error(e.to_string()))
    }

    /// Aggregates as of `as_of` (YYYY-MM-DD) and returns the itemised total in euros, so the
    /// JavaScript side can check that both computed the same figure.
    pub fn aggregate(&self, as_of: &str) -> Result<f64, JsValue> {
        let date = Date::parse(as_of).map_err(error)?;
        Ok(snapshot(&self.ds, date).itemised_eur as f64 / 100.0)
    }
}
