//! The widget's words in English and Ukrainian, and number and date formatting behind a trait:
//! natively (CLI, static SVG, tests) plain English formatting in Rust; in the browser euros and
//! dates exactly as the browser's `Intl` writes them ([`crate::cldr`]) and amounts in other
//! currencies by `Intl` itself (see `web::intl`). Data notes stay in the language of the sources.

use crate::date::Date;
use crate::model::{Dataset, Index};
use crate::money::{format_amount, format_decimal, format_eur, format_eur_short, Cents, Decimal};
use crate::text::{join, split, split_once};

#[cfg(not(any(feature = "en", feature = "uk")))]
compile_error!("build with the words of at least one language: feature `en`, `uk` or both");

/// A language of the widget. Only the languages the crate is built with exist (features `en`
/// and `uk`, both by default): the widget is built once per language, so that a reader
/// downloads one language's words (the Ukrainian ones are 2.7 KB of the module, gzipped).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English.
    #[cfg(feature = "en")]
    En,
    /// Ukrainian.
    #[cfg(feature = "uk")]
    Uk,
}

impl Lang {
    /// Every language built in.
    pub const ALL: &'static [Lang] = &[
        #[cfg(feature = "en")]
        Lang::En,
        #[cfg(feature = "uk")]
        Lang::Uk,
    ];

    /// The language of a widget that names none: English where it is built in.
    pub const DEFAULT: Lang = Lang::ALL[0];

    /// Reads a language code (`en`, `uk`) of a language built in.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.iter().copied().find(|l| l.code() == code)
    }

    /// The BCP 47 code, for `lang` attributes and `Intl`.
    pub fn code(self) -> &'static str {
        match self {
            #[cfg(feature = "en")]
            Lang::En => "en",
            #[cfg(feature = "uk")]
            Lang::Uk => "uk",
        }
    }

    /// Whether this is the language the dataset's own words are in
    /// ([`crate::details::DATA_LANG`]), so that what a line quotes from the dataset needs no
    /// marking. A match rather than a comparison of codes, so that a module built with English
    /// alone carries no marking code.
    pub fn is_data_language(self) -> bool {
        match self {
            #[cfg(feature = "en")]
            Lang::En => true,
            #[cfg(feature = "uk")]
            Lang::Uk => false,
        }
    }

    /// The words of this language.
    pub fn words(self) -> &'static Words {
        match self {
            #[cfg(feature = "en")]
            Lang::En => &EN,
            #[cfg(feature = "uk")]
            Lang::Uk => &UK,
        }
    }

    /// The words of this language that only the details panel and a reader's own actions
    /// write, as this module carries them: empty in a module that leaves them to its split-off
    /// part ([`PANEL_DEFERRED`]).
    pub fn panel(self) -> &'static PanelWords<'static> {
        if PANEL_DEFERRED {
            return &PanelWords::EMPTY;
        }
        match self {
            #[cfg(feature = "en")]
            Lang::En => &EN_PANEL,
            #[cfg(feature = "uk")]
            Lang::Uk => &UK_PANEL,
        }
    }
}

/// Formats numbers, money and dates for one locale.
pub trait Fmt {
    /// A euro value rounded for a label: "€12.2 million".
    fn eur_short(&self, cents: Cents) -> String;
    /// A euro value in full: "€12,197,770.09".
    fn eur_full(&self, cents: Cents) -> String;
    /// A euro value for an axis tick: "€20m".
    fn eur_axis(&self, cents: Cents) -> String;
    /// An original amount with its currency: "DKK 91,000,000".
    fn amount(&self, amount: Decimal, currency: &str) -> String;
    /// An original amount in words, for listening: "91 million Danish kroner".
    fn amount_words(&self, amount: Decimal, currency: &str) -> String;
    /// A number with every digit the dataset gives, such as a conversion rate: "7.46038",
    /// "1,234.5".
    fn decimal(&self, number: Decimal) -> String;
    /// A date at its precision: "23 January 2024", "September 2023".
    fn date(&self, date: Date) -> String;
    /// A compact date: "23 Jan 2024".
    fn date_short(&self, date: Date) -> String;
    /// A month for a time axis, with its year or without: "Jan 2024", "Mar".
    fn month(&self, date: Date, with_year: bool) -> String;
}

/// English formatting in plain Rust, for everything that runs without a browser.
#[derive(Clone, Copy, Debug, Default)]
pub struct Plain;

impl Fmt for Plain {
    fn eur_short(&self, cents: Cents) -> String {
        format_eur_short(cents)
    }
    fn eur_full(&self, cents: Cents) -> String {
        format_eur(cents)
    }
    fn eur_axis(&self, cents: Cents) -> String {
        let euros = cents / 100;
        match euros {
            0 => "€0".to_string(),
            e if e % 1_000_000 == 0 => format!("€{}m", e / 1_000_000),
            e if e % 1_000 == 0 => format!("€{}k", e / 1_000),
            e => format!("€{e}"),
        }
    }
    fn amount(&self, amount: Decimal, currency: &str) -> String {
        format_amount(amount, currency)
    }
    fn decimal(&self, number: Decimal) -> String {
        format_decimal(number)
    }
    fn amount_words(&self, amount: Decimal, currency: &str) -> String {
        // format_eur_short rounds any two-place amount the same way; only its symbol differs.
        let short = amount.to_cents().map(format_eur_short).unwrap_or_else(|_| amount.to_string());
        format!("{currency} {}", short.trim_start_matches('€'))
    }
    fn date(&self, date: Date) -> String {
        date.long()
    }
    fn date_short(&self, date: Date) -> String {
        date.short()
    }
    fn month(&self, date: Date, with_year: bool) -> String {
        if with_year {
            format!("{} {}", date.month_abbrev(), date.year())
        } else {
            date.month_abbrev().to_string()
        }
    }
}

/// A language's words and a formatter: what layout, details and the widget write with.
#[derive(Clone, Copy)]
pub struct Locale<'a> {
    /// The language.
    pub lang: Lang,
    /// The words only the details panel and a reader's own actions write: [`Lang::panel`]'s,
    /// or, in a module that leaves them to its split-off part, those the part brought.
    pub panel: &'static PanelWords<'static>,
    /// Its number and date formatting.
    pub fmt: &'a dyn Fmt,
}

#[cfg(feature = "en")]
impl Locale<'static> {
    /// English with plain Rust formatting.
    pub fn plain() -> Locale<'static> {
        Locale::new(Lang::En, &Plain)
    }
}

impl<'a> Locale<'a> {
    /// `lang`'s own words, formatted by `fmt`.
    pub fn new(lang: Lang, fmt: &'a dyn Fmt) -> Locale<'a> {
        Locale { lang, panel: lang.panel(), fmt }
    }
}

impl Locale<'_> {
    /// Its words (see [`Words`] on how to read them). Through the language, not a pointer
    /// kept in the locale: in a module built with one language, each is then a constant.
    pub fn words(&self) -> &'static Words {
        self.lang.words()
    }

    /// A party's name in this language: the dataset's `names` entry, else its name.
    pub fn party<'d>(&self, ds: &'d Dataset, party: Index) -> &'d str {
        let p = &ds.parties[party];
        self.local(&p.names).unwrap_or(&p.name)
    }

    /// A record's name in this language, from its `names`, if it gives one: else the record's
    /// `name` stands, in the dataset's language.
    pub fn local<'d>(&self, names: &'d [(String, String)]) -> Option<&'d str> {
        names.iter().find(|(lang, _)| lang == self.lang.code()).map(|(_, local)| local.as_str())
    }

    /// Names of several parties, joined.
    pub fn parties(&self, ds: &Dataset, parties: &[Index]) -> String {
        join(&parties.iter().map(|&p| self.party(ds, p)).collect::<Vec<_>>(), ", ")
    }
}

/// Replaces each `{name}` in `template` with its value, in one pass: a value is never read as a
/// template (a source's title may contain braces), and a `{` that starts no known name stays.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::new();
    fill_with(template, &mut out, &mut |name, out| {
        values.iter().find(|(n, _)| *n == name).map(|(_, v)| *out += v).is_some()
    });
    out
}

/// [`fill`]'s pass over `template`, appending to `out`: `value(name, out)` appends the value of
/// `name` and says whether it has one (appending nothing if not). Behind `dyn`, so that the
/// modules carry one copy of the pass for [`fill`] and [`crate::details::Line::fill`].
pub fn fill_with(template: &str, out: &mut String, value: &mut dyn FnMut(&str, &mut String) -> bool) {
    let mut parts = split(template, b'{');
    *out += parts.next().unwrap_or_default();
    for part in parts {
        match split_once(part, b'}') {
            Some((name, rest)) if value(name, out) => *out += rest,
            _ => {
                out.push('{');
                *out += part;
            }
        }
    }
}

/// Declares [`PanelWords`] with one `&str` field per word and the list of them in order, which
/// [`PanelWords::text`] writes and [`PanelWords::read`] reads: one list of fields, so that the
/// two can never disagree on their order.
macro_rules! panel_words {
    ($($(#[$doc:meta])* $field:ident,)*) => {
        /// The words only the details panel and a reader's own actions write (the copy-link
        /// button's status). The widget module readers load first carries them empty (feature
        /// `deferred-texts`, [`PANEL_DEFERRED`]): its split-off part, which holds the code that
        /// writes them, brings them in its custom section `ct-words` (`coalition words LANG`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct PanelWords<'a> {
            $($(#[$doc])* pub $field: &'a str,)*
        }

        /// How many words [`PanelWords`] holds.
        const PANEL_WORDS: usize = [$(stringify!($field)),*].len();

        impl<'a> PanelWords<'a> {
            /// Every word left empty: what a module without them holds until its part arrives.
            pub const EMPTY: PanelWords<'static> = PanelWords { $($field: "",)* };

            /// The words in their order, each ended by a NUL: the section `ct-words`.
            pub fn text(&self) -> String {
                join(&[$(self.$field),*], "\0") + "\0"
            }

            /// Reads what [`PanelWords::text`] wrote; `None` unless it holds every word, and
            /// nothing more. The words go through an array, not one read a field: the module
            /// carries one copy of the reading loop instead of one a word.
            pub fn read(text: &'a str) -> Option<PanelWords<'a>> {
                let mut words = split(text, b'\0');
                let mut read = [""; PANEL_WORDS];
                for word in &mut read {
                    *word = words.next()?;
                }
                // What follows the last word's NUL is one empty piece, and nothing else.
                if words.next() != Some("") || words.next().is_some() {
                    return None;
                }
                let [$($field),*] = read;
                Some(PanelWords { $($field),* })
            }
        }
    };
}

panel_words! {
    /// In kind of no stated value: {what}.
    in_kind_line,
    /// A converted amount: {amount} {words} {eur} {rate} {currency} {basis} {date}.
    converted,
    /// A euro amount: {eur} {amount}.
    in_euros,
    /// A contribution line: {value} {status} {when}.
    contribution,
    /// "by {date}".
    by_date,
    /// After a standing "by" a date in the details of one party, which say why "by": the
    /// tables and the marks' names leave it out, and the parties' table says it once under it
    /// (`method[4]`).
    first_reported,
    /// Purpose line: {purpose}.
    purpose,
    /// Share of a pooled pledge: {total} {others} {date}.
    pooled_share,
    /// Pooled-pledge donors line: {names}.
    pooled_donors,
    /// Heading.
    h_contributions,
    /// Before a party's latest contributions, where it gave more than its details list: {n}.
    earlier_contributions,
    /// Heading.
    h_note,
    /// Heading.
    h_sources,
    /// Heading: {topic}.
    h_disagree,
    /// Heading.
    h_pledge,
    /// Heading.
    h_donors,
    /// Heading.
    h_reconciliation,
    /// Heading.
    h_parties,
    /// Conflict resolution line: {text}.
    follows,
    /// Title of a pooled pledge: {names}.
    pooled_title,
    /// Title of the remainder.
    not_itemised_title,
    /// No total: subtitle.
    no_total,
    /// Remainder subtitle: {rest}.
    not_itemised_subtitle,
    /// Reconciliation: {reported} {date} {itemised} {rest}.
    reconcile,
    /// In-kind note: {names}.
    reconcile_in_kind,
    /// Scope of a total: {scope}.
    reconcile_scope,
    /// Copy status: {link}.
    link_copied,
    /// Copy status where the page has no clipboard or the browser refused the copy: {link}.
    link_to_copy,
    /// Statuses, one word each, separated by spaces: announced, confirmed, delivered.
    statuses,
    /// Table caption: the parties.
    table_parties,
    /// Table caption: the contributions.
    table_contributions,
    /// Under the contributions table, where it lists only the latest: {listed} {n}.
    table_latest,
    /// Column header: party.
    th_party,
    /// Column header: standing.
    th_standing,
    /// Column header: donor.
    th_donor,
    /// Column header: amount, status and date.
    th_amount,
}

/// Whether this build leaves [`PanelWords`] out of [`Words`] (feature `deferred-texts`: the
/// widget module readers load first, whose split-off part brings them).
pub const PANEL_DEFERRED: bool = cfg!(feature = "deferred-texts");

// The split-off part brings one language's words, read once per module.
#[cfg(all(feature = "deferred-texts", feature = "en", feature = "uk"))]
compile_error!("a module that leaves the details panel's words to its split-off part has one language");

/// Every word the widget writes, in one language, but those of [`PanelWords`]. Templates take
/// `{named}` values.
///
/// Each word is read where it is used, from [`Lang::words`] or [`Locale::words`], and an
/// array's words each at a constant index (`method[1]`, not `&method[1..]` or
/// `method[i]`): in a module built with one language, the compiler then writes each word into
/// the code as a constant, and the module carries no table of them (0.35 KB of the English
/// widget module, gzipped). A `Words` kept, copied or passed by reference, or an array read
/// whole, brings the table back; so it is neither `Clone` nor `Copy`.
#[derive(Debug)]
pub struct Words {
    /// Map strip caption.
    pub outside_europe: &'static str,
    /// Legend: lead.
    pub legend_lead: &'static str,
    /// Legend: member.
    pub legend_member: &'static str,
    /// Legend: intends to join.
    pub legend_intending: &'static str,
    /// Legend: attended.
    pub legend_attendee: &'static str,
    /// Legend: no role.
    pub legend_none: &'static str,
    /// Bar label suffix for a pooled pledge.
    pub pooled_suffix: &'static str,
    /// Value of an in-kind row.
    pub in_kind_value: &'static str,
    /// Label of the not-itemised row.
    pub not_itemised_label: &'static str,
    /// Footer with no reported total: {itemised}.
    pub footer_none: &'static str,
    /// Footer with a lower bound: {itemised} {reported} {date}.
    pub footer_lower_bound: &'static str,
    /// Footer with a remainder: {itemised} {rest} {reported} {date}.
    pub footer_remainder: &'static str,
    /// Footer when fully itemised: {itemised} {reported} {date}.
    pub footer_exact: &'static str,
    /// Funding panel title.
    pub funding_title: &'static str,
    /// Member panel title.
    pub members_title: &'static str,
    /// The as-of label: {date}.
    pub as_of_label: &'static str,
    /// Role noun: lead.
    pub role_lead: &'static str,
    /// Role noun: member.
    pub role_member: &'static str,
    /// Role noun: intends to join.
    pub role_intending: &'static str,
    /// Role noun: attendee.
    pub role_attendee: &'static str,
    /// Standing of an attendee: {role} {date}.
    pub standing_attendee: &'static str,
    /// Standing of an intending party: {role} {date}.
    pub standing_intending: &'static str,
    /// Standing with an exact date: {role} {date}.
    pub standing_since: &'static str,
    /// Standing known by a date: {role} {date}.
    pub standing_by: &'static str,
    /// No role yet, a later one known: {date} {role} {later}.
    pub standing_later: &'static str,
    /// No role: {date}.
    pub standing_none: &'static str,
    /// Event member count: {n}.
    pub members_reported: &'static str,
    /// Citation date note.
    pub date_from_content: &'static str,
    /// Citation author: {author}.
    pub by_author: &'static str,
    /// Mark name, a party: {name} {standing} {given} {sources}.
    pub label_party: &'static str,
    /// Source count: one source, or {n} sources.
    pub sources_count: [&'static str; 2],
    /// Table view toggle: show the table, show the charts.
    pub view_toggle: [&'static str; 2],
    /// Given: in kind.
    pub given_in_kind: &'static str,
    /// Given: share of a pooled pledge.
    pub given_pooled: &'static str,
    /// Mark name, a pooled pledge: {eur} {names}.
    pub label_pooled: &'static str,
    /// Mark name, the remainder: {rest}.
    pub label_not_itemised: &'static str,
    /// Mark name, an event: {n} {date} {title}.
    pub label_event: &'static str,
    /// Mark name, a bar: {name} {value}.
    pub label_bar: &'static str,
    /// Dek: {members} {total} {date}.
    pub dek: &'static str,
    /// Text summary: {members} {date} {leads} {total} {donors}.
    pub summary: &'static str,
    /// Summary total: {eur} {date}.
    pub summary_total: &'static str,
    /// Summary total, lower bound: {eur} {date}.
    pub summary_more_than: &'static str,
    /// Summary, no total.
    pub summary_no_total: &'static str,
    /// Caption of the text summary.
    pub summary_caption: &'static str,
    /// Announcement of a new date: {date} {dek}.
    pub announce_as_of: &'static str,
    /// Announcement of a cleared selection.
    pub announce_cleared: &'static str,
    /// Dek total, lower bound: {eur}.
    pub dek_more_than: &'static str,
    /// Dek total: {eur}.
    pub dek_reported: &'static str,
    /// Dek, no total.
    pub dek_no_total: &'static str,
    /// View titles: map, bars, timeline.
    pub view_titles: [&'static str; 3],
    /// Details hint.
    pub hint: &'static str,
    /// Slider caption.
    pub slider_caption: &'static str,
    /// Copy-link button.
    pub copy_link: &'static str,
    /// Footer heading.
    pub sources_heading: &'static str,
    /// Footer heading.
    pub method_heading: &'static str,
    /// Method lines.
    pub method: [&'static str; 5],
    /// Method rate line: {currency} {rate} {basis} {date}.
    pub method_rate: &'static str,
    /// Data version line: {date} {version} (`data_version`, or nothing for a dataset without one).
    pub data_as_of: &'static str,
    /// The dataset's version in `data_as_of`, named as such (an editor's version can be any
    /// text, such as a date with a number, which alone would read as another date): {version}.
    pub data_version: &'static str,
    /// Under the image download: the sources, {n} {first} {last}.
    pub image_sources: &'static str,
    /// Under the image download, after `data_as_of`: {date}.
    pub image_shown: &'static str,
    /// Default credit.
    pub credit: &'static str,
    /// Downloads caption.
    pub get_data: &'static str,
    /// Download buttons: CSV, JSON, PNG.
    pub downloads: [&'static str; 3],
    /// In place of the widget after a panic (a trap, in the modules readers load).
    pub stopped: &'static str,
    /// In place of the widget when the browser refuses to draw.
    pub cannot_draw: &'static str,
}

/// English: the words only the details panel and a reader's own actions write.
#[cfg(feature = "en")]
const EN_PANEL: PanelWords<'static> = PanelWords {
    in_kind_line: "In kind, value not stated{what}",
    converted: "{amount} ({words}) ≈ {eur} at {rate} {currency} per euro ({basis}; rate dated {date})",
    in_euros: "{eur} ({amount})",
    contribution: "{value} — {status}, {when}",
    by_date: "by {date}",
    first_reported: " (first reported; the sources give no start date)",
    purpose: "Purpose: {purpose}",
    pooled_share: "Share, not reported, of a {total} pledge made jointly with {others} ({date})",
    pooled_donors: "{names}: how the pledge is split between them is not reported, so it is shown once, undivided.",
    h_contributions: "Contributions",
    earlier_contributions: "Earlier contributions: {n}",
    h_note: "Note",
    h_sources: "Sources",
    h_disagree: "Sources disagree: {topic}",
    h_pledge: "Pledge",
    h_donors: "Donors",
    h_reconciliation: "Reconciliation",
    h_parties: "Parties",
    follows: "This graphic follows: {text}",
    pooled_title: "Pooled pledge: {names}",
    not_itemised_title: "Not itemised",
    no_total: "No total reported by this date",
    not_itemised_subtitle: "{rest} of the reported total",
    reconcile: "The sources report {reported} in all ({date}) but name donors for {itemised}; {rest} is not attributed to any donor in them.",
    reconcile_in_kind: "In-kind help of no stated value, from {names}, may account for part of it.",
    reconcile_scope: "The reported total: {scope}.",
    link_copied: "Link copied: {link}",
    link_to_copy: "Copy this link: {link}",
    statuses: "announced confirmed delivered",
    table_parties: "Parties and their standing",
    table_contributions: "Contributions",
    table_latest: "Shown: the latest {listed}. Contributions in all: {n}.",
    th_party: "Party",
    th_standing: "Standing",
    th_donor: "Donor",
    th_amount: "Amount, status and date",
};

/// English.
#[cfg(feature = "en")]
pub const EN: Words = Words {
    outside_europe: "Outside Europe and organisations",
    legend_lead: "Lead",
    legend_member: "Member",
    legend_intending: "Intends to join",
    legend_attendee: "Attended, not a member",
    legend_none: "Not yet / no role",
    pooled_suffix: " (pooled)",
    in_kind_value: "in kind, value not stated",
    not_itemised_label: "Not itemised in the sources",
    footer_none: "Itemised {itemised}. No total reported by this date.",
    footer_lower_bound: "Itemised {itemised}; the sources report more than {reported} ({date}).",
    footer_remainder: "Itemised {itemised} + not itemised {rest} = {reported} reported ({date}).",
    footer_exact: "Itemised {itemised}; {reported} reported ({date}).",
    funding_title: "Itemised funding, cumulative (◇ reported totals)",
    members_title: "Members named in sources (◇ counts reported)",
    as_of_label: "as of {date}",
    role_lead: "Lead",
    role_member: "Member",
    role_intending: "Intends to join",
    role_attendee: "Attended a meeting, not a member",
    standing_attendee: "{role} ({date})",
    standing_intending: "{role} (announced {date})",
    standing_since: "{role} since {date}",
    standing_by: "{role} by {date}",
    standing_later: "No role on {date}; {role} from {later}",
    standing_none: "No role on {date}",
    members_reported: "Member count reported: {n}",
    date_from_content: "date from its content",
    by_author: ", by {author}",
    label_party: "{name}: {standing}{given}{sources}",
    sources_count: ["1 source", "{n} sources"],
    view_toggle: ["Show as a table", "Show the charts"],
    given_in_kind: "; in kind, value not stated",
    given_pooled: "; share of a pooled pledge",
    label_pooled: "Pooled pledge of {eur} by {names}, split not reported",
    label_not_itemised: "Not itemised: {rest} of the reported total",
    label_event: "Event {n}, {date}: {title}",
    label_bar: "{name}, contributions: {value}",
    dek: "{members} members · {total} · as of {date}",
    summary: "On {date} the coalition had {members} members, led by {leads}. {total} Largest itemised donors: {donors}.",
    summary_total: "The sources report {eur} in all ({date}).",
    summary_more_than: "The sources report more than {eur} ({date}).",
    summary_no_total: "No total had been reported.",
    summary_caption: "Text summary",
    announce_as_of: "Showing {date}: {dek}",
    announce_cleared: "Selection cleared",
    dek_more_than: "more than {eur} reported",
    dek_reported: "{eur} reported",
    dek_no_total: "no total reported yet",
    view_titles: ["Who is in the coalition", "Who gave what", "How it grew"],
    hint: "Select a country, a bar or an event to see its figures and sources.",
    slider_caption: "Show the coalition as of ",
    copy_link: "Copy link to this view",
    sources_heading: "Sources",
    method_heading: "How to read this graphic",
    method: [
        "Amounts are shown in euros; each keeps its original currency in the details.",
        "“In kind” is equipment, licences or services given instead of money; where the sources state no value it gets a mark, not a bar.",
        "A pooled pledge was announced jointly and its split is not reported: it is shown once and never divided.",
        "“Not itemised” is the part of a reported total that no named contribution accounts for; a total reported as “more than” a figure is a lower bound.",
        "A party shown as a member “by” a date was first reported as one then; the sources give no join date.",
    ],
    method_rate: "{currency} amounts are converted at {rate} {currency} per euro: {basis} (rate dated {date}).",
    data_as_of: "Data as of {date}{version}.",
    data_version: " (version {version})",
    image_sources: "Sources: {n} news reports, {first} to {last}; full list with the interactive graphic.",
    image_shown: "Shown as of {date}.",
    credit: "Graphic: coalition-tracker.",
    get_data: "Get the data: ",
    downloads: ["CSV", "JSON", "Image (PNG)"],
    stopped: "The graphic stopped working. Reload the page to see it again.",
    cannot_draw: "The graphic could not be drawn in this browser.",
};

/// Ukrainian: the words only the details panel and a reader's own actions write.
#[cfg(feature = "uk")]
const UK_PANEL: PanelWords<'static> = PanelWords {
    in_kind_line: "У натуральній формі, вартість не вказано{what}",
    converted: "{amount} ({words}) ≈ {eur} за курсом {rate} {currency} за євро ({basis}; курс від {date})",
    in_euros: "{eur} ({amount})",
    contribution: "{value} — {status}, {when}",
    by_date: "до {date}",
    first_reported: " (уперше згадано; дату вступу джерела не наводять)",
    purpose: "Призначення: {purpose}",
    pooled_share: "Не вказана частка спільного внеску {total}, зробленого разом із: {others} ({date})",
    pooled_donors: "{names}: розподіл внеску між ними не повідомлено, тож він показаний один раз, неподіленим.",
    h_contributions: "Внески",
    earlier_contributions: "Раніші внески: {n}",
    h_note: "Примітка",
    h_sources: "Джерела",
    h_disagree: "Джерела розходяться: {topic}",
    h_pledge: "Внесок",
    h_donors: "Донори",
    h_reconciliation: "Звірка",
    h_parties: "Сторони",
    follows: "Ця графіка спирається на: {text}",
    pooled_title: "Спільний внесок: {names}",
    not_itemised_title: "Не розподілено",
    no_total: "Загальну суму на цю дату не повідомлено",
    not_itemised_subtitle: "{rest} від повідомленої загальної суми",
    reconcile: "Джерела повідомляють про {reported} загалом ({date}), але називають донорів лише для {itemised}; {rest} в них не віднесено до жодного донора.",
    reconcile_in_kind: "Частину може становити допомога в натуральній формі без вказаної вартості від: {names}.",
    reconcile_scope: "Повідомлена сума: {scope}.",
    link_copied: "Посилання скопійовано: {link}",
    link_to_copy: "Скопіюйте це посилання: {link}",
    statuses: "оголошено підтверджено передано",
    table_parties: "Сторони та їхній статус",
    table_contributions: "Внески",
    table_latest: "Показано останні {listed}. Усього внесків: {n}.",
    th_party: "Сторона",
    th_standing: "Статус",
    th_donor: "Донор",
    th_amount: "Сума, статус і дата",
};

/// Ukrainian. Counts are written as "label: n" so no plural forms are needed.
#[cfg(feature = "uk")]
pub const UK: Words = Words {
    outside_europe: "Поза Європою та організації",
    legend_lead: "Лідер",
    legend_member: "Учасник",
    legend_intending: "Має намір приєднатися",
    legend_attendee: "Брав участь у зустрічі, не учасник",
    legend_none: "Ще ні / без ролі",
    pooled_suffix: " (спільно)",
    in_kind_value: "натурою, вартість не вказано",
    not_itemised_label: "Не розподілено в джерелах",
    footer_none: "Розподілено {itemised}. Загальну суму на цю дату не повідомлено.",
    footer_lower_bound: "Розподілено {itemised}; джерела повідомляють про понад {reported} ({date}).",
    footer_remainder: "Розподілено {itemised} + не розподілено {rest} = {reported} за повідомленням ({date}).",
    footer_exact: "Розподілено {itemised}; за повідомленням {reported} ({date}).",
    funding_title: "Розподілене фінансування, наростаючим підсумком (◇ повідомлені суми)",
    members_title: "Учасники, названі в джерелах (◇ повідомлена кількість)",
    as_of_label: "станом на {date}",
    role_lead: "Лідер",
    role_member: "Учасник",
    role_intending: "Має намір приєднатися",
    role_attendee: "Брав участь у зустрічі, не учасник",
    standing_attendee: "{role} ({date})",
    standing_intending: "{role} (оголошено {date})",
    standing_since: "{role} з {date}",
    standing_by: "{role} станом на {date}",
    standing_later: "Без ролі на {date}; {role} з {later}",
    standing_none: "Без ролі на {date}",
    members_reported: "Повідомлена кількість учасників: {n}",
    date_from_content: "дату визначено за змістом",
    by_author: ", автор: {author}",
    label_party: "{name}: {standing}{given}{sources}",
    sources_count: ["джерел: 1", "джерел: {n}"],
    view_toggle: ["Показати таблицею", "Показати графіки"],
    given_in_kind: "; у натуральній формі, вартість не вказано",
    given_pooled: "; частка спільного внеску",
    label_pooled: "Спільний внесок {eur} від: {names}; розподіл не повідомлено",
    label_not_itemised: "Не розподілено: {rest} від повідомленої суми",
    label_event: "Подія {n}, {date}: {title}",
    label_bar: "{name}, внески: {value}",
    dek: "Учасників: {members} · {total} · станом на {date}",
    summary: "Станом на {date} учасників коаліції: {members}; лідери: {leads}. {total} Найбільші розподілені внески: {donors}.",
    summary_total: "Джерела повідомляють про {eur} загалом ({date}).",
    summary_more_than: "Джерела повідомляють про понад {eur} ({date}).",
    summary_no_total: "Загальну суму не повідомлено.",
    summary_caption: "Текстовий підсумок",
    announce_as_of: "Показано {date}: {dek}",
    announce_cleared: "Вибір скасовано",
    dek_more_than: "понад {eur} за повідомленнями",
    dek_reported: "{eur} за повідомленнями",
    dek_no_total: "загальну суму ще не повідомлено",
    view_titles: ["Хто входить до коаліції", "Хто що дав", "Як вона зростала"],
    hint: "Виберіть країну, стовпчик або подію, щоб побачити цифри та джерела.",
    slider_caption: "Показати коаліцію станом на ",
    copy_link: "Копіювати посилання на цей вигляд",
    sources_heading: "Джерела",
    method_heading: "Як читати цю графіку",
    method: [
        "Суми наведено в євро; у деталях кожна зберігає свою початкову валюту.",
        "«У натуральній формі» — це обладнання, ліцензії чи послуги замість грошей; якщо джерела не вказують вартості, показано позначку, а не стовпчик.",
        "Спільний внесок оголошено разом, а його розподіл не повідомлено: він показаний один раз і ніколи не ділиться.",
        "«Не розподілено» — частина повідомленої загальної суми, яку не пояснює жоден названий внесок; сума «понад» певну цифру є нижньою межею.",
        "Сторона, показана учасником «станом на» дату, тоді вперше згадана як учасник; дати вступу джерела не наводять.",
    ],
    method_rate: "Суми в {currency} перераховано за курсом {rate} {currency} за євро: {basis} (курс від {date}).",
    data_as_of: "Дані станом на {date}{version}.",
    data_version: " (версія {version})",
    image_sources: "Джерела: новинні повідомлення ({n}), {first} – {last}; повний перелік — в інтерактивній графіці.",
    image_shown: "Показано станом на {date}.",
    credit: "Графіка: coalition-tracker.",
    get_data: "Отримати дані: ",
    downloads: ["CSV", "JSON", "Зображення (PNG)"],
    stopped: "Графіка перестала працювати. Перезавантажте сторінку, щоб побачити її знову.",
    cannot_draw: "Цей браузер не зміг намалювати графіку.",
};

#[cfg(test)]
mod tests {
    use super::{fill, Lang, PanelWords};

    #[test]
    fn panel_words_read_back_what_they_write_and_nothing_else() {
        for lang in Lang::ALL {
            let words = *lang.panel();
            let text = words.text();
            assert_eq!(PanelWords::read(&text), Some(words));
            assert!(words.h_sources.len() > 3 && !text.contains("\0\0"), "{lang:?} has every word");
            // A word missing, one too many, or the last NUL gone: not the words this module has.
            let cut = &text[..text.len() - 1];
            assert_eq!(PanelWords::read(cut), None);
            assert_eq!(PanelWords::read(&cut[..cut.rfind('\0').unwrap() + 1]), None);
            assert_eq!(PanelWords::read(&(text.clone() + "extra\0")), None);
        }
        assert_eq!(PanelWords::read(""), None);
        assert_eq!(PanelWords::read(&PanelWords::EMPTY.text()), Some(PanelWords::EMPTY));
    }

    #[test]
    fn only_the_datasets_own_language_leaves_its_quotes_unmarked() {
        for lang in Lang::ALL {
            assert_eq!(lang.is_data_language(), lang.code() == crate::details::DATA_LANG, "{lang:?}");
        }
    }

    #[test]
    fn fill_replaces_every_named_value_once_and_leaves_other_braces() {
        let filled = fill("{name} gave {sum} on {date}; {name} again", &[("name", "NL {date}"), ("sum", "€10m")]);
        assert_eq!(filled, "NL {date} gave €10m on {date}; NL {date} again");
        assert_eq!(fill("{unclosed and {} and }", &[("x", "y")]), "{unclosed and {} and }");
        assert_eq!(fill("", &[]), "");
        assert_eq!(fill("Учасник з {date}.", &[("date", "23 січня 2024 р.")]), "Учасник з 23 січня 2024 р..");
    }
}
