// The `Intl` formatter of the widget and the loader modules (see intl.rs). Its options are
// object literals here: built from Rust, one property at a time, they cost the modules more.

/** A formatter of amounts in `currency` for the language `tag`: in words ("91 million Danish
 * kroner"), or in figures, the euro as "€" and any other currency by its ISO code ("DKK
 * 91,000,000"), since a symbol such as "kr" would not say which krone. */
export function inCurrency(tag, currency, words) {
  return new Intl.NumberFormat(tag, words
    ? { style: 'currency', currency, currencyDisplay: 'name', notation: 'compact', compactDisplay: 'long',
      minimumFractionDigits: 0, maximumFractionDigits: 1 }
    : { style: 'currency', currency, currencyDisplay: currency === 'EUR' ? 'narrowSymbol' : 'code',
      minimumFractionDigits: 0, maximumFractionDigits: 6 });
}
