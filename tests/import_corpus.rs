//! The import corpus: malformed and hostile files that a neighbour might hand over or an
//! attacker might craft, each with the outcome that `tests/import_corpus/expected.txt` gives it.
//!
//! Every file goes through the import pipeline as the app runs it, up to the preview: what is
//! stored is loaded, the file is parsed and, when it can be read, planned against the loaded
//! model. Nothing is confirmed, so nothing is applied, and the store must be byte for byte what
//! it was. A native test: no browser.
//!
//! `expected.txt` has one line per file, `FILE<TAB>OUTCOME<TAB>EXPECTED`, and comment lines that
//! start with `#`:
//! - `refused`: the file is refused, and EXPECTED is the whole alert a person reads;
//! - `skipped`: the file is read, and EXPECTED is the preview's line for its first record that
//!   cannot be read, word for word;
//! - `accepted`: the file is read with nothing skipped, and EXPECTED appears unchanged in the
//!   records read (as their `Debug` output shows them, so control characters are escaped).
//!
//! The words are the app's, in English: made by `src/text.rs` from the Fluent messages of
//! kindred-i18n, as the app makes them, not core's own `Display` text (which no one reads), and
//! compared as a page shows them, each run of spaces, tabs and line breaks as one space.
//! `tests/sharing.rs` imports the same files in the browser and checks the same words on screen.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kindred_core::helper::Helper;
use kindred_core::import::{self, Plan};
use kindred_core::journal::{JournalEntry, Kind};
use kindred_core::model::Model;
use kindred_core::need::Need;
use kindred_core::persist;
use kindred_core::share::{self, FileProblem, ParsedFile, MAX_FILE_BYTES};
use kindred_core::storage::MemoryStore;

/// Every word the interface shows: the app's own module, which reads them from kindred-i18n. It
/// has no browser types, so it builds natively as well.
#[allow(dead_code)]
#[path = "../src/text.rs"]
mod text;
// The two app enums the words name, without browser types either.
#[allow(dead_code)]
#[path = "../src/kept_safe.rs"]
mod kept_safe;
#[allow(dead_code)]
#[path = "../src/screen.rs"]
mod screen;

/// The id of May Chan, whom the store knows and many corpus files mention.
const MAY: &str = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a61";

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import_corpus")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

/// An id from its text; the type (a `Uuid`) is whatever the caller needs.
fn id<T: FromStr>(text: &str) -> T
where
    T::Err: Debug,
{
    text.parse().expect("a valid id")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Refused,
    Skipped,
    Accepted,
}

#[derive(Debug)]
struct Expectation {
    file: String,
    outcome: Outcome,
    expected: String,
}

fn expectations() -> Vec<Expectation> {
    let path = corpus_dir().join("expected.txt");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty())
        .map(|(n, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            let [file, outcome, expected] = fields[..] else {
                panic!(
                    "expected.txt line {}: not FILE<TAB>OUTCOME<TAB>EXPECTED: {line:?}",
                    n + 1
                );
            };
            let outcome = match outcome {
                "refused" => Outcome::Refused,
                "skipped" => Outcome::Skipped,
                "accepted" => Outcome::Accepted,
                other => panic!("expected.txt line {}: unknown outcome {other:?}", n + 1),
            };
            assert!(
                !expected.is_empty(),
                "expected.txt line {} ({file}): EXPECTED is empty",
                n + 1
            );
            Expectation {
                file: file.to_string(),
                outcome,
                expected: expected.to_string(),
            }
        })
        .collect()
}

fn corpus_files() -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(corpus_dir())
        .expect("tests/import_corpus exists")
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != "expected.txt")
        .collect();
    files.sort();
    files
}

/// The file's text as the browser hands it over: bytes that are not UTF-8 become U+FFFD.
fn read_corpus_file(file: &str) -> String {
    let bytes = fs::read(corpus_dir().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A store holding a few records of each kind, one of them deleted, saved as the app saves.
fn store_with_records() -> MemoryStore {
    let mut model = Model::default();
    let mut may = Helper::new(id(MAY), at(1, 9), "May Chan".into());
    may.phone = "+852 2345 6789".into();
    may.private_note = "Her son's number is in my phone".into();
    model.helpers.put(may, at(1, 9));
    let gone = Helper::new(
        id("3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a69"),
        at(1, 9),
        "Moved away".into(),
    );
    model.helpers.put(gone, at(1, 9));
    model
        .helpers
        .delete(id("3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a69"), at(3, 9));
    model.needs.put(
        Need::new(
            id("7b1e4d2c-6a3f-4b9e-8c0d-2e3f4a5b6c79"),
            at(2, 9),
            "Groceries for Mrs Chan".into(),
        ),
        at(2, 9),
    );
    model.journal.put(
        JournalEntry::new(
            id("9d4c2b1a-8e7f-4a6b-9c5d-3e4f5a6b7c89"),
            at(4, 9),
            "Walked Mr Lee to the clinic".into(),
            Kind::Given,
            NaiveDate::from_ymd_opt(2026, 11, 4).unwrap(),
        ),
        at(4, 9),
    );
    let mut store = MemoryStore::default();
    persist::save(&mut store, &mut model).expect("the records are saved");
    store
}

/// What taking in a file came to, up to the preview.
struct TakenIn {
    result: Result<(ParsedFile, Plan), FileProblem>,
    before: BTreeMap<String, String>,
    after: BTreeMap<String, String>,
    writes: usize,
}

/// Runs the import as the app does, without confirming: load, parse, plan. Panics are caught
/// and returned as a message, so that the file that caused one is named.
fn take_in(text: &str) -> Result<TakenIn, String> {
    let mut store = store_with_records();
    let before = store.contents();
    let writes_before = store.writes.len();
    let result = catch_unwind(AssertUnwindSafe(|| {
        let loaded = persist::load(&mut store);
        assert!(
            loaded.unreadable.is_empty() && loaded.storage_error.is_none(),
            "the store loads cleanly"
        );
        share::parse(text, now(), today()).map(|parsed| {
            let plan = import::plan(&loaded.model, parsed.clone());
            (parsed, plan)
        })
    }))
    .map_err(|panic| {
        panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "a panic".into())
    })?;
    Ok(TakenIn {
        result,
        before,
        after: store.contents(),
        writes: store.writes.len() - writes_before,
    })
}

/// `text` as a page shows it: HTML reads each run of spaces, tabs and line breaks as one space.
fn as_shown(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks one file against its expectation; returns what is wrong, naming the file.
fn check(expectation: &Expectation) -> Vec<String> {
    let file = &expectation.file;
    let expected = &expectation.expected;
    let taken_in = match take_in(&read_corpus_file(file)) {
        Ok(taken_in) => taken_in,
        Err(panic) => return vec![format!("{file}: the import panicked: {panic}")],
    };
    let mut failures = Vec::new();
    if taken_in.after != taken_in.before {
        failures.push(format!(
            "{file}: the store changed before anything was confirmed"
        ));
    }
    if taken_in.writes != 0 {
        failures.push(format!(
            "{file}: {} writes to the store before anything was confirmed",
            taken_in.writes
        ));
    }
    match (&taken_in.result, expectation.outcome) {
        (Err(problem), Outcome::Refused) => {
            let message = as_shown(&text::import_refused(problem));
            if message != *expected {
                failures.push(format!(
                    "{file}: refused as expected, but the alert says {message:?}, expected {expected:?}"
                ));
            }
        }
        (Err(problem), outcome) => failures.push(format!(
            "{file}: expected {outcome:?}, but the file was refused: {problem}"
        )),
        (Ok((parsed, plan)), outcome) => {
            let planned = plan.helpers.len() + plan.needs.len() + plan.journal.len();
            let read = parsed.helpers.len() + parsed.needs.len() + parsed.journal.len();
            if planned != read || plan.skipped != parsed.skipped {
                failures.push(format!(
                    "{file}: the preview shows {planned} records and {} skipped, but {read} were read and {} skipped",
                    plan.skipped.len(),
                    parsed.skipped.len()
                ));
            }
            match (outcome, parsed.skipped.first()) {
                (Outcome::Refused, _) => failures.push(format!(
                    "{file}: expected to be refused, but it was read ({read} records, {} skipped)",
                    parsed.skipped.len()
                )),
                (Outcome::Skipped, None) => failures.push(format!(
                    "{file}: expected a skipped record, but nothing was skipped ({read} records read)"
                )),
                (Outcome::Skipped, Some(first)) => {
                    let message = as_shown(&text::skipped(first));
                    if message != *expected {
                        failures.push(format!(
                            "{file}: the preview says of the first record that cannot be read {message:?}, expected {expected:?}"
                        ));
                    }
                }
                (Outcome::Accepted, Some(first)) => failures.push(format!(
                    "{file}: expected to be accepted whole, but a record was skipped: {first}"
                )),
                (Outcome::Accepted, None) => {
                    let records = format!("{:?}", (&parsed.helpers, &parsed.needs, &parsed.journal));
                    if !records.contains(expected.as_str()) {
                        failures.push(format!(
                            "{file}: accepted, but {expected:?} is not in the records read: {records}"
                        ));
                    }
                }
            }
        }
    }
    failures
}

#[test]
fn every_corpus_file_is_listed_in_expected_txt_and_every_listed_file_exists() {
    let listed: Vec<String> = expectations().into_iter().map(|e| e.file).collect();
    let files = corpus_files();
    let unlisted: Vec<&String> = files.iter().filter(|f| !listed.contains(f)).collect();
    let missing: Vec<&String> = listed.iter().filter(|f| !files.contains(f)).collect();
    assert!(
        unlisted.is_empty(),
        "corpus files not in expected.txt: {unlisted:?}"
    );
    assert!(
        missing.is_empty(),
        "files in expected.txt that are not in the corpus: {missing:?}"
    );
    let mut sorted = listed.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(
        sorted.len(),
        listed.len(),
        "a file is listed twice in expected.txt"
    );
}

#[test]
fn the_corpus_holds_at_least_45_files_and_every_outcome() {
    let expectations = expectations();
    assert!(
        expectations.len() >= 45,
        "only {} files in the corpus",
        expectations.len()
    );
    for outcome in [Outcome::Refused, Outcome::Skipped, Outcome::Accepted] {
        assert!(
            expectations.iter().any(|e| e.outcome == outcome),
            "no {outcome:?} file in the corpus"
        );
    }
}

#[test]
fn every_corpus_file_has_its_expected_outcome_and_message_and_the_store_is_left_as_it_was() {
    let failures: Vec<String> = expectations().iter().flat_map(check).collect();
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn a_file_of_9_mb_is_refused_as_too_large_and_the_store_is_left_as_it_was() {
    // A real share file, made large by one long availability note.
    let note = "x".repeat(9 * 1024 * 1024);
    let file = format!(
        r#"{{"format":"kindred-share","schema":1,"app_version":"0.1.0","exported_at":"2026-11-20T18:30:00Z","includes_private":false,"helpers":[{{"id":"{MAY}","created_at":"2026-11-01T09:00:00Z","updated_at":"2026-11-02T10:15:00Z","name":"May Chan","availability":{{"note":"{note}"}}}}]}}"#
    );
    assert!(file.len() as u64 > MAX_FILE_BYTES);
    let taken_in = take_in(&file).expect("no panic");
    let problem = match taken_in.result {
        Err(problem) => problem,
        Ok((parsed, _)) => panic!(
            "the 9 MB file was read: {} helpers, {} skipped",
            parsed.helpers.len(),
            parsed.skipped.len()
        ),
    };
    assert_eq!(
        problem,
        FileProblem::TooLarge {
            bytes: file.len() as u64
        }
    );
    assert_eq!(
        text::import_refused(&problem),
        format!(
            "This file cannot be imported: the file is {} KB; Kindred reads files up to 8,192 KB. \
             Nothing was changed.",
            kindred_i18n::grouped(file.len() / 1024)
        )
    );
    assert_eq!(taken_in.after, taken_in.before, "the store changed");
    assert_eq!(taken_in.writes, 0, "the store was written to");
}

#[test]
fn a_file_with_one_good_and_one_bad_record_reads_the_good_one_and_lists_the_bad_one_by_path_and_name(
) {
    let file = "53-one-good-and-one-bad-record.json";
    let taken_in = take_in(&read_corpus_file(file)).expect("no panic");
    let (parsed, plan) = taken_in
        .result
        .unwrap_or_else(|problem| panic!("{file}: refused: {problem}"));
    let read: Vec<&str> = parsed.helpers.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(read, vec!["May Chan"], "{file}: the good record is read");
    assert_eq!(parsed.skipped.len(), 1, "{file}: {:?}", parsed.skipped);
    assert_eq!(parsed.skipped[0].path, "helpers[1].email", "{file}");
    assert_eq!(parsed.skipped[0].label, "Mallory", "{file}");
    assert_eq!(
        plan.helpers
            .iter()
            .map(|p| p.incoming.name.as_str())
            .collect::<Vec<_>>(),
        vec!["May Chan"],
        "{file}: the preview offers the good record only"
    );
    assert_eq!(plan.skipped, parsed.skipped, "{file}");
    assert_eq!(taken_in.after, taken_in.before, "{file}: the store changed");
}

#[test]
fn markup_and_scripts_in_a_name_are_kept_as_plain_text() {
    for (file, name) in [
        (
            "45-name-with-a-script-tag.json",
            "<script>alert(1)</script>",
        ),
        (
            "46-name-with-an-img-onerror.json",
            "<img src=x onerror=alert(1)>",
        ),
        // Kept as text, but without the controls that would show it reversed ("Sam
        // Wong.jpg.exe" disguised as a picture): they could make one record pass for another.
        (
            "52-right-to-left-override-in-a-name.json",
            "Sam exe.gpj Wong",
        ),
        (
            "50-name-with-nul-and-control-characters.json",
            "May\u{0}Chan\u{7}\u{1b}[31m",
        ),
    ] {
        let parsed = share::parse(&read_corpus_file(file), now(), today())
            .unwrap_or_else(|problem| panic!("{file}: refused: {problem}"));
        let names: Vec<&str> = parsed.helpers.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, vec![name], "{file}");
        assert!(parsed.skipped.is_empty(), "{file}: {:?}", parsed.skipped);
    }
}
