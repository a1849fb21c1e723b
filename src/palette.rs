//! Colours of the widget. Roles are told apart by lightness as well as hue (so they survive
//! colour-vision deficiencies) and each also has a non-colour cue drawn by `draw::map`.

use crate::model::Role;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// How one role is painted on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleStyle {
    /// Tile fill.
    pub fill: Rgb,
    /// Tile outline.
    pub stroke: Rgb,
    /// Label colour on the fill.
    pub text: Rgb,
}

/// Every colour the views use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    /// Canvas background.
    pub background: Rgb,
    /// Main text.
    pub ink: Rgb,
    /// Secondary text, axes and rules.
    pub muted: Rgb,
    /// Light gridlines and empty tiles.
    pub faint: Rgb,
    /// Bars of valued contributions and the funding line.
    pub bar: Rgb,
    /// Pooled pledges.
    pub pooled: Rgb,
    /// The not-itemised remainder and in-kind marks.
    pub remainder: Rgb,
    /// Selection outline.
    pub selection: Rgb,
    /// Keyboard focus ring.
    pub focus: Rgb,
    /// Leads.
    pub lead: RoleStyle,
    /// Members.
    pub member: RoleStyle,
    /// Intending to join.
    pub intending: RoleStyle,
    /// Attended, not members.
    pub attendee: RoleStyle,
    /// Parties with no role on the date shown.
    pub inactive: RoleStyle,
}

impl Palette {
    /// The light theme.
    pub const LIGHT: Palette = Palette {
        background: Rgb(255, 255, 255),
        ink: Rgb(27, 31, 36),
        muted: Rgb(87, 96, 106),
        faint: Rgb(234, 238, 242),
        bar: Rgb(31, 95, 168),
        pooled: Rgb(111, 66, 160),
        remainder: Rgb(118, 118, 118),
        selection: Rgb(196, 40, 0),
        focus: Rgb(27, 31, 36),
        lead: RoleStyle { fill: Rgb(16, 52, 110), stroke: Rgb(16, 52, 110), text: Rgb(255, 255, 255) },
        member: RoleStyle { fill: Rgb(47, 111, 186), stroke: Rgb(30, 82, 145), text: Rgb(255, 255, 255) },
        intending: RoleStyle { fill: Rgb(255, 226, 184), stroke: Rgb(176, 90, 0), text: Rgb(92, 46, 0) },
        attendee: RoleStyle { fill: Rgb(255, 255, 255), stroke: Rgb(110, 119, 129), text: Rgb(70, 78, 87) },
        inactive: RoleStyle { fill: Rgb(246, 248, 250), stroke: Rgb(132, 141, 150), text: Rgb(96, 104, 114) },
    };

    /// The dark theme: designed for a dark page, not an inversion of the light one. Leads are
    /// the lightest tiles here, members a mid blue, so lightness still orders the roles.
    pub const DARK: Palette = Palette {
        background: Rgb(22, 27, 34),
        ink: Rgb(230, 237, 243),
        muted: Rgb(145, 158, 171),
        faint: Rgb(45, 51, 59),
        bar: Rgb(88, 166, 255),
        pooled: Rgb(188, 140, 255),
        remainder: Rgb(139, 148, 158),
        selection: Rgb(255, 123, 84),
        focus: Rgb(230, 237, 243),
        lead: RoleStyle { fill: Rgb(158, 203, 255), stroke: Rgb(158, 203, 255), text: Rgb(13, 17, 23) },
        member: RoleStyle { fill: Rgb(33, 98, 196), stroke: Rgb(88, 166, 255), text: Rgb(255, 255, 255) },
        intending: RoleStyle { fill: Rgb(61, 46, 20), stroke: Rgb(240, 160, 60), text: Rgb(255, 215, 160) },
        attendee: RoleStyle { fill: Rgb(22, 27, 34), stroke: Rgb(139, 148, 158), text: Rgb(201, 209, 217) },
        inactive: RoleStyle { fill: Rgb(33, 38, 45), stroke: Rgb(110, 118, 129), text: Rgb(145, 158, 171) },
    };

    /// The style of a role, or of no role.
    pub fn role(&self, role: Option<Role>) -> RoleStyle {
        match role {
            Some(Role::Lead) => self.lead,
            Some(Role::Member) => self.member,
            Some(Role::Intending) => self.intending,
            Some(Role::Attendee) => self.attendee,
            None => self.inactive,
        }
    }
}
