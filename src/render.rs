//! The static version of the graphic, for readers without JavaScript or wasm, RSS readers,
//! search engines and print: the three views as SVG, drawn by the same `draw` code through
//! plotters' SVG backend, and HTML tables of members and contributions with their sources.
//! Native only; `coalition render` writes it at build time.

use plotters_svg::SVGBackend;

use crate::aggregate::snapshot;
use crate::date::Date;
use crate::details::{cite, dek, tables};
use crate::draw::{self, Scaled};
use crate::i18n::Locale;
use crate::interaction::{UiState, View};
use crate::layout::Scene;
use crate::model::Dataset;
use crate::palette::Palette;

/// Width in CSS px at which the static views are laid out: the stacked phone layout, which
/// stays legible when an SVG scales down to a 320 px screen.
pub const STATIC_WIDTH: f64 = 400.0;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One view as an SVG document.
fn svg(ds: &Dataset, scene: &Scene, view: View, ui: &UiState) -> Result<String, String> {
    let (w, h) = scene.size(view);
    let size = (w.round() as u32, h.round() as u32);
    let mut out = String::new();
    {
        let mut b = Scaled::new(SVGBackend::with_string(&mut out, size), 1.0, size).with_font_scale(1.24);
        let p = Palette::LIGHT;
        let drawn = match view {
            View::Map => draw::map::draw(&mut b, &scene.map, ds, ui, &p),
            View::Bars => draw::bars::draw(&mut b, &scene.bars, ds, ui, &p),
            View::Timeline => draw::timeline::draw(&mut b, &scene.timeline, ds, ui, &p),
        };
        drawn.map_err(|e| format!("drawing the {view:?} view: {e}"))?;
        plotters_backend::DrawingBackend::present(&mut b).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// The static version: an HTML fragment (`<div class="ct-static">…</div>`) and, for newsroom
/// use, each view as its own SVG file (name, document).
pub struct StaticVersion {
    /// The fragment, with the SVGs inline.
    pub html: String,
    /// `map`, `bars` and `timeline`, each a standalone SVG document.
    pub svgs: Vec<(&'static str, String)>,
}

/// Renders the static version of `ds` as of `as_of`: one snapshot, one layout, both outputs.
pub fn static_version(ds: &Dataset, as_of: Date) -> Result<StaticVersion, String> {
    let snap = snapshot(ds, as_of);
    let loc = Locale::plain();
    let scene = Scene::new(ds, &snap, STATIC_WIDTH, &loc);
    let ui = UiState::new(as_of);
    let mut h = String::from("<div class=\"ct-static\">\n");
    h += &format!("<h2>{}</h2>\n<p>{}</p>\n", escape(&ds.coalition.name), escape(&dek(ds, &snap, &loc)));
    let views = [(View::Map, "map"), (View::Bars, "bars"), (View::Timeline, "timeline")];
    let mut svgs = Vec::with_capacity(views.len());
    for ((view, name), caption) in views.into_iter().zip(loc.words().view_titles) {
        let image = svg(ds, &scene, view, &ui)?;
        let labelled = image.replacen("<svg ", &format!("<svg role=\"img\" aria-label=\"{}\" ", escape(caption)), 1);
        h += &format!("<figure>\n<figcaption>{}</figcaption>\n{labelled}</figure>\n", escape(caption));
        svgs.push((name, image));
    }
    for table in tables(ds, &snap, &loc) {
        h += &format!("<table>\n<caption>{}</caption>\n<thead><tr>", escape(table.caption));
        for header in table.headers {
            h += &format!("<th scope=\"col\">{}</th>", escape(header));
        }
        h += "</tr></thead>\n<tbody>\n";
        for [name, first, second] in &table.rows {
            h += &format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>\n",
                escape(&name.text),
                escape(&first.text),
                escape(&second.text)
            );
        }
        h += "</tbody>\n</table>\n";
        if let Some(note) = &table.note {
            h += &format!("<p class=\"ct-table-note\">{}</p>\n", escape(note));
        }
    }
    h += &format!("<p>{}</p>\n", escape(scene.bars.footer.join(" ").as_str()));
    h += &format!("<h3>{}</h3>\n<ol>\n", escape(loc.words().sources_heading));
    for s in &ds.sources {
        h += &format!("<li>{}</li>\n", escape(&cite(s, &loc).text));
    }
    h += "</ol>\n</div>\n";
    Ok(StaticVersion { html: h, svgs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<img src=x onerror='a()'> & \"q\""),
            "&lt;img src=x onerror=&#39;a()&#39;&gt; &amp; &quot;q&quot;"
        );
    }
}
