//! As-of aggregation over whatever valid datasets the fuzzer reaches from the seed corpus
//! (JSON exports of the real datasets), at dates taken from the input: totals must add up,
//! funding must not fall with the date, and the packed form must read back the same.
#![no_main]

use coalition_tracker::aggregate::{itemised_eur, snapshot};
use coalition_tracker::codec::{pack, unpack};
use coalition_tracker::date::Date;
use coalition_tracker::load::{load, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(loaded) = load("fuzz.json", bytes, Format::Json) else { return };
    let ds = loaded.dataset;
    let seed = bytes.iter().fold(0_i64, |h, &b| h.wrapping_mul(31).wrapping_add(i64::from(b)));
    let start = Date::parse("2023-01-01").map(|d| d.day_number()).unwrap_or(0);
    let mut previous = 0;
    for step in 0..8_i64 {
        let as_of = Date::from_day_number(start + (seed.rem_euclid(100) + step * 97));
        let snap = snapshot(&ds, as_of);
        let donors: i64 = snap.donors.iter().map(|d| d.eur).sum();
        let pooled: i64 = snap.pooled.iter().filter_map(|&c| ds.contributions[c].money.as_ref()).map(|m| m.eur).sum();
        assert_eq!(donors + pooled, snap.itemised_eur);
        assert_eq!(snap.itemised_eur, itemised_eur(&ds, as_of));
        assert!(snap.itemised_eur >= previous, "funding fell");
        previous = snap.itemised_eur;
    }
    let back = unpack(&pack(&ds)).map(|d| format!("{d:?}"));
    assert_eq!(back, Ok(format!("{ds:?}")));
});
