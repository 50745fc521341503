//! Two versions of one record side by side, field by field, as typed values: what a
//! conflict, an update or a kept version differs in. The interface only puts them in words.

use chrono::{DateTime, NaiveDate, Utc};

use crate::checkin::{Answer, CheckinPerson, Mark, MarkField, PersonField, Round, RoundField};
use crate::helper::{Availability, ContactMethod, Helper, HelperField};
use crate::journal::{EntryField, JournalEntry, Kind};
use crate::need::{Need, NeedField, Status, Urgency};
use crate::offer::{Offer, OfferField};
use crate::recurrence::Repeat;
use crate::share::Shareable;
use crate::validation::Field;

/// One field's value in one version.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Text(String),
    /// Items of a list, in order.
    List(Vec<String>),
    Day(NaiveDate),
    Kind(Kind),
    Urgency(Urgency),
    Contact(ContactMethod),
    Availability(Availability),
    /// Where a need stands (its helpers and day are fields of their own).
    Status(StatusKind),
    Repeat(Repeat),
    Answer(Answer),
    /// When a round was closed, and by whom.
    Closed {
        at: DateTime<Utc>,
        by: String,
    },
}

/// A need's status without what it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Open,
    Matched,
    Done,
}

/// A field whose value differs between the versions; `None` where a version leaves it empty.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference<F> {
    pub field: F,
    pub ours: Option<FieldValue>,
    pub theirs: Option<FieldValue>,
}

/// What two versions of one record differ in.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison<F> {
    pub ours_deleted: bool,
    pub theirs_deleted: bool,
    /// The fields that differ, in the order of their names (a deleted version has none
    /// filled in).
    pub differences: Vec<Difference<F>>,
}

/// A record whose filled-in fields can be compared.
pub trait Compared: Shareable {
    /// The fields filled in, each with its value; ids, stamps and revisions are left out,
    /// as they differ by nature.
    fn values(&self) -> Vec<(Self::Field, FieldValue)>;
}

/// Compares two versions field by field, leaving out what both say the same, so that an
/// update or a conflict shows just what differs.
pub fn compare<T: Compared>(ours: &T, theirs: &T) -> Comparison<T::Field> {
    let filled = |version: &T| {
        if version.is_deleted() {
            Vec::new()
        } else {
            version.values()
        }
    };
    let (ours_values, theirs_values) = (filled(ours), filled(theirs));
    let mut fields: Vec<T::Field> = ours_values
        .iter()
        .chain(&theirs_values)
        .map(|(field, _)| *field)
        .collect();
    fields.sort_by_key(|field| field.name());
    fields.dedup();
    let value_of = |values: &[(T::Field, FieldValue)], field: T::Field| {
        values
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, value)| value.clone())
    };
    let differences = fields
        .into_iter()
        .map(|field| Difference {
            field,
            ours: value_of(&ours_values, field),
            theirs: value_of(&theirs_values, field),
        })
        .filter(|d| d.ours != d.theirs)
        .collect();
    Comparison {
        ours_deleted: ours.is_deleted(),
        theirs_deleted: theirs.is_deleted(),
        differences,
    }
}

/// Gathers the filled-in fields: empty text, lists and unset values are left out.
struct Filled<F>(Vec<(F, FieldValue)>);

impl<F> Filled<F> {
    fn text(mut self, field: F, text: &str) -> Self {
        if !text.is_empty() {
            self.0.push((field, FieldValue::Text(text.to_string())));
        }
        self
    }

    fn list<T: ToString>(mut self, field: F, items: &[T]) -> Self {
        if !items.is_empty() {
            let items = items.iter().map(ToString::to_string).collect();
            self.0.push((field, FieldValue::List(items)));
        }
        self
    }

    fn value(mut self, field: F, value: Option<FieldValue>) -> Self {
        if let Some(value) = value {
            self.0.push((field, value));
        }
        self
    }
}

impl Compared for JournalEntry {
    fn values(&self) -> Vec<(EntryField, FieldValue)> {
        Filled(Vec::new())
            .text(EntryField::Text, &self.text)
            .value(EntryField::Kind, Some(FieldValue::Kind(self.kind)))
            .value(EntryField::Date, Some(FieldValue::Day(self.date)))
            .text(EntryField::Person, &self.person)
            .text(EntryField::Category, &self.category)
            .list(EntryField::Tags, &self.tags)
            .text(EntryField::PrivateNote, &self.private_note)
            .0
    }
}

impl Compared for Helper {
    fn values(&self) -> Vec<(HelperField, FieldValue)> {
        let availability = &self.availability;
        let free = !(availability.days.is_empty()
            && availability.parts.is_empty()
            && availability.note.is_empty());
        Filled(Vec::new())
            .text(HelperField::Name, &self.name)
            .list(HelperField::CanHelpWith, &self.can_help_with)
            .list(HelperField::Languages, &self.languages)
            .value(
                HelperField::Availability,
                free.then(|| FieldValue::Availability(availability.clone())),
            )
            .text(HelperField::Area, &self.area)
            .text(HelperField::Phone, &self.phone)
            .text(HelperField::Email, &self.email)
            .value(
                HelperField::PreferredContact,
                self.preferred_contact.map(FieldValue::Contact),
            )
            .text(HelperField::PrivateNote, &self.private_note)
            .value(
                HelperField::LastContacted,
                self.last_contacted.map(FieldValue::Day),
            )
            .0
    }
}

impl Compared for Need {
    fn values(&self) -> Vec<(NeedField, FieldValue)> {
        let (status, helpers, on) = match &self.status {
            Status::Open => (StatusKind::Open, &[][..], None),
            Status::Matched { helpers } => (StatusKind::Matched, &helpers[..], None),
            Status::Done { helpers, on } => (StatusKind::Done, &helpers[..], Some(*on)),
        };
        Filled(Vec::new())
            .text(NeedField::What, &self.what)
            .text(NeedField::ForWhom, &self.for_whom)
            .text(NeedField::Category, &self.category)
            .value(NeedField::Urgency, Some(FieldValue::Urgency(self.urgency)))
            .text(NeedField::Language, &self.language)
            .value(NeedField::NeededBy, self.needed_by.map(FieldValue::Day))
            .value(
                NeedField::FollowUpOn,
                self.follow_up_on.map(FieldValue::Day),
            )
            .text(NeedField::Notes, &self.notes)
            .value(NeedField::Repeats, self.repeats.map(FieldValue::Repeat))
            .value(NeedField::Status, Some(FieldValue::Status(status)))
            .list(NeedField::Helpers, helpers)
            .value(NeedField::On, on.map(FieldValue::Day))
            .0
    }
}

impl Compared for CheckinPerson {
    fn values(&self) -> Vec<(PersonField, FieldValue)> {
        Filled(Vec::new())
            .text(PersonField::Name, &self.name)
            .text(PersonField::Phone, &self.phone)
            .text(PersonField::Address, &self.address)
            .text(PersonField::EmergencyContact, &self.emergency_contact)
            .text(PersonField::Language, &self.language)
            .text(PersonField::Notes, &self.notes)
            .text(PersonField::PrivateNote, &self.private_note)
            .0
    }
}

impl Compared for Round {
    fn values(&self) -> Vec<(RoundField, FieldValue)> {
        Filled(Vec::new())
            .text(RoundField::Reason, &self.reason)
            .text(RoundField::StartedBy, &self.started_by)
            .list(RoundField::People, &self.people)
            .value(
                RoundField::Closed,
                self.closed.as_ref().map(|closed| FieldValue::Closed {
                    at: closed.at,
                    by: closed.by.clone(),
                }),
            )
            .0
    }
}

impl Compared for Mark {
    fn values(&self) -> Vec<(MarkField, FieldValue)> {
        Filled(Vec::new())
            .text(MarkField::Round, &self.round.to_string())
            .text(MarkField::Person, &self.person.to_string())
            .value(MarkField::Answer, Some(FieldValue::Answer(self.answer)))
            .text(MarkField::By, &self.by)
            .value(
                MarkField::Need,
                self.need.map(|id| FieldValue::Text(id.to_string())),
            )
            .0
    }
}

impl Compared for Offer {
    fn values(&self) -> Vec<(OfferField, FieldValue)> {
        Filled(Vec::new())
            .text(OfferField::NeedId, &self.need_id.to_string())
            .text(OfferField::Name, &self.name)
            .text(OfferField::Note, &self.note)
            .text(OfferField::Device, &self.device.to_string())
            .0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::tests::{at, entry};
    use crate::record::Record;
    use uuid::Uuid;

    #[test]
    fn only_the_fields_that_differ_are_compared_in_the_order_of_their_names() {
        let mut ours = Helper::new(Uuid::from_u128(1), at(1), "May Chan".into());
        ours.phone = "+852 2345 6789".into();
        ours.area = "Sham Shui Po".into();
        let mut theirs = ours.clone();
        theirs.phone = "+852 9876 5432".into();
        theirs.last_contacted = NaiveDate::from_ymd_opt(2026, 11, 1);
        theirs.languages = vec!["Cantonese".into(), "Hakka".into()];
        assert_eq!(
            compare(&ours, &theirs),
            Comparison {
                ours_deleted: false,
                theirs_deleted: false,
                differences: vec![
                    Difference {
                        field: HelperField::Languages,
                        ours: None,
                        theirs: Some(FieldValue::List(vec!["Cantonese".into(), "Hakka".into()])),
                    },
                    Difference {
                        field: HelperField::LastContacted,
                        ours: None,
                        theirs: Some(FieldValue::Day(
                            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
                        )),
                    },
                    Difference {
                        field: HelperField::Phone,
                        ours: Some(FieldValue::Text("+852 2345 6789".into())),
                        theirs: Some(FieldValue::Text("+852 9876 5432".into())),
                    },
                ],
            }
        );
    }

    #[test]
    fn text_that_looks_like_a_date_stays_text_and_a_date_is_a_day() {
        let mut ours = entry(1, "2026-11-23", at(1));
        ours.person = "Mrs Lee".into();
        let mut theirs = ours.clone();
        theirs.text = "Soup".into();
        theirs.date = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let differences = compare(&ours, &theirs).differences;
        assert_eq!(
            differences.iter().map(|d| d.field).collect::<Vec<_>>(),
            [EntryField::Date, EntryField::Text]
        );
        assert_eq!(
            differences[1].ours,
            Some(FieldValue::Text("2026-11-23".into()))
        );
        assert_eq!(
            differences[0].theirs,
            Some(FieldValue::Day(
                NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
            ))
        );
    }

    #[test]
    fn a_deleted_version_has_no_fields_and_says_it_is_deleted() {
        let mut ours = Need::new(Uuid::from_u128(3), at(1), "A ride".into());
        ours.status = Status::Matched {
            helpers: vec![Uuid::from_u128(1)],
        };
        let mut theirs = ours.clone();
        theirs.deleted_at = Some(at(2));
        let comparison = compare(&ours, &theirs);
        assert!(!comparison.ours_deleted && comparison.theirs_deleted);
        assert!(comparison.differences.iter().all(|d| d.theirs.is_none()));
        assert_eq!(
            comparison
                .differences
                .iter()
                .map(|d| (d.field.name(), d.ours.clone().unwrap()))
                .collect::<Vec<_>>(),
            [
                (
                    "helpers",
                    FieldValue::List(vec![Uuid::from_u128(1).to_string()])
                ),
                ("status", FieldValue::Status(StatusKind::Matched)),
                ("urgency", FieldValue::Urgency(Urgency::default())),
                ("what", FieldValue::Text("A ride".into())),
            ]
        );
        assert!(theirs.is_deleted());
    }
}
