//! A plotters `DrawingBackend` on a 2D canvas context.
//!
//! It replaces plotters-canvas, which formats every colour and font size with Rust's `f64`
//! formatting and so pulled about 20 KB of float-printing code into the wasm. Here colours are
//! `#rrggbb` with the alpha set through `globalAlpha`, and font sizes are written in thousandths
//! of a pixel from integers ([`css_font`]). Only what the views draw is implemented natively;
//! text rotation is not used by any view and is not supported.

use std::fmt;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::draw::css_font;
use crate::geometry::Rect;
use crate::text::cat;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

#[wasm_bindgen(module = "/src/web/page.js")]
extern "C" {
    /// Sets the context's fill and stroke colour to `rgb` (`0xrrggbb`) and its alpha.
    #[wasm_bindgen(js_name = paint)]
    fn set_paint(context: &CanvasRenderingContext2d, rgb: u32, alpha: f64);

    /// Sets the context's text baseline (`v`: 0 top, 1 middle, 2 bottom) and alignment (`h`:
    /// 0 start, 1 centre, 2 end).
    #[wasm_bindgen(js_name = anchor)]
    fn set_anchor(context: &CanvasRenderingContext2d, v: u8, h: u8);
}

/// Drawing on one canvas element, in backing-store pixels.
pub struct Canvas {
    context: CanvasRenderingContext2d,
    size: (u32, u32),
    /// The paint, font and text anchor last set: setting them again is not free (the browser
    /// parses each CSS string), and most marks repeat the previous mark's.
    paint: Option<BackendColor>,
    font: String,
    anchor: Option<(u8, u8)>,
    /// The stroke of the line segments gathered into the current path and not yet stroked:
    /// dashed edges and hatching are dozens of segments, and one `stroke()` for a run of them
    /// costs the browser far less than one each.
    open_lines: Option<(BackendColor, u32)>,
    /// Whether a clip is set (and the context's state saved) until `present()`.
    clipped: bool,
}

/// A canvas call the browser refused.
#[derive(Debug)]
pub struct CanvasError(String);

impl CanvasError {
    /// What the browser refused, for a reader.
    fn text(&self) -> String {
        cat(&["the canvas refused to draw: ", &self.0])
    }

    /// What went wrong in a drawing, for a reader, written without `core::fmt` (see
    /// [`crate::money::int`]).
    pub fn message(e: &DrawingErrorKind<CanvasError>) -> String {
        match e {
            DrawingErrorKind::DrawingError(e) => e.text(),
            DrawingErrorKind::FontError(_) => "the canvas could not set a font".to_string(),
        }
    }
}

impl fmt::Display for CanvasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for CanvasError {}

type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

fn refused(e: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(e.as_string().unwrap_or_else(|| "unknown error".into())))
}

impl Canvas {
    /// The canvas's 2D context, or `None` where the browser gives none.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Canvas> {
        // A canvas's "2d" context is a CanvasRenderingContext2D, or null where it has another.
        let context = canvas.get_context("2d").ok()??.unchecked_into();
        Some(Canvas {
            context,
            size: (canvas.width(), canvas.height()),
            paint: None,
            font: String::new(),
            anchor: None,
            open_lines: None,
            clipped: false,
        })
    }

    /// Limits painting to `rects` (CSS px, `scale` device pixels each), each grown to whole
    /// device pixels, until `present()`. With [`crate::draw::culled::Culled`] dropping what lies
    /// outside them, a few marks are repainted exactly as a full redraw would paint them.
    pub fn clip(&mut self, rects: &[Rect], scale: f64) {
        self.flush();
        self.context.save();
        self.context.begin_path();
        for r in rects {
            let (x0, y0) = ((r.x * scale).floor(), (r.y * scale).floor());
            let (x1, y1) = ((r.right() * scale).ceil(), (r.bottom() * scale).ceil());
            self.context.rect(x0, y0, x1 - x0, y1 - y0);
        }
        self.context.clip();
        self.clipped = true;
    }

    /// Strokes what is gathered and lifts the clip, if any: the context is left as it was
    /// found but for the pixels, the paint, the font and the anchor.
    fn finish(&mut self) {
        self.flush();
        if std::mem::take(&mut self.clipped) {
            // Restoring also restores the paint, font and anchor set before the clip.
            self.context.restore();
            (self.paint, self.anchor) = (None, None);
            self.font.clear();
        }
    }

    /// Strokes the gathered line segments, if any.
    fn flush(&mut self) {
        if self.open_lines.take().is_some() {
            self.context.stroke();
        }
    }

    /// Sets the paint for fills and strokes; returns false for an invisible colour.
    fn paint(&mut self, color: BackendColor) -> bool {
        self.flush();
        if color.alpha <= 0.0 {
            return false;
        }
        if !self.paint.is_some_and(|p| same_colour(p, color)) {
            let (r, g, b) = color.rgb;
            set_paint(&self.context, u32::from_be_bytes([0, r, g, b]), color.alpha.min(1.0));
            self.paint = Some(color);
        }
        true
    }

    fn stroke_with<S: BackendStyle>(&mut self, style: &S) -> bool {
        let visible = self.paint(style.color());
        self.context.set_line_width(f64::from(style.stroke_width()));
        visible
    }

    fn trace(&self, points: &mut dyn Iterator<Item = BackendCoord>) {
        self.context.begin_path();
        if let Some((x, y)) = points.next() {
            self.context.move_to(f64::from(x), f64::from(y));
        }
        for (x, y) in points {
            self.context.line_to(f64::from(x), f64::from(y));
        }
    }
}

/// Whether two colours paint alike (`BackendColor` has no `PartialEq`).
fn same_colour(a: BackendColor, b: BackendColor) -> bool {
    a.rgb == b.rgb && a.alpha == b.alpha
}

/// Moves a horizontal or vertical line onto the pixel grid's centre line, so a 1 px stroke
/// covers one row of pixels instead of blurring over two.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = ((f64::from(from.0), f64::from(from.1)), (f64::from(to.0), f64::from(to.1)));
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl DrawingBackend for Canvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        self.finish();
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Drawn {
        if self.paint(color) {
            self.context.fill_rect(f64::from(x), f64::from(y), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> Drawn {
        let stroke = (style.color(), style.stroke_width());
        let continues = self.open_lines.is_some_and(|(c, w)| same_colour(c, stroke.0) && w == stroke.1);
        if !continues {
            if !self.stroke_with(style) {
                return Ok(());
            }
            self.context.begin_path();
            self.open_lines = Some(stroke);
        }
        let (a, b) = crisp(from, to);
        self.context.move_to(a.0, a.1);
        self.context.line_to(b.0, b.1);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, z: BackendCoord, style: &S, fill: bool) -> Drawn {
        if !self.stroke_with(style) {
            return Ok(());
        }
        let (x, y, w, h) = (f64::from(a.0), f64::from(a.1), f64::from(z.0 - a.0), f64::from(z.1 - a.1));
        if fill {
            self.context.fill_rect(x, y, w, h);
        } else {
            self.context.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        if self.stroke_with(style) {
            self.trace(&mut path.into_iter());
            self.context.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> Drawn {
        if self.paint(style.color()) {
            self.trace(&mut path.into_iter());
            self.context.close_path();
            self.context.fill();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(&mut self, (x, y): BackendCoord, r: u32, style: &S, fill: bool) -> Drawn {
        if !self.stroke_with(style) {
            return Ok(());
        }
        self.context.begin_path();
        self.context.arc(f64::from(x), f64::from(y), f64::from(r), 0.0, std::f64::consts::TAU).map_err(refused)?;
        if fill {
            self.context.fill();
        } else {
            self.context.stroke();
        }
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, (x, y): BackendCoord) -> Drawn {
        if !self.paint(style.color()) {
            return Ok(());
        }
        let anchor = style.anchor();
        let v: u8 = match anchor.v_pos {
            VPos::Top => 0,
            VPos::Center => 1,
            VPos::Bottom => 2,
        };
        let h: u8 = match anchor.h_pos {
            HPos::Left => 0,
            HPos::Center => 1,
            HPos::Right => 2,
        };
        if self.anchor != Some((v, h)) {
            set_anchor(&self.context, v, h);
            self.anchor = Some((v, h));
        }
        let bold = matches!(style.style(), FontStyle::Bold);
        let font = css_font(bold, style.size(), style.family().as_str());
        if font != self.font {
            self.context.set_font(&font);
            self.font = font;
        }
        self.context.fill_text(text, f64::from(x), f64::from(y)).map_err(refused)
    }
}

impl Drop for Canvas {
    /// Strokes what is still gathered and lifts a clip, should a caller not end with
    /// `present()` (a later redraw on the same context must not inherit the clip).
    fn drop(&mut self) {
        self.finish();
    }
}
