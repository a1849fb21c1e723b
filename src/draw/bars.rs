//! Paints the funding bars.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::DrawingBackend;

use super::{color, dashed_rect, faded, fill_rect, hatch, stroke_rect, text, DrawResult, Font};
use crate::geometry::Rect;
use crate::interaction::{involved, UiState, View};
use crate::layout::bars::{BarKind, BarsLayout};
use crate::layout::font;
use crate::model::Dataset;
use crate::palette::Palette;

/// Paints the bars.
pub fn draw<B: DrawingBackend>(b: &mut B, l: &BarsLayout, ds: &Dataset, ui: &UiState, p: &Palette) -> DrawResult<B> {
    fill_rect(b, Rect::new(0.0, 0.0, l.width, l.height), color(p.background))?;
    let label_font = Font::new(font::LABEL, p.ink).anchored(HPos::Left, VPos::Top);
    let value_font = Font::new(font::SMALL, p.ink).bold().anchored(HPos::Left, VPos::Center);
    for row in &l.rows {
        let selected = ui.selected.is_some_and(|s| involved(ds, s, row.target));
        if selected {
            fill_rect(b, row.row.inflate(-1.0), faded(p.selection, 0.08))?;
        } else if ui.hover == Some(row.target) {
            fill_rect(b, row.row.inflate(-1.0), color(p.faint))?;
        }
        text(b, &row.label, if selected { label_font.bold() } else { label_font }, row.row.x + 2.0, row.row.y + 3.0)?;
        let bar = row.bar;
        let (_, mid) = bar.center();
        let value_x = match row.kind {
            BarKind::Valued => {
                fill_rect(b, bar, color(if selected { p.selection } else { p.bar }))?;
                bar.right() + 6.0
            }
            BarKind::Pooled => {
                fill_rect(b, bar, color(if selected { p.selection } else { p.pooled }))?;
                bar.right() + 6.0
            }
            BarKind::NotItemised => {
                let edge = if selected { p.selection } else { p.remainder };
                fill_rect(b, bar, color(p.background))?;
                hatch(b, bar, color(edge), 5.0)?;
                stroke_rect(b, bar, color(edge), 1)?;
                bar.right() + 6.0
            }
            BarKind::InKind => {
                let mark = Rect::new(bar.x, bar.y, bar.h, bar.h);
                hatch(b, mark, color(p.remainder), 4.0)?;
                dashed_rect(b, mark, color(p.remainder), 1, 3.0)?;
                mark.right() + 6.0
            }
        };
        let value_font = if row.kind == BarKind::InKind { Font { bold: false, ..value_font } } else { value_font };
        text(b, &row.value, value_font, value_x, mid)?;
        if ui.focus == Some((View::Bars, row.target)) {
            dashed_rect(b, row.row.inflate(-1.0), color(p.focus), 2, 4.0)?;
        }
    }
    let footer_font = Font::new(font::SMALL, p.muted).anchored(HPos::Left, VPos::Top);
    for (i, line) in l.footer.iter().enumerate() {
        text(b, line, footer_font, 2.0, l.footer_y + i as f64 * 17.0)?;
    }
    Ok(())
}
