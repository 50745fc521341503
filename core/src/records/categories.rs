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

/// A seeded category's stable place in the seeded list, in whichever language it was stored:
/// its id, the same for "a ride" and "接送".
pub fn seeded_id(name: &str) -> Option<usize> {
    SEEDED
        .iter()
        .position(|c| *c == name)
        .or_else(|| SEEDED_TRADITIONAL_CHINESE.iter().position(|c| *c == name))
}

/// How a category reads in `language`: a seeded one in that language's words, whichever
/// language Kindred first started in; one a person typed, as typed.
pub fn shown_in(name: &str, language: Language) -> &str {
    match (seeded_id(name), language) {
        (Some(id), Language::English) => SEEDED[id],
        (Some(id), Language::TraditionalChinese) => SEEDED_TRADITIONAL_CHINESE[id],
        (None, _) => name,
    }
}

/// The seeded categories that are kindnesses to remember rather than help to ask of someone:
/// a helper's kinds of help leave them out ("forgiveness" is not something a helper offers).
const NOT_ASKED_OF_A_HELPER: [&str; 3] =
    ["being present", "encouragement and praise", "forgiveness"];

/// Whether a category is a kind of help a helper can offer: every one a person typed, and the
/// seeded ones except those above, in either language.
pub fn is_kind_of_help(name: &str) -> bool {
    seeded_id(name).is_none_or(|id| !NOT_ASKED_OF_A_HELPER.contains(&SEEDED[id]))
}

/// The categories a new Kindred starts with, in the language it starts in.
pub fn seeded(language: Language) -> Vec<String> {
    let names = match language {
        Language::English => SEEDED,
        Language::TraditionalChinese => SEEDED_TRADITIONAL_CHINESE,
    };
    names.iter().map(|c| c.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_categories_read_in_the_readers_language_and_typed_ones_as_typed() {
        assert_eq!(shown_in("a ride", Language::TraditionalChinese), "接送");
        assert_eq!(shown_in("接送", Language::English), "a ride");
        assert_eq!(shown_in("a ride", Language::English), "a ride");
        assert_eq!(
            shown_in("garden work", Language::TraditionalChinese),
            "garden work"
        );
        assert_eq!(seeded_id("寬恕"), seeded_id("forgiveness"));
        assert_eq!(seeded_id("A ride"), None, "only the exact seeded words");
    }

    #[test]
    fn a_helpers_kinds_of_help_leave_out_the_journals_own_kindnesses_in_either_language() {
        assert!(is_kind_of_help("a ride") && is_kind_of_help("接送"));
        assert!(!is_kind_of_help("forgiveness") && !is_kind_of_help("寬恕"));
        assert!(!is_kind_of_help("encouragement and praise"));
        assert!(
            is_kind_of_help("garden work"),
            "what a person typed is theirs to use"
        );
        let kinds = seeded(Language::English)
            .into_iter()
            .filter(|c| is_kind_of_help(c))
            .count();
        assert_eq!(kinds, SEEDED.len() - NOT_ASKED_OF_A_HELPER.len());
    }
}
