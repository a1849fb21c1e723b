// The `Intl` formatters of the widget and the loader modules (see intl.rs). Their options are
// object literals here: built from Rust, one property at a time, they cost the modules more.

/** The formatters `IntlFmt` keeps for the language `tag`, in this order: euros short, in full
 * and on an axis; dates by day, by month and by year; short dates by day; short months alone
 * and with their year. Dates are read in UTC, as the dataset's days are. */
export function formatters(tag) {
  const eur = { style: 'currency', currency: 'EUR', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0 };
  const compact = { ...eur, notation: 'compact', compactDisplay: 'short' };
  const number = (options) => new Intl.NumberFormat(tag, options);
  const date = (options) => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', ...options });
  return [
    number({ ...compact, maximumFractionDigits: 1 }),
    number({ ...eur, maximumFractionDigits: 2 }),
    number({ ...compact, maximumFractionDigits: 0 }),
    date({ day: 'numeric', month: 'long', year: 'numeric' }),
    date({ month: 'long', year: 'numeric' }),
    date({ year: 'numeric' }),
    date({ day: 'numeric', month: 'short', year: 'numeric' }),
    date({ month: 'short' }),
    date({ month: 'short', year: 'numeric' }),
  ];
}

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
