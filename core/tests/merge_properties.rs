//! Properties of taking in a neighbour's file, checked on random small models.
//!
//! The models draw their ids from a pool of twelve per collection and their stamps from five
//! instants, so that the same record turns up in several models, edited differently, often
//! with equal `updated_at`: the ties and collisions a merge has to get right. Files go the
//! whole way a real one does (export, JSON text, parse) before `import::plan` and
//! `import::apply` take them in with the default resolution (no choices made).
//!
//! Models are compared by content: every record of every collection by id, tombstones
//! included, with `shared_at` left out because it is bookkeeping of one copy.
//!
//! What is checked, and why it matters to the people sharing files:
//! - importing a file twice is the same as once, and the second preview offers nothing, so a
//!   file opened again by mistake changes nothing (with or without private notes);
//! - files taken in in either order give the same records, so neighbours converge (both
//!   files with private notes, or both without);
//! - a model sent and read back into an empty one is itself, tombstones included (as the
//!   file carries them: ids and stamps only);
//! - a file never loses a local record: only a tombstone that wins the merge deletes one;
//! - undo puts back exactly what was there, and takes out what the import added;
//! - a file without private notes never blanks one kept here.

use std::collections::BTreeMap;
use std::fmt::Debug;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use kindred_core::helper::{ContactMethod, DayPart, Helper, WEEK};
use kindred_core::import::{self, Undo};
use kindred_core::journal::{JournalEntry, Kind};
use kindred_core::model::Model;
use kindred_core::need::{Need, Status, Urgency};
use kindred_core::record::{newer, Record, Records};
use kindred_core::share::{self, ExportChoice, ParsedFile, Shareable};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use proptest::test_runner::TestCaseError;
use uuid::Uuid;

/// How many ids each collection draws from: few, so that models share records.
const POOL: u128 = 12;
/// How many instants stamps are drawn from: few, so that `updated_at` ties.
const INSTANTS: u8 = 5;

fn instant(i: u8) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap() + Duration::minutes(i64::from(i))
}

/// When files are written and read: after every stamp a model can hold.
fn file_time() -> DateTime<Utc> {
    instant(60)
}

fn import_time() -> DateTime<Utc> {
    instant(120)
}

fn undo_time() -> DateTime<Utc> {
    instant(180)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
}

/// A day between 2026-10-28 and 2026-11-03 (tomorrow, the latest a journal entry may be).
fn day(i: u8) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 28).unwrap() + Duration::days(i64::from(i))
}

fn helper_id(n: u128) -> Uuid {
    Uuid::from_u128(0x1000 + n)
}

fn need_id(n: u128) -> Uuid {
    Uuid::from_u128(0x2000 + n)
}

fn entry_id(n: u128) -> Uuid {
    Uuid::from_u128(0x3000 + n)
}

/// Non-blank text: mostly from a few words, so that copies tie on content too, sometimes
/// anything at all after a visible first character (emoji, format characters, a leading `!`
/// that sorts before `"`).
fn words() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(vec!["May", "may", " May", "Sam", "!", "Mrs Chan", "陳太", "Zoë 🌱"])
            .prop_map(String::from),
        1 => "[\\p{L}\\p{N}\\p{P}\\p{S}]\\PC{0,8}",
    ]
    .boxed()
}

fn maybe_words() -> BoxedStrategy<String> {
    prop_oneof![Just(String::new()), words()].boxed()
}

fn stamps() -> impl Strategy<Value = (DateTime<Utc>, DateTime<Utc>)> {
    (0..INSTANTS, 0..INSTANTS).prop_map(|(a, b)| (instant(a.min(b)), instant(a.max(b))))
}

fn helper() -> impl Strategy<Value = Helper> {
    (
        (0..POOL, stamps(), words(), maybe_words(), maybe_words()),
        (
            select(vec!["", "+852 2345 6789", "2345 6789", "(02) 9999-1234"]),
            select(vec!["", "may@example.hk", "sam.w@mail.example.org"]),
            prop::collection::vec(select(vec!["Cantonese", "English", "Tagalog"]), 0..3),
            option::of(select(ContactMethod::ALL.to_vec())),
            option::of(0..7u8),
        ),
        (
            subsequence(WEEK.to_vec(), 0..=3),
            subsequence(DayPart::ALL.to_vec(), 0..=3),
            maybe_words(),
            prop::collection::vec(words(), 0..2),
        ),
    )
        .prop_map(
            |(
                (n, (created, updated), name, area, private_note),
                (phone, email, languages, preferred_contact, last_contacted),
                (days, parts, availability_note, can_help_with),
            )| {
                let mut helper = Helper::new(helper_id(n), created, name);
                helper.updated_at = updated;
                helper.area = area;
                helper.private_note = private_note;
                helper.phone = phone.into();
                helper.email = email.into();
                helper.languages = languages.into_iter().map(String::from).collect();
                helper.preferred_contact = preferred_contact;
                helper.last_contacted = last_contacted.map(day);
                helper.availability.days = days;
                helper.availability.parts = parts;
                helper.availability.note = availability_note;
                helper.can_help_with = can_help_with;
                helper
            },
        )
}

fn status() -> impl Strategy<Value = Status> {
    let helpers = || prop::collection::vec((0..POOL).prop_map(helper_id), 1..3);
    prop_oneof![
        Just(Status::Open),
        helpers().prop_map(|helpers| Status::Matched { helpers }),
        (helpers(), 0..7u8).prop_map(|(helpers, on)| Status::Done {
            helpers,
            on: day(on)
        }),
    ]
}

fn need() -> impl Strategy<Value = Need> {
    (
        (0..POOL, stamps(), words(), maybe_words(), maybe_words()),
        (
            select(Urgency::ALL.to_vec()),
            maybe_words(),
            option::of(0..7u8),
            option::of(0..7u8),
            maybe_words(),
            status(),
        ),
    )
        .prop_map(
            |(
                (n, (created, updated), what, for_whom, category),
                (urgency, language, needed_by, follow_up_on, notes, status),
            )| {
                let mut need = Need::new(need_id(n), created, what);
                need.updated_at = updated;
                need.for_whom = for_whom;
                need.category = category;
                need.urgency = urgency;
                need.language = language;
                need.needed_by = needed_by.map(day);
                need.follow_up_on = follow_up_on.map(day);
                need.notes = notes;
                need.status = status;
                need
            },
        )
}

fn entry() -> impl Strategy<Value = JournalEntry> {
    (
        (
            0..POOL,
            stamps(),
            words(),
            select(Kind::ALL.to_vec()),
            0..7u8,
        ),
        (
            maybe_words(),
            maybe_words(),
            prop::collection::vec(words(), 0..3),
            maybe_words(),
        ),
    )
        .prop_map(
            |(
                (n, (created, updated), text, kind, date),
                (person, category, tags, private_note),
            )| {
                let mut entry = JournalEntry::new(entry_id(n), created, text, kind, day(date));
                entry.updated_at = updated;
                entry.person = person;
                entry.category = category;
                entry.tags = tags;
                entry.private_note = private_note;
                entry
            },
        )
}

/// A record as a model comes to hold it: maybe marked as shared at some earlier version,
/// maybe deleted since.
#[derive(Debug, Clone)]
struct Held<T> {
    record: T,
    shared: Option<u8>,
    deleted: Option<u8>,
}

fn held<T: Debug + Clone>(record: impl Strategy<Value = T>) -> impl Strategy<Value = Held<T>> {
    (
        record,
        option::of(0..INSTANTS),
        option::weighted(0.25, 0..INSTANTS),
    )
        .prop_map(|(record, shared, deleted)| Held {
            record,
            shared,
            deleted,
        })
}

fn hold_all<T: Record>(records: &mut Records<T>, held: Vec<Held<T>>) {
    for Held {
        mut record,
        shared,
        deleted,
    } in held
    {
        // A copy is never marked shared at a version later than itself.
        let shared = shared.map(|i| instant(i).min(record.updated_at()));
        record.set_shared_at(shared);
        let id = record.id();
        records.replace(record);
        if let Some(i) = deleted {
            records.delete(id, instant(i));
        }
    }
}

/// 0 to 8 helpers, needs and journal entries, some of them tombstones.
fn model() -> impl Strategy<Value = Model> {
    (
        prop::collection::vec(held(helper()), 0..=8),
        prop::collection::vec(held(need()), 0..=8),
        prop::collection::vec(held(entry()), 0..=8),
    )
        .prop_map(|(helpers, needs, journal)| {
            let mut model = Model::default();
            hold_all(&mut model.helpers, helpers);
            hold_all(&mut model.needs, needs);
            hold_all(&mut model.journal, journal);
            model
        })
}

fn everything() -> ExportChoice {
    ExportChoice {
        helpers: true,
        needs: true,
        journal: true,
        private_notes: true,
    }
}

fn without_private_notes() -> ExportChoice {
    ExportChoice {
        private_notes: false,
        ..everything()
    }
}

/// What `model` sends, read back as a neighbour reads it. Every generated record is valid,
/// so the file must read back whole.
fn sent_by(model: &Model, choice: ExportChoice) -> ParsedFile {
    let text = share::to_json(&share::export(model, choice, file_time(), "test"));
    let parsed = share::parse(&text, file_time(), today()).expect("an export reads back");
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    parsed
}

fn no_new_id() -> Uuid {
    panic!("without choices an import makes no copies")
}

/// Takes the file in with the default resolution, returning the undo.
fn take_in(model: &mut Model, file: &ParsedFile) -> Undo {
    let plan = import::plan(model, file.clone());
    import::apply(model, plan, &BTreeMap::new(), &mut no_new_id, import_time())
}

/// Every record by id, tombstones included, with the copy's bookkeeping left out.
#[derive(Debug, PartialEq)]
struct Content {
    helpers: BTreeMap<Uuid, Helper>,
    needs: BTreeMap<Uuid, Need>,
    journal: BTreeMap<Uuid, JournalEntry>,
}

fn by_id<T: Record>(records: &Records<T>, tombstone: impl Fn(&mut T)) -> BTreeMap<Uuid, T> {
    records
        .all()
        .map(|record| {
            let mut copy = record.clone();
            copy.set_shared_at(None);
            if copy.is_deleted() {
                tombstone(&mut copy);
            }
            (copy.id(), copy)
        })
        .collect()
}

fn content(model: &Model) -> Content {
    Content {
        helpers: by_id(&model.helpers, |_| ()),
        needs: by_id(&model.needs, |_| ()),
        journal: by_id(&model.journal, |_| ()),
    }
}

/// The content as a file carries it: tombstones without the deleted words.
fn content_as_sent(model: &Model) -> Content {
    Content {
        helpers: by_id(&model.helpers, Shareable::strip_to_tombstone),
        needs: by_id(&model.needs, Shareable::strip_to_tombstone),
        journal: by_id(&model.journal, Shareable::strip_to_tombstone),
    }
}

/// Every id held before is still held, and every live record is still live unless the file
/// carried a tombstone for it that wins the merge.
fn nothing_lost<T: Record + Debug>(
    before: &Records<T>,
    after: &Records<T>,
    file: &[T],
) -> Result<(), TestCaseError> {
    for local in before.all() {
        let id = local.id();
        let Some(now) = after.get_any(id) else {
            return Err(TestCaseError::fail(format!("{id} was lost: {local:?}")));
        };
        if local.is_deleted() {
            continue;
        }
        let winning_tombstone = file
            .iter()
            .find(|theirs| theirs.id() == id)
            .is_some_and(|theirs| newer(local, theirs).is_deleted());
        prop_assert_eq!(
            now.is_deleted(),
            winning_tombstone,
            "local {:?}, now {:?}",
            local,
            now
        );
    }
    Ok(())
}

/// After undo every record is as it was before the import; the ones the import changed are
/// stamped later than the import's copy, so that no other copy brings the import back; the
/// ones it added are gone without a trace.
fn undone<T: Record + Debug>(
    before: &Records<T>,
    imported: &Records<T>,
    after_undo: &Records<T>,
) -> Result<(), TestCaseError> {
    for original in before.all() {
        let id = original.id();
        let restored = after_undo.get_any(id);
        prop_assert!(restored.is_some(), "{} is gone after undo", id);
        let restored = restored.unwrap();
        let imported = imported.get_any(id).expect("an import keeps every record");
        if imported == original {
            prop_assert_eq!(restored, original, "undo changed a record the import left");
        } else {
            prop_assert!(
                restored.updated_at() > imported.updated_at(),
                "undo stamped {} no later than the import's {}",
                restored.updated_at(),
                imported.updated_at()
            );
            let mut normalised = restored.clone();
            normalised.set_updated_at(original.updated_at());
            prop_assert_eq!(&normalised, original);
        }
    }
    for record in imported.all() {
        if before.get_any(record.id()).is_none() {
            prop_assert_eq!(
                after_undo.get_any(record.id()),
                None,
                "an added record stayed"
            );
        }
    }
    prop_assert_eq!(after_undo.all().count(), before.all().count());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn importing_a_file_a_second_time_is_offered_as_no_change_and_changes_nothing(
        mine in model(),
        theirs in model(),
        private_notes in any::<bool>(),
    ) {
        let file = sent_by(&theirs, ExportChoice { private_notes, ..everything() });
        let mut once = mine;
        take_in(&mut once, &file);

        let again = import::plan(&once, file.clone());
        prop_assert!(again.changes_nothing(), "{:?}", again.counts());
        let mut twice = once.clone();
        let undo = take_in(&mut twice, &file);
        prop_assert!(undo.is_empty(), "the second import touched {} records", undo.len());
        prop_assert_eq!(content(&twice), content(&once));
    }

    #[test]
    fn two_files_taken_in_in_either_order_give_the_same_records(
        mine in model(),
        a in model(),
        b in model(),
        private_notes in any::<bool>(),
    ) {
        // Both files with private notes or both without: a file without them keeps the
        // local note, so with one of each the note depends on which came first.
        let choice = ExportChoice { private_notes, ..everything() };
        let (a, b) = (sent_by(&a, choice), sent_by(&b, choice));
        let mut a_then_b = mine.clone();
        take_in(&mut a_then_b, &a);
        take_in(&mut a_then_b, &b);
        let mut b_then_a = mine;
        take_in(&mut b_then_a, &b);
        take_in(&mut b_then_a, &a);
        prop_assert_eq!(content(&a_then_b), content(&b_then_a));
    }

    #[test]
    fn a_model_sent_and_read_into_an_empty_one_is_itself_tombstones_included(
        model in model(),
    ) {
        let mut copy = Model::default();
        take_in(&mut copy, &sent_by(&model, everything()));
        prop_assert_eq!(content(&copy), content_as_sent(&model));
    }

    #[test]
    fn a_file_never_loses_a_local_record_and_only_a_winning_tombstone_deletes_one(
        mine in model(),
        theirs in model(),
        private_notes in any::<bool>(),
    ) {
        let file = sent_by(&theirs, ExportChoice { private_notes, ..everything() });
        let mut after = mine.clone();
        take_in(&mut after, &file);
        nothing_lost(&mine.helpers, &after.helpers, &file.helpers)?;
        nothing_lost(&mine.needs, &after.needs, &file.needs)?;
        nothing_lost(&mine.journal, &after.journal, &file.journal)?;
    }

    #[test]
    fn undo_puts_back_every_record_as_it_was_and_takes_out_the_ones_added(
        mine in model(),
        theirs in model(),
        private_notes in any::<bool>(),
    ) {
        let file = sent_by(&theirs, ExportChoice { private_notes, ..everything() });
        let mut imported = mine.clone();
        let undo = take_in(&mut imported, &file);
        let mut after_undo = imported.clone();
        import::undo(&mut after_undo, undo, undo_time());
        undone(&mine.helpers, &imported.helpers, &after_undo.helpers)?;
        undone(&mine.needs, &imported.needs, &after_undo.needs)?;
        undone(&mine.journal, &imported.journal, &after_undo.journal)?;
    }

    #[test]
    fn a_file_without_private_notes_never_blanks_one_kept_here(
        mine in model(),
        theirs in model(),
    ) {
        let file = sent_by(&theirs, without_private_notes());
        prop_assert!(!file.includes_private);
        let mut after = mine.clone();
        take_in(&mut after, &file);
        for helper in mine.helpers.all().filter(|h| !h.private_note.is_empty()) {
            let now = after.helpers.get_any(helper.id).unwrap();
            prop_assert_eq!(&now.private_note, &helper.private_note);
        }
        for entry in mine.journal.all().filter(|e| !e.private_note.is_empty()) {
            let now = after.journal.get_any(entry.id).unwrap();
            prop_assert_eq!(&now.private_note, &entry.private_note);
        }
    }
}
