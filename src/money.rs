//! Exact money: decimal amounts as the sources state them, and conversion to euro cents.
//!
//! No floating point touches an amount. An original amount is a [`Decimal`] (an integer and a
//! count of decimal places), a euro value is a whole number of cents ([`Cents`]), and a rate is a
//! decimal "units of currency per euro", so every conversion is one exact integer division
//! rounded half away from zero.

use std::fmt;

use crate::text::cat;

/// A euro value in whole cents.
pub type Cents = i64;

/// Most decimal places an amount or a rate may have.
const MAX_SCALE: u32 = 6;
/// Most digits before the decimal point: a trillion-euro pledge still fits with room to spare.
const MAX_INTEGER_DIGITS: usize = 15;

/// A non-negative decimal number written in the dataset, such as `91000000` or `7.46038`.
///
/// Kept as its whole part and its decimal places, each small enough for plain integers: the
/// 128-bit value they make is worked out only for arithmetic, so that writing a number (all
/// the widget does with one) needs no 128-bit division or formatting: 1.9 KB of the widget module
/// gzipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal {
    whole: u64,
    /// The digits after the point, as a number of `scale` digits: 7.046 is 46 with scale 3.
    fraction: u32,
    scale: u32,
}

impl Decimal {
    /// Nought.
    pub const ZERO: Decimal = Decimal { whole: 0, fraction: 0, scale: 0 };

    /// Parses plain decimal text: digits with at most one point and at most six places.
    /// Signs, exponents, separators, `NaN` and absurdly long numbers are refused with a reason.
    pub fn parse(text: &str) -> Result<Decimal, String> {
        let refuse = |why: &str| Err(format!("\"{text}\" is not an amount: {why}"));
        if text.is_empty() {
            return refuse("it is empty");
        }
        if text.starts_with('-') {
            return refuse("amounts cannot be negative");
        }
        if text.starts_with('+') {
            return refuse("write the number without a sign");
        }
        if text.contains([',', '_', ' ']) {
            return refuse("write it without thousands separators, e.g. 10000000");
        }
        if text.contains(['e', 'E']) && text.bytes().any(|b| b.is_ascii_digit()) {
            return refuse("write it in full, without an exponent");
        }
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) || text.ends_with('.') {
            return refuse("use digits with at most one decimal point, e.g. 91000000 or 7.46038");
        }
        if whole.trim_start_matches('0').len() > MAX_INTEGER_DIGITS {
            return refuse("it has more than 15 digits before the decimal point");
        }
        if fraction.len() > MAX_SCALE as usize {
            return refuse("it has more than 6 decimal places");
        }
        let number = |digits: &str| digits.parse::<u64>().map_err(|e| format!("\"{text}\": {e}"));
        let places = if fraction.is_empty() { 0 } else { number(fraction)? };
        Ok(Decimal { whole: number(whole)?, fraction: places as u32, scale: fraction.len() as u32 })
    }

    /// Its whole part, its places and their number: the packed form (see [`crate::codec`]).
    pub fn parts(self) -> (u64, u32, u32) {
        (self.whole, self.fraction, self.scale)
    }

    /// The decimal [`Decimal::parts`] gave, if the parts make one that [`Decimal::parse`] could
    /// have read: at most 15 whole digits, at most six places, and places that fit their number.
    pub fn from_parts(whole: u64, fraction: u32, scale: u32) -> Option<Decimal> {
        let fits = whole < 10_u64.pow(MAX_INTEGER_DIGITS as u32) && scale <= MAX_SCALE && fraction < 10_u32.pow(scale);
        fits.then_some(Decimal { whole, fraction, scale })
    }

    /// A whole number as a decimal.
    pub fn whole(value: u64) -> Decimal {
        Decimal { whole: value, fraction: 0, scale: 0 }
    }

    /// Whether the value is zero.
    pub fn is_zero(self) -> bool {
        self.whole == 0 && self.fraction == 0
    }

    /// The sum, at the larger of the two scales, or `None` if its whole part passes `u64::MAX`.
    /// A sum may have more than 15 whole digits: it is written, never read back as data.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let one = 10_u32.pow(scale);
        // Under 2 × 10^6: each is under 10^6 at six places.
        let places = self.fraction * 10_u32.pow(scale - self.scale) + other.fraction * 10_u32.pow(scale - other.scale);
        let whole = self.whole.checked_add(other.whole)?.checked_add(u64::from(places / one))?;
        Some(Decimal { whole, fraction: places % one, scale })
    }

    /// The value as an integer count of 10^-scale units.
    fn mantissa(self) -> i128 {
        i128::from(self.whole) * 10_i128.pow(self.scale) + i128::from(self.fraction)
    }

    /// The value in hundredths, rounded half away from zero: the minor units of a two-place currency.
    pub fn to_cents(self) -> Result<Cents, String> {
        let scaled = self.mantissa() * 100;
        let divisor = 10_i128.pow(self.scale);
        Cents::try_from(div_round(scaled, divisor)).map_err(|_| format!("{self} is too large"))
    }

    /// The number as written, without trailing zeros after the point: `7.46038`, `91000000`.
    pub fn text(&self) -> String {
        let whole = zero_padded(self.whole, 1);
        if self.fraction == 0 {
            return whole;
        }
        let places = zero_padded(u64::from(self.fraction), self.scale as usize);
        cat(&[&whole, ".", crate::text::trim_end(&places, b'0')])
    }
}

/// Integer division rounded half away from zero; both operands non-negative, divisor non-zero.
fn div_round(numerator: i128, divisor: i128) -> i128 {
    (numerator + divisor / 2) / divisor
}

/// The number as written (see [`Decimal::text`]).
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// `n` in decimal digits, with a minus sign if negative.
///
/// This and [`zero_padded`] write every number the widget writes itself (the browser's `Intl`
/// writes the rest), so that the wasm links none of `core::fmt`: its machinery and the
/// `format!` calls on it cost the widget module about 1 KB gzipped.
pub fn int(n: i64) -> String {
    let digits = zero_padded(n.unsigned_abs(), 1);
    if n < 0 {
        cat(&["-", &digits])
    } else {
        digits
    }
}

/// `n` in decimal digits, with leading zeros to at least `width` digits: `zero_padded(7, 2)` is
/// `07`.
pub fn zero_padded(mut n: u64, width: usize) -> String {
    let mut digits = Vec::with_capacity(20);
    while n > 0 || digits.len() < width.max(1) {
        digits.push(char::from(b'0' + (n % 10) as u8));
        n /= 10;
    }
    digits.iter().rev().collect()
}

/// A conversion rate: how many units of a currency one euro buys, on a stated basis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rate {
    /// Units of the currency per euro, e.g. 7.46038 for the Danish krone.
    pub per_eur: Decimal,
}

impl Rate {
    /// Converts an amount in the rate's currency to euro cents, exactly and rounded once.
    pub fn to_eur_cents(&self, amount: Decimal) -> Result<Cents, String> {
        if self.per_eur.is_zero() {
            return Err("the rate is zero".to_string());
        }
        // amount / per_eur * 100, with both scales cleared so one division does the rounding.
        let numerator = amount
            .mantissa()
            .checked_mul(100 * 10_i128.pow(self.per_eur.scale))
            .ok_or_else(|| format!("{amount} is too large to convert"))?;
        let divisor = self.per_eur.mantissa() * 10_i128.pow(amount.scale);
        Cents::try_from(div_round(numerator, divisor)).map_err(|_| format!("{amount} is too large"))
    }
}

/// Whether `code` has the shape of an ISO 4217 code: three capital letters.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// Groups the digits of a whole number by thousands: 12197770 → "12,197,770".
fn group_thousands(value: u64) -> String {
    let digits = zero_padded(value, 1);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A euro value in full: `€12,197,770.89`, or `€500,000` when there are no cents.
pub fn format_eur(cents: Cents) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    match abs % 100 {
        0 => format!("{sign}€{}", group_thousands(abs / 100)),
        c => format!("{sign}€{}.{c:02}", group_thousands(abs / 100)),
    }
}

/// An original amount in full with its currency: `DKK 91,000,000`, `EUR 500,000`.
pub fn format_amount(amount: Decimal, currency: &str) -> String {
    format!("{currency} {}", format_decimal(amount))
}

/// A number with every digit it has, in English: `7.46038`, `91,000,000`.
pub fn format_decimal(number: Decimal) -> String {
    let text = number.to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let grouped = whole.parse::<u64>().map(group_thousands).unwrap_or_else(|_| whole.to_string());
    match fraction {
        "" => grouped,
        f => format!("{grouped}.{f}"),
    }
}

/// A euro value rounded for a headline: `€12.2 million`, `€500,000`, `€58 million`.
pub fn format_eur_short(cents: Cents) -> String {
    let euros = cents.unsigned_abs() / 100;
    let sign = if cents < 0 { "-" } else { "" };
    if euros < 1_000_000 {
        return format!("{sign}€{}", group_thousands((cents.unsigned_abs() + 50) / 100));
    }
    // One decimal place of millions, rounded half up, dropped when it is zero.
    let tenths = (cents.unsigned_abs() + 500_000) / 10_000_000;
    match tenths % 10 {
        0 => format!("{sign}€{} million", group_thousands(tenths / 10)),
        t => format!("{sign}€{}.{t} million", group_thousands(tenths / 10)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_written_as_core_fmt_writes_them() {
        for n in [0, 7, -7, 10, 99, 100, 2024, -1_000_000, i64::MAX, i64::MIN] {
            assert_eq!(int(n), n.to_string());
        }
        assert_eq!(zero_padded(7, 2), "07");
        assert_eq!(zero_padded(2024, 2), "2024");
        assert_eq!(zero_padded(46, 6), "000046");
        assert_eq!(zero_padded(0, 0), "0");
        assert_eq!(zero_padded(u64::MAX, 1), u64::MAX.to_string());
    }

    fn dec(text: &str) -> Decimal {
        Decimal::parse(text).unwrap()
    }

    #[test]
    fn sums_carry_their_places_and_refuse_to_overflow() {
        let sum = |a: &str, b: &str| dec(a).checked_add(dec(b)).map(|d| d.text());
        assert_eq!(sum("7.5", "0.25").as_deref(), Some("7.75"));
        assert_eq!(sum("0.6", "0.4").as_deref(), Some("1"));
        assert_eq!(sum("91000000", "0.000001").as_deref(), Some("91000000.000001"));
        assert_eq!(sum("999999999999999.999999", "0.000001").as_deref(), Some("1000000000000000"));
        let big = Decimal::whole(u64::MAX - 1);
        assert_eq!(big.checked_add(dec("0.5")).map(|d| d.text()), Some(format!("{}.5", u64::MAX - 1)));
        assert_eq!(big.checked_add(dec("1")), Some(Decimal::whole(u64::MAX)));
        assert_eq!(big.checked_add(dec("2")), None);
        let most = Decimal::whole(u64::MAX).checked_add(dec("0.5"));
        assert_eq!(most.map(|d| d.text()), Some(format!("{}.5", u64::MAX)));
        assert_eq!(most.and_then(|d| d.checked_add(dec("0.5"))), None, "a carry past u64::MAX");
    }

    #[test]
    fn parts_give_back_the_decimal_and_refuse_what_parse_would() {
        for text in ["0", "91000000", "7.46038", "0.50", "999999999999999.999999"] {
            let (whole, fraction, scale) = dec(text).parts();
            assert_eq!(Decimal::from_parts(whole, fraction, scale), Some(dec(text)), "{text}");
        }
        assert_eq!(Decimal::from_parts(1_000_000_000_000_000, 0, 0), None, "16 whole digits");
        assert_eq!(Decimal::from_parts(1, 5, 7), None, "seven places");
        assert_eq!(Decimal::from_parts(1, 100, 2), None, "places beyond their number");
        assert_eq!(Decimal::from_parts(1, 99, 2).map(|d| d.to_string()), Some("1.99".into()));
    }

    #[test]
    fn parses_plain_decimals_exactly() {
        assert_eq!(dec("91000000").to_string(), "91000000");
        assert_eq!(dec("0007.046").to_string(), "7.046");
        assert_eq!(dec("999999999999999.999999").to_string(), "999999999999999.999999");
        assert_eq!(dec("999999999999999.999999").to_cents(), Ok(100_000_000_000_000_000));
        assert_eq!(dec("12.000").to_string(), "12");
        assert_ne!(dec("0.5"), dec("0.50"), "as written");
        assert_eq!(dec("7.46038").to_string(), "7.46038");
        assert_eq!(dec("0.50").to_string(), "0.5");
        assert_eq!(dec("0.5").to_cents(), Ok(50));
        assert_eq!(dec("500000").to_cents(), Ok(50_000_000));
    }

    #[test]
    fn refuses_what_an_amount_cannot_be() {
        let cases = [
            ("-5", "negative"),
            ("+5", "without a sign"),
            ("1e6", "exponent"),
            ("NaN", "digits"),
            ("10,000", "separators"),
            ("1.", "digits"),
            (".5", "digits"),
            ("1.2.3", "digits"),
            ("1.1234567", "6 decimal places"),
            ("123456789012345678901234567890", "15 digits"),
            ("", "empty"),
        ];
        for (text, why) in cases {
            let err = Decimal::parse(text).unwrap_err();
            assert!(err.contains(why), "{text}: {err}");
        }
    }

    #[test]
    fn converts_danish_krone_at_the_erm_central_rate() {
        let rate = Rate { per_eur: dec("7.46038") };
        // 91,000,000 / 7.46038 = 12,197,770.0868 (checked with Python's decimal module)
        assert_eq!(rate.to_eur_cents(dec("91000000")), Ok(1_219_777_009));
        assert_eq!(rate.to_eur_cents(dec("7.46038")), Ok(100));
        assert!(Rate { per_eur: dec("0") }.to_eur_cents(dec("1")).is_err());
    }

    #[test]
    fn formats_for_readers() {
        assert_eq!(format_eur(1_219_777_009), "€12,197,770.09");
        assert_eq!(format_eur(1_050), "€10.50");
        assert_eq!(format_eur(50_000_000), "€500,000");
        assert_eq!(format_eur_short(1_219_777_009), "€12.2 million");
        assert_eq!(format_eur_short(199_999_900), "€2 million");
        assert_eq!(format_eur_short(5_800_000_000), "€58 million");
        assert_eq!(format_eur_short(50_000_000), "€500,000");
        assert_eq!(format_amount(dec("91000000"), "DKK"), "DKK 91,000,000");
        assert_eq!(format_amount(dec("1234.5"), "USD"), "USD 1,234.5");
    }
}
