//! Large files a piece at a time, so that the page keeps answering the person.
//!
//! In a neighbourhood of 10,000 records every device's file in a group folder holds them all:
//! a few megabytes that take longer to read, write or take in than a person may wait for a
//! tap to answer (50 ms). Each is done [`RECORDS_PER_PIECE`] records at a time, with a pause
//! in which the page draws and takes typing. The result is exactly the one done in one go.

use std::collections::BTreeMap;
use std::future::Future;

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::record::CollectionName;
use crate::share::{
    self, Checks, FileProblem, ParsedFile, Shareable, MAX_FILE_BYTES, SHARE_FORMAT, SHARE_SCHEMA,
};

/// About 1 ms of work in the bench machine's browser, for each of reading, writing and
/// taking in (10 ms for the first piece, before the browser has compiled the code fully):
/// the shell's pause lets the page in once several pieces have held it.
pub const RECORDS_PER_PIECE: usize = 200;

/// Reads a share file as [`share::parse`] does, awaiting `pause` between pieces. A file
/// that is not a share file of this version, or is wrong anywhere, is handed to
/// `share::parse` whole, so that its problem is reported in the very same words.
pub async fn parse<P: Future<Output = ()>>(
    text: &str,
    now: DateTime<Utc>,
    today: NaiveDate,
    mut pause: impl FnMut() -> P,
) -> Result<ParsedFile, FileProblem> {
    match parse_current(text, Checks { now, today }, &mut pause).await {
        Some(parsed) => parsed,
        None => share::parse(text, now, today),
    }
}

/// `None` when the file is not one this reader takes in pieces.
async fn parse_current<P: Future<Output = ()>>(
    text: &str,
    checks: Checks,
    pause: &mut impl FnMut() -> P,
) -> Option<Result<ParsedFile, FileProblem>> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return None;
    }
    let text = text.trim_start_matches('\u{feff}');
    // Only the outline is read here; each record is read on its own below.
    let top: BTreeMap<String, &RawValue> = serde_json::from_str(text).ok()?;
    let field = |name: &str| -> Option<Value> { serde_json::from_str(top.get(name)?.get()).ok() };
    // Every other field is read as `share::parse` reads it, so that whatever it would refuse
    // (too deep, a number too large) is refused the same way, there.
    let collections = CollectionName::ALL.map(CollectionName::as_str);
    for (name, raw) in &top {
        if !collections.contains(&name.as_str()) {
            let value: Value = serde_json::from_str(raw.get()).ok()?;
            if depth(&value) > TOP_FIELD_DEPTH {
                return None;
            }
        }
    }
    if field("format")? != SHARE_FORMAT || field("schema")? != SHARE_SCHEMA {
        return None;
    }
    let mut parsed = ParsedFile {
        includes_private: field("includes_private").and_then(|v| v.as_bool()) == Some(true),
        exported_at: field("exported_at")
            .or_else(|| field("created_at"))
            .and_then(|v| serde_json::from_value(v).ok()),
        ..ParsedFile::default()
    };
    let mut reader = Reader {
        top: &top,
        checks,
        seen: BTreeMap::new(),
        read: 0,
    };
    let skipped = &mut parsed.skipped;
    macro_rules! read {
        ($collection:ident, $name:expr) => {
            parsed.$collection = match reader.collection($name, skipped, pause).await? {
                Ok(records) => records,
                Err(problem) => return Some(Err(problem)),
            }
        };
    }
    read!(helpers, CollectionName::Helpers);
    read!(needs, CollectionName::Needs);
    read!(journal, CollectionName::Journal);
    read!(checkin_people, CollectionName::CheckinPeople);
    read!(rounds, CollectionName::Rounds);
    read!(marks, CollectionName::Marks);
    read!(offers, CollectionName::Offers);
    Some(Ok(parsed))
}

struct Reader<'a> {
    top: &'a BTreeMap<String, &'a RawValue>,
    checks: Checks,
    /// Every id read so far, with where: an id twice refuses the file.
    seen: BTreeMap<uuid::Uuid, String>,
    /// Records read so far, to pause after each piece.
    read: usize,
}

impl Reader<'_> {
    /// `None` when the collection is not a list of JSON values this reader can read.
    async fn collection<T: Shareable + DeserializeOwned, P: Future<Output = ()>>(
        &mut self,
        collection: CollectionName,
        skipped: &mut Vec<share::RecordProblem>,
        pause: &mut impl FnMut() -> P,
    ) -> Option<Result<Vec<T>, FileProblem>> {
        let name = collection.as_str();
        let Some(raw) = self.top.get(name) else {
            return Some(Ok(Vec::new()));
        };
        if raw.get() == "null" {
            return Some(Ok(Vec::new()));
        }
        let items: Vec<&RawValue> = serde_json::from_str(raw.get()).ok()?;
        let mut records = Vec::with_capacity(items.len());
        for (index, item) in items.into_iter().enumerate() {
            if self.read > 0 && self.read.is_multiple_of(RECORDS_PER_PIECE) {
                pause().await;
            }
            self.read += 1;
            let item: Value = serde_json::from_str(item.get()).ok()?;
            if depth(&item) > ITEM_DEPTH {
                return None;
            }
            match share::read_item(&item, name, index, self.checks, &mut self.seen, skipped) {
                Ok(Some(record)) => records.push(record),
                Ok(None) => {}
                Err(problem) => return Some(Err(problem)),
            }
        }
        Some(Ok(records))
    }
}

/// The end of work done in pieces whose pauses never wait (a file opened from disk, a test):
/// it is ready at the first look.
pub fn at_once<F: Future>(work: F) -> F::Output {
    let mut work = std::pin::pin!(work);
    match work
        .as_mut()
        .poll(&mut std::task::Context::from_waker(std::task::Waker::noop()))
    {
        std::task::Poll::Ready(done) => done,
        std::task::Poll::Pending => unreachable!("a pause that never waits"),
    }
}

/// How deep JSON may nest in `share::parse` (serde_json refuses a 128th level of arrays and
/// objects), less the levels above a top-level field (the file) and above an item (the file
/// and its list).
const TOP_FIELD_DEPTH: usize = 126;
const ITEM_DEPTH: usize = 125;

/// How many arrays and objects deep `value` goes.
fn depth(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(fields) => 1 + fields.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// `file` as files of at most `records` records each, to be taken in one after another with
/// the same result as `file` at once: each record is merged on its own, and a file holds each
/// id once. What was left out is said with the first.
pub fn split(mut file: ParsedFile, records: usize) -> Vec<ParsedFile> {
    let records = records.max(1);
    let empty = || ParsedFile {
        includes_private: file.includes_private,
        exported_at: file.exported_at,
        ..ParsedFile::default()
    };
    let mut pieces = vec![ParsedFile {
        skipped: std::mem::take(&mut file.skipped),
        ..empty()
    }];
    let mut room = records;
    macro_rules! deal {
        ($collection:ident) => {
            for record in std::mem::take(&mut file.$collection) {
                if room == 0 {
                    pieces.push(empty());
                    room = records;
                }
                room -= 1;
                pieces
                    .last_mut()
                    .expect("one piece at least")
                    .$collection
                    .push(record);
            }
        };
    }
    deal!(helpers);
    deal!(needs);
    deal!(journal);
    deal!(checkin_people);
    deal!(rounds);
    deal!(marks);
    deal!(offers);
    pieces
}
