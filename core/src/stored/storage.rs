//! The storage port: a string key-value store such as the browser's localStorage. The app
//! plugs in a localStorage adapter; tests use [`MemoryStore`].

use std::collections::BTreeMap;
use std::fmt;

/// Why a read or write did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser's storage for this site is full.
    Full,
    /// Storage is switched off or blocked (private mode, site settings, a broken profile).
    Unavailable(String),
    /// A newer Kindred (open in another tab) wrote what this one was about to write over:
    /// this tab must not write it and should be reloaded.
    UpdatedElsewhere,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Full => f.write_str("the browser's storage for Kindred is full"),
            StorageError::Unavailable(why) => {
                write!(f, "the browser's storage cannot be used ({why})")
            }
            StorageError::UpdatedElsewhere => {
                f.write_str("Kindred was updated in another tab; reload this page")
            }
        }
    }
}

/// A string key-value store.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&mut self, key: &str) -> Result<(), StorageError>;
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// An in-memory store that behaves like localStorage, including its quota, which it counts
/// as localStorage does: keys plus values, in UTF-16 code units.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MemoryStore {
    entries: BTreeMap<String, String>,
    quota: Option<usize>,
    /// Every successful `set`, in order: lets tests see how much a save wrote.
    pub writes: Vec<String>,
    /// When set, every call fails as a blocked storage does.
    pub blocked: bool,
}

impl MemoryStore {
    pub fn with_quota(quota: usize) -> Self {
        Self {
            quota: Some(quota),
            ..Self::default()
        }
    }

    /// The characters in use, as localStorage counts them.
    pub fn used(&self) -> usize {
        self.entries
            .iter()
            .map(|(k, v)| utf16_len(k) + utf16_len(v))
            .sum()
    }

    /// A snapshot of everything stored, to compare before and after.
    pub fn contents(&self) -> BTreeMap<String, String> {
        self.entries.clone()
    }

    fn check_blocked(&self) -> Result<(), StorageError> {
        if self.blocked {
            Err(StorageError::Unavailable("blocked in this test".into()))
        } else {
            Ok(())
        }
    }
}

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.check_blocked()?;
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.check_blocked()?;
        if let Some(quota) = self.quota {
            let freed = self
                .entries
                .get(key)
                .map_or(0, |old| utf16_len(key) + utf16_len(old));
            if self.used() - freed + utf16_len(key) + utf16_len(value) > quota {
                return Err(StorageError::Full);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        self.writes.push(key.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StorageError> {
        self.check_blocked()?;
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.check_blocked()?;
        Ok(self.entries.keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quota_counts_keys_and_values_in_utf16_units_and_a_refused_write_changes_nothing() {
        let mut store = MemoryStore::with_quota(10);
        store.set("k", "長者安老").unwrap(); // 1 + 4
        assert_eq!(store.used(), 5);
        assert_eq!(store.set("k2", "abcdef"), Err(StorageError::Full));
        assert_eq!(store.get("k2").unwrap(), None);
        store.set("k", "abcdefghi").unwrap(); // replacing frees the old value first
        assert_eq!(store.used(), 10);
    }
}
