//! `docs/share-format.schema.json` describes exactly what `share::export` writes: every field
//! of every record, tombstones, each need status and the privacy of a default file. The
//! example in `docs/share-format.md` is checked too, so the documentation cannot drift.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, TimeZone, Utc, Weekday};
use kindred_core::helper::{Availability, ContactMethod, DayPart, Helper};
use kindred_core::journal::{JournalEntry, Kind};
use kindred_core::model::Model;
use kindred_core::need::{Need, Status, Urgency};
use kindred_core::share::{export, parse, to_json, ExportChoice};
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
/// need in each status and a stamp with a fraction of a second.
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
    model.journal.delete(id(22), at(6));

    model
}

fn everything() -> ExportChoice {
    ExportChoice {
        helpers: true,
        needs: true,
        journal: true,
        private_notes: true,
    }
}

fn exported(choice: ExportChoice) -> Value {
    let file = export(&full_model(), choice, at(30), "0.1.0");
    serde_json::from_str(&to_json(&file)).unwrap()
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

    // And Kindred reads it back whole.
    let parsed = parse(&file.to_string(), at(31), day(2)).unwrap();
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    assert_eq!(parsed.helpers.len(), 4);
    assert_eq!(parsed.needs.len(), 4);
    assert_eq!(parsed.journal.len(), 3);
    assert!(matches!(parsed.needs[1].status, Status::Done { .. }));
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
    let cases: [(&str, ExportChoice, Change); 7] = [
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
    ];
    for (what, choice, change) in cases {
        refused_after(what, choice, change);
    }
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
}
