//! The dataset file as an editor writes it (TOML) and as `coalition export --json` writes it.
//!
//! Every field is read as plain text or a list, with no meaning attached yet: `validate` turns
//! these records into the typed model and reports every problem with its record and field.
//! Required fields are `Option`s here so that a missing one becomes a clear validation message
//! rather than a parser error. Unknown fields are rejected, so a misspelt field name is caught.
//! The records' lifetime `'t` is the file's text, which their [`Text`] fields borrow from.
//!
//! This file depends on serde alone: `build.rs` includes it to convert the bundled TOML files
//! to JSON at build time, so no TOML parser ships in the wasm.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A whole dataset file: one coalition and everything the sources say about it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 't"))]
pub struct RawDataset<'t> {
    /// What the file describes.
    pub coalition: Option<RawCoalition<'t>>,
    /// The articles every other record cites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<RawSource<'t>>,
    /// States and organisations that appear in the records.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<RawParty<'t>>,
    /// Each party's roles over time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RawRole<'t>>,
    /// Dated milestones shown on the timeline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<RawEvent<'t>>,
    /// Conversion rates to euros.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rates: Vec<RawRate<'t>>,
    /// Pledges and deliveries, single or pooled.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contributions: Vec<RawContribution<'t>>,
    /// Totals that the sources report for the whole coalition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reported_totals: Vec<RawReportedTotal<'t>>,
    /// Points on which the sources disagree.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<RawConflict<'t>>,
}

/// The `[coalition]` table.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 't"))]
pub struct RawCoalition<'t> {
    /// Short identifier, e.g. `it-coalition`.
    pub id: Option<Text<'t>>,
    /// Name for readers.
    pub name: Option<Text<'t>>,
    /// One-sentence description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text<'t>>,
    /// The last date the dataset covers.
    pub as_of: Option<Text<'t>>,
    /// The dataset's own version, set by the editor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Text<'t>>,
    /// The name in other languages, by language code: `names = { uk = "ІТ-коаліція для України" }`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub names: std::collections::BTreeMap<String, String>,
}

/// One `[[sources]]` record: an article.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 't"))]
pub struct RawSource<'t> {
    /// Identifier that other records cite.
    pub id: Option<Text<'t>>,
    /// Headline as published (or the opening words, where the copy has none; see `note`).
    pub headline: Option<Text<'t>>,
    /// Publisher, where the text shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Text<'t>>,
    /// Author, where the text shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Text<'t>>,
    /// Publication date, at the precision known.
    pub date: Option<Text<'t>>,
    /// `stated` (printed in the article) or `content` (worked out from what it reports).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_basis: Option<Text<'t>>,
    /// File name of the copy in the seed archive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<Text<'t>>,
    /// Web address, `http:` or `https:` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Text<'t>>,
    /// Anything a reader should know about the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text<'t>>,
}

/// One `[[parties]]` record: a state or an organisation.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 't"))]
pub struct RawParty<'t> {
    /// ISO 3166 alpha-2 code for a state, or a short upper-case code for an organisation.
    pub code: Option<Text<'t>>,
    /// Name for readers.
    pub name: Option<Text<'t>>,
    /// `state` or `organisation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Text<'t>>,
    /// The name in other languages, by language code: `names = { uk = "Нідерланди" }`.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub names: std::collections::BTreeMap<String, String>,
}

/// One `[[roles]]` record: a party's role from a date, optionally until a date.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 't"))]
pub struct RawRole<'t> {
    /// The party's code.
    pub party: Option<Text<'t>>,
    /// `lead`, `member`, `intending` or `attendee`.
    pub role: Option<Text<'t>>,
    /// When the role began, at the precision known.
    pub since: Option<Text<'t>>,
    /// `exact` (began on that date) or `by` (held by that date; the start is not reported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since_basis: Option<Text<'t>>,
    /// When the role ended, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Text<'t>>,
    /// Ids of the sources that report it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Text<'t>>,
    /// Anything a reader should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text<'t>>,
}

/// One `[[events]]` record: a dated milestone.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 't"))]
pub struct RawEvent<'t> {
    /// Identifier.
    pub id: Option<Text<'t>>,
    /// When it happened, at the precision known.
    pub date: Option<Text<'t>>,
    /// Short title for the timeline.
    pub title: Option<Text<'t>>,
    /// Codes of the parties it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Text<'t>>,
    /// Member count the sources give at this point, where they give one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_reported: Option<u32>,
    /// Ids of the sources that report it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Text<'t>>,
    /// Anything a reader should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text<'t>>,
}

/// One `[[rates]]` record: units of a currency per euro, from a date.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 't"))]
pub struct RawRate<'t> {
    /// ISO 4217 code of the currency.
    pub currency: Option<Text<'t>>,
    /// Units of the currency that one euro buys, as decimal text.
    pub per_eur: Option<AmountText<'t>>,
    /// The date from which the rate applies.
    pub date: Option<Text<'t>>,
    /// Where the rate comes from, in words a reader can check.
    pub basis: Option<Text<'t>>,
    /// Ids of sources that imply or corroborate it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Text<'t>>,
}

/// One `[[contributions]]` record: a pledge or delivery, by one donor or pooled by several.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 't"))]
pub struct RawContribution<'t> {
    /// Identifier.
    pub id: Option<Text<'t>>,
    /// Codes of the donors: one, or two or more for a pooled pledge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub donors: Vec<Text<'t>>,
    /// True for one pledge made jointly whose split the sources do not give.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pooled: bool,
    /// Amount in `currency`, as decimal text; omitted for in-kind help of no stated value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<AmountText<'t>>,
    /// ISO 4217 code of `amount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Text<'t>>,
    /// True for goods or services rather than money.
    #[serde(default, skip_serializing_if = "is_false")]
    pub in_kind: bool,
    /// What was given, for in-kind help.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text<'t>>,
    /// When it was made or announced, at the precision known.
    pub date: Option<Text<'t>>,
    /// `exact` (made on that date) or `by` (made by that date; the day is not reported).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_basis: Option<Text<'t>>,
    /// `announced`, `confirmed` or `delivered`, as the sources say.
    pub status: Option<Text<'t>>,
    /// What it pays for, where stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Text<'t>>,
    /// Ids of the sources that report it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Text<'t>>,
    /// Anything a reader should know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text<'t>>,
}

/// One `[[reported_totals]]` record: a total for the coalition as a source gives it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 't"))]
pub struct RawReportedTotal<'t> {
    /// Identifier.
    pub id: Option<Text<'t>>,
    /// When it was reported, at the precision known.
    pub date: Option<Text<'t>>,
    /// The amount as decimal text.
    pub amount: Option<AmountText<'t>>,
    /// ISO 4217 code of `amount`.
    pub currency: Option<Text<'t>>,
    /// True where the source says "more than": the real total is at least this.
    #[serde(default, skip_serializing_if = "is_false")]
    pub lower_bound: bool,
    /// What the total covers, in the source's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Text<'t>>,
    /// Codes of the parties the source names as making up the total, if it names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Text<'t>>,
    /// Ids of the sources that report it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Text<'t>>,
}

/// One `[[conflicts]]` record: a point on which sources disagree.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 't"))]
pub struct RawConflict<'t> {
    /// Identifier.
    pub id: Option<Text<'t>>,
    /// What the disagreement is about, as a short phrase.
    pub topic: Option<Text<'t>>,
    /// Party codes or record ids it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<Text<'t>>,
    /// What each side says: at least two claims.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<RawClaim<'t>>,
    /// Which claim the dataset's figures follow, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Text<'t>>,
}

/// One claim inside a conflict.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "'de: 't"))]
pub struct RawClaim<'t> {
    /// What the sources say, briefly and in their words where possible.
    pub says: Option<Text<'t>>,
    /// Ids of the sources that say it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Text<'t>>,
}

/// Text as a dataset file holds it. It borrows from the file wherever the parser can (JSON text
/// without escapes), so reading a large file does not allocate once per field and validation then
/// reads the fields where they lie, in order; text the parser had to unescape is owned.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text<'t>(pub Cow<'t, str>);

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de: 't, 't> Deserialize<'de> for Text<'t> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

/// Decimal text for an amount. An editor may also write a whole number unquoted (`91000000`);
/// a floating-point number is refused, because it may already have lost digits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct AmountText<'t>(pub Text<'t>);

fn is_false(value: &bool) -> bool {
    !*value
}

impl<'de: 't, 't> Deserialize<'de> for AmountText<'t> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = AmountText<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an amount as text, e.g. \"91000000\" or \"7.46038\"")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<AmountText<'de>, E> {
                Ok(AmountText(Text(Cow::Borrowed(v))))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<AmountText<'de>, E> {
                Ok(owned(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<AmountText<'de>, E> {
                Ok(owned(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<AmountText<'de>, E> {
                Ok(owned(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<AmountText<'de>, E> {
                // JavaScript hands every number over as a float; whole ones below 2^53 are exact.
                if v.is_finite() && v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
                    return Ok(owned(format!("{}", v as i64)));
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

/// An amount the parser could not lend from the file: a number, or text with escapes.
fn owned<'t>(text: String) -> AmountText<'t> {
    AmountText(Text(Cow::Owned(text)))
}
