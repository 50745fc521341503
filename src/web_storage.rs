//! The localStorage adapter of the storage port.
//!
//! It talks to `web_sys::Storage` directly rather than through gloo-storage: gloo's
//! `LocalStorage::raw()` panics when storage is blocked, where Kindred must keep running and
//! say so, and its typed `get`/`set` re-encode values as JSON, where Kindred needs the exact
//! stored text to set aside what it cannot read.

use kindred_core::storage::{KeyValueStore, StorageError};
use wasm_bindgen::{JsCast, JsValue};

/// This origin's localStorage, or why it cannot be had.
pub struct LocalStore(Result<web_sys::Storage, StorageError>);

impl LocalStore {
    pub fn open() -> Self {
        let storage = web_sys::window()
            .ok_or_else(|| StorageError::Unavailable("no window".into()))
            .and_then(|w| w.local_storage().map_err(describe))
            .and_then(|s| s.ok_or_else(|| StorageError::Unavailable("no localStorage".into())));
        Self(storage)
    }

    fn storage(&self) -> Result<&web_sys::Storage, StorageError> {
        self.0.as_ref().map_err(Clone::clone)
    }
}

/// Turns a thrown DOM exception into the port's error. Browsers name a full storage
/// differently: Chromium `QuotaExceededError` (code 22), old Firefox
/// `NS_ERROR_DOM_QUOTA_REACHED` (code 1014).
fn describe(error: JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e)
            if e.code() == 22
                || e.code() == 1014
                || e.name() == "QuotaExceededError"
                || e.name() == "NS_ERROR_DOM_QUOTA_REACHED" =>
        {
            StorageError::Full
        }
        Some(e) => StorageError::Unavailable(format!("{}: {}", e.name(), e.message())),
        None => StorageError::Unavailable(format!("{error:?}")),
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.storage()?.get_item(key).map_err(describe)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.storage()?.set_item(key, value).map_err(describe)
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.storage()?.remove_item(key).map_err(describe)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let storage = self.storage()?;
        let count = storage.length().map_err(describe)?;
        (0..count)
            .filter_map(|i| storage.key(i).map_err(describe).transpose())
            .collect()
    }
}
