//! Paints the tile-grid member map.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::DrawingBackend;

use super::{at, circle, color, dashed_rect, faded, fill_rect, hatch, line, stroke_rect, text, DrawResult, Font};
use crate::geometry::{text_width, Rect};
use crate::interaction::{involved, Target, UiState, View};
use crate::layout::font;
use crate::layout::map::MapLayout;
use crate::model::{Dataset, Role};
use crate::palette::Palette;

/// Paints a square in the style of `role`, with its non-colour cue: a dot for leads, hatching
/// and a dashed edge for "intends to join", an outline only for attendees.
pub fn paint_role<B: DrawingBackend>(b: &mut B, r: Rect, role: Option<Role>, p: &Palette) -> DrawResult<B> {
    let style = p.role(role);
    fill_rect(b, r, color(style.fill))?;
    match role {
        Some(Role::Lead) => {
            let d = (r.w * 0.11).max(2.5);
            circle(b, at(r.right() - d * 2.0, r.y + d * 2.0), d.round(), color(style.text), 1, true)?;
        }
        Some(Role::Member) => {}
        Some(Role::Intending) => {
            hatch(b, r, faded(style.stroke, 0.45), (r.w / 5.0).max(4.0))?;
            dashed_rect(b, r, color(style.stroke), 2, (r.w / 7.0).max(3.0))?;
        }
        Some(Role::Attendee) => stroke_rect(b, r, color(style.stroke), 2)?,
        None => stroke_rect(b, r, color(style.stroke), 1)?,
    }
    Ok(())
}

/// Paints the map.
pub fn draw<B: DrawingBackend>(b: &mut B, m: &MapLayout, ds: &Dataset, ui: &UiState, p: &Palette) -> DrawResult<B> {
    fill_rect(b, Rect::new(0.0, 0.0, m.width, m.height), color(p.background))?;
    for g in &m.ghosts {
        fill_rect(b, g.rect, color(p.faint))?;
    }
    let label_size = (m.tile * 0.3).clamp(11.0, 16.0);
    for t in &m.tiles {
        paint_role(b, t.rect, t.role, p)?;
        let (cx, cy) = t.rect.center();
        // Long codes (NATO) shrink to fit their tile.
        let size = label_size.min((t.rect.w - 10.0) / text_width(&t.code, 1.0, true)).floor();
        let label = Font::new(size, p.role(t.role).text).bold().anchored(HPos::Center, VPos::Center);
        text(b, &t.code, label, cx, cy + 0.5)?;
    }
    if let Some((x, y)) = m.strip {
        line(b, at(x, y), at(m.width, y), color(p.faint), 1)?;
        let caption = Font::new(font::SMALL, p.muted).anchored(HPos::Left, VPos::Top);
        text(b, m.strip_caption, caption, x, y + 5.0)?;
    }
    for t in &m.tiles {
        let mark = Target::Party(t.party);
        if let Some(sel) = ui.selected.filter(|&s| involved(ds, s, mark)) {
            let width = if sel == mark { 3 } else { 2 };
            stroke_rect(b, t.rect.inflate(3.0), color(p.selection), width)?;
        } else if ui.hover == Some(mark) {
            stroke_rect(b, t.rect.inflate(2.0), color(p.muted), 2)?;
        }
        if ui.focus == Some((View::Map, mark)) {
            dashed_rect(b, t.rect.inflate(6.0), color(p.focus), 2, 4.0)?;
        }
    }
    let legend_font = Font::new(font::SMALL, p.ink).anchored(HPos::Left, VPos::Center);
    for entry in &m.legend {
        paint_role(b, entry.swatch, entry.role, p)?;
        text(b, entry.label, legend_font, entry.text_x, entry.swatch.center().1)?;
    }
    Ok(())
}
