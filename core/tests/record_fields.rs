//! The one vocabulary of fields: each record's field names are the keys its file writes, and
//! a form refuses what a file is refused for, with the same fields named.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, TimeZone, Utc, Weekday};
use kindred_core::checkin::{
    Answer, CheckinPerson, Closed, Mark, MarkField, PersonField, Round, RoundField,
};
use kindred_core::helper::{Availability, ContactMethod, Helper, HelperDraft, HelperField};
use kindred_core::journal::{EntryField, JournalDraft, JournalEntry, Kind};
use kindred_core::need::{Need, NeedField, Status};
use kindred_core::offer::{Offer, OfferField};
use kindred_core::recurrence::{Every, Repeat};
use kindred_core::share::Shareable;
use kindred_core::validation::{Field, FieldError, Problem};
use serde::Serialize;
use uuid::Uuid;

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// The keys a record's file writes for its content: everything but its id, stamps and
/// revisions.
fn content_keys(record: &impl Serialize) -> BTreeSet<String> {
    let stamps = [
        "id",
        "created_at",
        "updated_at",
        "deleted_at",
        "rev",
        "ancestors",
    ];
    serde_json::to_value(record)
        .unwrap()
        .as_object()
        .unwrap()
        .keys()
        .filter(|k| !stamps.contains(&k.as_str()))
        .cloned()
        .collect()
}

fn names<F: Field>(all: &[F]) -> BTreeSet<String> {
    all.iter().map(|f| f.name().to_string()).collect()
}

#[test]
fn every_field_is_named_as_its_file_writes_it() {
    let id = Uuid::from_u128(1);
    let mut helper = Helper::new(id, at(), "May".into());
    helper.can_help_with = vec!["rides".into()];
    helper.languages = vec!["Cantonese".into()];
    helper.availability = Availability {
        days: vec![Weekday::Tue],
        parts: Vec::new(),
        note: String::new(),
    };
    helper.area = "Sham Shui Po".into();
    helper.phone = "+852 2345 6789".into();
    helper.email = "may@example.org".into();
    helper.preferred_contact = Some(ContactMethod::Phone);
    helper.private_note = "her son".into();
    helper.last_contacted = Some(day(1));
    assert_eq!(content_keys(&helper), names(HelperField::ALL));

    let mut need = Need::new(id, at(), "A ride".into());
    need.for_whom = "Mrs Lee".into();
    need.category = "rides".into();
    need.language = "Cantonese".into();
    need.needed_by = Some(day(3));
    need.follow_up_on = Some(day(4));
    need.notes = "wheelchair".into();
    need.repeats = Some(Repeat {
        every: Every::Week,
        from: day(3),
    });
    need.status = Status::Done {
        helpers: vec![id],
        on: day(2),
    };
    assert_eq!(content_keys(&need), names(NeedField::ALL));

    let mut entry = JournalEntry::new(id, at(), "Soup".into(), Kind::Given, day(1));
    entry.person = "Mrs Lee".into();
    entry.category = "meals".into();
    entry.tags = vec!["winter".into()];
    entry.private_note = "she was tired".into();
    assert_eq!(content_keys(&entry), names(EntryField::ALL));

    let mut person = CheckinPerson::new(id, at(), "Mr Wong".into());
    person.phone = "2345 6789".into();
    person.address = "Flat 3".into();
    person.emergency_contact = "his daughter".into();
    person.language = "Hakka".into();
    person.notes = "hard of hearing".into();
    person.private_note = "key under the mat".into();
    assert_eq!(content_keys(&person), names(PersonField::ALL));

    let mut round = Round::new(id, at(), "Typhoon signal 8".into());
    round.started_by = "Ah Wing".into();
    round.people = vec![id];
    round.closed = Some(Closed {
        at: at(),
        by: "Ah Wing".into(),
    });
    assert_eq!(content_keys(&round), names(RoundField::ALL));

    let mut mark = Mark::new(id, at(), id, id, Answer::NeedsHelp);
    mark.by = "Ah Wing".into();
    mark.need = Some(id);
    assert_eq!(content_keys(&mark), names(MarkField::ALL));

    let mut offer = Offer::new(id, at(), id, "Ana".into(), id);
    offer.note = "Tuesday after 3".into();
    assert_eq!(content_keys(&offer), names(OfferField::ALL));
}

#[test]
fn a_form_refuses_what_a_file_is_refused_for_and_names_the_same_fields() {
    let draft = HelperDraft {
        name: " \u{200B} ".into(),
        phone: "javascript:alert(1)".into(),
        email: "not an address".into(),
        last_contacted: "1850-01-01".into(),
        ..HelperDraft::default()
    };
    let from_form = draft
        .to_helper(None, Uuid::nil(), at(), day(2))
        .unwrap_err();
    let mut in_file = Helper::new(Uuid::nil(), at(), draft.name.clone());
    in_file.phone = draft.phone.clone();
    in_file.email = draft.email.clone();
    in_file.last_contacted = Some(NaiveDate::from_ymd_opt(1850, 1, 1).unwrap());
    assert_eq!(from_form, in_file.problems(day(2)));
    assert_eq!(
        from_form.iter().map(|e| e.field.name()).collect::<Vec<_>>(),
        ["name", "phone", "email", "last_contacted"]
    );
}

#[test]
fn a_form_allows_today_at_the_latest_and_a_file_tomorrow() {
    let draft = JournalDraft {
        text: "Soup for Mrs Lee".into(),
        date: day(3).to_string(),
        ..JournalDraft::new_for(day(2))
    };
    assert_eq!(
        draft.to_entry(None, Uuid::nil(), at(), day(2)).unwrap_err(),
        vec![FieldError::new(EntryField::Date, Problem::FutureDate)]
    );
    let in_file = JournalEntry::new(Uuid::nil(), at(), draft.text.clone(), Kind::Given, day(3));
    assert!(in_file.problems(day(2)).is_empty());
    assert_eq!(
        in_file.problems(day(1)),
        vec![FieldError::new(EntryField::Date, Problem::FutureDate)]
    );
}

#[test]
fn a_form_with_a_blank_text_and_an_unreadable_date_names_both_in_the_form_s_order() {
    let draft = JournalDraft {
        text: "  ".into(),
        date: "next Tuesday".into(),
        ..JournalDraft::new_for(day(2))
    };
    assert_eq!(
        draft.to_entry(None, Uuid::nil(), at(), day(2)).unwrap_err(),
        vec![
            FieldError::new(EntryField::Text, Problem::Required),
            FieldError::new(EntryField::Date, Problem::NotADate),
        ]
    );
}
