//! A reader's session without the DOM: the keys hosts select by, the URL fragment, relayout
//! and date changes (which views must be drawn again), and the marks' names, places, tab stops
//! and repaint rectangles.

use coalition_tracker::date::Date;
use coalition_tracker::details::label;
use coalition_tracker::geometry::Rect;
use coalition_tracker::i18n::Locale;
use coalition_tracker::interaction::{Target, View};
use coalition_tracker::layout::{Scene, MIN_WIDTH};
use coalition_tracker::load::{load, Format};
use coalition_tracker::session::{from_fragment, Session, MARK_PAINT_REACH};

fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn session(as_of: &str, width: f64) -> Session {
    let path = "data/it-coalition.toml";
    let ds = load(path, &std::fs::read(path).unwrap(), Format::Toml).unwrap().dataset;
    let s = Session::new(ds, date(as_of), width, &Locale::plain());
    assert!(laid_out_for(&s, width));
    s
}

/// Whether every view of `s` is laid out as for `width`.
fn laid_out_for(s: &Session, width: f64) -> bool {
    let fresh = Scene::new(&s.ds, &s.snap, width, &Locale::plain());
    s.scene.columns == fresh.columns
        && (s.scene.map == fresh.map && s.scene.bars == fresh.bars && s.scene.timeline == fresh.timeline)
}

fn generations(s: &Session) -> Vec<u64> {
    View::ALL.iter().map(|&v| s.generation(v)).collect()
}

#[test]
fn every_key_names_its_target_and_unknown_keys_name_nothing() {
    let s = session("2024-06-01", 1280.0);
    let mut targets: Vec<Target> = (0..s.ds.parties.len()).map(Target::Party).collect();
    targets.extend((0..s.ds.events.len()).map(Target::Event));
    targets.extend(s.ds.contributions.iter().enumerate().filter(|(_, c)| c.pooled).map(|(i, _)| Target::Pooled(i)));
    targets.push(Target::NotItemised);
    assert!(targets.iter().any(|t| matches!(t, Target::Pooled(_))), "the dataset has a pooled pledge");
    for t in targets {
        assert_eq!(s.target_of(&s.key_of(t)), Some(t), "{}", s.key_of(t));
    }
    assert_eq!(s.key_of(Target::Party(s.ds.parties.iter().position(|p| p.code == "NL").unwrap())), "NL");
    let unpooled = s.ds.contributions.iter().find(|c| !c.pooled).unwrap();
    assert_eq!(s.target_of(&unpooled.id), None, "a contribution of one donor is selected by its donor");
    assert_eq!(s.target_of("XX"), None);
    assert_eq!(s.target_of(""), None);
}

#[test]
fn the_fragment_restores_the_selection_and_the_date() {
    let mut s = session("2024-02-15", 1280.0);
    assert_eq!(s.fragment(), "#as-of=2024-02-15");
    s.ui.selected = s.target_of("NL");
    assert_eq!(s.fragment(), "#select=NL&as-of=2024-02-15");
    assert_eq!(from_fragment(&s.fragment()), (Some("NL".to_string()), Some("2024-02-15".to_string())));
    assert_eq!(from_fragment("as-of=2024-01-01&select=EE"), (Some("EE".to_string()), Some("2024-01-01".to_string())));
    assert_eq!(from_fragment("#select=&as-of=&other=1&junk"), (None, None));
    assert_eq!(from_fragment(""), (None, None));
}

#[test]
fn a_new_width_lays_out_again_but_half_a_pixel_does_not() {
    let mut s = session("2024-06-01", 1280.0);
    assert_eq!(generations(&s), [0, 0, 0], "laid out once, for the width it was made with");
    assert!(!s.set_width(1280.4, &Locale::plain()));
    assert_eq!(generations(&s), [0, 0, 0]);
    assert!(s.set_width(375.0, &Locale::plain()));
    assert!(laid_out_for(&s, 375.0));
    assert_eq!(generations(&s), [1, 1, 1]);
    // A container with no width yet (hidden) is laid out at the narrowest width.
    assert!(s.set_width(0.0, &Locale::plain()));
    assert!(laid_out_for(&s, MIN_WIDTH));
    assert!(laid_out_for(&session("2024-06-01", 0.0), MIN_WIDTH), "and so is a session made for one");
}

#[test]
fn a_date_change_redraws_only_the_views_it_changes_and_drops_the_hover() {
    let mut s = session("2024-06-01", 1280.0);
    s.ui.hover = s.target_of("NL");
    assert!(!s.set_as_of(date("2024-06-01"), &Locale::plain()), "the same date changes nothing");
    assert_eq!(s.ui.hover, s.target_of("NL"));
    // A day on which nothing is recorded moves the timeline's "as of" line only.
    assert!(s.set_as_of(date("2024-06-02"), &Locale::plain()));
    assert_eq!(generations(&s), [0, 0, 1]);
    assert_eq!(s.ui.hover, None);
    assert_eq!(s.snap.as_of, date("2024-06-02"));
    // Back before the Netherlands joined (23 January 2024): the map and the bars change too.
    assert!(s.set_as_of(date("2024-01-22"), &Locale::plain()));
    assert_eq!(generations(&s), [1, 1, 2]);
}

#[test]
fn marks_are_named_and_placed_as_drawn() {
    let s = session("2024-06-01", 1280.0);
    let loc = Locale::plain();
    let nl = s.target_of("NL").unwrap();
    let map = s.scene.marks(View::Map);
    let i = map.iter().position(|&m| m == nl).unwrap();
    assert_eq!(s.mark_name(View::Map, i, nl, &loc), label(&s.ds, &s.snap, nl, &loc));
    assert!(s.mark_name(View::Map, i, nl, &loc).starts_with("Netherlands: member since 23\u{a0}January 2024"));
    assert_eq!(s.mark_rect(View::Map, i), s.scene.map.tiles[i].rect);

    let bars = s.scene.marks(View::Bars);
    let b = bars.iter().position(|&m| m == nl).unwrap();
    assert_eq!(s.mark_name(View::Bars, b, nl, &loc), "Netherlands, contributions: €10 million");
    assert_eq!(s.mark_rect(View::Bars, b), s.scene.bars.rows[b].row);

    let m = &s.scene.timeline.markers[0];
    assert_eq!(s.mark_rect(View::Timeline, 0), Rect::new(m.x - 12.0, m.y - 12.0, 24.0, 24.0));
    assert_eq!(s.mark_rect(View::Timeline, 999), Rect::default());
}

#[test]
fn each_view_has_one_tab_stop_at_the_focus_else_the_selection_else_the_first_mark() {
    let mut s = session("2024-06-01", 1280.0);
    let map = s.scene.marks(View::Map);
    let bars = s.scene.marks(View::Bars);
    assert_eq!(s.tab_stop(View::Map, &map), 0);
    let nl = s.target_of("NL").unwrap();
    s.ui.selected = Some(nl);
    let nl_tile = map.iter().position(|&m| m == nl).unwrap();
    assert_eq!(s.tab_stop(View::Map, &map), nl_tile);
    assert_eq!(s.tab_stop(View::Bars, &bars), bars.iter().position(|&m| m == nl).unwrap());
    let timeline = s.scene.marks(View::Timeline);
    assert_eq!(s.tab_stop(View::Timeline, &timeline), 0, "no marker is the Netherlands");
    let ee = s.target_of("EE").unwrap();
    s.ui.focus = Some((View::Map, ee));
    assert_eq!(s.tab_stop(View::Map, &map), map.iter().position(|&m| m == ee).unwrap());
    assert_eq!(s.tab_stop(View::Bars, &bars), bars.iter().position(|&m| m == nl).unwrap(), "focus is per view");
}

#[test]
fn a_new_look_repaints_the_changed_marks_with_the_reach_of_their_paint() {
    let mut s = session("2024-06-01", 1280.0);
    let map = s.scene.marks(View::Map);
    let before = s.ui.look(&s.ds, View::Map, &map);
    let nl = s.target_of("NL").unwrap();
    s.ui.hover = Some(nl);
    let after = s.ui.look(&s.ds, View::Map, &map);
    let i = map.iter().position(|&m| m == nl).unwrap();
    assert_eq!(
        s.repaint_rects(View::Map, &before, &after, &map),
        [s.mark_rect(View::Map, i).inflate(MARK_PAINT_REACH)]
    );
    assert_eq!(s.repaint_rects(View::Map, &after, &after, &map), []);
}
