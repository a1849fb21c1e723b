//! Number, money and date formatting by the browser's `Intl`, so each language's conventions
//! (separators, currency placement, month names) come from the browser, not from tables here.

use std::cell::RefCell;

use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::date::{Date, Precision};
use crate::i18n::{Fmt, Lang};
use crate::money::{Cents, Decimal};

/// `Intl` formatters for one language, created once and reused for every label.
pub struct IntlFmt {
    locales: Array,
    eur_short: Intl::NumberFormat,
    eur_full: Intl::NumberFormat,
    eur_axis: Intl::NumberFormat,
    day: Intl::DateTimeFormat,
    month: Intl::DateTimeFormat,
    year: Intl::DateTimeFormat,
    day_short: Intl::DateTimeFormat,
    month_short: Intl::DateTimeFormat,
    month_tick: Intl::DateTimeFormat,
    /// Formatters of amounts in their own currency, by currency and whether in words, made on
    /// first use (a dataset names a handful of currencies: a list is smaller than a map).
    currencies: RefCell<Vec<(String, bool, Intl::NumberFormat)>>,
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

fn n(v: f64) -> JsValue {
    JsValue::from_f64(v)
}

/// A currency formatter: the euro as "€" in every language; other currencies by their ISO code,
/// since a symbol such as "kr" would not say which krone.
fn money(locales: &Array, currency: &str, extra: &[(&str, JsValue)]) -> Intl::NumberFormat {
    let display = if currency == "EUR" { "narrowSymbol" } else { "code" };
    let mut pairs = vec![("style", s("currency")), ("currency", s(currency)), ("currencyDisplay", s(display))];
    pairs.extend(extra.iter().cloned());
    Intl::NumberFormat::new(locales, &options(&pairs))
}

fn dates(locales: &Array, pairs: &[(&str, JsValue)]) -> Intl::DateTimeFormat {
    let mut all = vec![("timeZone", s("UTC"))];
    all.extend(pairs.iter().cloned());
    Intl::DateTimeFormat::new(locales, &options(&all))
}

fn number(f: &Intl::NumberFormat, value: f64) -> String {
    format_value(f, &JsValue::from_f64(value))
}

/// Formats a decimal amount given as its exact text: `Intl.NumberFormat` reads a numeric string
/// as an exact decimal, and Rust's float parsing would cost the wasm several kilobytes.
fn decimal(f: &Intl::NumberFormat, amount: Decimal) -> String {
    format_value(f, &JsValue::from_str(&amount.to_string()))
}

fn format_value(f: &Intl::NumberFormat, value: &JsValue) -> String {
    f.format().call1(&JsValue::NULL, value).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

fn date(f: &Intl::DateTimeFormat, d: Date) -> String {
    let when = js_sys::Date::new(&JsValue::from_f64(d.latest().day_number() as f64 * 86_400_000.0));
    f.format().call1(&JsValue::NULL, &when).ok().and_then(|v| v.as_string()).unwrap_or_default()
}

impl IntlFmt {
    /// Formatters for `lang` (English as British English, for day-month-year dates).
    pub fn new(lang: Lang) -> IntlFmt {
        let tag = match lang {
            #[cfg(feature = "en")]
            Lang::En => "en-GB",
            #[cfg(feature = "uk")]
            Lang::Uk => "uk",
        };
        let locales = Array::of1(&s(tag));
        let compact = [("notation", s("compact")), ("compactDisplay", s("short")), ("minimumFractionDigits", n(0.0))];
        IntlFmt {
            eur_short: money(&locales, "EUR", &[&compact[..], &[("maximumFractionDigits", n(1.0))]].concat()),
            eur_full: money(&locales, "EUR", &[("minimumFractionDigits", n(0.0)), ("maximumFractionDigits", n(2.0))]),
            eur_axis: money(&locales, "EUR", &[&compact[..], &[("maximumFractionDigits", n(0.0))]].concat()),
            day: dates(&locales, &[("day", s("numeric")), ("month", s("long")), ("year", s("numeric"))]),
            month: dates(&locales, &[("month", s("long")), ("year", s("numeric"))]),
            year: dates(&locales, &[("year", s("numeric"))]),
            day_short: dates(&locales, &[("day", s("numeric")), ("month", s("short")), ("year", s("numeric"))]),
            month_short: dates(&locales, &[("month", s("short"))]),
            month_tick: dates(&locales, &[("month", s("short")), ("year", s("numeric"))]),
            currencies: RefCell::new(Vec::new()),
            locales,
        }
    }

    /// `amount` in `currency`, in figures ("DKK 91,000,000") or in words ("91 million Danish
    /// kroner"), with a formatter made once per currency and form.
    fn in_currency(&self, amount: Decimal, currency: &str, words: bool) -> String {
        let Ok(mut cache) = self.currencies.try_borrow_mut() else { return format!("{currency} {amount}") };
        let at = match cache.iter().position(|(c, w, _)| c == currency && *w == words) {
            Some(at) => at,
            None => {
                let f = if words {
                    Intl::NumberFormat::new(
                        &self.locales,
                        &options(&[
                            ("style", s("currency")),
                            ("currency", s(currency)),
                            ("currencyDisplay", s("name")),
                            ("notation", s("compact")),
                            ("compactDisplay", s("long")),
                            ("minimumFractionDigits", n(0.0)),
                            ("maximumFractionDigits", n(1.0)),
                        ]),
                    )
                } else {
                    money(
                        &self.locales,
                        currency,
                        &[("minimumFractionDigits", n(0.0)), ("maximumFractionDigits", n(6.0))],
                    )
                };
                cache.push((currency.to_string(), words, f));
                cache.len() - 1
            }
        };
        decimal(&cache[at].2, amount)
    }
}

impl Fmt for IntlFmt {
    fn eur_short(&self, cents: Cents) -> String {
        number(&self.eur_short, cents as f64 / 100.0)
    }
    fn eur_full(&self, cents: Cents) -> String {
        number(&self.eur_full, cents as f64 / 100.0)
    }
    fn eur_axis(&self, cents: Cents) -> String {
        number(&self.eur_axis, cents as f64 / 100.0)
    }
    fn amount(&self, amount: Decimal, currency: &str) -> String {
        self.in_currency(amount, currency, false)
    }
    fn amount_words(&self, amount: Decimal, currency: &str) -> String {
        self.in_currency(amount, currency, true)
    }
    fn date(&self, d: Date) -> String {
        match d.precision() {
            Precision::Day => date(&self.day, d),
            Precision::Month => date(&self.month, d),
            Precision::Year => date(&self.year, d),
        }
    }
    fn date_short(&self, d: Date) -> String {
        match d.precision() {
            Precision::Day => date(&self.day_short, d),
            _ => self.date(d),
        }
    }
    fn month(&self, d: Date, with_year: bool) -> String {
        date(if with_year { &self.month_tick } else { &self.month_short }, d)
    }
}
