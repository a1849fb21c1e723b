//! Turns a [`RawDataset`] into a typed [`Dataset`], or into every problem found.
//!
//! Validation never stops at the first problem: an editor fixing a file under deadline wants
//! the whole list at once. Each [`Problem`] names the file, the record and the field. Things
//! that look wrong but can be real (a donor that gives before it joins, a reported total below
//! the itemised sum) are warnings and do not stop the data from loading.

use foldhash::HashMap;
use std::collections::BTreeMap;
use std::fmt;

use crate::aggregate::itemised_eur;
use crate::date::Date;
use crate::model::*;
use crate::money::{is_currency_code, Decimal, Rate};
use crate::raw::*;

/// One problem in a dataset file, located by record and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file name.
    pub file: String,
    /// The record, as `[[contributions]] #4 "dk-91m"`; empty for the file as a whole.
    pub record: String,
    /// The field, such as `currency`; empty when the record as a whole is at fault.
    pub field: String,
    /// What is wrong, and where it helps, how to fix it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        match (self.record.is_empty(), self.field.is_empty()) {
            (false, false) => write!(f, ": {}, field `{}`", self.record, self.field)?,
            (false, true) => write!(f, ": {}", self.record)?,
            (true, false) => write!(f, ": field `{}`", self.field)?,
            (true, true) => {}
        }
        write!(f, ": {}", self.message)
    }
}

/// A dataset that passed validation, with the warnings it raised.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The typed dataset.
    pub dataset: Dataset,
    /// Suspicious but possible things, for the editor to check.
    pub warnings: Vec<Problem>,
}

/// Validates a raw dataset read from `file`.
pub fn validate(file: &str, raw: &RawDataset<'_>) -> Result<Loaded, Vec<Problem>> {
    // Sized once for every record with an id: growing it step by step rehashed a million ids
    // about twenty times.
    let id_count = raw.sources.len()
        + raw.events.len()
        + raw.contributions.len()
        + raw.reported_totals.len()
        + raw.conflicts.len();
    let ids = HashMap::with_capacity_and_hasher(id_count, Default::default());
    let mut c = Checker { file, errors: Vec::new(), warnings: Vec::new(), ids };
    let coalition = c.coalition(raw.coalition.as_ref());
    let as_of = coalition.as_ref().map(|co| co.as_of);
    let sources = c.sources(&raw.sources, as_of);
    let source_ids = index_by(&sources, |s| s.id.as_str());
    let parties = c.parties(&raw.parties);
    let party_codes = index_by(&parties, |p| p.code.as_str());
    let refs = Refs { sources: &source_ids, parties: &party_codes, as_of };
    let roles = c.roles(&raw.roles, &refs);
    let mut events = c.events(&raw.events, &refs);
    let rates = c.rates(&raw.rates, &refs);
    let mut contributions = c.contributions(&raw.contributions, &refs, &rates);
    let mut reported_totals = c.reported_totals(&raw.reported_totals, &refs, &rates);
    crate::order::sort_by_day(&mut events, |e| e.date.day_number());
    crate::order::sort_by_day(&mut contributions, |x| x.date.day_number());
    crate::order::sort_by_day(&mut reported_totals, |t| t.date.day_number());
    // Only the tables a conflict names are indexed: a million contributions that no conflict is
    // about need no second id table.
    let named = c.tables_named(&raw.conflicts);
    let subjects = Subjects {
        parties: &party_codes,
        sources: &source_ids,
        events: index_if(named.contains(&"events"), &events, |e| e.id.as_str()),
        contributions: index_if(named.contains(&"contributions"), &contributions, |x| x.id.as_str()),
        totals: index_if(named.contains(&"reported_totals"), &reported_totals, |t| t.id.as_str()),
    };
    let conflicts = c.conflicts(&raw.conflicts, &refs, &subjects);
    let (Some(coalition), true) = (coalition, c.errors.is_empty()) else {
        return Err(c.errors);
    };
    let dataset = Dataset {
        file: file.to_string(),
        coalition,
        sources,
        parties,
        roles,
        events,
        rates,
        contributions,
        reported_totals,
        conflicts,
    };
    let mut warnings = c.warnings;
    warnings.extend(plausibility_warnings(&dataset));
    Ok(Loaded { dataset, warnings })
}

/// Maps each record's key to its index.
fn index_by<T>(items: &[T], key: impl Fn(&T) -> &str) -> HashMap<&str, Index> {
    items.iter().enumerate().map(|(i, item)| (key(item), i)).collect()
}

/// Maps each record's key to its index where `wanted`, or nothing.
fn index_if<T>(wanted: bool, items: &[T], key: impl Fn(&T) -> &str) -> HashMap<&str, Index> {
    if wanted {
        index_by(items, key)
    } else {
        HashMap::default()
    }
}

/// What records may refer to while they are checked.
struct Refs<'a> {
    sources: &'a HashMap<&'a str, Index>,
    parties: &'a HashMap<&'a str, Index>,
    as_of: Option<Date>,
}

/// What a conflict's `about` may name.
struct Subjects<'a> {
    parties: &'a HashMap<&'a str, Index>,
    sources: &'a HashMap<&'a str, Index>,
    events: HashMap<&'a str, Index>,
    contributions: HashMap<&'a str, Index>,
    totals: HashMap<&'a str, Index>,
}

impl Subjects<'_> {
    fn find(&self, key: &str) -> Option<Subject> {
        let get = |map: &HashMap<&str, Index>| map.get(key).copied();
        get(self.parties)
            .map(Subject::Party)
            .or_else(|| get(&self.events).map(Subject::Event))
            .or_else(|| get(&self.contributions).map(Subject::Contribution))
            .or_else(|| get(&self.totals).map(Subject::ReportedTotal))
            .or_else(|| get(self.sources).map(Subject::Source))
    }
}

/// Collects problems while the records of `'r` are checked.
struct Checker<'f, 'r> {
    file: &'f str,
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
    /// Every record id seen so far, with the table and place of the record that used it first:
    /// the id completes its name. Small entries keep a million-id table cache-friendly.
    ids: HashMap<&'r str, (&'static str, usize)>,
}

/// A record as messages name it, the way an editor finds it in the file: `[[parties]] #3 "NL"`,
/// or a table, `[coalition]`. Written out only for a message: most records of a large file never
/// need their name, and writing it for each cost a tenth of validation.
#[derive(Clone, Copy, Debug)]
enum Record<'r> {
    /// A table that appears once.
    Table(&'static str),
    /// A record of an array of tables: the table, the record's place in it from 0, its key.
    Item(&'static str, usize, Key<'r>),
}

/// What names a record besides its place.
#[derive(Clone, Copy, Debug)]
enum Key<'r> {
    /// Its id or code, if it has one.
    Id(Option<&'r str>),
    /// Two of its fields, for records without an id: `NL member`, `DKK 1999-01-01`.
    Pair(Option<&'r str>, Option<&'r str>),
}

impl fmt::Display for Record<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (table, number, key) = match *self {
            Record::Table(table) => return write!(f, "[{table}]"),
            Record::Item(table, position, key) => (table, position + 1, key),
        };
        let key = match key {
            Key::Id(id) => id.map(str::to_string),
            Key::Pair(a, b) => a.zip(b).map(|(a, b)| format!("{a} {b}")),
        };
        match key {
            Some(k) if !k.trim().is_empty() => write!(f, "[[{table}]] #{number} \"{k}\""),
            _ => write!(f, "[[{table}]] #{number}"),
        }
    }
}

impl<'r> Checker<'_, 'r> {
    fn problem(&self, record: &Record, field: &str, message: String) -> Problem {
        Problem { file: self.file.to_string(), record: record.to_string(), field: field.to_string(), message }
    }

    fn error(&mut self, record: &Record, field: &str, message: impl Into<String>) {
        let p = self.problem(record, field, message.into());
        self.errors.push(p);
    }

    /// A text field that must be given, trimmed; validation reads most fields without keeping
    /// them, so nothing is copied here.
    fn present<'v>(&mut self, record: &Record, field: &str, value: &'v Option<Text>) -> Option<&'v str> {
        match value.as_deref().map(str::trim) {
            Some(v) if !v.is_empty() => Some(v),
            Some(_) => {
                self.error(record, field, "is empty");
                None
            }
            None => {
                self.error(record, field, "is missing");
                None
            }
        }
    }

    /// A text field that must be given, trimmed, to keep.
    fn required(&mut self, record: &Record, field: &str, value: &Option<Text>) -> Option<String> {
        self.present(record, field, value).map(str::to_string)
    }

    /// An optional text field, trimmed: blank counts as absent.
    fn trimmed<'v>(value: &'v Option<Text>) -> Option<&'v str> {
        value.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }

    /// An optional text field to keep.
    fn optional(value: &Option<Text>) -> Option<String> {
        Self::trimmed(value).map(str::to_string)
    }

    /// The tables of the records with an id that the conflicts' `about` lists name.
    fn tables_named(&self, conflicts: &[RawConflict]) -> Vec<&'static str> {
        let mut tables = Vec::new();
        for key in conflicts.iter().flat_map(|x| &x.about) {
            if let Some(&(table, _)) = self.ids.get(key.trim()) {
                if !tables.contains(&table) {
                    tables.push(table);
                }
            }
        }
        tables
    }

    /// An id that must be unique across every record of the file.
    fn id(&mut self, record: &Record<'r>, value: &'r Option<Text>) -> Option<String> {
        let id = self.present(record, "id", value)?;
        if let Some(&(table, place)) = self.ids.get(id) {
            let first = Record::Item(table, place, Key::Id(Some(id)));
            let message = format!("duplicate id \"{id}\": {first} already uses it");
            self.error(record, "id", message);
            return None;
        }
        if let Record::Item(table, place, _) = *record {
            self.ids.insert(id, (table, place));
        }
        Some(id.to_string())
    }

    fn date(&mut self, record: &Record, field: &str, value: &Option<Text>, as_of: Option<Date>) -> Option<Date> {
        let text = self.present(record, field, value)?;
        self.parse_date(record, field, text, as_of)
    }

    fn parse_date(&mut self, record: &Record, field: &str, text: &str, as_of: Option<Date>) -> Option<Date> {
        match Date::parse(text) {
            Err(e) => {
                self.error(record, field, e);
                None
            }
            Ok(d) if as_of.is_some_and(|a| !d.is_on_or_before(a)) => {
                let a = as_of.map(|a| a.to_string()).unwrap_or_default();
                let message = format!("{d} is after the dataset's as_of date {a}: move as_of forward if this is right");
                self.error(record, field, message);
                None
            }
            Ok(d) => Some(d),
        }
    }

    /// One of a fixed set of words, with a default when the field is absent.
    fn choice<T: Copy>(
        &mut self,
        record: &Record,
        field: &str,
        value: &Option<Text>,
        default: Option<T>,
        options: &[(&str, T)],
    ) -> Option<T> {
        let Some(text) = Self::trimmed(value) else {
            if default.is_none() {
                self.error(record, field, "is missing");
            }
            return default;
        };
        let found = options.iter().find(|(k, _)| *k == text).map(|(_, v)| *v);
        if found.is_none() {
            let allowed: Vec<&str> = options.iter().map(|(k, _)| *k).collect();
            self.error(record, field, format!("\"{text}\" is not one of: {}", allowed.join(", ")));
        }
        found
    }

    /// A list of ids that must name known records; `at_least` of them are required.
    fn links(
        &mut self,
        record: &Record,
        field: &str,
        ids: &[Text],
        known: &HashMap<&str, Index>,
        what: &str,
        at_least: usize,
    ) -> Vec<Index> {
        let mut found = Vec::with_capacity(ids.len());
        for id in ids {
            match known.get(id.trim()) {
                Some(&i) if found.contains(&i) => self.error(record, field, format!("lists {what} \"{id}\" twice")),
                Some(&i) => found.push(i),
                None => self.error(record, field, format!("unknown {what} \"{id}\"")),
            }
        }
        if ids.len() < at_least {
            let message = match at_least {
                1 => format!("must list at least one {what}"),
                n => format!("must list at least {n} {what}s"),
            };
            self.error(record, field, message);
        }
        found
    }

    /// A record's `names`, its name in other languages: each keyed by a language code such as
    /// `uk`, and none empty.
    fn local_names(&mut self, record: &Record, names: &BTreeMap<String, String>) -> Vec<(String, String)> {
        for (lang, local) in names {
            let lang_ok = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
            if !lang_ok {
                self.error(record, "names", format!("\"{lang}\" is not a language code such as uk"));
            } else if local.trim().is_empty() {
                self.error(record, "names", format!("the {lang} name is empty"));
            }
        }
        names.iter().map(|(lang, local)| (lang.clone(), local.clone())).collect()
    }

    fn coalition(&mut self, raw: Option<&RawCoalition>) -> Option<Coalition> {
        let record = &Record::Table("coalition");
        let Some(raw) = raw else {
            self.error(record, "", "the [coalition] table is missing");
            return None;
        };
        let id = self.required(record, "id", &raw.id);
        let name = self.required(record, "name", &raw.name);
        let as_of = self.date(record, "as_of", &raw.as_of, None);
        let names = self.local_names(record, &raw.names);
        Some(Coalition {
            id: id?,
            name: name?,
            description: Self::optional(&raw.description),
            as_of: as_of?,
            version: Self::optional(&raw.version),
            names,
        })
    }

    fn sources(&mut self, raw: &'r [RawSource], as_of: Option<Date>) -> Vec<Source> {
        let bases = [("stated", SourceDateBasis::Stated), ("content", SourceDateBasis::Content)];
        let mut out = Vec::with_capacity(raw.len());
        for (i, s) in raw.iter().enumerate() {
            let record = Record::Item("sources", i, Key::Id(s.id.as_deref()));
            let id = self.id(&record, &s.id);
            let headline = self.required(&record, "headline", &s.headline);
            let date = self.date(&record, "date", &s.date, as_of);
            let date_basis = self.choice(&record, "date_basis", &s.date_basis, Some(SourceDateBasis::Stated), &bases);
            let url = Self::optional(&s.url);
            if let Some(u) = &url {
                if !(u.starts_with("https://") || u.starts_with("http://")) {
                    self.error(&record, "url", format!("\"{u}\" must start with https:// or http://"));
                }
            }
            // A source with a usable id is kept even when another field is wrong, so that the
            // records citing it do not report a second, misleading "unknown source" error.
            // Any error makes validation fail, so the placeholders never reach a reader.
            if let Some(id) = id {
                out.push(Source {
                    id,
                    headline: headline.unwrap_or_default(),
                    publisher: Self::optional(&s.publisher),
                    author: Self::optional(&s.author),
                    date: date.unwrap_or(Date::from_day_number(0)),
                    date_basis: date_basis.unwrap_or(SourceDateBasis::Stated),
                    file: Self::optional(&s.file),
                    url,
                    note: Self::optional(&s.note),
                });
            }
        }
        out
    }

    fn parties(&mut self, raw: &'r [RawParty]) -> Vec<Party> {
        let kinds = [("state", PartyKind::State), ("organisation", PartyKind::Organisation)];
        let mut out: Vec<Party> = Vec::with_capacity(raw.len());
        for (i, p) in raw.iter().enumerate() {
            let record = Record::Item("parties", i, Key::Id(p.code.as_deref()));
            let code = self.required(&record, "code", &p.code);
            let name = self.required(&record, "name", &p.name);
            let kind = self.choice(&record, "kind", &p.kind, Some(PartyKind::State), &kinds);
            let Some(code) = code else { continue };
            let shape_ok = code.len() <= 8
                && code.len() >= 2
                && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
                && code.as_bytes()[0].is_ascii_uppercase();
            if !shape_ok {
                self.error(
                    &record,
                    "code",
                    format!("\"{code}\" must be 2 to 8 capital letters or digits, e.g. NL or NATO"),
                );
            } else if out.iter().any(|q| q.code == code) {
                self.error(&record, "code", format!("duplicate party code \"{code}\""));
            } else {
                let names = self.local_names(&record, &p.names);
                // Kept with placeholders on error for the same reason as sources.
                let (name, kind) = (name.unwrap_or_default(), kind.unwrap_or(PartyKind::State));
                out.push(Party { code, name, kind, names });
            }
        }
        out
    }

    fn roles(&mut self, raw: &'r [RawRole], refs: &Refs) -> Vec<RoleSpan> {
        let roles: Vec<(&str, Role)> = Role::ALL.iter().map(|r| (r.key(), *r)).collect();
        let timings = [("exact", Timing::Exact), ("by", Timing::By)];
        let mut out = Vec::with_capacity(raw.len());
        for (i, r) in raw.iter().enumerate() {
            let record = Record::Item("roles", i, Key::Pair(r.party.as_deref(), r.role.as_deref()));
            let party = self.present(&record, "party", &r.party).and_then(|code| {
                let found = refs.parties.get(code).copied();
                if found.is_none() {
                    self.error(&record, "party", format!("unknown party code \"{code}\": add it under [[parties]]"));
                }
                found
            });
            let role = self.choice(&record, "role", &r.role, None, &roles);
            let since = self.date(&record, "since", &r.since, refs.as_of);
            let since_timing = self.choice(&record, "since_basis", &r.since_basis, Some(Timing::Exact), &timings);
            let until = Self::trimmed(&r.until).and_then(|u| self.parse_date(&record, "until", u, refs.as_of));
            if let (Some(s), Some(u)) = (since, until) {
                if u.day_number() < s.day_number() {
                    self.error(&record, "until", format!("the role ends ({u}) before it begins ({s})"));
                }
            }
            let sources = self.links(&record, "sources", &r.sources, refs.sources, "source", 1);
            if let (Some(party), Some(role), Some(since), Some(since_timing)) = (party, role, since, since_timing) {
                out.push(RoleSpan { party, role, since, since_timing, until, sources, note: Self::optional(&r.note) });
            }
        }
        out
    }

    fn events(&mut self, raw: &'r [RawEvent], refs: &Refs) -> Vec<Event> {
        let mut out = Vec::with_capacity(raw.len());
        for (i, e) in raw.iter().enumerate() {
            let record = Record::Item("events", i, Key::Id(e.id.as_deref()));
            let id = self.id(&record, &e.id);
            let date = self.date(&record, "date", &e.date, refs.as_of);
            let title = self.required(&record, "title", &e.title);
            let parties = self.links(&record, "parties", &e.parties, refs.parties, "party", 0);
            let sources = self.links(&record, "sources", &e.sources, refs.sources, "source", 1);
            if let (Some(id), Some(date), Some(title)) = (id, date, title) {
                let members_reported = e.members_reported;
                out.push(Event { id, date, title, parties, members_reported, sources, note: Self::optional(&e.note) });
            }
        }
        out
    }

    /// A positive decimal; `if_zero` says what to do instead of a zero.
    fn decimal(&mut self, record: &Record, field: &str, value: &Option<AmountText>, if_zero: &str) -> Option<Decimal> {
        let Some(AmountText(text)) = value else {
            self.error(record, field, "is missing");
            return None;
        };
        match Decimal::parse(text.trim()) {
            Ok(d) if d.is_zero() => {
                self.error(record, field, format!("is zero: {if_zero}"));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                self.error(record, field, e);
                None
            }
        }
    }

    fn rates(&mut self, raw: &'r [RawRate], refs: &Refs) -> Vec<RateRecord> {
        let mut out = Vec::with_capacity(raw.len());
        for (i, r) in raw.iter().enumerate() {
            let record = Record::Item("rates", i, Key::Pair(r.currency.as_deref(), r.date.as_deref()));
            let currency = self.currency(&record, &r.currency);
            if currency.as_deref() == Some("EUR") {
                self.error(&record, "currency", "EUR needs no rate: amounts in EUR are used as they are");
            }
            let per_eur = self.decimal(
                &record,
                "per_eur",
                &r.per_eur,
                "give the units of the currency one euro buys, e.g. 7.46038 for the Danish krone",
            );
            let date = self.date(&record, "date", &r.date, refs.as_of);
            let basis = self.required(&record, "basis", &r.basis);
            let sources = self.links(&record, "sources", &r.sources, refs.sources, "source", 0);
            if let (Some(currency), Some(per_eur), Some(date), Some(basis)) = (currency, per_eur, date, basis) {
                out.push(RateRecord { currency, per_eur, date, basis, sources });
            }
        }
        out
    }

    fn currency(&mut self, record: &Record, value: &Option<Text>) -> Option<String> {
        let code = self.present(record, "currency", value)?;
        if is_currency_code(code) {
            return Some(code.to_string());
        }
        self.error(record, "currency", format!("\"{code}\" is not an ISO 4217 code such as EUR or DKK"));
        None
    }

    /// Reads an amount and its currency and converts it at the rate in force on `date`.
    fn money(
        &mut self,
        record: &Record,
        amount: &Option<AmountText>,
        currency: &Option<Text>,
        date: Option<Date>,
        rates: &[RateRecord],
    ) -> Option<Money> {
        let amount = self.decimal(
            record,
            "amount",
            amount,
            "give the amount, or leave it out for in-kind help of no stated value",
        );
        let currency = self.currency(record, currency)?;
        let (amount, date) = (amount?, date?);
        if currency == "EUR" {
            return match amount.to_cents() {
                Ok(eur) => Some(Money { amount, currency, eur, rate: None }),
                Err(e) => {
                    self.error(record, "amount", e);
                    None
                }
            };
        }
        let candidates: Vec<(Index, &RateRecord)> =
            rates.iter().enumerate().filter(|(_, r)| r.currency == currency).collect();
        let in_force =
            candidates.iter().filter(|(_, r)| r.date.is_on_or_before(date)).max_by_key(|(_, r)| r.date.day_number());
        let Some(&(rate, record_rate)) = in_force else {
            let message = match candidates.iter().map(|(_, r)| r.date.day_number()).min() {
                None => format!(
                    "unknown currency \"{currency}\": add a [[rates]] record giving units of {currency} per euro"
                ),
                Some(first) => format!(
                    "no {currency} rate applies on {date}: the earliest [[rates]] record for {currency} is dated {}",
                    Date::from_day_number(first)
                ),
            };
            self.error(record, "currency", message);
            return None;
        };
        match (Rate { per_eur: record_rate.per_eur }).to_eur_cents(amount) {
            Ok(eur) => Some(Money { amount, currency, eur, rate: Some(rate) }),
            Err(e) => {
                self.error(record, "amount", e);
                None
            }
        }
    }

    fn contributions(&mut self, raw: &'r [RawContribution], refs: &Refs, rates: &[RateRecord]) -> Vec<Contribution> {
        let statuses: Vec<(&str, Status)> = Status::ALL.iter().map(|s| (s.key(), *s)).collect();
        let timings = [("exact", Timing::Exact), ("by", Timing::By)];
        let mut out = Vec::with_capacity(raw.len());
        for (i, x) in raw.iter().enumerate() {
            let record = Record::Item("contributions", i, Key::Id(x.id.as_deref()));
            let id = self.id(&record, &x.id);
            let donors = self.links(&record, "donors", &x.donors, refs.parties, "party", 1);
            if x.pooled && x.donors.len() < 2 {
                self.error(&record, "donors", "a pooled pledge needs at least two donors");
            }
            if !x.pooled && x.donors.len() > 1 {
                self.error(&record, "pooled", "several donors are listed: set pooled = true for one joint pledge, or give each donor its own record");
            }
            let date = self.date(&record, "date", &x.date, refs.as_of);
            let date_timing = self.choice(&record, "date_basis", &x.date_basis, Some(Timing::Exact), &timings);
            let status = self.choice(&record, "status", &x.status, None, &statuses);
            let sources = self.links(&record, "sources", &x.sources, refs.sources, "source", 1);
            let money = match (&x.amount, x.in_kind) {
                (None, true) => None,
                _ => match self.money(&record, &x.amount, &x.currency, date, rates) {
                    None => continue,
                    some => some,
                },
            };
            if x.amount.is_none() && x.currency.is_some() {
                self.error(&record, "currency", "is given without an amount");
            }
            if let (Some(id), Some(date), Some(date_timing), Some(status)) = (id, date, date_timing, status) {
                out.push(Contribution {
                    id,
                    donors,
                    pooled: x.pooled,
                    money,
                    in_kind: x.in_kind,
                    description: Self::optional(&x.description),
                    date,
                    date_timing,
                    status,
                    purpose: Self::optional(&x.purpose),
                    sources,
                    note: Self::optional(&x.note),
                });
            }
        }
        out
    }

    fn reported_totals(
        &mut self,
        raw: &'r [RawReportedTotal],
        refs: &Refs,
        rates: &[RateRecord],
    ) -> Vec<ReportedTotal> {
        let mut out = Vec::with_capacity(raw.len());
        for (i, t) in raw.iter().enumerate() {
            let record = Record::Item("reported_totals", i, Key::Id(t.id.as_deref()));
            let id = self.id(&record, &t.id);
            let date = self.date(&record, "date", &t.date, refs.as_of);
            let money = self.money(&record, &t.amount, &t.currency, date, rates);
            let parties = self.links(&record, "parties", &t.parties, refs.parties, "party", 0);
            let sources = self.links(&record, "sources", &t.sources, refs.sources, "source", 1);
            if let (Some(id), Some(date), Some(money)) = (id, date, money) {
                let scope = Self::optional(&t.scope);
                out.push(ReportedTotal { id, date, money, lower_bound: t.lower_bound, scope, parties, sources });
            }
        }
        out
    }

    fn conflicts(&mut self, raw: &'r [RawConflict], refs: &Refs, subjects: &Subjects) -> Vec<Conflict> {
        let mut out = Vec::with_capacity(raw.len());
        for (i, x) in raw.iter().enumerate() {
            let record = Record::Item("conflicts", i, Key::Id(x.id.as_deref()));
            let id = self.id(&record, &x.id);
            let topic = self.required(&record, "topic", &x.topic);
            let mut about = Vec::with_capacity(x.about.len());
            for key in &x.about {
                match subjects.find(key.trim()) {
                    Some(s) => about.push(s),
                    // A record whose own errors kept it out: already reported.
                    None if self.ids.get(key.trim()).is_some_and(|&(table, _)| table != "conflicts") => {}
                    None => {
                        let message = format!("\"{key}\" is neither a party code nor the id of a source, event, contribution or reported total");
                        self.error(&record, "about", message)
                    }
                }
            }
            if x.claims.len() < 2 {
                self.error(&record, "claims", "a conflict needs at least two claims");
            }
            let mut claims = Vec::with_capacity(x.claims.len());
            for (j, claim) in x.claims.iter().enumerate() {
                let field = format!("claims[{j}]");
                let says = self.required(&record, &format!("{field}.says"), &claim.says);
                let sources =
                    self.links(&record, &format!("{field}.sources"), &claim.sources, refs.sources, "source", 1);
                if let Some(says) = says {
                    claims.push(Claim { says, sources });
                }
            }
            if let (Some(id), Some(topic)) = (id, topic) {
                out.push(Conflict { id, topic, about, claims, resolution: Self::optional(&x.resolution) });
            }
        }
        out
    }
}

/// Warnings that need the whole, valid dataset: donors that are not members when they give,
/// and exact reported totals that fall short of what is itemised by their date.
fn plausibility_warnings(ds: &Dataset) -> Vec<Problem> {
    let mut out = Vec::new();
    let warn = |record: String, field: &str, message: String| Problem {
        file: ds.file.clone(),
        record,
        field: field.to_string(),
        message,
    };
    for (i, x) in ds.contributions.iter().enumerate() {
        for &donor in &x.donors {
            let member = ds.roles.iter().any(|r| r.party == donor && r.role.is_member() && r.holds_on(x.date));
            if !member {
                let code = &ds.parties[donor].code;
                let message = format!(
                    "donor {code} is not recorded as a member on {} (donors sometimes give before they join)",
                    x.date
                );
                out.push(warn(Record::Item("contributions", i, Key::Id(Some(&x.id))).to_string(), "donors", message));
            }
        }
    }
    for (i, t) in ds.reported_totals.iter().enumerate() {
        let itemised = itemised_eur(ds, t.date);
        if !t.lower_bound && t.money.eur < itemised {
            let message = format!(
                "reports {} but contributions itemised by {} add up to {}",
                crate::money::format_eur(t.money.eur),
                t.date,
                crate::money::format_eur(itemised)
            );
            out.push(warn(Record::Item("reported_totals", i, Key::Id(Some(&t.id))).to_string(), "amount", message));
        }
    }
    out
}
