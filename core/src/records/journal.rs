//! The journal of kindness acts: given, received or witnessed.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::record::{impl_record, CollectionName};
use crate::validation::{
    checked, is_blank, past_day_problem, record_fields, split_list, without_direction_overrides,
    FieldError, Problem,
};

/// Whose kindness it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Given,
    Received,
    Witnessed,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Given, Kind::Received, Kind::Witnessed];

    /// The stable name used in storage, files and form values.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Given => "given",
            Kind::Received => "received",
            Kind::Witnessed => "witnessed",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// One act of kindness in the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<DateTime<Utc>>,
    /// This version's revision: what it was made from is in `ancestors`.
    pub rev: crate::revision::Rev,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ancestors: Vec<crate::revision::Rev>,
    /// Concurrent versions that lost the merge, kept until the person chooses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<JournalEntry>,
    /// What happened, in the writer's words.
    pub text: String,
    pub kind: Kind,
    /// The day it happened, in the writer's own calendar (no time zone).
    pub date: NaiveDate,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub person: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub category: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Never shared unless the writer chooses to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub private_note: String,
}

impl_record!(JournalEntry, CollectionName::Journal, private_note);

record_fields! {
    /// A journal entry's fields.
    EntryField {
        Text => "text",
        Kind => "kind",
        Date => "date",
        Person => "person",
        Category => "category",
        Tags => "tags",
        PrivateNote => "private_note",
    }
}

impl JournalEntry {
    pub fn new(id: Uuid, now: DateTime<Utc>, text: String, kind: Kind, date: NaiveDate) -> Self {
        Self {
            id,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            rev: crate::revision::Rev::NONE,
            ancestors: Vec::new(),
            conflicts: Vec::new(),
            text,
            kind,
            date,
            person: String::new(),
            category: String::new(),
            tags: Vec::new(),
            private_note: String::new(),
        }
    }
}

impl JournalEntry {
    /// What is wrong with the entry: the one set of rules for the form (`latest_day` is
    /// today) and for a file (tomorrow).
    pub fn check(&self, latest_day: NaiveDate) -> Vec<FieldError<EntryField>> {
        let mut errors = Vec::new();
        if is_blank(&self.text) {
            errors.push(FieldError::new(EntryField::Text, Problem::Required));
        }
        if let Some(problem) = past_day_problem(self.date, latest_day) {
            errors.push(FieldError::new(EntryField::Date, problem));
        }
        errors
    }

    /// Whether the entry contains every word of a search, ignoring case, in its text, person,
    /// category, tags or private note.
    pub fn matches(&self, query: &str) -> bool {
        // Most lists are drawn with no search at all: no need to lower-case every entry.
        if query.trim().is_empty() {
            return true;
        }
        let haystack = [
            self.text.as_str(),
            &self.person,
            &self.category,
            &self.tags.join(" "),
            &self.private_note,
        ]
        .join("\n")
        .to_lowercase();
        query
            .to_lowercase()
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }
}

/// What the journal list shows: entries containing every word of the search, of one kind,
/// in one category, between two days (each part optional).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JournalFilter {
    pub query: String,
    pub kind: Option<Kind>,
    pub category: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl JournalFilter {
    pub fn matches(&self, entry: &JournalEntry) -> bool {
        self.kind.is_none_or(|kind| entry.kind == kind)
            && self.category.as_ref().is_none_or(|c| &entry.category == c)
            && self.from.is_none_or(|from| entry.date >= from)
            && self.to.is_none_or(|to| entry.date <= to)
            && entry.matches(&self.query)
    }

    /// True when the filter lets every entry through.
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty()
            && self.kind.is_none()
            && self.category.is_none()
            && self.from.is_none()
            && self.to.is_none()
    }
}

/// Sorts entries newest first: by the day they happened, then by when they were written.
pub fn newest_first(entries: &mut [&JournalEntry]) {
    entries.sort_by(|a, b| b.date.cmp(&a.date).then(b.created_at.cmp(&a.created_at)));
}

/// The journal form as typed: every field is text until it is checked.
/// Serialisable so that a half-written form can be kept as a draft (`src/drafts.rs`);
/// missing fields read as empty, so that a draft outlives a field added later.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct JournalDraft {
    pub text: String,
    pub kind: Kind,
    /// `YYYY-MM-DD`, as a date input gives it.
    pub date: String,
    pub person: String,
    pub category: String,
    /// Comma-separated.
    pub tags: String,
    pub private_note: String,
}

impl JournalDraft {
    /// A blank form for a new entry dated today.
    pub fn new_for(today: NaiveDate) -> Self {
        Self {
            date: today.format("%Y-%m-%d").to_string(),
            ..Self::default()
        }
    }

    /// The form filled in from an entry, for editing it.
    pub fn from_entry(entry: &JournalEntry) -> Self {
        Self {
            text: entry.text.clone(),
            kind: entry.kind,
            date: entry.date.format("%Y-%m-%d").to_string(),
            person: entry.person.clone(),
            category: entry.category.clone(),
            tags: entry.tags.join(", "),
            private_note: entry.private_note.clone(),
        }
    }

    /// Checks the form. `today` is the writer's local date: an entry may not be dated later.
    /// On success, returns the entry: `existing` updated, or a new one with `new_id`.
    pub fn to_entry(
        &self,
        existing: Option<&JournalEntry>,
        new_id: Uuid,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<JournalEntry, Vec<FieldError<EntryField>>> {
        let mut errors = Vec::new();
        // A date that cannot be read is said as such; today stands in for it meanwhile,
        // which nothing else finds fault with.
        let date = NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d").unwrap_or_else(|_| {
            errors.push(FieldError::new(EntryField::Date, Problem::NotADate));
            today
        });
        let mut entry = match existing {
            Some(entry) => entry.clone(),
            None => JournalEntry::new(new_id, now, String::new(), self.kind, date),
        };
        // As in a file from elsewhere: words cannot be turned around to pass for others.
        entry.text = without_direction_overrides(self.text.trim());
        entry.kind = self.kind;
        entry.date = date;
        entry.person = without_direction_overrides(self.person.trim());
        entry.category = self.category.trim().to_string();
        entry.tags = split_list(&self.tags);
        entry.private_note = self.private_note.trim().to_string();
        // The same rules as a file's, on what the form would save.
        checked(entry, errors, |entry| entry.check(today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::tests::at;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn an_empty_text_is_refused_with_a_message_that_names_the_field() {
        let draft = JournalDraft {
            text: "   ".into(),
            ..JournalDraft::new_for(day(2))
        };
        let errors = draft
            .to_entry(None, Uuid::nil(), at(0), day(2))
            .unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError::new(EntryField::Text, Problem::Required)]
        );
    }

    #[test]
    fn a_future_date_is_refused_and_today_or_earlier_is_accepted() {
        let mut draft = JournalDraft {
            text: "Carried Mrs Chan's shopping".into(),
            ..JournalDraft::new_for(day(3))
        };
        let errors = draft
            .to_entry(None, Uuid::nil(), at(0), day(2))
            .unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError::new(EntryField::Date, Problem::FutureDate)]
        );

        draft.date = "2026-11-02".into();
        assert_eq!(
            draft
                .to_entry(None, Uuid::nil(), at(0), day(2))
                .unwrap()
                .date,
            day(2)
        );
        draft.date = "2025-01-31".into();
        assert!(draft.to_entry(None, Uuid::nil(), at(0), day(2)).is_ok());
    }

    #[test]
    fn a_date_before_1900_is_refused_as_out_of_range() {
        let mut draft = JournalDraft {
            text: "Carried Mrs Chan's shopping".into(),
            date: "1899-12-31".into(),
            ..JournalDraft::default()
        };
        let errors = draft
            .to_entry(None, Uuid::nil(), at(0), day(2))
            .unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError::new(EntryField::Date, Problem::OutOfRange)]
        );
        draft.date = "1900-01-01".into();
        assert!(draft.to_entry(None, Uuid::nil(), at(0), day(2)).is_ok());
    }

    #[test]
    fn a_date_that_is_not_a_date_is_refused() {
        let draft = JournalDraft {
            text: "x".into(),
            date: "2026-02-30".into(),
            ..JournalDraft::default()
        };
        let errors = draft
            .to_entry(None, Uuid::nil(), at(0), day(2))
            .unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError::new(EntryField::Date, Problem::NotADate)]
        );
    }

    #[test]
    fn search_finds_every_word_anywhere_ignoring_case() {
        let mut entry = JournalEntry::new(
            Uuid::nil(),
            at(1),
            "Drove Mrs Chan".into(),
            Kind::Given,
            day(1),
        );
        entry.tags = vec!["clinic".into()];
        entry.private_note = "She was worried".into();
        assert!(entry.matches("mrs CLINIC"));
        assert!(entry.matches("worried"));
        assert!(entry.matches(""));
        assert!(!entry.matches("chan groceries"));
    }

    #[test]
    fn a_filter_combines_search_kind_category_and_dates() {
        let mut ride = JournalEntry::new(
            Uuid::from_u128(1),
            at(1),
            "Drove Mrs Chan".into(),
            Kind::Given,
            day(5),
        );
        ride.category = "a ride".into();
        let filter = JournalFilter {
            query: "chan".into(),
            kind: Some(Kind::Given),
            category: Some("a ride".into()),
            from: Some(day(5)),
            to: Some(day(5)),
        };
        assert!(filter.matches(&ride));
        assert!(!JournalFilter {
            kind: Some(Kind::Received),
            ..filter.clone()
        }
        .matches(&ride));
        assert!(!JournalFilter {
            category: Some("listening".into()),
            ..filter.clone()
        }
        .matches(&ride));
        assert!(!JournalFilter {
            from: Some(day(6)),
            ..filter.clone()
        }
        .matches(&ride));
        assert!(!JournalFilter {
            to: Some(day(4)),
            ..filter.clone()
        }
        .matches(&ride));
        assert!(!JournalFilter {
            query: "groceries".into(),
            ..filter.clone()
        }
        .matches(&ride));
        assert!(JournalFilter::default().is_empty());
        assert!(!filter.is_empty());
    }

    #[test]
    fn newest_first_orders_by_day_then_by_writing_time() {
        let older_day =
            JournalEntry::new(Uuid::from_u128(1), at(9), "a".into(), Kind::Given, day(1));
        let written_first =
            JournalEntry::new(Uuid::from_u128(2), at(1), "b".into(), Kind::Given, day(2));
        let written_last =
            JournalEntry::new(Uuid::from_u128(3), at(5), "c".into(), Kind::Given, day(2));
        let mut list = vec![&older_day, &written_first, &written_last];
        newest_first(&mut list);
        let texts: Vec<_> = list.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, vec!["c", "b", "a"]);
    }

    #[test]
    fn editing_keeps_the_id_and_creation_time_and_tidies_the_fields() {
        let original =
            JournalEntry::new(Uuid::from_u128(9), at(1), "a".into(), Kind::Given, day(1));
        let mut draft = JournalDraft::from_entry(&original);
        draft.text = "  Sat with Mr Lee  ".into();
        draft.kind = Kind::Witnessed;
        draft.tags = "company, visits,".into();
        let edited = draft
            .to_entry(Some(&original), Uuid::nil(), at(5), day(2))
            .unwrap();
        assert_eq!(edited.id, original.id);
        assert_eq!(edited.created_at, at(1));
        assert_eq!(edited.text, "Sat with Mr Lee");
        assert_eq!(edited.kind, Kind::Witnessed);
        assert_eq!(edited.tags, vec!["company", "visits"]);
    }
}
