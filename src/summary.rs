//! A snapshot in plain, serialisable terms: codes and names instead of indices, dates as ISO
//! text, euros as numbers. The CLI prints it as JSON and the widget receives it as a JS object,
//! so both describe the data in the same words.

use serde::{Serialize, Serializer};

use crate::aggregate::{snapshot, DonorTotal, Snapshot};
use crate::date::Date;
use crate::model::*;
use crate::money::Cents;

/// Serialises euro cents as a JSON number of euros: whole euros as an integer, else with cents.
fn eur<S: Serializer>(cents: &Cents, s: S) -> Result<S::Ok, S::Error> {
    if cents % 100 == 0 {
        s.serialize_i64(cents / 100)
    } else {
        // Exact for any amount below 2^53 cents: the shortest decimal that reads back is the amount.
        s.serialize_f64(*cents as f64 / 100.0)
    }
}

fn eur_opt<S: Serializer>(cents: &Option<Cents>, s: S) -> Result<S::Ok, S::Error> {
    match cents {
        Some(c) => eur(c, s),
        None => s.serialize_none(),
    }
}

/// The whole summary for one date.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// Dataset id.
    pub coalition: String,
    /// Coalition name.
    pub name: String,
    /// The snapshot date, `YYYY-MM-DD`.
    pub as_of: String,
    /// The dataset's own last date.
    pub dataset_as_of: String,
    /// Leads plus members.
    pub member_count: usize,
    /// Every party holding a role, by role.
    pub parties: Vec<PartyRow>,
    /// Donors, largest first; `eur` excludes pooled pledges.
    pub donors: Vec<DonorRow>,
    /// Pooled pledges, each once and undivided.
    pub pooled: Vec<ContributionRow>,
    /// Sum of every valued contribution, single and pooled.
    #[serde(serialize_with = "eur")]
    pub itemised_eur: Cents,
    /// The latest reported total in euros, if any.
    #[serde(serialize_with = "eur_opt")]
    pub reported_total_eur: Option<Cents>,
    /// Whether the reported total is a "more than" figure.
    pub reported_is_lower_bound: bool,
    /// The latest reported total in full, if any.
    pub reported_total: Option<TotalRow>,
    /// Reported total minus itemised sum, never below zero.
    #[serde(serialize_with = "eur")]
    pub not_itemised_eur: Cents,
    /// Milestones up to the date.
    pub events: Vec<EventRow>,
    /// Disagreements between sources published by the date.
    pub conflicts: Vec<ConflictRow>,
}

/// A party and its role.
#[derive(Clone, Debug, Serialize)]
pub struct PartyRow {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// `state` or `organisation`.
    pub kind: &'static str,
    /// `lead`, `member`, `intending` or `attendee`.
    pub role: &'static str,
    /// When the role began, or by when it was held.
    pub since: String,
    /// `exact` or `by` ("member by the date first reported").
    pub since_basis: &'static str,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A donor's own contributions.
#[derive(Clone, Debug, Serialize)]
pub struct DonorRow {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Sum of its own valued contributions.
    #[serde(serialize_with = "eur")]
    pub eur: Cents,
    /// Its own contributions, valued or in kind.
    pub contributions: Vec<ContributionRow>,
    /// Ids of the pooled pledges it takes part in.
    pub pooled: Vec<String>,
}

/// A contribution as readers see it.
#[derive(Clone, Debug, Serialize)]
pub struct ContributionRow {
    /// Id.
    pub id: String,
    /// Donor codes.
    pub parties: Vec<String>,
    /// Original amount as decimal text, if stated.
    pub amount: Option<String>,
    /// Original currency, if stated.
    pub currency: Option<String>,
    /// Value in euros, if stated.
    #[serde(serialize_with = "eur_opt")]
    pub eur: Option<Cents>,
    /// The rate used, for non-euro amounts.
    pub rate: Option<RateRow>,
    /// Goods or services rather than money.
    pub in_kind: bool,
    /// What was given, for in-kind help.
    pub description: Option<String>,
    /// Date.
    pub date: String,
    /// `exact` or `by`.
    pub date_basis: &'static str,
    /// `announced`, `confirmed` or `delivered`.
    pub status: &'static str,
    /// What it pays for.
    pub purpose: Option<String>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A conversion rate as used.
#[derive(Clone, Debug, Serialize)]
pub struct RateRow {
    /// Units of currency per euro, as decimal text.
    pub per_eur: String,
    /// From when it applies.
    pub date: String,
    /// Where it comes from.
    pub basis: String,
}

/// A reported total.
#[derive(Clone, Debug, Serialize)]
pub struct TotalRow {
    /// Id.
    pub id: String,
    /// Date.
    pub date: String,
    /// Original amount as decimal text.
    pub amount: String,
    /// Original currency.
    pub currency: String,
    /// What it covers.
    pub scope: Option<String>,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A milestone.
#[derive(Clone, Debug, Serialize)]
pub struct EventRow {
    /// Id.
    pub id: String,
    /// Date.
    pub date: String,
    /// Title.
    pub title: String,
    /// Source ids.
    pub sources: Vec<String>,
}

/// A disagreement between sources.
#[derive(Clone, Debug, Serialize)]
pub struct ConflictRow {
    /// Id.
    pub id: String,
    /// What it is about.
    pub topic: String,
    /// Each side: what it says and which sources say it.
    pub claims: Vec<ClaimRow>,
    /// Which side the figures follow, and why.
    pub resolution: Option<String>,
}

/// One side of a disagreement.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimRow {
    /// What the sources say.
    pub says: String,
    /// Source ids.
    pub sources: Vec<String>,
}

fn source_ids(ds: &Dataset, sources: &[Index]) -> Vec<String> {
    sources.iter().map(|&s| ds.sources[s].id.clone()).collect()
}

fn codes(ds: &Dataset, parties: &[Index]) -> Vec<String> {
    parties.iter().map(|&p| ds.parties[p].code.clone()).collect()
}

fn contribution_row(ds: &Dataset, x: &Contribution) -> ContributionRow {
    let money = x.money.as_ref();
    ContributionRow {
        id: x.id.clone(),
        parties: codes(ds, &x.donors),
        amount: money.map(|m| m.amount.to_string()),
        currency: money.map(|m| m.currency.clone()),
        eur: money.map(|m| m.eur),
        rate: money.and_then(|m| m.rate).map(|r| {
            let rate = &ds.rates[r];
            RateRow { per_eur: rate.per_eur.to_string(), date: rate.date.to_string(), basis: rate.basis.clone() }
        }),
        in_kind: x.in_kind,
        description: x.description.clone(),
        date: x.date.to_string(),
        date_basis: x.date_timing.key(),
        status: x.status.key(),
        purpose: x.purpose.clone(),
        sources: source_ids(ds, &x.sources),
    }
}

fn donor_row(ds: &Dataset, d: &DonorTotal) -> DonorRow {
    let party = &ds.parties[d.party];
    let mut own: Vec<Index> = d.itemised.iter().chain(&d.in_kind).copied().collect();
    crate::order::sort_by(&mut own, usize::cmp);
    DonorRow {
        code: party.code.clone(),
        name: party.name.clone(),
        eur: d.eur,
        contributions: own.iter().map(|&i| contribution_row(ds, &ds.contributions[i])).collect(),
        pooled: d.pooled.iter().map(|&i| ds.contributions[i].id.clone()).collect(),
    }
}

/// Builds the summary of `ds` as of `as_of`.
pub fn summarise(ds: &Dataset, as_of: Date) -> Summary {
    from_snapshot(ds, &snapshot(ds, as_of))
}

/// Builds the summary from a snapshot already computed.
pub fn from_snapshot(ds: &Dataset, snap: &Snapshot) -> Summary {
    let parties = snap
        .standings
        .iter()
        .map(|s| {
            let party = &ds.parties[s.party];
            let span = &ds.roles[s.span];
            PartyRow {
                code: party.code.clone(),
                name: party.name.clone(),
                kind: match party.kind {
                    PartyKind::State => "state",
                    PartyKind::Organisation => "organisation",
                },
                role: s.role.key(),
                since: span.since.to_string(),
                since_basis: span.since_timing.key(),
                sources: source_ids(ds, &span.sources),
            }
        })
        .collect();
    let reported = snap.reported.map(|r| &ds.reported_totals[r]);
    Summary {
        coalition: ds.coalition.id.clone(),
        name: ds.coalition.name.clone(),
        as_of: snap.as_of.latest().to_string(),
        dataset_as_of: ds.coalition.as_of.to_string(),
        member_count: snap.member_count,
        parties,
        donors: snap.donors.iter().map(|d| donor_row(ds, d)).collect(),
        pooled: snap.pooled.iter().map(|&i| contribution_row(ds, &ds.contributions[i])).collect(),
        itemised_eur: snap.itemised_eur,
        reported_total_eur: reported.map(|t| t.money.eur),
        reported_is_lower_bound: reported.is_some_and(|t| t.lower_bound),
        reported_total: reported.map(|t| TotalRow {
            id: t.id.clone(),
            date: t.date.to_string(),
            amount: t.money.amount.to_string(),
            currency: t.money.currency.clone(),
            scope: t.scope.clone(),
            sources: source_ids(ds, &t.sources),
        }),
        not_itemised_eur: snap.not_itemised_eur,
        events: ds
            .events
            .iter()
            .filter(|e| e.date.is_on_or_before(snap.as_of))
            .map(|e| EventRow {
                id: e.id.clone(),
                date: e.date.to_string(),
                title: e.title.clone(),
                sources: source_ids(ds, &e.sources),
            })
            .collect(),
        conflicts: snap
            .conflicts
            .iter()
            .map(|&c| {
                let c = &ds.conflicts[c];
                ConflictRow {
                    id: c.id.clone(),
                    topic: c.topic.clone(),
                    claims: c
                        .claims
                        .iter()
                        .map(|cl| ClaimRow { says: cl.says.clone(), sources: source_ids(ds, &cl.sources) })
                        .collect(),
                    resolution: c.resolution.clone(),
                }
            })
            .collect(),
    }
}
