//! Euros and dates written exactly as the browser's `Intl` writes them in the widget's
//! languages (British English and Ukrainian, from the CLDR data behind `Intl`), in plain Rust.
//!
//! The widget's first drawing writes euros on the bars and their axis and dates in the text above
//! them. Through `Intl`, that drawing paid for the page's first formatter, some 20 ms while the
//! browser loads its locale data: about a sixth of the time to the first chart pixels here (see
//! BENCHMARKS.md). Written here, the first drawing needs no `Intl` at all; `web::intl` keeps it
//! for amounts in other currencies, whose names only the browser knows ("Danish kroner").
//! `tests/web.rs` checks in Chrome and Firefox that both write the same text, but for one
//! choice of ours: dates keep the day with its month ([`DAY_MONTH`]), and Ukrainian ones "р."
//! with its year, through no-break spaces, where `Intl` writes plain ones that let a narrow
//! column (the sources, or the table view, on a phone) break "31 May" or "2024 р." across two
//! lines.
//!
//! Numbers are written from integers (cents, day numbers), without `core::fmt` (see
//! [`crate::money::int`]).

use crate::date::{Date, Precision, DAY_MONTH};
use crate::i18n::Lang;
use crate::money::{int, zero_padded, Cents, Decimal};
use crate::text::{cat, split_once, word};

/// How one language writes euros and dates. Lists of words are one string each (see
/// [`word`]).
#[derive(Debug)]
pub struct Conventions {
    /// The language tag `Intl` takes for the same conventions.
    pub tag: &'static str,
    /// Written before an amount ("€" in English) and after it ("\u{a0}€" in Ukrainian).
    before: &'static str,
    after: &'static str,
    /// The decimal separator and the separator of thousands.
    decimal: &'static str,
    group: &'static str,
    /// The compact units of thousands, millions, billions and trillions, each with the space
    /// written before it, if any (U+00A0 in Ukrainian).
    units: &'static str,
    /// Month names after a day ("23 January", Ukrainian "23 січня"), standing alone with a year
    /// ("January 2024", Ukrainian "січень 2024 р."), and abbreviated ("Jan", "січ.").
    months: &'static str,
    months_alone: &'static str,
    months_short: &'static str,
    /// Written after a year that follows a month ("\u{a0}р." in Ukrainian, where "р." never
    /// starts a line).
    year_after: &'static str,
}

/// British English, as `Intl` writes `en-GB` (with the dates' no-break space: see the module's
/// comment).
#[cfg(feature = "en")]
pub const EN: Conventions = Conventions {
    tag: "en-GB",
    before: "€",
    after: "",
    decimal: ".",
    group: ",",
    units: "k m bn tn",
    months: crate::date::MONTH_NAMES,
    months_alone: crate::date::MONTH_NAMES,
    months_short: "Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec",
    year_after: "",
};

/// Ukrainian, as `Intl` writes `uk` (with the dates' no-break spaces: see the module's comment).
#[cfg(feature = "uk")]
pub const UK: Conventions = Conventions {
    tag: "uk",
    before: "",
    after: "\u{a0}€",
    decimal: ",",
    group: "\u{a0}",
    units: "\u{a0}тис. \u{a0}млн \u{a0}млрд \u{a0}трлн",
    months: "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    months_alone: "січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень",
    months_short: "січ. лют. бер. квіт. трав. черв. лип. серп. вер. жовт. лист. груд.",
    year_after: "\u{a0}р.",
};

impl Lang {
    /// How this language writes euros and dates.
    pub fn conventions(self) -> &'static Conventions {
        match self {
            #[cfg(feature = "en")]
            Lang::En => &EN,
            #[cfg(feature = "uk")]
            Lang::Uk => &UK,
        }
    }
}

impl Conventions {
    /// `cents` in units of 1000^`unit` euros, rounded half away from zero to at most `places`
    /// decimal places (0–2, without trailing zeros), with separators of thousands: the number of
    /// whole digits, and the text.
    fn number(&self, cents: Cents, places: u32, unit: u32) -> (usize, String) {
        // One step of the last place kept, in cents.
        let step = 10u64.pow(3 * unit + 2 - places);
        let mut scaled = cents.unsigned_abs().saturating_add(step / 2) / step;
        let mut shown = places as usize;
        while shown > 0 && scaled % 10 == 0 {
            scaled /= 10;
            shown -= 1;
        }
        let digits = zero_padded(scaled, shown + 1);
        let whole = digits.len() - shown;
        (whole, self.separated(&digits, whole))
    }

    /// `digits` (ASCII) with the decimal separator after the first `whole` of them and separators
    /// of thousands among those.
    fn separated(&self, digits: &str, whole: usize) -> String {
        let mut out = String::with_capacity(digits.len() * 2);
        for (i, &digit) in digits.as_bytes().iter().enumerate() {
            if i == whole {
                out += self.decimal;
            } else if i > 0 && i < whole && (whole - i) % 3 == 0 {
                out += self.group;
            }
            out.push(char::from(digit));
        }
        out
    }

    /// A number as the dataset writes it, with every digit it gives: "7.46038", Ukrainian
    /// "7,46038"; "1,234.5", Ukrainian "1 234,5". A conversion rate, which the footer writes
    /// while the widget is built: through `Intl`, that would pay for the page's first formatter.
    pub fn decimal(&self, number: Decimal) -> String {
        let text = number.text();
        let (whole, fraction) = split_once(&text, b'.').unwrap_or((&text, ""));
        self.separated(&cat(&[whole, fraction]), whole.len())
    }

    /// `digits` as an amount in euros, signed as `cents` is.
    fn euros(&self, cents: Cents, digits: &str) -> String {
        cat(&[if cents < 0 { "-" } else { "" }, self.before, digits, self.after])
    }

    /// A euro amount in `Intl`'s compact notation with at most `places` decimal places: "€1.5k",
    /// "€12.2m", "€1bn". The unit is the smallest that leaves under 1,000 once rounded
    /// (999,950 with one place is "€1m", not "€1000k").
    pub fn eur_compact(&self, cents: Cents, places: u32) -> String {
        let mut unit = 0;
        let mut number = self.number(cents, places, unit);
        while number.0 > 3 && unit < 4 {
            unit += 1;
            number = self.number(cents, places, unit);
        }
        let written = match unit {
            0 => number.1,
            u => number.1 + word(self.units, u as usize - 1),
        };
        self.euros(cents, &written)
    }

    /// A euro amount in full, with its cents where there are any: "€12,197,770.09".
    pub fn eur_full(&self, cents: Cents) -> String {
        self.euros(cents, &self.number(cents, 2, 0).1)
    }

    /// A date at its precision: "23 January 2024", "January 2024" or "2024".
    pub fn date(&self, date: Date) -> String {
        match date.precision() {
            Precision::Day => self.dated(Some(date.day()), self.months, date, true),
            Precision::Month => self.dated(None, self.months_alone, date, true),
            Precision::Year => int(i64::from(date.year())),
        }
    }

    /// A date with its month abbreviated where it names a day: "23 Jan 2024".
    pub fn date_short(&self, date: Date) -> String {
        match date.precision() {
            Precision::Day => self.dated(Some(date.day()), self.months_short, date, true),
            _ => self.date(date),
        }
    }

    /// An abbreviated month, with its year or without: "Jan 2024", "Jan".
    pub fn month(&self, date: Date, with_year: bool) -> String {
        self.dated(None, self.months_short, date, with_year)
    }

    /// `date`'s month from `months`, after `day` and before the year if `with_year`.
    fn dated(&self, day: Option<u8>, months: &'static str, date: Date, with_year: bool) -> String {
        let mut out = day.map_or(String::new(), |d| int(i64::from(d)) + DAY_MONTH);
        out += word(months, usize::from(date.month() - 1));
        if with_year {
            out += " ";
            out += &int(i64::from(date.year()));
            out += self.year_after;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Chromium 156's `Intl` writes for each amount in euros (given in cents): compact with
    /// one place, in full, compact with no places. The widget's formatters are in
    /// `src/web/intl.js` and `intl.rs`; `tests/web.rs` compares the two in the browsers.
    #[cfg(feature = "en")]
    const EN_EUROS: &[(Cents, &str, &str, &str)] = &[
        (0, "€0", "€0", "€0"),
        (50, "€0.5", "€0.5", "€1"),
        (5, "€0.1", "€0.05", "€0"),
        (1_210, "€12.1", "€12.1", "€12"),
        (99_900, "€999", "€999", "€999"),
        (100_000, "€1k", "€1,000", "€1k"),
        (150_000, "€1.5k", "€1,500", "€2k"),
        (999_900, "€10k", "€9,999", "€10k"),
        (1_234_500, "€12.3k", "€12,345", "€12k"),
        (9_995_000, "€100k", "€99,950", "€100k"),
        (99_999_900, "€1m", "€999,999", "€1m"),
        (104_999_900, "€1m", "€1,049,999", "€1m"),
        (105_000_000, "€1.1m", "€1,050,000", "€1m"),
        (1_219_777_009, "€12.2m", "€12,197,770.09", "€12m"),
        (5_800_000_000, "€58m", "€58,000,000", "€58m"),
        (99_995_000_000, "€1bn", "€999,950,000", "€1bn"),
        (125_000_000_000, "€1.3bn", "€1,250,000,000", "€1bn"),
        (250_000_000_000_000, "€2.5tn", "€2,500,000,000,000", "€3tn"),
        (-150_000, "-€1.5k", "-€1,500", "-€2k"),
    ];

    #[cfg(feature = "uk")]
    const UK_EUROS: &[(Cents, &str, &str, &str)] = &[
        (0, "0 €", "0 €", "0 €"),
        (50, "0,5 €", "0,5 €", "1 €"),
        (99_900, "999 €", "999 €", "999 €"),
        (100_000, "1 тис. €", "1 000 €", "1 тис. €"),
        (150_000, "1,5 тис. €", "1 500 €", "2 тис. €"),
        (9_995_000, "100 тис. €", "99 950 €", "100 тис. €"),
        (99_999_900, "1 млн €", "999 999 €", "1 млн €"),
        (1_219_777_009, "12,2 млн €", "12 197 770,09 €", "12 млн €"),
        (99_995_000_000, "1 млрд €", "999 950 000 €", "1 млрд €"),
        (125_000_000_000, "1,3 млрд €", "1 250 000 000 €", "1 млрд €"),
        (250_000_000_000_000, "2,5 трлн €", "2 500 000 000 000 €", "3 трлн €"),
    ];

    /// Checks `table`, whose spaces stand for U+00A0 (Ukrainian's separator of thousands and
    /// the space before a unit and before "€", as `Intl` writes them).
    fn check(conventions: &Conventions, table: &[(Cents, &str, &str, &str)]) {
        let nbsp = |text: &str| text.replace(' ', "\u{a0}");
        for &(cents, one_place, full, no_places) in table {
            assert_eq!(conventions.eur_compact(cents, 1), nbsp(one_place), "{cents} cents, one place");
            assert_eq!(conventions.eur_full(cents), nbsp(full), "{cents} cents in full");
            assert_eq!(conventions.eur_compact(cents, 0), nbsp(no_places), "{cents} cents, no places");
        }
    }

    #[test]
    #[cfg(feature = "en")]
    fn english_euros_are_written_as_intl_writes_en_gb() {
        check(&EN, EN_EUROS);
    }

    #[test]
    #[cfg(feature = "uk")]
    fn ukrainian_euros_are_written_as_intl_writes_uk() {
        check(&UK, UK_EUROS);
    }

    #[test]
    fn numbers_keep_every_digit_with_each_languages_separators() {
        let number = |text: &str| Decimal::parse(text).expect("a test number");
        let written = |c: &Conventions| ["7.46038", "160", "1234.5", "1000000.25"].map(|t| c.decimal(number(t)));
        #[cfg(feature = "en")]
        assert_eq!(written(&EN), ["7.46038", "160", "1,234.5", "1,000,000.25"]);
        #[cfg(feature = "uk")]
        assert_eq!(written(&UK), ["7,46038", "160", "1\u{a0}234,5", "1\u{a0}000\u{a0}000,25"]);
    }

    fn date(text: &str) -> Date {
        Date::parse(text).expect("a test date")
    }

    fn dates(conventions: &Conventions) -> Vec<String> {
        let (day, month, year) = (date("2024-09-03"), date("2024-02"), date("2023"));
        vec![
            conventions.date(day),
            conventions.date(month),
            conventions.date(year),
            conventions.date_short(day),
            conventions.date_short(month),
            conventions.month(day, false),
            conventions.month(day, true),
        ]
    }

    #[test]
    #[cfg(feature = "en")]
    fn english_dates_are_written_as_intl_writes_en_gb_but_with_a_no_break_space() {
        let expected = [
            "3\u{a0}September 2024",
            "February 2024",
            "2023",
            "3\u{a0}Sept 2024",
            "February 2024",
            "Sept",
            "Sept 2024",
        ];
        assert_eq!(dates(&EN), expected);
        assert_eq!(EN.date_short(date("2024-05-31")), "31\u{a0}May 2024");
    }

    #[test]
    #[cfg(feature = "uk")]
    fn ukrainian_dates_are_written_as_intl_writes_uk_but_with_no_break_spaces() {
        let expected = [
            "3\u{a0}вересня 2024\u{a0}р.",
            "лютий 2024\u{a0}р.",
            "2023",
            "3\u{a0}вер. 2024\u{a0}р.",
            "лютий 2024\u{a0}р.",
            "вер.",
            "вер. 2024\u{a0}р.",
        ];
        assert_eq!(dates(&UK), expected);
    }
}
