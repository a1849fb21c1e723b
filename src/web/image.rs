//! The reader's PNG download: the three views as the widget drew them, with the title and date
//! above and the sources below, so the image carries its own attribution. In the loader module,
//! not the widget: only a reader who asks for an image needs it (2.5 KB of the widget module,
//! gzipped), and the loader is fetched then anyway for the CSV and JSON downloads.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::error;
use crate::aggregate::snapshot;
use crate::date::Date;
use crate::details::{coalition_name, dek, image_footer};
use crate::draw::{css_font, css_hex, FONT_FAMILY};
use crate::geometry::wrap;
use crate::i18n::Locale;
use crate::model::Dataset;
use crate::palette::{Palette, Rgb};

/// The image's pixels per CSS pixel: sharp on a phone or a retina screen, whatever the reader's.
const SCALE: f64 = 2.0;

/// Space around everything, in CSS pixels: an image shared on its own, with its title and
/// sources drawn to its very edges, looks cut off.
const MARGIN: f64 = 16.0;

/// Composes the image of `views` (each canvas with its CSS width and height, top to bottom) of
/// `ds` as of `as_of`, and returns it as a PNG data URL. The views' backing stores are drawn
/// scaled, so the image is the same whatever the reader's device pixel ratio.
pub fn png(
    ds: &Dataset,
    as_of: Date,
    loc: &Locale,
    dark: bool,
    views: &[(HtmlCanvasElement, f64, f64)],
) -> Result<JsValue, JsValue> {
    let width = views.iter().map(|v| v.1).fold(0.0, f64::max);
    // The title, the dek and the source lines are wrapped to the views' width: a phone's is
    // narrow, and an editor's coalition may have a long name.
    let title_lines = wrap(&coalition_name(ds, loc).text, 22.0, true, width);
    let dek_lines = wrap(&dek(ds, &snapshot(ds, as_of), loc), 15.0, false, width);
    let foot_lines: Vec<String> =
        image_footer(ds, as_of, loc).iter().flat_map(|l| wrap(l, 13.0, false, width)).collect();
    let below_title = 28.0 * (title_lines.len() as f64 - 1.0);
    let top = 56.0 + below_title + 20.0 * dek_lines.len() as f64;
    let height = top + views.iter().map(|v| v.2 + 24.0).sum::<f64>() + 20.0 * foot_lines.len() as f64 + 20.0;
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| error("no document"))?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into().map_err(|_| error("no canvas"))?;
    canvas.set_width(((width + 2.0 * MARGIN) * SCALE) as u32);
    canvas.set_height(((height + 2.0 * MARGIN) * SCALE) as u32);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| error("no 2D context"))?
        .dyn_into()
        .map_err(|_| error("no 2D context"))?;
    ctx.scale(SCALE, SCALE)?;
    let p = if dark { Palette::DARK } else { Palette::LIGHT };
    let hex = |c: Rgb| css_hex((c.0, c.1, c.2));
    ctx.set_fill_style_str(&hex(p.background));
    ctx.fill_rect(0.0, 0.0, width + 2.0 * MARGIN, height + 2.0 * MARGIN);
    ctx.translate(MARGIN, MARGIN)?;
    ctx.set_fill_style_str(&hex(p.ink));
    ctx.set_font(&css_font(true, 22.0, FONT_FAMILY));
    for (i, line) in title_lines.iter().enumerate() {
        ctx.fill_text(line, 0.0, 28.0 + 28.0 * i as f64)?;
    }
    ctx.set_fill_style_str(&hex(p.muted));
    ctx.set_font(&css_font(false, 15.0, FONT_FAMILY));
    for (i, line) in dek_lines.iter().enumerate() {
        ctx.fill_text(line, 0.0, 54.0 + below_title + 20.0 * i as f64)?;
    }
    let mut y = top;
    for (view, w, h) in views {
        ctx.draw_image_with_html_canvas_element_and_dw_and_dh(view, 0.0, y, *w, *h)?;
        y += h + 24.0;
    }
    ctx.set_font(&css_font(false, 13.0, FONT_FAMILY));
    for (i, line) in foot_lines.iter().enumerate() {
        ctx.fill_text(line, 0.0, y + 8.0 + 20.0 * i as f64)?;
    }
    // The data URL (a megabyte or more) stays a JS string: copied into wasm memory it would
    // grow the linear memory for good, since wasm memory never shrinks.
    let to_data_url: js_sys::Function = js_sys::Reflect::get(&canvas, &JsValue::from_str("toDataURL"))?.dyn_into()?;
    to_data_url.call1(&canvas, &JsValue::from_str("image/png"))
}
