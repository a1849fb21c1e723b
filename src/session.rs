//! One reader's view of a dataset, without the DOM: the reader's state, and the snapshot and
//! layout for the date and width shown. The widget keeps one per mounted graphic and turns
//! events into calls here; what it decides that is not DOM work is decided here, and tested
//! natively.

use crate::aggregate::{snapshot, Snapshot};
use crate::date::Date;
use crate::details::label;
use crate::geometry::Rect;
use crate::i18n::{fill, Locale};
use crate::interaction::{Look, Target, UiState, View};
use crate::layout::{Scene, MIN_WIDTH};
use crate::model::Dataset;
use crate::text::{cat, split, split_once};

/// How far (CSS px) a mark's paint reaches beyond its rectangle: the map's focus ring is drawn
/// 6 px outside a tile with a 2 px stroke, the timeline's 7 px outside a marker's circle.
pub const MARK_PAINT_REACH: f64 = 8.0;

/// The width a session lays out for when given `width`: the narrowest for 0, as a hidden
/// container measures.
fn laid_width(width: f64) -> f64 {
    if width > 0.0 {
        width
    } else {
        MIN_WIDTH
    }
}

/// A dataset as one reader sees it.
pub struct Session {
    /// The dataset shown.
    pub ds: Dataset,
    /// What is selected, hovered and focused, and the date shown.
    pub ui: UiState,
    /// The dataset as of `ui.as_of`.
    pub snap: Snapshot,
    /// The views laid out for `snap` and the width.
    pub scene: Scene,
    /// The width laid out for.
    width: f64,
    /// Bumped per view whenever the view's layout changes: a slider step often changes one
    /// view only, and only that one need be drawn again.
    generations: [u64; 3],
}

impl Session {
    /// `ds` as of `as_of`, laid out for `width` CSS px (see [`Session::set_width`]).
    pub fn new(ds: Dataset, as_of: Date, width: f64, loc: &Locale) -> Session {
        let (snap, width) = (snapshot(&ds, as_of), laid_width(width));
        let scene = Scene::new(&ds, &snap, width, loc);
        Session { ds, ui: UiState::new(as_of), snap, scene, width, generations: [0; 3] }
    }

    /// Lays the views out for `width` CSS px (the narrowest for 0, as in a hidden container);
    /// false if that is within half a pixel of the width already laid out for.
    pub fn set_width(&mut self, width: f64, loc: &Locale) -> bool {
        let width = laid_width(width);
        if (width - self.width).abs() < 0.5 {
            return false;
        }
        self.width = width;
        self.set_scene(None, Scene::new(&self.ds, &self.snap, width, loc));
        true
    }

    /// Moves every view to `date`, dropping the hover (the mark under the pointer may be gone);
    /// false if `date` is the date shown.
    pub fn set_as_of(&mut self, date: Date, loc: &Locale) -> bool {
        if date == self.ui.as_of {
            return false;
        }
        self.ui.as_of = date;
        let snap = snapshot(&self.ds, date);
        let scene = Scene::new(&self.ds, &snap, self.width, loc);
        self.set_scene(Some(snap), scene);
        self.ui.hover = None;
        true
    }

    /// Shows `scene`, laid out for `snap` (`None`: for the snapshot shown).
    fn set_scene(&mut self, snap: Option<Snapshot>, scene: Scene) {
        let new_snap = snap.as_ref().unwrap_or(&self.snap);
        for view in View::ALL {
            if !self.scene.same_view(&self.snap, &scene, new_snap, view) {
                self.generations[view as usize] += 1;
            }
        }
        if let Some(snap) = snap {
            self.snap = snap;
        }
        self.scene = scene;
    }

    /// How many times `view`'s layout has changed: equal generations draw the same layout.
    pub fn generation(&self, view: View) -> u64 {
        self.generations[view as usize]
    }

    /// The key a host uses for `target` (see [`Session::target_of`]).
    pub fn key_of(&self, target: Target) -> String {
        match target {
            Target::Party(p) => self.ds.parties[p].code.clone(),
            Target::Pooled(c) => self.ds.contributions[c].id.clone(),
            Target::NotItemised => "not-itemised".to_string(),
            Target::Event(e) => self.ds.events[e].id.clone(),
        }
    }

    /// What a host's key names: a party by code, an event or a pooled pledge by id, or
    /// `not-itemised`.
    pub fn target_of(&self, key: &str) -> Option<Target> {
        if key == "not-itemised" {
            return Some(Target::NotItemised);
        }
        let ds = &self.ds;
        ds.parties
            .iter()
            .position(|p| p.code == key)
            .map(Target::Party)
            .or_else(|| ds.events.iter().position(|e| e.id == key).map(Target::Event))
            .or_else(|| ds.contributions.iter().position(|c| c.id == key && c.pooled).map(Target::Pooled))
    }

    /// The URL fragment that restores this view: `#select=NL&as-of=2024-02-15`.
    pub fn fragment(&self) -> String {
        let select = self.ui.selected.map(|t| cat(&["select=", &self.key_of(t), "&"])).unwrap_or_default();
        cat(&["#", &select, "as-of=", &self.ui.as_of.iso()])
    }

    /// Where the button of mark `i` of `view` goes: the tile, the bar row, or a 24 px square
    /// around an event marker.
    pub fn mark_rect(&self, view: View, i: usize) -> Rect {
        let scene = &self.scene;
        match view {
            View::Map => scene.map.tiles.get(i).map(|t| t.rect).unwrap_or_default(),
            View::Bars => scene.bars.rows.get(i).map(|r| r.row).unwrap_or_default(),
            View::Timeline => {
                scene.timeline.markers.get(i).map(|m| Rect::new(m.x - 12.0, m.y - 12.0, 24.0, 24.0)).unwrap_or_default()
            }
        }
    }

    /// The accessible name of mark `i` of `view`, `target`: a party's bar is named by its
    /// label and value as drawn; every other mark as the tooltip names it.
    pub fn mark_name(&self, view: View, i: usize, target: Target, loc: &Locale) -> String {
        let bar = match (view, target) {
            (View::Bars, Target::Party(_)) => self.scene.bars.rows.get(i),
            _ => None,
        };
        match bar {
            Some(r) => fill(loc.words().label_bar, &[("name", &r.label), ("value", &r.value)]),
            None => label(&self.ds, &self.snap, target, loc),
        }
    }

    /// Which of `view`'s `marks` is its one tab stop: the focused mark, else the selected one
    /// if the view shows it, else the first.
    pub fn tab_stop(&self, view: View, marks: &[Target]) -> usize {
        let focus = self.ui.focus.filter(|f| f.0 == view).map(|f| f.1);
        focus.or(self.ui.selected).and_then(|t| marks.iter().position(|&m| m == t)).unwrap_or(0)
    }

    /// The rectangles (CSS px) to repaint when `view`, showing `marks` in the same layout,
    /// goes from look `was` to `now`: each changed mark with the reach of its paint.
    /// Never inlined: the widget's build moves it, by name, off the module readers load first
    /// (only a reader's interaction changes a look; see `make build`).
    #[inline(never)]
    pub fn repaint_rects(&self, view: View, was: &Look, now: &Look, marks: &[Target]) -> Vec<Rect> {
        was.changed(now, marks).into_iter().map(|i| self.mark_rect(view, i).inflate(MARK_PAINT_REACH)).collect()
    }
}

/// The selection and date a URL fragment such as `#select=NL&as-of=2024-02-15` asks for.
pub fn from_fragment(fragment: &str) -> (Option<String>, Option<String>) {
    let mut out = (None, None);
    for pair in split(crate::text::trim_start(fragment, b'#'), b'&') {
        match split_once(pair, b'=') {
            Some(("select", v)) if !v.is_empty() => out.0 = Some(v.to_string()),
            Some(("as-of", v)) if !v.is_empty() => out.1 = Some(v.to_string()),
            _ => {}
        }
    }
    out
}
