//! What the reader has selected, hovered and focused, and how keys move between marks.
//! Pure state: the web module feeds it events and redraws from it.

use crate::date::Date;
use crate::model::{Dataset, Index};

/// Something a reader can point at, select or focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A party: its tile, its own bar, and the pooled bars and events that involve it.
    Party(Index),
    /// A pooled pledge (a contribution index): its bar and its donors' tiles.
    Pooled(Index),
    /// The part of the reported total that no contribution itemises.
    NotItemised,
    /// A timeline event (an event index) and the parties it concerns.
    Event(Index),
}

/// The three views.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// The tile-grid member map.
    Map,
    /// The funding bars.
    Bars,
    /// The growth timeline.
    Timeline,
}

impl View {
    /// Every view, in the order the widget shows them and `web/events.js` numbers them.
    pub const ALL: [View; 3] = [View::Map, View::Bars, View::Timeline];
}

/// The reader's state of the widget.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UiState {
    /// The "as of" date every view shows.
    pub as_of: Date,
    /// What is selected, in every view at once.
    pub selected: Option<Target>,
    /// What the pointer is over.
    pub hover: Option<Target>,
    /// Where the keyboard focus is, drawn as a focus ring in that view.
    pub focus: Option<(View, Target)>,
}

impl UiState {
    /// Nothing selected, hovered or focused, on `as_of`.
    pub fn new(as_of: Date) -> UiState {
        UiState { as_of, selected: None, hover: None, focus: None }
    }

    /// The part of the state that `view`, showing `marks`, draws: which of its marks the
    /// selection lights, the hovered mark if it is one of its own, and its focus ring. Two equal
    /// looks draw the same pixels, so a view whose look has not changed since it was last drawn
    /// need not be drawn again.
    pub fn look(&self, ds: &Dataset, view: View, marks: &[Target]) -> Look {
        let lit = match self.selected {
            Some(s) => marks.iter().map(|&m| involved(ds, s, m)).collect(),
            None => Vec::new(),
        };
        Look {
            lit,
            chosen: self.selected.filter(|s| marks.contains(s)),
            hover: self.hover.filter(|h| marks.contains(h)),
            focus: self.focus.filter(|f| f.0 == view).map(|f| f.1),
        }
    }
}

/// What of the reader's state one view shows; see [`UiState::look`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Look {
    /// For each mark of the view, whether the selection lights it (empty: nothing selected).
    pub lit: Vec<bool>,
    /// The selected mark itself, if it is in this view (the map outlines it more heavily than
    /// the marks it lights).
    pub chosen: Option<Target>,
    /// The hovered mark, if it is in this view.
    pub hover: Option<Target>,
    /// The focused mark, if the focus is in this view.
    pub focus: Option<Target>,
}

impl Look {
    /// The marks (indices into the view's `marks`) that `next` draws differently from `self`:
    /// all that a redraw from one look to the other has to repaint.
    pub fn changed(&self, next: &Look, marks: &[Target]) -> Vec<usize> {
        let lit = |look: &Look, i: usize| look.lit.get(i).copied().unwrap_or(false);
        let differ = |a: Option<Target>, b: Option<Target>, mark: Target| (a == Some(mark)) != (b == Some(mark));
        (0..marks.len())
            .filter(|&i| {
                lit(self, i) != lit(next, i)
                    || differ(self.chosen, next.chosen, marks[i])
                    || differ(self.hover, next.hover, marks[i])
                    || differ(self.focus, next.focus, marks[i])
            })
            .collect()
    }
}

/// Whether `mark` is part of the selection `selected`: selecting a party lights its tile, its
/// bar, the pooled pledges it shares and the events that name it; selecting a pooled pledge or
/// an event lights the parties in it.
pub fn involved(ds: &Dataset, selected: Target, mark: Target) -> bool {
    if selected == mark {
        return true;
    }
    let pooled_has = |c: Index, p: Index| ds.contributions.get(c).is_some_and(|x| x.donors.contains(&p));
    let event_has = |e: Index, p: Index| ds.events.get(e).is_some_and(|ev| ev.parties.contains(&p));
    match (selected, mark) {
        (Target::Party(p), Target::Pooled(c)) | (Target::Pooled(c), Target::Party(p)) => pooled_has(c, p),
        (Target::Party(p), Target::Event(e)) | (Target::Event(e), Target::Party(p)) => event_has(e, p),
        _ => false,
    }
}

/// A key the views respond to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Home: the first mark.
    Home,
    /// End: the last mark.
    End,
    /// Enter or Space: select the focused mark.
    Select,
    /// Escape: clear the selection.
    Clear,
}

impl Key {
    /// Reads a `KeyboardEvent.key` value.
    pub fn from_dom(key: &str) -> Option<Key> {
        Some(match key {
            "ArrowLeft" | "Left" => Key::Left,
            "ArrowRight" | "Right" => Key::Right,
            "ArrowUp" | "Up" => Key::Up,
            "ArrowDown" | "Down" => Key::Down,
            "Home" => Key::Home,
            "End" => Key::End,
            "Enter" | " " | "Spacebar" => Key::Select,
            "Escape" | "Esc" => Key::Clear,
            _ => return None,
        })
    }
}

/// Next position in a list of `len` marks (bars, events): up/left go back, down/right forward,
/// Home and End jump; no focus yet starts at the first.
pub fn step_in_list(len: usize, from: Option<usize>, key: Key) -> Option<usize> {
    let last = len.checked_sub(1)?;
    Some(match (from, key) {
        (_, Key::Home) | (None, _) => 0,
        (_, Key::End) => last,
        (Some(i), Key::Up | Key::Left) => i.saturating_sub(1),
        (Some(i), Key::Down | Key::Right) => (i + 1).min(last),
        (Some(i), _) => i.min(last),
    })
}

/// Next position among marks at `centers` (the map's tiles): the nearest mark in the arrow's
/// direction, preferring marks in line with the current one; Home and End jump to the first
/// and last. With no mark that way, focus stays.
pub fn step_in_plane(centers: &[(f64, f64)], from: Option<usize>, key: Key) -> Option<usize> {
    let last = centers.len().checked_sub(1)?;
    let i = match (from, key) {
        (_, Key::Home) | (None, _) => return Some(0),
        (_, Key::End) => return Some(last),
        (Some(i), _) => i.min(last),
    };
    let (x0, y0) = centers[i];
    let (dx, dy) = match key {
        Key::Left => (-1.0, 0.0),
        Key::Right => (1.0, 0.0),
        Key::Up => (0.0, -1.0),
        Key::Down => (0.0, 1.0),
        _ => return Some(i),
    };
    let score = |&(x, y): &(f64, f64)| {
        let along = (x - x0) * dx + (y - y0) * dy;
        let across = ((x - x0) * dy - (y - y0) * dx).abs();
        (along > 0.5).then_some(along + 2.0 * across)
    };
    let best = centers
        .iter()
        .enumerate()
        .filter_map(|(j, c)| score(c).map(|s| (j, s)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(j, _)| j);
    Some(best.unwrap_or(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_step_and_clamp() {
        assert_eq!(step_in_list(3, None, Key::Down), Some(0));
        assert_eq!(step_in_list(3, Some(0), Key::Down), Some(1));
        assert_eq!(step_in_list(3, Some(2), Key::Down), Some(2));
        assert_eq!(step_in_list(3, Some(0), Key::Up), Some(0));
        assert_eq!(step_in_list(3, Some(1), Key::End), Some(2));
        assert_eq!(step_in_list(3, Some(2), Key::Home), Some(0));
        assert_eq!(step_in_list(0, None, Key::Down), None);
    }

    #[test]
    fn the_plane_moves_to_the_nearest_mark_in_line() {
        // a b c
        //   d
        let c = [(0.0, 0.0), (10.0, 0.0), (20.0, 0.0), (10.0, 10.0)];
        assert_eq!(step_in_plane(&c, Some(0), Key::Right), Some(1));
        assert_eq!(step_in_plane(&c, Some(1), Key::Right), Some(2));
        assert_eq!(step_in_plane(&c, Some(2), Key::Right), Some(2), "nothing further right");
        assert_eq!(step_in_plane(&c, Some(1), Key::Down), Some(3));
        assert_eq!(step_in_plane(&c, Some(3), Key::Up), Some(1), "straight up beats diagonal");
        assert_eq!(step_in_plane(&c, Some(0), Key::Down), Some(3));
        assert_eq!(step_in_plane(&c, Some(3), Key::End), Some(3));
        assert_eq!(step_in_plane(&c, None, Key::Left), Some(0));
    }

    #[test]
    fn keys_come_from_dom_names() {
        assert_eq!(Key::from_dom("ArrowLeft"), Some(Key::Left));
        assert_eq!(Key::from_dom(" "), Some(Key::Select));
        assert_eq!(Key::from_dom("Enter"), Some(Key::Select));
        assert_eq!(Key::from_dom("Escape"), Some(Key::Clear));
        assert_eq!(Key::from_dom("a"), None);
    }
}
