//! The tile-grid member map: one square per party on a grid that follows geography, distant
//! states and organisations on a strip below, and a legend of roles.

use crate::aggregate::Snapshot;
use crate::geometry::{text_width, Rect};
use crate::i18n::Locale;
use crate::interaction::Target;
use crate::layout::font;
use crate::model::{Dataset, Index, PartyKind, Role};
use crate::tilegrid;

/// Largest tile side; smallest is 24 px, the WCAG 2.2 minimum target size.
const MAX_TILE: f64 = 58.0;
const MIN_TILE: f64 = 24.0;
/// Height of a line of small text plus its spacing.
const SMALL_LINE: f64 = 18.0;

/// One party's tile.
#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    /// The party.
    pub party: Index,
    /// Its code, drawn on the tile.
    pub code: String,
    /// Where it is drawn (the square, without the gap around it).
    pub rect: Rect,
    /// Its role on the date shown, if any.
    pub role: Option<Role>,
}

/// A neighbouring European state that is not in the dataset, drawn faint for orientation.
#[derive(Clone, Debug, PartialEq)]
pub struct Ghost {
    /// Its square.
    pub rect: Rect,
}

/// One legend entry: a swatch drawn like a tile of that role, and its words.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    /// The role, or `None` for "not a member on this date".
    pub role: Option<Role>,
    /// The swatch.
    pub swatch: Rect,
    /// The label.
    pub label: &'static str,
    /// Left end of the label's baseline area (text is drawn vertically centred on `swatch`).
    pub text_x: f64,
}

/// The map laid out for a width.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    /// Width in CSS px.
    pub width: f64,
    /// Height in CSS px.
    pub height: f64,
    /// Side of a tile.
    pub tile: f64,
    /// Party tiles in keyboard order (row by row, then the strip).
    pub tiles: Vec<Tile>,
    /// Faint tiles of neighbouring states.
    pub ghosts: Vec<Ghost>,
    /// The strip's caption position (left, top) and its rule's y, if there is a strip.
    pub strip: Option<(f64, f64)>,
    /// The strip's caption.
    pub strip_caption: &'static str,
    /// Legend entries.
    pub legend: Vec<LegendEntry>,
}

/// Legend label for a role.
pub fn legend_label(loc: &Locale, role: Option<Role>) -> &'static str {
    let words = loc.words();
    match role {
        Some(Role::Lead) => words.legend_lead,
        Some(Role::Member) => words.legend_member,
        Some(Role::Intending) => words.legend_intending,
        Some(Role::Attendee) => words.legend_attendee,
        None => words.legend_none,
    }
}

/// Whether two snapshots give every party the same role: the only part of a snapshot that
/// [`MapLayout::new`] reads.
pub fn same_input(a: &Snapshot, b: &Snapshot) -> bool {
    fn roles(s: &Snapshot) -> impl Iterator<Item = (Index, Role)> + '_ {
        s.standings.iter().map(|x| (x.party, x.role))
    }
    roles(a).eq(roles(b))
}

impl MapLayout {
    /// Lays out the map of `snap` in `width` CSS px.
    pub fn new(ds: &Dataset, snap: &Snapshot, width: f64, loc: &Locale) -> MapLayout {
        let role_of = |party: Index| snap.standings.iter().find(|s| s.party == party).map(|s| s.role);
        let placed: Vec<(Index, (u8, u8))> = (0..ds.parties.len())
            .filter(|&p| ds.parties[p].kind == PartyKind::State)
            .filter_map(|p| tilegrid::cell(&ds.parties[p].code).map(|c| (p, c)))
            .collect();
        let strip: Vec<Index> = (0..ds.parties.len()).filter(|p| !placed.iter().any(|(q, _)| q == p)).collect();

        let (min_col, max_col, max_row) =
            placed.iter().fold((u8::MAX, 0, 0), |(a, b, c), &(_, (col, row))| (a.min(col), b.max(col), c.max(row)));
        let grid_cols = if placed.is_empty() { 0.0 } else { f64::from(max_col - min_col + 1) };
        let columns = grid_cols.max(strip.len().min(8) as f64).max(1.0);
        let tile = (width / columns).floor().clamp(MIN_TILE, MAX_TILE);
        let gap = (tile * 0.1).round().max(2.0);
        let grid_width = grid_cols * tile;
        let left = ((width - grid_width) / 2.0).max(0.0).floor();
        let square =
            |col: f64, row: f64, top: f64| Rect::new(left + col * tile, top + row * tile, tile - gap, tile - gap);

        let mut tiles: Vec<Tile> = placed
            .iter()
            .map(|&(p, (col, row))| Tile {
                party: p,
                code: ds.parties[p].code.clone(),
                rect: square(f64::from(col - min_col), f64::from(row), 0.0),
                role: role_of(p),
            })
            .collect();
        crate::order::sort_by(&mut tiles, |a, b| a.rect.y.total_cmp(&b.rect.y).then(a.rect.x.total_cmp(&b.rect.x)));
        let ghosts = tilegrid::all_cells()
            .filter(|&(code, col, row)| {
                col >= min_col && col <= max_col && row <= max_row && !tiles.iter().any(|t| t.code == code)
            })
            .map(|(_, col, row)| Ghost { rect: square(f64::from(col - min_col), f64::from(row), 0.0) })
            .collect();

        let mut y = if placed.is_empty() { 0.0 } else { f64::from(max_row + 1) * tile };
        let mut strip_at = None;
        if !strip.is_empty() {
            y += 8.0;
            strip_at = Some((0.0, y));
            y += SMALL_LINE + 4.0;
            let per_row = ((width + gap) / tile).floor().max(1.0) as usize;
            for (i, &p) in strip.iter().enumerate() {
                let (col, row) = ((i % per_row) as f64, (i / per_row) as f64);
                let rect = Rect::new(col * tile, y + row * tile, tile - gap, tile - gap);
                tiles.push(Tile { party: p, code: ds.parties[p].code.clone(), rect, role: role_of(p) });
            }
            y += strip.len().div_ceil(per_row) as f64 * tile;
        }

        y += 10.0;
        let mut legend = Vec::new();
        let mut x = 0.0;
        let roles = [Some(Role::Lead), Some(Role::Member), Some(Role::Intending), Some(Role::Attendee), None];
        let used = |r: Option<Role>| tiles.iter().any(|t| t.role == r) || ds.roles.iter().any(|s| Some(s.role) == r);
        for role in roles.into_iter().filter(|&r| used(r)) {
            let label = legend_label(loc, role);
            let entry_width = 14.0 + 6.0 + text_width(label, font::SMALL, false) + 14.0;
            if x > 0.0 && x + entry_width > width {
                x = 0.0;
                y += SMALL_LINE + 4.0;
            }
            legend.push(LegendEntry { role, swatch: Rect::new(x, y + 2.0, 14.0, 14.0), label, text_x: x + 20.0 });
            x += entry_width;
        }
        let height = (y + SMALL_LINE + 4.0).ceil();
        MapLayout {
            width,
            height,
            tile,
            tiles,
            ghosts,
            strip: strip_at,
            strip_caption: loc.words().outside_europe,
            legend,
        }
    }

    /// The party whose tile holds the point, if any.
    pub fn hit(&self, x: f64, y: f64) -> Option<Target> {
        self.tiles.iter().find(|t| t.rect.contains(x, y)).map(|t| Target::Party(t.party))
    }

    /// The tile of a party.
    pub fn tile_of(&self, party: Index) -> Option<&Tile> {
        self.tiles.iter().find(|t| t.party == party)
    }
}
