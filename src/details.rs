//! The words of the details panel and the tooltip for a selected mark: role and since when,
//! each contribution in its original currency and in euros with the rate, the sources cited,
//! and any disagreement between sources about it. Plain text only: the web module turns it
//! into DOM text nodes, so nothing from the data can become markup.

use std::hash::{Hash, Hasher};

use crate::aggregate::{made_by, role_on, snapshot, snapshot_conflicts, Snapshot};
use crate::date::Date;
use crate::geometry::small_letter;
use crate::i18n::{fill, fill_with, Locale};
use crate::interaction::Target;
use crate::model::*;
use crate::money::{int, Decimal};
use crate::text::{cat, join, word};

/// The language the dataset's own words (notes, claims, event titles) are written in: every
/// source so far is in English. The widget marks such text with it, so that a screen reader in
/// Ukrainian mode switches voice instead of reading English with Ukrainian rules.
pub const DATA_LANG: &str = "en";

/// Whether [`Line`]s keep track of what they quote: only a widget in a language other than
/// [`DATA_LANG`] marks it, so a module built with English alone tracks nothing (183 B less of
/// it, gzipped).
const TRACKS_QUOTES: bool = cfg!(feature = "uk");

/// The most contributions a party's details list, its latest, after a line that counts the
/// others: an editor's file can give a party hundreds, a list no reader reads through, and
/// the panel is written again at every date change, which a list that long holds up (with
/// 39,000 contributions and a party selected, a date change took 12.2–12.6 ms at the median
/// with its 700 lines, 8.8–10.0 ms with 20).
pub const LISTED_CONTRIBUTIONS: usize = 20;

/// The most rows of the table view's contributions, the latest, with a note that counts them
/// all (the CSV and JSON downloads, where the host offers them, have every one): with the
/// largest file an editor can host,
/// the table of all 39,000 took 2 s to show and as long again at each date change.
pub const TABLE_CONTRIBUTIONS: usize = 100;

/// Text in the reader's language with the stretches it quotes from the dataset (notes, claims,
/// titles, a rate's basis), which are in [`DATA_LANG`]: a line of the details panel, a heading,
/// a citation, a table cell. The widget marks those stretches with their language, so that a
/// screen reader in Ukrainian mode reads "Джерела розходяться: When the Netherlands joined"
/// with two voices.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Line {
    /// The text.
    pub text: String,
    /// The byte ranges of `text` quoted from the dataset, in order, apart and never empty.
    pub quoted: Vec<(usize, usize)>,
}

impl Line {
    /// A line in the reader's language.
    pub fn ui(text: String) -> Self {
        Line { text, quoted: Vec::new() }
    }

    /// A line quoted from the dataset.
    pub fn data(text: String) -> Self {
        let quoted = if TRACKS_QUOTES && !text.is_empty() { vec![(0, text.len())] } else { Vec::new() };
        Line { text, quoted }
    }

    /// Appends `text` in the reader's language.
    pub fn say(&mut self, text: &str) -> &mut Self {
        self.text += text;
        self
    }

    /// Appends `text` quoted from the dataset.
    pub fn quote(&mut self, text: &str) -> &mut Self {
        let (start, end) = (self.text.len(), self.text.len() + text.len());
        match self.quoted.last_mut() {
            _ if text.is_empty() || !TRACKS_QUOTES => {}
            Some(last) if last.1 == start => last.1 = end,
            _ => self.quoted.push((start, end)),
        }
        self.text += text;
        self
    }

    /// `template`, in the reader's language, with each `{name}` replaced by its value: text in
    /// the reader's language from `plain`, or a line from `lines`, whose quoted stretches stay
    /// quoted (see [`fill`]).
    pub fn fill(template: &str, plain: &[(&str, &str)], lines: &[(&str, &Line)]) -> Line {
        let mut quoted = Vec::new();
        let mut text = String::new();
        fill_with(template, &mut text, &mut |name, out| {
            if let Some((_, line)) = lines.iter().find(|(n, _)| *n == name) {
                if TRACKS_QUOTES {
                    quoted.extend(line.quoted.iter().map(|&(a, b)| (a + out.len(), b + out.len())));
                }
                *out += &line.text;
            } else if let Some((_, value)) = plain.iter().find(|(n, _)| *n == name) {
                *out += value;
            } else {
                return false;
            }
            true
        });
        Line { text, quoted }
    }

    /// `template`, in the reader's language, with its `{name}` replaced by `text` quoted from
    /// the dataset: "Sources disagree: {topic}".
    pub fn quoting(template: &str, name: &str, text: &str) -> Line {
        Line::fill(template, &[], &[(name, &Line::data(text.into()))])
    }

    /// Whether the whole line is quoted from the dataset.
    pub fn is_data(&self) -> bool {
        self.quoted == [(0, self.text.len())]
    }
}

impl From<&str> for Line {
    /// A line of the widget's own words.
    fn from(text: &str) -> Line {
        Line::ui(text.into())
    }
}

/// One heading and its lines.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Section {
    /// Heading.
    pub heading: Line,
    /// Lines under it.
    pub lines: Vec<Line>,
}

/// Everything the details panel shows for one mark.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Details {
    /// The name of the mark (an event's title is the dataset's words).
    pub title: Line,
    /// One line on its standing: role and date, or amount and status.
    pub subtitle: String,
    /// Contributions, notes, sources, conflicts.
    pub sections: Vec<Section>,
}

impl Details {
    /// A hash of everything the panel would show (FNV-1a, 64 bits): equal details give equal
    /// fingerprints, so the widget keeps the panel's elements while the fingerprint stays the
    /// same. FNV rather than std's SipHash, which would add 0.6 KB to the split-off module.
    pub fn fingerprint(&self) -> u64 {
        let mut fnv = crate::codec::Fnv::default();
        self.hash(&mut fnv);
        fnv.finish()
    }
}

/// The coalition's name: in the reader's language where the dataset gives one (`names`), else
/// its own, quoted.
pub fn coalition_name(ds: &Dataset, loc: &Locale) -> Line {
    let c = &ds.coalition;
    loc.local(&c.names).map_or_else(|| Line::data(c.name.clone()), |local| Line::ui(local.into()))
}

/// How a source is cited: "“Headline”, Publisher, 27 January 2024 \[s000\]", with its
/// headline, publisher and author quoted.
pub fn cite(s: &Source, loc: &Locale) -> Line {
    let mut publisher = Line::default();
    if let Some(p) = &s.publisher {
        publisher.say(", ").quote(p);
    }
    let author = s.author.as_ref().map(|a| Line::quoting(loc.words().by_author, "author", a));
    let dated = match s.date_basis {
        SourceDateBasis::Stated => loc.fmt.date(s.date),
        SourceDateBasis::Content => cat(&[&loc.fmt.date(s.date), " (", loc.words().date_from_content, ")"]),
    };
    Line::fill(
        "“{headline}”{publisher}{author}, {date} [{id}]",
        &[("date", &dated), ("id", &s.id)],
        &[
            ("headline", &Line::data(s.headline.clone())),
            ("publisher", &publisher),
            ("author", &author.unwrap_or_default()),
        ],
    )
}

fn role_noun(role: Role, loc: &Locale) -> &'static str {
    match role {
        Role::Lead => loc.words().role_lead,
        Role::Member => loc.words().role_member,
        Role::Intending => loc.words().role_intending,
        Role::Attendee => loc.words().role_attendee,
    }
}

/// `text` with its first letter in lower case. The texts lowercased are the widget's own words
/// (role nouns and standing sentences), so only the alphabets of its languages, basic Latin and
/// Cyrillic, are mapped (see [`small_letter`]): `char::to_lowercase` would link the standard library's whole Unicode
/// case table, 5 KB of the widget module gzipped.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| std::iter::once(small_letter(c)).chain(chars).collect()).unwrap_or_default()
}

/// The standing of a party on a date, in words: "Member since 23 January 2024".
pub fn standing(ds: &Dataset, party: Index, as_of: Date, loc: &Locale) -> String {
    let (w, f) = (loc.words(), loc.fmt);
    let Some(span) = role_on(ds, party, as_of).map(|i| &ds.roles[i]) else {
        let later = ds.roles.iter().filter(|r| r.party == party).min_by_key(|r| r.since.day_number());
        return match later {
            Some(r) if !r.since.is_on_or_before(as_of) => {
                let role = lowercase_first(role_noun(r.role, loc));
                fill(w.standing_later, &[("date", &f.date(as_of)), ("role", &role), ("later", &f.date(r.since))])
            }
            _ => fill(w.standing_none, &[("date", &f.date(as_of))]),
        };
    };
    let template = match (span.role, span.since_timing) {
        (Role::Attendee, _) => w.standing_attendee,
        (Role::Intending, _) => w.standing_intending,
        (_, Timing::Exact) => w.standing_since,
        (_, Timing::By) => w.standing_by,
    };
    fill(template, &[("role", role_noun(span.role, loc)), ("date", &f.date(span.since))])
}

/// Whether a party's standing on `as_of` is known only from when it was first reported (a
/// member "by" a date): the sources give no start date.
fn first_reported(ds: &Dataset, party: Index, as_of: Date) -> bool {
    role_on(ds, party, as_of).is_some_and(|i| {
        let r = &ds.roles[i];
        r.since_timing == Timing::By && !matches!(r.role, Role::Attendee | Role::Intending)
    })
}

/// A contribution's value in words, with the rate where it was converted; what an in-kind
/// contribution is and the basis of a rate are quoted.
pub fn value_line(ds: &Dataset, x: &Contribution, loc: &Locale) -> Line {
    let f = loc.fmt;
    match &x.money {
        None => {
            let mut what = Line::default();
            if let Some(d) = &x.description {
                what.say(": ").quote(d);
            }
            Line::fill(loc.panel.in_kind_line, &[], &[("what", &what)])
        }
        Some(m) => {
            let amount = f.amount(m.amount, &m.currency);
            match m.rate.map(|r| &ds.rates[r]) {
                None => Line::ui(fill(loc.panel.in_euros, &[("eur", &f.eur_short(m.eur)), ("amount", &amount)])),
                Some(rate) => Line::fill(
                    loc.panel.converted,
                    &[
                        ("amount", &amount),
                        ("words", &f.amount_words(m.amount, &m.currency)),
                        ("eur", &f.eur_full(m.eur)),
                        ("rate", &f.decimal(rate.per_eur)),
                        ("currency", &m.currency),
                        ("date", &f.date(rate.date)),
                    ],
                    &[("basis", &Line::data(rate.basis.clone()))],
                ),
            }
        }
    }
}

/// The status word.
pub fn status(s: Status, loc: &Locale) -> &'static str {
    word(loc.panel.statuses, Status::ALL.iter().position(|&x| x == s).unwrap_or(0))
}

/// Lines describing one contribution.
fn contribution_lines(ds: &Dataset, x: &Contribution, loc: &Locale) -> Vec<Line> {
    let f = loc.fmt;
    let when = match x.date_timing {
        Timing::Exact => f.date(x.date),
        Timing::By => fill(loc.panel.by_date, &[("date", &f.date(x.date))]),
    };
    let value = value_line(ds, x, loc);
    let mut lines = vec![Line::fill(
        loc.panel.contribution,
        &[("status", status(x.status, loc)), ("when", &when)],
        &[("value", &value)],
    )];
    if let Some(p) = &x.purpose {
        lines.push(Line::quoting(loc.panel.purpose, "purpose", p));
    }
    lines.extend(x.note.clone().map(Line::data));
    lines
}

/// The sources section for a set of source indices, in file order, each once.
fn sources_section(ds: &Dataset, mut sources: Vec<Index>, loc: &Locale) -> Section {
    crate::order::sort_dedup(&mut sources);
    Section { heading: loc.panel.h_sources.into(), lines: sources.iter().map(|&s| cite(&ds.sources[s], loc)).collect() }
}

/// One section per conflict about any of `subjects` that is open on `as_of`: each side with
/// its sources, then which side the figures follow.
fn conflict_sections(ds: &Dataset, subjects: &[Subject], as_of: Date, loc: &Locale) -> Vec<Section> {
    snapshot_conflicts(ds, as_of)
        .into_iter()
        .map(|c| &ds.conflicts[c])
        .filter(|c| c.about.iter().any(|a| subjects.contains(a)))
        .map(|c| {
            let claims = c.claims.iter().map(|cl| {
                let ids: Vec<&str> = cl.sources.iter().map(|&s| ds.sources[s].id.as_str()).collect();
                Line::data(cat(&[&cl.says, " [", &join(&ids, ", "), "]"]))
            });
            let follows = c.resolution.as_ref().map(|r| Line::quoting(loc.panel.follows, "text", r));
            Section {
                heading: Line::quoting(loc.panel.h_disagree, "topic", &c.topic),
                lines: claims.chain(follows).collect(),
            }
        })
        .collect()
}

/// The headline figures: "12 members · €58 million reported · as of 1 June 2024".
pub fn dek(ds: &Dataset, snap: &Snapshot, loc: &Locale) -> String {
    let (w, f) = (loc.words(), loc.fmt);
    let total = match snap.reported.map(|r| &ds.reported_totals[r]) {
        Some(t) if t.lower_bound => fill(w.dek_more_than, &[("eur", &f.eur_short(t.money.eur))]),
        Some(t) => fill(w.dek_reported, &[("eur", &f.eur_short(t.money.eur))]),
        None => w.dek_no_total.to_string(),
    };
    fill(w.dek, &[("members", &int(snap.member_count as i64)), ("total", &total), ("date", &f.date(snap.as_of))])
}

/// A text summary of the coalition on the snapshot date: members, leads, the reported total and
/// the largest itemised donors.
pub fn summary_text(ds: &Dataset, snap: &Snapshot, loc: &Locale) -> String {
    let (w, f) = (loc.words(), loc.fmt);
    let leads: Vec<Index> = snap.standings.iter().filter(|s| s.role == Role::Lead).map(|s| s.party).collect();
    let total = match snap.reported.map(|r| &ds.reported_totals[r]) {
        Some(t) => {
            let template = if t.lower_bound { w.summary_more_than } else { w.summary_total };
            fill(template, &[("eur", &f.eur_short(t.money.eur)), ("date", &f.date(t.date))])
        }
        None => w.summary_no_total.to_string(),
    };
    let donors: Vec<String> = snap
        .donors
        .iter()
        .filter(|d| d.eur > 0)
        .take(3)
        .map(|d| cat(&[loc.party(ds, d.party), " ", &f.eur_short(d.eur)]))
        .collect();
    let values = [
        ("date", f.date(snap.as_of)),
        ("members", int(snap.member_count as i64)),
        ("leads", loc.parties(ds, &leads)),
        ("total", total),
        ("donors", if donors.is_empty() { "—".to_string() } else { join(&donors, ", ") }),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(w.summary, &values)
}

/// "1 source" or "4 sources".
pub fn sources_count(n: usize, loc: &Locale) -> String {
    match n {
        1 => loc.words().sources_count[0].to_string(),
        n => fill(loc.words().sources_count[1], &[("n", &int(n as i64))]),
    }
}

/// A count in the reader's language, its thousands grouped: "19,604", "19 604".
fn count(n: usize, loc: &Locale) -> String {
    loc.fmt.decimal(Decimal::whole(n as u64))
}

/// The sources behind a party's standing on `as_of` and behind `given`, the contributions it
/// had given by then (single and pooled), each once.
fn party_sources(ds: &Dataset, p: Index, as_of: Date, given: &[Index]) -> Vec<Index> {
    let mut sources: Vec<Index> = role_on(ds, p, as_of).map(|i| ds.roles[i].sources.clone()).unwrap_or_default();
    for &c in given {
        sources.extend(&ds.contributions[c].sources);
    }
    crate::order::sort_dedup(&mut sources);
    sources
}

/// A table of the widget's table view and of the static version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Caption.
    pub caption: &'static str,
    /// Column headers.
    pub headers: [&'static str; 3],
    /// Rows: a header cell naming the row, then two data cells.
    pub rows: Vec<[Line; 3]>,
    /// Written under the table where its rows need it: what a standing "by" a date means, said
    /// once rather than in every row, or how many rows were left out.
    pub note: Option<String>,
}

/// The parties with their standing and the latest [`TABLE_CONTRIBUTIONS`] contributions made by
/// the snapshot date, each row with its sources.
pub fn tables(ds: &Dataset, snap: &Snapshot, loc: &Locale) -> [Table; 2] {
    let (w, p) = (loc.words(), loc.panel);
    let ids = |sources: &[Index]| join(&sources.iter().map(|&i| ds.sources[i].id.as_str()).collect::<Vec<_>>(), ", ");
    let parties = snap
        .standings
        .iter()
        .map(|st| {
            let standing = standing(ds, st.party, snap.as_of, loc);
            [loc.party(ds, st.party).into(), Line::ui(standing), Line::ui(ids(&ds.roles[st.span].sources))]
        })
        .collect();
    let made = made_by(ds, snap.as_of);
    let unlisted = made.saturating_sub(TABLE_CONTRIBUTIONS);
    let contributions = ds.contributions[unlisted..made]
        .iter()
        .map(|x| {
            let pooled = if x.pooled { w.pooled_suffix } else { "" };
            let mut what = value_line(ds, x, loc);
            what.say("; ").say(status(x.status, loc)).say(", ").say(&loc.fmt.date(x.date));
            [Line::ui(loc.parties(ds, &x.donors) + pooled), what, Line::ui(ids(&x.sources))]
        })
        .collect();
    // The method line that explains a standing "by" a date.
    let by = snap.standings.iter().any(|st| first_reported(ds, st.party, snap.as_of)).then(|| w.method[4].into());
    let left_out = (unlisted > 0)
        .then(|| fill(p.table_latest, &[("listed", &count(TABLE_CONTRIBUTIONS, loc)), ("n", &count(made, loc))]));
    [
        Table { caption: p.table_parties, headers: [p.th_party, p.th_standing, p.h_sources], rows: parties, note: by },
        Table {
            caption: p.table_contributions,
            headers: [p.th_donor, p.th_amount, p.h_sources],
            rows: contributions,
            note: left_out,
        },
    ]
}

/// The details of `target` as of `as_of`.
pub fn describe(ds: &Dataset, target: Target, as_of: Date, loc: &Locale) -> Details {
    match target {
        Target::Party(p) => party(ds, p, as_of, loc),
        Target::Pooled(c) => pooled(ds, c, as_of, loc),
        Target::NotItemised => not_itemised(ds, as_of, loc),
        Target::Event(e) => event(ds, e, as_of, loc),
    }
}

fn party(ds: &Dataset, p: Index, as_of: Date, loc: &Locale) -> Details {
    let mut sections = Vec::new();
    if let Some(note) = role_on(ds, p, as_of).and_then(|i| ds.roles[i].note.as_ref()) {
        sections.push(Section { heading: loc.panel.h_note.into(), lines: vec![Line::data(note.clone())] });
    }
    let mut subjects = vec![Subject::Party(p)];
    let mut given = Vec::new();
    let mut lines = Vec::new();
    for (i, x) in ds.contributions[..made_by(ds, as_of)].iter().enumerate() {
        if x.donors.contains(&p) {
            subjects.push(Subject::Contribution(i));
            given.push(i);
        }
    }
    let unlisted = given.len().saturating_sub(LISTED_CONTRIBUTIONS);
    if unlisted > 0 {
        lines.push(Line::ui(fill(loc.panel.earlier_contributions, &[("n", &count(unlisted, loc))])));
    }
    for &i in &given[unlisted..] {
        let x = &ds.contributions[i];
        if x.pooled {
            let others: Vec<Index> = x.donors.iter().copied().filter(|&d| d != p).collect();
            let total = x.money.as_ref().map(|m| loc.fmt.eur_short(m.eur)).unwrap_or_default();
            let values =
                [("total", total.as_str()), ("others", &loc.parties(ds, &others)), ("date", &loc.fmt.date(x.date))];
            lines.push(Line::ui(fill(loc.panel.pooled_share, &values)));
        } else {
            lines.extend(contribution_lines(ds, x, loc));
        }
    }
    if !lines.is_empty() {
        sections.insert(0, Section { heading: loc.panel.h_contributions.into(), lines });
    }
    let sources = party_sources(ds, p, as_of, &given);
    if !sources.is_empty() {
        sections.push(sources_section(ds, sources, loc));
    }
    sections.extend(conflict_sections(ds, &subjects, as_of, loc));
    let mut subtitle = standing(ds, p, as_of, loc);
    if first_reported(ds, p, as_of) {
        subtitle += loc.panel.first_reported;
    }
    Details { title: loc.party(ds, p).into(), subtitle, sections }
}

fn pooled(ds: &Dataset, c: Index, as_of: Date, loc: &Locale) -> Details {
    let f = loc.fmt;
    let x = &ds.contributions[c];
    let names = loc.parties(ds, &x.donors);
    let mut sections = vec![
        Section { heading: loc.panel.h_pledge.into(), lines: contribution_lines(ds, x, loc) },
        Section {
            heading: loc.panel.h_donors.into(),
            lines: vec![Line::ui(fill(loc.panel.pooled_donors, &[("names", &names)]))],
        },
        sources_section(ds, x.sources.clone(), loc),
    ];
    sections.extend(conflict_sections(ds, &[Subject::Contribution(c)], as_of, loc));
    let amount = x.money.as_ref().map(|m| f.eur_short(m.eur)).unwrap_or_default();
    let subtitle = cat(&[&amount, ", ", status(x.status, loc), " ", &f.date(x.date)]);
    Details { title: Line::ui(fill(loc.panel.pooled_title, &[("names", &names)])), subtitle, sections }
}

fn not_itemised(ds: &Dataset, as_of: Date, loc: &Locale) -> Details {
    let f = loc.fmt;
    let snap = snapshot(ds, as_of);
    let title = Line::from(loc.panel.not_itemised_title);
    let Some(t) = snap.reported.map(|r| &ds.reported_totals[r]) else {
        return Details { title, subtitle: loc.panel.no_total.into(), sections: Vec::new() };
    };
    let rest = f.eur_short(snap.not_itemised_eur);
    let values = [
        ("reported", f.eur_short(t.money.eur)),
        ("date", f.date(t.date)),
        ("itemised", f.eur_short(snap.itemised_eur)),
        ("rest", rest.clone()),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut lines = vec![Line::ui(fill(loc.panel.reconcile, &values))];
    let unvalued: Vec<Index> = snap.donors.iter().filter(|d| !d.in_kind.is_empty()).map(|d| d.party).collect();
    if !unvalued.is_empty() {
        lines.push(Line::ui(fill(loc.panel.reconcile_in_kind, &[("names", &loc.parties(ds, &unvalued))])));
    }
    if let Some(scope) = &t.scope {
        lines.push(Line::quoting(loc.panel.reconcile_scope, "scope", scope));
    }
    let sections = vec![
        Section { heading: loc.panel.h_reconciliation.into(), lines },
        sources_section(ds, t.sources.clone(), loc),
    ];
    Details { title, subtitle: fill(loc.panel.not_itemised_subtitle, &[("rest", &rest)]), sections }
}

fn event(ds: &Dataset, e: Index, as_of: Date, loc: &Locale) -> Details {
    let w = loc.words();
    let ev = &ds.events[e];
    let mut sections = Vec::new();
    if !ev.parties.is_empty() {
        sections
            .push(Section { heading: loc.panel.h_parties.into(), lines: vec![Line::ui(loc.parties(ds, &ev.parties))] });
    }
    let mut notes: Vec<Line> =
        ev.members_reported.map(|n| Line::ui(fill(w.members_reported, &[("n", &int(n as i64))]))).into_iter().collect();
    notes.extend(ev.note.clone().map(Line::data));
    if !notes.is_empty() {
        sections.push(Section { heading: loc.panel.h_note.into(), lines: notes });
    }
    sections.push(sources_section(ds, ev.sources.clone(), loc));
    sections.extend(conflict_sections(ds, &[Subject::Event(e)], as_of, loc));
    Details { title: Line::data(ev.title.clone()), subtitle: loc.fmt.date(ev.date), sections }
}

/// A one-line description of a mark for its accessible name and its tooltip:
/// "Netherlands: member since 23 January 2024; €10 million".
pub fn label(ds: &Dataset, snap: &Snapshot, target: Target, loc: &Locale) -> String {
    let (w, f) = (loc.words(), loc.fmt);
    match target {
        Target::Party(p) => {
            // What the party gave, as the snapshot gathered it: every mark is named after each
            // date change, and a pass over all contributions for each party would grow with
            // their product (a dataset an editor could host has tens of thousands).
            let donor = snap.donors.iter().find(|d| d.party == p);
            let given = donor.map(|d| match (d.eur, d.in_kind.is_empty()) {
                (0, false) => w.given_in_kind.to_string(),
                (0, true) => w.given_pooled.to_string(),
                (eur, _) => cat(&["; ", &f.eur_short(eur)]),
            });
            let standing = lowercase_first(&standing(ds, p, snap.as_of, loc));
            let mut all_given = Vec::new();
            // Amounts given in another currency (those converted at a rate, a cheaper test than
            // the currency's name) are also named in words, for listeners: summed per currency,
            // so that the name says each currency once however many contributions it was given
            // in (an editor's file can give a party hundreds, each one an `Intl` call at every
            // date change). A sum past `u64::MAX` starts another.
            let mut foreign: Vec<(&str, Decimal)> = Vec::new();
            if let Some(d) = donor {
                for &c in &d.itemised {
                    if let Some(m) = ds.contributions[c].money.as_ref().filter(|m| m.rate.is_some()) {
                        let sum = foreign.iter_mut().find_map(|(currency, sum)| {
                            let added = (*currency == m.currency).then(|| sum.checked_add(m.amount)).flatten()?;
                            *sum = added;
                            Some(())
                        });
                        if sum.is_none() {
                            foreign.push((&m.currency, m.amount));
                        }
                    }
                }
                for list in [&d.itemised, &d.in_kind, &d.pooled] {
                    all_given.extend(list);
                }
            }
            let mut given = given.unwrap_or_default();
            if !foreign.is_empty() {
                let words: Vec<String> = foreign.iter().map(|&(currency, sum)| f.amount_words(sum, currency)).collect();
                given += &cat(&[" (", &join(&words, ", "), ")"]);
            }
            let sources = match party_sources(ds, p, snap.as_of, &all_given).len() {
                0 => String::new(),
                n => cat(&["; ", &sources_count(n, loc)]),
            };
            fill(
                w.label_party,
                &[("name", loc.party(ds, p)), ("standing", &standing), ("given", &given), ("sources", &sources)],
            )
        }
        Target::Pooled(c) => {
            let x = &ds.contributions[c];
            let eur = x.money.as_ref().map(|m| f.eur_short(m.eur)).unwrap_or_default();
            fill(w.label_pooled, &[("eur", &eur), ("names", &loc.parties(ds, &x.donors))])
        }
        Target::NotItemised => fill(w.label_not_itemised, &[("rest", &f.eur_short(snap.not_itemised_eur))]),
        Target::Event(e) => {
            let ev = &ds.events[e];
            fill(w.label_event, &[("n", &int(e as i64 + 1)), ("date", &f.date(ev.date)), ("title", &ev.title)])
        }
    }
}

/// `text` with one full stop at its end where a date that ends a sentence brings its own:
/// `Intl` writes Ukrainian dates as "26 липня 2024 р.".
fn one_stop(mut text: String) -> String {
    if text.ends_with("..") {
        text.pop();
    }
    text
}

/// The line that dates the dataset and names its version: "Data as of 1 June 2024 (version 3)."
pub fn data_as_of(ds: &Dataset, loc: &Locale) -> String {
    let version =
        ds.coalition.version.as_deref().map(|v| fill(loc.words().data_version, &[("version", v)])).unwrap_or_default();
    one_stop(fill(loc.words().data_as_of, &[("date", &loc.fmt.date(ds.coalition.as_of)), ("version", &version)]))
}

/// The two lines under the views in the image download, in the reader's language, so that the
/// image carries its own attribution: how many sources and from when (empty without sources),
/// and the dates of the data and of the view.
pub fn image_footer(ds: &Dataset, as_of: Date, loc: &Locale) -> [String; 2] {
    let dates = ds.sources.iter().map(|s| s.date);
    let first = dates.clone().min_by_key(|d| d.day_number());
    let last = dates.max_by_key(|d| d.day_number());
    let sources = match (first, last) {
        (Some(a), Some(b)) => fill(
            loc.words().image_sources,
            &[("n", &int(ds.sources.len() as i64)), ("first", &loc.fmt.date(a)), ("last", &loc.fmt.date(b))],
        ),
        _ => String::new(),
    };
    let shown = one_stop(fill(loc.words().image_shown, &[("date", &loc.fmt.date(as_of))]));
    [sources, cat(&[&data_as_of(ds, loc), " ", &shown])]
}

#[cfg(test)]
mod tests {
    use super::{lowercase_first, one_stop, Line};

    #[test]
    fn a_line_keeps_track_of_what_it_quotes_from_the_dataset() {
        let mut line = Line::ui("“".into());
        line.quote("When").quote("").quote(" joined").say("”, ").quote("").say("2024");
        assert_eq!(line.text, "“When joined”, 2024");
        // Adjacent quotes make one stretch; empty ones none. "“" is three bytes.
        assert_eq!(line.quoted, [(3, 14)]);
        assert!(!line.is_data() && Line::data("A note".into()).is_data());
        assert_eq!(Line::data(String::new()), Line::default(), "nothing quoted, no stretch");
        // Filled into a template, a line's stretches move with it; a value is never a template,
        // and a `{` that starts no known name stays.
        let filled = Line::fill("{n}: {topic} {x} {", &[("n", "2"), ("topic", "not this")], &[("topic", &line)]);
        assert_eq!(filled.text, "2: “When joined”, 2024 {x} {");
        assert_eq!(filled.quoted, [(6, 17)]);
        assert_eq!(&filled.text[6..17], "When joined");
        let braces = Line::fill("{a}", &[], &[("a", &Line::data("{a}".into()))]);
        assert_eq!((braces.text.as_str(), braces.is_data()), ("{a}", true));
    }

    #[test]
    fn a_sentence_ending_in_a_ukrainian_date_keeps_one_full_stop() {
        assert_eq!(one_stop("Показано станом на 26 липня 2024 р..".into()), "Показано станом на 26 липня 2024 р.");
        assert_eq!(one_stop("Shown as of 26 July 2024.".into()), "Shown as of 26 July 2024.");
    }

    #[test]
    fn lowercase_first_lowers_only_the_first_letter() {
        assert_eq!(lowercase_first("Учасник з 23 січня"), "учасник з 23 січня");
        assert_eq!(lowercase_first("Member since"), "member since");
        assert_eq!(lowercase_first(""), "");
    }
}
