//! Properties of the aggregation over generated valid datasets (proptest): totals add up,
//! cumulative funding never falls, the member count counts members, and no cent is lost
//! converting or formatting.

#![cfg(not(target_arch = "wasm32"))] // native: proptest

use coalition_tracker::aggregate::{funding_series, itemised_eur, snapshot};
use coalition_tracker::date::Date;
use coalition_tracker::load::{load, Format};
use coalition_tracker::model::{Dataset, Role};
use coalition_tracker::money::{format_eur, Decimal, Rate};
use proptest::prelude::*;

const PARTIES: [&str; 6] = ["AA", "BB", "CC", "DD", "EE", "FF"];

/// One generated contribution: donors (indices; two or more make it pooled), whole euros or
/// kroner with cents, whether in kroner, whether in kind, and its day in 2023 or 2024.
#[derive(Clone, Debug)]
struct Pledge {
    donors: Vec<usize>,
    cents: u64,
    dkk: bool,
    in_kind: bool,
    day: u32,
}

fn pledge() -> impl Strategy<Value = Pledge> {
    (
        prop::collection::btree_set(0..PARTIES.len(), 1..4),
        1..100_000_000_000_u64,
        any::<bool>(),
        prop::bool::weighted(0.15),
        0..700_u32,
    )
        .prop_map(|(donors, cents, dkk, in_kind, day)| Pledge {
            donors: donors.into_iter().collect(),
            cents,
            dkk,
            in_kind,
            day,
        })
}

/// Roles: each party is a member from a day, possibly until a later day, or an attendee.
fn roles() -> impl Strategy<Value = Vec<(u32, Option<u32>, bool)>> {
    prop::collection::vec((0..700_u32, prop::option::of(1..300_u32), prop::bool::weighted(0.2)), PARTIES.len())
}

fn iso(day: u32) -> String {
    let d = Date::from_day_number(Date::parse("2023-01-01").map(|d| d.day_number()).unwrap_or(0) + i64::from(day));
    d.to_string()
}

/// The generated records as the JSON an editor would export, validated by the real loader.
fn dataset(pledges: &[Pledge], roles: &[(u32, Option<u32>, bool)]) -> Dataset {
    let parties: Vec<String> = PARTIES.iter().map(|c| format!(r#"{{"code":"{c}","name":"Party {c}"}}"#)).collect();
    let role_records: Vec<String> = roles
        .iter()
        .enumerate()
        .map(|(i, &(since, until, attendee))| {
            let until = until.map(|u| format!(r#","until":"{}""#, iso(since + u))).unwrap_or_default();
            let role = if attendee { "attendee" } else { "member" };
            format!(r#"{{"party":"{}","role":"{role}","since":"{}"{until},"sources":["s1"]}}"#, PARTIES[i], iso(since))
        })
        .collect();
    let contributions: Vec<String> = pledges
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let donors: Vec<String> = p.donors.iter().map(|&d| format!("\"{}\"", PARTIES[d])).collect();
            let pooled = if p.donors.len() > 1 { r#""pooled":true,"# } else { "" };
            let value = if p.in_kind {
                r#""in_kind":true,"#.to_string()
            } else {
                let currency = if p.dkk { "DKK" } else { "EUR" };
                format!(r#""amount":"{}.{:02}","currency":"{currency}","#, p.cents / 100, p.cents % 100)
            };
            format!(
                r#"{{"id":"c{i}","donors":[{}],{pooled}{value}"date":"{}","status":"confirmed","sources":["s1"]}}"#,
                donors.join(","),
                iso(p.day)
            )
        })
        .collect();
    let text = format!(
        r#"{{"coalition":{{"id":"p","name":"P","as_of":"2025-12-31"}},
        "sources":[{{"id":"s1","headline":"H","date":"2023-01-01","date_basis":"stated"}}],
        "parties":[{}],"roles":[{}],
        "rates":[{{"currency":"DKK","per_eur":"7.46038","date":"1999-01-01","basis":"ERM II","sources":["s1"]}}],
        "contributions":[{}]}}"#,
        parties.join(","),
        role_records.join(","),
        contributions.join(",")
    );
    match load("generated.json", text.as_bytes(), Format::Json) {
        Ok(loaded) => loaded.dataset,
        Err(problems) => panic!("the generator made an invalid dataset: {}", problems[0]),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn donor_totals_and_pooled_pledges_add_up_to_the_itemised_sum(
        pledges in prop::collection::vec(pledge(), 0..40), roles in roles(), day in 0..800_u32,
    ) {
        let ds = dataset(&pledges, &roles);
        let as_of = Date::parse(&iso(day)).map_err(TestCaseError::fail)?;
        let snap = snapshot(&ds, as_of);
        let donors: i64 = snap.donors.iter().map(|d| d.eur).sum();
        let pooled: i64 = snap.pooled.iter().filter_map(|&c| ds.contributions[c].money.as_ref()).map(|m| m.eur).sum();
        prop_assert_eq!(donors + pooled, snap.itemised_eur);
        prop_assert_eq!(snap.itemised_eur, itemised_eur(&ds, as_of));
    }

    #[test]
    fn cumulative_funding_never_falls_as_the_date_moves_on(
        pledges in prop::collection::vec(pledge(), 0..40), roles in roles(), a in 0..800_u32, b in 0..800_u32,
    ) {
        let ds = dataset(&pledges, &roles);
        let (early, late) = (a.min(b), a.max(b));
        let at = |d: u32| Date::parse(&iso(d)).map(|date| itemised_eur(&ds, date));
        prop_assert!(at(early).map_err(TestCaseError::fail)? <= at(late).map_err(TestCaseError::fail)?);
        let series = funding_series(&ds);
        prop_assert!(series.windows(2).all(|w| w[0].1 <= w[1].1), "the funding series falls: {:?}", series);
    }

    #[test]
    fn the_member_count_counts_the_parties_listed_as_members(
        pledges in prop::collection::vec(pledge(), 0..5), roles in roles(), day in 0..800_u32,
    ) {
        let ds = dataset(&pledges, &roles);
        let as_of = Date::parse(&iso(day)).map_err(TestCaseError::fail)?;
        let snap = snapshot(&ds, as_of);
        let listed = snap.standings.iter().filter(|s| matches!(s.role, Role::Member | Role::Lead)).count();
        prop_assert_eq!(snap.member_count, listed);
        let by_hand = roles.iter().filter(|&&(since, until, attendee)| {
            !attendee && since <= day && until.is_none_or(|u| day < since + u)
        }).count();
        prop_assert_eq!(snap.member_count, by_hand);
    }

    #[test]
    fn converting_and_formatting_never_lose_a_cent(cents in 0..10_000_000_000_000_u64) {
        let text = format!("{}.{:02}", cents / 100, cents % 100);
        let amount = Decimal::parse(&text).map_err(TestCaseError::fail)?;
        prop_assert_eq!(amount.to_cents().map_err(TestCaseError::fail)?, cents as i64);
        let euro = Rate { per_eur: Decimal::whole(1) };
        prop_assert_eq!(euro.to_eur_cents(amount).map_err(TestCaseError::fail)?, cents as i64);
        let shown: String = format_eur(cents as i64).chars().filter(char::is_ascii_digit).collect();
        // Whole euros are shown without ".00"; otherwise every cent is shown.
        let digits = if cents % 100 == 0 { (cents / 100).to_string() } else { cents.to_string() };
        prop_assert_eq!(shown.trim_start_matches('0'), digits.trim_start_matches('0'));
        let tail = format!("{:02}", cents % 100);
        prop_assert!(cents % 100 == 0 || format_eur(cents as i64).ends_with(&tail), "{} lost its cents", cents);
    }
}
