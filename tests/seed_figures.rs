//! The dataset files against the figures the seed articles state.
#![cfg(not(target_arch = "wasm32"))] // native: reads files and runs the CLI

use coalition_tracker::aggregate::{funding_series, membership_series, snapshot};
use coalition_tracker::date::Date;
use coalition_tracker::i18n::Locale;
use coalition_tracker::load::{load, Format};
use coalition_tracker::model::{Dataset, Role};
use coalition_tracker::summary::summarise;
use coalition_tracker::validate::Loaded;

fn load_file(path: &str) -> Loaded {
    let bytes = std::fs::read(path).unwrap();
    load(path, &bytes, Format::of(path)).unwrap_or_else(|p| panic!("{path} invalid: {p:#?}"))
}

fn it_coalition() -> Dataset {
    let loaded = load_file("data/it-coalition.toml");
    assert!(loaded.warnings.is_empty(), "unexpected warnings: {:#?}", loaded.warnings);
    loaded.dataset
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn codes_with_role(ds: &Dataset, as_of: &str, role: Role) -> Vec<String> {
    let snap = snapshot(ds, date(as_of));
    let mut codes: Vec<String> =
        snap.standings.iter().filter(|s| s.role == role).map(|s| ds.parties[s.party].code.clone()).collect();
    codes.sort();
    codes
}

#[test]
fn twelve_members_with_two_leads_on_1_june_2024() {
    let ds = it_coalition();
    let snap = snapshot(&ds, date("2024-06-01"));
    assert_eq!(snap.member_count, 12);
    assert_eq!(codes_with_role(&ds, "2024-06-01", Role::Lead), ["EE", "LU"]);
    assert_eq!(
        codes_with_role(&ds, "2024-06-01", Role::Member),
        ["BE", "DK", "GB", "IS", "IT", "JP", "LT", "LV", "NL", "UA"]
    );
    assert_eq!(codes_with_role(&ds, "2024-06-01", Role::Intending), ["ES"]);
    assert_eq!(codes_with_role(&ds, "2024-06-01", Role::Attendee), ["DE", "EU", "NATO", "PL", "US"]);
}

#[test]
fn spain_intends_to_join_only_from_31_may_2024() {
    let ds = it_coalition();
    assert!(codes_with_role(&ds, "2024-05-30", Role::Intending).is_empty());
    assert_eq!(codes_with_role(&ds, "2024-05-31", Role::Intending), ["ES"]);
}

#[test]
fn the_netherlands_is_a_member_from_23_january_2024() {
    let ds = it_coalition();
    assert!(!codes_with_role(&ds, "2024-01-22", Role::Member).contains(&"NL".to_string()));
    assert!(codes_with_role(&ds, "2024-01-23", Role::Member).contains(&"NL".to_string()));
    let nl = summarise(&ds, date("2024-02-15")).parties.into_iter().find(|p| p.code == "NL").unwrap();
    assert_eq!((nl.since.as_str(), nl.since_basis), ("2024-01-23", "exact"));
    let jp = summarise(&ds, date("2024-02-15")).parties.into_iter().find(|p| p.code == "JP").unwrap();
    assert_eq!((jp.since.as_str(), jp.since_basis), ("2024-01-23", "by"), "no join date is invented for Japan");
}

#[test]
fn reported_total_is_58_million_and_the_remainder_is_not_itemised() {
    let ds = it_coalition();
    let s = summarise(&ds, date("2024-06-01"));
    assert_eq!(s.reported_total_eur, Some(5_800_000_000));
    assert!(!s.reported_is_lower_bound);
    // 0.5 + 10 + 10 + 12.19777009 (DKK 91m) + 22 (pooled) million euros.
    assert_eq!(s.itemised_eur, 5_469_777_009);
    assert_eq!(s.not_itemised_eur, 5_800_000_000 - 5_469_777_009);
}

#[test]
fn the_first_reported_total_stays_a_lower_bound() {
    let ds = it_coalition();
    let s = summarise(&ds, date("2024-03-01"));
    assert_eq!(s.reported_total_eur, Some(3_000_000_000));
    assert!(s.reported_is_lower_bound);
    assert_eq!(s.itemised_eur, 3_269_777_009, "six confirmed contributions exceed 'more than €30 million'");
    assert_eq!(s.not_itemised_eur, 0);
}

#[test]
fn danish_kroner_convert_to_about_12_2_million_euros_at_a_dated_rate() {
    let ds = it_coalition();
    let s = summarise(&ds, date("2024-06-01"));
    let dk = s.donors.iter().find(|d| d.code == "DK").unwrap();
    assert_eq!(dk.eur, 1_219_777_009);
    let x = &dk.contributions[0];
    assert_eq!((x.amount.as_deref(), x.currency.as_deref()), (Some("91000000"), Some("DKK")));
    let rate = x.rate.as_ref().unwrap();
    assert_eq!((rate.per_eur.as_str(), rate.date.as_str()), ("7.46038", "1999-01-01"));
    assert!(rate.basis.contains("ERM II"));
}

#[test]
fn the_tallinn_pledge_stays_one_undivided_pooled_pledge() {
    let ds = it_coalition();
    let s = summarise(&ds, date("2024-06-01"));
    assert_eq!(s.pooled.len(), 1);
    assert_eq!(s.pooled[0].parties, ["LU", "IS", "EE", "BE"]);
    assert_eq!(s.pooled[0].eur, Some(2_200_000_000));
    let eur_of = |code: &str| s.donors.iter().find(|d| d.code == code).map(|d| d.eur);
    assert_eq!(eur_of("IS"), Some(0), "Iceland's share is not reported, so none is invented");
    assert_eq!(eur_of("EE"), Some(50_000_000), "Estonia's own €500,000 only");
    let is = s.donors.iter().find(|d| d.code == "IS").unwrap();
    assert_eq!(is.pooled, ["tallinn-22m"]);
}

#[test]
fn in_kind_help_without_a_value_is_kept_without_one() {
    let ds = it_coalition();
    let s = summarise(&ds, date("2024-06-01"));
    for code in ["LT", "LV"] {
        let d = s.donors.iter().find(|d| d.code == code).unwrap();
        assert_eq!(d.eur, 0);
        assert!(d.contributions[0].in_kind && d.contributions[0].eur.is_none());
        assert_eq!(d.contributions[0].description.as_deref(), Some("licences and equipment"));
    }
}

#[test]
fn every_conflict_the_seeds_hold_is_recorded_with_both_sides() {
    let ds = it_coalition();
    let ids: Vec<&str> = ds.conflicts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["ee-usd", "nl-join-date", "member-count-s001", "s003-members", "first-meeting-date"]);
    assert!(ds.conflicts.iter().all(|c| c.claims.len() >= 2 && c.claims.iter().all(|cl| !cl.sources.is_empty())));
    let usd = &ds.conflicts[0];
    assert!(usd.claims[0].says.contains("$72,000"));
    // A conflict is open once two of its sides have been published.
    assert_eq!(summarise(&ds, date("2024-06-01")).conflicts.len(), 4);
    assert_eq!(summarise(&ds, date("2024-07-26")).conflicts.len(), 5);
}

/// The seed archive: `$COALITION_SEEDS`, or `../shared/seeds` beside the checkout (as in CI).
fn seeds_dir() -> Option<std::path::PathBuf> {
    let dir = std::env::var_os("COALITION_SEEDS").map(Into::into).unwrap_or_else(|| "../shared/seeds".into());
    let found = std::path::Path::new(&dir).is_dir().then_some(dir);
    assert!(found.is_some() || std::env::var_os("CI").is_none(), "CI must have the seed archive at ../shared/seeds");
    found
}

#[test]
fn every_source_is_a_seed_file_whose_text_carries_its_headline() {
    let ds = it_coalition();
    assert_eq!(ds.sources.len(), 5);
    let Some(dir) = seeds_dir() else {
        eprintln!("seed archive not found: set COALITION_SEEDS to check headlines against it");
        return;
    };
    for s in &ds.sources {
        let file = s.file.as_deref().unwrap_or_else(|| panic!("{} names no file", s.id));
        let text = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(text.contains(&s.headline), "{file} does not contain the headline {:?}", s.headline);
    }
}

#[test]
fn funding_and_membership_grow_over_time() {
    let ds = it_coalition();
    let funding: Vec<(String, i64)> = funding_series(&ds).into_iter().map(|(d, c)| (d.to_string(), c)).collect();
    assert_eq!(funding, [("2024-01-23".to_string(), 3_269_777_009), ("2024-05-31".to_string(), 5_469_777_009)]);
    let members: Vec<(String, usize)> = membership_series(&ds).into_iter().map(|(d, n)| (d.to_string(), n)).collect();
    assert_eq!(members, [("2024-01-23".to_string(), 12)]);
}

#[test]
fn the_drone_coalition_file_validates_and_summarises_with_the_same_code() {
    let loaded = load_file("data/drones-ew.toml");
    let ds = loaded.dataset;
    assert_eq!(ds.coalition.name, "Coalition of Drones and EW");
    let s = summarise(&ds, ds.coalition.as_of);
    assert_eq!(s.member_count, 4);
    let codes: Vec<&str> = s.parties.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["UA", "LV", "SE", "GB"]);
    assert_eq!(s.reported_total_eur, None);
    assert!(s.donors.is_empty());
    assert_eq!(summarise(&ds, date("2024-01-31")).member_count, 2, "Sweden and the UK are reported by February");
}

#[test]
fn the_worked_example_in_the_data_readme_validates_as_documented() {
    let readme = std::fs::read_to_string("data/README.md").unwrap();
    let start = readme.find("```toml\n").expect("data/README.md has a TOML example") + "```toml\n".len();
    let example = &readme[start..start + readme[start..].find("```").unwrap()];
    let base = std::fs::read_to_string("data/it-coalition.toml").unwrap();
    let bumped = base.replace("as_of = \"2024-07-26\"", "as_of = \"2024-09-10\"");
    let text = format!("{bumped}\n{example}");
    let loaded = load("it-coalition.toml", text.as_bytes(), Format::Toml).unwrap_or_else(|p| panic!("{p:#?}"));
    let s = summarise(&loaded.dataset, date("2024-09-10"));
    assert_eq!(s.member_count, 13);
    let se = s.donors.iter().find(|d| d.code == "SE").unwrap();
    assert_eq!(se.eur, 438_596_491, "SEK 50,000,000 / 11.4");
    // Without its rate, the error the README quotes.
    let no_rate =
        format!("{bumped}\n{}", example.replace("currency = \"SEK\"\nper_eur", "currency = \"NOK\"\nper_eur"));
    let problems = load("it-coalition.toml", no_rate.as_bytes(), Format::Toml).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.message == "unknown currency \"SEK\": add a [[rates]] record giving units of SEK per euro"),
        "{problems:#?}"
    );
}

#[test]
fn downloads_hold_the_contributions_shown_on_the_date_with_sources() {
    let ds = it_coalition();
    let csv = coalition_tracker::export::csv(&ds, date("2024-06-01"), &Locale::plain());
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 1 + 7);
    assert!(lines[0].starts_with("id,donors,pooled,amount,currency,eur,"));
    let dk = lines.iter().find(|l| l.starts_with("dk-91m,")).unwrap();
    assert!(dk.starts_with("dk-91m,DK,false,91000000,DKK,12197770.09,7.46038,"), "{dk}");
    assert!(dk.contains(",s000 s001 s002,"), "{dk}");
    let pooled = lines.iter().find(|l| l.starts_with("tallinn-22m,")).unwrap();
    assert!(pooled.starts_with("tallinn-22m,LU IS EE BE,true,22000000,EUR,22000000.00,"), "{pooled}");
    assert_eq!(
        coalition_tracker::export::csv(&ds, date("2024-02-15"), &Locale::plain()).lines().count(),
        1 + 6,
        "not yet the Tallinn pledge"
    );
    let json = coalition_tracker::export::download(&ds, date("2024-06-01"), &Locale::plain());
    assert_eq!(json.contributions.len(), 7);
    assert_eq!(json.sources.len(), 5);
}
