//! Paints the growth timeline.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::DrawingBackend;

use super::{at, circle, color, dashed_rect, faded, fill_rect, line, path, polygon, text, DrawResult, Font};
use crate::geometry::Rect;
use crate::interaction::{involved, Target, UiState, View};
use crate::layout::font;
use crate::layout::timeline::{Panel, TimelineLayout, TITLE_LINE};
use crate::model::Dataset;
use crate::money::int;
use crate::palette::{Palette, Rgb};

fn panel<B: DrawingBackend>(b: &mut B, panel: &Panel, series: Rgb, l: &TimelineLayout, p: &Palette) -> DrawResult<B> {
    let r = panel.rect;
    let title = Font::new(font::SMALL, p.muted).anchored(HPos::Left, VPos::Top);
    for (i, line) in panel.title.iter().enumerate() {
        text(b, line, title, 0.0, panel.title_y + TITLE_LINE * i as f64)?;
    }
    let tick_font = Font::new(font::SMALL, p.muted).anchored(HPos::Right, VPos::Center);
    for t in &panel.ticks {
        line(b, at(r.x, t.at), at(r.right(), t.at), color(p.faint), 1)?;
        text(b, &t.label, tick_font, r.x - 6.0, t.at)?;
    }
    for t in &l.time_ticks {
        line(b, at(t.at, r.y), at(t.at, r.bottom()), color(p.faint), 1)?;
    }
    line(b, at(r.x, r.bottom()), at(r.right(), r.bottom()), color(p.muted), 1)?;
    path(b, &panel.future, faded(series, 0.3), 2)?;
    path(b, &panel.past, color(series), 3)?;
    for pt in &panel.points {
        let past = pt.x <= l.as_of_x;
        let c = if past { color(p.ink) } else { faded(p.ink, 0.35) };
        let d = 5.0;
        let diamond = [(pt.x, pt.y - d), (pt.x + d, pt.y), (pt.x, pt.y + d), (pt.x - d, pt.y), (pt.x, pt.y - d)];
        polygon(b, &diamond[..4], color(p.background))?;
        path(b, &diamond, c, 2)?;
        if pt.lower_bound {
            // An upward chevron: the real figure is at least this.
            let chevron = [(pt.x - 4.0, pt.y - 10.0), (pt.x, pt.y - 14.0), (pt.x + 4.0, pt.y - 10.0)];
            path(b, &chevron, c, 2)?;
        }
    }
    Ok(())
}

/// Paints the timeline.
pub fn draw<B: DrawingBackend>(
    b: &mut B,
    l: &TimelineLayout,
    ds: &Dataset,
    ui: &UiState,
    p: &Palette,
) -> DrawResult<B> {
    fill_rect(b, Rect::new(0.0, 0.0, l.width, l.height), color(p.background))?;
    panel(b, &l.funding, p.bar, l, p)?;
    panel(b, &l.members, p.member.fill, l, p)?;

    let top = l.as_of_y;
    let bottom = l.markers.iter().map(|m| m.y).fold(l.members.rect.bottom(), f64::max);
    line(b, at(l.as_of_x, top), at(l.as_of_x, bottom), color(p.selection), 2)?;
    let label_right = l.as_of_x > l.width * 0.6;
    let as_of_font = Font::new(font::SMALL, p.selection)
        .bold()
        .anchored(if label_right { HPos::Right } else { HPos::Left }, VPos::Top);
    text(b, &l.as_of_label, as_of_font, l.as_of_x + if label_right { -5.0 } else { 5.0 }, top)?;

    let tick_font = Font::new(font::SMALL, p.muted).anchored(HPos::Center, VPos::Top);
    for t in &l.time_ticks {
        text(b, &t.label, tick_font, t.at, l.time_axis_y)?;
    }

    let r = l.marker_radius();
    for m in &l.markers {
        let mark = Target::Event(m.event);
        let fill = if m.past { p.ink } else { p.faint };
        let ink = if m.past { p.background } else { p.muted };
        circle(b, at(m.x, m.y), r, color(fill), 1, true)?;
        if !m.past {
            circle(b, at(m.x, m.y), r, color(p.muted), 1, false)?;
        }
        let number = Font::new(11.0, ink).bold().anchored(HPos::Center, VPos::Center);
        text(b, &int(m.number as i64), number, m.x, m.y + 0.5)?;
        if ui.selected.is_some_and(|s| involved(ds, s, mark)) {
            circle(b, at(m.x, m.y), r + 3.0, color(p.selection), 3, false)?;
        } else if ui.hover == Some(mark) {
            circle(b, at(m.x, m.y), r + 2.0, color(p.muted), 2, false)?;
        }
        if ui.focus == Some((View::Timeline, mark)) {
            dashed_rect(b, Rect::new(m.x - r, m.y - r, 2.0 * r, 2.0 * r).inflate(6.0), color(p.focus), 2, 3.0)?;
        }
    }
    Ok(())
}
