//! The screens Kindred has, their addresses and names. No browser types: the words of the app
//! (`text.rs`) name them, and the native tests build those words too.

use crate::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Journal,
    Helpers,
    Needs,
    Checkins,
    Share,
    Insights,
    Settings,
}

impl Screen {
    pub const ALL: [Screen; 7] = [
        Screen::Journal,
        Screen::Helpers,
        Screen::Needs,
        Screen::Checkins,
        Screen::Share,
        Screen::Insights,
        Screen::Settings,
    ];

    /// The fragment that addresses the screen.
    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    fn slug(self) -> &'static str {
        match self {
            Screen::Journal => "journal",
            Screen::Helpers => "helpers",
            Screen::Needs => "needs",
            Screen::Checkins => "checkins",
            Screen::Share => "share",
            Screen::Insights => "insights",
            Screen::Settings => "settings",
        }
    }

    /// The screen's name: its link text and its heading (../shared/UI-CONTRACT.md).
    pub fn title(self) -> &'static str {
        text::screen_title(self)
    }

    /// The screen a fragment names; an empty or unknown fragment opens the journal. A card
    /// link (`#/import/…`) opens Share, which offers the record it carries.
    pub fn from_fragment(fragment: &str) -> Screen {
        let slug = fragment.trim_start_matches('#').trim_start_matches('/');
        if slug.starts_with("import/") {
            return Screen::Share;
        }
        Screen::ALL
            .into_iter()
            .find(|s| s.slug() == slug)
            .unwrap_or(Screen::Journal)
    }
}
