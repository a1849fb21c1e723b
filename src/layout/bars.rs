//! The funding bars: each donor's own valued contributions, each pooled pledge once and
//! undivided, in-kind help marked as such, and the part of the reported total that no
//! contribution itemises, so the bars add up to what the sources report.

use crate::aggregate::Snapshot;
use crate::geometry::{fit_text, text_width, wrap, Rect};
use crate::i18n::{fill, Locale};
use crate::interaction::Target;
use crate::layout::font;
use crate::model::{Dataset, Index};
use crate::money::Cents;

/// Height of one bar row: a label line above a bar.
const ROW: f64 = 44.0;
/// Thickness of a bar.
const BAR: f64 = 16.0;
/// Height of a line of small text.
const SMALL_LINE: f64 = 17.0;

/// What a bar stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarKind {
    /// A donor's own valued contributions.
    Valued,
    /// A pooled pledge.
    Pooled,
    /// A donor whose help is in kind with no stated value.
    InKind,
    /// Reported total minus itemised sum.
    NotItemised,
}

/// One row: a label line and, below it, the bar and its value.
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    /// What selecting the row selects.
    pub target: Target,
    /// What the bar stands for.
    pub kind: BarKind,
    /// Name(s), fitted to the width.
    pub label: String,
    /// Amount or "in kind, value not stated", drawn after the bar.
    pub value: String,
    /// Value in euro cents (zero for in-kind rows).
    pub eur: Cents,
    /// The whole row: what a pointer or tap hits.
    pub row: Rect,
    /// The bar itself (zero width for in-kind rows, which draw a mark instead).
    pub bar: Rect,
}

/// The bars laid out for a width.
#[derive(Clone, Debug, PartialEq)]
pub struct BarsLayout {
    /// Width in CSS px.
    pub width: f64,
    /// Height in CSS px.
    pub height: f64,
    /// Rows, top to bottom: valued and pooled by size, then in kind, then not itemised.
    pub rows: Vec<BarRow>,
    /// Footer lines reconciling the bars with the reported total.
    pub footer: Vec<String>,
    /// Top of the footer.
    pub footer_y: f64,
}

/// Whether two snapshots give the bars the same donors, sums, pooled pledges and totals: the
/// parts of a snapshot that [`BarsLayout::new`] reads.
pub fn same_input(a: &Snapshot, b: &Snapshot) -> bool {
    fn donors(s: &Snapshot) -> impl Iterator<Item = (Index, Cents, bool)> + '_ {
        s.donors.iter().map(|d| (d.party, d.eur, d.in_kind.is_empty()))
    }
    donors(a).eq(donors(b))
        && (a.pooled == b.pooled && a.reported == b.reported)
        && (a.itemised_eur, a.not_itemised_eur) == (b.itemised_eur, b.not_itemised_eur)
}

impl BarsLayout {
    /// Lays out the bars of `snap` in `width` CSS px.
    pub fn new(ds: &Dataset, snap: &Snapshot, width: f64, loc: &Locale) -> BarsLayout {
        let w = loc.words();
        let mut entries: Vec<(Target, BarKind, String, Cents)> = Vec::new();
        for d in snap.donors.iter().filter(|d| d.eur > 0) {
            entries.push((Target::Party(d.party), BarKind::Valued, loc.party(ds, d.party).to_string(), d.eur));
        }
        for &c in &snap.pooled {
            let x = &ds.contributions[c];
            let eur = x.money.as_ref().map_or(0, |m| m.eur);
            entries.push((Target::Pooled(c), BarKind::Pooled, loc.parties(ds, &x.donors) + w.pooled_suffix, eur));
        }
        crate::order::sort_by_key(&mut entries, |e| std::cmp::Reverse(e.3));
        for d in snap.donors.iter().filter(|d| d.eur == 0 && !d.in_kind.is_empty()) {
            entries.push((Target::Party(d.party), BarKind::InKind, loc.party(ds, d.party).to_string(), 0));
        }
        if snap.not_itemised_eur > 0 {
            entries.push((
                Target::NotItemised,
                BarKind::NotItemised,
                w.not_itemised_label.into(),
                snap.not_itemised_eur,
            ));
        }

        let max = entries.iter().map(|e| e.3).max().unwrap_or(0).max(1);
        let value_text = |kind: BarKind, eur: Cents| match kind {
            BarKind::InKind => w.in_kind_value.to_string(),
            _ => loc.fmt.eur_short(eur),
        };
        let widest_value =
            entries.iter().map(|e| text_width(&value_text(e.1, e.3), font::SMALL, true)).fold(0.0, f64::max);
        let bar_space = (width - widest_value - 8.0).max(width * 0.4);
        let rows = entries
            .into_iter()
            .enumerate()
            .map(|(i, (target, kind, label, eur))| {
                let top = i as f64 * ROW;
                let length = if kind == BarKind::InKind { 0.0 } else { (bar_space * eur as f64 / max as f64).max(2.0) };
                BarRow {
                    target,
                    kind,
                    label: fit_text(&label, font::LABEL, false, width),
                    value: value_text(kind, eur),
                    eur,
                    row: Rect::new(0.0, top, width, ROW),
                    bar: Rect::new(0.0, top + 20.0, length, BAR),
                }
            })
            .collect::<Vec<_>>();
        let footer_y = rows.len() as f64 * ROW + 6.0;
        let footer = wrap(&footer_text(ds, snap, loc), font::SMALL, false, width);
        let height = (footer_y + footer.len() as f64 * SMALL_LINE + 6.0).ceil();
        BarsLayout { width, height, rows, footer, footer_y }
    }

    /// The row under a point, if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<Target> {
        self.rows.iter().find(|r| r.row.contains(x, y)).map(|r| r.target)
    }
}

/// One sentence reconciling the bars with the latest reported total.
fn footer_text(ds: &Dataset, snap: &Snapshot, loc: &Locale) -> String {
    let (w, f) = (loc.words(), loc.fmt);
    let itemised = f.eur_short(snap.itemised_eur);
    let Some(total) = snap.reported.map(|r| &ds.reported_totals[r]) else {
        return fill(w.footer_none, &[("itemised", &itemised)]);
    };
    let reported = f.eur_short(total.money.eur);
    let date = f.date(total.date);
    let rest = f.eur_short(snap.not_itemised_eur);
    let template = if total.lower_bound {
        w.footer_lower_bound
    } else if snap.not_itemised_eur > 0 {
        w.footer_remainder
    } else {
        w.footer_exact
    };
    fill(template, &[("itemised", &itemised), ("reported", &reported), ("date", &date), ("rest", &rest)])
}
