//! Rectangles, points and text-width estimates in CSS pixels, shared by layout, drawing and
//! hit-testing.

use crate::text::{cat, split, trim_end};

/// An axis-aligned rectangle in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Rect {
    /// A rectangle from its left, top, width and height.
    pub fn new(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect { x, y, w, h }
    }

    /// Right edge.
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// Centre point.
    pub fn center(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// Whether the point lies inside (left and top edges included, right and bottom excluded,
    /// so that neighbouring rectangles never both claim a point).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x < self.right() && y >= self.y && y < self.bottom()
    }

    /// The rectangle grown by `d` on every side (shrunk for negative `d`).
    pub fn inflate(&self, d: f64) -> Rect {
        Rect::new(self.x - d, self.y - d, self.w + 2.0 * d, self.h + 2.0 * d)
    }

    /// Whether two rectangles overlap by more than a hair.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() - 0.5
            && other.x < self.right() - 0.5
            && self.y < other.bottom() - 0.5
            && other.y < self.bottom() - 0.5
    }
}

/// A basic Latin or Cyrillic capital letter's small letter; any other character unchanged.
///
/// The widget writes and sizes text in English and Ukrainian only. This mapping stands in for
/// `char::to_lowercase` and `is_uppercase`, and breaking and trimming at spaces for
/// `split_whitespace` and `trim_end`: each of those links a Unicode table into the wasm (0.8 KB
/// of the widget module gzipped for the last three, 5 KB for the lowercase table).
pub fn small_letter(c: char) -> char {
    let code = u32::from(c);
    let small = match code {
        0x41..=0x5A | 0x410..=0x42F => code + 0x20, // A–Z, А–Я
        0x400..=0x40F => code + 0x50,               // Ѐ–Џ, among them Є, І and Ї
        0x48A..=0x4BF if code % 2 == 0 => code + 1, // Ґ and the other paired letters
        _ => code,
    };
    char::from_u32(small).unwrap_or(c)
}

/// Estimated width in CSS pixels of `text` set in the widget's sans-serif at `size` px.
///
/// Layout needs widths before anything is drawn, and natively there is no font to measure, so
/// this errs on the wide side of common system sans-serif fonts: labels placed with it do not
/// collide when the real font is narrower.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | '\'' | '|' | ':' | ';' | '!' => 0.3,
            ' ' | '\u{a0}' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' => 0.38,
            'm' | 'w' | 'M' | 'W' | '—' | '€' | '%' => 0.9,
            '0'..='9' => 0.58,
            c if small_letter(c) != c => 0.7,
            _ => 0.56,
        })
        .sum();
    // DejaVu Sans, the fallback sans on many Linux systems, runs about 10% wider than these
    // averages; sizing for it keeps labels inside their space with any common font.
    em * size * 1.1 * if bold { 1.07 } else { 1.0 }
}

/// Shortens `text` with an ellipsis until it fits `max_width`; returns it unchanged if it fits.
pub fn fit_text(text: &str, size: f64, bold: bool, max_width: f64) -> String {
    if text_width(text, size, bold) <= max_width {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate = cat(&[trim_end(&chars.iter().collect::<String>(), b' '), "…"]);
        if text_width(&candidate, size, bold) <= max_width {
            return candidate;
        }
    }
    String::new()
}

/// Breaks `text` into lines no wider than `max_width` (in the bold face if `bold`), at spaces;
/// a word wider than a line stands on a line of its own.
pub fn wrap(text: &str, size: f64, bold: bool, max_width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in split(text, b' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() { word.to_string() } else { cat(&[&line, " ", word]) };
        if line.is_empty() || text_width(&candidate, size, bold) <= max_width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_claims_each_point_for_one_of_two_neighbours() {
        let a = Rect::new(0.0, 0.0, 10.0, 10.0);
        let b = Rect::new(10.0, 0.0, 10.0, 10.0);
        assert!(a.contains(0.0, 0.0) && a.contains(9.99, 9.99));
        assert!(!a.contains(10.0, 5.0) && b.contains(10.0, 5.0));
        assert!(!a.contains(-0.01, 5.0));
        assert!(!a.overlaps(&b) && a.overlaps(&a.inflate(-1.0)));
    }

    #[test]
    fn small_letter_agrees_with_unicode_for_latin_and_cyrillic_and_leaves_the_rest() {
        let mut mapped = 0;
        for c in (0..0x500).filter_map(char::from_u32) {
            let unicode: Vec<char> = c.to_lowercase().collect();
            if small_letter(c) != c {
                assert_eq!(unicode, [small_letter(c)], "{c}");
                mapped += 1;
            }
        }
        // A–Z, А–Я, Ѐ–Џ and the 27 paired capitals from Ҋ to Ҿ.
        assert_eq!(mapped, 26 + 32 + 16 + 27);
        assert_eq!(small_letter('Ґ'), 'ґ');
        assert_eq!(small_letter('É'), 'É', "outside the widget's alphabets");
    }

    #[test]
    fn text_estimates_grow_with_length_and_size_and_fit_shortens() {
        assert!(text_width("Netherlands", 13.0, false) > text_width("Italy", 13.0, false));
        assert!(text_width("NL", 16.0, true) > text_width("NL", 12.0, false));
        let long = "Luxembourg, Iceland, Estonia, Belgium";
        let short = fit_text(long, 13.0, false, 120.0);
        assert!(short.ends_with('…') && text_width(&short, 13.0, false) <= 120.0, "{short}");
        assert_eq!(fit_text("Italy", 13.0, false, 120.0), "Italy");
    }

    #[test]
    fn wrap_keeps_every_word_and_every_line_within_the_width() {
        let text = "Itemised €54.7 million + not itemised €3.3 million = €58 million reported";
        for bold in [false, true] {
            let lines = wrap(text, 12.0, bold, 150.0);
            assert!(lines.len() > 1);
            assert_eq!(lines.join(" "), text);
            assert!(lines.iter().all(|l| text_width(l, 12.0, bold) <= 150.0), "{lines:?}");
        }
        assert!(wrap(text, 12.0, true, 150.0).len() >= wrap(text, 12.0, false, 150.0).len());
    }
}
