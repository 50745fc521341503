//! Half-written forms, kept as drafts in this browser's localStorage, so that a tap on another
//! screen, a reload or a phone call in the middle of typing loses nothing.
//!
//! One draft per form and record: `kindred/draft/<form>/new` for a new record,
//! `kindred/draft/<form>/<id>` for an edit. A draft is written as the person types, while the
//! form differs from how it opened, and dropped when the form is saved, when the person
//! discards it, or when the record it edits is deleted. Opening a screen brings back its newest
//! draft. An edit's draft keeps the record as the form opened it, so that saving it later
//! merges with whatever changed meanwhile instead of writing over it.

use chrono::{DateTime, Utc};
use kindred_core::storage::{KeyValueStore, StorageError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::web_storage::LocalStore;

/// The forms whose drafts are kept.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DraftForm {
    Entry,
    Helper,
    Need,
}

impl DraftForm {
    fn prefix(self) -> &'static str {
        match self {
            DraftForm::Entry => "kindred/draft/entry/",
            DraftForm::Helper => "kindred/draft/helper/",
            DraftForm::Need => "kindred/draft/need/",
        }
    }

    fn key(self, editing: Option<Uuid>) -> String {
        match editing {
            Some(id) => format!("{}{id}", self.prefix()),
            None => format!("{}new", self.prefix()),
        }
    }
}

/// A form as the person left it.
#[derive(Serialize, Deserialize)]
pub struct Kept<D, T> {
    pub kept_at: DateTime<Utc>,
    /// The record as the form opened it; `None` for a new one.
    pub opened: Option<T>,
    pub draft: D,
}

/// The draft of one form, if one is kept and can be read.
pub fn load<D: DeserializeOwned, T: DeserializeOwned>(
    form: DraftForm,
    editing: Option<Uuid>,
) -> Option<Kept<D, T>> {
    let text = LocalStore::open().get(&form.key(editing)).ok()??;
    serde_json::from_str(&text).ok()
}

/// Keeps a form's draft. A draft that cannot be written (storage full or blocked) still
/// lives in the open form; the caller says so.
pub fn keep<D: Serialize, T: Serialize>(
    form: DraftForm,
    editing: Option<Uuid>,
    kept: &Kept<D, T>,
) -> Result<(), StorageError> {
    let text = serde_json::to_string(kept).expect("a draft always serialises");
    LocalStore::open().set(&form.key(editing), &text)
}

/// Drops a form's draft: saved, discarded, or its record deleted.
pub fn remove(form: DraftForm, editing: Option<Uuid>) {
    let _ = LocalStore::open().remove(&form.key(editing));
}

/// Which form to open again when the screen opens: the newest draft's (`Some(None)` for a
/// new record, `Some(Some(id))` for an edit of a record that `is_live`).
pub fn newest(form: DraftForm, is_live: impl Fn(Uuid) -> bool) -> Option<Option<Uuid>> {
    #[derive(Deserialize)]
    struct When {
        kept_at: DateTime<Utc>,
    }
    let store = LocalStore::open();
    let keys = store.keys().ok()?;
    keys.iter()
        .filter_map(|key| {
            let rest = key.strip_prefix(form.prefix())?;
            let editing = match rest {
                "new" => None,
                id => Some(Uuid::parse_str(id).ok().filter(|id| is_live(*id))?),
            };
            let text = store.get(key).ok()??;
            let when: When = serde_json::from_str(&text).ok()?;
            Some((when.kept_at, editing))
        })
        .max_by_key(|(kept_at, _)| *kept_at)
        .map(|(_, editing)| editing)
}
