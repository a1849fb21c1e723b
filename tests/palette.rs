//! The palettes against WCAG 2.2 contrast thresholds, and the role colours under simulated
//! colour-vision deficiencies (Machado et al. 2009, severity 1.0).

use coalition_tracker::palette::{Palette, Rgb, RoleStyle};

fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn lin(rgb: Rgb) -> [f64; 3] {
    [linear(rgb.0), linear(rgb.1), linear(rgb.2)]
}

/// WCAG relative luminance.
fn luminance(rgb: Rgb) -> f64 {
    let [r, g, b] = lin(rgb);
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// WCAG contrast ratio, 1 to 21.
fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// CIELAB of linear sRGB (D65).
fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| if t > 0.008856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
    [116.0 * f(y) - 16.0, 500.0 * (f(x) - f(y)), 200.0 * (f(y) - f(z))]
}

fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (lab(a), lab(b));
    ((la[0] - lb[0]).powi(2) + (la[1] - lb[1]).powi(2) + (la[2] - lb[2]).powi(2)).sqrt()
}

const PROTANOPIA: [[f64; 3]; 3] =
    [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]];
const DEUTERANOPIA: [[f64; 3]; 3] =
    [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]];
const TRITANOPIA: [[f64; 3]; 3] =
    [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]];

fn simulate(m: &[[f64; 3]; 3], c: [f64; 3]) -> [f64; 3] {
    let row = |r: &[f64; 3]| (r[0] * c[0] + r[1] * c[1] + r[2] * c[2]).clamp(0.0, 1.0);
    [row(&m[0]), row(&m[1]), row(&m[2])]
}

/// Every role style of a palette, no-role included, by name.
fn roles(p: &Palette) -> [(&'static str, RoleStyle); 5] {
    [
        ("lead", p.lead),
        ("member", p.member),
        ("intending", p.intending),
        ("attendee", p.attendee),
        ("inactive", p.inactive),
    ]
}

fn palettes() -> [(&'static str, Palette); 2] {
    [("light", Palette::LIGHT), ("dark", Palette::DARK)]
}

/// The colour that tells a role's tile from the page: its fill, or its outline when the fill
/// is the page colour or close to it.
fn mark(p: &Palette, r: RoleStyle) -> Rgb {
    if contrast(r.fill, p.background) >= 3.0 {
        r.fill
    } else {
        r.stroke
    }
}

#[test]
fn text_has_at_least_4_5_to_1_against_its_background() {
    for (name, p) in palettes() {
        let mut pairs = vec![
            ("ink", p.ink, p.background),
            ("muted", p.muted, p.background),
            ("as-of label", p.selection, p.background),
        ];
        for (role, r) in roles(&p) {
            pairs.push((role, r.text, r.fill));
        }
        for (what, fg, bg) in pairs {
            let ratio = contrast(fg, bg);
            println!("{name} {what}: {ratio:.2}:1");
            assert!(ratio >= 4.5, "{name} {what}: {ratio:.2}:1 is below 4.5:1");
        }
    }
}

#[test]
fn graphical_objects_have_at_least_3_to_1_against_the_page() {
    for (name, p) in palettes() {
        let mut marks = vec![
            ("bar", p.bar),
            ("pooled bar", p.pooled),
            ("remainder", p.remainder),
            ("selection", p.selection),
            ("focus", p.focus),
        ];
        for (role, r) in roles(&p) {
            marks.push((role, mark(&p, r)));
        }
        for (what, c) in marks {
            let ratio = contrast(c, p.background);
            println!("{name} {what}: {ratio:.2}:1");
            assert!(ratio >= 3.0, "{name} {what}: {ratio:.2}:1 is below 3:1");
        }
    }
}

#[test]
fn role_colours_stay_apart_under_colour_vision_deficiencies() {
    for (name, p) in palettes() {
        let roles = [
            ("lead", mark(&p, p.lead)),
            ("member", mark(&p, p.member)),
            ("intending", mark(&p, p.intending)),
            ("attendee", mark(&p, p.attendee)),
        ];
        for (deficiency, m) in [
            ("normal", None),
            ("protanopia", Some(PROTANOPIA)),
            ("deuteranopia", Some(DEUTERANOPIA)),
            ("tritanopia", Some(TRITANOPIA)),
        ] {
            for (i, (a_name, a)) in roles.iter().enumerate() {
                for (b_name, b) in &roles[i + 1..] {
                    let (a, b) = (lin(*a), lin(*b));
                    let (a, b) = match &m {
                        Some(m) => (simulate(m, a), simulate(m, b)),
                        None => (a, b),
                    };
                    let d = delta_e(a, b);
                    println!("{name} {deficiency} {a_name}/{b_name}: ΔE {d:.1}");
                    assert!(d >= 15.0, "{name} {deficiency}: {a_name} and {b_name} are only ΔE {d:.1} apart");
                }
            }
        }
    }
}
