//! Each validation error and warning, on a small file changed one field at a time.
#![cfg(not(target_arch = "wasm32"))] // native: reads files and runs the CLI

use coalition_tracker::load::{load, Format};
use coalition_tracker::validate::Problem;

const BASE: &str = r#"
[coalition]
id = "test"
name = "Test coalition"
as_of = "2024-12-31"

[[sources]]
id = "s1"
headline = "A headline"
date = "2024-01-01"

[[parties]]
code = "AA"
name = "Aland"

[[parties]]
code = "BB"
name = "Bland"

[[roles]]
party = "AA"
role = "member"
since = "2024-01-01"
sources = ["s1"]

[[roles]]
party = "BB"
role = "member"
since = "2024-01-01"
sources = ["s1"]

[[rates]]
currency = "DKK"
per_eur = "7.5"
date = "2024-01-01"
basis = "test rate"

[[contributions]]
id = "c1"
donors = ["AA"]
amount = "100"
currency = "EUR"
date = "2024-02-01"
status = "announced"
sources = ["s1"]
"#;

/// Loads BASE with one text replaced (the replaced text must be present).
fn with(from: &str, to: &str) -> Result<coalition_tracker::validate::Loaded, Vec<Problem>> {
    assert!(BASE.contains(from), "BASE has no {from:?}");
    let text = BASE.replacen(from, to, 1);
    load("test.toml", text.as_bytes(), Format::Toml)
}

/// Asserts exactly one error, at `record` and `field`, whose message contains `words`.
fn assert_error(from: &str, to: &str, record: &str, field: &str, words: &str) {
    let problems = with(from, to).err().unwrap_or_else(|| panic!("{to:?} should be an error"));
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let p = &problems[0];
    assert_eq!((p.file.as_str(), p.record.as_str(), p.field.as_str()), ("test.toml", record, field), "{p}");
    assert!(p.message.contains(words), "{p}");
    let line = p.to_string();
    assert!(line.starts_with("test.toml: ") && line.contains(record) && line.contains(field), "{line}");
}

const C1: &str = "[[contributions]] #1 \"c1\"";

#[test]
fn the_base_file_is_valid_and_quiet() {
    let loaded = with("", "").unwrap();
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    assert_eq!(loaded.dataset.contributions[0].money.as_ref().map(|m| m.eur), Some(10_000));
}

#[test]
fn unknown_currency_without_a_rate() {
    assert_error("currency = \"EUR\"", "currency = \"XYZ\"", C1, "currency", "unknown currency \"XYZ\"");
}

#[test]
fn currency_with_no_rate_in_force_on_the_date() {
    let to = "currency = \"DKK\"\ndate = \"2023-12-01\"";
    let problems = with("currency = \"EUR\"\ndate = \"2024-02-01\"", to).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(problems[0].message.contains("no DKK rate applies on 2023-12-01"), "{}", problems[0]);
}

#[test]
fn converts_with_the_rate_in_force() {
    let loaded = with("currency = \"EUR\"", "currency = \"DKK\"").unwrap();
    assert_eq!(loaded.dataset.contributions[0].money.as_ref().map(|m| m.eur), Some(1_333), "DKK 100 / 7.5");
}

#[test]
fn unknown_party_code() {
    assert_error("donors = [\"AA\"]", "donors = [\"ZZ\"]", C1, "donors", "unknown party \"ZZ\"");
    assert_error(
        "party = \"BB\"",
        "party = \"QQ\"",
        "[[roles]] #2 \"QQ member\"",
        "party",
        "unknown party code \"QQ\"",
    );
}

#[test]
fn negative_zero_and_non_numeric_amounts() {
    assert_error("amount = \"100\"", "amount = \"-100\"", C1, "amount", "cannot be negative");
    assert_error("amount = \"100\"", "amount = \"0\"", C1, "amount", "is zero");
    assert_error("amount = \"100\"", "amount = \"ten\"", C1, "amount", "is not an amount");
    assert_error("amount = \"100\"", "amount = \"1e6\"", C1, "amount", "exponent");
}

#[test]
fn floating_point_amounts_are_refused_by_the_parser_with_the_field_named() {
    let problems = with("amount = \"100\"", "amount = 100.5").unwrap_err();
    assert_eq!(problems[0].field, "amount");
    assert_eq!(problems[0].record, "[[contributions]] #1");
    assert!(problems[0].message.contains("written as text in quotes"), "{}", problems[0]);
    assert!(with("amount = \"100\"", "amount = 100").is_ok(), "a whole number may be unquoted");
}

#[test]
fn impossible_dates() {
    assert_error("date = \"2024-02-01\"", "date = \"2024-02-30\"", C1, "date", "February 2024 has 29 days");
    assert_error("date = \"2024-02-01\"", "date = \"2030-01-01\"", C1, "date", "after the dataset's as_of date");
}

#[test]
fn duplicate_ids() {
    let dup = "[[contributions]]\nid = \"s1\"";
    let problems = with("[[contributions]]\nid = \"c1\"", dup).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].message.contains("duplicate id \"s1\": [[sources]] #1 \"s1\" already uses it"),
        "{}",
        problems[0]
    );
}

#[test]
fn citation_of_an_unknown_source() {
    assert_error(
        "status = \"announced\"\nsources = [\"s1\"]",
        "status = \"announced\"\nsources = [\"s9\"]",
        C1,
        "sources",
        "unknown source \"s9\"",
    );
}

#[test]
fn pooled_pledge_with_fewer_than_two_parties() {
    assert_error("donors = [\"AA\"]", "donors = [\"AA\"]\npooled = true", C1, "donors", "at least two donors");
    assert_error("donors = [\"AA\"]", "donors = [\"AA\", \"BB\"]", C1, "pooled", "set pooled = true");
    assert!(with("donors = [\"AA\"]", "donors = [\"AA\", \"BB\"]\npooled = true").is_ok());
}

#[test]
fn missing_fields_and_bad_choices() {
    assert_error("status = \"announced\"\n", "", C1, "status", "is missing");
    assert_error(
        "status = \"announced\"",
        "status = \"rumoured\"",
        C1,
        "status",
        "not one of: announced, confirmed, delivered",
    );
    assert_error("headline = \"A headline\"", "headline = \"  \"", "[[sources]] #1 \"s1\"", "headline", "is empty");
}

#[test]
fn every_error_is_reported_at_once() {
    let text = BASE
        .replace("currency = \"EUR\"", "currency = \"XYZ\"")
        .replace("since = \"2024-01-01\"", "since = \"2024-13-01\"");
    let problems = load("test.toml", text.as_bytes(), Format::Toml).unwrap_err();
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn a_donor_that_is_not_yet_a_member_is_a_warning() {
    let loaded = with(
        "party = \"AA\"\nrole = \"member\"\nsince = \"2024-01-01\"",
        "party = \"AA\"\nrole = \"member\"\nsince = \"2024-03-01\"",
    )
    .unwrap();
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0].to_string().contains("donor AA is not recorded as a member on 2024-02-01"),
        "{}",
        loaded.warnings[0]
    );
}

#[test]
fn a_reported_total_below_the_itemised_sum_is_a_warning_unless_a_lower_bound() {
    let total = "\n[[reported_totals]]\nid = \"t1\"\ndate = \"2024-03-01\"\namount = \"50\"\ncurrency = \"EUR\"\nsources = [\"s1\"]\n";
    let text = format!("{BASE}{total}");
    let loaded = load("test.toml", text.as_bytes(), Format::Toml).unwrap();
    assert_eq!(loaded.warnings.len(), 1);
    assert!(loaded.warnings[0].message.contains("reports €50 but contributions itemised by 2024-03-01 add up to €100"));
    let bounded = text
        .replace("currency = \"EUR\"\nsources = [\"s1\"]\n\n", "")
        .replace("amount = \"50\"", "amount = \"50\"\nlower_bound = true");
    assert!(load("test.toml", bounded.as_bytes(), Format::Toml).unwrap().warnings.is_empty());
}

#[test]
fn a_role_that_ends_before_it_begins_is_an_error() {
    assert_error(
        "party = \"BB\"\nrole = \"member\"\nsince = \"2024-01-01\"",
        "party = \"BB\"\nrole = \"member\"\nsince = \"2024-01-01\"\nuntil = \"2023-06-01\"",
        "[[roles]] #2 \"BB member\"",
        "until",
        "ends (2023-06-01) before it begins (2024-01-01)",
    );
}

/// BASE with two conflicts after it, the second about `about`.
fn with_conflicts(about: &str) -> Result<coalition_tracker::validate::Loaded, Vec<Problem>> {
    let claims = "[[conflicts.claims]]\nsays = \"one\"\nsources = [\"s1\"]\n\n[[conflicts.claims]]\nsays = \"two\"\nsources = [\"s1\"]\n";
    let text = format!(
        "{BASE}\n[[events]]\nid = \"e1\"\ndate = \"2024-01-01\"\ntitle = \"Founded\"\nsources = [\"s1\"]\n\n\
         [[contributions]]\nid = \"c0\"\ndonors = [\"BB\"]\namount = \"5\"\ncurrency = \"EUR\"\ndate = \"2024-01-05\"\n\
         status = \"announced\"\nsources = [\"s1\"]\n\n\
         [[reported_totals]]\nid = \"t1\"\ndate = \"2024-03-01\"\namount = \"105\"\ncurrency = \"EUR\"\nsources = [\"s1\"]\n\n\
         [[conflicts]]\nid = \"k1\"\ntopic = \"first\"\nabout = [\"AA\"]\n\n{claims}\n\
         [[conflicts]]\nid = \"k2\"\ntopic = \"second\"\nabout = {about}\n\n{claims}"
    );
    load("test.toml", text.as_bytes(), Format::Toml)
}

#[test]
fn a_conflict_is_about_parties_and_records_by_their_place_after_sorting() {
    use coalition_tracker::model::Subject;
    let loaded = with_conflicts(r#"["c1", "e1", "s1", "BB", "t1", "c0"]"#).unwrap_or_else(|p| panic!("{p:#?}"));
    let ds = &loaded.dataset;
    // Sorted by date, c0 (5 January) comes before c1 (1 February).
    assert_eq!(ds.contributions.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["c0", "c1"]);
    assert_eq!(ds.conflicts[0].about, [Subject::Party(0)]);
    assert_eq!(
        ds.conflicts[1].about,
        [
            Subject::Contribution(1),
            Subject::Event(0),
            Subject::Source(0),
            Subject::Party(1),
            Subject::ReportedTotal(0),
            Subject::Contribution(0)
        ]
    );
}

#[test]
fn a_conflict_about_an_unknown_id_or_another_conflict_is_an_error() {
    for (about, key) in [(r#"["c9"]"#, "c9"), (r#"["k1"]"#, "k1")] {
        let problems = with_conflicts(about).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:#?}");
        let p = &problems[0];
        assert_eq!((p.record.as_str(), p.field.as_str()), ("[[conflicts]] #2 \"k2\"", "about"), "{p}");
        assert!(p.message.starts_with(&format!("\"{key}\" is neither a party code nor the id of")), "{p}");
    }
}
