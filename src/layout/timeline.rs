//! The growth timeline: cumulative itemised funding and the member count as step lines over a
//! shared time axis, reported totals as points, numbered markers for dated events, and the
//! "as of" line. Everything after the "as of" date is drawn faint.

use crate::aggregate::{funding_series, membership_series};
use crate::date::Date;
use crate::geometry::{text_width, wrap, Rect};
use crate::i18n::{fill, Locale};
use crate::interaction::Target;
use crate::layout::font;
use crate::model::{Dataset, Index};
use crate::money::{int, Cents};

/// Height of each further line of a wrapped panel title.
pub const TITLE_LINE: f64 = 15.0;
/// Radius of an event marker; its hit area is at least 24 px across.
const MARKER_R: f64 = 9.0;
const LANE: f64 = 22.0;
/// Least room left of the plots for the value-axis labels.
const LEFT: f64 = 46.0;
const RIGHT: f64 = 14.0;

/// A tick on an axis: its position and label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position along the axis (x for the time axis, y for value axes).
    pub at: f64,
    /// Label.
    pub label: String,
}

/// A reported figure drawn as a point: a reported total or a reported member count.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// Position.
    pub x: f64,
    /// Position.
    pub y: f64,
    /// The source says "more than": drawn with an upward mark.
    pub lower_bound: bool,
}

/// One of the two panels.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// Plot area.
    pub rect: Rect,
    /// Title above the plot, in lines that fit the view's width (Ukrainian titles wrap on a phone).
    pub title: Vec<String>,
    /// Top of the title's first line.
    pub title_y: f64,
    /// Value-axis ticks (y positions).
    pub ticks: Vec<Tick>,
    /// Step line up to the "as of" date.
    pub past: Vec<(f64, f64)>,
    /// Step line after it.
    pub future: Vec<(f64, f64)>,
    /// Reported figures.
    pub points: Vec<Point>,
}

/// A numbered event marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// The event.
    pub event: Index,
    /// Its number, 1-based, as in the list of events under the chart.
    pub number: usize,
    /// Centre.
    pub x: f64,
    /// Centre.
    pub y: f64,
    /// Whether it is on or before the "as of" date.
    pub past: bool,
}

/// The timeline laid out for a width.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineLayout {
    /// Width in CSS px.
    pub width: f64,
    /// Height in CSS px.
    pub height: f64,
    /// Funding panel.
    pub funding: Panel,
    /// Member-count panel.
    pub members: Panel,
    /// Time-axis ticks (x positions) and the y of their labels.
    pub time_ticks: Vec<Tick>,
    /// Top of the time-axis labels.
    pub time_axis_y: f64,
    /// Event markers.
    pub markers: Vec<Marker>,
    /// x of the "as of" line.
    pub as_of_x: f64,
    /// Label of the "as of" line.
    pub as_of_label: String,
    /// Top of the "as of" label.
    pub as_of_y: f64,
}

/// First and last day the timeline spans: the dataset's dated records, padded a little.
pub fn domain(ds: &Dataset) -> (i64, i64) {
    // Events, contributions and reported totals are sorted by date, so their first and last
    // bound them: the timeline is laid out again at every date change, and an editor's file can
    // hold tens of thousands of contributions (a scan of 39,000 took 0.9 ms of each change).
    let ends = [
        ds.events.first().map(|e| e.date),
        ds.events.last().map(|e| e.date),
        ds.contributions.first().map(|c| c.date),
        ds.contributions.last().map(|c| c.date),
        ds.reported_totals.first().map(|t| t.date),
        ds.reported_totals.last().map(|t| t.date),
    ];
    let days = ends.into_iter().flatten().chain(ds.roles.iter().map(|r| r.since)).map(Date::day_number);
    let (lo, hi) = days.fold((i64::MAX, i64::MIN), |(lo, hi), d| (lo.min(d), hi.max(d)));
    let last = hi.max(ds.coalition.as_of.day_number());
    let first = if lo == i64::MAX { last - 30 } else { lo };
    (first - 20, last + 20)
}

/// A round top for a value axis and its ticks: 0 and multiples of 1, 2 or 5 × 10^k, at most 4.
fn nice_ticks(max: i64) -> (i64, Vec<i64>) {
    let max = max.max(1);
    let mut step = 1_i64;
    loop {
        for m in [1, 2, 5] {
            let s = step * m;
            let count = (max + s - 1) / s; // i64::div_ceil is not stable
            if count <= 3 {
                let top = count * s;
                return (top, (0..=top / s).map(|i| i * s).collect());
            }
        }
        step *= 10;
    }
}

/// A polyline in CSS pixels.
type Polyline = Vec<(f64, f64)>;

/// Splits a polyline at `x`: the part up to `x` and the part from `x` on.
fn split_at(points: &[(f64, f64)], x: f64) -> (Polyline, Polyline) {
    let mut past = Vec::new();
    let mut future = Vec::new();
    for (i, &p) in points.iter().enumerate() {
        if p.0 <= x {
            past.push(p);
            continue;
        }
        if future.is_empty() {
            if let Some(&prev) = i.checked_sub(1).and_then(|j| points.get(j)) {
                let t = (x - prev.0) / (p.0 - prev.0);
                let cut = (x, prev.1 + t * (p.1 - prev.1));
                past.push(cut);
                future.push(cut);
            }
        }
        future.push(p);
    }
    (past, future)
}

/// A step line through `(day, value)` changes, starting from zero at the left edge.
fn steps(changes: &[(i64, f64)], x_of: impl Fn(i64) -> f64, y_of: impl Fn(f64) -> f64, x_end: f64) -> Vec<(f64, f64)> {
    let mut out = vec![(x_of(i64::MIN), y_of(0.0))];
    let mut last = 0.0;
    for &(day, value) in changes {
        let x = x_of(day);
        out.push((x, y_of(last)));
        out.push((x, y_of(value)));
        last = value;
    }
    out.push((x_end, y_of(last)));
    out
}

/// What a panel plots, in the data's terms.
struct Series {
    /// The value's changes, by day number.
    changes: Vec<(i64, f64)>,
    /// The top of the value axis.
    top: i64,
    /// The value-axis ticks, with their labels.
    ticks: Vec<(i64, String)>,
    /// Reported figures: day number, value, and whether it is a lower bound.
    points: Vec<(i64, f64, bool)>,
}

impl Panel {
    /// Lays out `series` in `rect`, on the time scale `x_of`, split at the "as of" line.
    fn new(
        rect: Rect,
        title: (Vec<String>, f64),
        series: Series,
        x_of: &dyn Fn(i64) -> f64,
        as_of_x: f64,
        x_end: f64,
    ) -> Panel {
        let y_of = |v: f64| rect.bottom() - rect.h * v / series.top as f64;
        let (past, future) = split_at(&steps(&series.changes, x_of, y_of, x_end), as_of_x);
        Panel {
            rect,
            title: title.0,
            title_y: title.1,
            ticks: series.ticks.into_iter().map(|(v, label)| Tick { at: y_of(v as f64), label }).collect(),
            past,
            future,
            points: series
                .points
                .iter()
                .map(|&(day, v, lower_bound)| Point { x: x_of(day), y: y_of(v), lower_bound })
                .collect(),
        }
    }
}

impl TimelineLayout {
    /// Lays out the timeline of `ds` as of `as_of` in `width` CSS px.
    pub fn new(ds: &Dataset, as_of: Date, width: f64, loc: &Locale) -> TimelineLayout {
        let (first, last) = domain(ds);
        let funding: Vec<(Date, Cents)> = funding_series(ds);
        let reported_max = ds.reported_totals.iter().map(|t| t.money.eur).max().unwrap_or(0);
        let (f_top, f_ticks) = nice_ticks(funding.last().map_or(0, |f| f.1).max(reported_max).max(100_000_000));
        let f_labels: Vec<String> = f_ticks.iter().map(|&v| loc.fmt.eur_axis(v)).collect();
        // The value labels decide the left margin: "60 млн €" needs more room than "€60m".
        let widest = f_labels.iter().map(|l| text_width(l, font::SMALL, false)).fold(0.0, f64::max);
        let (left, right) = (LEFT.max(widest.ceil() + 10.0), width - RIGHT);
        let x_of =
            |day: i64| left + (right - left) * (day.clamp(first, last) - first) as f64 / (last - first).max(1) as f64;

        // Rows from the top: the panel title, the "as of" label, then the plot. A title that
        // wraps pushes everything below it down by its extra lines.
        let f_title = wrap(loc.words().funding_title, font::SMALL, false, width);
        let m_title = wrap(loc.words().members_title, font::SMALL, false, width);
        let extra = |title: &[String]| TITLE_LINE * title.len().saturating_sub(1) as f64;
        let as_of_y = 19.0 + extra(&f_title);
        let f_rect = Rect::new(left, 44.0 + extra(&f_title), right - left, 118.0);
        let as_of_x = x_of(as_of.day_number());
        let funding_panel = Panel::new(
            f_rect,
            (f_title, 0.0),
            Series {
                changes: funding.iter().map(|&(d, c)| (d.day_number(), c as f64)).collect(),
                top: f_top,
                ticks: f_ticks.into_iter().zip(f_labels).collect(),
                points: ds
                    .reported_totals
                    .iter()
                    .map(|t| (t.date.day_number(), t.money.eur as f64, t.lower_bound))
                    .collect(),
            },
            &x_of,
            as_of_x,
            right,
        );

        let members: Vec<(Date, usize)> = membership_series(ds);
        let reported_counts: Vec<(i64, f64, bool)> = ds
            .events
            .iter()
            .filter_map(|e| e.members_reported.map(|n| (e.date.day_number(), f64::from(n), false)))
            .collect();
        let m_max = members.iter().map(|m| m.1 as f64).chain(reported_counts.iter().map(|r| r.1)).fold(0.0, f64::max);
        let (m_top, m_ticks) = nice_ticks(m_max as i64);
        let m_rect = Rect::new(left, f_rect.bottom() + 46.0 + extra(&m_title), right - left, 64.0);
        let m_title_y = m_rect.y - 26.0 - extra(&m_title);
        let members_panel = Panel::new(
            m_rect,
            (m_title, m_title_y),
            Series {
                changes: members.iter().map(|&(d, n)| (d.day_number(), n as f64)).collect(),
                top: m_top,
                ticks: m_ticks.into_iter().map(|v| (v, int(v))).collect(),
                points: reported_counts,
            },
            &x_of,
            as_of_x,
            right,
        );

        let lane0 = m_rect.bottom() + 20.0;
        let mut markers: Vec<Marker> = Vec::new();
        for (i, e) in ds.events.iter().enumerate() {
            let x = x_of(e.date.day_number());
            let lane = (0..4)
                .find(|&l| {
                    let y = lane0 + l as f64 * LANE;
                    !markers.iter().any(|m| m.y == y && (m.x - x).abs() < 2.0 * MARKER_R + 4.0)
                })
                .unwrap_or(3);
            let past = e.date.is_on_or_before(as_of);
            markers.push(Marker { event: i, number: i + 1, x, y: lane0 + lane as f64 * LANE, past });
        }
        let lanes_bottom = markers.iter().map(|m| m.y + MARKER_R).fold(m_rect.bottom(), f64::max);
        let time_axis_y = lanes_bottom + 8.0;

        let px_per_month = (right - left) * 30.44 / (last - first).max(1) as f64;
        let every = [1, 2, 3, 4, 6, 12].into_iter().find(|k| px_per_month * f64::from(*k) >= 58.0).unwrap_or(12);
        let mut time_ticks: Vec<Tick> = Vec::new();
        let mut month = Date::from_day_number(first).next_month_start();
        let mut last_right = f64::MIN;
        while month.day_number() <= last {
            if u32::from(month.month() - 1) % every == 0 {
                let x = x_of(month.day_number());
                let label = loc.fmt.month(month, month.month() == 1 || time_ticks.is_empty());
                let half = text_width(&label, font::SMALL, false) / 2.0;
                if x - half > last_right + 6.0 && x + half <= width {
                    last_right = x + half;
                    time_ticks.push(Tick { at: x, label });
                }
            }
            month = month.next_month_start();
        }

        TimelineLayout {
            width,
            height: (time_axis_y + 20.0).ceil(),
            funding: funding_panel,
            members: members_panel,
            time_ticks,
            time_axis_y,
            markers,
            as_of_x,
            as_of_label: fill(loc.words().as_of_label, &[("date", &loc.fmt.date_short(as_of))]),
            as_of_y,
        }
    }

    /// The event marker under a point, if any (within 12 px of its centre).
    pub fn hit(&self, x: f64, y: f64) -> Option<Target> {
        let reach = MARKER_R.max(12.0);
        // Squared distances: the same order, without `hypot`.
        self.markers
            .iter()
            .map(|m| (m, (m.x - x).powi(2) + (m.y - y).powi(2)))
            .filter(|(_, d)| *d <= reach * reach)
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(m, _)| Target::Event(m.event))
    }

    /// Radius of the event markers.
    pub fn marker_radius(&self) -> f64 {
        MARKER_R
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        assert_eq!(nice_ticks(5_800_000_000), (6_000_000_000, vec![0, 2_000_000_000, 4_000_000_000, 6_000_000_000]));
        assert_eq!(nice_ticks(12), (15, vec![0, 5, 10, 15]));
        assert_eq!(nice_ticks(4), (4, vec![0, 2, 4]));
        use crate::i18n::{Fmt, Plain};
        assert_eq!(Plain.eur_axis(2_000_000_000), "€20m");
        assert_eq!(Plain.eur_axis(50_000_000), "€500k");
    }

    #[test]
    fn polylines_split_at_the_cut() {
        let line = [(0.0, 10.0), (10.0, 10.0), (10.0, 0.0), (20.0, 0.0)];
        let (past, future) = split_at(&line, 15.0);
        assert_eq!(past, vec![(0.0, 10.0), (10.0, 10.0), (10.0, 0.0), (15.0, 0.0)]);
        assert_eq!(future, vec![(15.0, 0.0), (20.0, 0.0)]);
        let (past, future) = split_at(&line, 25.0);
        assert_eq!((past.len(), future.len()), (4, 0));
    }
}
