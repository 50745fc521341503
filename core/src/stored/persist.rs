//! How the model is laid out in a key-value store, and the rules that keep it safe.
//!
//! - Each collection is split over [`BUCKETS`] keys by record id (`kindred/journal/a`), so that a
//!   save rewrites only the buckets that changed and each write stays small.
//! - Every stored value is an envelope naming its format and schema version, so that an older
//!   layout can be migrated and a newer one is recognised rather than misread.
//! - Stored text that cannot be read is never overwritten: before its key is written again, the
//!   raw text is copied to `kindred/unreadable/<key>`, and the app starts with what it can read.
//! - A save reads the key again just before writing it and merges by record, so that two tabs
//!   writing the same bucket never lose each other's changes.
//! - A save that fails leaves the changes in memory, still marked unsaved, for the next try.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;

use crate::model::Model;
use crate::record::{CollectionName, Record, Records, BUCKETS};
use crate::settings::Settings;
use crate::storage::{KeyValueStore, StorageError};

/// The format name in every envelope: data that does not carry it is not Kindred's.
pub const FORMAT: &str = "kindred";
/// The layout version this build writes and reads. Older ones are migrated on load.
pub const SCHEMA_VERSION: u32 = 2;
/// Migrations from each older schema to the next, applied in order to the envelope's content:
/// entry `i` turns schema `i + 1` into schema `i + 2`.
const MIGRATIONS: &[Migration] = &[crate::schema1::bucket_to_2];

/// Turns an envelope of one schema into the next, or says why it cannot.
type Migration = fn(Value) -> Result<Value, String>;

const PREFIX: &str = "kindred/";
const UNREADABLE_PREFIX: &str = "kindred/unreadable/";
pub const SETTINGS_KEY: &str = "kindred/settings";

/// The storage key of one bucket of a collection.
pub fn bucket_key(collection: CollectionName, bucket: u8) -> String {
    format!("{PREFIX}{}/{bucket:x}", collection.as_str())
}

/// Which collection a storage key belongs to, if it is a bucket key: lets the app react to
/// another tab's write.
pub fn collection_of_key(key: &str) -> Option<CollectionName> {
    let rest = key.strip_prefix(PREFIX)?;
    let (name, bucket) = rest.split_once('/')?;
    let bucket_ok = u8::from_str_radix(bucket, 16).is_ok_and(|b| b < BUCKETS) && bucket.len() == 1;
    CollectionName::parse(name).filter(|_| bucket_ok)
}

#[derive(Serialize)]
struct EnvelopeOut<T: Serialize> {
    format: &'static str,
    schema: u32,
    #[serde(flatten)]
    content: T,
}

#[derive(Serialize)]
struct RecordsOut<'a, T> {
    records: Vec<&'a T>,
}

#[derive(Serialize, Deserialize)]
struct SettingsContent {
    settings: Settings,
}

fn envelope<T: Serialize>(content: T) -> String {
    serde_json::to_string(&EnvelopeOut {
        format: FORMAT,
        schema: SCHEMA_VERSION,
        content,
    })
    .expect("records always serialise")
}

/// Stored text that could not be read (in whole or in part), and where its raw text is kept.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// The key the text was found under.
    pub key: String,
    /// Why it could not be read, in English for the record; the app words it for the reader.
    pub reason: String,
    /// Where the raw text is kept now, or why it could not be set aside yet (it then stays
    /// where it is, and that key is not written until it can be).
    pub kept_as: Result<String, StorageError>,
    pub raw: String,
}

/// What loading found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub model: Model,
    /// Stored text that could not be read, including copies set aside on earlier starts.
    pub unreadable: Vec<Unreadable>,
    /// Set when storage could not be read at all: nothing will be written until it can be.
    pub storage_error: Option<StorageError>,
    /// Whether settings were stored (readable or not): a first start has none.
    pub settings_found: bool,
    /// The schema of data a newer Kindred wrote, if any was found: those keys were left
    /// exactly as they are, and this tab should be reloaded to read them.
    pub newer_schema: Option<u64>,
}

/// The records read from one stored value, and why any others could not be read.
struct ReadRecords<T> {
    records: Vec<T>,
    problems: Vec<String>,
    /// Read from an older schema: the value is to be written again in this one.
    migrated: bool,
}

/// Why a stored value was not opened.
#[derive(Debug, Clone, PartialEq)]
enum Unopened {
    /// A newer Kindred wrote it (in another tab, most likely, during an update): it is
    /// sound, only not for this build, and must be left exactly as it is.
    Newer { schema: u64 },
    /// It cannot be read: it is to be set aside before its key is written again.
    Unreadable(String),
}

impl From<String> for Unopened {
    fn from(reason: String) -> Self {
        Unopened::Unreadable(reason)
    }
}

/// The schema of an envelope, when its text says one: a cheap look before opening it.
fn stored_schema(value: &Value) -> Option<u64> {
    value.get("schema").and_then(Value::as_u64)
}

/// Opens an envelope: checks the format, migrates older schemas, refuses newer ones.
fn open_envelope(raw: &str) -> Result<(Value, bool), Unopened> {
    let value: Value = serde_json::from_str(raw).map_err(|e| format!("not readable JSON ({e})"))?;
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(Unopened::Unreadable(
            "not Kindred data (no \"format\": \"kindred\")".into(),
        ));
    }
    let schema = stored_schema(&value).ok_or_else(|| "no schema version".to_string())?;
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(Unopened::Newer { schema });
    }
    if schema == 0 {
        return Err(Unopened::Unreadable("schema 0 does not exist".into()));
    }
    let migrated = schema < u64::from(SCHEMA_VERSION);
    MIGRATIONS[(schema as usize - 1)..]
        .iter()
        .try_fold(value, |value, migrate| migrate(value))
        .map(|value| (value, migrated))
        .map_err(Unopened::Unreadable)
}

/// A bucket of the current schema whose every record reads: the usual case, read in one
/// pass straight into records.
#[derive(Deserialize)]
#[serde(bound = "T: DeserializeOwned")]
struct CurrentBucket<T> {
    format: String,
    schema: u32,
    records: Vec<T>,
}

/// Reads a bucket's records. A sound bucket of the current schema is read in one pass;
/// anything else is read record by record through the migrations, so that one bad record
/// does not hide the others. Fails as a whole only when the envelope itself cannot be read.
fn read_records<T: Record>(raw: &str) -> Result<ReadRecords<T>, Unopened> {
    if let Ok(bucket) = serde_json::from_str::<CurrentBucket<T>>(raw) {
        if bucket.format == FORMAT && bucket.schema == SCHEMA_VERSION {
            return Ok(ReadRecords {
                records: bucket.records,
                problems: Vec::new(),
                migrated: false,
            });
        }
    }
    let (value, migrated) = open_envelope(raw)?;
    let Some(Value::Array(items)) = value.get("records") else {
        return Err(Unopened::Unreadable("no list of records".into()));
    };
    let mut read = ReadRecords {
        records: Vec::with_capacity(items.len()),
        problems: Vec::new(),
        migrated,
    };
    for (index, item) in items.iter().enumerate() {
        match T::deserialize(item) {
            Ok(record) => read.records.push(record),
            Err(e) => read.problems.push(format!("records[{index}]: {e}")),
        }
    }
    Ok(read)
}

fn read_settings(raw: &str) -> Result<Settings, Unopened> {
    let (value, _) = open_envelope(raw)?;
    SettingsContent::deserialize(value)
        .map(|c| c.settings)
        .map_err(|e| Unopened::Unreadable(format!("settings: {e}")))
}

/// Copies unreadable text to its own key before anything may overwrite it. Idempotent: the
/// same text found again is not copied twice.
pub(crate) fn set_aside(
    store: &mut impl KeyValueStore,
    key: &str,
    raw: &str,
) -> Result<String, StorageError> {
    let base = format!("{UNREADABLE_PREFIX}{key}");
    for n in 1.. {
        let candidate = if n == 1 {
            base.clone()
        } else {
            format!("{base}#{n}")
        };
        match store.get(&candidate)? {
            Some(existing) if existing == raw => return Ok(candidate),
            Some(_) => continue,
            None => {
                store.set(&candidate, raw)?;
                return Ok(candidate);
            }
        }
    }
    unreachable!("the loop returns")
}

/// Reads everything Kindred keeps in `store`. Never writes over anything it could not read.
pub fn load(store: &mut impl KeyValueStore) -> Loaded {
    let mut loaded = Loaded::default();
    let mut journal = Records::default();
    load_collection(store, &mut journal, &mut loaded);
    loaded.model.journal = journal;
    let mut helpers = Records::default();
    load_collection(store, &mut helpers, &mut loaded);
    loaded.model.helpers = helpers;
    let mut needs = Records::default();
    load_collection(store, &mut needs, &mut loaded);
    loaded.model.needs = needs;
    let mut checkin_people = Records::default();
    load_collection(store, &mut checkin_people, &mut loaded);
    loaded.model.checkin_people = checkin_people;
    let mut rounds = Records::default();
    load_collection(store, &mut rounds, &mut loaded);
    loaded.model.rounds = rounds;
    let mut marks = Records::default();
    load_collection(store, &mut marks, &mut loaded);
    loaded.model.marks = marks;
    let mut offers = Records::default();
    load_collection(store, &mut offers, &mut loaded);
    loaded.model.offers = offers;
    match store.get(SETTINGS_KEY) {
        Ok(None) => {}
        Ok(Some(raw)) => {
            loaded.settings_found = true;
            match read_settings(&raw) {
                Ok(settings) => loaded.model.settings = settings,
                Err(Unopened::Newer { schema }) => loaded.newer_schema = Some(schema),
                Err(Unopened::Unreadable(reason)) => {
                    let kept_as = set_aside(store, SETTINGS_KEY, &raw);
                    loaded.unreadable.push(Unreadable {
                        key: SETTINGS_KEY.into(),
                        reason,
                        kept_as,
                        raw,
                    });
                }
            }
        }
        Err(e) => loaded.storage_error = Some(e),
    }
    match store.keys() {
        Ok(keys) => {
            for key in keys.iter().filter(|k| k.starts_with(UNREADABLE_PREFIX)) {
                let already_reported = loaded
                    .unreadable
                    .iter()
                    .any(|u| u.kept_as.as_ref() == Ok(key));
                if let (false, Ok(Some(raw))) = (already_reported, store.get(key)) {
                    loaded.unreadable.push(Unreadable {
                        key: key.trim_start_matches(UNREADABLE_PREFIX).into(),
                        reason: "set aside on an earlier start".into(),
                        kept_as: Ok(key.clone()),
                        raw,
                    });
                }
            }
        }
        Err(e) => loaded.storage_error = Some(e),
    }
    loaded
}

fn load_collection<T: Record>(
    store: &mut impl KeyValueStore,
    records: &mut Records<T>,
    loaded: &mut Loaded,
) {
    for bucket in 0..BUCKETS {
        let key = bucket_key(T::COLLECTION, bucket);
        let raw = match store.get(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => continue,
            Err(e) => {
                loaded.storage_error = Some(e);
                return;
            }
        };
        let reason = match read_records::<T>(&raw) {
            Ok(read) => {
                for record in &read.records {
                    records.merge_in(record);
                }
                if read.problems.is_empty() {
                    if read.migrated {
                        // Upgraded in memory: written in this schema by the next save. The
                        // old text stays under its key until then.
                        records.mark_unsaved(bucket);
                    }
                    continue;
                }
                read.problems.join("; ")
            }
            Err(Unopened::Newer { schema }) => {
                loaded.newer_schema = Some(schema);
                continue;
            }
            Err(Unopened::Unreadable(reason)) => reason,
        };
        let kept_as = set_aside(store, &key, &raw);
        if kept_as.is_ok() {
            // The raw text is safe: rewrite the bucket with what could be read, so the next
            // start reads cleanly.
            records.mark_unsaved(bucket);
        }
        loaded.unreadable.push(Unreadable {
            key,
            reason,
            kept_as,
            raw,
        });
    }
}

/// What a save did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Saved {
    /// Keys written.
    pub written: Vec<String>,
    /// True when another tab's records were found in storage and merged into the model: the
    /// screen should show them.
    pub merged_from_storage: bool,
}

/// Why a save did not finish. What was not written stays unsaved in the model.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveFailed {
    pub error: StorageError,
    pub saved: Saved,
}

/// Writes every unsaved bucket of the model. Stops at the first failure; the rest stays
/// unsaved, to be written by the next call.
pub fn save(store: &mut impl KeyValueStore, model: &mut Model) -> Result<Saved, SaveFailed> {
    save_some(store, model, usize::MAX)
}

/// Like [`save`], writing at most `buckets` buckets: a save of thousands of records (the
/// first sync with a group folder) spread over several calls, each a short task, keeps the
/// page answering the person meanwhile. [`Model::has_unsaved`] says whether more is left.
pub fn save_some(
    store: &mut impl KeyValueStore,
    model: &mut Model,
    buckets: usize,
) -> Result<Saved, SaveFailed> {
    let mut saved = Saved::default();
    let mut left = buckets;
    let result = save_collection(store, &mut model.journal, &mut saved, &mut left)
        .and_then(|()| save_collection(store, &mut model.helpers, &mut saved, &mut left))
        .and_then(|()| save_collection(store, &mut model.needs, &mut saved, &mut left))
        .and_then(|()| save_collection(store, &mut model.checkin_people, &mut saved, &mut left))
        .and_then(|()| save_collection(store, &mut model.rounds, &mut saved, &mut left))
        .and_then(|()| save_collection(store, &mut model.marks, &mut saved, &mut left))
        .and_then(|()| save_collection(store, &mut model.offers, &mut saved, &mut left));
    match result {
        Ok(()) => Ok(saved),
        Err(error) => Err(SaveFailed { error, saved }),
    }
}

fn save_collection<T: Record>(
    store: &mut impl KeyValueStore,
    records: &mut Records<T>,
    saved: &mut Saved,
    left: &mut usize,
) -> Result<(), StorageError> {
    for bucket in records.unsaved_buckets() {
        if *left == 0 {
            return Ok(());
        }
        *left -= 1;
        let key = bucket_key(T::COLLECTION, bucket);
        if let Some(raw) = store.get(&key)? {
            match read_records::<T>(&raw) {
                Ok(read) => {
                    for record in &read.records {
                        saved.merged_from_storage |= records.merge_in(record);
                    }
                    if !read.problems.is_empty() {
                        set_aside(store, &key, &raw)?;
                    }
                }
                Err(Unopened::Newer { .. }) => return Err(StorageError::UpdatedElsewhere),
                Err(Unopened::Unreadable(_)) => {
                    set_aside(store, &key, &raw)?;
                }
            }
        }
        let in_bucket: Vec<&T> = records.bucket(bucket).collect();
        if in_bucket.is_empty() {
            // Nothing left here (an undone import): leave no empty key behind.
            store.remove(&key)?;
        } else {
            store.set(&key, &envelope(RecordsOut { records: in_bucket }))?;
        }
        records.mark_saved(bucket);
        saved.written.push(key);
    }
    Ok(())
}

/// Whether Kindred's data has vanished from `store` under a tab that had it: the settings,
/// which every start writes, are gone (site data cleared, or storage emptied in another tab).
/// Writing on then would put back only the buckets this tab happens to change.
pub fn vanished(store: &impl KeyValueStore) -> bool {
    matches!(store.get(SETTINGS_KEY), Ok(None))
}

/// Writes the settings, which are small and saved as a whole.
pub fn save_settings(
    store: &mut impl KeyValueStore,
    settings: &Settings,
) -> Result<(), StorageError> {
    if let Some(raw) = store.get(SETTINGS_KEY)? {
        match read_settings(&raw) {
            Ok(_) => {}
            Err(Unopened::Newer { .. }) => return Err(StorageError::UpdatedElsewhere),
            Err(Unopened::Unreadable(_)) => {
                set_aside(store, SETTINGS_KEY, &raw)?;
            }
        }
    }
    store.set(
        SETTINGS_KEY,
        &envelope(SettingsContent {
            settings: settings.clone(),
        }),
    )
}

/// What another tab's write meant here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum External {
    /// The model took in something new: the screen should show it.
    Changed,
    Unchanged,
    /// A newer Kindred wrote it: this tab should stop writing and be reloaded.
    WrittenByNewer,
}

/// Takes in what another tab wrote to `key`. Text that cannot be read is left alone here: the
/// next load or save of that key sets it aside.
pub fn take_external_write(model: &mut Model, key: &str, new_text: Option<&str>) -> External {
    let Some(text) = new_text else {
        return External::Unchanged;
    };
    let changed = if key == SETTINGS_KEY {
        match read_settings(text) {
            Ok(settings) if settings != model.settings => {
                model.settings = settings;
                Ok(true)
            }
            Err(Unopened::Newer { .. }) => Err(()),
            _ => Ok(false),
        }
    } else {
        match collection_of_key(key) {
            Some(CollectionName::Journal) => merge_text(&mut model.journal, text),
            Some(CollectionName::Helpers) => merge_text(&mut model.helpers, text),
            Some(CollectionName::Needs) => merge_text(&mut model.needs, text),
            Some(CollectionName::CheckinPeople) => merge_text(&mut model.checkin_people, text),
            Some(CollectionName::Rounds) => merge_text(&mut model.rounds, text),
            Some(CollectionName::Marks) => merge_text(&mut model.marks, text),
            Some(CollectionName::Offers) => merge_text(&mut model.offers, text),
            None => Ok(false),
        }
    };
    match changed {
        Ok(true) => External::Changed,
        Ok(false) => External::Unchanged,
        Err(()) => External::WrittenByNewer,
    }
}

fn merge_text<T: Record + DeserializeOwned>(
    records: &mut Records<T>,
    text: &str,
) -> Result<bool, ()> {
    match read_records::<T>(text) {
        Ok(read) => Ok(read
            .records
            .iter()
            .fold(false, |changed, r| records.merge_in(r) | changed)),
        Err(Unopened::Newer { .. }) => Err(()),
        Err(Unopened::Unreadable(_)) => Ok(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::tests::{at, entry};
    use crate::storage::MemoryStore;
    use uuid::Uuid;

    fn model_with(entries: &[(u128, &str)]) -> Model {
        let mut model = Model::default();
        for (id, text) in entries {
            model.journal.put(entry(*id, text, at(1)), at(1));
        }
        model
    }

    fn key_of(id: u128) -> String {
        bucket_key(
            CollectionName::Journal,
            crate::record::bucket_of(Uuid::from_u128(id)),
        )
    }

    #[test]
    fn what_is_saved_loads_back_the_same() {
        let mut store = MemoryStore::default();
        let mut model = model_with(&[(1, "a ride"), (2 << 124, "groceries")]);
        model.settings.hide_streaks = true;
        save(&mut store, &mut model).unwrap();
        save_settings(&mut store, &model.settings).unwrap();
        let loaded = load(&mut store);
        assert!(loaded.unreadable.is_empty());
        assert_eq!(
            loaded.model.journal.all().collect::<Vec<_>>(),
            model.journal.all().collect::<Vec<_>>()
        );
        assert!(loaded.model.settings.hide_streaks);
        assert!(!loaded.model.journal.has_unsaved());
    }

    #[test]
    fn a_save_in_steps_writes_a_few_buckets_each_time_and_ends_as_one_save_would() {
        let entries = [(1, "a"), (2 << 124, "b"), (3 << 124, "c")];
        let mut whole = MemoryStore::default();
        save(&mut whole, &mut model_with(&entries)).unwrap();

        let mut store = MemoryStore::default();
        let mut model = model_with(&entries);
        let mut steps = 0;
        while model.has_unsaved() {
            let saved = save_some(&mut store, &mut model, 1).unwrap();
            assert_eq!(saved.written.len(), 1);
            steps += 1;
        }
        assert_eq!(steps, 3);
        assert_eq!(store.contents(), whole.contents());
    }

    #[test]
    fn a_save_writes_only_the_buckets_that_changed() {
        let mut store = MemoryStore::default();
        let mut model = model_with(&[(1, "a"), (2 << 124, "b"), (3 << 124, "c")]);
        save(&mut store, &mut model).unwrap();
        store.writes.clear();
        let mut edited = model
            .journal
            .get(Uuid::from_u128(2 << 124))
            .unwrap()
            .clone();
        edited.text = "b, edited".into();
        model.journal.put(edited, at(2));
        model
            .journal
            .put(entry((2 << 124) + 1, "same bucket", at(2)), at(2));
        save(&mut store, &mut model).unwrap();
        assert_eq!(store.writes, vec![key_of(2 << 124)]);
    }

    #[test]
    fn garbage_is_never_overwritten_before_it_is_set_aside_and_the_rest_still_loads() {
        let mut store = MemoryStore::default();
        let mut model = model_with(&[(1, "kept"), (5 << 124, "in the spoilt bucket")]);
        save(&mut store, &mut model).unwrap();
        let spoilt = key_of(5 << 124);
        store.set(&spoilt, "{\"format\":\"kindred\",\"sch").unwrap();

        let mut loaded = load(&mut store);
        assert_eq!(
            loaded.model.journal.live_count(),
            1,
            "the readable bucket loads"
        );
        assert_eq!(loaded.unreadable.len(), 1);
        let found = &loaded.unreadable[0];
        assert_eq!(found.key, spoilt);
        assert!(
            found.reason.contains("not readable JSON"),
            "{}",
            found.reason
        );
        let kept = found.kept_as.clone().unwrap();
        assert_eq!(
            store.get(&kept).unwrap().unwrap(),
            "{\"format\":\"kindred\",\"sch"
        );

        save(&mut store, &mut loaded.model).unwrap();
        let again = load(&mut store);
        assert_eq!(
            again.unreadable.len(),
            1,
            "only the copy set aside is reported"
        );
        assert_eq!(again.unreadable[0].kept_as.as_ref(), Ok(&kept));
        assert_eq!(
            again.model.journal.live_count(),
            1,
            "the rewritten bucket reads cleanly"
        );
        assert_eq!(
            store.get(&kept).unwrap().unwrap(),
            "{\"format\":\"kindred\",\"sch",
            "the raw text outlives the rewrite"
        );
    }

    #[test]
    fn when_garbage_cannot_be_set_aside_its_key_is_not_written() {
        let mut store = MemoryStore::default();
        let garbage = "x".repeat(50);
        let key = key_of(1);
        store.set(&key, &garbage).unwrap();
        let mut store = {
            let mut tight = MemoryStore::with_quota(store.used() + 10);
            tight.set(&key, &garbage).unwrap();
            tight
        };
        let mut loaded = load(&mut store);
        assert_eq!(loaded.unreadable[0].kept_as, Err(StorageError::Full));
        loaded.model.journal.put(entry(1, "new", at(3)), at(3));
        let failed = save(&mut store, &mut loaded.model).unwrap_err();
        assert_eq!(failed.error, StorageError::Full);
        assert_eq!(store.get(&key).unwrap().unwrap(), garbage);
        assert!(
            loaded.model.journal.has_unsaved(),
            "the entry waits in memory"
        );
    }

    #[test]
    fn one_bad_record_does_not_lose_its_neighbours() {
        let mut store = MemoryStore::default();
        let good = serde_json::to_string(&entry(1, "good", at(1))).unwrap();
        let text = format!(
            "{{\"format\":\"kindred\",\"schema\":1,\"records\":[{good},{{\"id\":\"nope\"}}]}}"
        );
        store.set(&key_of(1), &text).unwrap();
        let loaded = load(&mut store);
        assert_eq!(loaded.model.journal.live_count(), 1);
        assert!(loaded.unreadable[0].reason.starts_with("records[1]:"));
        assert_eq!(
            store
                .get(loaded.unreadable[0].kept_as.as_ref().unwrap())
                .unwrap()
                .unwrap(),
            text
        );
    }

    #[test]
    fn data_from_a_newer_kindred_is_left_exactly_as_it_is_and_never_written_over() {
        let mut store = MemoryStore::default();
        let text = "{\"format\":\"kindred\",\"schema\":99,\"records\":[]}";
        store.set(&key_of(1), text).unwrap();
        let mut loaded = load(&mut store);
        assert_eq!(loaded.newer_schema, Some(99));
        assert!(loaded.unreadable.is_empty(), "sound data, not unreadable");
        assert!(!loaded.model.has_unsaved(), "nothing to rewrite");
        assert_eq!(store.keys().unwrap(), vec![key_of(1)], "nothing set aside");

        loaded
            .model
            .journal
            .put(entry(1, "typed in the old tab", at(2)), at(2));
        let failed = save(&mut store, &mut loaded.model).unwrap_err();
        assert_eq!(failed.error, StorageError::UpdatedElsewhere);
        assert_eq!(store.get(&key_of(1)).unwrap().as_deref(), Some(text));
        assert!(loaded.model.has_unsaved(), "the entry waits in memory");
        assert_eq!(
            take_external_write(&mut loaded.model, &key_of(1), Some(text)),
            External::WrittenByNewer
        );
    }

    #[test]
    fn cleared_storage_is_noticed_and_everything_can_be_written_back() {
        let mut store = MemoryStore::default();
        let mut model = model_with(&[(1, "a"), (2 << 124, "b")]);
        save(&mut store, &mut model).unwrap();
        save_settings(&mut store, &model.settings).unwrap();
        assert!(!vanished(&store));
        let mut cleared = MemoryStore::default();
        assert!(vanished(&cleared));
        model.mark_all_unsaved();
        save(&mut cleared, &mut model).unwrap();
        assert_eq!(load(&mut cleared).model.journal.live_count(), 2);
    }

    #[test]
    fn schema_1_is_upgraded_in_place_and_its_text_kept_until_the_upgrade_is_written() {
        let mut store = MemoryStore::default();
        let text = "{\"format\":\"kindred\",\"schema\":1,\"records\":[{\"id\":\"00000000-0000-0000-0000-000000000001\",\"created_at\":\"2026-11-02T09:00:00Z\",\"updated_at\":\"2026-11-02T09:05:00Z\",\"shared_at\":\"2026-11-02T09:00:00Z\",\"text\":\"a ride\",\"kind\":\"given\",\"date\":\"2026-11-02\"}]}";
        store.set(&key_of(1), text).unwrap();
        let mut loaded = load(&mut store);
        assert!(loaded.unreadable.is_empty());
        assert_eq!(loaded.model.journal.live_count(), 1);
        assert_eq!(store.get(&key_of(1)).unwrap().as_deref(), Some(text));
        save(&mut store, &mut loaded.model).unwrap();
        let upgraded = store.get(&key_of(1)).unwrap().unwrap();
        assert!(upgraded.contains("\"schema\":2"), "{upgraded}");
        assert!(!upgraded.contains("shared_at"), "{upgraded}");
        assert_eq!(store.keys().unwrap().len(), 1, "nothing set aside");
        let again = load(&mut store);
        assert_eq!(
            again.model.journal.all().collect::<Vec<_>>(),
            loaded.model.journal.all().collect::<Vec<_>>()
        );
    }

    #[test]
    fn copies_set_aside_earlier_are_reported_on_every_start_until_removed() {
        let mut store = MemoryStore::default();
        store.set(&key_of(1), "garbage").unwrap();
        let mut first = load(&mut store);
        save(&mut store, &mut first.model).unwrap();
        let second = load(&mut store);
        assert_eq!(second.unreadable.len(), 1);
        assert_eq!(second.unreadable[0].raw, "garbage");
        assert_eq!(second.unreadable[0].key, key_of(1));
    }

    #[test]
    fn unreadable_settings_are_set_aside_and_defaults_used() {
        let mut store = MemoryStore::default();
        store.set(SETTINGS_KEY, "{]").unwrap();
        let loaded = load(&mut store);
        assert_eq!(loaded.model.settings, Settings::default());
        assert_eq!(loaded.unreadable[0].key, SETTINGS_KEY);
        save_settings(&mut store, &loaded.model.settings).unwrap();
        assert_eq!(
            store
                .get("kindred/unreadable/kindred/settings")
                .unwrap()
                .unwrap(),
            "{]"
        );
    }

    #[test]
    fn a_failed_save_keeps_the_changes_and_the_next_save_writes_them() {
        let mut store = MemoryStore::default();
        store.blocked = true;
        let mut model = model_with(&[(1, "a")]);
        let failed = save(&mut store, &mut model).unwrap_err();
        assert!(matches!(failed.error, StorageError::Unavailable(_)));
        assert!(model.journal.has_unsaved());
        store.blocked = false;
        save(&mut store, &mut model).unwrap();
        assert!(!model.journal.has_unsaved());
        assert_eq!(load(&mut store).model.journal.live_count(), 1);
    }

    #[test]
    fn unreadable_storage_is_never_written_over() {
        let mut store = MemoryStore::default();
        store.blocked = true;
        let loaded = load(&mut store);
        assert!(loaded.storage_error.is_some());
    }

    #[test]
    fn two_tabs_saving_the_same_bucket_keep_each_others_entries() {
        let mut store = MemoryStore::default();
        let mut tab_a = load(&mut store).model;
        let mut tab_b = load(&mut store).model;
        // Same bucket (first hex digit 0), different records.
        tab_a.journal.put(entry(1, "from tab A", at(1)), at(1));
        tab_b.journal.put(entry(2, "from tab B", at(1)), at(1));
        save(&mut store, &mut tab_a).unwrap();
        let saved = save(&mut store, &mut tab_b).unwrap();
        assert!(saved.merged_from_storage);
        assert_eq!(tab_b.journal.live_count(), 2);
        assert_eq!(load(&mut store).model.journal.live_count(), 2);

        // Tab A learns of B's entry from the storage event.
        let key = key_of(2);
        assert_eq!(
            take_external_write(&mut tab_a, &key, store.get(&key).unwrap().as_deref()),
            External::Changed
        );
        assert_eq!(tab_a.journal.live_count(), 2);
    }

    #[test]
    fn helpers_and_needs_are_saved_and_loaded_with_the_journal() {
        let mut store = MemoryStore::default();
        let mut model = model_with(&[(1, "a")]);
        let helper = crate::helper::Helper::new(Uuid::from_u128(2), at(1), "May".into());
        let mut need = crate::need::Need::new(Uuid::from_u128(3), at(1), "A ride".into());
        need.match_helpers(&[helper.id]).unwrap();
        model.helpers.put(helper, at(1));
        model.needs.put(need, at(1));
        save(&mut store, &mut model).unwrap();
        let loaded = load(&mut store).model;
        assert_eq!(loaded.helpers.get(Uuid::from_u128(2)).unwrap().name, "May");
        assert_eq!(
            loaded.needs.get(Uuid::from_u128(3)).unwrap().helpers(),
            &[Uuid::from_u128(2)]
        );
        assert!(store
            .contents()
            .keys()
            .any(|k| k.starts_with("kindred/helpers/")));
        assert!(store
            .contents()
            .keys()
            .any(|k| k.starts_with("kindred/needs/")));
    }

    #[test]
    fn offers_are_saved_under_their_own_keys_and_another_tabs_offer_is_taken_in() {
        let mut store = MemoryStore::default();
        let mut model = Model::default();
        let offer = crate::offer::Offer::new(
            Uuid::from_u128(4),
            at(1),
            Uuid::from_u128(3),
            "Ana".into(),
            Uuid::from_u128(0xA),
        );
        model.offers.put(offer, at(1));
        let saved = save(&mut store, &mut model).unwrap();
        let key = bucket_key(CollectionName::Offers, 0);
        assert_eq!(saved.written, vec![key.clone()]);
        assert_eq!(collection_of_key(&key), Some(CollectionName::Offers));
        let loaded = load(&mut store).model;
        assert_eq!(loaded.offers.get(Uuid::from_u128(4)).unwrap().name, "Ana");

        let mut other_tab = Model::default();
        let text = store.contents()[&key].clone();
        assert_eq!(
            take_external_write(&mut other_tab, &key, Some(&text)),
            External::Changed
        );
        assert_eq!(other_tab.offers.live_count(), 1);
    }

    #[test]
    fn bucket_keys_are_recognised_and_others_are_not() {
        assert_eq!(
            collection_of_key("kindred/journal/f"),
            Some(CollectionName::Journal)
        );
        assert_eq!(collection_of_key("kindred/journal/10"), None);
        assert_eq!(
            collection_of_key("kindred/unreadable/kindred/journal/1"),
            None
        );
        assert_eq!(collection_of_key("kindred/settings"), None);
    }
}
