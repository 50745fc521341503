//! `docs/share-format.schema.json` describes exactly what `share::export` writes: every field
//! of every record, revisions, kept conflicts, tombstones, each need status and the privacy of
//! a default file. The example in `docs/share-format.md` is checked too, so the documentation
//! cannot drift.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, TimeZone, Utc, Weekday};
use kindred_core::checkin::{need_for, Answer, CheckinPerson, Mark};
use kindred_core::helper::{Availability, ContactMethod, DayPart, Helper};
use kindred_core::import::{apply, plan};
use kindred_core::journal::{JournalEntry, Kind};
use kindred_core::model::Model;
use kindred_core::need::{Need, Status, Urgency};
use kindred_core::offer::Offer;
use kindred_core::recurrence::{Every, Repeat};
use kindred_core::share::{export, parse, to_json, ExportChoice, ParsedFile};
use serde_json::{json, Value};
use uuid::Uuid;

fn docs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs")
}

fn schema() -> Value {
    let path = docs().join("share-format.schema.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// The schema's verdict on `file`: `Err` with the validator's explanation.
fn validate(file: &Value) -> Result<(), String> {
    const URL: &str = "file:///kindred/docs/share-format.schema.json";
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler
        .add_resource(URL, schema())
        .expect("the schema loads");
    let mut schemas = boon::Schemas::new();
    let index = compiler
        .compile(URL, &mut schemas)
        .unwrap_or_else(|e| panic!("the schema compiles: {e:#}"));
    schemas.validate(file, index).map_err(|e| format!("{e:#}"))
}

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

/// A model with every field of every record type filled, a tombstone in each collection, a
/// need in each status, a stamp with a fraction of a second, and in each collection a record
/// holding a conflict: an edit saved from a copy taken before another edit (a form opened
/// in a second tab, say), which keeps both versions. One of those conflicts is a delete.
fn full_model() -> Model {
    let mut model = Model::default();

    let mut may = Helper::new(id(1), at(1), "May Chan".into());
    may.can_help_with = vec!["a ride".into(), "errands and groceries".into()];
    may.languages = vec!["Cantonese".into(), "English".into()];
    may.availability = Availability {
        days: vec![
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ],
        parts: DayPart::ALL.to_vec(),
        note: "not during school holidays".into(),
    };
    may.area = "Sham Shui Po".into();
    may.phone = "+852 2345 6789".into();
    may.email = "may@example.hk".into();
    may.preferred_contact = Some(ContactMethod::Text);
    may.private_note = "Her son's number is in my phone".into();
    may.last_contacted = Some(day(1));
    model.helpers.put(may, at(2));
    for (n, method) in [(2, ContactMethod::Phone), (3, ContactMethod::Email)] {
        let mut helper = Helper::new(id(n), at(1), format!("<b>Helper</b> {n}"));
        helper.preferred_contact = Some(method);
        model.helpers.put(helper, at(1));
    }
    let stale = model.helpers.get(id(2)).unwrap().clone();
    let mut edited = stale.clone();
    edited.area = "Mong Kok".into();
    edited.private_note = "kept with the version that lost".into();
    model.helpers.put(edited, at(2));
    let mut concurrent = stale;
    concurrent.languages = vec!["English".into()];
    model.helpers.put(concurrent, at(2));
    let mut gone = Helper::new(id(4), at(1), "Moved away".into());
    gone.phone = "555-0142".into();
    gone.private_note = "a secret that must not travel".into();
    model.helpers.put(gone, at(1));
    model
        .helpers
        .delete(id(4), at(3) + chrono::Duration::milliseconds(250));

    let mut ride = Need::new(id(10), at(1), "A ride to the clinic".into());
    ride.for_whom = "Mr Lee".into();
    ride.category = "a ride".into();
    ride.urgency = Urgency::High;
    ride.language = "Cantonese".into();
    ride.needed_by = Some(day(5));
    ride.follow_up_on = Some(day(6));
    ride.notes = "javascript:alert(1) is only text".into();
    ride.match_helpers(&[id(1), id(2)]).unwrap();
    model.needs.put(ride, at(4));
    let mut groceries = Need::new(id(11), at(1), "Groceries".into());
    groceries.urgency = Urgency::Low;
    groceries.match_helpers(&[id(3)]).unwrap();
    groceries.mark_done(day(2)).unwrap();
    model.needs.put(groceries, at(4));
    model
        .needs
        .put(Need::new(id(12), at(1), "Company".into()), at(1));
    let mut stale = model.needs.get(id(12)).unwrap().clone();
    model.needs.delete(id(12), at(2));
    stale.notes = "Tuesdays suit her best".into();
    model.needs.put(stale, at(3));
    let mut cancelled = Need::new(id(13), at(1), "Cancelled".into());
    cancelled.notes = "words that must not travel".into();
    cancelled.match_helpers(&[id(1)]).unwrap();
    model.needs.put(cancelled, at(1));
    model.needs.delete(id(13), at(5));

    let kinds = [Kind::Given, Kind::Received, Kind::Witnessed];
    for (n, kind) in (20..).zip(kinds) {
        let mut entry = JournalEntry::new(id(n), at(1), format!("Kindness {n}"), kind, day(1));
        entry.person = "Mrs Chan".into();
        entry.category = "listening".into();
        entry.tags = vec!["clinic".into(), "探訪".into()];
        entry.private_note = "She was worried".into();
        model.journal.put(entry, at(1));
    }
    let stale = model.journal.get(id(21)).unwrap().clone();
    let mut edited = stale.clone();
    edited.person = "Mr Lee".into();
    model.journal.put(edited, at(2));
    let mut concurrent = stale;
    concurrent.tags = vec!["clinic".into()];
    model.journal.put(concurrent, at(3));
    model.journal.delete(id(22), at(6));

    // A round that checked on two people, one of them twice, closed by hand; a repeating
    // need; a person deleted from the list; a person and a round each in conflict.
    let mut lee = CheckinPerson::new(id(30), at(1), "Mr Lee".into());
    lee.phone = "+852 2345 6780".into();
    lee.address = "Flat 3A, 12 Apliu Street".into();
    lee.emergency_contact = "His daughter, 9123 4567".into();
    lee.language = "Cantonese".into();
    lee.notes = "Hard of hearing: let it ring".into();
    lee.private_note = "Key with the caretaker".into();
    model.save_checkin_person(None, lee, at(1));
    model.save_checkin_person(
        None,
        CheckinPerson::new(id(31), at(1), "Mrs Chan".into()),
        at(1),
    );
    let stale = model.checkin_people.get(id(31)).unwrap().clone();
    let mut edited = stale.clone();
    edited.phone = "+852 2345 6781".into();
    model.checkin_people.put(edited, at(2));
    let mut concurrent = stale;
    concurrent.address = "Block B".into();
    model.checkin_people.put(concurrent, at(2));
    model.save_checkin_person(
        None,
        CheckinPerson::new(id(32), at(1), "Moved away".into()),
        at(1),
    );
    model.checkin_people.delete(id(32), at(2));
    model
        .start_round(id(33), "Typhoon signal 8", "Sam", at(3))
        .unwrap();
    for (n, person, answer, need) in [
        (34, 30, Answer::NoAnswer, None),
        (35, 30, Answer::NeedsHelp, Some(id(37))),
        (36, 31, Answer::Ok, None),
    ] {
        let mut mark = Mark::new(id(n), at(4), id(33), id(person), answer);
        mark.by = "Sam".into();
        let lee = model.checkin_people.get(id(30)).unwrap().clone();
        let need = need.map(|need| {
            need_for(
                &lee,
                "Help after the typhoon".into(),
                String::new(),
                need,
                at(4),
            )
        });
        model.mark_checkin(mark, need, at(4)).unwrap();
    }
    let mut wrong = Mark::new(id(38), at(4), id(33), id(31), Answer::NoAnswer);
    wrong.by = "Sam".into();
    model.mark_checkin(wrong, None, at(4)).unwrap();
    // A wrong tap taken back on two phones at once: two versions of the same delete.
    let mut other_phone = model.marks.clone();
    model.marks.delete(id(38), at(5));
    other_phone.delete(id(38), at(6));
    model.marks.take_in(other_phone.get_any(id(38)).unwrap());
    model.close_round(id(33), "Sam", at(6)).unwrap();
    let stale = model.rounds.get(id(33)).unwrap().clone();
    let mut edited = stale.clone();
    edited.reason = "Typhoon signal 9".into();
    model.rounds.put(edited, at(7));
    let mut concurrent = stale;
    concurrent.started_by = "Wing".into();
    model.rounds.put(concurrent, at(7));
    model
        .start_round(id(40), "Started by mistake", "", at(7))
        .unwrap();
    model.rounds.delete(id(40), at(8));
    let mut dialysis = Need::new(id(39), at(1), "A ride to dialysis".into());
    dialysis.needed_by = Some(day(3));
    dialysis.repeats = Some(Repeat {
        every: Every::Week,
        from: day(3),
    });
    model.needs.put(dialysis, at(1));

    let mut ana = Offer::new(id(50), at(2), id(10), "Ana".into(), id(0xA));
    ana.note = "Tuesday after 3".into();
    model.offers.put(ana, at(2));
    model.offers.put(
        Offer::new(id(51), at(2), id(10), "Ben".into(), id(0xB)),
        at(2),
    );
    model.offers.delete(id(51), at(3));
    // Offers are not edited, but two tabs of one phone could still save two versions.
    model.offers.put(
        Offer::new(id(52), at(2), id(10), "Cy".into(), id(0xC)),
        at(2),
    );
    let stale = model.offers.get(id(52)).unwrap().clone();
    let mut edited = stale.clone();
    edited.note = "mornings".into();
    model.offers.put(edited, at(3));
    let mut concurrent = stale;
    concurrent.note = "evenings".into();
    model.offers.put(concurrent, at(4));

    model
}

fn everything() -> ExportChoice {
    ExportChoice {
        helpers: true,
        needs: true,
        journal: true,
        check_ins: true,
        private_notes: true,
    }
}

/// `model`'s file, as JSON.
fn file_of(model: &Model, choice: ExportChoice) -> Value {
    let file = export(model, choice, at(30), "0.1.0");
    serde_json::from_str(&to_json(&file)).unwrap()
}

fn exported(choice: ExportChoice) -> Value {
    file_of(&full_model(), choice)
}

/// What `model` sends by default, read back as a neighbour reads it.
fn sent_by(model: &Model) -> ParsedFile {
    let file = export(model, ExportChoice::default(), at(30), "0.1.0");
    parse(&to_json(&file), at(31), day(2)).unwrap()
}

fn no_new_ids() -> Uuid {
    panic!("no new ids expected")
}

#[test]
fn a_file_with_every_field_of_every_record_matches_the_schema() {
    let file = exported(everything());
    validate(&file).unwrap_or_else(|e| panic!("{e}\n{file:#}"));

    // Every property the schema names occurs in the file, so no part of it passes unseen.
    let schema = schema();
    for (collection, definition) in [
        ("helpers", "helper"),
        ("needs", "need"),
        ("journal", "journalEntry"),
        ("checkin_people", "checkinPerson"),
        ("rounds", "round"),
        ("marks", "mark"),
        ("offers", "offer"),
    ] {
        let records = file[collection].as_array().unwrap();
        let fields = schema["$defs"][definition]["properties"]
            .as_object()
            .unwrap();
        for field in fields.keys() {
            assert!(
                records.iter().any(|r| r.get(field).is_some()),
                "no {collection} record has {field}"
            );
        }
    }
    let days = &file["helpers"][0]["availability"]["days"];
    assert_eq!(
        days,
        &json!(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    );
    // A kept version is a whole record, with its private note when the file has them, and a
    // deleted one is stripped like any tombstone.
    assert_eq!(
        file["helpers"][1]["conflicts"][0]["private_note"],
        json!("kept with the version that lost")
    );
    let deleted = &file["needs"][2]["conflicts"][0];
    assert!(deleted.get("deleted_at").is_some(), "{deleted:#}");
    assert_eq!(deleted["what"], json!(""), "{deleted:#}");

    // And Kindred reads it back whole.
    let parsed = parse(&file.to_string(), at(31), day(2)).unwrap();
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    assert_eq!(parsed.helpers.len(), 4);
    // The need a round opened and the repeating one besides the four above.
    assert_eq!(parsed.needs.len(), 6);
    assert_eq!(parsed.journal.len(), 3);
    assert_eq!(
        (
            parsed.checkin_people.len(),
            parsed.rounds.len(),
            parsed.marks.len()
        ),
        (3, 2, 4)
    );
    assert_eq!(parsed.offers.len(), 3);
    assert_eq!(parsed.offers[2].conflicts.len(), 1);
    assert!(matches!(parsed.needs[1].status, Status::Done { .. }));
    assert_eq!(parsed.helpers[1].conflicts.len(), 1);
    assert_eq!(parsed.needs[2].conflicts.len(), 1);
    assert_eq!(parsed.journal[1].conflicts.len(), 1);
}

#[test]
fn a_default_file_matches_the_schema_without_the_journal_or_private_notes() {
    let file = exported(ExportChoice::default());
    validate(&file).unwrap_or_else(|e| panic!("{e}\n{file:#}"));
    assert_eq!(file["includes_private"], json!(false));
    assert!(file.get("journal").is_none());
    assert!(!file.to_string().contains("private_note"));
    assert!(!file.to_string().contains("must not travel"));
}

#[test]
fn a_file_of_nothing_but_the_header_matches_the_schema() {
    let choice = ExportChoice {
        helpers: false,
        needs: false,
        journal: false,
        check_ins: false,
        private_notes: false,
    };
    let file = export(&Model::default(), choice, at(30), "0.1.0");
    let file: Value = serde_json::from_str(&to_json(&file)).unwrap();
    validate(&file).unwrap_or_else(|e| panic!("{e}\n{file:#}"));
}

/// A change to an exported file that the schema must refuse.
type Change = fn(&mut Value);

/// The schema's explanation for refusing a file once `change` is made to it, having accepted
/// it before, so that the refusal is the change's doing.
fn refused_after(what: &str, choice: ExportChoice, change: Change) -> String {
    let mut file = exported(choice);
    validate(&file).unwrap_or_else(|e| panic!("before {what}: {e}"));
    change(&mut file);
    validate(&file)
        .err()
        .unwrap_or_else(|| panic!("{what} was accepted"))
}

#[test]
fn the_schema_refuses_an_unknown_record_field() {
    let error = refused_after("an unknown field", everything(), |file| {
        file["helpers"][0]["nickname"] = json!("Auntie May");
    });
    assert!(error.contains("nickname"), "{error}");
}

#[test]
fn the_schema_refuses_a_kind_that_is_not_given_received_or_witnessed() {
    let error = refused_after("a wrong kind", everything(), |file| {
        file["journal"][0]["kind"] = json!("gifted");
    });
    assert!(error.contains("/journal/0/kind"), "{error}");
}

#[test]
fn the_schema_refuses_misshapen_values_and_leaks() {
    let cases: [(&str, ExportChoice, Change); 16] = [
        ("a weekday spelt out", everything(), |f| {
            f["helpers"][0]["availability"]["days"][0] = json!("Monday");
        }),
        ("a date-time without a zone", everything(), |f| {
            f["helpers"][0]["updated_at"] = json!("2026-11-02T09:00:00");
        }),
        ("an id that is not a UUID", everything(), |f| {
            f["needs"][0]["id"] = json!("ride-1");
        }),
        ("a done need without its day", everything(), |f| {
            f["needs"][1].as_object_mut().unwrap().remove("on");
        }),
        ("an open need with helpers", everything(), |f| {
            f["needs"][2]["helpers"] = json!([]);
        }),
        ("words in a tombstone", everything(), |f| {
            f["helpers"][3]["name"] = json!("Moved away");
        }),
        (
            "a private note in a file without them",
            ExportChoice::default(),
            |f| {
                f["helpers"][0]["private_note"] = json!("secret");
            },
        ),
        (
            "a private note in a kept version in a file without them",
            ExportChoice::default(),
            |f| {
                f["helpers"][1]["conflicts"][0]["private_note"] = json!("secret");
            },
        ),
        ("a revision without its hash", everything(), |f| {
            f["helpers"][0]["rev"] = json!("1");
        }),
        ("a revision in capitals", everything(), |f| {
            f["helpers"][0]["rev"] = json!("1-9C3E5A07");
        }),
        ("a revision of generation 0", everything(), |f| {
            f["helpers"][0]["rev"] = json!("0-9c3e5a07");
        }),
        ("the same ancestor twice", everything(), |f| {
            let first = f["helpers"][3]["ancestors"][0].clone();
            f["helpers"][3]["ancestors"] = json!([first, first]);
        }),
        ("33 ancestors", everything(), |f| {
            let many: Vec<String> = (1..=33).map(|n| format!("{n}-0000abcd")).collect();
            f["helpers"][3]["ancestors"] = json!(many);
        }),
        (
            "a kept version with conflicts of its own",
            everything(),
            |f| {
                let mut nested = f["journal"][1].clone();
                nested.as_object_mut().unwrap().remove("conflicts");
                f["journal"][1]["conflicts"][0]["conflicts"] = json!([nested]);
            },
        ),
        ("words in a deleted kept version", everything(), |f| {
            f["needs"][2]["conflicts"][0]["what"] = json!("Company");
        }),
        ("schema 1's shared_at", everything(), |f| {
            f["needs"][0]["shared_at"] = f["needs"][0]["updated_at"].clone();
        }),
    ];
    for (what, choice, change) in cases {
        refused_after(what, choice, change);
    }
}

#[test]
fn the_schema_refuses_a_record_without_a_revision() {
    let error = refused_after("a helper without rev", everything(), |file| {
        file["helpers"][0].as_object_mut().unwrap().remove("rev");
    });
    assert!(
        error.contains("/helpers/0") && error.contains("rev"),
        "{error}"
    );
    let error = refused_after("a kept version without rev", everything(), |file| {
        file["needs"][2]["conflicts"][0]
            .as_object_mut()
            .unwrap()
            .remove("rev");
    });
    assert!(
        error.contains("/needs/2/conflicts/0") && error.contains("rev"),
        "{error}"
    );

    // Kindred's reader cannot take such a record in either: it is listed, to be skipped.
    let mut file = exported(everything());
    file["helpers"][0].as_object_mut().unwrap().remove("rev");
    let parsed = parse(&file.to_string(), at(31), day(2)).unwrap();
    assert_eq!(parsed.helpers.len(), 3);
    assert_eq!(parsed.skipped.len(), 1, "{:?}", parsed.skipped);
    assert!(
        parsed.skipped[0].to_string().contains("rev"),
        "{}",
        parsed.skipped[0]
    );
}

#[test]
fn an_export_holding_a_conflict_matches_the_schema_and_carries_the_other_version() {
    // Ann and Ben share May; then each changes where she is, before the next exchange.
    let mut ann = Model::default();
    ann.helpers
        .put(Helper::new(id(1), at(1), "May Chan".into()), at(1));
    let mut ben = Model::default();
    let first = plan(&ben, sent_by(&ann));
    assert_eq!(first.counts().new, 1);
    apply(&mut ben, first, &BTreeMap::new(), &mut no_new_ids, at(2));
    let shared = ben.helpers.get(id(1)).unwrap().rev;
    assert_eq!(shared, ann.helpers.get(id(1)).unwrap().rev);

    let mut mine = ann.helpers.get(id(1)).unwrap().clone();
    mine.area = "Sham Shui Po".into();
    ann.helpers.put(mine, at(4));
    let mut theirs = ben.helpers.get(id(1)).unwrap().clone();
    theirs.area = "Tai Po".into();
    ben.helpers.put(theirs, at(3));

    // Ann takes in Ben's file and does not choose yet.
    let preview = plan(&ann, sent_by(&ben));
    assert_eq!(preview.counts().conflicts, 1);
    apply(&mut ann, preview, &BTreeMap::new(), &mut no_new_ids, at(5));

    let file = file_of(&ann, ExportChoice::default());
    validate(&file).unwrap_or_else(|e| panic!("{e}\n{file:#}"));
    let may = &file["helpers"][0];
    assert_eq!(may["area"], json!("Sham Shui Po"), "the later edit shows");
    let kept = may["conflicts"].as_array().expect("the conflict travels");
    assert_eq!(kept.len(), 1, "{may:#}");
    let other = &kept[0];
    assert_eq!(other["area"], json!("Tai Po"), "the other version waits");
    assert_eq!(other["id"], may["id"]);
    assert_ne!(other["rev"], may["rev"]);
    assert!(other.get("conflicts").is_none());
    for version in [may, other] {
        assert_eq!(
            version["ancestors"],
            json!([shared.to_string()]),
            "both were made from the version exchanged: {version:#}"
        );
    }

    // Read back, the record holds both versions, as it does at Ann's.
    let parsed = parse(&file.to_string(), at(31), day(2)).unwrap();
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    assert_eq!(&parsed.helpers[0], ann.helpers.get(id(1)).unwrap());
}

#[test]
fn the_example_in_the_documentation_matches_the_schema_and_is_read_whole() {
    let path = docs().join("share-format.md");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let example = text
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the documentation has a ```json example");
    let file: Value = serde_json::from_str(example).expect("the example is JSON");
    validate(&file).unwrap_or_else(|e| panic!("{e}"));
    let parsed = parse(example, at(59), day(2)).unwrap();
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    assert!(
        parsed.helpers.iter().any(|h| h.conflicts.len() == 1),
        "the example shows a record holding a conflict"
    );
    assert_eq!(parsed.offers[0].note, "Tuesday after 3", "and an offer");
}

/// The verdict of `docs/locked-file.schema.json` on a locked file.
fn validate_locked(file: &Value) -> Result<(), String> {
    const URL: &str = "file:///kindred/docs/locked-file.schema.json";
    let path = docs().join("locked-file.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource(URL, schema)
        .expect("the schema loads");
    let mut schemas = boon::Schemas::new();
    let index = compiler
        .compile(URL, &mut schemas)
        .expect("the schema compiles");
    schemas.validate(file, index).map_err(|e| format!("{e:#}"))
}

#[test]
fn locked_files_match_their_schema_and_the_schema_refuses_what_kindred_refuses() {
    use kindred_core::locked::{Envelope, Header};
    let written = Envelope {
        header: Header::new([7; 28]),
        ciphertext: vec![9; 40],
    };
    let by_python = include_str!("../../tests/fixtures/locked-by-python.json");
    for text in [written.text(), by_python.trim_end().to_string()] {
        let file: Value = serde_json::from_str(&text).unwrap();
        validate_locked(&file).unwrap();
        for (field, wrong) in [
            ("iterations", Value::from(1000)),
            ("iterations", Value::from(9_000_000)),
            ("version", Value::from(2)),
            ("salt", Value::from("AAAA")),
            ("iv", Value::from("not base64!")),
            ("cipher", Value::from("AES-128-CBC")),
        ] {
            let mut changed = file.clone();
            changed[field] = wrong;
            assert!(validate_locked(&changed).is_err(), "{field}");
            assert!(
                kindred_core::locked::open(&changed.to_string()).is_err(),
                "{field}"
            );
        }
    }
}
