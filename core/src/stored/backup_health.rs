//! Whether the person's data is safe from a lost phone or a cleared browser: when a copy last
//! left the browser, and how full the browser's storage for Kindred is.

use chrono::{DateTime, Utc};

use crate::model::Model;
use crate::record::Record;
use crate::storage::{KeyValueStore, StorageError};

/// After this many days without a copy, Kindred gently reminds the person to keep one.
pub const REMINDER_AFTER_DAYS: i64 = 30;

/// What localStorage holds at most per origin in Chromium and Firefox, counted as they
/// count it: keys plus values, in UTF-16 code units.
pub const LOCAL_STORAGE_QUOTA: usize = 5_242_880;

/// How safe the data is from being lost with the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupHealth {
    /// Whole days since the last copy, or `None` if no copy was ever made.
    pub days_since_copy: Option<i64>,
    /// Whether to remind the person: there is something to lose, and no copy of it for
    /// [`REMINDER_AFTER_DAYS`]. A new user is not reminded until their oldest record is
    /// that old.
    pub reminder_due: bool,
}

pub fn health(model: &Model, now: DateTime<Utc>) -> BackupHealth {
    let days_since = |at: DateTime<Utc>| (now - at).num_days().max(0);
    let days_since_copy = model.settings.last_export_at.map(days_since);
    let oldest_record = model
        .journal
        .live()
        .map(|r| r.created_at())
        .chain(model.helpers.live().map(|r| r.created_at()))
        .chain(model.needs.live().map(|r| r.created_at()))
        .min();
    let unprotected_for = match (days_since_copy, oldest_record) {
        (_, None) => None,
        (Some(days), Some(_)) => Some(days),
        (None, Some(oldest)) => Some(days_since(oldest)),
    };
    BackupHealth {
        days_since_copy,
        reminder_due: unprotected_for.is_some_and(|days| days >= REMINDER_AFTER_DAYS),
    }
}

/// The characters `store` holds, counted as localStorage counts them against its quota.
pub fn storage_used(store: &impl KeyValueStore) -> Result<usize, StorageError> {
    let mut used = 0;
    for key in store.keys()? {
        let value = store.get(&key)?.unwrap_or_default();
        used += key.encode_utf16().count() + value.encode_utf16().count();
    }
    Ok(used)
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};
    use uuid::Uuid;

    use super::*;
    use crate::journal::{JournalEntry, Kind};
    use crate::storage::MemoryStore;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 10, 0, 0).unwrap()
    }

    fn with_entry_written(on: DateTime<Utc>) -> Model {
        let mut model = Model::default();
        let entry = JournalEntry::new(
            Uuid::from_u128(1),
            on,
            "Helped".into(),
            Kind::Given,
            on.date_naive(),
        );
        model.journal.put(entry, on);
        model
    }

    #[test]
    fn nothing_to_lose_means_no_reminder() {
        let health = health(&Model::default(), at(23));
        assert_eq!(
            health,
            BackupHealth {
                days_since_copy: None,
                reminder_due: false
            }
        );
    }

    #[test]
    fn a_new_user_is_reminded_once_their_oldest_record_is_thirty_days_old() {
        let now = at(23);
        let model = with_entry_written(now - Duration::days(29));
        assert!(!health(&model, now).reminder_due);
        let model = with_entry_written(now - Duration::days(30));
        assert!(health(&model, now).reminder_due);
    }

    #[test]
    fn a_copy_puts_the_reminder_off_for_thirty_days() {
        let now = at(23);
        let mut model = with_entry_written(now - Duration::days(200));
        model.settings.last_export_at = Some(now - Duration::days(3));
        assert_eq!(
            health(&model, now),
            BackupHealth {
                days_since_copy: Some(3),
                reminder_due: false
            }
        );
        model.settings.last_export_at = Some(now - Duration::days(31));
        assert_eq!(
            health(&model, now),
            BackupHealth {
                days_since_copy: Some(31),
                reminder_due: true
            }
        );
    }

    #[test]
    fn storage_is_counted_as_the_browser_counts_it() {
        let mut store = MemoryStore::default();
        store.set("kindred/settings", "{}").unwrap();
        store.set("k", "善行").unwrap();
        assert_eq!(storage_used(&store).unwrap(), 16 + 2 + 1 + 2);
        assert_eq!(storage_used(&store).unwrap(), store.used());
    }
}
