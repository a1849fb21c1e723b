//! Calendar dates as the sources give them: to the day, to the month or only to the year.
//!
//! News reports often say "in September 2023" or "last month". Such a date is kept at the
//! precision the source gives, never padded with an invented day. For "as of" comparisons a
//! partial date counts from the *last* day of its period: an event reported only as
//! "September 2023" is certain to have happened by 30 September, not before.

use std::fmt;

use crate::money::{int, zero_padded};
use crate::text::{cat, split, word};

/// How much of a date the source states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// Only the year, as in "2023".
    Year,
    /// Year and month, as in "2023-09".
    Month,
    /// A full date, as in "2024-01-23".
    Day,
}

/// A date at the precision its source states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
    precision: Precision,
}

/// Written between a day and its month in every date a reader sees: a no-break space, so that
/// no line ends between them ("31 | May 2024" in a phone's column of sources), as Ukrainian
/// typesetting keeps a number with the word it counts ("23\u{a0}січня"). `Intl` writes a plain
/// space in English and Ukrainian alike.
pub const DAY_MONTH: &str = "\u{a0}";

/// The English month names, separated by spaces (see [`word`]).
pub const MONTH_NAMES: &str = "January February March April May June July August September October November December";

/// Whether `year` is a leap year in the proleptic Gregorian calendar.
fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`.
fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Parses a run of ASCII digits of exactly `len` characters.
fn digits(text: &str, len: usize) -> Option<u32> {
    // At most 4 digits: no overflow. Summed by hand, as `str::parse` would pull core's generic
    // integer parser into the widget module for this alone.
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates such as 2024-02-30.
    pub fn parse(text: &str) -> Result<Date, String> {
        let shape = || cat(&["\"", text, "\" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY"]);
        let mut parts = split(text, b'-');
        let year = parts.next().and_then(|p| digits(p, 4)).ok_or_else(shape)? as i32;
        let month = match parts.next() {
            None => return Ok(Date { year, month: 12, day: 31, precision: Precision::Year }),
            Some(p) => digits(p, 2).ok_or_else(shape)? as u8,
        };
        if !(1..=12).contains(&month) {
            return Err(cat(&["\"", text, "\" is not a date: there is no month ", &int(i64::from(month))]));
        }
        let last = days_in_month(year, month);
        let day = match parts.next() {
            None => return Ok(Date { year, month, day: last, precision: Precision::Month }),
            Some(p) => digits(p, 2).ok_or_else(shape)? as u8,
        };
        if parts.next().is_some() {
            return Err(shape());
        }
        if day == 0 || day > last {
            let (name, year, last) =
                (word(MONTH_NAMES, usize::from(month - 1)), int(i64::from(year)), int(i64::from(last)));
            return Err(cat(&["\"", text, "\" is not a date: ", name, " ", &year, " has ", &last, " days"]));
        }
        Ok(Date { year, month, day, precision: Precision::Day })
    }

    /// A full date from its parts, or `None` if it does not exist.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day, precision: Precision::Day })
    }

    /// How much of the date the source states.
    pub fn precision(self) -> Precision {
        self.precision
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The last day this date can stand for, as a full date (the date itself when it is exact).
    pub fn latest(self) -> Date {
        Date { precision: Precision::Day, ..self }
    }

    /// Days since 1970-01-01 of [`Date::latest`]; the common axis for comparisons and charts.
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The full date for a day number of [`Date::day_number`].
    pub fn from_day_number(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day, precision: Precision::Day }
    }

    /// Whether this date is certainly reached by `as_of` (compares [`Date::latest`]).
    pub fn is_on_or_before(self, as_of: Date) -> bool {
        self.day_number() <= as_of.day_number()
    }

    /// The month (1–12).
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month (1–31): for a month or a year, which state none, its last day.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The first day of the month this date falls in.
    pub fn month_start(self) -> Date {
        Date { day: 1, precision: Precision::Day, ..self }
    }

    /// The first day of the next month.
    pub fn next_month_start(self) -> Date {
        let (year, month) = if self.month == 12 { (self.year + 1, 1) } else { (self.year, self.month + 1) };
        Date { year, month, day: 1, precision: Precision::Day }
    }

    /// Abbreviated month name: "Jan".
    pub fn month_abbrev(self) -> &'static str {
        &word(MONTH_NAMES, usize::from(self.month - 1))[..3]
    }

    /// ISO form at the stated precision: `2024-01-23`, `2023-09` or `2023`.
    pub fn iso(self) -> String {
        let year = zero_padded(u64::try_from(self.year).unwrap_or(0), 4);
        let (month, day) = (zero_padded(u64::from(self.month), 2), zero_padded(u64::from(self.day), 2));
        match self.precision {
            Precision::Day => cat(&[&year, "-", &month, "-", &day]),
            Precision::Month => cat(&[&year, "-", &month]),
            Precision::Year => year,
        }
    }

    /// A compact form for axes and tooltips: "23 Jan 2024", "Sep 2023" or "2023".
    pub fn short(self) -> String {
        match self.precision {
            Precision::Day => format!("{}{DAY_MONTH}{} {}", self.day, self.month_abbrev(), self.year),
            Precision::Month => format!("{} {}", self.month_abbrev(), self.year),
            Precision::Year => self.year.to_string(),
        }
    }

    /// The date for a reader: "23 January 2024", "September 2023" or "2023".
    pub fn long(self) -> String {
        let month = word(MONTH_NAMES, usize::from(self.month - 1));
        match self.precision {
            Precision::Day => format!("{}{DAY_MONTH}{month} {}", self.day, self.year),
            Precision::Month => format!("{month} {}", self.year),
            Precision::Year => self.year.to_string(),
        }
    }
}

/// ISO form at the stated precision (see [`Date::iso`]).
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2024-01-23", "2023-09", "2023", "2024-02-29"] {
            assert_eq!(Date::parse(text).map(|d| d.to_string()), Ok(text.to_string()));
        }
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        let err = Date::parse("2024-02-30").unwrap_err();
        assert!(err.contains("February 2024 has 29 days"), "{err}");
        assert!(Date::parse("2023-02-29").unwrap_err().contains("has 28 days"));
        assert!(Date::parse("2024-13").unwrap_err().contains("no month 13"));
        for bad in ["", "24-01-01", "2024-1-5", "2024/01/05", "2024-01-05T00", "2024-01-05-01", "２０２４"] {
            assert!(Date::parse(bad).is_err(), "{bad} should not parse");
        }
    }

    #[test]
    fn partial_dates_count_from_the_end_of_their_period() {
        let sept = Date::parse("2023-09").unwrap();
        assert_eq!(sept.latest().to_string(), "2023-09-30");
        assert!(!sept.is_on_or_before(Date::parse("2023-09-29").unwrap()));
        assert!(sept.is_on_or_before(Date::parse("2023-09-30").unwrap()));
        assert_eq!(Date::parse("2024-02").unwrap().latest().to_string(), "2024-02-29");
    }

    #[test]
    fn day_numbers_round_trip_and_match_known_values() {
        assert_eq!(Date::parse("1970-01-01").unwrap().day_number(), 0);
        assert_eq!(Date::parse("2024-01-23").unwrap().day_number(), 19_745);
        for n in [-800_000, -1, 0, 59, 19_745, 1_000_000] {
            assert_eq!(Date::from_day_number(n).day_number(), n);
        }
    }

    #[test]
    fn long_form_reads_naturally() {
        assert_eq!(Date::parse("2024-01-23").unwrap().long(), "23\u{a0}January 2024");
        assert_eq!(Date::parse("2023-09").unwrap().long(), "September 2023");
        assert_eq!(Date::parse("2024-01-23").unwrap().short(), "23\u{a0}Jan 2024");
        assert_eq!(Date::parse("2023-09").unwrap().short(), "Sep 2023");
        assert_eq!(Date::parse("2023-12-05").unwrap().next_month_start().to_string(), "2024-01-01");
        assert_eq!(Date::parse("2023-12-05").unwrap().month_start().to_string(), "2023-12-01");
    }
}
