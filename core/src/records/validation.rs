//! Problems with what someone typed, said in words a person can act on.

use std::fmt;
use std::ops::RangeInclusive;

use chrono::{DateTime, NaiveDate, Utc};

/// What is wrong with a value. The interface words each problem in the reader's language;
/// `Display` gives the English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    FutureDate,
    NotADate,
    NotAPhone,
    NotAnEmail,
    /// A date outside [`SANE_DAYS`].
    OutOfRange,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Required => f.write_str("this needs to be filled in"),
            Problem::FutureDate => {
                f.write_str("the date is in the future; choose today or an earlier day")
            }
            Problem::NotADate => {
                f.write_str("not a date; write it as year-month-day, like 2026-11-23")
            }
            Problem::NotAPhone => f.write_str("not a phone number"),
            Problem::NotAnEmail => f.write_str("not an e-mail address"),
            Problem::OutOfRange => write!(
                f,
                "the date is out of range; choose a day from {} to {}",
                SANE_DAYS.start(),
                SANE_DAYS.end()
            ),
        }
    }
}

/// The calendar days a record may be dated on, and its stamps fall on: the years 1900 to
/// 2200. A date outside them is a slip of the keyboard or a forged file, never a kindness
/// or a need; and the far ones cannot be worked with at all: chrono ends in the years
/// -262143 and 262142, so the Monday of a week or the day after can be past its end, and an
/// iCalendar date has room for only four digits of year.
pub const SANE_DAYS: RangeInclusive<NaiveDate> = RangeInclusive::new(
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(),
    NaiveDate::from_ymd_opt(2200, 12, 31).unwrap(),
);

/// Whether a record may be dated on `day`.
pub fn is_sane_day(day: NaiveDate) -> bool {
    SANE_DAYS.contains(&day)
}

/// Whether a record's stamp falls on a day in [`SANE_DAYS`] (in UTC).
pub fn is_sane_stamp(at: DateTime<Utc>) -> bool {
    is_sane_day(at.date_naive())
}

/// One field of a record, by the name a file and storage give it (`last_contacted`): the one
/// vocabulary of fields that forms, files and comparisons speak. The interface finds a
/// field's label and its element id from it.
pub trait Field: Copy + Eq + Ord + fmt::Debug + Send + Sync + 'static {
    /// The field's name as serde writes it.
    fn name(self) -> &'static str;
}

/// Declares the fields of one kind of record, each with its name in a file.
macro_rules! record_fields {
    ($(#[$meta:meta])* $kind:ident { $($variant:ident => $name:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $kind {
            $($variant,)+
        }

        impl $kind {
            /// Every field, in the order the record declares them.
            pub const ALL: &'static [$kind] = &[$($kind::$variant,)+];
        }

        impl $crate::validation::Field for $kind {
            fn name(self) -> &'static str {
                match self {
                    $($kind::$variant => $name,)+
                }
            }
        }
    };
}
pub(crate) use record_fields;

/// One problem with one field of a form or a file: which field, and what is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError<F> {
    pub field: F,
    pub problem: Problem,
}

impl<F: Field> FieldError<F> {
    pub fn new(field: F, problem: Problem) -> Self {
        Self { field, problem }
    }
}

impl<F: Field> fmt::Display for FieldError<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field.name(), self.problem)
    }
}

/// What a form would save, checked: the problems found in reading its text (`unread`, a day
/// that is not a date) and those its record's own rules find, in the order of the fields;
/// the record itself when there are none.
pub fn checked<T, F: Field>(
    record: T,
    unread: Vec<FieldError<F>>,
    rules: impl FnOnce(&T) -> Vec<FieldError<F>>,
) -> Result<T, Vec<FieldError<F>>> {
    let mut errors = unread;
    errors.extend(rules(&record));
    errors.sort_by_key(|e| e.field);
    if errors.is_empty() {
        Ok(record)
    } else {
        Err(errors)
    }
}

/// What is wrong with the day something happened, if anything: it is later than
/// `latest_day`, or outside [`SANE_DAYS`]. A form allows today at the latest; a file allows
/// tomorrow, as a neighbour's calendar may already be a day ahead.
pub fn past_day_problem(day: NaiveDate, latest_day: NaiveDate) -> Option<Problem> {
    if day > latest_day {
        Some(Problem::FutureDate)
    } else if !is_sane_day(day) {
        Some(Problem::OutOfRange)
    } else {
        None
    }
}

/// Characters that change how text is shown without being seen: zero-width spaces and
/// joiners, and the controls that reverse the direction of text.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// The controls that embed, override or isolate the direction of the text after them
/// (U+202A–U+202E, U+2066–U+2069). In a name they can disguise a record: "\u{202E}yaM"
/// shows as "May". The marks U+200E and U+200F only set the direction of the characters
/// around them, which names mixing Arabic or Hebrew with Latin letters need, and stay.
pub fn is_direction_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without [direction overrides](is_direction_override).
pub fn without_direction_overrides(text: &str) -> String {
    text.chars()
        .filter(|c| !is_direction_override(*c))
        .collect()
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
    fn sane_days_run_from_1900_to_2200_and_the_problem_says_so() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(is_sane_day(day(1900, 1, 1)) && is_sane_day(day(2200, 12, 31)));
        assert!(!is_sane_day(day(1899, 12, 31)) && !is_sane_day(day(2201, 1, 1)));
        assert!(!is_sane_day(NaiveDate::MIN) && !is_sane_day(NaiveDate::MAX));
        assert!(!is_sane_stamp(DateTime::<Utc>::MAX_UTC));
        assert_eq!(
            Problem::OutOfRange.to_string(),
            "the date is out of range; choose a day from 1900-01-01 to 2200-12-31"
        );
    }

    #[test]
    fn direction_overrides_and_isolates_are_removed_and_marks_kept() {
        assert_eq!(
            without_direction_overrides("\u{202A}a\u{202E}b\u{2066}c\u{2069}\u{200E}d\u{200F}"),
            "abc\u{200E}d\u{200F}"
        );
    }

    #[test]
    fn lists_are_split_on_english_and_chinese_commas_without_blanks_or_repeats() {
        assert_eq!(
            split_list(" rides, Groceries ,,rides，探訪、 "),
            vec!["rides", "Groceries", "探訪"]
        );
    }
}
