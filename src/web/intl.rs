//! Amounts in their own currencies, formatted by the browser's `Intl`, which knows every
//! currency's name in each language ("91 million Danish kroner"). Euros and dates are written by
//! [`crate::cldr`] as `Intl` writes them, so that the widget's first drawing needs no `Intl`
//! formatter: a page's first costs some 20 ms.

use std::cell::RefCell;

use js_sys::Intl;
use wasm_bindgen::prelude::*;

use crate::cldr::Conventions;
use crate::date::Date;
use crate::i18n::{Fmt, Lang};
use crate::money::{Cents, Decimal};
use crate::text::cat;

#[wasm_bindgen(module = "/src/web/intl.js")]
extern "C" {
    /// A formatter of amounts in a currency, in words or in figures.
    #[wasm_bindgen(js_name = inCurrency)]
    fn currency_format(tag: &str, currency: &str, words: bool) -> Intl::NumberFormat;
}

/// One language's formatting: [`crate::cldr`]'s for euros and dates, `Intl`'s for amounts in
/// other currencies.
pub struct IntlFmt {
    conventions: &'static Conventions,
    /// Formatters of amounts in their own currency, by currency and whether in words, made on
    /// first use (a dataset names a handful of currencies: a list is smaller than a map).
    currencies: RefCell<Vec<(String, bool, Intl::NumberFormat)>>,
}

/// Formats a decimal amount given as its exact text: `Intl.NumberFormat` reads a numeric string
/// as an exact decimal, and Rust's float parsing would cost the wasm several kilobytes.
fn decimal(f: &Intl::NumberFormat, amount: Decimal) -> String {
    f.format()
        .call1(&JsValue::NULL, &JsValue::from_str(&amount.text()))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

impl IntlFmt {
    /// Formatting for `lang` (English as British English, for day-month-year dates).
    pub fn new(lang: Lang) -> IntlFmt {
        IntlFmt { conventions: lang.conventions(), currencies: RefCell::new(Vec::new()) }
    }

    /// `amount` in `currency`, in figures ("DKK 91,000,000") or in words ("91 million Danish
    /// kroner"), with a formatter made once per currency and form.
    fn in_currency(&self, amount: Decimal, currency: &str, words: bool) -> String {
        let Ok(mut cache) = self.currencies.try_borrow_mut() else { return cat(&[currency, " ", &amount.text()]) };
        let at = match cache.iter().position(|(c, w, _)| c == currency && *w == words) {
            Some(at) => at,
            None => {
                cache.push((currency.to_string(), words, currency_format(self.conventions.tag, currency, words)));
                cache.len() - 1
            }
        };
        decimal(&cache[at].2, amount)
    }
}

impl Fmt for IntlFmt {
    fn eur_short(&self, cents: Cents) -> String {
        self.conventions.eur_compact(cents, 1)
    }
    fn eur_full(&self, cents: Cents) -> String {
        self.conventions.eur_full(cents)
    }
    fn eur_axis(&self, cents: Cents) -> String {
        self.conventions.eur_compact(cents, 0)
    }
    fn amount(&self, amount: Decimal, currency: &str) -> String {
        self.in_currency(amount, currency, false)
    }
    fn amount_words(&self, amount: Decimal, currency: &str) -> String {
        self.in_currency(amount, currency, true)
    }
    fn decimal(&self, number: Decimal) -> String {
        self.conventions.decimal(number)
    }
    fn date(&self, d: Date) -> String {
        self.conventions.date(d)
    }
    fn date_short(&self, d: Date) -> String {
        self.conventions.date_short(d)
    }
    fn month(&self, d: Date, with_year: bool) -> String {
        self.conventions.month(d, with_year)
    }
}
