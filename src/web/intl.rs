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
    /// intl.js's `formatters`, in its order: see the constants below.
    formatters: js_sys::Array,
    /// Formatters of amounts in their own currency, by currency and whether in words, made on
    /// first use (a dataset names a handful of currencies: a list is smaller than a map).
    currencies: RefCell<Vec<(String, bool, Intl::NumberFormat)>>,
    /// Labels already written, by the formatter that wrote them and the cents or day number
    /// written. A slider step writes some 75 labels, nearly all of them written the step before
    /// (every mark's accessible name, the axes), and each call into `Intl` costs a date object,
    /// a call and a string back.
    written: RefCell<Vec<(u32, i64, String)>>,
}

// The places of the formatters in intl.js's `formatters`: euros first, dates from `DAY` on.
const EUR_SHORT: u32 = 0;
const EUR_FULL: u32 = 1;
const EUR_AXIS: u32 = 2;
const DAY: u32 = 3;
const MONTH: u32 = 4;
const YEAR: u32 = 5;
const DAY_SHORT: u32 = 6;
const MONTH_SHORT: u32 = 7;
const MONTH_TICK: u32 = 8;

/// How many labels [`IntlFmt`] keeps: more than a view's marks and axes write, few enough that a
/// lookup costs less than a call into `Intl`. It starts afresh when full.
const KEPT: usize = 256;

/// Formats a decimal amount given as its exact text: `Intl.NumberFormat` reads a numeric string
/// as an exact decimal, and Rust's float parsing would cost the wasm several kilobytes.
fn decimal(f: &Intl::NumberFormat, amount: Decimal) -> String {
    format_value(f, &JsValue::from_str(&amount.text()))
}

/// `f.format(value)`. Number and date formatters both have `format`, read from the object.
fn format_value(f: &Intl::NumberFormat, value: &JsValue) -> String {
    f.format().call1(&JsValue::NULL, value).ok().and_then(|v| v.as_string()).unwrap_or_default()
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
        IntlFmt {
            tag,
            formatters: formatters(tag),
            currencies: RefCell::new(Vec::new()),
            written: RefCell::new(Vec::new()),
        }
    }

    /// What formatter `which` writes for `key` (cents, or a day number from `DAY` on): kept
    /// from the last time, or written now.
    fn kept(&self, which: u32, key: i64) -> String {
        let found = self.written.try_borrow().ok().and_then(|written| {
            written.iter().find(|(w, k, _)| (*w, *k) == (which, key)).map(|(.., label)| label.clone())
        });
        found.unwrap_or_else(|| {
            let value = if which < DAY {
                JsValue::from_f64(key as f64 / 100.0)
            } else {
                js_sys::Date::new(&JsValue::from_f64(key as f64 * 86_400_000.0)).into()
            };
            let label = format_value(self.formatters.get(which).unchecked_ref(), &value);
            if let Ok(mut written) = self.written.try_borrow_mut() {
                if written.len() == KEPT {
                    written.clear();
                }
                written.push((which, key, label.clone()));
            }
            label
        })
    }

    fn day(&self, which: u32, d: Date) -> String {
        self.kept(which, d.latest().day_number())
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
        self.kept(EUR_SHORT, cents)
    }
    fn eur_full(&self, cents: Cents) -> String {
        self.kept(EUR_FULL, cents)
    }
    fn eur_axis(&self, cents: Cents) -> String {
        self.kept(EUR_AXIS, cents)
    }
    fn amount(&self, amount: Decimal, currency: &str) -> String {
        self.in_currency(amount, currency, false)
    }
    fn amount_words(&self, amount: Decimal, currency: &str) -> String {
        self.in_currency(amount, currency, true)
    }
    fn date(&self, d: Date) -> String {
        match d.precision() {
            Precision::Day => self.day(DAY, d),
            Precision::Month => self.day(MONTH, d),
            Precision::Year => self.day(YEAR, d),
        }
    }
    fn date_short(&self, d: Date) -> String {
        match d.precision() {
            Precision::Day => self.day(DAY_SHORT, d),
            _ => self.date(d),
        }
    }
    fn month(&self, d: Date, with_year: bool) -> String {
        if with_year {
            self.day(MONTH_TICK, d)
        } else {
            self.day(MONTH_SHORT, d)
        }
    }
}
