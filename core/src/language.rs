//! The interface languages. Their own idea: the categories a first start offers depend on
//! the language, and the settings keep the choice of one.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[serde(rename = "en")]
    English,
    #[serde(rename = "zh-Hant")]
    TraditionalChinese,
}
