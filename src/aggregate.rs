//! What the dataset says as of a date: who holds which role, who gave how much, how the
//! itemised sum compares with the latest reported total, and how both grew over time.
//!
//! Every function here is a pure function of a validated [`Dataset`] and a date, linear in the
//! number of records, so the widget can recompute on every step of the "as of" slider.

use crate::date::Date;
use crate::model::*;
use crate::money::Cents;

/// A party's role on the snapshot date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    /// The party.
    pub party: Index,
    /// Its role (the highest-precedence one where it holds several).
    pub role: Role,
    /// The role record, for its date, basis and sources.
    pub span: Index,
}

/// One donor's contributions up to the snapshot date, pooled pledges kept apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DonorTotal {
    /// The donor.
    pub party: Index,
    /// Sum in euro cents of the donor's own valued contributions.
    pub eur: Cents,
    /// Its own valued contributions.
    pub itemised: Vec<Index>,
    /// Its own in-kind contributions of no stated value.
    pub in_kind: Vec<Index>,
    /// Pooled pledges it takes part in (their value is not divided between donors).
    pub pooled: Vec<Index>,
}

/// Everything the views show for one "as of" date.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// The date.
    pub as_of: Date,
    /// Parties holding a role, by role precedence then in file order.
    pub standings: Vec<Standing>,
    /// Leads plus members.
    pub member_count: usize,
    /// Donors, largest itemised sum first; in-kind-only donors last.
    pub donors: Vec<DonorTotal>,
    /// Pooled pledges, as contribution indices, by date.
    pub pooled: Vec<Index>,
    /// Sum of every valued contribution, single and pooled.
    pub itemised_eur: Cents,
    /// The latest reported total, if any.
    pub reported: Option<Index>,
    /// How much of the reported total no itemised contribution accounts for (never negative).
    pub not_itemised_eur: Cents,
    /// Conflicts of which at least two sides had been published.
    pub conflicts: Vec<Index>,
}

/// The role `party` holds on `as_of`, if any, as the index of its role record.
pub fn role_on(ds: &Dataset, party: Index, as_of: Date) -> Option<Index> {
    ds.roles
        .iter()
        .enumerate()
        .filter(|(_, r)| r.party == party && r.holds_on(as_of))
        .min_by_key(|(_, r)| r.role)
        .map(|(i, _)| i)
}

/// Sum in euro cents of every valued contribution made by `as_of`.
pub fn itemised_eur(ds: &Dataset, as_of: Date) -> Cents {
    ds.contributions
        .iter()
        .filter(|x| x.date.is_on_or_before(as_of))
        .filter_map(|x| x.money.as_ref())
        .map(|m| m.eur)
        .sum()
}

/// How many contributions had been made by `as_of`: the first that many, since contributions are
/// sorted by date, and found by a binary search without working out the day of every one.
pub fn made_by(ds: &Dataset, as_of: Date) -> usize {
    let day = as_of.day_number();
    ds.contributions.partition_point(|x| x.date.day_number() <= day)
}

/// Computes the snapshot for `as_of`.
pub fn snapshot(ds: &Dataset, as_of: Date) -> Snapshot {
    let mut standings: Vec<Standing> = (0..ds.parties.len())
        .filter_map(|party| role_on(ds, party, as_of).map(|span| Standing { party, role: ds.roles[span].role, span }))
        .collect();
    crate::order::sort_by_key(&mut standings, |s| (s.role, s.party));
    let member_count = standings.iter().filter(|s| s.role.is_member()).count();

    let mut per_party: Vec<DonorTotal> = (0..ds.parties.len())
        .map(|party| DonorTotal { party, eur: 0, itemised: Vec::new(), in_kind: Vec::new(), pooled: Vec::new() })
        .collect();
    let mut pooled = Vec::new();
    let mut itemised = 0;
    for (i, x) in ds.contributions[..made_by(ds, as_of)].iter().enumerate() {
        itemised += x.money.as_ref().map_or(0, |m| m.eur);
        if x.pooled {
            pooled.push(i);
            x.donors.iter().for_each(|&d| per_party[d].pooled.push(i));
            continue;
        }
        for &d in &x.donors {
            match &x.money {
                Some(m) => {
                    per_party[d].eur += m.eur;
                    per_party[d].itemised.push(i);
                }
                None => per_party[d].in_kind.push(i),
            }
        }
    }
    let mut donors: Vec<DonorTotal> = per_party
        .into_iter()
        .filter(|d| !(d.itemised.is_empty() && d.in_kind.is_empty() && d.pooled.is_empty()))
        .collect();
    crate::order::sort_by_key(&mut donors, |d| (std::cmp::Reverse(d.eur), d.party));

    let reported = ds.reported_totals.iter().rposition(|t| t.date.is_on_or_before(as_of));
    let not_itemised_eur = reported.map_or(0, |r| (ds.reported_totals[r].money.eur - itemised).max(0));
    let conflicts = snapshot_conflicts(ds, as_of);
    Snapshot {
        as_of,
        standings,
        member_count,
        donors,
        pooled,
        itemised_eur: itemised,
        reported,
        not_itemised_eur,
        conflicts,
    }
}

/// Conflicts of which at least two sides had been published by `as_of`.
pub fn snapshot_conflicts(ds: &Dataset, as_of: Date) -> Vec<Index> {
    (0..ds.conflicts.len()).filter(|&c| conflict_is_open(ds, c, as_of)).collect()
}

/// Whether at least two sides of a conflict had been published by `as_of`.
fn conflict_is_open(ds: &Dataset, conflict: Index, as_of: Date) -> bool {
    let published = |claim: &Claim| claim.sources.iter().any(|&s| ds.sources[s].date.is_on_or_before(as_of));
    ds.conflicts[conflict].claims.iter().filter(|c| published(c)).count() >= 2
}

/// Cumulative itemised funding: one point per date on which it changes, in date order.
pub fn funding_series(ds: &Dataset) -> Vec<(Date, Cents)> {
    let mut out: Vec<(Date, Cents)> = Vec::new();
    let mut total = 0;
    for x in &ds.contributions {
        let Some(m) = &x.money else { continue };
        total += m.eur;
        match out.last_mut() {
            Some((d, t)) if d.day_number() == x.date.day_number() => *t = total,
            _ => out.push((x.date, total)),
        }
    }
    out
}

/// Member count (leads and members) at every date on which it changes, in date order.
pub fn membership_series(ds: &Dataset) -> Vec<(Date, usize)> {
    let mut dates: Vec<Date> =
        ds.roles.iter().filter(|r| r.role.is_member()).flat_map(|r| std::iter::once(r.since).chain(r.until)).collect();
    crate::order::sort_by_key(&mut dates, |d| d.day_number());
    dates.dedup_by_key(|d| d.day_number());
    let mut out: Vec<(Date, usize)> = Vec::with_capacity(dates.len());
    for date in dates {
        let count = snapshot_members(ds, date);
        if out.last().is_none_or(|&(_, c)| c != count) {
            out.push((date, count));
        }
    }
    out
}

/// Number of parties that are leads or members on `as_of`.
fn snapshot_members(ds: &Dataset, as_of: Date) -> usize {
    (0..ds.parties.len()).filter(|&p| role_on(ds, p, as_of).is_some_and(|span| ds.roles[span].role.is_member())).count()
}
