//! Paints the growth timeline.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::DrawingBackend;

use super::{at, color, dashed_rect, faded, fill_rect, text, DrawResult, Font, Stroke};
use crate::geometry::Rect;
use crate::interaction::{involved, Target, UiState, View};
use crate::layout::font;
use crate::layout::timeline::{Panel, TimelineLayout, TITLE_LINE};
use crate::model::Dataset;
use crate::money::int;
use crate::palette::{Palette, Rgb};

fn polyline<B: DrawingBackend>(
    b: &mut B,
    points: &[(f64, f64)],
    c: plotters_backend::BackendColor,
    width: u32,
) -> DrawResult<B> {
    if points.len() < 2 {
        return Ok(());
    }
    b.draw_path(points.iter().map(|&(x, y)| at(x, y)), &Stroke { color: c, width })
}

fn panel<B: DrawingBackend>(b: &mut B, panel: &Panel, line: Rgb, l: &TimelineLayout, p: &Palette) -> DrawResult<B> {
    let r = panel.rect;
    let title = Font::new(font::SMALL, p.muted).anchored(HPos::Left, VPos::Top);
    for (i, line) in panel.title.iter().enumerate() {
        text(b, line, title, 0.0, panel.title_y + TITLE_LINE * i as f64)?;
    }
    let tick_font = Font::new(font::SMALL, p.muted).anchored(HPos::Right, VPos::Center);
    for t in &panel.ticks {
        b.draw_line(at(r.x, t.at), at(r.right(), t.at), &color(p.faint))?;
        text(b, &t.label, tick_font, r.x - 6.0, t.at)?;
    }
    for t in &l.time_ticks {
        b.draw_line(at(t.at, r.y), at(t.at, r.bottom()), &color(p.faint))?;
    }
    b.draw_line(at(r.x, r.bottom()), at(r.right(), r.bottom()), &color(p.muted))?;
    polyline(b, &panel.future, faded(line, 0.3), 2)?;
    polyline(b, &panel.past, color(line), 3)?;
    for pt in &panel.points {
        let past = pt.x <= l.as_of_x;
        let c = if past { color(p.ink) } else { faded(p.ink, 0.35) };
        let d = 5.0;
        let diamond = [at(pt.x, pt.y - d), at(pt.x + d, pt.y), at(pt.x, pt.y + d), at(pt.x - d, pt.y)];
        b.fill_polygon(diamond, &color(p.background))?;
        b.draw_path(diamond.into_iter().chain([diamond[0]]), &Stroke { color: c, width: 2 })?;
        if pt.lower_bound {
            // An upward chevron: the real figure is at least this.
            let chevron = [at(pt.x - 4.0, pt.y - 10.0), at(pt.x, pt.y - 14.0), at(pt.x + 4.0, pt.y - 10.0)];
            b.draw_path(chevron, &Stroke { color: c, width: 2 })?;
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
    b.draw_line(at(l.as_of_x, top), at(l.as_of_x, bottom), &Stroke { color: color(p.selection), width: 2 })?;
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
        b.draw_circle(at(m.x, m.y), r as u32, &color(fill), true)?;
        if !m.past {
            b.draw_circle(at(m.x, m.y), r as u32, &Stroke { color: color(p.muted), width: 1 }, false)?;
        }
        let number = Font::new(11.0, ink).bold().anchored(HPos::Center, VPos::Center);
        text(b, &int(m.number as i64), number, m.x, m.y + 0.5)?;
        if ui.selected.is_some_and(|s| involved(ds, s, mark)) {
            b.draw_circle(at(m.x, m.y), (r + 3.0) as u32, &Stroke { color: color(p.selection), width: 3 }, false)?;
        } else if ui.hover == Some(mark) {
            b.draw_circle(at(m.x, m.y), (r + 2.0) as u32, &Stroke { color: color(p.muted), width: 2 }, false)?;
        }
        if ui.focus == Some((View::Timeline, mark)) {
            dashed_rect(b, Rect::new(m.x - r, m.y - r, 2.0 * r, 2.0 * r).inflate(6.0), color(p.focus), 2, 3.0)?;
        }
    }
    Ok(())
}
