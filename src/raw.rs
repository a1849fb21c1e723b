//! The dataset file as an editor writes it (TOML) and as `coalition export --json` writes it.
//!
//! Every field is read as plain text or a list, with no meaning attached yet: `validate` turns
//! these records into the typed model and reports every problem with its record and field.
//! Required fields are `Option`s here so that a missing one becomes a clear validation message
//! rather than a parser error. Unknown fields are rejected, so a misspelt field name is caught.
//!
//! This file depends on serde alone: `build.rs` includes it to convert the bundled TOML files
//! to JSON at build time, so no TOML parser ships in the wasm.

use serde::{Deserialize, Serialize};

/// A whole dataset file: one coalition and everything the sources say about it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    /// What the file describes.
    pub coalition: Option<RawCoalition>,
    /// The articles every other record cites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<RawSource>,
    /// States and organisations that appear in the records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<RawParty>,
    /// Each party's roles over time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RawRole>,
    /// Dated milestones shown on the timeline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<RawEvent>,
    /// Conversion rates to euros.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<RawRate>,
    /// Pledges and deliveries, single or pooled.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributions: Vec<RawContribution>,
    /// Totals that the sources report for the whole coalition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_totals: Vec<RawReportedTotal>,
    /// Points on which the sources disagree.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<RawConflict>,
}

/// The `[coalition]` table.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCoalition {
    /// Short identifier, e.g. `it-coalition`.
    pub id: Option<String>,
    /// Name for readers.
    pub name: Option<String>,
    /// One-sentence description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The last date the dataset covers.
    pub as_of: Option<String>,
    /// The dataset's own version, set by the editor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// One `[[sources]]` record: an article.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Identifier that other records cite.
    pub id: Option<String>,
    /// Headline as published (or the opening words, where the copy has none; see `note`).
    pub headline: Option<String>,
    /// Publisher, where the text shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Author, where the text shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Publication date, at the precision known.
    pub date: Option<String>,
    /// `stated` (printed in the article) or `content` (worked out from what it reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_basis: Option<String>,
    /// File name of the copy in the seed archive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Web address, `http:` or `https:` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Anything a reader should know about the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One `[[parties]]` record: a state or an organisation.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParty {
    /// ISO 3166 alpha-2 code for a state, or a short upper-case code for an organisation.
    pub code: Option<String>,
    /// Name for readers.
    pub name: Option<String>,
    /// `state` or `organisation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The name in other languages, by language code: `names = { uk = "Нідерланди" }`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub names: std::collections::BTreeMap<String, String>,
}

/// One `[[roles]]` record: a party's role from a date, optionally until a date.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    /// The party's code.
    pub party: Option<String>,
    /// `lead`, `member`, `intending` or `attendee`.
    pub role: Option<String>,
    /// When the role began, at the precision known.
    pub since: Option<String>,
    /// `exact` (began on that date) or `by` (held by that date; the start is not reported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since_basis: Option<String>,
    /// When the role ended, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Ids of the sources that report it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Anything a reader should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One `[[events]]` record: a dated milestone.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    /// Identifier.
    pub id: Option<String>,
    /// When it happened, at the precision known.
    pub date: Option<String>,
    /// Short title for the timeline.
    pub title: Option<String>,
    /// Codes of the parties it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// Member count the sources give at this point, where they give one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_reported: Option<u32>,
    /// Ids of the sources that report it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Anything a reader should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One `[[rates]]` record: units of a currency per euro, from a date.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRate {
    /// ISO 4217 code of the currency.
    pub currency: Option<String>,
    /// Units of the currency that one euro buys, as decimal text.
    pub per_eur: Option<AmountText>,
    /// The date from which the rate applies.
    pub date: Option<String>,
    /// Where the rate comes from, in words a reader can check.
    pub basis: Option<String>,
    /// Ids of sources that imply or corroborate it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// One `[[contributions]]` record: a pledge or delivery, by one donor or pooled by several.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContribution {
    /// Identifier.
    pub id: Option<String>,
    /// Codes of the donors: one, or two or more for a pooled pledge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub donors: Vec<String>,
    /// True for one pledge made jointly whose split the sources do not give.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pooled: bool,
    /// Amount in `currency`, as decimal text; omitted for in-kind help of no stated value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<AmountText>,
    /// ISO 4217 code of `amount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// True for goods or services rather than money.
    #[serde(default, skip_serializing_if = "is_false")]
    pub in_kind: bool,
    /// What was given, for in-kind help.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// When it was made or announced, at the precision known.
    pub date: Option<String>,
    /// `exact` (made on that date) or `by` (made by that date; the day is not reported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_basis: Option<String>,
    /// `announced`, `confirmed` or `delivered`, as the sources say.
    pub status: Option<String>,
    /// What it pays for, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// Ids of the sources that report it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Anything a reader should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One `[[reported_totals]]` record: a total for the coalition as a source gives it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReportedTotal {
    /// Identifier.
    pub id: Option<String>,
    /// When it was reported, at the precision known.
    pub date: Option<String>,
    /// The amount as decimal text.
    pub amount: Option<AmountText>,
    /// ISO 4217 code of `amount`.
    pub currency: Option<String>,
    /// True where the source says "more than": the real total is at least this.
    #[serde(default, skip_serializing_if = "is_false")]
    pub lower_bound: bool,
    /// What the total covers, in the source's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Codes of the parties the source names as making up the total, if it names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// Ids of the sources that report it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// One `[[conflicts]]` record: a point on which sources disagree.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConflict {
    /// Identifier.
    pub id: Option<String>,
    /// What the disagreement is about, as a short phrase.
    pub topic: Option<String>,
    /// Party codes or record ids it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
    /// What each side says: at least two claims.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<RawClaim>,
    /// Which claim the dataset's figures follow, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
}

/// One claim inside a conflict.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClaim {
    /// What the sources say, briefly and in their words where possible.
    pub says: Option<String>,
    /// Ids of the sources that say it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// Decimal text for an amount. An editor may also write a whole number unquoted (`91000000`);
/// a floating-point number is refused, because it may already have lost digits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct AmountText(pub String);

fn is_false(value: &bool) -> bool {
    !*value
}

impl<'de> Deserialize<'de> for AmountText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = AmountText;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an amount as text, e.g. \"91000000\" or \"7.46038\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<AmountText, E> {
                Ok(AmountText(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<AmountText, E> {
                Ok(AmountText(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<AmountText, E> {
                Ok(AmountText(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<AmountText, E> {
                // JavaScript hands every number over as a float; whole ones below 2^53 are exact.
                if v.is_finite() && v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
                    return Ok(AmountText(format!("{}", v as i64)));
                }
                // The message avoids printing `v`: float formatting would add kilobytes to the wasm.
                Err(E::custom(
                    "a number with a fraction, an exponent or over 15 digits must be written as text in quotes, e.g. \"7.46038\", so no digit is lost",
                ))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}
