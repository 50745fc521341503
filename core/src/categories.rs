//! The kinds of help and kindness, shared by the journal, helpers and needs.

use crate::language::Language;

/// The categories a new Kindred starts with. People can add their own.
pub const SEEDED: [&str; 11] = [
    "listening",
    "being present",
    "practical help",
    "errands and groceries",
    "a ride",
    "company and visits",
    "care for an older person",
    "encouragement and praise",
    "a gift or donation",
    "forgiveness",
    "other",
];

/// The same categories for a Kindred that starts in Traditional Chinese. Once stored they are
/// the person's own data, and are never translated again.
pub const SEEDED_TRADITIONAL_CHINESE: [&str; 11] = [
    "聆聽",
    "陪在身邊",
    "實際幫忙",
    "跑腿和買菜",
    "接送",
    "探訪和陪伴",
    "照顧長者",
    "鼓勵和讚美",
    "禮物或捐贈",
    "寬恕",
    "其他",
];

/// The categories a new Kindred starts with, in the language it starts in.
pub fn seeded(language: Language) -> Vec<String> {
    let names = match language {
        Language::English => SEEDED,
        Language::TraditionalChinese => SEEDED_TRADITIONAL_CHINESE,
    };
    names.iter().map(|c| c.to_string()).collect()
}
