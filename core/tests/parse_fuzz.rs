//! `share::parse` on hostile input: it reads whatever a neighbour hands over, so it must never
//! panic, and must answer every text with either records or a `FileProblem` that says why.
//!
//! The inputs are random bytes, and valid exports and backups spoiled the ways a file gets
//! spoiled or forged: cut short, characters replaced, inserted or deleted, fields removed,
//! numbers made huge or negative, strings made 100 KB long, values nested 10,000 deep,
//! `format` and `schema` swapped for other types, ids made invalid or duplicated, dates out
//! of range or impossible. Besides not panicking, every answer is checked: the records read
//! pass the checks a reader relies on (unique ids, possible stamps, valid fields), a file cut
//! short is called truncated, a duplicated id refuses the file, an untouched file reads whole.
//! Reading a piece at a time (`in_pieces::parse`, the group folder's way) answers every input
//! exactly as `share::parse` does.
//!
//! The run count comes from `KINDRED_FUZZ_CASES` (2,000 by default, so that the normal test
//! run stays quick); the number of inputs parsed is printed at the end.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use kindred_core::backup::backup_json;
use kindred_core::helper::Helper;
use kindred_core::in_pieces;
use kindred_core::journal::{JournalEntry, Kind};
use kindred_core::model::Model;
use kindred_core::need::{Need, Status};
use kindred_core::record::{Record, Records};
use kindred_core::share::{self, ExportChoice, FileProblem, ParsedFile, RecordDetail, Shareable};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{TestCaseError, TestRunner};
use serde_json::Value;
use uuid::Uuid;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 12, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
}

/// `in_pieces::parse` with pauses that never wait.
fn read_in_pieces(text: &str) -> Result<ParsedFile, FileProblem> {
    in_pieces::at_once(in_pieces::parse(text, now(), today(), || {
        std::future::ready(())
    }))
}

fn instant(minutes: u16) -> DateTime<Utc> {
    now() - Duration::minutes(i64::from(minutes))
}

// ---------------------------------------------------------------------------------------
// Valid files to spoil.

/// Text that is not blank: a visible character, then any characters at all.
fn text() -> impl Strategy<Value = String> {
    "[\\p{L}\\p{N}\\p{P}\\p{S}][\\s\\S]{0,12}"
}

fn stamps() -> impl Strategy<Value = (DateTime<Utc>, DateTime<Utc>)> {
    (0..600u16, 0..600u16).prop_map(|(a, b)| (instant(a.max(b)), instant(a.min(b))))
}

fn helper() -> impl Strategy<Value = Helper> {
    (
        any::<u128>(),
        stamps(),
        text(),
        select(vec!["", "+852 2345 6789", "2345-6789"]),
        select(vec!["", "may@example.hk"]),
        "[\\s\\S]{0,12}",
    )
        .prop_map(|(id, (created, updated), name, phone, email, note)| {
            let mut helper = Helper::new(Uuid::from_u128(id), created, name);
            helper.updated_at = updated;
            helper.phone = phone.into();
            helper.email = email.into();
            helper.private_note = note;
            helper.last_contacted = Some(today());
            helper.languages = vec!["Cantonese".into()];
            helper
        })
}

fn need() -> impl Strategy<Value = Need> {
    (any::<u128>(), stamps(), text(), 0..3u8, any::<u128>()).prop_map(
        |(id, (created, updated), what, status, helper)| {
            let mut need = Need::new(Uuid::from_u128(id), created, what);
            need.updated_at = updated;
            need.needed_by = Some(today());
            let helpers = vec![Uuid::from_u128(helper)];
            need.status = match status {
                0 => Status::Open,
                1 => Status::Matched { helpers },
                _ => Status::Done {
                    helpers,
                    on: today(),
                },
            };
            need
        },
    )
}

fn entry() -> impl Strategy<Value = JournalEntry> {
    (
        any::<u128>(),
        stamps(),
        text(),
        select(Kind::ALL.to_vec()),
        text(),
    )
        .prop_map(|(id, (created, updated), text, kind, tag)| {
            let mut entry = JournalEntry::new(Uuid::from_u128(id), created, text, kind, today());
            entry.updated_at = updated;
            entry.tags = vec![tag];
            entry
        })
}

fn hold<T: Shareable>(records: &mut Records<T>, held: Vec<(T, bool)>) {
    for (record, deleted) in held {
        let id = record.id();
        let stamp = record.updated_at();
        records.put(record, stamp);
        if deleted {
            records.delete(id, now());
        }
    }
}

/// Up to three records, a fifth of them deleted.
fn held<T: Record + fmt::Debug>(
    record: impl Strategy<Value = T>,
) -> impl Strategy<Value = Vec<(T, bool)>> {
    prop::collection::vec((record, prop::bool::weighted(0.2)), 0..4)
}

/// The text of a valid share file (any choice of collections) or backup.
fn valid_file() -> impl Strategy<Value = String> {
    (
        held(helper()),
        held(need()),
        held(entry()),
        any::<(bool, bool, bool, bool)>(),
        prop::bool::weighted(0.2),
    )
        .prop_map(
            |(helpers, needs, journal, (h, n, j, private_notes), backup)| {
                let mut model = Model::default();
                hold(&mut model.helpers, helpers);
                hold(&mut model.needs, needs);
                hold(&mut model.journal, journal);
                if backup {
                    return backup_json(&model, &[], now());
                }
                let choice = ExportChoice {
                    helpers: h,
                    needs: n,
                    journal: j,
                    check_ins: j,
                    private_notes,
                };
                share::to_json(&share::export(&model, choice, now(), "test"))
            },
        )
}

// ---------------------------------------------------------------------------------------
// Hostile values.

/// Where in a file a hostile value goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// Any value, the whole file included.
    Anywhere,
    /// `format`, `schema` or `includes_private` at the top.
    Header,
    /// A record id, or an id in a need's list of helpers.
    Id,
    /// A date or a time stamp.
    Date,
    /// A collection or a record in one.
    Records,
}

const NUMBERS: &[&str] = &[
    "-1",
    "0",
    "-0",
    "1.0",
    "2",
    "1e400",
    "-1e400",
    "1e-400",
    "4294967297",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775809",
    "99999999999999999999999999999999999999999999",
    "1.7976931348623157e308",
    "5e-324",
];

const OTHER_TYPES: &[&str] = &[
    "null",
    "true",
    "false",
    "[]",
    "{}",
    "\"\"",
    "\"1\"",
    "[1]",
    "[null]",
    "[{}]",
    "\"kindred-share\"",
    "\"kindred-backup\"",
    "\"KINDRED-SHARE\"",
    "{\"format\":\"kindred-share\",\"schema\":1}",
];

const IDS: &[&str] = &[
    "\"not-a-uuid\"",
    "\"\"",
    "\"00000000-0000-0000-0000-000000000000\"",
    "\"ffffffff-ffff-ffff-ffff-ffffffffffff\"",
    "\"{00000000-0000-0000-0000-000000000001}\"",
    "\"urn:uuid:00000000-0000-0000-0000-000000000001\"",
    "\"00000000000000000000000000000001\"",
    "\"00000000-0000-0000-0000-00000000000G\"",
    "\"00000000-0000-0000-0000-0000000000001\"",
    "\"ÄÄÄÄÄÄÄÄ-ÄÄÄÄ-ÄÄÄÄ-ÄÄÄÄ-ÄÄÄÄÄÄÄÄÄÄÄÄ\"",
    "1",
    "null",
];

const DATES: &[&str] = &[
    "\"+275760-09-13T00:00:00Z\"",
    "\"-271821-04-20T00:00:00Z\"",
    "\"2026-02-30T00:00:00Z\"",
    "\"2026-13-01T00:00:00Z\"",
    "\"2026-11-02T24:00:00Z\"",
    "\"2026-11-02T23:59:60Z\"",
    "\"2026-11-02T09:00:00+25:00\"",
    "\"+262143-12-31T23:59:59.999999999Z\"",
    "\"-262144-01-01T00:00:00Z\"",
    "\"+262144-01-01T00:00:00Z\"",
    "\"2026-11-02T09:00:00.99999999999999999999Z\"",
    "\"+200000-01-01T00:00:00Z\"",
    "\"1970-01-01T00:00:00Z\"",
    "\"2026-11-03T12:00:00Z\"",
    "\"2026-11-03T12:00:00.001Z\"",
    "\"2026-11-02T09:00:00\"",
    "\"2026-11-02 09:00:00Z\"",
    "\"2026-11-02\"",
    "\"2026-02-30\"",
    "\"+275760-09-13\"",
    "\"+262143-12-31\"",
    "\"-262144-01-01\"",
    "\"0000-00-00\"",
    "8640000000000000",
];

/// A hostile JSON text: one of the lists above, a 100 KB string, or nesting 10,000 deep.
#[derive(Debug, Clone, Copy)]
enum Raw {
    Listed(&'static str),
    /// 100 KB of one character, quoted.
    LongString(char),
    /// 100 KB of one escape, quoted: `\u0000`, a lone surrogate, a bad escape.
    LongEscapes(&'static str),
    /// `[` 10,000 deep, closed or not.
    Deep {
        opener: &'static str,
        closed: bool,
    },
}

impl Raw {
    fn text(self) -> String {
        const BYTES: usize = 100 * 1024;
        const DEPTH: usize = 10_000;
        match self {
            Raw::Listed(text) => text.into(),
            Raw::LongString(c) => {
                serde_json::to_string(&c.to_string().repeat(BYTES / c.len_utf8()))
                    .expect("a string serialises")
            }
            Raw::LongEscapes(escape) => format!("\"{}\"", escape.repeat(BYTES / escape.len())),
            Raw::Deep { opener, closed } => {
                let (middle, closer) = match opener {
                    "[" => ("1", "]"),
                    "[{\"id\":" => ("1", "}]"),
                    _ => ("{}", "}"),
                };
                let mut text = opener.repeat(DEPTH);
                if closed {
                    text.push_str(middle);
                    text.push_str(&closer.repeat(DEPTH));
                }
                text
            }
        }
    }
}

fn listed(list: &'static [&'static str]) -> BoxedStrategy<Raw> {
    select(list).prop_map(Raw::Listed).boxed()
}

fn raw() -> impl Strategy<Value = Raw> {
    prop_oneof![
        3 => listed(NUMBERS),
        3 => listed(OTHER_TYPES),
        2 => listed(IDS),
        3 => listed(DATES),
        1 => prop_oneof![select(vec!['a', '"', '\\', '\u{0}', 'é', '陳', '🌱']), any::<char>()]
            .prop_map(Raw::LongString),
        1 => select(vec!["\\u0000", "\\uD800", "\\uDC00", "\\uD800\\u0041", "\\x", "\\"])
            .prop_map(Raw::LongEscapes),
        1 => (select(vec!["[", "{\"a\":", "[{\"id\":"]), any::<bool>())
            .prop_map(|(opener, closed)| Raw::Deep { opener, closed }),
    ]
}

fn raw_for(target: Target) -> BoxedStrategy<Raw> {
    match target {
        Target::Header => prop_oneof![listed(NUMBERS), listed(OTHER_TYPES)].boxed(),
        Target::Id => prop_oneof![3 => listed(IDS), 1 => raw()].boxed(),
        Target::Date => prop_oneof![3 => listed(DATES), 1 => raw()].boxed(),
        Target::Anywhere | Target::Records => raw().boxed(),
    }
}

// ---------------------------------------------------------------------------------------
// Spoiling a file.

/// One change to a character.
#[derive(Debug, Clone, Copy)]
enum CharEdit {
    Replace(Index, char),
    Insert(Index, char),
    Delete(Index),
}

fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        select(vec![
            '{', '}', '[', ']', '"', ':', ',', '\\', '-', '0', '9', 'e', '.', 'n', ' ', '\u{feff}',
            '\u{0}'
        ]),
        any::<char>(),
    ]
}

fn char_edit() -> impl Strategy<Value = CharEdit> {
    prop_oneof![
        (any::<Index>(), hostile_char()).prop_map(|(at, c)| CharEdit::Replace(at, c)),
        (any::<Index>(), hostile_char()).prop_map(|(at, c)| CharEdit::Insert(at, c)),
        any::<Index>().prop_map(CharEdit::Delete),
    ]
}

/// What is done to a valid file.
#[derive(Debug, Clone)]
enum Spoil {
    Nothing,
    /// Cut at a byte, read back leniently (a character cut in half becomes U+FFFD).
    CutAt(Index),
    Characters(Vec<CharEdit>),
    /// A value replaced by a hostile one.
    Value(Target, Index, Raw),
    /// A field taken out of an object.
    RemoveField(Index),
    /// One record given the id of another, or one record listed twice.
    DuplicateId(Index, Index),
    /// The whole file nested inside `[`… this deep: around serde_json's limit of 128, or far
    /// beyond.
    Wrapped(usize),
}

fn spoil() -> impl Strategy<Value = Spoil> {
    let target = select(vec![
        Target::Anywhere,
        Target::Header,
        Target::Id,
        Target::Date,
        Target::Records,
    ]);
    prop_oneof![
        1 => Just(Spoil::Nothing),
        3 => any::<Index>().prop_map(Spoil::CutAt),
        3 => prop::collection::vec(char_edit(), 1..8).prop_map(Spoil::Characters),
        8 => (target, any::<Index>())
            .prop_flat_map(|(target, at)| raw_for(target).prop_map(move |raw| (target, at, raw)))
            .prop_map(|(target, at, raw)| Spoil::Value(target, at, raw)),
        2 => any::<Index>().prop_map(Spoil::RemoveField),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Spoil::DuplicateId(a, b)),
        1 => select(vec![126, 127, 128, 129, 10_000]).prop_map(Spoil::Wrapped),
    ]
}

/// What the answer to an input must be, beyond not panicking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Records or a file problem, whichever.
    Anything,
    /// All of the file's records, none skipped.
    Whole,
    /// The file is called truncated (or empty, when nothing is left).
    CutShort,
    /// The file is refused for a duplicate id.
    DuplicateId,
}

/// Every value in the file by JSON pointer, the whole file first.
fn pointers(value: &Value, at: String, all: &mut Vec<String>) {
    match value {
        Value::Object(fields) => {
            all.push(at.clone());
            for (key, field) in fields {
                pointers(field, format!("{at}/{key}"), all);
            }
        }
        Value::Array(items) => {
            all.push(at.clone());
            for (index, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{index}"), all);
            }
        }
        _ => all.push(at),
    }
}

const COLLECTIONS: [&str; 7] = [
    "helpers",
    "needs",
    "journal",
    "checkin_people",
    "rounds",
    "marks",
    "offers",
];
const DATE_FIELDS: &[&str] = &[
    "created_at",
    "updated_at",
    "deleted_at",
    "exported_at",
    "date",
    "needed_by",
    "follow_up_on",
    "last_contacted",
    "on",
];

fn is_target(target: Target, pointer: &str) -> bool {
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    let last = segments.last().copied().unwrap_or_default();
    let in_collection = segments.first().is_some_and(|s| COLLECTIONS.contains(s));
    match target {
        Target::Anywhere => true,
        Target::Header => {
            segments.len() == 1 && ["format", "schema", "includes_private"].contains(&last)
        }
        Target::Id => {
            in_collection
                && (last == "id"
                    || segments.get(segments.len().wrapping_sub(2)) == Some(&"helpers"))
        }
        Target::Date => DATE_FIELDS.contains(&last),
        Target::Records => in_collection && segments.len() <= 2,
    }
}

const MARK: &str = "@@kindred-fuzz-raw@@";

/// The file with the value at `pointer` replaced by raw text.
fn with_raw(mut file: Value, pointer: &str, raw: Raw) -> String {
    if pointer.is_empty() {
        return raw.text();
    }
    *file
        .pointer_mut(pointer)
        .expect("a pointer found in the file") = Value::String(MARK.into());
    serde_json::to_string_pretty(&file)
        .expect("a value serialises")
        .replacen(&format!("\"{MARK}\""), &raw.text(), 1)
}

fn cut(text: &str, at: Index) -> (String, Expect) {
    let at = at.index(text.len().max(1));
    let prefix = String::from_utf8_lossy(&text.as_bytes()[..at]).into_owned();
    (prefix, Expect::CutShort)
}

fn edit_characters(text: &str, edits: &[CharEdit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for edit in edits {
        let len = chars.len();
        match *edit {
            CharEdit::Replace(at, c) if len > 0 => chars[at.index(len)] = c,
            CharEdit::Insert(at, c) => chars.insert(at.index(len + 1), c),
            CharEdit::Delete(at) if len > 0 => {
                chars.remove(at.index(len));
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

fn remove_field(mut file: Value, at: Index) -> String {
    let mut all = Vec::new();
    pointers(&file, String::new(), &mut all);
    let fields: Vec<&String> = all
        .iter()
        .filter(|p| {
            let (parent, _) = p.rsplit_once('/').unwrap_or_default();
            !p.is_empty() && file.pointer(parent).is_some_and(Value::is_object)
        })
        .collect();
    if !fields.is_empty() {
        let pointer = fields[at.index(fields.len())];
        let (parent, key) = pointer.rsplit_once('/').expect("a field has a parent");
        if let Some(Value::Object(object)) = file.pointer_mut(parent) {
            object.remove(key);
        }
    }
    serde_json::to_string_pretty(&file).expect("a value serialises")
}

fn duplicate_id(mut file: Value, a: Index, b: Index) -> (String, Expect) {
    let records: Vec<(&str, usize)> = COLLECTIONS
        .iter()
        .flat_map(|name| {
            let count = file
                .get(*name)
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            (0..count).map(move |i| (*name, i))
        })
        .collect();
    let expect = match records.len() {
        0 => Expect::Whole,
        1 => {
            let (name, _) = records[0];
            let list = file[name].as_array_mut().expect("a collection is a list");
            list.push(list[0].clone());
            Expect::DuplicateId
        }
        n => {
            let (from, to) = (records[a.index(n)], records[b.index(n)]);
            if from == to {
                let list = file[from.0].as_array_mut().expect("a collection is a list");
                list.push(list[from.1].clone());
            } else {
                let id = file[from.0][from.1]["id"].clone();
                file[to.0][to.1]["id"] = id;
            }
            Expect::DuplicateId
        }
    };
    let text = serde_json::to_string_pretty(&file).expect("a value serialises");
    (text, expect)
}

/// The input made from a valid file and a spoil, and what its answer must be.
fn spoiled(text: &str, spoil: &Spoil) -> (String, Expect) {
    let file = || serde_json::from_str::<Value>(text).expect("a valid file is JSON");
    match spoil {
        Spoil::Nothing => (text.into(), Expect::Whole),
        Spoil::CutAt(at) => cut(text, *at),
        Spoil::Characters(edits) => (edit_characters(text, edits), Expect::Anything),
        Spoil::Value(target, at, raw) => {
            let file = file();
            let mut all = Vec::new();
            pointers(&file, String::new(), &mut all);
            let mut targets: Vec<&String> = all.iter().filter(|p| is_target(*target, p)).collect();
            if targets.is_empty() {
                targets = all.iter().collect();
            }
            let pointer = targets[at.index(targets.len())].clone();
            (with_raw(file, &pointer, *raw), Expect::Anything)
        }
        Spoil::RemoveField(at) => (remove_field(file(), *at), Expect::Anything),
        Spoil::DuplicateId(a, b) => duplicate_id(file(), *a, *b),
        Spoil::Wrapped(depth) => (
            format!("{}{text}{}", "[".repeat(*depth), "]".repeat(*depth)),
            Expect::Anything,
        ),
    }
}

/// One input to `parse`.
#[derive(Clone)]
struct Case {
    family: Family,
    text: String,
    expect: Expect,
    /// How many records the valid file held, for `Expect::Whole`.
    records: usize,
}

impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 4000;
        let mut end = self.text.len().min(SHOWN);
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        write!(
            f,
            "{:?} expecting {:?}, {} bytes: {:?}{}",
            self.family,
            self.expect,
            self.text.len(),
            &self.text[..end],
            if end < self.text.len() { "…" } else { "" }
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    RandomBytes,
    JsonishBytes,
    SpoiledFile,
}

fn records_in(text: &str) -> usize {
    let file: Value = serde_json::from_str(text).expect("a valid file is JSON");
    COLLECTIONS
        .iter()
        .filter_map(|name| file.get(*name).and_then(Value::as_array))
        .map(Vec::len)
        .sum()
}

fn case() -> impl Strategy<Value = Case> {
    let anything = |family, bytes: Vec<u8>| Case {
        family,
        text: String::from_utf8_lossy(&bytes).into_owned(),
        expect: Expect::Anything,
        records: 0,
    };
    let jsonish = select(b"{}[]\":,0123456789-+.eE \n\\utrfalsnid\xef\xbb\xbf".to_vec());
    prop_oneof![
        1 => prop::collection::vec(any::<u8>(), 0..1024)
            .prop_map(move |bytes| anything(Family::RandomBytes, bytes)),
        1 => (
            select(vec!["", "{", "{\"format\":\"kindred-share\",\"schema\":1,"]),
            prop::collection::vec(jsonish, 0..512),
        )
            .prop_map(move |(start, mut bytes)| {
                bytes.splice(0..0, start.bytes());
                anything(Family::JsonishBytes, bytes)
            }),
        8 => (valid_file(), spoil()).prop_map(|(text, spoil)| {
            let records = records_in(&text);
            let (text, expect) = spoiled(&text, &spoil);
            Case {
                family: Family::SpoiledFile,
                text,
                expect,
                records,
            }
        }),
    ]
}

// ---------------------------------------------------------------------------------------
// Checking an answer.

/// The records read are ones a reader can rely on: possible stamps, valid fields.
fn sound<T: Shareable + fmt::Debug>(
    records: &[T],
    ids: &mut BTreeSet<Uuid>,
) -> Result<(), TestCaseError> {
    for record in records {
        prop_assert!(ids.insert(record.id()), "{} read twice", record.id());
        prop_assert!(record.created_at() <= record.updated_at(), "{:?}", record);
        prop_assert!(
            record.updated_at() <= now() + Duration::days(1),
            "{:?}",
            record
        );
        if !record.is_deleted() {
            let problems = record.problems(today());
            prop_assert!(problems.is_empty(), "{:?}: {:?}", problems, record);
        }
    }
    Ok(())
}

fn check(case: &Case, answer: &Result<ParsedFile, FileProblem>) -> Result<(), TestCaseError> {
    match answer {
        Ok(parsed) => {
            let mut ids = BTreeSet::new();
            sound(&parsed.helpers, &mut ids)?;
            sound(&parsed.needs, &mut ids)?;
            sound(&parsed.journal, &mut ids)?;
            sound(&parsed.checkin_people, &mut ids)?;
            sound(&parsed.rounds, &mut ids)?;
            sound(&parsed.marks, &mut ids)?;
            sound(&parsed.offers, &mut ids)?;
            for skipped in &parsed.skipped {
                let message = skipped.to_string();
                prop_assert!(
                    COLLECTIONS.iter().any(|c| message.starts_with(c)),
                    "{}",
                    message
                );
            }
        }
        Err(problem) => {
            prop_assert!(!problem.to_string().is_empty());
            prop_assert!(
                !matches!(problem, FileProblem::TooLarge { .. }),
                "{:?} for {} bytes",
                problem,
                case.text.len()
            );
        }
    }
    match case.expect {
        Expect::Anything => {}
        Expect::Whole => {
            let parsed = answer
                .as_ref()
                .map_err(|p| TestCaseError::fail(p.to_string()))?;
            prop_assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
            let read = parsed.helpers.len()
                + parsed.needs.len()
                + parsed.journal.len()
                + parsed.checkin_people.len()
                + parsed.rounds.len()
                + parsed.marks.len()
                + parsed.offers.len();
            prop_assert_eq!(read, case.records);
        }
        Expect::CutShort => prop_assert!(
            matches!(answer, Err(FileProblem::Truncated | FileProblem::Empty)),
            "{:?}",
            answer
        ),
        Expect::DuplicateId => prop_assert!(
            matches!(answer, Err(FileProblem::DuplicateId { .. })),
            "{:?}",
            answer
        ),
    }
    Ok(())
}

fn fuzz_cases() -> u32 {
    std::env::var("KINDRED_FUZZ_CASES").map_or(2_000, |cases| {
        cases
            .trim()
            .replace(['_', ','], "")
            .parse()
            .expect("KINDRED_FUZZ_CASES is a number of runs")
    })
}

#[test]
fn hostile_input_never_makes_parse_panic_and_is_answered_with_records_or_a_file_problem() {
    let cases = fuzz_cases();
    let mut runner = TestRunner::new(ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let by_family = [
        Family::RandomBytes,
        Family::JsonishBytes,
        Family::SpoiledFile,
    ]
    .map(|family| (family, AtomicU64::new(0)));
    let refused = AtomicU64::new(0);
    let started = Instant::now();
    let result = runner.run(&case(), |case| {
        let answer = share::parse(&case.text, now(), today());
        prop_assert_eq!(&read_in_pieces(&case.text), &answer, "read in pieces");
        for (family, count) in &by_family {
            if *family == case.family {
                count.fetch_add(1, Ordering::Relaxed);
            }
        }
        if answer.is_err() {
            refused.fetch_add(1, Ordering::Relaxed);
        }
        check(&case, &answer)
    });
    let counts = by_family.map(|(family, count)| (family, count.into_inner()));
    let parsed: u64 = counts.iter().map(|(_, count)| count).sum();
    eprintln!(
        "share::parse ran on {parsed} inputs ({} refused with a file problem) in {:.1} s; \
         by kind {counts:?}; KINDRED_FUZZ_CASES={cases}",
        refused.into_inner(),
        started.elapsed().as_secs_f64()
    );
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

// ---------------------------------------------------------------------------------------
// Every hostile value at every place of one file, and the named cases' answers.

fn sample_file() -> String {
    let mut model = Model::default();
    let mut may = Helper::new(Uuid::from_u128(1), instant(60), "May Chan".into());
    may.phone = "+852 2345 6789".into();
    may.last_contacted = Some(today());
    model.helpers.put(may, instant(60));
    model.helpers.put(
        Helper::new(Uuid::from_u128(2), instant(60), "Sam".into()),
        instant(60),
    );
    model.helpers.delete(Uuid::from_u128(2), instant(30));
    let mut ride = Need::new(Uuid::from_u128(3), instant(60), "A ride".into());
    ride.needed_by = Some(today());
    ride.status = Status::Done {
        helpers: vec![Uuid::from_u128(1)],
        on: today(),
    };
    model.needs.put(ride, instant(60));
    let mut offer = kindred_core::offer::Offer::new(
        Uuid::from_u128(9),
        instant(60),
        Uuid::from_u128(3),
        "Ana".into(),
        Uuid::from_u128(0xA),
    );
    offer.note = "Tuesday after 3".into();
    model.offers.put(offer, instant(60));
    model.journal.put(
        JournalEntry::new(
            Uuid::from_u128(4),
            instant(60),
            "Carried the shopping".into(),
            Kind::Given,
            today(),
        ),
        instant(60),
    );
    // A person to check on, a round and a mark: every kind of record is in the file.
    let mut lee =
        kindred_core::checkin::CheckinPerson::new(Uuid::from_u128(5), instant(60), "Mr Lee".into());
    lee.phone = "+852 2345 6780".into();
    model.save_checkin_person(None, lee, instant(60));
    let round = model
        .start_round(Uuid::from_u128(6), "Typhoon signal 8", "Sam", instant(60))
        .unwrap();
    let mark = kindred_core::checkin::Mark::new(
        Uuid::from_u128(7),
        instant(60),
        round,
        Uuid::from_u128(5),
        kindred_core::checkin::Answer::NoAnswer,
    );
    model.mark_checkin(mark, None, instant(60)).unwrap();
    let choice = ExportChoice {
        journal: true,
        check_ins: true,
        ..ExportChoice::default()
    };
    share::to_json(&share::export(&model, choice, now(), "test"))
}

#[test]
fn every_listed_hostile_value_in_every_place_of_a_file_is_answered_without_a_panic() {
    let text = sample_file();
    let file: Value = serde_json::from_str(&text).unwrap();
    let mut all = Vec::new();
    pointers(&file, String::new(), &mut all);
    let raws = [NUMBERS, OTHER_TYPES, IDS, DATES]
        .concat()
        .into_iter()
        .map(Raw::Listed)
        .chain([
            Raw::LongString('🌱'),
            Raw::LongEscapes("\\uD800"),
            Raw::Deep {
                opener: "[",
                closed: true,
            },
            Raw::Deep {
                opener: "{\"a\":",
                closed: false,
            },
        ]);
    let mut inputs = 0;
    for raw in raws {
        for pointer in &all {
            let case = Case {
                family: Family::SpoiledFile,
                text: with_raw(file.clone(), pointer, raw),
                expect: Expect::Anything,
                records: 0,
            };
            let answer = share::parse(&case.text, now(), today());
            assert_eq!(
                read_in_pieces(&case.text),
                answer,
                "read in pieces: {pointer}"
            );
            if let Err(failure) = check(&case, &answer) {
                panic!("{pointer} = {raw:?}: {failure}\n{case:?}");
            }
            inputs += 1;
        }
    }
    assert!(inputs > 1_000, "only {inputs} inputs");
}

fn one_helper(field: &str, value: &str) -> String {
    let text = sample_file();
    let mut file: Value = serde_json::from_str(&text).unwrap();
    file["helpers"][0][field] = Value::String(MARK.into());
    file.to_string().replacen(&format!("\"{MARK}\""), value, 1)
}

#[test]
fn a_date_out_of_range_or_impossible_skips_the_record_and_the_rest_is_read() {
    for date in ["+275760-09-13T00:00:00Z", "2026-02-30T00:00:00Z"] {
        let parsed = share::parse(
            &one_helper("created_at", &format!("\"{date}\"")),
            now(),
            today(),
        )
        .unwrap();
        assert_eq!(parsed.skipped.len(), 1, "{date}");
        assert!(parsed.skipped[0].path.starts_with("helpers[0]"), "{date}");
        assert_eq!(parsed.skipped[0].label, "May Chan");
        assert!(matches!(
            parsed.skipped[0].detail,
            RecordDetail::Unreadable(_)
        ));
        assert_eq!(parsed.helpers.len(), 1, "the tombstone is still read");
        assert_eq!(parsed.needs.len() + parsed.journal.len(), 2);
    }
    let far_future = one_helper("updated_at", "\"+200000-01-01T00:00:00Z\"");
    let parsed = share::parse(&far_future, now(), today()).unwrap();
    assert_eq!(parsed.skipped[0].detail, RecordDetail::ImpossibleDate);
}

#[test]
fn nesting_ten_thousand_deep_is_refused_saying_where() {
    let deep = Raw::Deep {
        opener: "[",
        closed: true,
    }
    .text();
    for text in [deep.clone(), one_helper("name", &deep)] {
        let message = share::parse(&text, now(), today()).unwrap_err().to_string();
        assert!(message.contains("line 1, column"), "{message}");
    }
}

#[test]
fn a_hundred_kilobyte_name_is_read_as_it_is() {
    let long = Raw::LongString('陳').text();
    let parsed = share::parse(&one_helper("name", &long), now(), today()).unwrap();
    let name: String = serde_json::from_str(&long).unwrap();
    assert_eq!(parsed.helpers[0].name, name);
    assert!(name.len() > 100_000);
}
