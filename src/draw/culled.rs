//! A backend that passes on only what lands in a set of dirty rectangles, so that a redraw
//! after a hover or a selection change costs the browser a few marks, not the whole view.
//!
//! The view's drawing code runs unchanged; every primitive whose bounds miss every dirty
//! rectangle is dropped before it reaches the canvas. The canvas clips to the same rectangles
//! (see `web::canvas::Canvas::clip`), and the bounds tested are those rectangles grown by
//! [`REACH`], so every primitive that could touch a clipped pixel is drawn, in the original
//! order: the pixels inside come out as a full redraw would paint them.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, FontStyle};

use super::DrawResult;
use crate::geometry::{text_width, Rect};

/// How far (CSS px) beyond a dirty rectangle a primitive still counts as touching it: more than
/// the outward rounding of the clip to device pixels.
pub const REACH: f64 = 2.0;

/// Wraps a backend (in CSS pixels) and drops primitives outside `dirty`; `None` passes all.
pub struct Culled<B> {
    inner: B,
    dirty: Option<Vec<Rect>>,
}

impl<B: DrawingBackend> Culled<B> {
    /// Passes to `inner` only what touches one of `dirty` (each grown by [`REACH`]), or
    /// everything when `dirty` is `None`.
    pub fn new(inner: B, dirty: Option<&[Rect]>) -> Culled<B> {
        Culled { inner, dirty: dirty.map(|rects| rects.iter().map(|r| r.inflate(REACH)).collect()) }
    }

    /// The wrapped backend.
    pub fn into_inner(self) -> B {
        self.inner
    }

    /// Whether a primitive with these bounds must be drawn.
    fn touches(&self, bounds: Rect) -> bool {
        self.dirty.as_ref().is_none_or(|rects| rects.iter().any(|r| r.overlaps(&bounds)))
    }
}

/// The bounds of a set of points, grown by `margin` on every side.
fn bounds(points: &[BackendCoord], margin: f64) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
    for &(x, y) in points {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    if x0 > x1 {
        return Rect::default();
    }
    Rect::new(f64::from(x0), f64::from(y0), f64::from(x1 - x0), f64::from(y1 - y0)).inflate(margin)
}

/// Half a stroke and a pixel for antialiasing.
fn stroke_margin<S: BackendStyle>(style: &S) -> f64 {
    f64::from(style.stroke_width()) / 2.0 + 1.0
}

/// Generous bounds of a text: the estimated width half as wide again, the line a third taller
/// than the font size, placed by the anchor.
fn text_bounds<S: BackendTextStyle>(text: &str, style: &S, (x, y): BackendCoord) -> Rect {
    let size = style.size();
    let (w, h) = (text_width(text, size, matches!(style.style(), FontStyle::Bold)) * 1.5 + 4.0, size * 1.34 + 4.0);
    let anchor = style.anchor();
    let left = match anchor.h_pos {
        HPos::Left => f64::from(x) - 2.0,
        HPos::Center => f64::from(x) - w / 2.0,
        HPos::Right => f64::from(x) - w + 2.0,
    };
    let top = match anchor.v_pos {
        VPos::Top => f64::from(y) - 2.0,
        VPos::Center => f64::from(y) - h / 2.0,
        VPos::Bottom => f64::from(y) - h + 2.0,
    };
    Rect::new(left, top, w, h)
}

impl<B: DrawingBackend> DrawingBackend for Culled<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> DrawResult<B> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> DrawResult<B> {
        self.inner.present()
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> DrawResult<B> {
        if self.touches(bounds(&[p, (p.0 + 1, p.1 + 1)], 0.0)) {
            self.inner.draw_pixel(p, c)?;
        }
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> DrawResult<B> {
        if self.touches(bounds(&[from, to], stroke_margin(s))) {
            self.inner.draw_line(from, to, s)?;
        }
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, z: BackendCoord, s: &S, fill: bool) -> DrawResult<B> {
        if self.touches(bounds(&[a, z], stroke_margin(s))) {
            self.inner.draw_rect(a, z, s, fill)?;
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> DrawResult<B> {
        let points: Vec<BackendCoord> = path.into_iter().collect();
        if self.touches(bounds(&points, stroke_margin(s))) {
            self.inner.draw_path(points, s)?;
        }
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> DrawResult<B> {
        let r = i32::try_from(r).unwrap_or(i32::MAX / 4);
        if self.touches(bounds(&[(c.0 - r, c.1 - r), (c.0 + r, c.1 + r)], stroke_margin(s))) {
            self.inner.draw_circle(c, r.unsigned_abs(), s, fill)?;
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> DrawResult<B> {
        let points: Vec<BackendCoord> = path.into_iter().collect();
        if self.touches(bounds(&points, 1.0)) {
            self.inner.fill_polygon(points, s)?;
        }
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> DrawResult<B> {
        if self.touches(text_bounds(text, style, pos)) {
            self.inner.draw_text(text, style, pos)?;
        }
        Ok(())
    }
}
