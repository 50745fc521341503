//! Large files a piece at a time (`in_pieces`): read and taken in with pauses between pieces,
//! with exactly the result of doing it in one go. (The fuzz run in `parse_fuzz.rs` compares
//! the reading with `share::parse` on every hostile input too.)

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use kindred_core::backup::backup_json;
use kindred_core::folder;
use kindred_core::in_pieces::{self, RECORDS_PER_PIECE};
use kindred_core::model::Model;
use kindred_core::sample;
use kindred_core::share::{self, ExportChoice, FileProblem, ParsedFile};
use serde_json::{json, Value};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 2, 9, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

/// Reads `text` in pieces, counting the pauses.
fn read_in_pieces(text: &str) -> (Result<ParsedFile, FileProblem>, usize) {
    let mut pauses = 0;
    let answer = in_pieces::at_once(in_pieces::parse(text, now(), today(), || {
        pauses += 1;
        std::future::ready(())
    }));
    (answer, pauses)
}

fn neighbourhood(helpers: usize, entries: usize) -> Model {
    let mut model = Model::default();
    for helper in sample::helpers(helpers, now()) {
        model.helpers.put(helper, now());
    }
    for entry in sample::journal_entries(entries, today(), now()) {
        model.journal.put(entry, now());
    }
    model
}

fn share_file(model: &Model) -> String {
    let everything = ExportChoice {
        helpers: true,
        needs: true,
        journal: true,
        check_ins: true,
        private_notes: false,
    };
    share::to_json(&share::export(model, everything, now(), "1.0"))
}

#[test]
fn a_large_file_reads_as_share_parse_reads_it_with_a_pause_after_each_piece() {
    let text = share_file(&neighbourhood(2_000, 600));
    let whole = share::parse(&text, now(), today()).unwrap();
    let (in_pieces, pauses) = read_in_pieces(&text);
    assert_eq!(in_pieces.unwrap(), whole);
    assert_eq!(whole.helpers.len() + whole.journal.len(), 2_600);
    assert_eq!(
        pauses,
        (2_600 - 1) / RECORDS_PER_PIECE,
        "a pause after each full piece"
    );
}

#[test]
fn records_left_out_and_a_file_refused_are_said_in_the_same_words() {
    let mut file: Value = serde_json::from_str(&share_file(&neighbourhood(1_500, 0))).unwrap();
    // One helper from the future, one misshapen; then an id twice.
    file["helpers"][1_200]["created_at"] = json!("2099-01-01T00:00:00Z");
    file["helpers"][7]["name"] = json!(42);
    let text = file.to_string();
    let whole = share::parse(&text, now(), today()).unwrap();
    assert_eq!(whole.skipped.len(), 2);
    assert_eq!(read_in_pieces(&text).0.unwrap(), whole);

    file["helpers"][1_400]["id"] = file["helpers"][3]["id"].clone();
    let text = file.to_string();
    let refused = share::parse(&text, now(), today()).unwrap_err();
    assert!(
        matches!(refused, FileProblem::DuplicateId { .. }),
        "{refused:?}"
    );
    assert_eq!(read_in_pieces(&text).0, Err(refused));
}

#[test]
fn files_it_does_not_read_in_pieces_are_read_whole() {
    let model = neighbourhood(30, 30);
    let backup = backup_json(&model, &[], now());
    let schema1 = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/schema1-share-everything.json"
    ))
    .unwrap();
    for text in [
        backup,
        schema1,
        String::new(),
        "[1, 2]".into(),
        "{\"format\":".into(),
    ] {
        assert_eq!(
            read_in_pieces(&text),
            (share::parse(&text, now(), today()), 0)
        );
    }
}

#[test]
fn nesting_at_the_limit_is_refused_or_read_exactly_as_share_parse_does() {
    let file: Value = serde_json::from_str(&share_file(&neighbourhood(3, 0))).unwrap();
    for depth in 120..135 {
        let deep = "[".repeat(depth) + &"]".repeat(depth);
        for place in ["top", "item", "field"] {
            let mut spoiled = file.clone();
            let text = match place {
                "top" => spoiled
                    .to_string()
                    .replacen('{', &format!("{{\"extra\":{deep},"), 1),
                "item" => {
                    spoiled["helpers"][1] = json!("DEEP");
                    spoiled.to_string().replace("\"DEEP\"", &deep)
                }
                _ => {
                    spoiled["helpers"][1]["notes"] = json!("DEEP");
                    spoiled.to_string().replace("\"DEEP\"", &deep)
                }
            };
            let whole = share::parse(&text, now(), today());
            assert_eq!(
                read_in_pieces(&text).0,
                whole,
                "{place} nested {depth} deep"
            );
        }
    }
}

#[test]
fn every_file_of_the_import_corpus_reads_as_share_parse_reads_it() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/import_corpus");
    let mut files = 0;
    for entry in std::fs::read_dir(corpus).unwrap() {
        let path = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // not UTF-8: never reaches a parser
        };
        assert_eq!(
            read_in_pieces(&text).0,
            share::parse(&text, now(), today()),
            "{}",
            path.display()
        );
        files += 1;
    }
    assert!(files > 40, "{files} files");
}

#[test]
fn a_file_taken_in_piece_by_piece_leaves_what_it_leaves_taken_in_at_once() {
    // Here: some of the same helpers, edited differently (conflicts), and some of its own.
    let mut here = neighbourhood(1_200, 100);
    let mut theirs = neighbourhood(2_500, 0);
    let later = now() + Duration::minutes(5);
    for (i, helper) in sample::helpers(2_500, now()).into_iter().enumerate() {
        if i % 7 == 0 {
            let mut mine = helper.clone();
            mine.name.push_str(" (here)");
            here.helpers.put(mine, later);
            let mut their = helper;
            their.name.push_str(" (theirs)");
            theirs.helpers.put(their, later);
        }
    }
    let file = share::parse(&share_file(&theirs), now(), today()).unwrap();
    let pieces = in_pieces::split(file.clone(), RECORDS_PER_PIECE);
    assert_eq!(pieces.len(), 2_500usize.div_ceil(RECORDS_PER_PIECE));
    assert!(pieces
        .iter()
        .all(|p| p.helpers.len() + p.journal.len() <= RECORDS_PER_PIECE));

    let mut at_once = here.clone();
    let changed_at_once = folder::take_in(&mut at_once, file, later);
    let mut piece_by_piece = here;
    let changed: usize = pieces
        .into_iter()
        .map(|piece| folder::take_in(&mut piece_by_piece, piece, later))
        .sum();
    assert_eq!(changed, changed_at_once);
    assert!(changed_at_once > 1_300, "{changed_at_once}");
    assert_eq!(piece_by_piece, at_once);
    let conflicts = at_once
        .helpers
        .live()
        .filter(|h| !h.conflicts.is_empty())
        .count();
    assert_eq!(
        conflicts,
        2_500 / 7 + 1,
        "every edit made on both sides kept for review"
    );
}
