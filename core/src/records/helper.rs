//! The helper directory: neighbours and volunteers who can help, with what, when, in which
//! languages.

use chrono::{DateTime, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::contact::{is_email, is_phone};
use crate::record::{impl_record, CollectionName};
use crate::validation::{
    checked, is_blank, past_day_problem, record_fields, split_list, without_direction_overrides,
    FieldError, Problem,
};

/// A part of the day someone can be free.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
}

impl DayPart {
    pub const ALL: [DayPart; 3] = [DayPart::Morning, DayPart::Afternoon, DayPart::Evening];
}

/// The days of the week, Monday first.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// When someone is usually free. Empty days or parts mean "not said", not "never".
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Availability {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<Weekday>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<DayPart>,
    /// In the helper's words: "not during school holidays".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Availability {
    /// Whether the helper said they are free on this day of the week.
    pub fn free_on(&self, day: Weekday) -> bool {
        self.days.contains(&day)
    }
}

/// How a helper likes to be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactMethod {
    Phone,
    Text,
    Email,
}

impl ContactMethod {
    pub const ALL: [ContactMethod; 3] = [
        ContactMethod::Phone,
        ContactMethod::Text,
        ContactMethod::Email,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactMethod::Phone => "phone",
            ContactMethod::Text => "text",
            ContactMethod::Email => "email",
        }
    }
}

/// Someone who can help.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Helper {
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
    pub conflicts: Vec<Helper>,
    pub name: String,
    /// Categories, from the same list as the journal's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub can_help_with: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    #[serde(default)]
    pub availability: Availability,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub area: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_contact: Option<ContactMethod>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub private_note: String,
    /// When someone last asked them for help: matching spreads the load by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_contacted: Option<NaiveDate>,
}

impl_record!(Helper, CollectionName::Helpers, private_note);

record_fields! {
    /// A helper's fields.
    HelperField {
        Name => "name",
        CanHelpWith => "can_help_with",
        Languages => "languages",
        Availability => "availability",
        Area => "area",
        Phone => "phone",
        Email => "email",
        PreferredContact => "preferred_contact",
        PrivateNote => "private_note",
        LastContacted => "last_contacted",
    }
}

impl Helper {
    /// What is wrong with the helper: the one set of rules for the form (`latest_day` is
    /// today) and for a file (tomorrow).
    pub fn check(&self, latest_day: NaiveDate) -> Vec<FieldError<HelperField>> {
        let mut errors = Vec::new();
        if is_blank(&self.name) {
            errors.push(FieldError::new(HelperField::Name, Problem::Required));
        }
        if !self.phone.is_empty() && !is_phone(&self.phone) {
            errors.push(FieldError::new(HelperField::Phone, Problem::NotAPhone));
        }
        if !self.email.is_empty() && !is_email(&self.email) {
            errors.push(FieldError::new(HelperField::Email, Problem::NotAnEmail));
        }
        if let Some(problem) = self
            .last_contacted
            .and_then(|day| past_day_problem(day, latest_day))
        {
            errors.push(FieldError::new(HelperField::LastContacted, problem));
        }
        errors
    }
}

impl Helper {
    pub fn new(id: Uuid, now: DateTime<Utc>, name: String) -> Self {
        Self {
            id,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            rev: crate::revision::Rev::NONE,
            ancestors: Vec::new(),
            conflicts: Vec::new(),
            name,
            can_help_with: Vec::new(),
            languages: Vec::new(),
            availability: Availability::default(),
            area: String::new(),
            phone: String::new(),
            email: String::new(),
            preferred_contact: None,
            private_note: String::new(),
            last_contacted: None,
        }
    }

    /// Whether the helper speaks a language, ignoring case ("cantonese" = "Cantonese").
    pub fn speaks(&self, language: &str) -> bool {
        self.languages
            .iter()
            .any(|l| l.trim().eq_ignore_ascii_case(language.trim()))
    }

    /// Whether the helper contains every word of a search in any of their public fields.
    pub fn matches(&self, query: &str) -> bool {
        let haystack = [
            self.name.as_str(),
            &self.can_help_with.join(" "),
            &self.languages.join(" "),
            &self.area,
            &self.availability.note,
            &self.phone,
            &self.email,
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

/// What the helper list shows: a search, and optionally one category, language and day.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HelperFilter {
    pub query: String,
    pub category: Option<String>,
    pub language: Option<String>,
    pub day: Option<Weekday>,
}

impl HelperFilter {
    pub fn matches(&self, helper: &Helper) -> bool {
        helper.matches(&self.query)
            && self
                .category
                .as_ref()
                .is_none_or(|c| helper.can_help_with.contains(c))
            && self.language.as_ref().is_none_or(|l| helper.speaks(l))
            && self.day.is_none_or(|d| helper.availability.free_on(d))
    }
}

/// The helper form as typed.
/// Serialisable so that a half-written form can be kept as a draft (`src/drafts.rs`);
/// missing fields read as empty, so that a draft outlives a field added later.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct HelperDraft {
    pub name: String,
    pub can_help_with: Vec<String>,
    /// Comma-separated.
    pub languages: String,
    pub days: Vec<Weekday>,
    pub parts: Vec<DayPart>,
    pub availability_note: String,
    pub area: String,
    pub phone: String,
    pub email: String,
    pub preferred_contact: Option<ContactMethod>,
    pub private_note: String,
    /// `YYYY-MM-DD` or empty.
    pub last_contacted: String,
}

impl HelperDraft {
    pub fn from_helper(helper: &Helper) -> Self {
        Self {
            name: helper.name.clone(),
            can_help_with: helper.can_help_with.clone(),
            languages: helper.languages.join(", "),
            days: helper.availability.days.clone(),
            parts: helper.availability.parts.clone(),
            availability_note: helper.availability.note.clone(),
            area: helper.area.clone(),
            phone: helper.phone.clone(),
            email: helper.email.clone(),
            preferred_contact: helper.preferred_contact,
            private_note: helper.private_note.clone(),
            last_contacted: helper
                .last_contacted
                .map(|d| d.to_string())
                .unwrap_or_default(),
        }
    }

    /// Checks the form; on success returns `existing` updated or a new helper with `new_id`.
    pub fn to_helper(
        &self,
        existing: Option<&Helper>,
        new_id: Uuid,
        now: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Helper, Vec<FieldError<HelperField>>> {
        let mut errors = Vec::new();
        let last_contacted = match self.last_contacted.trim() {
            "" => None,
            text => text
                .parse::<NaiveDate>()
                .map_err(|_| {
                    errors.push(FieldError::new(
                        HelperField::LastContacted,
                        Problem::NotADate,
                    ))
                })
                .ok(),
        };
        let mut helper = existing
            .cloned()
            .unwrap_or_else(|| Helper::new(new_id, now, String::new()));
        // As in a file from elsewhere: a name cannot be turned around to pass for another.
        helper.name = without_direction_overrides(self.name.trim());
        helper.can_help_with = self.can_help_with.clone();
        helper.languages = split_list(&self.languages);
        let mut days = self.days.clone();
        days.sort_by_key(|d| d.num_days_from_monday());
        days.dedup();
        let mut parts = self.parts.clone();
        parts.sort();
        parts.dedup();
        helper.availability = Availability {
            days,
            parts,
            note: self.availability_note.trim().to_string(),
        };
        helper.area = self.area.trim().to_string();
        helper.phone = self.phone.trim().to_string();
        helper.email = self.email.trim().to_string();
        helper.preferred_contact = self.preferred_contact;
        helper.private_note = self.private_note.trim().to_string();
        helper.last_contacted = last_contacted;
        // The same rules as a file's, on what the form would save.
        checked(helper, errors, |helper| helper.check(today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::tests::at;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn a_helper_needs_a_name_and_contact_details_that_are_what_they_say() {
        let draft = HelperDraft {
            phone: "javascript:alert(1)".into(),
            email: "not an address".into(),
            ..HelperDraft::default()
        };
        let errors = draft
            .to_helper(None, Uuid::nil(), at(0), today())
            .unwrap_err();
        assert_eq!(
            errors,
            vec![
                FieldError::new(HelperField::Name, Problem::Required),
                FieldError::new(HelperField::Phone, Problem::NotAPhone),
                FieldError::new(HelperField::Email, Problem::NotAnEmail),
            ]
        );
    }

    #[test]
    fn a_valid_form_becomes_a_tidy_helper() {
        let draft = HelperDraft {
            name: "  May Chan ".into(),
            can_help_with: vec!["a ride".into()],
            languages: "Cantonese, English,".into(),
            days: vec![Weekday::Tue, Weekday::Mon, Weekday::Tue],
            parts: vec![DayPart::Morning],
            phone: "+852 2345 6789".into(),
            email: "may@example.hk".into(),
            last_contacted: "2026-11-20".into(),
            ..HelperDraft::default()
        };
        let helper = draft
            .to_helper(None, Uuid::from_u128(4), at(0), today())
            .unwrap();
        assert_eq!(helper.name, "May Chan");
        assert_eq!(helper.languages, vec!["Cantonese", "English"]);
        assert_eq!(helper.availability.days, vec![Weekday::Mon, Weekday::Tue]);
        assert!(helper.speaks("cantonese"));
        assert_eq!(
            HelperDraft::from_helper(&helper).languages,
            "Cantonese, English"
        );
    }

    #[test]
    fn a_last_contacted_day_before_1900_is_refused_as_out_of_range() {
        let draft = HelperDraft {
            name: "May Chan".into(),
            last_contacted: "1026-11-20".into(),
            ..HelperDraft::default()
        };
        assert_eq!(
            draft
                .to_helper(None, Uuid::nil(), at(0), today())
                .unwrap_err(),
            vec![FieldError::new(
                HelperField::LastContacted,
                Problem::OutOfRange
            )]
        );
    }

    #[test]
    fn the_filter_finds_by_words_category_language_and_day() {
        let mut helper = Helper::new(Uuid::nil(), at(0), "Sam Wong".into());
        helper.can_help_with = vec!["errands and groceries".into()];
        helper.languages = vec!["Mandarin".into()];
        helper.availability.days = vec![Weekday::Sat];
        helper.area = "Sham Shui Po".into();
        let all = HelperFilter {
            query: "sham wong".into(),
            category: Some("errands and groceries".into()),
            language: Some("mandarin".into()),
            day: Some(Weekday::Sat),
        };
        assert!(all.matches(&helper));
        assert!(!HelperFilter {
            day: Some(Weekday::Mon),
            ..all.clone()
        }
        .matches(&helper));
        assert!(!HelperFilter {
            language: Some("Cantonese".into()),
            ..all.clone()
        }
        .matches(&helper));
        assert!(!HelperFilter {
            category: Some("a ride".into()),
            ..all.clone()
        }
        .matches(&helper));
        assert!(!HelperFilter {
            query: "lee".into(),
            ..all
        }
        .matches(&helper));
    }

    #[test]
    fn a_name_typed_with_direction_overrides_is_saved_without_them() {
        let draft = HelperDraft {
            name: "\u{202E}yaM\u{202C} Chan".into(),
            ..HelperDraft::default()
        };
        let helper = draft
            .to_helper(None, Uuid::from_u128(1), at(1), today())
            .unwrap();
        assert_eq!(helper.name, "yaM Chan");
    }
}
