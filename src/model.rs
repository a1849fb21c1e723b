//! The typed, validated dataset. Records refer to each other by index, so aggregation never
//! looks anything up by name; `validate` is the only way to build one from a file.

use crate::date::Date;
use crate::money::{Cents, Decimal};

/// A validated dataset: one coalition and its sourced records.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// Name of the file it was read from, for messages.
    pub file: String,
    /// What the dataset describes.
    pub coalition: Coalition,
    /// Articles, in file order.
    pub sources: Vec<Source>,
    /// States and organisations, in file order.
    pub parties: Vec<Party>,
    /// Roles over time, in file order.
    pub roles: Vec<RoleSpan>,
    /// Timeline milestones, sorted by date.
    pub events: Vec<Event>,
    /// Conversion rates, in file order.
    pub rates: Vec<RateRecord>,
    /// Pledges and deliveries, sorted by date.
    pub contributions: Vec<Contribution>,
    /// Totals reported by the sources, sorted by date.
    pub reported_totals: Vec<ReportedTotal>,
    /// Disagreements between sources, in file order.
    pub conflicts: Vec<Conflict>,
}

/// The `[coalition]` table.
#[derive(Clone, Debug)]
pub struct Coalition {
    /// Short identifier, e.g. `it-coalition`.
    pub id: String,
    /// Name for readers.
    pub name: String,
    /// One-sentence description.
    pub description: Option<String>,
    /// The last date the dataset covers; the default "as of" date.
    pub as_of: Date,
    /// The editor's version label.
    pub version: Option<String>,
    /// The name in other languages: (language code, name).
    pub names: Vec<(String, String)>,
}

/// Index of a record in its vector of the [`Dataset`].
pub type Index = usize;

/// How a source's date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceDateBasis {
    /// The article prints its date.
    Stated,
    /// Worked out from what the article reports.
    Content,
}

/// An article that records cite.
#[derive(Clone, Debug)]
pub struct Source {
    /// Identifier.
    pub id: String,
    /// Headline.
    pub headline: String,
    /// Publisher, where known.
    pub publisher: Option<String>,
    /// Author, where known.
    pub author: Option<String>,
    /// Publication date.
    pub date: Date,
    /// How `date` is known.
    pub date_basis: SourceDateBasis,
    /// Seed file name.
    pub file: Option<String>,
    /// Web address (`http:` or `https:` only).
    pub url: Option<String>,
    /// Note for readers.
    pub note: Option<String>,
}

/// Whether a party is a state or an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartyKind {
    /// A country.
    State,
    /// An international organisation such as NATO or the EU.
    Organisation,
}

/// A state or organisation.
#[derive(Clone, Debug)]
pub struct Party {
    /// ISO 3166 alpha-2 code or a short organisation code.
    pub code: String,
    /// Name for readers.
    pub name: String,
    /// State or organisation.
    pub kind: PartyKind,
    /// The name in other languages: (language code, name), in code order, each code once. A
    /// list rather than a map: a party has one or two, and a map's code is 1.7 KB of the widget, gzipped.
    pub names: Vec<(String, String)>,
}

/// A party's standing in the coalition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Leads the coalition.
    Lead,
    /// A member.
    Member,
    /// Has announced its intention to join.
    Intending,
    /// Attended a meeting without being a member.
    Attendee,
}

impl Role {
    /// Every role, in order of precedence (a party holding two roles shows the first).
    pub const ALL: [Role; 4] = [Role::Lead, Role::Member, Role::Intending, Role::Attendee];

    /// The word used in data files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Member => "member",
            Role::Intending => "intending",
            Role::Attendee => "attendee",
        }
    }

    /// Reads the word used in data files.
    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// A heading for readers.
    pub fn label(self) -> &'static str {
        match self {
            Role::Lead => "Leads",
            Role::Member => "Members",
            Role::Intending => "Intending to join",
            Role::Attendee => "Attended, not members",
        }
    }

    /// Whether the role counts towards membership (leads are members too).
    pub fn is_member(self) -> bool {
        matches!(self, Role::Lead | Role::Member)
    }
}

/// How a record's date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    /// It happened on that date.
    Exact,
    /// It was so by that date; when it began is not reported.
    By,
}

impl Timing {
    /// The word used in data files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Timing::Exact => "exact",
            Timing::By => "by",
        }
    }
}

/// A party holding a role over a span of time.
#[derive(Clone, Debug)]
pub struct RoleSpan {
    /// The party.
    pub party: Index,
    /// The role.
    pub role: Role,
    /// When it began (or by when it was held).
    pub since: Date,
    /// How `since` is known.
    pub since_timing: Timing,
    /// When it ended, if it did.
    pub until: Option<Date>,
    /// Sources that report it.
    pub sources: Vec<Index>,
    /// Note for readers.
    pub note: Option<String>,
}

impl RoleSpan {
    /// Whether the role is held on `as_of`.
    pub fn holds_on(&self, as_of: Date) -> bool {
        self.since.is_on_or_before(as_of) && self.until.is_none_or(|u| !u.is_on_or_before(as_of))
    }
}

/// A dated milestone.
#[derive(Clone, Debug)]
pub struct Event {
    /// Identifier.
    pub id: String,
    /// When it happened.
    pub date: Date,
    /// Short title.
    pub title: String,
    /// Parties it concerns.
    pub parties: Vec<Index>,
    /// Member count the sources give at this point.
    pub members_reported: Option<u32>,
    /// Sources that report it.
    pub sources: Vec<Index>,
    /// Note for readers.
    pub note: Option<String>,
}

/// A conversion rate to euros from a date on.
#[derive(Clone, Debug)]
pub struct RateRecord {
    /// ISO 4217 code.
    pub currency: String,
    /// Units of the currency per euro.
    pub per_eur: Decimal,
    /// From when it applies.
    pub date: Date,
    /// Where it comes from.
    pub basis: String,
    /// Sources that imply or corroborate it.
    pub sources: Vec<Index>,
}

/// An amount in its original currency and its euro value.
#[derive(Clone, Debug)]
pub struct Money {
    /// The amount as the source states it.
    pub amount: Decimal,
    /// ISO 4217 code.
    pub currency: String,
    /// The value in euro cents.
    pub eur: Cents,
    /// The rate used, or `None` for amounts already in euros.
    pub rate: Option<Index>,
}

/// What stage a contribution has reached, as the sources say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Announced or pledged.
    Announced,
    /// Confirmed by the donor.
    Confirmed,
    /// Delivered or paid.
    Delivered,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 3] = [Status::Announced, Status::Confirmed, Status::Delivered];

    /// The word used in data files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Status::Announced => "announced",
            Status::Confirmed => "confirmed",
            Status::Delivered => "delivered",
        }
    }
}

/// A pledge or delivery by one donor, or pooled by several.
#[derive(Clone, Debug)]
pub struct Contribution {
    /// Identifier.
    pub id: String,
    /// Donors: one, or two or more when pooled.
    pub donors: Vec<Index>,
    /// One joint pledge whose split is not reported: never divided between its donors.
    pub pooled: bool,
    /// The value, or `None` for in-kind help of no stated value.
    pub money: Option<Money>,
    /// Goods or services rather than money.
    pub in_kind: bool,
    /// What was given, for in-kind help.
    pub description: Option<String>,
    /// When it was made.
    pub date: Date,
    /// How `date` is known.
    pub date_timing: Timing,
    /// Stage reached.
    pub status: Status,
    /// What it pays for.
    pub purpose: Option<String>,
    /// Sources that report it.
    pub sources: Vec<Index>,
    /// Note for readers.
    pub note: Option<String>,
}

/// A total for the whole coalition as a source reports it.
#[derive(Clone, Debug)]
pub struct ReportedTotal {
    /// Identifier.
    pub id: String,
    /// When it was reported.
    pub date: Date,
    /// The amount.
    pub money: Money,
    /// The source says "more than": the real total is at least this.
    pub lower_bound: bool,
    /// What it covers.
    pub scope: Option<String>,
    /// Parties the source names as making it up.
    pub parties: Vec<Index>,
    /// Sources that report it.
    pub sources: Vec<Index>,
}

/// What a conflict is about: a party or any record with an id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// A party.
    Party(Index),
    /// An event.
    Event(Index),
    /// A contribution.
    Contribution(Index),
    /// A reported total.
    ReportedTotal(Index),
    /// A source.
    Source(Index),
}

/// One side of a disagreement.
#[derive(Clone, Debug)]
pub struct Claim {
    /// What the sources say.
    pub says: String,
    /// The sources that say it.
    pub sources: Vec<Index>,
}

/// A point on which the sources disagree; all sides are kept.
#[derive(Clone, Debug)]
pub struct Conflict {
    /// Identifier.
    pub id: String,
    /// Short phrase naming the disagreement.
    pub topic: String,
    /// What it concerns.
    pub about: Vec<Subject>,
    /// Two or more claims.
    pub claims: Vec<Claim>,
    /// Which claim the figures follow, and why.
    pub resolution: Option<String>,
}
