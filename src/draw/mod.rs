//! Drawing the views through plotters' `DrawingBackend`, so the same code paints a browser
//! canvas (plotters-canvas), an SVG file natively, or a recording backend in tests.
//!
//! Only backend primitives are used (rectangles, lines, paths, circles, text): plotters'
//! chart builder would add much weight to the wasm for nothing the views need.

pub mod bars;
pub mod culled;
pub mod map;
pub mod timeline;

use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontFamily, FontStyle,
};

use crate::geometry::{text_width, Rect};
use crate::money::{int, zero_padded};
use crate::palette::Rgb;
use crate::text::cat;

/// The result of drawing on backend `B`.
pub type DrawResult<B> = Result<(), DrawingErrorKind<<B as DrawingBackend>::ErrorType>>;

/// The widget's font stack: system fonts only, so nothing is fetched from another host.
pub const FONT_FAMILY: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif";

/// An opaque colour for the backend.
pub fn color(rgb: Rgb) -> BackendColor {
    BackendColor { alpha: 1.0, rgb: (rgb.0, rgb.1, rgb.2) }
}

/// A colour at an opacity.
pub fn faded(rgb: Rgb, alpha: f64) -> BackendColor {
    BackendColor { alpha, rgb: (rgb.0, rgb.1, rgb.2) }
}

/// A stroke: colour and width in pixels.
#[derive(Clone, Copy)]
pub struct Stroke {
    /// Colour.
    pub color: BackendColor,
    /// Width.
    pub width: u32,
}

impl BackendStyle for Stroke {
    fn color(&self) -> BackendColor {
        self.color
    }
    fn stroke_width(&self) -> u32 {
        self.width
    }
}

/// A text style: size in pixels, weight, colour and anchor.
#[derive(Clone, Copy)]
pub struct Font {
    /// Size in pixels.
    pub size: f64,
    /// Bold or regular.
    pub bold: bool,
    /// Colour.
    pub color: BackendColor,
    /// Which point of the text sits at the drawing position.
    pub anchor: Pos,
}

impl Font {
    /// Regular text of `size` px in `rgb`, anchored at its left middle.
    pub fn new(size: f64, rgb: Rgb) -> Font {
        Font { size, bold: false, color: color(rgb), anchor: Pos::new(HPos::Left, VPos::Center) }
    }

    /// The same text in bold.
    pub fn bold(self) -> Font {
        Font { bold: true, ..self }
    }

    /// The same text anchored differently.
    pub fn anchored(self, h: HPos, v: VPos) -> Font {
        Font { anchor: Pos::new(h, v), ..self }
    }
}

impl BackendTextStyle for Font {
    type FontError = std::convert::Infallible;

    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(FONT_FAMILY)
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        let w = text_width(text, self.size, self.bold).ceil() as i32;
        Ok(((0, 0), (w, self.size.ceil() as i32)))
    }
    /// Rasterising glyphs is for pixel backends without text of their own; the canvas and SVG
    /// backends used here set text natively, so there is nothing to rasterise.
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        Ok(Ok(()))
    }
}

/// Rounds a CSS-pixel point to backend coordinates.
pub fn at(x: f64, y: f64) -> BackendCoord {
    (x.round() as i32, y.round() as i32)
}

/// [`at`] for a point given as a pair. Every path goes through this one function, so that the
/// backends' generic path methods are compiled once (each closure would be a type of its own).
fn at_pair(&(x, y): &(f64, f64)) -> BackendCoord {
    at(x, y)
}

// The primitives below pass every style as a `Stroke` (a plain colour is a 1 px stroke, as in
// plotters): each backend method generic over the style is then compiled once, not once per
// style type, for each of the three backends a widget draws through.

/// Draws a line `width` px wide.
pub fn line<B: DrawingBackend>(
    b: &mut B,
    from: BackendCoord,
    to: BackendCoord,
    c: BackendColor,
    width: u32,
) -> DrawResult<B> {
    b.draw_line(from, to, &Stroke { color: c, width })
}

/// Fills a disc of radius `r` px, or outlines the circle with a stroke `width` px wide.
pub fn circle<B: DrawingBackend>(
    b: &mut B,
    center: BackendCoord,
    r: f64,
    c: BackendColor,
    width: u32,
    fill: bool,
) -> DrawResult<B> {
    b.draw_circle(center, r as u32, &Stroke { color: c, width }, fill)
}

/// Strokes the path through CSS-pixel `points`, `width` px wide; fewer than two draw nothing.
pub fn path<B: DrawingBackend>(b: &mut B, points: &[(f64, f64)], c: BackendColor, width: u32) -> DrawResult<B> {
    if points.len() < 2 {
        return Ok(());
    }
    b.draw_path(points.iter().map(at_pair), &Stroke { color: c, width })
}

/// Fills the polygon with corners at CSS-pixel `points`.
pub fn polygon<B: DrawingBackend>(b: &mut B, points: &[(f64, f64)], c: BackendColor) -> DrawResult<B> {
    b.fill_polygon(points.iter().map(at_pair), &Stroke { color: c, width: 1 })
}

/// Fills a rectangle.
pub fn fill_rect<B: DrawingBackend>(b: &mut B, r: Rect, c: BackendColor) -> DrawResult<B> {
    b.draw_rect(at(r.x, r.y), at(r.right(), r.bottom()), &Stroke { color: c, width: 1 }, true)
}

/// Outlines a rectangle with a stroke of `width` px drawn inside its edge.
pub fn stroke_rect<B: DrawingBackend>(b: &mut B, r: Rect, c: BackendColor, width: u32) -> DrawResult<B> {
    let inset = f64::from(width) / 2.0;
    let r = r.inflate(-inset);
    b.draw_rect(at(r.x, r.y), at(r.right(), r.bottom()), &Stroke { color: c, width }, false)
}

/// Outlines a rectangle with dashes, for marks whose role is not settled (intending to join).
pub fn dashed_rect<B: DrawingBackend>(b: &mut B, r: Rect, c: BackendColor, width: u32, dash: f64) -> DrawResult<B> {
    let r = r.inflate(-f64::from(width) / 2.0);
    let edges = [
        ((r.x, r.y), (r.right(), r.y)),
        ((r.right(), r.y), (r.right(), r.bottom())),
        ((r.right(), r.bottom()), (r.x, r.bottom())),
        ((r.x, r.bottom()), (r.x, r.y)),
    ];
    for ((x0, y0), (x1, y1)) in edges {
        // A rectangle's edges are level or upright (and `hypot` would link 390 B of libm).
        let length = (x1 - x0).abs() + (y1 - y0).abs();
        let n = (length / (2.0 * dash)).floor().max(1.0) as usize;
        for i in 0..n {
            let (t0, t1) = ((2 * i) as f64 * dash / length, ((2 * i + 1) as f64 * dash / length).min(1.0));
            let p = |t: f64| at(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
            line(b, p(t0), p(t1), c, width)?;
        }
    }
    Ok(())
}

/// Diagonal hatching inside a rectangle: the non-colour cue for in-kind help, the not-itemised
/// remainder and parties intending to join.
pub fn hatch<B: DrawingBackend>(b: &mut B, r: Rect, c: BackendColor, spacing: f64) -> DrawResult<B> {
    let mut t = spacing;
    while t < r.w + r.h {
        let from = at(r.x + t.min(r.w), r.y + (t - r.w).max(0.0));
        let to = at(r.x + (t - r.h).max(0.0), r.y + t.min(r.h));
        line(b, from, to, c, 1)?;
        t += spacing;
    }
    Ok(())
}

/// Draws text at a CSS-pixel point.
pub fn text<B: DrawingBackend>(b: &mut B, s: &str, font: Font, x: f64, y: f64) -> DrawResult<B> {
    b.draw_text(s, &font, at(x, y))
}

/// A backend that lays out in CSS pixels and paints at `scale` device pixels per CSS pixel.
///
/// A canvas must hold `devicePixelRatio` times as many pixels as it covers to look crisp;
/// plotters-canvas draws in the canvas's own pixels. This wrapper reports the CSS size to the
/// drawing code and scales every coordinate, width and font size on the way to the backend.
pub struct Scaled<B> {
    inner: B,
    scale: f64,
    font_scale: f64,
    size: (u32, u32),
}

impl<B: DrawingBackend> Scaled<B> {
    /// Wraps `inner` (sized in device pixels) to be drawn on in CSS pixels of `size`.
    pub fn new(inner: B, scale: f64, size: (u32, u32)) -> Scaled<B> {
        Scaled { inner, scale: if scale.is_finite() && scale > 0.0 { scale } else { 1.0 }, font_scale: 1.0, size }
    }

    /// Also multiplies font sizes by `factor`: plotters-svg writes `font-size` as the size
    /// divided by 1.24, so the SVG backend needs 1.24 to match the canvas.
    pub fn with_font_scale(self, factor: f64) -> Scaled<B> {
        Scaled { font_scale: factor, ..self }
    }

    /// The wrapped backend.
    pub fn into_inner(self) -> B {
        self.inner
    }

    fn point(&self, p: BackendCoord) -> BackendCoord {
        ((f64::from(p.0) * self.scale).round() as i32, (f64::from(p.1) * self.scale).round() as i32)
    }

    fn width(&self, w: u32) -> u32 {
        (f64::from(w) * self.scale).round().max(1.0) as u32
    }
}

impl<B: DrawingBackend> DrawingBackend for Scaled<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.present()
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let (a, z) = (self.point(p), self.point((p.0 + 1, p.1 + 1)));
        self.inner.draw_rect(a, z, &c, true)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> DrawResult<B> {
        let style = Stroke { color: s.color(), width: self.width(s.stroke_width()) };
        self.inner.draw_line(self.point(from), self.point(to), &style)
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, z: BackendCoord, s: &S, fill: bool) -> DrawResult<B> {
        let style = Stroke { color: s.color(), width: self.width(s.stroke_width()) };
        self.inner.draw_rect(self.point(a), self.point(z), &style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> DrawResult<B> {
        let style = Stroke { color: s.color(), width: self.width(s.stroke_width()) };
        let points: Vec<BackendCoord> = path.into_iter().map(|p| self.point(p)).collect();
        self.inner.draw_path(points, &style)
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> DrawResult<B> {
        let style = Stroke { color: s.color(), width: self.width(s.stroke_width()) };
        let radius = (f64::from(r) * self.scale).round() as u32;
        self.inner.draw_circle(self.point(c), radius, &style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, s: &S) -> DrawResult<B> {
        let points: Vec<BackendCoord> = path.into_iter().map(|p| self.point(p)).collect();
        self.inner.fill_polygon(points, &s.color())
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> DrawResult<B> {
        let font = Font {
            size: style.size() * self.scale * self.font_scale,
            bold: matches!(style.style(), FontStyle::Bold),
            color: style.color(),
            anchor: style.anchor(),
        };
        self.inner.draw_text(text, &font, self.point(pos))
    }
}

/// A colour as CSS `#rrggbb`, written without any formatting machinery (a canvas backend
/// sets it on every mark; Rust's number formatting would cost the wasm kilobytes).
pub fn css_hex((r, g, b): (u8, u8, u8)) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(7);
    out.push('#');
    for byte in [r, g, b] {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 15)]));
    }
    out
}

/// A CSS font shorthand with the size in thousandths of a pixel, from integers: exact at the
/// device pixel ratios phones have (2.625 × 13 px is 34.125 px), so that the canvas asks for the
/// size at which the page has already laid out the same face (see `warmFaces` in widget.js).
pub fn css_font(bold: bool, size: f64, family: &str) -> String {
    let thousandths = (size * 1000.0).round().max(1.0) as u32;
    let weight = if bold { "bold " } else { "" };
    cat(&[
        weight,
        &int(i64::from(thousandths / 1000)),
        ".",
        &zero_padded(u64::from(thousandths % 1000), 3),
        "px ",
        family,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_colours_and_fonts_are_exact() {
        assert_eq!(css_hex((31, 95, 168)), "#1f5fa8");
        assert_eq!(css_hex((0, 0, 255)), "#0000ff");
        assert_eq!(css_font(true, 12.25, "sans-serif"), "bold 12.250px sans-serif");
        assert_eq!(css_font(false, 24.0, "x"), "24.000px x");
        assert_eq!(css_font(false, 13.0 * 2.625, "x"), "34.125px x");
        assert_eq!(css_font(false, 0.0001, "x"), "0.001px x");
    }
}
