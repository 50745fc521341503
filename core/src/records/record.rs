//! What every stored record has in common, and the collection that holds records by id.
//!
//! Records are never removed outright: a delete leaves a tombstone (`deleted_at`) so that the
//! delete travels to other tabs and to neighbours' copies. Every change makes a new revision
//! ([`crate::revision`]); two copies of one record are reconciled by [`crate::merge`].

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};
use uuid::Uuid;

use crate::merge;
use crate::revision::{self, Rev};
use crate::share::Shareable;

/// The collections Kindred stores. Each is kept in its own set of storage keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CollectionName {
    Journal,
    Helpers,
    Needs,
    /// People to check on in care rounds.
    CheckinPeople,
    Rounds,
    /// One record per answer in a round (see [`crate::checkin`]).
    Marks,
    Offers,
}

impl CollectionName {
    pub const ALL: [CollectionName; 7] = [
        Self::Journal,
        Self::Helpers,
        Self::Needs,
        Self::CheckinPeople,
        Self::Rounds,
        Self::Marks,
        Self::Offers,
    ];

    /// The name used in storage keys and files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Journal => "journal",
            Self::Helpers => "helpers",
            Self::Needs => "needs",
            Self::CheckinPeople => "checkin_people",
            Self::Rounds => "rounds",
            Self::Marks => "marks",
            Self::Offers => "offers",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// A record that can be stored, merged and deleted by id.
///
/// A record holds the version it shows (the winner) and, in `conflicts`, any concurrent
/// versions it met that lost the merge and wait for the person to choose: see
/// [`crate::merge`].
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
    fn rev(&self) -> Rev;
    fn set_rev(&mut self, rev: Rev);
    /// The revisions this version was made from, newest first, bounded.
    fn ancestors(&self) -> &[Rev];
    fn ancestors_mut(&mut self) -> &mut Vec<Rev>;
    /// Concurrent versions kept beside this one until the person chooses.
    fn conflicts(&self) -> &[Self];
    fn conflicts_mut(&mut self) -> &mut Vec<Self>;
    /// The private note, for records that have one. A copy that came through a file without
    /// private notes has it blank, which says nothing about it.
    fn private_note(&self) -> &str {
        ""
    }
    fn set_private_note(&mut self, _note: String) {}

    fn is_deleted(&self) -> bool {
        self.deleted_at().is_some()
    }
}

/// Implements [`Record`] for a struct with `id`, stamps, `rev`, `ancestors` and `conflicts`
/// (and `private_note`, when named).
macro_rules! impl_record {
    ($type:ty, $collection:expr, private_note) => {
        impl_record!($type, $collection, {
            fn private_note(&self) -> &str {
                &self.private_note
            }
            fn set_private_note(&mut self, note: String) {
                self.private_note = note;
            }
        });
    };
    ($type:ty, $collection:expr) => {
        impl_record!($type, $collection, {});
    };
    ($type:ty, $collection:expr, { $($private:tt)* }) => {
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
            fn rev(&self) -> $crate::revision::Rev {
                self.rev
            }
            fn set_rev(&mut self, rev: $crate::revision::Rev) {
                self.rev = rev;
            }
            fn ancestors(&self) -> &[$crate::revision::Rev] {
                &self.ancestors
            }
            fn ancestors_mut(&mut self) -> &mut Vec<$crate::revision::Rev> {
                &mut self.ancestors
            }
            fn conflicts(&self) -> &[Self] {
                &self.conflicts
            }
            fn conflicts_mut(&mut self) -> &mut Vec<Self> {
                &mut self.conflicts
            }
            $($private)*
        }
    };
}
pub(crate) use impl_record;

/// Records are spread over this many storage keys per collection, chosen by id, so that a
/// save rewrites only the small part of the data that changed.
pub const BUCKETS: u8 = 16;

/// The storage bucket of a record id: its first hex digit.
pub fn bucket_of(id: Uuid) -> u8 {
    id.as_bytes()[0] >> 4
}

/// How an edit made from an older copy of a record was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditSaved {
    /// Nothing had changed meanwhile, or only fields the edit did not touch.
    Cleanly,
    /// The record had changed meanwhile in a field the edit changed too: both versions are
    /// kept, the edit showing, the other waiting for review.
    AsConflict,
    /// The record is gone entirely (it never existed here): the edit was stored as new.
    AsNew,
}

/// All records of one collection by id, tombstones included, with the buckets changed since
/// they were last written to storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Records<T: Record> {
    by_id: BTreeMap<Uuid, T>,
    unsaved: BTreeSet<u8>,
}

impl<T: Record> Default for Records<T> {
    fn default() -> Self {
        Self {
            by_id: BTreeMap::new(),
            unsaved: BTreeSet::new(),
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

    /// Any record by id, tombstones included.
    pub fn get_any(&self, id: Uuid) -> Option<&T> {
        self.by_id.get(&id)
    }

    /// Records with a concurrent version that says something else, waiting for a choice.
    pub fn in_conflict(&self) -> impl Iterator<Item = &T> {
        self.by_id.values().filter(|r| merge::needs_review(*r))
    }

    /// Stores a change made now to `record`, a copy of the version whose revision it still
    /// carries (or a new record, whose revision is [`Rev::NONE`]). When the stored record
    /// has moved on since that copy was taken, the change is kept as a concurrent version:
    /// nothing that was stored meanwhile is overwritten.
    pub fn put(&mut self, record: T, now: DateTime<Utc>) {
        let id = record.id();
        let stamp = self.change_stamp(&record, now);
        let parent = record.rev();
        let mut version = record;
        version.conflicts_mut().clear();
        version.set_updated_at(stamp);
        let held = self.by_id.get(&id);
        let mut ancestors = match held {
            Some(held) if held.rev() == parent => {
                // Kept versions that say something else still wait for a choice; ones that
                // say the same as what was edited are settled by this change.
                let mut ancestors = held.ancestors().to_vec();
                for kept in held.conflicts() {
                    if merge::same_content(held, kept) {
                        revision::join_ancestors(&mut ancestors, kept.ancestors().iter().copied());
                        revision::join_ancestors(&mut ancestors, [kept.rev()]);
                    } else {
                        version.conflicts_mut().push(kept.clone());
                    }
                }
                ancestors
            }
            _ => std::mem::take(version.ancestors_mut()),
        };
        if parent != Rev::NONE {
            revision::join_ancestors(&mut ancestors, [parent]);
        }
        *version.ancestors_mut() = ancestors;
        version.set_rev(Rev::child(parent, &merge::content_text(&version)));
        let stored = match held {
            Some(held) if held.rev() != parent => merge::merge(held, &version),
            _ => version,
        };
        self.store_changed(stored);
    }

    /// Stores what a form made: a new record (`opened` is `None`), or an edit of the copy the
    /// form was opened on. When the record changed meanwhile (another tab, a neighbour's
    /// file, a button on its card), the fields the form changed are put onto the current
    /// record; only a field changed both ways makes a conflict.
    pub fn save_form(&mut self, opened: Option<&T>, edited: T, now: DateTime<Utc>) -> EditSaved {
        let Some(opened) = opened else {
            self.put(edited, now);
            return EditSaved::Cleanly;
        };
        let Some(current) = self.by_id.get(&opened.id()).cloned() else {
            let mut new = edited;
            new.set_rev(Rev::NONE);
            new.ancestors_mut().clear();
            self.put(new, now);
            return EditSaved::AsNew;
        };
        if current.rev() == opened.rev() {
            self.put(edited, now);
            return EditSaved::Cleanly;
        }
        match merge::three_way(opened, &edited, &current) {
            Some(merged) => {
                self.put(merged, now);
                EditSaved::Cleanly
            }
            None => {
                self.put(edited, now);
                EditSaved::AsConflict
            }
        }
    }

    /// Settles a record's conflicts with `chosen` (any of its versions, or a new content):
    /// a new version made from every version held, so that it wins over each on every copy.
    pub fn resolve(&mut self, chosen: T, now: DateTime<Utc>) {
        self.settle(chosen, Vec::new(), now);
    }

    /// Makes `chosen` the record's new version, made from every version held but `kept`,
    /// which stay beside it as conflicts (undoing an import puts back the conflicts the
    /// record had before).
    pub fn settle(&mut self, chosen: T, kept: Vec<T>, now: DateTime<Utc>) {
        let Some(held) = self.by_id.get_mut(&chosen.id()) else {
            return;
        };
        // The held version takes the history of every version it replaces, so that the new
        // version made from it descends from all of them.
        for version in std::mem::take(held.conflicts_mut()) {
            if kept.iter().any(|k| k.rev() == version.rev()) {
                continue;
            }
            revision::join_ancestors(held.ancestors_mut(), version.ancestors().iter().copied());
            revision::join_ancestors(held.ancestors_mut(), [version.rev()]);
        }
        *held.conflicts_mut() = kept;
        let mut settled = chosen;
        settled.set_rev(held.rev());
        self.put(settled, now);
    }

    /// Brings back a record that was deleted, as it was before the delete: a new version made
    /// from the tombstone, so that the delete does not win it back from another copy.
    pub fn restore(&mut self, before: T, now: DateTime<Utc>) {
        let Some(tombstone) = self.by_id.get(&before.id()) else {
            return;
        };
        let mut restored = before;
        restored.set_deleted(None);
        restored.set_rev(tombstone.rev());
        self.put(restored, now);
    }

    /// The `updated_at` for a change made now: later than any copy already held, even when the
    /// clock was set back, so that the newest change also shows as the newest. Nothing is
    /// later than chrono's last moment: a copy stamped there (only a stored one can be) is
    /// changed at that same moment, and its new revision still tells the two apart.
    fn change_stamp(&self, record: &T, now: DateTime<Utc>) -> DateTime<Utc> {
        match self.by_id.get(&record.id()) {
            Some(held) => {
                let floor = held.updated_at().max(record.updated_at());
                let later = floor
                    .checked_add_signed(chrono::Duration::milliseconds(1))
                    .unwrap_or(floor);
                now.max(later)
            }
            None => now.max(record.updated_at()),
        }
    }

    fn store_changed(&mut self, record: T) {
        self.unsaved.insert(bucket_of(record.id()));
        self.by_id.insert(record.id(), record);
    }

    /// Takes in a copy from a neighbour (a file, a folder, another phone) through the merge,
    /// to be saved. Returns true when the record changed.
    pub fn take_in(&mut self, incoming: &T) -> bool {
        let changed = self.merge_in(incoming);
        if changed {
            self.unsaved.insert(bucket_of(incoming.id()));
        }
        changed
    }

    /// Takes in a copy of a record that already lives elsewhere (storage written by this or
    /// another tab) through the merge. Returns true when the record changed. Nothing is marked
    /// unsaved: the incoming copy is already stored where it came from.
    pub fn merge_in(&mut self, incoming: &T) -> bool {
        match self.by_id.get(&incoming.id()) {
            None => {
                self.by_id.insert(incoming.id(), incoming.clone());
                true
            }
            Some(current) => {
                let merged = merge::merge(current, incoming);
                if merged == *current {
                    false
                } else {
                    self.by_id.insert(incoming.id(), merged);
                    true
                }
            }
        }
    }

    /// The records of one storage bucket, tombstones included.
    pub fn bucket(&self, bucket: u8) -> impl Iterator<Item = &T> {
        // Ids sort by their bytes and a bucket is the first byte's high half: each bucket is
        // one run of the map, found without walking the other fifteen.
        let first = Uuid::from_bytes([bucket << 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        let last = Uuid::from_bytes([
            bucket << 4 | 0x0f,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
            0xff,
        ]);
        self.by_id.range(first..=last).map(|(_, record)| record)
    }

    /// Buckets changed in memory and not yet written.
    pub fn unsaved_buckets(&self) -> Vec<u8> {
        self.unsaved.iter().copied().collect()
    }

    pub fn has_unsaved(&self) -> bool {
        !self.unsaved.is_empty()
    }

    /// Marks every bucket that holds a record as not yet written.
    pub fn mark_all_unsaved(&mut self) {
        let buckets: Vec<u8> = self.by_id.keys().map(|id| bucket_of(*id)).collect();
        self.unsaved.extend(buckets);
    }

    pub(crate) fn mark_unsaved(&mut self, bucket: u8) {
        self.unsaved.insert(bucket);
    }

    pub(crate) fn mark_saved(&mut self, bucket: u8) {
        self.unsaved.remove(&bucket);
    }
}

impl<T: Shareable> Records<T> {
    /// Deletes a record, leaving a tombstone that settles any conflicts too: the person
    /// deleted what they saw. Returns the record as it was, for undo.
    pub fn delete(&mut self, id: Uuid, now: DateTime<Utc>) -> Option<T> {
        let before = self.get(id)?.clone();
        let mut tombstone = before.clone();
        let stamp = self.change_stamp(&tombstone, now);
        tombstone.set_deleted(Some(stamp));
        // A delete keeps no words, here as in the files it travels in.
        tombstone.strip_to_tombstone();
        self.resolve(tombstone, now);
        Some(before)
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
    fn an_edit_of_the_stored_copy_replaces_it_and_an_edit_of_a_stale_copy_is_kept_beside_it() {
        let mut records = Records::default();
        records.put(entry(1, "first", at(1)), at(1));
        let stale = records.get(Uuid::from_u128(1)).unwrap().clone();
        let mut edited = stale.clone();
        edited.text = "second".into();
        records.put(edited, at(2));
        let stored = records.get(Uuid::from_u128(1)).unwrap();
        assert_eq!(stored.text, "second");
        assert!(stored.conflicts.is_empty());
        assert_eq!(stored.ancestors, vec![stale.rev]);

        let mut late = stale;
        late.text = "third, from a form opened before the second".into();
        records.put(late, at(3));
        let stored = records.get(Uuid::from_u128(1)).unwrap();
        let texts: Vec<_> = crate::merge::versions(stored)
            .into_iter()
            .map(|v| v.text)
            .collect();
        assert!(texts.contains(&"second".to_string()), "{texts:?}");
        assert!(texts.contains(&"third, from a form opened before the second".to_string()));
    }

    #[test]
    fn a_bucket_holds_exactly_the_records_whose_ids_fall_in_it() {
        let mut records = Records::default();
        // Ids at both ends of every bucket, and a deleted one.
        for bucket in 0..BUCKETS {
            let low = u128::from(bucket) << 124;
            for id in [low, low | (u128::MAX >> 4), low | 0x1234] {
                records.put(entry(id, "kept", at(1)), at(1));
            }
        }
        records.delete(Uuid::from_u128(0x1234), at(2));
        for bucket in 0..BUCKETS {
            let found: Vec<Uuid> = records.bucket(bucket).map(|r| r.id()).collect();
            let expected: Vec<Uuid> = records
                .all()
                .map(|r| r.id())
                .filter(|id| bucket_of(*id) == bucket)
                .collect();
            assert_eq!(found.len(), 3, "bucket {bucket}");
            assert_eq!(found, expected, "bucket {bucket}");
        }
    }

    #[test]
    fn delete_leaves_a_tombstone_that_travels_and_restore_wins_it_back() {
        let mut records = Records::default();
        records.put(entry(7, "ride", at(1)), at(1));
        let before = records.delete(Uuid::from_u128(7), at(2)).unwrap();
        assert_eq!(records.live_count(), 0);
        assert_eq!(records.all().count(), 1, "the tombstone stays");

        let mut other_tab = Records::default();
        other_tab.merge_in(&before);
        for r in records.all() {
            other_tab.merge_in(r);
        }
        assert_eq!(other_tab.live_count(), 0, "the delete travels");

        records.restore(before, at(3));
        assert_eq!(records.get(Uuid::from_u128(7)).unwrap().text, "ride");
        for r in records.all() {
            other_tab.merge_in(r);
        }
        assert_eq!(other_tab.live_count(), 1, "so does the undo");
        assert!(other_tab.in_conflict().next().is_none());
    }

    #[test]
    fn an_edit_stamped_with_a_clock_set_back_still_shows_as_the_latest() {
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
    fn a_record_stamped_at_chronos_last_moment_can_still_be_changed_and_deleted() {
        let mut records = Records::default();
        let mut stored = entry(4, "first", at(1));
        stored.updated_at = DateTime::<Utc>::MAX_UTC;
        records.merge_in(&stored);
        let mut edited = stored.clone();
        edited.text = "second".into();
        records.put(edited, at(2));
        let held = records.get(Uuid::from_u128(4)).unwrap();
        assert_eq!(held.text, "second");
        assert_eq!(held.updated_at, DateTime::<Utc>::MAX_UTC);
        assert!(records.delete(Uuid::from_u128(4), at(3)).is_some());
        assert_eq!(records.live_count(), 0);
    }

    #[test]
    fn only_changed_buckets_are_unsaved() {
        let mut records = Records::default();
        let id = Uuid::from_u128(0xA000_0000_0000_0000_0000_0000_0000_0001);
        let mut e = entry(0, "x", at(1));
        e.id = id;
        records.put(e, at(1));
        assert_eq!(records.unsaved_buckets(), vec![0xA]);
        let mut elsewhere = Records::default();
        elsewhere.put(entry(5, "from elsewhere", at(1)), at(1));
        records.merge_in(elsewhere.get(Uuid::from_u128(5)).unwrap());
        assert_eq!(records.unsaved_buckets(), vec![0xA]);
    }
}
