//! What every stored record has in common, and the collection that holds records by id.
//!
//! Records are never removed outright: a delete leaves a tombstone (`deleted_at`) so that the
//! delete travels to other tabs and, later, to neighbours' copies through shared files. Two
//! copies of one record are reconciled by [`newer`]: the later `updated_at` wins.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};
use uuid::Uuid;

/// The collections Kindred stores. Each is kept in its own set of storage keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CollectionName {
    Journal,
    Helpers,
    Needs,
}

impl CollectionName {
    pub const ALL: [CollectionName; 3] = [Self::Journal, Self::Helpers, Self::Needs];

    /// The name used in storage keys and files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Journal => "journal",
            Self::Helpers => "helpers",
            Self::Needs => "needs",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// A record that can be stored, merged and deleted by id.
pub trait Record: Clone + PartialEq + Serialize + DeserializeOwned {
    const COLLECTION: CollectionName;
    fn id(&self) -> Uuid;
    /// Gives the record another id: only for keeping a copy beside the original.
    fn set_id(&mut self, id: Uuid);
    fn created_at(&self) -> DateTime<Utc>;
    fn updated_at(&self) -> DateTime<Utc>;
    fn deleted_at(&self) -> Option<DateTime<Utc>>;
    fn set_updated_at(&mut self, at: DateTime<Utc>);
    /// Turns the record into a tombstone, or back into a live record when `when` is `None`.
    fn set_deleted(&mut self, when: Option<DateTime<Utc>>);
    /// The `updated_at` of the version last exchanged with a neighbour, if any.
    fn shared_at(&self) -> Option<DateTime<Utc>>;
    fn set_shared_at(&mut self, at: Option<DateTime<Utc>>);

    fn is_deleted(&self) -> bool {
        self.deleted_at().is_some()
    }
}

/// Implements [`Record`] for a struct with `id`, `updated_at` and `deleted_at` fields.
macro_rules! impl_record {
    ($type:ty, $collection:expr) => {
        impl $crate::record::Record for $type {
            const COLLECTION: $crate::record::CollectionName = $collection;
            fn id(&self) -> uuid::Uuid {
                self.id
            }
            fn set_id(&mut self, id: uuid::Uuid) {
                self.id = id;
            }
            fn created_at(&self) -> chrono::DateTime<chrono::Utc> {
                self.created_at
            }
            fn updated_at(&self) -> chrono::DateTime<chrono::Utc> {
                self.updated_at
            }
            fn deleted_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
                self.deleted_at
            }
            fn set_updated_at(&mut self, at: chrono::DateTime<chrono::Utc>) {
                self.updated_at = at;
            }
            fn set_deleted(&mut self, when: Option<chrono::DateTime<chrono::Utc>>) {
                self.deleted_at = when;
            }
            fn shared_at(&self) -> Option<chrono::DateTime<chrono::Utc>> {
                self.shared_at
            }
            fn set_shared_at(&mut self, at: Option<chrono::DateTime<chrono::Utc>>) {
                self.shared_at = at;
            }
        }
    };
}
pub(crate) use impl_record;

/// Which of two copies of the same record wins a merge: the later `updated_at`. On a tie the
/// larger serialised content wins, so that every tab and every neighbour picks the same copy
/// whatever order the copies arrive in.
pub fn newer<'a, T: Record>(a: &'a T, b: &'a T) -> &'a T {
    match a.updated_at().cmp(&b.updated_at()) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        // The same record read back from storage, or an unchanged one in an import: the
        // usual tie, settled without serialising both.
        std::cmp::Ordering::Equal if same_content(a, b) => a,
        std::cmp::Ordering::Equal => {
            if content_key(a) >= content_key(b) {
                a
            } else {
                b
            }
        }
    }
}

/// The record's content as text, leaving out `shared_at`, which is bookkeeping of this copy
/// and not part of what the record says.
fn content_key<T: Record>(record: &T) -> String {
    let mut content = record.clone();
    content.set_shared_at(None);
    serde_json::to_string(&content).unwrap_or_default()
}

/// Whether two copies say the same, bookkeeping aside.
pub fn same_content<T: Record>(a: &T, b: &T) -> bool {
    let mut b = b.clone();
    b.set_shared_at(a.shared_at());
    *a == b
}

/// Records are spread over this many storage keys per collection, chosen by id, so that a
/// save rewrites only the small part of the data that changed.
pub const BUCKETS: u8 = 16;

/// The storage bucket of a record id: its first hex digit.
pub fn bucket_of(id: Uuid) -> u8 {
    id.as_bytes()[0] >> 4
}

/// All records of one collection by id, tombstones included, with the buckets changed since
/// they were last written to storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Records<T: Record> {
    by_id: BTreeMap<Uuid, T>,
    unsaved: BTreeSet<u8>,
    /// Records taken out entirely (only undoing an import does that), so that a save does not
    /// bring them back from what storage still holds.
    removed: BTreeSet<Uuid>,
}

impl<T: Record> Default for Records<T> {
    fn default() -> Self {
        Self {
            by_id: BTreeMap::new(),
            unsaved: BTreeSet::new(),
            removed: BTreeSet::new(),
        }
    }
}

impl<T: Record> Records<T> {
    /// The live (not deleted) records, in id order.
    pub fn live(&self) -> impl Iterator<Item = &T> {
        self.by_id.values().filter(|r| !r.is_deleted())
    }

    /// Every record, tombstones included.
    pub fn all(&self) -> impl Iterator<Item = &T> {
        self.by_id.values()
    }

    pub fn live_count(&self) -> usize {
        self.live().count()
    }

    /// A live record by id.
    pub fn get(&self, id: Uuid) -> Option<&T> {
        self.by_id.get(&id).filter(|r| !r.is_deleted())
    }

    /// Adds or replaces a record, stamping it as changed now.
    pub fn put(&mut self, mut record: T, now: DateTime<Utc>) {
        record.set_updated_at(self.change_stamp(&record, now));
        self.store_changed(record);
    }

    /// Deletes a record, leaving a tombstone. Returns the record as it was, for undo.
    pub fn delete(&mut self, id: Uuid, now: DateTime<Utc>) -> Option<T> {
        let before = self.get(id)?.clone();
        let mut tombstone = before.clone();
        let stamp = self.change_stamp(&tombstone, now);
        tombstone.set_updated_at(stamp);
        tombstone.set_deleted(Some(stamp));
        self.store_changed(tombstone);
        Some(before)
    }

    /// The `updated_at` for a change made now: later than any copy already held, even when the
    /// clock was set back, so that the change is never lost in a merge.
    fn change_stamp(&self, record: &T, now: DateTime<Utc>) -> DateTime<Utc> {
        match self.by_id.get(&record.id()) {
            Some(held) => {
                let floor = held.updated_at().max(record.updated_at());
                now.max(floor + chrono::Duration::milliseconds(1))
            }
            None => now.max(record.updated_at()),
        }
    }

    /// Brings back a record that was deleted, as it was before the delete.
    pub fn restore(&mut self, mut record: T, now: DateTime<Utc>) {
        record.set_deleted(None);
        self.put(record, now);
    }

    fn store_changed(&mut self, record: T) {
        self.unsaved.insert(bucket_of(record.id()));
        self.by_id.insert(record.id(), record);
    }

    /// Any record by id, tombstones included.
    pub fn get_any(&self, id: Uuid) -> Option<&T> {
        self.by_id.get(&id)
    }

    /// Stores a record exactly as given, stamps and all: for an import, whose records keep
    /// the stamps they were shared with so that every copy converges.
    pub fn replace(&mut self, record: T) {
        self.removed.remove(&record.id());
        self.store_changed(record);
    }

    /// Takes a record out entirely, leaving no tombstone: only for undoing an import of a
    /// record that was new, so that the data is as it was before.
    pub fn remove_entirely(&mut self, id: Uuid) {
        if self.by_id.remove(&id).is_some() {
            self.unsaved.insert(bucket_of(id));
            self.removed.insert(id);
        }
    }

    /// Notes that the current version of a record was shared with a neighbour.
    pub fn mark_shared(&mut self, id: Uuid) {
        if let Some(record) = self.by_id.get_mut(&id) {
            let at = record.updated_at();
            if record.shared_at() != Some(at) {
                record.set_shared_at(Some(at));
                self.unsaved.insert(bucket_of(id));
            }
        }
    }

    /// Takes in a copy of a record from elsewhere (storage written by another tab, an imported
    /// file), keeping whichever copy is newer. Returns true when the incoming copy won.
    /// Nothing is marked unsaved: the incoming copy already lives where it came from.
    pub fn merge_in(&mut self, incoming: T) -> bool {
        if self.removed.contains(&incoming.id()) {
            return false;
        }
        match self.by_id.get(&incoming.id()) {
            Some(current) if newer(current, &incoming) == current => false,
            _ => {
                self.by_id.insert(incoming.id(), incoming);
                true
            }
        }
    }

    /// The records of one storage bucket, tombstones included.
    pub fn bucket(&self, bucket: u8) -> impl Iterator<Item = &T> {
        self.by_id
            .values()
            .filter(move |r| bucket_of(r.id()) == bucket)
    }

    /// Buckets changed in memory and not yet written.
    pub fn unsaved_buckets(&self) -> Vec<u8> {
        self.unsaved.iter().copied().collect()
    }

    pub fn has_unsaved(&self) -> bool {
        !self.unsaved.is_empty()
    }

    pub(crate) fn mark_unsaved(&mut self, bucket: u8) {
        self.unsaved.insert(bucket);
    }

    pub(crate) fn mark_saved(&mut self, bucket: u8) {
        self.unsaved.remove(&bucket);
        self.removed.retain(|id| bucket_of(*id) != bucket);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::journal::{JournalEntry, Kind};
    use chrono::{NaiveDate, TimeZone};

    pub fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 2, 9, minute, 0).unwrap()
    }

    pub fn entry(id: u128, text: &str, now: DateTime<Utc>) -> JournalEntry {
        JournalEntry::new(
            Uuid::from_u128(id),
            now,
            text.into(),
            Kind::Given,
            NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
        )
    }

    #[test]
    fn the_later_copy_wins_a_merge_and_the_earlier_does_not() {
        let mut records = Records::default();
        records.merge_in(entry(1, "old", at(1)));
        assert!(records.merge_in(entry(1, "new", at(2))));
        assert!(!records.merge_in(entry(1, "older", at(0))));
        assert_eq!(records.get(Uuid::from_u128(1)).unwrap().text, "new");
    }

    #[test]
    fn a_tie_is_broken_the_same_way_in_either_order() {
        let a = entry(1, "apples", at(1));
        let b = entry(1, "pears", at(1));
        let mut ab = Records::default();
        ab.merge_in(a.clone());
        ab.merge_in(b.clone());
        let mut ba = Records::default();
        ba.merge_in(b);
        ba.merge_in(a);
        assert_eq!(ab.all().collect::<Vec<_>>(), ba.all().collect::<Vec<_>>());
    }

    #[test]
    fn delete_leaves_a_tombstone_that_wins_over_the_live_copy_and_restore_undoes_it() {
        let mut records = Records::default();
        records.put(entry(7, "ride", at(1)), at(1));
        let before = records.delete(Uuid::from_u128(7), at(2)).unwrap();
        assert_eq!(records.live_count(), 0);
        assert_eq!(records.all().count(), 1, "the tombstone stays");

        let mut other_tab = Records::default();
        other_tab.merge_in(before.clone());
        for r in records.all() {
            other_tab.merge_in(r.clone());
        }
        assert_eq!(other_tab.live_count(), 0, "the delete travels");

        records.restore(before, at(3));
        assert_eq!(records.get(Uuid::from_u128(7)).unwrap().text, "ride");
    }

    #[test]
    fn an_edit_stamped_with_a_clock_set_back_still_wins() {
        let mut records = Records::default();
        records.put(entry(3, "first", at(10)), at(10));
        let mut edited = records.get(Uuid::from_u128(3)).unwrap().clone();
        edited.text = "second".into();
        records.put(edited, at(5));
        let stored = records.get(Uuid::from_u128(3)).unwrap();
        assert_eq!(stored.text, "second");
        assert!(stored.updated_at > at(10));
    }

    #[test]
    fn only_changed_buckets_are_unsaved() {
        let mut records = Records::default();
        let id = Uuid::from_u128(0xA000_0000_0000_0000_0000_0000_0000_0001);
        let mut e = entry(0, "x", at(1));
        e.id = id;
        records.put(e, at(1));
        assert_eq!(records.unsaved_buckets(), vec![0xA]);
        records.merge_in(entry(5, "from elsewhere", at(1)));
        assert_eq!(records.unsaved_buckets(), vec![0xA]);
    }
}
