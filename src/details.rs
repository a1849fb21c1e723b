//! The words of the details panel and the tooltip for a selected mark: role and since when,
//! each contribution in its original currency and in euros with the rate, the sources cited,
//! and any disagreement between sources about it. Plain text only: the web module turns it
//! into DOM text nodes, so nothing from the data can become markup.

use crate::date::Date;
use crate::interaction::Target;
use crate::model::*;
use crate::money::{format_amount, format_eur, format_eur_short};

/// One heading and its lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// Heading.
    pub heading: String,
    /// Lines under it.
    pub lines: Vec<String>,
}

/// Everything the details panel shows for one mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Details {
    /// The name of the mark.
    pub title: String,
    /// One line on its standing: role and date, or amount and status.
    pub subtitle: String,
    /// Contributions, notes, sources, conflicts.
    pub sections: Vec<Section>,
}

/// How a source is cited: "“Headline”, Publisher, 27 January 2024 [s000]".
pub fn cite(s: &Source) -> String {
    let publisher = s.publisher.as_deref().map(|p| format!(", {p}")).unwrap_or_default();
    let author = s.author.as_deref().map(|a| format!(", by {a}")).unwrap_or_default();
    let dated = match s.date_basis {
        SourceDateBasis::Stated => s.date.long(),
        SourceDateBasis::Content => format!("{} (date from its content)", s.date.long()),
    };
    format!("“{}”{publisher}{author}, {dated} [{}]", s.headline, s.id)
}

/// The standing of a party on a date, in words: "Member since 23 January 2024".
pub fn standing(ds: &Dataset, party: Index, as_of: Date) -> String {
    let Some(span) = crate::aggregate::role_on(ds, party, as_of).map(|i| &ds.roles[i]) else {
        let later = ds.roles.iter().filter(|r| r.party == party).min_by_key(|r| r.since.day_number());
        return match later {
            Some(r) if !r.since.is_on_or_before(as_of) => {
                format!("No role on {}; {} from {}", as_of.long(), role_noun(r.role).to_lowercase(), r.since.long())
            }
            _ => format!("No role on {}", as_of.long()),
        };
    };
    let noun = role_noun(span.role);
    match (span.role, span.since_timing) {
        (Role::Attendee, _) => format!("{noun} ({})", span.since.long()),
        (Role::Intending, _) => format!("{noun} (announced {})", span.since.long()),
        (_, Timing::Exact) => format!("{noun} since {}", span.since.long()),
        (_, Timing::By) => format!("{noun} by {} (first reported; the sources give no start date)", span.since.long()),
    }
}

fn role_noun(role: Role) -> &'static str {
    match role {
        Role::Lead => "Lead",
        Role::Member => "Member",
        Role::Intending => "Intends to join",
        Role::Attendee => "Attended a meeting, not a member",
    }
}

/// A contribution's value in words, with the rate where it was converted.
pub fn value_line(ds: &Dataset, x: &Contribution) -> String {
    match &x.money {
        None => format!(
            "In kind, value not stated{}",
            x.description.as_deref().map(|d| format!(": {d}")).unwrap_or_default()
        ),
        Some(m) => match m.rate.map(|r| &ds.rates[r]) {
            None => format!("{} ({})", format_eur_short(m.eur), format_amount(m.amount, &m.currency)),
            Some(rate) => format!(
                "{} ≈ {} at {} {} per euro ({}; rate dated {})",
                format_amount(m.amount, &m.currency),
                format_eur(m.eur),
                rate.per_eur,
                m.currency,
                rate.basis,
                rate.date.long()
            ),
        },
    }
}

/// Lines describing one contribution.
fn contribution_lines(ds: &Dataset, x: &Contribution) -> Vec<String> {
    let when = match x.date_timing {
        Timing::Exact => x.date.long(),
        Timing::By => format!("by {}", x.date.long()),
    };
    let mut lines = vec![format!("{} — {}, {when}", value_line(ds, x), x.status.key())];
    if let Some(p) = &x.purpose {
        lines.push(format!("Purpose: {p}"));
    }
    if let Some(n) = &x.note {
        lines.push(n.clone());
    }
    lines
}

fn names(ds: &Dataset, parties: &[Index]) -> String {
    parties.iter().map(|&p| ds.parties[p].name.as_str()).collect::<Vec<_>>().join(", ")
}

/// The sources section for a set of source indices, in file order, each once.
fn sources_section(ds: &Dataset, mut sources: Vec<Index>) -> Section {
    sources.sort_unstable();
    sources.dedup();
    Section { heading: "Sources".into(), lines: sources.iter().map(|&s| cite(&ds.sources[s])).collect() }
}

/// One section per conflict about any of `subjects` that is open on `as_of`: each side with
/// its sources, then which side the figures follow.
fn conflict_sections(ds: &Dataset, subjects: &[Subject], as_of: Date) -> Vec<Section> {
    crate::aggregate::snapshot_conflicts(ds, as_of)
        .into_iter()
        .map(|c| &ds.conflicts[c])
        .filter(|c| c.about.iter().any(|a| subjects.contains(a)))
        .map(|c| {
            let claims = c.claims.iter().map(|cl| {
                let ids: Vec<&str> = cl.sources.iter().map(|&s| ds.sources[s].id.as_str()).collect();
                format!("{} [{}]", cl.says, ids.join(", "))
            });
            let follows = c.resolution.as_ref().map(|r| format!("This graphic follows: {r}"));
            Section { heading: format!("Sources disagree: {}", c.topic), lines: claims.chain(follows).collect() }
        })
        .collect()
}

/// The headline figures: "12 members · €58 million reported · as of 1 June 2024".
pub fn dek(ds: &Dataset, snap: &crate::aggregate::Snapshot) -> String {
    let total = match snap.reported.map(|r| &ds.reported_totals[r]) {
        Some(t) if t.lower_bound => format!("more than {} reported", format_eur_short(t.money.eur)),
        Some(t) => format!("{} reported", format_eur_short(t.money.eur)),
        None => "no total reported yet".to_string(),
    };
    format!("{} members · {total} · as of {}", snap.member_count, snap.as_of.long())
}

/// The details of `target` as of `as_of`.
pub fn describe(ds: &Dataset, target: Target, as_of: Date) -> Details {
    match target {
        Target::Party(p) => party(ds, p, as_of),
        Target::Pooled(c) => pooled(ds, c, as_of),
        Target::NotItemised => not_itemised(ds, as_of),
        Target::Event(e) => event(ds, e, as_of),
    }
}

fn party(ds: &Dataset, p: Index, as_of: Date) -> Details {
    let mut sections = Vec::new();
    let mut sources: Vec<Index> = Vec::new();
    let span = crate::aggregate::role_on(ds, p, as_of).map(|i| &ds.roles[i]);
    if let Some(span) = span {
        sources.extend(&span.sources);
        if let Some(note) = &span.note {
            sections.push(Section { heading: "Note".into(), lines: vec![note.clone()] });
        }
    }
    let mut subjects = vec![Subject::Party(p)];
    let mut lines = Vec::new();
    for (i, x) in ds.contributions.iter().enumerate() {
        if !x.donors.contains(&p) || !x.date.is_on_or_before(as_of) {
            continue;
        }
        subjects.push(Subject::Contribution(i));
        sources.extend(&x.sources);
        if x.pooled {
            let others: Vec<Index> = x.donors.iter().copied().filter(|&d| d != p).collect();
            let total = x.money.as_ref().map(|m| format_eur_short(m.eur)).unwrap_or_default();
            lines.push(format!(
                "Share, not reported, of a {total} pledge made jointly with {} ({})",
                names(ds, &others),
                x.date.long()
            ));
        } else {
            lines.extend(contribution_lines(ds, x));
        }
    }
    if !lines.is_empty() {
        sections.insert(0, Section { heading: "Contributions".into(), lines });
    }
    if !sources.is_empty() {
        sections.push(sources_section(ds, sources));
    }
    sections.extend(conflict_sections(ds, &subjects, as_of));
    Details { title: ds.parties[p].name.clone(), subtitle: standing(ds, p, as_of), sections }
}

fn pooled(ds: &Dataset, c: Index, as_of: Date) -> Details {
    let x = &ds.contributions[c];
    let mut sections = vec![Section { heading: "Pledge".into(), lines: contribution_lines(ds, x) }];
    sections.push(Section {
        heading: "Donors".into(),
        lines: vec![format!(
            "{}: how the pledge is split between them is not reported, so it is shown once, undivided.",
            names(ds, &x.donors)
        )],
    });
    sections.push(sources_section(ds, x.sources.clone()));
    sections.extend(conflict_sections(ds, &[Subject::Contribution(c)], as_of));
    let amount = x.money.as_ref().map(|m| format_eur_short(m.eur)).unwrap_or_default();
    Details {
        title: format!("Pooled pledge: {}", names(ds, &x.donors)),
        subtitle: format!("{amount}, {} {}", x.status.key(), x.date.long()),
        sections,
    }
}

fn not_itemised(ds: &Dataset, as_of: Date) -> Details {
    let snap = crate::aggregate::snapshot(ds, as_of);
    let Some(t) = snap.reported.map(|r| &ds.reported_totals[r]) else {
        return Details {
            title: "Not itemised".into(),
            subtitle: "No total reported by this date".into(),
            sections: Vec::new(),
        };
    };
    let mut lines = vec![format!(
        "The sources report {} in all ({}) but name donors for {}; {} is not attributed to any donor in them.",
        format_eur_short(t.money.eur),
        t.date.long(),
        format_eur_short(snap.itemised_eur),
        format_eur_short(snap.not_itemised_eur)
    )];
    let unvalued: Vec<Index> = snap.donors.iter().filter(|d| !d.in_kind.is_empty()).map(|d| d.party).collect();
    if !unvalued.is_empty() {
        lines.push(format!(
            "In-kind help of no stated value, from {}, may account for part of it.",
            names(ds, &unvalued)
        ));
    }
    if let Some(scope) = &t.scope {
        lines.push(format!("The reported total: {scope}."));
    }
    let sections = vec![Section { heading: "Reconciliation".into(), lines }, sources_section(ds, t.sources.clone())];
    Details {
        title: "Not itemised".into(),
        subtitle: format!("{} of the reported total", format_eur_short(snap.not_itemised_eur)),
        sections,
    }
}

fn event(ds: &Dataset, e: Index, as_of: Date) -> Details {
    let ev = &ds.events[e];
    let mut sections = Vec::new();
    if !ev.parties.is_empty() {
        sections.push(Section { heading: "Parties".into(), lines: vec![names(ds, &ev.parties)] });
    }
    let mut notes: Vec<String> =
        ev.members_reported.map(|n| format!("Member count reported: {n}")).into_iter().collect();
    notes.extend(ev.note.clone());
    if !notes.is_empty() {
        sections.push(Section { heading: "Note".into(), lines: notes });
    }
    sections.push(sources_section(ds, ev.sources.clone()));
    sections.extend(conflict_sections(ds, &[Subject::Event(e)], as_of));
    Details { title: ev.title.clone(), subtitle: ev.date.long(), sections }
}

/// A one-line description of a mark for its accessible name and its tooltip:
/// "Netherlands: member since 23 January 2024; €10 million".
pub fn label(ds: &Dataset, snap: &crate::aggregate::Snapshot, target: Target) -> String {
    match target {
        Target::Party(p) => {
            let given = snap.donors.iter().find(|d| d.party == p).map(|d| match (d.eur, d.in_kind.is_empty()) {
                (0, false) => "; in kind, value not stated".to_string(),
                (0, true) => "; share of a pooled pledge".to_string(),
                (eur, _) => format!("; {}", format_eur_short(eur)),
            });
            format!(
                "{}: {}{}",
                ds.parties[p].name,
                lowercase_first(&standing(ds, p, snap.as_of)),
                given.unwrap_or_default()
            )
        }
        Target::Pooled(c) => {
            let x = &ds.contributions[c];
            let eur = x.money.as_ref().map(|m| format_eur_short(m.eur)).unwrap_or_default();
            format!("Pooled pledge of {eur} by {}, split not reported", names(ds, &x.donors))
        }
        Target::NotItemised => {
            format!("Not itemised: {} of the reported total", format_eur_short(snap.not_itemised_eur))
        }
        Target::Event(e) => {
            let ev = &ds.events[e];
            format!("Event {}, {}: {}", e + 1, ev.date.long(), ev.title)
        }
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}
