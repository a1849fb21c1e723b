//! Layout, hit-testing, "as of" filtering and drawing of the three views, natively, through a
//! backend that records every drawing call.
#![cfg(not(target_arch = "wasm32"))] // native: reads the dataset file

use std::convert::Infallible;

use coalition_tracker::aggregate::{snapshot, Snapshot};
use coalition_tracker::date::Date;
use coalition_tracker::details::{coalition_name, describe, label, Details, Line};
use coalition_tracker::draw::culled::Culled;
use coalition_tracker::draw::{self, Scaled};
use coalition_tracker::geometry::{text_width, Rect};
use coalition_tracker::i18n::{Lang, Locale, Plain};
use coalition_tracker::interaction::{Target, UiState, View};
use coalition_tracker::layout::bars::BarKind;
use coalition_tracker::layout::{font, Scene};
use coalition_tracker::load::{load, Format};
use coalition_tracker::model::{Dataset, Role};
use coalition_tracker::palette::{Palette, Rgb};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};

/// One recorded drawing call.
#[derive(Clone, Debug, PartialEq)]
enum Op {
    Rect { a: BackendCoord, z: BackendCoord, rgb: (u8, u8, u8), fill: bool, width: u32 },
    Line { from: BackendCoord, to: BackendCoord },
    Path { points: Vec<BackendCoord>, rgb: (u8, u8, u8) },
    Circle { c: BackendCoord, r: u32, rgb: (u8, u8, u8) },
    Polygon { points: Vec<BackendCoord> },
    Text { text: String, at: BackendCoord, size: f64, rgb: (u8, u8, u8) },
}

/// A backend that records calls instead of painting.
struct Recorder {
    size: (u32, u32),
    ops: Vec<Op>,
}

impl DrawingBackend for Recorder {
    type ErrorType = Infallible;
    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops.push(Op::Rect { a: p, z: p, rgb: c.rgb, fill: true, width: 1 });
        Ok(())
    }
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        _: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops.push(Op::Line { from, to });
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        z: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops.push(Op::Rect { a, z, rgb: s.color().rgb, fill, width: s.stroke_width() });
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        s: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops.push(Op::Path { points: path.into_iter().collect(), rgb: s.color().rgb });
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        r: u32,
        s: &S,
        _: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops.push(Op::Circle { c, r, rgb: s.color().rgb });
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        _: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops.push(Op::Polygon { points: path.into_iter().collect() });
        Ok(())
    }
    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        at: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.ops.push(Op::Text { text: text.to_string(), at, size: style.size(), rgb: style.color().rgb });
        Ok(())
    }
}

fn rgb(c: Rgb) -> (u8, u8, u8) {
    (c.0, c.1, c.2)
}

fn dataset() -> Dataset {
    let path = "data/it-coalition.toml";
    load(path, &std::fs::read(path).unwrap(), Format::Toml).unwrap().dataset
}

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn scene(ds: &Dataset, as_of: &str, width: f64) -> Scene {
    Scene::new(ds, &snapshot(ds, date(as_of)), width, &Locale::plain())
}

fn party(ds: &Dataset, code: &str) -> usize {
    ds.parties.iter().position(|p| p.code == code).unwrap()
}

/// `line` in stretches, in order, each with whether it is quoted from the dataset.
fn pieces(line: &Line) -> Vec<(&str, bool)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for &(start, end) in &line.quoted {
        pieces.push((&line.text[at..start], false));
        pieces.push((&line.text[start..end], true));
        at = end;
    }
    pieces.push((&line.text[at..], false));
    pieces.retain(|(text, _)| !text.is_empty());
    pieces
}

fn record(ds: &Dataset, scene: &Scene, view: View, ui: &UiState) -> Vec<Op> {
    record_culled(ds, scene, view, ui, None)
}

/// What a view draws through [`Culled`] with `dirty` rectangles (`None`: everything).
fn record_culled(ds: &Dataset, scene: &Scene, view: View, ui: &UiState, dirty: Option<&[Rect]>) -> Vec<Op> {
    let (w, h) = scene.size(view);
    let mut b = Culled::new(Recorder { size: (w as u32, h as u32), ops: Vec::new() }, dirty);
    let p = Palette::LIGHT;
    let result = match view {
        View::Map => draw::map::draw(&mut b, &scene.map, ds, ui, &p),
        View::Bars => draw::bars::draw(&mut b, &scene.bars, ds, ui, &p),
        View::Timeline => draw::timeline::draw(&mut b, &scene.timeline, ds, ui, &p),
    };
    assert!(result.is_ok());
    b.into_inner().ops
}

const WIDTHS: [f64; 5] = [320.0, 375.0, 768.0, 1024.0, 1280.0];

#[test]
fn a_point_inside_each_mark_finds_it_and_points_outside_find_nothing() {
    let ds = dataset();
    for width in WIDTHS {
        let s = scene(&ds, "2024-06-01", width);
        for t in &s.map.tiles {
            let (cx, cy) = t.rect.center();
            assert_eq!(s.hit(View::Map, cx, cy), Some(Target::Party(t.party)), "{} at {width}", t.code);
            assert_eq!(s.hit(View::Map, t.rect.right() + 0.5, cy).filter(|h| *h == Target::Party(t.party)), None);
        }
        for r in &s.bars.rows {
            let (_, cy) = r.row.center();
            assert_eq!(s.hit(View::Bars, r.bar.x + 1.0, cy), Some(r.target));
            assert_eq!(s.hit(View::Bars, -1.0, cy), None, "left of the plot area");
        }
        assert_eq!(s.hit(View::Bars, 10.0, s.bars.footer_y + 2.0), None, "the footer is not a bar");
        for m in &s.timeline.markers {
            assert_eq!(s.hit(View::Timeline, m.x + 3.0, m.y - 3.0), Some(Target::Event(m.event)));
        }
        let f = s.timeline.funding.rect;
        assert_eq!(s.hit(View::Timeline, f.x - 20.0, f.center().1), None, "left of the plot area");
        for view in View::ALL {
            let (w, h) = s.size(view);
            assert_eq!(s.hit(view, -5.0, -5.0), None);
            assert_eq!(s.hit(view, w + 5.0, h + 5.0), None);
        }
    }
}

#[test]
fn the_netherlands_is_not_a_member_before_23_january_2024() {
    let ds = dataset();
    let nl = party(&ds, "NL");
    let before = scene(&ds, "2024-01-22", 375.0);
    assert_eq!(before.map.tile_of(nl).unwrap().role, None);
    assert!(before.bars.rows.is_empty(), "no contribution is dated before 23 January 2024");
    assert_eq!(before.bars.footer, ["Itemised €0. No total reported by this date."]);
    let after = scene(&ds, "2024-06-01", 375.0);
    assert_eq!(after.map.tile_of(nl).unwrap().role, Some(Role::Member));
    assert_eq!(after.map.tile_of(party(&ds, "ES")).unwrap().role, Some(Role::Intending));
    let kinds: Vec<BarKind> = after.bars.rows.iter().map(|r| r.kind).collect();
    use BarKind::*;
    assert_eq!(kinds, [Pooled, Valued, Valued, Valued, Valued, InKind, InKind, NotItemised]);
    let labels: Vec<&str> = after.bars.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels[0], "Luxembourg, Iceland, Estonia, Belgium (pooled)", "one bar, four donors, undivided");
    assert_eq!(after.bars.rows[1].value, "€12.2 million");
    assert_eq!(after.bars.rows[5].value, "in kind, value not stated");
    assert_eq!(after.bars.rows[5].bar.w, 0.0, "in kind is a mark, not a zero bar");
    assert_eq!(after.bars.rows[7].value, "€3.3 million");
    assert_eq!(
        after.bars.footer.join(" "),
        "Itemised €54.7 million + not itemised €3.3 million = €58 million reported (31\u{a0}May 2024)."
    );
}

#[test]
fn bars_are_proportional_to_their_euros() {
    let ds = dataset();
    let s = scene(&ds, "2024-06-01", 1280.0);
    let pooled = &s.bars.rows[0];
    for r in s.bars.rows.iter().filter(|r| r.eur > 0) {
        let ratio = r.bar.w / pooled.bar.w;
        let expected = r.eur as f64 / pooled.eur as f64;
        assert!((ratio - expected).abs() < 0.01 || r.bar.w == 2.0, "{}: {ratio} vs {expected}", r.label);
    }
}

#[test]
fn nothing_overlaps_or_spills_at_any_width_in_either_language() {
    let ds = dataset();
    let snap = snapshot(&ds, date("2024-07-26"));
    for (loc, width) in [Locale::plain(), Locale::new(Lang::Uk, &LongAxis)].iter().flat_map(|l| WIDTHS.map(|w| (l, w)))
    {
        let s = Scene::new(&ds, &snap, width, loc);
        let width = format!("{width} px in {:?}", loc.lang);
        let m = &s.map;
        for (i, a) in m.tiles.iter().enumerate() {
            assert!(a.rect.w >= 24.0, "tiles are at least 24 px at {width}");
            assert!(a.rect.x >= 0.0 && a.rect.right() <= m.width, "{} spills at {width}", a.code);
            for b in &m.tiles[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{} and {} overlap at {width}", a.code, b.code);
            }
        }
        for e in &m.legend {
            assert!(e.text_x + text_width(e.label, font::SMALL, false) <= m.width + 1.0, "legend spills at {width}");
        }
        for r in &s.bars.rows {
            assert!(text_width(&r.label, font::LABEL, false) <= s.bars.width, "{} at {width}", r.label);
            let value_end = r.bar.right().max(r.bar.x + r.bar.h) + 6.0 + text_width(&r.value, font::SMALL, true);
            assert!(value_end <= s.bars.width + 1.0, "{} value spills at {width}", r.label);
        }
        for line in [&s.timeline.funding, &s.timeline.members].iter().flat_map(|p| &p.title) {
            assert!(text_width(line, font::SMALL, false) <= s.timeline.width, "{line} at {width}");
        }
        let ticks = &s.timeline.time_ticks;
        for pair in ticks.windows(2) {
            let gap = pair[1].at - pair[0].at;
            let need =
                (text_width(&pair[0].label, font::SMALL, false) + text_width(&pair[1].label, font::SMALL, false)) / 2.0;
            assert!(gap > need, "{} and {} overlap at {width}", pair[0].label, pair[1].label);
        }
        for pair in s.timeline.markers.windows(2) {
            let d = (pair[0].x - pair[1].x).hypot(pair[0].y - pair[1].y);
            assert!(d >= 2.0 * s.timeline.marker_radius(), "markers overlap at {width}");
        }
    }
}

#[test]
fn every_view_draws_inside_its_canvas() {
    let ds = dataset();
    for width in WIDTHS {
        let s = scene(&ds, "2024-06-01", width);
        for view in View::ALL {
            let (w, h) = s.size(view);
            for op in record(&ds, &s, view, &UiState::new(date("2024-06-01"))) {
                let points: Vec<BackendCoord> = match &op {
                    Op::Rect { a, z, .. } => vec![*a, *z],
                    Op::Line { from, to } => vec![*from, *to],
                    Op::Path { points, .. } | Op::Polygon { points } => points.clone(),
                    Op::Circle { c, .. } | Op::Text { at: c, .. } => vec![*c],
                };
                for (x, y) in points {
                    let inside = x >= -6 && f64::from(x) <= w + 6.0 && y >= -6 && f64::from(y) <= h + 6.0;
                    assert!(inside, "{view:?} at {width}: {op:?} outside {w}x{h}");
                }
            }
        }
    }
}

#[test]
fn selecting_denmark_recolours_its_bar_and_outlines_its_tile() {
    let ds = dataset();
    let s = scene(&ds, "2024-06-01", 768.0);
    let dk = party(&ds, "DK");
    let p = Palette::LIGHT;
    let row = s.bars.rows.iter().find(|r| r.target == Target::Party(dk)).unwrap();
    let bar_fill = |ops: &[Op]| {
        ops.iter()
            .find_map(|op| match op {
                Op::Rect { a, rgb, fill: true, .. } if *a == (row.bar.x as i32, row.bar.y as i32) => Some(*rgb),
                _ => None,
            })
            .unwrap()
    };
    let mut ui = UiState::new(date("2024-06-01"));
    assert_eq!(bar_fill(&record(&ds, &s, View::Bars, &ui)), rgb(p.bar));
    ui.selected = Some(Target::Party(dk));
    let ops = record(&ds, &s, View::Bars, &ui);
    assert_eq!(bar_fill(&ops), rgb(p.selection));
    assert!(ops.contains(&Op::Text {
        text: "€12.2 million".into(),
        at: ((row.bar.right() + 6.0).round() as i32, row.bar.center().1.round() as i32),
        size: font::SMALL,
        rgb: rgb(p.ink)
    }));
    let map_ops = record(&ds, &s, View::Map, &ui);
    let outlines = map_ops
        .iter()
        .filter(|op| matches!(op, Op::Rect { rgb, fill: false, width: 3, .. } if *rgb == rgb_sel(&p)))
        .count();
    assert_eq!(outlines, 1, "one tile outlined as the selection");
    assert!(map_ops.iter().any(|op| matches!(op, Op::Text { text, .. } if text == "DK")));
}

fn rgb_sel(p: &Palette) -> (u8, u8, u8) {
    rgb(p.selection)
}

#[test]
fn selecting_the_pooled_pledge_lights_its_four_donors() {
    let ds = dataset();
    let s = scene(&ds, "2024-06-01", 768.0);
    let pooled = ds.contributions.iter().position(|c| c.pooled).unwrap();
    let mut ui = UiState::new(date("2024-06-01"));
    ui.selected = Some(Target::Pooled(pooled));
    let ops = record(&ds, &s, View::Map, &ui);
    let sel = rgb(Palette::LIGHT.selection);
    let outlined = ops.iter().filter(|op| matches!(op, Op::Rect { rgb, fill: false, .. } if *rgb == sel)).count();
    assert_eq!(outlined, 4);
}

#[test]
fn the_timeline_fades_what_lies_after_the_as_of_date() {
    let ds = dataset();
    let s = scene(&ds, "2024-03-01", 1024.0);
    let t = &s.timeline;
    assert!(t.funding.past.iter().all(|p| p.0 <= t.as_of_x + 0.01));
    assert!(t.funding.future.iter().all(|p| p.0 >= t.as_of_x - 0.01));
    assert!(!t.funding.future.is_empty());
    let past: Vec<bool> = t.markers.iter().map(|m| m.past).collect();
    assert_eq!(past, [true, true, true, true, false], "the Tallinn meeting is after 1 March 2024");
    assert_eq!(t.as_of_label, "as of 1\u{a0}Mar 2024");
}

#[test]
fn the_scaled_backend_lays_out_in_css_pixels_and_paints_in_device_pixels() {
    let rec = Recorder { size: (200, 100), ops: Vec::new() };
    let mut b = Scaled::new(rec, 2.0, (100, 50));
    assert_eq!(b.get_size(), (100, 50));
    draw::fill_rect(&mut b, coalition_tracker::geometry::Rect::new(10.0, 10.0, 10.0, 5.0), draw::color(Rgb(1, 2, 3)))
        .unwrap();
    draw::text(&mut b, "NL", draw::Font::new(12.0, Rgb(0, 0, 0)), 5.0, 6.0).unwrap();
    let ops = b.into_inner().ops;
    assert_eq!(ops[0], Op::Rect { a: (20, 20), z: (40, 30), rgb: (1, 2, 3), fill: true, width: 2 });
    assert_eq!(ops[1], Op::Text { text: "NL".into(), at: (10, 12), size: 24.0, rgb: (0, 0, 0) });
}

#[test]
fn details_keep_their_fingerprint_exactly_while_they_read_the_same() {
    // The widget keeps the panel's elements while the fingerprint holds: over every day of the
    // first half of 2024, for each party, the fingerprint changes exactly when the details do.
    let ds = dataset();
    let (mut same, mut changed) = (0, 0);
    let start = date("2024-01-01").day_number();
    for (i, p) in ds.parties.iter().enumerate() {
        let target = Target::Party(i);
        let mut last = describe(&ds, target, Date::from_day_number(start), &Locale::plain());
        for day in 1..182 {
            let next = describe(&ds, target, Date::from_day_number(start + day), &Locale::plain());
            assert_eq!(next == last, next.fingerprint() == last.fingerprint(), "{} on day {day}", p.code);
            if next == last {
                same += 1;
            } else {
                changed += 1;
            }
            last = next;
        }
    }
    // Both cases occur, and most days change nothing (what makes keeping the elements worth it).
    assert!(changed > 0 && same > 2 * changed, "{same} days the same, {changed} changed");
    // Marks alone change the fingerprint too: the same words, now marked as the data's own.
    let mut d = describe(&ds, Target::Party(party(&ds, "DK")), date("2024-06-01"), &Locale::plain());
    let before = d.fingerprint();
    d.title.quoted = vec![(0, d.title.text.len())];
    assert_ne!(d.fingerprint(), before);
}

#[test]
fn details_give_amounts_rates_sources_and_disagreements() {
    let ds = dataset();
    let as_of = date("2024-06-01");
    let nl = describe(&ds, Target::Party(party(&ds, "NL")), as_of, &Locale::plain());
    assert_eq!(nl.subtitle, "Member since 23\u{a0}January 2024");
    // Debug writes each date's no-break space as an escape: `text` and the like read it back.
    let read = |details: Details| format!("{details:?}").replace("\\u{a0}", "\u{a0}");
    let text = read(nl);
    assert!(text.contains("€10 million (EUR 10,000,000) — confirmed, 23\u{a0}January 2024"), "{text}");
    assert!(text.contains("“Netherlands joins Ukraine's IT coalition with first contribution”"), "{text}");
    assert!(text.contains("Sources disagree: When the Netherlands joined"), "{text}");
    let dk = read(describe(&ds, Target::Party(party(&ds, "DK")), as_of, &Locale::plain()));
    assert!(dk.contains("DKK 91,000,000 (DKK 91 million) ≈ €12,197,770.09 at 7.46038 DKK per euro"), "{dk}");
    assert!(dk.contains("rate dated 1\u{a0}January 1999"), "{dk}");
    let jp = describe(&ds, Target::Party(party(&ds, "JP")), as_of, &Locale::plain());
    assert_eq!(jp.subtitle, "Member by 23\u{a0}January 2024 (first reported; the sources give no start date)");
    let es = describe(&ds, Target::Party(party(&ds, "ES")), date("2024-05-01"), &Locale::plain());
    assert_eq!(es.subtitle, "No role on 1\u{a0}May 2024; intends to join from 31\u{a0}May 2024");
    let rest = read(describe(&ds, Target::NotItemised, as_of, &Locale::plain()));
    assert!(
        rest.contains("The sources report €58 million in all (31\u{a0}May 2024) but name donors for €54.7 million"),
        "{rest}"
    );
    let snap = snapshot(&ds, as_of);
    assert_eq!(
        label(&ds, &snap, Target::Party(party(&ds, "NL")), &Locale::plain()),
        "Netherlands: member since 23\u{a0}January 2024; €10 million; 4 sources"
    );
    assert_eq!(
        label(&ds, &snap, Target::Party(party(&ds, "IS")), &Locale::plain()),
        "Iceland: member by 23\u{a0}January 2024; share of a pooled pledge; 4 sources"
    );
    let dk = label(&ds, &snap, Target::Party(party(&ds, "DK")), &Locale::plain());
    assert!(dk.ends_with("; €12.2 million (DKK 91 million); 4 sources"), "{dk}");
    assert_eq!(
        coalition_tracker::details::summary_text(&ds, &snap, &Locale::plain()),
        "On 1\u{a0}June 2024 the coalition had 12 members, led by Estonia, Luxembourg. The sources report €58 million in all (31\u{a0}May 2024). Largest itemised donors: Denmark €12.2 million, Luxembourg €10 million, Netherlands €10 million."
    );
}

/// A party's label (its mark's name and tooltip) counts the sources its details panel lists, and
/// names in its own currency each amount the panel gives in one: the label reads them from the
/// snapshot, the panel from the contributions themselves. Every party of both bundled datasets,
/// and of the first with its roles' sources taken away (so that the sources counted are only
/// those of its single, in-kind and pooled contributions), on every day from a year before each
/// dataset's date.
#[test]
fn a_partys_label_counts_the_sources_and_names_the_currencies_of_its_details() {
    let loc = Locale::plain();
    // Labels seen naming an amount in another currency, and naming several sources.
    let (mut foreign, mut several) = (0, 0);
    for (path, roles_cite) in
        [("data/it-coalition.toml", true), ("data/it-coalition.toml", false), ("data/drones-ew.toml", true)]
    {
        let mut ds = load(path, &std::fs::read(path).unwrap(), Format::Toml).unwrap().dataset;
        if !roles_cite {
            ds.roles.iter_mut().for_each(|r| r.sources.clear());
        }
        let last = ds.coalition.as_of.day_number();
        for day in last - 366..=last {
            let as_of = Date::from_day_number(day);
            let snap = snapshot(&ds, as_of);
            for p in 0..ds.parties.len() {
                let details = describe(&ds, Target::Party(p), as_of, &loc);
                let section = |heading: &str| details.sections.iter().find(|s| s.heading.text == heading);
                let listed = section(loc.panel.h_sources).map_or(0, |s| s.lines.len());
                let name = label(&ds, &snap, Target::Party(p), &loc);
                let counted = match listed {
                    0 => !name.contains("source"),
                    1 => name.ends_with("; 1 source"),
                    n => name.ends_with(&format!("; {n} sources")),
                };
                assert!(counted, "{path}, {}: {name:?} against {listed} sources listed", as_of.iso());
                let given = section(loc.panel.h_contributions).map_or(String::new(), |s| format!("{:?}", s.lines));
                for rate in &ds.rates {
                    let (named, in_panel) = (format!("{} ", rate.currency), format!("\"{} ", rate.currency));
                    assert_eq!(name.contains(&named), given.contains(&in_panel), "{path}, {}: {name:?}", as_of.iso());
                    foreign += usize::from(name.contains(&named));
                }
                several += usize::from(listed > 1);
            }
        }
    }
    assert!(foreign > 100 && several > 1000, "{foreign} and {several}: the datasets no longer test this");
}

/// A party's label names each other currency it gave in once, with the sum it gave in that
/// currency: however many contributions an editor's file gives a party, the name stays short,
/// and the widget formats one amount per currency at each date change.
#[test]
fn a_partys_label_sums_what_it_gave_in_each_other_currency() {
    let mut ds = dataset();
    let dk = party(&ds, "DK");
    let at =
        ds.contributions.iter().position(|x| x.donors == [dk] && x.money.as_ref().is_some_and(|m| m.rate.is_some()));
    let mut again = ds.contributions[at.unwrap()].clone();
    again.id = "c-again".into();
    again.date = ds.coalition.as_of;
    let money = again.money.as_mut().unwrap();
    assert_eq!((money.amount.text().as_str(), money.currency.as_str()), ("91000000", "DKK"));
    money.amount = coalition_tracker::money::Decimal::parse("8999999.5").unwrap();
    ds.contributions.push(again);
    let before = label(&ds, &snapshot(&ds, date("2024-07-25")), Target::Party(dk), &Locale::plain());
    assert!(before.ends_with("; €12.2 million (DKK 91 million); 4 sources"), "{before}");
    let after = label(&ds, &snapshot(&ds, ds.coalition.as_of), Target::Party(dk), &Locale::plain());
    assert!(after.ends_with("; €24.4 million (DKK 100 million); 4 sources"), "{after}");
}

#[test]
fn the_datasets_own_words_are_marked_as_such_and_the_interface_words_are_not() {
    let ds = dataset();
    let as_of = date("2024-06-01");
    let nl = describe(&ds, Target::Party(party(&ds, "NL")), as_of, &Locale::plain());
    assert!(nl.title.quoted.is_empty(), "a party's name is the widget's own");
    let lines: Vec<_> = nl.sections.iter().flat_map(|s| &s.lines).collect();
    let whole: Vec<&str> = lines.iter().filter(|l| l.is_data()).map(|l| l.text.as_str()).collect();
    assert!(whole.contains(&"'The Netherlands also joined the coalition on January 27' [s002]"), "{whole:?}");
    assert!(whole.iter().any(|t| t.starts_with("Its first contribution, made on joining")), "the pledge's note");
    assert_eq!(whole.len(), 6, "two notes and four claims: {whole:?}");
    // A citation quotes its headline and author (and publisher), and dates it in the reader's words.
    let cited = lines.iter().find(|l| l.text.contains("[s002]") && l.text.starts_with('“')).expect("s002 cited");
    assert_eq!(
        pieces(cited),
        [
            ("“", false),
            ("The IT-coalition for cyber protection of Ukraine held its first meeting and decided on priority purchases", true),
            ("”, by ", false),
            ("Oleksandra Amru", true),
            (", February 2024 (date from its content) [s002]", false),
        ]
    );
    // A disagreement: its topic in its heading, and what the graphic follows, are quoted.
    let conflict =
        nl.sections.iter().find(|s| s.heading.text.contains("When the Netherlands joined")).expect("NL conflict");
    assert_eq!(pieces(&conflict.heading), [("Sources disagree: ", false), ("When the Netherlands joined", true)]);
    let follows = conflict.lines.last().expect("a resolution");
    assert_eq!(pieces(follows)[0], ("This graphic follows: ", false));
    assert!(pieces(follows)[1].0.starts_with("The dataset uses 23 January 2024") && pieces(follows)[1].1);
    // A converted amount quotes its rate's basis and nothing else.
    let dk = describe(&ds, Target::Party(party(&ds, "DK")), as_of, &Locale::plain());
    let converted = dk.sections[0].lines.iter().find(|l| l.text.contains("per euro")).expect("DKK converted");
    let quoted: Vec<&str> = pieces(converted).into_iter().filter(|p| p.1).map(|p| p.0).collect();
    assert_eq!(quoted, [ds.rates[0].basis.as_str()]);
    let first_event = (0..ds.events.len()).find(|&e| ds.events[e].note.is_some()).expect("an event with a note");
    let ev = describe(&ds, Target::Event(first_event), as_of, &Locale::plain());
    assert!(ev.title.is_data(), "event titles are the dataset's words");
    let note = ds.events[first_event].note.clone();
    assert!(ev.sections.iter().flat_map(|s| &s.lines).any(|l| l.is_data() && Some(&l.text) == note.as_ref()));
    // The coalition's name: its Ukrainian one in Ukrainian, the dataset's own (quoted) elsewhere.
    let uk = coalition_name(&ds, &Locale::new(Lang::Uk, &Plain));
    assert_eq!((uk.text.as_str(), uk.quoted.is_empty()), ("ІТ-коаліція для України", true));
    let en = coalition_name(&ds, &Locale::plain());
    assert_eq!((en.text.as_str(), en.is_data()), ("IT Coalition for Ukraine", true));
}

#[test]
fn a_view_redraws_only_when_what_it_shows_changes() {
    let ds = dataset();
    let s = scene(&ds, "2024-06-01", 1000.0);
    let mut ui = UiState::new(date("2024-06-01"));
    let looks = |ui: &UiState| View::ALL.map(|v| ui.look(&ds, v, &s.marks(v)));
    let before = looks(&ui);
    // Ukraine has a tile but no bar: hovering it changes the map alone.
    ui.hover = Some(Target::Party(party(&ds, "UA")));
    let hovered = looks(&ui);
    assert_ne!(hovered[0], before[0]);
    assert_eq!(hovered[1..], before[1..]);
    // The keyboard focus ring is drawn in one view.
    ui.focus = Some((View::Bars, Target::Party(party(&ds, "DK"))));
    let focused = looks(&ui);
    assert_eq!((&focused[0], &focused[2]), (&hovered[0], &hovered[2]));
    assert_ne!(focused[1], hovered[1]);
    // A selection lights related marks in every view that shows one.
    ui.selected = Some(Target::Party(party(&ds, "DK")));
    let selected = looks(&ui);
    assert!((0..3).all(|i| selected[i] != focused[i]));
    // Moving the selection between two parties that no event names leaves the timeline alone.
    let in_events = |code: &str| ds.events.iter().any(|e| e.parties.contains(&party(&ds, code)));
    let quiet: Vec<&str> = ["JP", "IT", "IS", "GB", "UA"].into_iter().filter(|c| !in_events(c)).collect();
    assert!(quiet.len() >= 2, "two parties that no event names: {quiet:?}");
    let (a, b) = (quiet[0], quiet[1]);
    ui.selected = Some(Target::Party(party(&ds, a)));
    let first = looks(&ui);
    ui.selected = Some(Target::Party(party(&ds, b)));
    let second = looks(&ui);
    assert_eq!(first[2], second[2], "{a} and {b}: the timeline is not redrawn");
    assert_ne!(first[0], second[0]);
}

#[test]
fn a_redraw_repaints_only_the_marks_whose_look_changed() {
    let ds = dataset();
    let s = scene(&ds, "2024-06-01", 1000.0);
    let marks = s.marks(View::Map);
    let index = |code: &str| marks.iter().position(|&m| m == Target::Party(party(&ds, code))).unwrap();
    let mut ui = UiState::new(date("2024-06-01"));
    let look = |ui: &UiState| ui.look(&ds, View::Map, &marks);
    let plain = look(&ui);
    assert_eq!(plain.changed(&plain, &marks), Vec::<usize>::new());
    ui.hover = Some(Target::Party(party(&ds, "NL")));
    let hovered = look(&ui);
    assert_eq!(plain.changed(&hovered, &marks), [index("NL")]);
    // Moving the hover repaints the tile it left and the one it reached.
    ui.hover = Some(Target::Party(party(&ds, "DK")));
    let mut both = vec![index("NL"), index("DK")];
    both.sort();
    assert_eq!(hovered.changed(&look(&ui), &marks), both);
    // Selecting a pooled pledge lights its donors' tiles; selecting one of them instead keeps
    // them lit but outlines that one more heavily, so that tile alone is repainted.
    let pooled = (0..ds.contributions.len()).find(|&c| ds.contributions[c].pooled).expect("a pooled pledge");
    ui.hover = None;
    ui.selected = Some(Target::Pooled(pooled));
    let by_pledge = look(&ui);
    let donor = ds.contributions[pooled].donors[0];
    ui.selected = Some(Target::Party(donor));
    let by_donor = look(&ui);
    let donor_tile = marks.iter().position(|&m| m == Target::Party(donor)).unwrap();
    assert!(by_pledge.changed(&by_donor, &marks).contains(&donor_tile));
    assert_ne!(by_pledge, by_donor, "the heavier outline is part of the look");
}

#[test]
fn keyboard_focus_draws_a_ring_around_the_focused_mark() {
    let ds = dataset();
    let s = scene(&ds, "2024-06-01", 768.0);
    let nl = party(&ds, "NL");
    let tile = s.map.tile_of(nl).unwrap().rect;
    let lines = |ui: &UiState| {
        record(&ds, &s, View::Map, ui)
            .into_iter()
            .filter(|op| match op {
                Op::Line { from, .. } => {
                    let ring = tile.inflate(7.0);
                    ring.contains(f64::from(from.0), f64::from(from.1))
                        && !tile.contains(f64::from(from.0), f64::from(from.1))
                }
                _ => false,
            })
            .count()
    };
    let mut ui = UiState::new(date("2024-06-01"));
    assert_eq!(lines(&ui), 0);
    ui.focus = Some((View::Map, Target::Party(nl)));
    assert!(lines(&ui) >= 8, "a dashed ring of line segments around the tile");
}

/// A formatter with Ukrainian-length axis labels, to check the layout makes room for them.
struct LongAxis;

impl coalition_tracker::i18n::Fmt for LongAxis {
    fn eur_short(&self, c: i64) -> String {
        coalition_tracker::i18n::Plain.eur_short(c)
    }
    fn eur_full(&self, c: i64) -> String {
        coalition_tracker::i18n::Plain.eur_full(c)
    }
    fn eur_axis(&self, c: i64) -> String {
        format!("{} млн €", c / 100_000_000)
    }
    fn amount(&self, a: coalition_tracker::money::Decimal, cur: &str) -> String {
        coalition_tracker::i18n::Plain.amount(a, cur)
    }
    fn amount_words(&self, a: coalition_tracker::money::Decimal, cur: &str) -> String {
        coalition_tracker::i18n::Plain.amount_words(a, cur)
    }
    fn decimal(&self, n: coalition_tracker::money::Decimal) -> String {
        coalition_tracker::i18n::Plain.decimal(n)
    }
    fn date(&self, d: Date) -> String {
        coalition_tracker::i18n::Plain.date(d)
    }
    fn date_short(&self, d: Date) -> String {
        coalition_tracker::i18n::Plain.date_short(d)
    }
    fn month(&self, d: Date, y: bool) -> String {
        coalition_tracker::i18n::Plain.month(d, y)
    }
}

#[test]
fn value_axis_labels_fit_left_of_the_plot_in_any_language() {
    let ds = dataset();
    for loc in [Locale::plain(), Locale::new(Lang::Uk, &LongAxis)] {
        let s = Scene::new(&ds, &snapshot(&ds, date("2024-06-01")), 375.0, &loc);
        let f = &s.timeline.funding;
        for t in &f.ticks {
            assert!(text_width(&t.label, font::SMALL, false) + 6.0 <= f.rect.x, "{} does not fit", t.label);
        }
        assert_eq!(f.ticks.last().map(|t| t.label.clone()), Some(loc.fmt.eur_axis(6_000_000_000)));
    }
}

#[test]
fn a_culled_redraw_issues_every_changed_call_in_order_and_little_else() {
    let ds = dataset();
    let s = scene(&ds, "2024-06-01", 1000.0);
    for view in View::ALL {
        let marks = s.marks(view);
        let mut before = UiState::new(date("2024-06-01"));
        before.selected = Some(Target::Party(party(&ds, "NL")));
        before.hover = Some(Target::Party(party(&ds, "EE")));
        let mut after = before;
        after.selected = Some(Target::Party(party(&ds, "DK")));
        after.hover = None;
        after.focus = Some((view, marks[marks.len() - 1]));
        let changed = before.look(&ds, view, &marks).changed(&after.look(&ds, view, &marks), &marks);
        assert!(!changed.is_empty(), "{view:?}");
        // The rectangles the widget repaints: each changed mark's own, grown by 8 px.
        let dirty: Vec<Rect> = changed
            .iter()
            .map(|&i| match view {
                View::Map => s.map.tiles[i].rect,
                View::Bars => s.bars.rows[i].row,
                View::Timeline => Rect::new(s.timeline.markers[i].x - 12.0, s.timeline.markers[i].y - 12.0, 24.0, 24.0),
            })
            .map(|r| r.inflate(8.0))
            .collect();
        let full_before = record(&ds, &s, view, &before);
        let full_after = record(&ds, &s, view, &after);
        let culled = record_culled(&ds, &s, view, &after, Some(&dirty));
        // In the full redraw's order: a subsequence of it.
        let mut rest = full_after.iter();
        assert!(culled.iter().all(|op| rest.any(|o| o == op)), "{view:?}: out of order");
        // Every call that the new look adds is among them.
        for op in full_after.iter().filter(|op| !full_before.contains(op)) {
            assert!(culled.contains(op), "{view:?}: {op:?} changed but was dropped");
        }
        assert!(culled.len() < full_after.len(), "{view:?}: {} of {} calls", culled.len(), full_after.len());
    }
    // Hovering one tile repaints a small part of the map.
    let marks = s.marks(View::Map);
    let plain = UiState::new(date("2024-06-01"));
    let hovered = UiState { hover: Some(Target::Party(party(&ds, "NL"))), ..plain };
    let changed = plain.look(&ds, View::Map, &marks).changed(&hovered.look(&ds, View::Map, &marks), &marks);
    let dirty: Vec<Rect> = changed.iter().map(|&i| s.map.tiles[i].rect.inflate(8.0)).collect();
    let (culled, full) =
        (record_culled(&ds, &s, View::Map, &hovered, Some(&dirty)), record(&ds, &s, View::Map, &hovered));
    assert!(culled.len() * 4 < full.len(), "{} of {} calls", culled.len(), full.len());
}

#[test]
fn a_slider_step_that_changes_no_membership_or_funding_leaves_map_and_bars_as_laid_out() {
    let ds = dataset();
    let laid = |as_of: &str| {
        let snap = snapshot(&ds, date(as_of));
        let scene = Scene::new(&ds, &snap, 1000.0, &Locale::plain());
        (snap, scene)
    };
    let same = |(s, a): &(Snapshot, Scene), (t, b): &(Snapshot, Scene), view| a.same_view(s, b, t, view);
    let (a, b) = (laid("2024-03-10"), laid("2024-03-11"));
    assert!(same(&a, &b, View::Map) && same(&a, &b, View::Bars));
    assert!(!same(&a, &b, View::Timeline), "the as-of line moves");
    // The day the Netherlands joins (and gives), the map and the bars change.
    let (before, joined) = (laid("2024-01-22"), laid("2024-01-23"));
    assert!(!same(&before, &joined, View::Map) && !same(&before, &joined, View::Bars));
    assert!(same(&a, &a, View::Timeline));
}

/// `same_view` compares what the layouts read, not the layouts: it must never call two views
/// alike that are laid out differently (a stale view would stay on screen), checked for every
/// pair of consecutive days of both datasets and for a change of width.
#[test]
fn views_called_alike_are_laid_out_alike() {
    for path in ["data/it-coalition.toml", "data/drones-ew.toml"] {
        let ds = load(path, &std::fs::read(path).unwrap(), Format::Toml).unwrap().dataset;
        let first = ds.events.iter().map(|e| e.date.day_number()).min().unwrap() - 30;
        let last = ds.coalition.as_of.day_number() + 30;
        let laid = |day: i64, width: f64| {
            let snap = snapshot(&ds, Date::from_day_number(day));
            let scene = Scene::new(&ds, &snap, width, &Locale::plain());
            (snap, scene)
        };
        let mut alike = [0; 3];
        let mut prev = laid(first, 1000.0);
        for day in first + 1..=last {
            let next = laid(day, 1000.0);
            for (steps, (a, b)) in
                [(prev.clone(), next.clone()), (next.clone(), laid(day, 700.0))].into_iter().enumerate()
            {
                for view in View::ALL {
                    if a.1.same_view(&a.0, &b.1, &b.0, view) {
                        let equal = match view {
                            View::Map => a.1.map == b.1.map,
                            View::Bars => a.1.bars == b.1.bars,
                            View::Timeline => a.1.timeline == b.1.timeline,
                        };
                        assert!(equal, "{path}: {view:?} called alike but laid out differently on day {day} ({steps})");
                        alike[view as usize] += 1;
                    }
                }
            }
            prev = next;
        }
        // Many slider steps change neither the map nor the bars: the check saves their redraws.
        assert!(alike[0] > 50 && alike[1] > 50 && alike[2] == 0, "{path}: {alike:?}");
    }
}

#[test]
fn the_image_download_names_its_sources_and_dates_in_the_readers_language() {
    use coalition_tracker::details::image_footer;
    use coalition_tracker::i18n::{Lang, Plain};
    let ds = dataset();
    // The five sources run from 27 January 2024 to 26 July 2024 (one dated only January 2024,
    // which counts from its last day).
    assert_eq!(
        image_footer(&ds, date("2024-06-01"), &Locale::plain()),
        [
            "Sources: 5 news reports, 27\u{a0}January 2024 to 26\u{a0}July 2024; full list with the interactive graphic.",
            "Data as of 26\u{a0}July 2024 (version 2024-07-26.1). Shown as of 1\u{a0}June 2024.",
        ]
    );
    // Ukrainian words (the dates here in Plain's English; the browser's Intl writes them in Ukrainian).
    assert_eq!(
        image_footer(&ds, date("2024-06-01"), &Locale::new(Lang::Uk, &Plain)),
        [
            "Джерела: новинні повідомлення (5), 27\u{a0}January 2024 – 26\u{a0}July 2024; повний перелік — в інтерактивній графіці.",
            "Дані станом на 26\u{a0}July 2024 (версія 2024-07-26.1). Показано станом на 1\u{a0}June 2024.",
        ]
    );
}

#[test]
fn the_parties_table_says_once_under_it_what_a_standing_by_a_date_means() {
    use coalition_tracker::details::tables;
    let ds = dataset();
    let standings = |as_of: &str| {
        let [parties, contributions] = tables(&ds, &snapshot(&ds, date(as_of)), &Locale::plain());
        assert_eq!(contributions.note, None);
        let rows: Vec<(String, String)> =
            parties.rows.iter().map(|[name, standing, _]| (name.text.clone(), standing.text.clone())).collect();
        (rows, parties.note)
    };
    let (rows, note) = standings("2024-06-01");
    let standing_of = |name: &str| rows.iter().find(|(n, _)| n == name).map(|(_, s)| s.as_str());
    assert_eq!(standing_of("Japan"), Some("Member by 23\u{a0}January 2024"));
    assert_eq!(standing_of("Netherlands"), Some("Member since 23\u{a0}January 2024"));
    assert!(rows.iter().all(|(_, s)| !s.contains("first reported")), "{rows:?}");
    assert_eq!(
        note.as_deref(),
        Some("A party shown as a member “by” a date was first reported as one then; the sources give no join date.")
    );
    // Before anyone is a member "by" a date, there is nothing to explain.
    assert_eq!(standings("2023-01-01"), (vec![], None));
}

/// The canvases' text matches the widget's own.
#[test]
fn the_canvases_draw_in_the_font_family_of_the_widgets_stylesheet() {
    let sheet = std::fs::read_to_string("www/widget.css").unwrap();
    let declared = format!("font: 16px/1.4 {};", draw::FONT_FAMILY);
    assert!(sheet.contains(&declared), "www/widget.css should declare {declared}");
}

#[path = "../benches/synthetic.rs"]
mod synthetic;

/// The benchmarks' synthetic dataset of 5,000 contributions over 50 parties: about 50 each by
/// its as-of date, more than a party's details or the table view list.
fn synthetic_dataset() -> Dataset {
    let json = synthetic::json(5_000);
    load("synthetic.json", json.as_bytes(), Format::Json).unwrap().dataset
}

/// A party that gave more than its details list shows its latest contributions after a line
/// that counts the rest.
#[test]
fn a_party_with_many_contributions_lists_its_latest_and_counts_the_earlier() {
    use coalition_tracker::details::LISTED_CONTRIBUTIONS;
    let (ds, as_of, loc) = (synthetic_dataset(), date(synthetic::AS_OF), Locale::plain());
    let p = party(&ds, "P01");
    let gave: Vec<usize> = (0..ds.contributions.len())
        .filter(|&i| ds.contributions[i].donors.contains(&p) && ds.contributions[i].date.is_on_or_before(as_of))
        .collect();
    assert!(gave.len() > LISTED_CONTRIBUTIONS + 1, "{} contributions: too few to test this", gave.len());
    let details = describe(&ds, Target::Party(p), as_of, &loc);
    let section = details.sections.iter().find(|s| s.heading.text == "Contributions").unwrap();
    let unlisted = gave.len() - LISTED_CONTRIBUTIONS;
    assert_eq!(section.lines[0].text, format!("Earlier contributions: {}", grouped(unlisted)));
    // Each listed contribution's line gives its date: the latest are listed, the earlier not.
    let text = section.lines[1..].iter().map(|l| l.text.as_str()).collect::<Vec<_>>().join("\n");
    let dated = |i: usize| text.contains(&ds.contributions[i].date.long());
    assert!(gave[unlisted..].iter().all(|&i| dated(i)), "{text}");
    let listed_days: Vec<i64> = gave[unlisted..].iter().map(|&i| ds.contributions[i].date.day_number()).collect();
    let before = gave[..unlisted].iter().filter(|&&i| !listed_days.contains(&ds.contributions[i].date.day_number()));
    assert!(before.clone().count() > 0 && before.clone().all(|&i| !dated(i)), "{text}");
    // Fewer than that many are all listed, without the count.
    let first = ds.contributions[gave[LISTED_CONTRIBUTIONS - 1]].date;
    let few = describe(&ds, Target::Party(p), first, &loc);
    let lines = &few.sections.iter().find(|s| s.heading.text == "Contributions").unwrap().lines;
    assert!(!lines[0].text.starts_with("Earlier"), "{lines:?}");
}

/// The table view lists the latest contributions made by the date, with a note that counts them
/// all, once there are more than it lists; the bundled dataset's are all listed, without it.
#[test]
fn the_contributions_table_lists_the_latest_and_counts_them_all() {
    use coalition_tracker::details::{tables, TABLE_CONTRIBUTIONS};
    let (ds, as_of, loc) = (synthetic_dataset(), date(synthetic::AS_OF), Locale::plain());
    let made: Vec<&coalition_tracker::model::Contribution> =
        ds.contributions.iter().filter(|x| x.date.is_on_or_before(as_of)).collect();
    assert!(made.len() > TABLE_CONTRIBUTIONS, "{} contributions: too few to test this", made.len());
    let [_, table] = tables(&ds, &snapshot(&ds, as_of), &loc);
    assert_eq!(table.rows.len(), TABLE_CONTRIBUTIONS);
    assert_eq!(
        table.note.as_deref(),
        Some(
            format!("Shown: the latest {TABLE_CONTRIBUTIONS}. Contributions in all: {}.", grouped(made.len())).as_str()
        )
    );
    // Row by row, the latest: each gives its contribution's date.
    for (row, x) in table.rows.iter().zip(&made[made.len() - TABLE_CONTRIBUTIONS..]) {
        assert!(row[1].text.ends_with(&x.date.long()), "{:?} against {}", row[1].text, x.date.long());
    }
    let bundled = dataset();
    let last = bundled.coalition.as_of;
    let [_, all] = tables(&bundled, &snapshot(&bundled, last), &loc);
    assert_eq!(all.rows.len(), bundled.contributions.len());
    assert_eq!(all.note, None);
}

/// `n` with its thousands grouped as British English writes them.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The timeline spans every dated record and the dataset's date, padded by 20 days, though it
/// reads only the first and last of the lists that are sorted by date.
#[test]
fn the_timeline_spans_every_dated_record() {
    use coalition_tracker::layout::timeline::domain;
    for ds in [dataset(), synthetic_dataset()] {
        let days: Vec<i64> = (ds.events.iter().map(|e| e.date))
            .chain(ds.roles.iter().map(|r| r.since))
            .chain(ds.contributions.iter().map(|c| c.date))
            .chain(ds.reported_totals.iter().map(|t| t.date))
            .map(Date::day_number)
            .collect();
        let first = *days.iter().min().unwrap();
        let last = (*days.iter().max().unwrap()).max(ds.coalition.as_of.day_number());
        assert_eq!(domain(&ds), (first - 20, last + 20), "{}", ds.coalition.id);
    }
}
