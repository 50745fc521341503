//! The file neighbours hand each other: what goes in it, and reading one safely.
//!
//! A share file is JSON that names its format and schema version, the app version that wrote
//! it and when, whether it carries private notes, and lists of records by collection. Deleted
//! records travel as tombstones stripped to their ids and stamps, so a delete reaches the
//! neighbour without the deleted words. `docs/share-format.md` describes it and
//! `docs/share-format.schema.json` is its JSON Schema.
//!
//! Reading is strict about the file and lenient about records: a file that is not JSON, not
//! Kindred's, from a newer version, too large, misshapen, or with the same id twice is refused
//! with a message that says what and where; a record that is wrong on its own is listed by
//! path and name, to be skipped only with the reader's consent.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::backup::BACKUP_FORMAT;
use crate::checkin::{CheckinPerson, Mark, MarkField, PersonField, Round, RoundField};
use crate::helper::{Helper, HelperField};
use crate::journal::{EntryField, JournalEntry, Kind};
use crate::model::Model;
use crate::need::{Need, NeedField, Status};
use crate::offer::{Offer, OfferField};
use crate::record::{CollectionName, Record, Records};
use crate::validation::{
    is_sane_stamp, past_day_problem, without_direction_overrides, Field, FieldError, Problem,
};

/// The format name of a share file.
pub const SHARE_FORMAT: &str = "kindred-share";
/// The share-file schema this build writes and reads.
pub const SHARE_SCHEMA: u32 = 2;
/// Files larger than this are refused before they are read: a share file of the largest
/// directory Kindred can hold (localStorage keeps 5,242,880 characters) fits well inside.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// What to put in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportChoice {
    pub helpers: bool,
    pub needs: bool,
    pub journal: bool,
    /// The people to check on, the rounds and their marks: about neighbours who are not in
    /// the group, so they leave only when chosen.
    pub check_ins: bool,
    /// Private notes stay at home unless this is chosen.
    pub private_notes: bool,
}

impl Default for ExportChoice {
    /// The directory and the board, without the journal or anything private.
    fn default() -> Self {
        Self {
            helpers: true,
            needs: true,
            journal: false,
            check_ins: false,
            private_notes: false,
        }
    }
}

/// A share file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareFile {
    pub format: String,
    pub schema: u32,
    pub app_version: String,
    pub exported_at: DateTime<Utc>,
    pub includes_private: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helpers: Option<Vec<Helper>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs: Option<Vec<Need>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal: Option<Vec<JournalEntry>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkin_people: Option<Vec<CheckinPerson>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounds: Option<Vec<Round>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marks: Option<Vec<Mark>>,
    /// Helpers' offers for the needs: they travel whenever the needs do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offers: Option<Vec<Offer>>,
}

/// What every shared record can do besides being stored.
pub trait Shareable: Record {
    /// A few words naming the record in a list.
    fn label(&self) -> String;
    /// Its fields, by their names in a file.
    type Field: Field;
    /// Problems with its fields, by the record's own rules, the ones its form keeps too; a
    /// file may date it up to tomorrow.
    fn problems(&self, today: NaiveDate) -> Vec<FieldError<Self::Field>>;
    /// Blanks the fields that are private.
    fn remove_private(&mut self);
    /// Takes the private fields from the local copy: a file without private notes must not
    /// wipe the ones kept here.
    fn keep_private_from(&mut self, local: &Self);
    /// Blanks everything but the id, stamps, revisions and the deleted marker (kept versions
    /// stay as they are).
    fn strip_to_tombstone(&mut self);
    /// Takes the direction overrides out of the fields that name the record in a list or a
    /// preview, where they could make it read as another.
    fn strip_direction_overrides(&mut self);
}

impl Shareable for JournalEntry {
    fn label(&self) -> String {
        self.text.clone()
    }

    type Field = EntryField;

    fn problems(&self, today: NaiveDate) -> Vec<FieldError<EntryField>> {
        self.check(tomorrow(today))
    }

    fn remove_private(&mut self) {
        self.private_note.clear();
    }

    fn keep_private_from(&mut self, local: &Self) {
        self.private_note.clone_from(&local.private_note);
    }

    fn strip_direction_overrides(&mut self) {
        self.text = without_direction_overrides(&self.text);
        self.person = without_direction_overrides(&self.person);
    }

    fn strip_to_tombstone(&mut self) {
        let kept = JournalEntry::new(
            self.id,
            self.created_at,
            String::new(),
            Kind::default(),
            self.created_at.date_naive(),
        );
        *self = JournalEntry {
            updated_at: self.updated_at,
            deleted_at: self.deleted_at,
            rev: self.rev,
            ancestors: std::mem::take(&mut self.ancestors),
            conflicts: std::mem::take(&mut self.conflicts),
            ..kept
        };
    }
}

impl Shareable for Helper {
    fn label(&self) -> String {
        self.name.clone()
    }

    type Field = HelperField;

    fn problems(&self, today: NaiveDate) -> Vec<FieldError<HelperField>> {
        self.check(tomorrow(today))
    }

    fn remove_private(&mut self) {
        self.private_note.clear();
    }

    fn keep_private_from(&mut self, local: &Self) {
        self.private_note.clone_from(&local.private_note);
    }

    fn strip_direction_overrides(&mut self) {
        self.name = without_direction_overrides(&self.name);
    }

    fn strip_to_tombstone(&mut self) {
        let kept = Helper::new(self.id, self.created_at, String::new());
        *self = Helper {
            updated_at: self.updated_at,
            deleted_at: self.deleted_at,
            rev: self.rev,
            ancestors: std::mem::take(&mut self.ancestors),
            conflicts: std::mem::take(&mut self.conflicts),
            ..kept
        };
    }
}

impl Shareable for Need {
    fn label(&self) -> String {
        self.what.clone()
    }

    type Field = NeedField;

    fn problems(&self, today: NaiveDate) -> Vec<FieldError<NeedField>> {
        let mut problems = self.check();
        if let Status::Done { on, .. } = self.status {
            if let Some(problem) = past_day_problem(on, tomorrow(today)) {
                problems.push(FieldError::new(NeedField::On, problem));
            }
        }
        problems
    }

    // A need has no private field: its notes are about the need, for whoever helps.
    fn remove_private(&mut self) {}

    fn keep_private_from(&mut self, _local: &Self) {}

    fn strip_direction_overrides(&mut self) {
        self.what = without_direction_overrides(&self.what);
        self.for_whom = without_direction_overrides(&self.for_whom);
    }

    fn strip_to_tombstone(&mut self) {
        let kept = Need::new(self.id, self.created_at, String::new());
        *self = Need {
            updated_at: self.updated_at,
            deleted_at: self.deleted_at,
            rev: self.rev,
            ancestors: std::mem::take(&mut self.ancestors),
            conflicts: std::mem::take(&mut self.conflicts),
            status: Status::Open,
            ..kept
        };
    }
}

impl Shareable for CheckinPerson {
    fn label(&self) -> String {
        self.name.clone()
    }

    type Field = PersonField;

    fn problems(&self, _today: NaiveDate) -> Vec<FieldError<PersonField>> {
        self.check()
    }

    fn remove_private(&mut self) {
        self.private_note.clear();
    }

    fn keep_private_from(&mut self, local: &Self) {
        self.private_note.clone_from(&local.private_note);
    }

    fn strip_direction_overrides(&mut self) {
        self.name = without_direction_overrides(&self.name);
    }

    fn strip_to_tombstone(&mut self) {
        let kept = CheckinPerson::new(self.id, self.created_at, String::new());
        *self = CheckinPerson {
            updated_at: self.updated_at,
            deleted_at: self.deleted_at,
            rev: self.rev,
            ancestors: std::mem::take(&mut self.ancestors),
            conflicts: std::mem::take(&mut self.conflicts),
            ..kept
        };
    }
}

impl Shareable for Round {
    fn label(&self) -> String {
        self.reason.clone()
    }

    type Field = RoundField;

    fn problems(&self, _today: NaiveDate) -> Vec<FieldError<RoundField>> {
        self.check()
    }

    // A round has nothing private: who it is for is in the people records.
    fn remove_private(&mut self) {}

    fn keep_private_from(&mut self, _local: &Self) {}

    fn strip_direction_overrides(&mut self) {
        self.reason = without_direction_overrides(&self.reason);
    }

    fn strip_to_tombstone(&mut self) {
        let kept = Round::new(self.id, self.created_at, String::new());
        *self = Round {
            updated_at: self.updated_at,
            deleted_at: self.deleted_at,
            rev: self.rev,
            ancestors: std::mem::take(&mut self.ancestors),
            conflicts: std::mem::take(&mut self.conflicts),
            ..kept
        };
    }
}

impl Shareable for Mark {
    /// A mark names no one itself: its person and round do.
    fn label(&self) -> String {
        String::new()
    }

    type Field = MarkField;

    fn problems(&self, _today: NaiveDate) -> Vec<FieldError<MarkField>> {
        Vec::new()
    }

    fn remove_private(&mut self) {}

    fn keep_private_from(&mut self, _local: &Self) {}

    fn strip_direction_overrides(&mut self) {
        self.by = without_direction_overrides(&self.by);
    }

    fn strip_to_tombstone(&mut self) {
        let kept = Mark::new(
            self.id,
            self.created_at,
            self.round,
            self.person,
            self.answer,
        );
        *self = Mark {
            updated_at: self.updated_at,
            deleted_at: self.deleted_at,
            rev: self.rev,
            ancestors: std::mem::take(&mut self.ancestors),
            conflicts: std::mem::take(&mut self.conflicts),
            ..kept
        };
    }
}

impl Shareable for Offer {
    fn label(&self) -> String {
        self.name.clone()
    }

    type Field = OfferField;

    fn problems(&self, _today: NaiveDate) -> Vec<FieldError<OfferField>> {
        self.check()
    }

    // An offer has no private field: it is said for whoever matches.
    fn remove_private(&mut self) {}

    fn keep_private_from(&mut self, _local: &Self) {}

    fn strip_direction_overrides(&mut self) {
        self.name = without_direction_overrides(&self.name);
        self.note = without_direction_overrides(&self.note);
    }

    fn strip_to_tombstone(&mut self) {
        let kept = Offer::new(
            self.id,
            self.created_at,
            Uuid::nil(),
            String::new(),
            Uuid::nil(),
        );
        *self = Offer {
            updated_at: self.updated_at,
            deleted_at: self.deleted_at,
            rev: self.rev,
            ancestors: std::mem::take(&mut self.ancestors),
            conflicts: std::mem::take(&mut self.conflicts),
            ..kept
        };
    }
}

/// The latest day a record from a file may be dated: a neighbour's calendar may already be a
/// day ahead.
fn tomorrow(today: NaiveDate) -> NaiveDate {
    today.checked_add_days(Days::new(1)).unwrap_or(today)
}

fn export_collection<T: Shareable>(records: &Records<T>, private: bool) -> Vec<T> {
    records
        .all()
        .map(|record| for_export(record, private))
        .collect()
}

/// A record as it leaves this phone: every version it holds, so that the neighbour's merge
/// sees the same conflicts; deletes stripped to their stamps; private notes only if chosen.
fn for_export<T: Shareable>(record: &T, private: bool) -> T {
    let mut copy = record.clone();
    prepare_version(&mut copy, private);
    for kept in copy.conflicts_mut() {
        prepare_version(kept, private);
    }
    copy
}

fn prepare_version<T: Shareable>(version: &mut T, private: bool) {
    if version.is_deleted() {
        version.strip_to_tombstone();
    } else if !private {
        version.remove_private();
    }
}

/// The file for what was chosen. Nothing in the model changes: each record's revisions say
/// what it has seen, so there is nothing to mark as exchanged.
pub fn export(
    model: &Model,
    choice: ExportChoice,
    now: DateTime<Utc>,
    app_version: &str,
) -> ShareFile {
    ShareFile {
        format: SHARE_FORMAT.into(),
        schema: SHARE_SCHEMA,
        app_version: app_version.into(),
        exported_at: now,
        includes_private: choice.private_notes,
        helpers: choice
            .helpers
            .then(|| export_collection(&model.helpers, choice.private_notes)),
        needs: choice
            .needs
            .then(|| export_collection(&model.needs, choice.private_notes)),
        journal: choice
            .journal
            .then(|| export_collection(&model.journal, choice.private_notes)),
        checkin_people: choice
            .check_ins
            .then(|| export_collection(&model.checkin_people, choice.private_notes)),
        rounds: choice
            .check_ins
            .then(|| export_collection(&model.rounds, choice.private_notes)),
        marks: choice
            .check_ins
            .then(|| export_collection(&model.marks, choice.private_notes)),
        offers: choice
            .needs
            .then(|| export_collection(&model.offers, choice.private_notes)),
    }
}

/// A file holding one helper or one need, without private notes, for a QR code.
pub fn one_record_file(record: OneRecord, now: DateTime<Utc>, app_version: &str) -> ShareFile {
    let (helpers, needs) = match record {
        OneRecord::Helper(helper) => (Some(vec![for_export(&helper, false)]), None),
        OneRecord::Need(need) => (None, Some(vec![for_export(&need, false)])),
    };
    ShareFile {
        format: SHARE_FORMAT.into(),
        schema: SHARE_SCHEMA,
        app_version: app_version.into(),
        exported_at: now,
        includes_private: false,
        helpers,
        needs,
        journal: None,
        checkin_people: None,
        rounds: None,
        marks: None,
        offers: None,
    }
}

/// What a QR code can carry.
#[derive(Debug, Clone, PartialEq)]
pub enum OneRecord {
    Helper(Helper),
    Need(Need),
}

/// The route a card link opens: the rest of the fragment is the file in base64url.
pub const CARD_ROUTE: &str = "#/import/";

/// An address of this Kindred (`base`, without a fragment) that offers `file` for import.
pub fn card_link(base: &str, file: &ShareFile) -> String {
    let json = serde_json::to_string(file).expect("a share file always serialises");
    format!(
        "{base}{CARD_ROUTE}{}",
        crate::qr::base64url(json.as_bytes())
    )
}

/// The file text in a card link's fragment (what follows [`CARD_ROUTE`]).
pub fn card_link_text(data: &str) -> Result<String, FileProblem> {
    let bytes = crate::qr::from_base64url(data).ok_or(FileProblem::NotKindred)?;
    String::from_utf8(bytes).map_err(|_| FileProblem::NotKindred)
}

/// The file's text: pretty, so that a curious neighbour can read it.
pub fn to_json(file: &ShareFile) -> String {
    serde_json::to_string_pretty(file).expect("a share file always serialises")
}

/// The name a file is saved under: `kindred-YYYY-MM-DD.json`.
pub fn file_name(today: NaiveDate) -> String {
    format!("kindred-{today}.json")
}

/// Why a whole file is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    TooLarge {
        bytes: u64,
    },
    /// JSON nested too deep or with a number too large to hold.
    Unreasonable {
        line: usize,
        column: usize,
    },
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    Truncated,
    NotKindred,
    NewerVersion {
        found: u64,
    },
    NoVersion,
    /// A part of the file has the wrong shape: `helpers` is not a list, say.
    Shape {
        path: String,
        expected: &'static str,
    },
    /// Two records share an id.
    DuplicateId {
        path: String,
        first: String,
    },
    Empty,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::TooLarge { bytes } => write!(
                f,
                "the file is {} KB; Kindred reads files up to {} KB",
                bytes / 1024,
                MAX_FILE_BYTES / 1024
            ),
            FileProblem::NotJson { line, column, detail } => {
                write!(f, "not a Kindred file: it is not JSON (line {line}, column {column}: {detail})")
            }
            FileProblem::Unreasonable { line, column } => write!(
                f,
                "line {line}, column {column}: nested too deeply or a number too large; this is not a file Kindred wrote"
            ),
            FileProblem::Truncated => f.write_str("the file ends too soon: it may not have been copied whole"),
            FileProblem::NotKindred => f.write_str("not a Kindred file: it does not say \"format\": \"kindred-share\""),
            FileProblem::NewerVersion { found } => write!(
                f,
                "the file was written by a newer Kindred (version {found} of the file format); this Kindred reads version {SHARE_SCHEMA}. Please update Kindred to read it"
            ),
            FileProblem::NoVersion => f.write_str("the file does not say which version of the format it is"),
            FileProblem::Shape { path, expected } => write!(f, "{path}: expected {expected}"),
            FileProblem::DuplicateId { path, first } => {
                write!(f, "{path}.id: the same id as {first}; a record can appear only once")
            }
            FileProblem::Empty => f.write_str("the file is empty"),
        }
    }
}

/// A record that cannot be taken in as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordProblem {
    /// Where it is: `helpers[3]`, or `helpers[3].email` for one field.
    pub path: String,
    /// Its name or text, as far as it could be read.
    pub label: String,
    pub detail: RecordDetail,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordDetail {
    Field(Problem),
    /// What the JSON reader said, for a record it could not read at all.
    Unreadable(String),
    /// A stamp that cannot be right: in the future, or updated before it was created.
    ImpossibleDate,
}

impl fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let detail = match &self.detail {
            RecordDetail::Field(problem) => problem.to_string(),
            RecordDetail::Unreadable(why) => why.clone(),
            RecordDetail::ImpossibleDate => "a date that cannot be right".into(),
        };
        write!(f, "{}: {detail}", self.path)
    }
}

/// A file read and checked: its records, and the ones that cannot be taken in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedFile {
    pub includes_private: bool,
    pub exported_at: Option<DateTime<Utc>>,
    pub helpers: Vec<Helper>,
    pub needs: Vec<Need>,
    pub journal: Vec<JournalEntry>,
    pub checkin_people: Vec<CheckinPerson>,
    pub rounds: Vec<Round>,
    pub marks: Vec<Mark>,
    pub offers: Vec<Offer>,
    /// Records left out; the reader must agree before the rest is taken in.
    pub skipped: Vec<RecordProblem>,
}

/// Migrations of older share schemas (and backups, whose schema is the storage layout's),
/// each to the next: entry `i` turns schema `i + 1` into schema `i + 2`.
const MIGRATIONS: &[fn(Value) -> Value] = &[crate::schema1::file_to_2];

/// Reads a share file (or a Kindred backup, which has the same collections). Never panics,
/// whatever the text.
pub fn parse(text: &str, now: DateTime<Utc>, today: NaiveDate) -> Result<ParsedFile, FileProblem> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge {
            bytes: text.len() as u64,
        });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            FileProblem::Truncated
        } else if ["recursion limit exceeded", "number out of range"]
            .iter()
            .any(|limit| e.to_string().starts_with(limit))
        {
            // serde_json calls these syntax errors, but the JSON may be valid: it is only
            // nested too deep or holds a number too large, which Kindred never writes.
            FileProblem::Unreasonable {
                line: e.line(),
                column: e.column(),
            }
        } else {
            FileProblem::NotJson {
                line: e.line(),
                column: e.column(),
                detail: e
                    .to_string()
                    .split(" at line")
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            }
        }
    })?;
    let Value::Object(top) = &value else {
        return Err(FileProblem::NotKindred);
    };
    let is_backup = match top.get("format").and_then(Value::as_str) {
        Some(SHARE_FORMAT) => false,
        Some(BACKUP_FORMAT) => true,
        _ => return Err(FileProblem::NotKindred),
    };
    let schema = top
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or(FileProblem::NoVersion)?;
    // A backup's schema is the storage layout's; a share file's is the share format's. Both
    // went from 1 to 2 with the same change to their records.
    let readable = if is_backup {
        crate::persist::SCHEMA_VERSION
    } else {
        SHARE_SCHEMA
    };
    if schema > u64::from(readable) {
        return Err(FileProblem::NewerVersion { found: schema });
    }
    if schema == 0 {
        return Err(FileProblem::NoVersion);
    }
    let value = MIGRATIONS[(schema as usize - 1)..]
        .iter()
        .fold(value, |value, migrate| migrate(value));

    let mut parsed = ParsedFile {
        includes_private: is_backup
            || value.get("includes_private").and_then(Value::as_bool) == Some(true),
        exported_at: value
            .get("exported_at")
            .or_else(|| value.get("created_at"))
            .and_then(|v| serde_json::from_value(v.clone()).ok()),
        ..ParsedFile::default()
    };
    let mut seen = BTreeMap::new();
    let checks = Checks { now, today };
    parsed.helpers = read_collection(
        &value,
        CollectionName::Helpers,
        checks,
        &mut seen,
        &mut parsed.skipped,
    )?;
    parsed.needs = read_collection(
        &value,
        CollectionName::Needs,
        checks,
        &mut seen,
        &mut parsed.skipped,
    )?;
    parsed.journal = read_collection(
        &value,
        CollectionName::Journal,
        checks,
        &mut seen,
        &mut parsed.skipped,
    )?;
    parsed.checkin_people = read_collection(
        &value,
        CollectionName::CheckinPeople,
        checks,
        &mut seen,
        &mut parsed.skipped,
    )?;
    parsed.rounds = read_collection(
        &value,
        CollectionName::Rounds,
        checks,
        &mut seen,
        &mut parsed.skipped,
    )?;
    parsed.marks = read_collection(
        &value,
        CollectionName::Marks,
        checks,
        &mut seen,
        &mut parsed.skipped,
    )?;
    parsed.offers = read_collection(
        &value,
        CollectionName::Offers,
        checks,
        &mut seen,
        &mut parsed.skipped,
    )?;
    Ok(parsed)
}

#[derive(Clone, Copy)]
pub(crate) struct Checks {
    pub(crate) now: DateTime<Utc>,
    pub(crate) today: NaiveDate,
}

fn read_collection<T: Shareable>(
    file: &Value,
    collection: CollectionName,
    checks: Checks,
    seen: &mut BTreeMap<Uuid, String>,
    skipped: &mut Vec<RecordProblem>,
) -> Result<Vec<T>, FileProblem> {
    let name = collection.as_str();
    let items = match file.get(name) {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => {
            return Err(FileProblem::Shape {
                path: name.into(),
                expected: "a list of records",
            })
        }
    };
    let mut records = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        if let Some(record) = read_item(item, name, index, checks, seen, skipped)? {
            records.push(record);
        }
    }
    Ok(records)
}

/// Reads item `index` of collection `name`: the record, or `None` when it is left out (and
/// said in `skipped`), or the problem that refuses the whole file.
pub(crate) fn read_item<T: Shareable>(
    item: &Value,
    name: &str,
    index: usize,
    checks: Checks,
    seen: &mut BTreeMap<Uuid, String>,
    skipped: &mut Vec<RecordProblem>,
) -> Result<Option<T>, FileProblem> {
    let path = format!("{name}[{index}]");
    if !item.is_object() {
        return Err(FileProblem::Shape {
            path,
            expected: "a record (an object with an id)",
        });
    }
    let label = without_direction_overrides(
        ["name", "what", "text", "reason"]
            .iter()
            .find_map(|field| item.get(*field).and_then(Value::as_str))
            .unwrap_or_default(),
    );
    if let Some(id) = item
        .get("id")
        .and_then(Value::as_str)
        .and_then(|id| id.parse::<Uuid>().ok())
    {
        if let Some(first) = seen.insert(id, path.clone()) {
            return Err(FileProblem::DuplicateId { path, first });
        }
    }
    // Reading through serde_path_to_error names the field that failed.
    let mut record: T = match serde_path_to_error::deserialize(item) {
        Ok(record) => record,
        Err(e) => {
            let field = e.path().to_string();
            skipped.push(RecordProblem {
                path: if field == "." {
                    path
                } else {
                    format!("{path}.{field}")
                },
                label,
                detail: RecordDetail::Unreadable(e.into_inner().to_string()),
            });
            return Ok(None);
        }
    };
    let id = record.id();
    let mut problem = check_version(&mut record, checks).err();
    for (index, kept) in record.conflicts_mut().iter_mut().enumerate() {
        if problem.is_some() {
            break;
        }
        let at = |(field, detail): (String, RecordDetail)| {
            (format!("conflicts[{index}].{field}"), detail)
        };
        problem = if kept.id() != id {
            Some(at((
                "id".into(),
                RecordDetail::Unreadable("not a version of this record".into()),
            )))
        } else if !kept.conflicts().is_empty() {
            Some(at((
                "conflicts".into(),
                RecordDetail::Unreadable("a kept version cannot keep versions of its own".into()),
            )))
        } else {
            check_version(kept, checks).err().map(at)
        };
    }
    if let Some((field, detail)) = problem {
        skipped.push(RecordProblem {
            path: format!("{path}.{field}"),
            label,
            detail,
        });
        return Ok(None);
    }
    Ok(Some(record))
}

/// Checks one version of a record from a file: stamps that can be, on days a record may be
/// dated, and fields that are right. A delete is stripped of whatever words the file put in
/// it, and a record's names of their direction overrides.
fn check_version<T: Shareable>(
    version: &mut T,
    checks: Checks,
) -> Result<(), (String, RecordDetail)> {
    let latest_possible = checks
        .now
        .checked_add_signed(Duration::days(1))
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    if version.created_at() > latest_possible {
        return Err(("created_at".into(), RecordDetail::ImpossibleDate));
    }
    if version.updated_at() < version.created_at() || version.updated_at() > latest_possible {
        return Err(("updated_at".into(), RecordDetail::ImpossibleDate));
    }
    let stamps = [
        ("created_at", Some(version.created_at())),
        ("updated_at", Some(version.updated_at())),
        ("deleted_at", version.deleted_at()),
    ];
    for (field, stamp) in stamps {
        if stamp.is_some_and(|at| !is_sane_stamp(at)) {
            return Err((field.into(), RecordDetail::Field(Problem::OutOfRange)));
        }
    }
    if version.is_deleted() {
        version.strip_to_tombstone();
        return Ok(());
    }
    version.strip_direction_overrides();
    match version.problems(checks.today).first() {
        Some(error) => Err((
            error.field.name().into(),
            RecordDetail::Field(error.problem),
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::tests::{at, entry};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
    }

    fn file_with(helpers: Vec<Helper>, needs: Vec<Need>, journal: Vec<JournalEntry>) -> ShareFile {
        ShareFile {
            format: SHARE_FORMAT.into(),
            schema: SHARE_SCHEMA,
            app_version: "0.1.0".into(),
            exported_at: at(5),
            includes_private: false,
            helpers: Some(helpers),
            needs: Some(needs),
            journal: Some(journal),
            checkin_people: None,
            rounds: None,
            marks: None,
            offers: None,
        }
    }

    fn sample_model() -> Model {
        let mut model = Model::default();
        let mut may = Helper::new(Uuid::from_u128(1), at(1), "May Chan".into());
        may.private_note = "Her son's number is in my phone".into();
        may.phone = "+852 2345 6789".into();
        model.helpers.put(may, at(1));
        let gone = Helper::new(Uuid::from_u128(2), at(1), "Moved away".into());
        model.helpers.put(gone, at(1));
        model.helpers.delete(Uuid::from_u128(2), at(2));
        model
            .needs
            .put(Need::new(Uuid::from_u128(3), at(1), "A ride".into()), at(1));
        model
            .journal
            .put(entry(4, "a private kindness", at(1)), at(1));
        let mut ana = Offer::new(
            Uuid::from_u128(5),
            at(2),
            Uuid::from_u128(3),
            "Ana".into(),
            Uuid::from_u128(0xA),
        );
        ana.note = "Tuesday after 3".into();
        model.offers.put(ana, at(2));
        let withdrawn = Offer::new(
            Uuid::from_u128(6),
            at(2),
            Uuid::from_u128(3),
            "Ben".into(),
            Uuid::from_u128(0xB),
        );
        model.offers.put(withdrawn, at(2));
        model.offers.delete(Uuid::from_u128(6), at(3));
        model
    }

    #[test]
    fn by_default_a_file_holds_helpers_and_needs_without_private_notes_or_the_journal() {
        let file = export(&sample_model(), ExportChoice::default(), at(5), "0.1.0");
        assert_eq!(file.format, SHARE_FORMAT);
        assert!(!file.includes_private);
        assert!(file.journal.is_none());
        let helpers = file.helpers.unwrap();
        let may = helpers.iter().find(|h| h.name == "May Chan").unwrap();
        assert!(may.private_note.is_empty());
        assert_eq!(may.phone, "+852 2345 6789");
        let tombstone = helpers.iter().find(|h| h.id == Uuid::from_u128(2)).unwrap();
        assert!(tombstone.is_deleted());
        assert!(
            tombstone.name.is_empty(),
            "a delete travels without the deleted words"
        );
        assert_eq!(file.needs.unwrap().len(), 1);
    }

    #[test]
    fn private_notes_and_the_journal_go_only_when_chosen() {
        let choice = ExportChoice {
            journal: true,
            check_ins: true,
            private_notes: true,
            ..ExportChoice::default()
        };
        let file = export(&sample_model(), choice, at(5), "0.1.0");
        assert!(file.includes_private);
        assert_eq!(file.journal.unwrap()[0].text, "a private kindness");
        assert!(file
            .helpers
            .unwrap()
            .iter()
            .any(|h| h.private_note.contains("son")));
    }

    #[test]
    fn what_is_exported_parses_back_the_same() {
        let file = export(&sample_model(), ExportChoice::default(), at(5), "0.1.0");
        let parsed = parse(&to_json(&file), at(6), today()).unwrap();
        assert!(parsed.skipped.is_empty());
        assert_eq!(Some(parsed.helpers), file.helpers);
        assert_eq!(Some(parsed.needs), file.needs);
        assert_eq!(Some(parsed.offers), file.offers);
        assert_eq!(parsed.exported_at, Some(at(5)));
        assert_eq!(file_name(today()), "kindred-2026-11-02.json");
    }

    #[test]
    fn offers_travel_with_the_needs_and_a_withdrawn_one_as_a_bare_delete() {
        let file = export(&sample_model(), ExportChoice::default(), at(5), "0.1.0");
        let offers = file.offers.unwrap();
        let ana = offers.iter().find(|o| o.id == Uuid::from_u128(5)).unwrap();
        assert_eq!(
            (ana.name.as_str(), ana.note.as_str()),
            ("Ana", "Tuesday after 3")
        );
        let withdrawn = offers.iter().find(|o| o.id == Uuid::from_u128(6)).unwrap();
        assert!(withdrawn.is_deleted());
        assert!(withdrawn.name.is_empty() && withdrawn.device.is_nil());

        let helpers_only = ExportChoice {
            needs: false,
            ..ExportChoice::default()
        };
        let file = export(&sample_model(), helpers_only, at(5), "0.1.0");
        assert!(file.offers.is_none(), "no offers without their needs");
    }

    #[test]
    fn a_collection_this_kindred_does_not_know_is_left_out_and_the_rest_read() {
        // What a Kindred from before offers did with a file that has them: it reads the
        // collections it knows, by name, and passes over the others.
        let text = r#"{"format":"kindred-share","schema":2,"exported_at":"2026-11-02T09:05:00Z",
            "includes_private":false,"app_version":"9",
            "needs":[{"id":"00000000-0000-0000-0000-000000000003","created_at":"2026-11-01T09:00:00Z",
             "updated_at":"2026-11-01T09:00:00Z","rev":"1-0000abcd","what":"A ride","status":"open"}],
            "visits":[{"id":"00000000-0000-0000-0000-000000000009","anything":true}]}"#;
        let parsed = parse(text, at(6), today()).unwrap();
        assert_eq!(parsed.needs.len(), 1);
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    }

    #[test]
    fn a_file_from_a_newer_kindred_is_refused_saying_which_versions() {
        let text = r#"{"format":"kindred-share","schema":7,"helpers":[]}"#;
        let problem = parse(text, at(0), today()).unwrap_err();
        assert_eq!(problem, FileProblem::NewerVersion { found: 7 });
        let message = problem.to_string();
        assert!(
            message.contains("version 7") && message.contains("reads version 2"),
            "{message}"
        );
    }

    #[test]
    fn a_record_with_a_bad_field_is_listed_by_path_and_name_and_the_rest_is_read() {
        let text = r#"{"format":"kindred-share","schema":1,"helpers":[
            {"id":"00000000-0000-0000-0000-000000000001","created_at":"2026-11-01T09:00:00Z",
             "updated_at":"2026-11-01T09:00:00Z","name":"Sam"},
            {"id":"00000000-0000-0000-0000-000000000002","created_at":"2026-11-01T09:00:00Z",
             "updated_at":"2026-11-01T09:00:00Z","name":"Mallory","email":"javascript:alert(1)"}
        ]}"#;
        let parsed = parse(text, at(0), today()).unwrap();
        assert_eq!(parsed.helpers.len(), 1);
        assert_eq!(
            parsed.skipped[0].to_string(),
            "helpers[1].email: not an e-mail address"
        );
        assert_eq!(parsed.skipped[0].label, "Mallory");
    }

    #[test]
    fn the_same_id_twice_refuses_the_file() {
        let record = r#"{"id":"00000000-0000-0000-0000-000000000001","created_at":"2026-11-01T09:00:00Z","updated_at":"2026-11-01T09:00:00Z","what":"x"}"#;
        let text =
            format!(r#"{{"format":"kindred-share","schema":1,"needs":[{record},{record}]}}"#);
        assert_eq!(
            parse(&text, at(0), today()).unwrap_err().to_string(),
            "needs[1].id: the same id as needs[0]; a record can appear only once"
        );
    }

    #[test]
    fn a_card_link_carries_one_helper_without_the_private_note_and_reads_back() {
        let model = sample_model();
        let may = model.helpers.get(Uuid::from_u128(1)).unwrap().clone();
        let file = one_record_file(OneRecord::Helper(may), at(5), "0.1.0");
        let link = card_link("https://example.org/kindred/", &file);
        let data = link
            .strip_prefix("https://example.org/kindred/#/import/")
            .unwrap();
        let parsed = parse(&card_link_text(data).unwrap(), at(6), today()).unwrap();
        assert_eq!(parsed.helpers.len(), 1);
        assert_eq!(parsed.helpers[0].name, "May Chan");
        assert!(parsed.helpers[0].private_note.is_empty());
        assert!(crate::qr::encode(&link).is_ok(), "fits in a QR code");
        assert_eq!(card_link_text("not base64!"), Err(FileProblem::NotKindred));
    }

    #[test]
    fn a_date_or_stamp_outside_1900_to_2200_skips_the_record_in_every_kind() {
        let far_back = NaiveDate::from_ymd_opt(-262143, 1, 2).unwrap();
        let far_on = NaiveDate::from_ymd_opt(262142, 6, 15).unwrap();
        let before_1900 = NaiveDate::from_ymd_opt(1899, 12, 31).unwrap();
        let stamp = |day: NaiveDate| day.and_hms_opt(0, 0, 0).unwrap().and_utc();

        let mut journal = Vec::new();
        let mut dated = entry(1, "a ride", at(1));
        dated.date = far_back;
        journal.push(dated);
        let mut created = entry(2, "a ride", at(1));
        created.created_at = stamp(before_1900);
        journal.push(created);
        let mut kept = entry(3, "a ride", at(1));
        let mut other = kept.clone();
        other.date = before_1900;
        kept.conflicts.push(other);
        journal.push(kept);

        let mut helpers = Vec::new();
        let mut asked = Helper::new(Uuid::from_u128(11), at(1), "May".into());
        asked.last_contacted = Some(far_back);
        helpers.push(asked);
        let mut gone = Helper::new(Uuid::from_u128(12), at(1), "Sam".into());
        gone.deleted_at = Some(stamp(far_back));
        helpers.push(gone);

        let mut needs = Vec::new();
        let mut needed = Need::new(Uuid::from_u128(21), at(1), "A ride".into());
        needed.needed_by = Some(far_on);
        needs.push(needed);
        let mut follow_up = Need::new(Uuid::from_u128(22), at(1), "A visit".into());
        follow_up.follow_up_on = Some(far_on);
        needs.push(follow_up);
        let mut done = Need::new(Uuid::from_u128(23), at(1), "Groceries".into());
        done.mark_done(before_1900).unwrap();
        needs.push(done);

        let file = file_with(helpers, needs, journal);
        let parsed = parse(&to_json(&file), at(6), today()).unwrap();
        assert!(parsed.helpers.is_empty() && parsed.needs.is_empty());
        assert!(parsed.journal.is_empty());
        let skipped: Vec<(&str, &RecordDetail)> = parsed
            .skipped
            .iter()
            .map(|problem| (problem.path.as_str(), &problem.detail))
            .collect();
        let out_of_range = RecordDetail::Field(Problem::OutOfRange);
        assert_eq!(
            skipped,
            [
                "helpers[0].last_contacted",
                "helpers[1].deleted_at",
                "needs[0].needed_by",
                "needs[1].follow_up_on",
                "needs[2].on",
                "journal[0].date",
                "journal[1].created_at",
                "journal[2].conflicts[0].date",
            ]
            .map(|path| (path, &out_of_range))
        );
    }

    #[test]
    fn direction_overrides_are_stripped_from_what_names_a_record_and_marks_are_kept() {
        let mut may = Helper::new(Uuid::from_u128(1), at(1), "May\u{202E} Chan\u{200F}".into());
        let mut earlier = may.clone();
        earlier.name = "\u{202E}nahC yaM".into();
        may.conflicts.push(earlier);
        let mut mallory = Helper::new(Uuid::from_u128(2), at(1), "\u{202E}yrollaM".into());
        mallory.email = "not an address".into();
        let mut ride = Need::new(Uuid::from_u128(3), at(1), "\u{2066}A ride\u{2069}".into());
        ride.for_whom = "Mrs\u{202B} Chan".into();
        let mut drove = entry(4, "\u{202A}Drove\u{202D} Mr Lee\u{202C}", at(1));
        drove.person = "\u{200E}Mr Lee\u{2067}\u{2068}".into();

        let file = file_with(vec![may, mallory], vec![ride], vec![drove]);
        let parsed = parse(&to_json(&file), at(6), today()).unwrap();
        assert_eq!(parsed.helpers[0].name, "May Chan\u{200F}");
        assert_eq!(parsed.helpers[0].conflicts[0].name, "nahC yaM");
        assert_eq!(parsed.skipped[0].label, "yrollaM");
        assert_eq!(parsed.needs[0].what, "A ride");
        assert_eq!(parsed.needs[0].for_whom, "Mrs Chan");
        assert_eq!(parsed.journal[0].text, "Drove Mr Lee");
        assert_eq!(parsed.journal[0].person, "\u{200E}Mr Lee");
    }

    #[test]
    fn a_backup_file_can_be_read_as_a_share_file_with_its_private_notes() {
        let backup = crate::backup::backup_json(&sample_model(), &[], at(5));
        let parsed = parse(&backup, at(6), today()).unwrap();
        assert!(parsed.includes_private);
        assert_eq!(parsed.journal.len(), 1);
    }
}
