//! Geometry of the three views for a container width, in CSS pixels, and hit-testing on it.
//! Built once per (data, date, width) and reused for every pointer event and redraw.

pub mod bars;
pub mod map;
pub mod timeline;

use crate::aggregate::Snapshot;
use crate::i18n::Locale;
use crate::interaction::{Target, View};
use crate::model::Dataset;

/// Container width from which the map and the bars stand side by side.
pub const WIDE_FROM: f64 = 720.0;
/// Space between views placed side by side.
pub const GUTTER: f64 = 24.0;
/// Narrowest width laid out; a narrower container is laid out at this width and scaled down
/// by the browser rather than breaking the layout.
pub const MIN_WIDTH: f64 = 280.0;

/// Font sizes in CSS pixels.
pub mod font {
    /// Labels of bars and axes.
    pub const LABEL: f64 = 13.0;
    /// Secondary text: ticks, legend, footers.
    pub const SMALL: f64 = 12.0;
}

/// Widths of the three views for a container width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Columns {
    /// Whether the map and the bars share a row.
    pub wide: bool,
    /// Width of the map.
    pub map: f64,
    /// Width of the bars.
    pub bars: f64,
    /// Width of the timeline.
    pub timeline: f64,
}

/// Splits the container width between the views: side by side from [`WIDE_FROM`], stacked below.
pub fn columns(width: f64) -> Columns {
    let width = width.max(MIN_WIDTH).floor();
    if width >= WIDE_FROM {
        let map = ((width - GUTTER) * 0.46).floor();
        Columns { wide: true, map, bars: width - GUTTER - map, timeline: width }
    } else {
        Columns { wide: false, map: width, bars: width, timeline: width }
    }
}

/// All three views laid out.
#[derive(Clone, Debug)]
pub struct Scene {
    /// The column split.
    pub columns: Columns,
    /// The member map.
    pub map: map::MapLayout,
    /// The funding bars.
    pub bars: bars::BarsLayout,
    /// The timeline.
    pub timeline: timeline::TimelineLayout,
}

impl Scene {
    /// Lays out every view of `snap` for a container `width`, with the words of `loc`.
    pub fn new(ds: &Dataset, snap: &Snapshot, width: f64, loc: &Locale) -> Scene {
        let columns = columns(width);
        Scene {
            columns,
            map: map::MapLayout::new(ds, snap, columns.map, loc),
            bars: bars::BarsLayout::new(ds, snap, columns.bars, loc),
            timeline: timeline::TimelineLayout::new(ds, snap.as_of, columns.timeline, loc),
        }
    }

    /// What lies under a point of a view, if anything.
    pub fn hit(&self, view: View, x: f64, y: f64) -> Option<Target> {
        match view {
            View::Map => self.map.hit(x, y),
            View::Bars => self.bars.hit(x, y),
            View::Timeline => self.timeline.hit(x, y),
        }
    }

    /// The marks of a view in keyboard order.
    pub fn marks(&self, view: View) -> Vec<Target> {
        match view {
            View::Map => self.map.tiles.iter().map(|t| Target::Party(t.party)).collect(),
            View::Bars => self.bars.rows.iter().map(|r| r.target).collect(),
            View::Timeline => self.timeline.markers.iter().map(|m| Target::Event(m.event)).collect(),
        }
    }

    /// Whether `view` is laid out alike in `self`, laid out for `snap`, and in `other`, laid out
    /// for `other_snap`: then, for the same look and palette, it draws the same pixels and need
    /// not be drawn again. Decided from what each view's layout reads (its column's width and
    /// its part of the snapshot), which costs the widget module far less than comparing the
    /// layouts themselves (1.1 KB gzipped).
    pub fn same_view(&self, snap: &Snapshot, other: &Scene, other_snap: &Snapshot, view: View) -> bool {
        match view {
            View::Map => self.columns.map == other.columns.map && map::same_input(snap, other_snap),
            View::Bars => self.columns.bars == other.columns.bars && bars::same_input(snap, other_snap),
            View::Timeline => self.columns.timeline == other.columns.timeline && snap.as_of == other_snap.as_of,
        }
    }

    /// Size in CSS pixels of a view.
    pub fn size(&self, view: View) -> (f64, f64) {
        match view {
            View::Map => (self.map.width, self.map.height),
            View::Bars => (self.bars.width, self.bars.height),
            View::Timeline => (self.timeline.width, self.timeline.height),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_stack_below_the_breakpoint_and_share_a_row_above_it() {
        let narrow = columns(375.0);
        assert!(!narrow.wide && narrow.map == 375.0 && narrow.bars == 375.0);
        let wide = columns(1280.0);
        assert!(wide.wide);
        assert_eq!(wide.map + GUTTER + wide.bars, 1280.0);
        assert_eq!(columns(100.0).map, MIN_WIDTH);
    }
}
