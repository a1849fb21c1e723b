//! Downloads for readers: the contributions shown on a date as CSV or as a JSON document, each
//! row with its sources, in the same words as `coalition summary --json`.

use serde::Serialize;

use crate::date::Date;
use crate::details::cite;
use crate::i18n::Locale;
use crate::model::Dataset;
use crate::summary::{summarise, ContributionRow};

/// The JSON download: what the rows describe, the rows, and the sources they cite.
#[derive(Clone, Debug, Serialize)]
pub struct Download {
    /// Dataset id.
    pub coalition: String,
    /// The date the rows are as of.
    pub as_of: String,
    /// Every contribution made by that date, single and pooled, in date order.
    pub contributions: Vec<ContributionRow>,
    /// The sources, by id, as citations.
    pub sources: Vec<(String, String)>,
}

/// The contributions made by `as_of`, with their sources cited in the words of `loc`.
pub fn download(ds: &Dataset, as_of: Date, loc: &Locale) -> Download {
    let s = summarise(ds, as_of);
    let mut contributions: Vec<ContributionRow> =
        s.donors.into_iter().flat_map(|d| d.contributions).chain(s.pooled).collect();
    crate::order::sort_by(&mut contributions, |a, b| {
        (a.date.as_str(), a.id.as_str()).cmp(&(b.date.as_str(), b.id.as_str()))
    });
    Download {
        coalition: s.coalition,
        as_of: s.as_of,
        contributions,
        sources: ds.sources.iter().map(|src| (src.id.clone(), cite(src, loc).text)).collect(),
    }
}

/// Quotes a CSV field when it needs it (RFC 4180).
fn field(text: &str) -> String {
    // A spreadsheet runs a cell that starts with = + - @ as a formula: data from a source must
    // never become one (OWASP's "CSV injection"), so such a cell starts with an apostrophe.
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        return field(&format!("'{text}"));
    }
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Euro cents as decimal euros, without floating point: 1219777009 → "12197770.09".
fn euros(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// The CSV download: one row per contribution, sources as ids and as citations.
pub fn csv(ds: &Dataset, as_of: Date, loc: &Locale) -> String {
    let d = download(ds, as_of, loc);
    let cite_of = |id: &str| d.sources.iter().find(|(s, _)| s == id).map(|(_, c)| c.clone()).unwrap_or_default();
    let mut out = String::from(
        "id,donors,pooled,amount,currency,eur,rate_per_eur,rate_basis,in_kind,description,date,date_basis,status,purpose,sources,citations\r\n",
    );
    for x in &d.contributions {
        let cells = [
            x.id.clone(),
            x.parties.join(" "),
            (x.parties.len() > 1).to_string(),
            x.amount.clone().unwrap_or_default(),
            x.currency.clone().unwrap_or_default(),
            x.eur.map(euros).unwrap_or_default(),
            x.rate.as_ref().map(|r| r.per_eur.clone()).unwrap_or_default(),
            x.rate.as_ref().map(|r| r.basis.clone()).unwrap_or_default(),
            x.in_kind.to_string(),
            x.description.clone().unwrap_or_default(),
            x.date.clone(),
            x.date_basis.to_string(),
            x.status.to_string(),
            x.purpose.clone().unwrap_or_default(),
            x.sources.join(" "),
            x.sources.iter().map(|s| cite_of(s)).collect::<Vec<_>>().join(" | "),
        ];
        out += &cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",");
        out += "\r\n";
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(euros(1_219_777_009), "12197770.09");
        assert_eq!(euros(5), "0.05");
        assert_eq!(field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
    }
}
