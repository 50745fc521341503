//! The reader's choices, kept with their data.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::categories;
// Where the shell has always found it; the language is an idea of its own.
pub use crate::language::Language;

/// Light or dark colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follows the device: dark when the system is dark.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];
}

/// Settings that travel with the data. Every field has a default, so that settings written by
/// an older Kindred still load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `None` follows the browser's language.
    pub language: Option<Language>,
    /// Some people find streaks motivating and some find them a pressure.
    pub hide_streaks: bool,
    /// Acts of kindness to give each week. One a week already makes a difference.
    pub weekly_goal: u32,
    /// The categories offered in forms, in the person's order.
    pub categories: Vec<String>,
    pub theme: Theme,
    /// Makes all text and the layout with it larger, for older eyes.
    pub large_text: bool,
    /// When data last left this browser in a file (an export or a full backup): how Kindred
    /// knows to remind the person to keep a copy.
    pub last_export_at: Option<DateTime<Utc>>,
    /// The name this person marks check-ins with, so that others see who called.
    pub your_name: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: None,
            hide_streaks: false,
            weekly_goal: 1,
            categories: categories::SEEDED.iter().map(|c| c.to_string()).collect(),
            theme: Theme::System,
            large_text: false,
            last_export_at: None,
            your_name: String::new(),
        }
    }
}

/// The weekly goal's bounds: at least one, and no more than three a day.
pub const WEEKLY_GOAL_RANGE: std::ops::RangeInclusive<u32> = 1..=21;

impl Settings {
    /// Adds a category typed by the person. Returns false, changing nothing, when it is
    /// blank or already there (in any case).
    pub fn add_category(&mut self, name: &str) -> bool {
        let name = name.trim();
        if name.is_empty() || self.categories.iter().any(|c| c.eq_ignore_ascii_case(name)) {
            return false;
        }
        self.categories.push(name.to_string());
        true
    }

    /// Removes a category from the choices. Entries that use it keep it.
    pub fn remove_category(&mut self, name: &str) {
        self.categories.retain(|c| c != name);
    }

    /// Sets the weekly goal, kept within [`WEEKLY_GOAL_RANGE`].
    pub fn set_weekly_goal(&mut self, goal: u32) {
        self.weekly_goal = goal.clamp(*WEEKLY_GOAL_RANGE.start(), *WEEKLY_GOAL_RANGE.end());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_start_seeded_and_take_no_blanks_or_repeats() {
        let mut settings = Settings::default();
        assert_eq!(settings.categories.len(), categories::SEEDED.len());
        assert!(settings.add_category("  Garden help "));
        assert!(!settings.add_category("garden HELP"));
        assert!(!settings.add_category("   "));
        assert_eq!(settings.categories.last().unwrap(), "Garden help");
        settings.remove_category("a ride");
        assert!(!settings.categories.iter().any(|c| c == "a ride"));
    }

    #[test]
    fn the_weekly_goal_stays_within_bounds() {
        let mut settings = Settings::default();
        assert_eq!(settings.weekly_goal, 1);
        settings.set_weekly_goal(0);
        assert_eq!(settings.weekly_goal, 1);
        settings.set_weekly_goal(500);
        assert_eq!(settings.weekly_goal, 21);
    }

    #[test]
    fn settings_from_an_older_kindred_without_the_newer_fields_still_load() {
        let settings: Settings = serde_json::from_str("{\"hide_streaks\":true}").unwrap();
        assert!(settings.hide_streaks);
        assert_eq!(settings.weekly_goal, 1);
        assert!(!settings.categories.is_empty());
    }
}
