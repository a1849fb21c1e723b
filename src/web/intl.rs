//! Number, money and date formatting by the browser's `Intl`, so each language's conventions
//! (separators, currency placement, month names) come from the browser, not from tables here.

use std::cell::RefCell;

use js_sys::Intl;
use wasm_bindgen::prelude::*;

use crate::date::{Date, Precision};
use crate::i18n::{Fmt, Lang};
use crate::money::{Cents, Decimal};

#[wasm_bindgen(module = "/src/web/intl.js")]
extern "C" {
    /// The formatters of [`IntlFmt`] for a language tag, in the order of its fields.
    fn formatters(tag: &str) -> js_sys::Array;

    /// A formatter of amounts in a currency, in words or in figures.
    #[wasm_bindgen(js_name = inCurrency)]
    fn currency_format(tag: &str, currency: &str, words: bool) -> Intl::NumberFormat;
}

/// `Intl` formatters for one language, created once and reused for every label.
pub struct IntlFmt {
    tag: &'static str,
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

fn number(f: &Intl::NumberFormat, value: f64) -> String {
    format_value(f, &JsValue::from_f64(value))
}

/// Formats a decimal amount given as its exact text: `Intl.NumberFormat` reads a numeric string
/// as an exact decimal, and Rust's float parsing would cost the wasm several kilobytes.
fn decimal(f: &Intl::NumberFormat, amount: Decimal) -> String {
    format_value(f, &JsValue::from_str(&amount.text()))
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
        // intl.js returns them in the order of the fields: its own array, so the casts hold.
        let all = formatters(tag);
        let at = |i| all.get(i);
        IntlFmt {
            tag,
            eur_short: at(0).unchecked_into(),
            eur_full: at(1).unchecked_into(),
            eur_axis: at(2).unchecked_into(),
            day: at(3).unchecked_into(),
            month: at(4).unchecked_into(),
            year: at(5).unchecked_into(),
            day_short: at(6).unchecked_into(),
            month_short: at(7).unchecked_into(),
            month_tick: at(8).unchecked_into(),
            currencies: RefCell::new(Vec::new()),
        }
    }

    /// `amount` in `currency`, in figures ("DKK 91,000,000") or in words ("91 million Danish
    /// kroner"), with a formatter made once per currency and form.
    fn in_currency(&self, amount: Decimal, currency: &str, words: bool) -> String {
        let Ok(mut cache) = self.currencies.try_borrow_mut() else { return [currency, " ", &amount.text()].concat() };
        let at = match cache.iter().position(|(c, w, _)| c == currency && *w == words) {
            Some(at) => at,
            None => {
                cache.push((currency.to_string(), words, currency_format(self.tag, currency, words)));
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
