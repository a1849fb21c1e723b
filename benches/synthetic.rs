//! Synthetic datasets for the benchmarks: `contributions` pledges over 50 parties, in the JSON
//! form `coalition export --json` writes (so parsing and validation run the real code). One
//! contribution in ten is in Danish kroner, converted at a dated rate; the rest are in euros.
//! Dates spread over 2023 and 2024, so an as-of date in between filters about half of them.

use std::fmt::Write as _;

/// How many parties every synthetic dataset has.
pub const PARTIES: usize = 50;

/// The as-of date the benchmarks aggregate at: about half the contributions precede it.
pub const AS_OF: &str = "2024-01-01";

/// The dataset as JSON text. Amounts and dates come from a fixed arithmetic sequence, so the
/// same size always gives the same file.
pub fn json(contributions: usize) -> String {
    let mut out = String::with_capacity(200 * contributions + 10_000);
    out.push_str(r#"{"coalition":{"id":"synthetic","name":"Synthetic coalition","as_of":"2024-12-31"},"#);
    out.push_str(r#""sources":[{"id":"s1","headline":"Synthetic","date":"2023-01-01","date_basis":"stated"}],"#);
    out.push_str(r#""parties":["#);
    for p in 0..PARTIES {
        let sep = if p == 0 { "" } else { "," };
        let _ = write!(out, r#"{sep}{{"code":"P{p:02}","name":"Party {p}"}}"#);
    }
    out.push_str(r#"],"roles":["#);
    for p in 0..PARTIES {
        let sep = if p == 0 { "" } else { "," };
        let _ = write!(out, r#"{sep}{{"party":"P{p:02}","role":"member","since":"2023-01-01","sources":["s1"]}}"#);
    }
    out.push_str(
        r#"],"rates":[{"currency":"DKK","per_eur":"7.46038","date":"1999-01-01","basis":"ERM II","sources":["s1"]}],"#,
    );
    out.push_str(r#""contributions":["#);
    for i in 0..contributions {
        let sep = if i == 0 { "" } else { "," };
        let (year, day) = (2023 + (i / 7) % 2, i % 365);
        let (month, dom) = (1 + day / 31 % 12, 1 + day % 28);
        let currency = if i % 10 == 9 { "DKK" } else { "EUR" };
        let amount = 1_000 + (i * 7_919) % 5_000_000;
        let _ = write!(
            out,
            r#"{sep}{{"id":"c{i}","donors":["P{:02}"],"amount":"{amount}","currency":"{currency}","date":"{year}-{month:02}-{dom:02}","status":"confirmed","sources":["s1"]}}"#,
            i % PARTIES
        );
    }
    out.push_str("]}");
    out
}
