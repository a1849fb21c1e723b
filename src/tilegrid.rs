//! Where each party's tile sits on the tile-grid map: a grid that roughly follows European
//! geography (Iceland top-left, the Baltics top-right, Ukraine east, the United Kingdom west).
//! Parties the grid does not place (distant states, organisations) go on a separate strip.

/// Grid cell (column, row) of European states, by ISO 3166 alpha-2 code.
const EUROPE: &[(&str, u8, u8)] = &[
    ("IS", 0, 0),
    ("NO", 3, 0),
    ("SE", 4, 0),
    ("FI", 5, 0),
    ("EE", 6, 0),
    ("IE", 1, 1),
    ("GB", 2, 1),
    ("DK", 4, 1),
    ("LV", 6, 1),
    ("NL", 3, 2),
    ("DE", 4, 2),
    ("PL", 5, 2),
    ("LT", 6, 2),
    ("BY", 7, 2),
    ("BE", 3, 3),
    ("LU", 4, 3),
    ("CZ", 5, 3),
    ("SK", 6, 3),
    ("UA", 7, 3),
    ("FR", 3, 4),
    ("CH", 4, 4),
    ("AT", 5, 4),
    ("HU", 6, 4),
    ("RO", 7, 4),
    ("MD", 8, 4),
    ("PT", 1, 5),
    ("ES", 2, 5),
    ("IT", 4, 5),
    ("SI", 5, 5),
    ("HR", 6, 5),
    ("RS", 7, 5),
    ("BG", 8, 5),
    ("MT", 4, 6),
    ("BA", 6, 6),
    ("ME", 7, 6),
    ("MK", 8, 6),
    ("GR", 8, 7),
    ("AL", 7, 7),
    ("CY", 9, 7),
];

/// The grid cell of a European state, or `None` for parties placed on the strip.
pub fn cell(code: &str) -> Option<(u8, u8)> {
    EUROPE.iter().find(|(c, _, _)| *c == code).map(|&(_, col, row)| (col, row))
}

/// Codes of the European states the grid knows, with their cells, for drawing the empty
/// neighbouring tiles that make the grid read as a map.
pub fn all_cells() -> impl Iterator<Item = (&'static str, u8, u8)> {
    EUROPE.iter().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geography_is_roughly_right() {
        let (is, gb, ee, ua) = (cell("IS").unwrap(), cell("GB").unwrap(), cell("EE").unwrap(), cell("UA").unwrap());
        assert_eq!(is, (0, 0), "Iceland top-left");
        assert!(gb.0 < cell("NL").unwrap().0, "the UK west of the Netherlands");
        assert!(ee.0 >= 6 && ee.1 == 0, "the Baltics top-right");
        assert!(ua.0 > cell("PL").unwrap().0, "Ukraine east of Poland");
        assert_eq!(cell("JP"), None, "Japan goes on the strip");
        assert_eq!(cell("NATO"), None);
    }

    #[test]
    fn no_two_states_share_a_cell() {
        let cells: Vec<(u8, u8)> = all_cells().map(|(_, c, r)| (c, r)).collect();
        for (i, a) in cells.iter().enumerate() {
            assert!(!cells[i + 1..].contains(a), "{a:?} used twice");
        }
    }
}
