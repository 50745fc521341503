//! The reader's choices, kept with their data.

use serde::{Deserialize, Serialize};

/// The interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Language {
    #[serde(rename = "en")]
    English,
    #[serde(rename = "zh-Hant")]
    TraditionalChinese,
}

/// Settings that travel with the data. Every field has a default, so that settings written by
/// an older Kindred still load.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `None` follows the browser's language.
    pub language: Option<Language>,
    /// Some people find streaks motivating and some find them a pressure.
    pub hide_streaks: bool,
}
