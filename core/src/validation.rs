//! Problems with what someone typed, said in words a person can act on.

use std::fmt;

/// What is wrong with a value. The interface words each problem in the reader's language;
/// `Display` gives the English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    FutureDate,
    NotADate,
    NotAPhone,
    NotAnEmail,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Problem::Required => "this needs to be filled in",
            Problem::FutureDate => "the date is in the future; choose today or an earlier day",
            Problem::NotADate => "not a date; write it as year-month-day, like 2026-11-23",
            Problem::NotAPhone => "not a phone number",
            Problem::NotAnEmail => "not an e-mail address",
        })
    }
}

/// One problem with one field of a form or a file: which field, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's stable key (`text`, `date`), or its path in a file (`helpers[3].email`).
    pub field: String,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: impl Into<String>, problem: Problem) -> Self {
        Self {
            field: field.into(),
            problem,
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem)
    }
}

/// Characters that change how text is shown without being seen: zero-width spaces and
/// joiners, and the controls that reverse the direction of text.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Whether text has nothing a person could read in it.
pub fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
}

/// Splits a comma-separated list as people type it ("rides, Groceries ,") into its trimmed,
/// non-empty items, keeping the first spelling of each item that repeats.
pub fn split_list(text: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for item in text.split([',', '，', '、']).map(str::trim) {
        if !item.is_empty() && !items.iter().any(|i| i.eq_ignore_ascii_case(item)) {
            items.push(item.to_string());
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_of_only_spaces_controls_or_invisible_characters_is_blank() {
        assert!(is_blank(""));
        assert!(is_blank(" \t\n"));
        assert!(is_blank("\u{200B}\u{2060}\u{0000}"));
        assert!(!is_blank(" 陳 "));
    }

    #[test]
    fn lists_are_split_on_english_and_chinese_commas_without_blanks_or_repeats() {
        assert_eq!(
            split_list(" rides, Groceries ,,rides，探訪、 "),
            vec!["rides", "Groceries", "探訪"]
        );
    }
}
