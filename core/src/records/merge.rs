//! The one merge of two copies of a record, used by other tabs, file imports and every sync.
//!
//! A record holds one or more **versions**: the one it shows and the concurrent ones kept in
//! its `conflicts`. Merging two copies takes every version of both, keeps each version once,
//! drops every version that another one descends from (its revision is among the other's
//! ancestors: it was seen and changed), and keeps all the rest. Of those, one wins by a rule
//! every copy applies alike (a live version before a delete, then the later `updated_at`, then
//! the larger revision); the others stay as conflicts until the person chooses. So copies that
//! have all met hold the same versions and show the same winner, whatever order they met in,
//! and no version is dropped unless a later one was made from it.
//!
//! Versions that say the same (they differ only in stamps and revisions) are kept too, so that
//! the merge stays the same in any order, but they are not a conflict to review: the next
//! change of the record settles them.

use std::cmp::Ordering;

use serde_json::Value;

use crate::record::Record;
use crate::revision::Rev;

/// Every version a record holds: the one it shows first, then the kept ones, each without
/// conflicts of its own.
pub fn versions<T: Record>(record: &T) -> Vec<T> {
    let mut shown = record.clone();
    let kept = std::mem::take(shown.conflicts_mut());
    std::iter::once(shown).chain(kept).collect()
}

/// The merge of two copies of the same record (the same id).
pub fn merge<T: Record>(a: &T, b: &T) -> T {
    if a == b {
        return a.clone();
    }
    if a.conflicts().is_empty() && b.conflicts().is_empty() {
        if b.ancestors().contains(&a.rev()) {
            return b.clone();
        }
        if a.ancestors().contains(&b.rev()) {
            return a.clone();
        }
    }
    let mut held: Vec<T> = Vec::new();
    for version in versions(a).into_iter().chain(versions(b)) {
        match held
            .iter_mut()
            .find(|h| h.rev() == version.rev() && same_version(&**h, &version))
        {
            Some(same) => {
                let mut ancestors = same.ancestors().to_vec();
                crate::revision::join_ancestors(&mut ancestors, version.ancestors().to_vec());
                // One copy came through a file without private notes: the note is known. Of
                // two copies of one delete, the one stripped of its words is kept.
                let better = if same.is_deleted() {
                    content_text(&version) < content_text(same)
                } else {
                    same.private_note().is_empty()
                };
                if better {
                    *same = version;
                }
                *same.ancestors_mut() = ancestors;
            }
            None => held.push(version),
        }
    }
    let mut kept: Vec<T> = held
        .iter()
        .filter(|v| {
            !held
                .iter()
                .any(|other| other.ancestors().contains(&v.rev()))
        })
        .cloned()
        .collect();
    kept.sort_by(|x, y| rank(y, x));
    let mut winner = kept.remove(0);
    *winner.conflicts_mut() = kept;
    winner
}

/// The order in which versions win, the same on every copy.
fn rank<T: Record>(a: &T, b: &T) -> Ordering {
    (!a.is_deleted())
        .cmp(&!b.is_deleted())
        .then(a.updated_at().cmp(&b.updated_at()))
        .then(a.rev().cmp(&b.rev()))
        .then_with(|| content_text(a).cmp(&content_text(b)))
}

/// Whether a record waits for the person: a kept version says something else.
pub fn needs_review<T: Record>(record: &T) -> bool {
    record
        .conflicts()
        .iter()
        .any(|kept| !same_content(record, kept))
}

/// Whether two versions say the same: everything but stamps and revisions (a delete counts
/// as the same delete whenever it was made).
pub fn same_content<T: Record>(a: &T, b: &T) -> bool {
    match (a.is_deleted(), b.is_deleted()) {
        (true, true) => true,
        (false, false) => bare(a) == bare(b),
        _ => false,
    }
}

/// Two copies of the same revision, compared in full but for the ancestor lists and a
/// private note left blank by a file without private notes. A delete travels stripped of its
/// words, so two copies of it are the same whatever words one still has.
fn same_version<T: Record>(a: &T, b: &T) -> bool {
    if a.is_deleted() && b.is_deleted() {
        return true;
    }
    let mut b = b.clone();
    *b.ancestors_mut() = a.ancestors().to_vec();
    if a.private_note().is_empty() || b.private_note().is_empty() {
        b.set_private_note(a.private_note().to_string());
    }
    *a == b
}

fn bare<T: Record>(version: &T) -> T {
    let mut bare = version.clone();
    bare.set_rev(Rev::NONE);
    bare.ancestors_mut().clear();
    bare.conflicts_mut().clear();
    bare.set_updated_at(version.created_at());
    bare
}

/// A version's content as text, without its revision fields: what its revision hashes.
pub(crate) fn content_text<T: Record>(version: &T) -> String {
    let mut content = version.clone();
    content.set_rev(Rev::NONE);
    content.ancestors_mut().clear();
    content.conflicts_mut().clear();
    serde_json::to_string(&content).unwrap_or_default()
}

/// The fields that are bookkeeping, not something a form edits.
const BOOKKEEPING: [&str; 6] = [
    "id",
    "created_at",
    "updated_at",
    "rev",
    "ancestors",
    "conflicts",
];

/// Puts the fields that `edited` changed from `opened` onto `current`, a later version of the
/// same record. `None` when a field was changed both ways, or one side deleted the record:
/// then the two are a conflict.
pub fn three_way<T: Record>(opened: &T, edited: &T, current: &T) -> Option<T> {
    if current.is_deleted() != opened.is_deleted() || edited.is_deleted() != opened.is_deleted() {
        return None;
    }
    let object = |record: &T| match serde_json::to_value(record) {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    };
    let (opened_fields, edited_fields) = (object(opened)?, object(edited)?);
    let mut merged = object(current)?;
    let keys: std::collections::BTreeSet<&String> =
        opened_fields.keys().chain(edited_fields.keys()).collect();
    for key in keys {
        if BOOKKEEPING.contains(&key.as_str()) {
            continue;
        }
        let (was, now) = (opened_fields.get(key), edited_fields.get(key));
        if was == now {
            continue;
        }
        let there = merged.get(key);
        if there != was && there != now {
            return None;
        }
        match now {
            Some(value) => merged.insert(key.clone(), value.clone()),
            None => merged.remove(key),
        };
    }
    serde_json::from_value(Value::Object(merged)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helper::Helper;
    use crate::record::tests::at;
    use crate::record::Records;
    use uuid::Uuid;

    fn may() -> Records<Helper> {
        let mut records = Records::default();
        records.put(Helper::new(Uuid::from_u128(1), at(1), "May".into()), at(1));
        records
    }

    fn held(records: &Records<Helper>) -> Helper {
        records.get_any(Uuid::from_u128(1)).unwrap().clone()
    }

    fn edit(records: &mut Records<Helper>, minute: u32, change: impl FnOnce(&mut Helper)) {
        let mut helper = held(records);
        change(&mut helper);
        records.put(helper, at(minute));
    }

    #[test]
    fn a_copy_made_from_another_replaces_it_in_either_order() {
        let mut here = may();
        let before = held(&here);
        edit(&mut here, 2, |h| h.area = "Tai Po".into());
        let after = held(&here);
        assert_eq!(merge(&before, &after), after);
        assert_eq!(merge(&after, &before), after);
    }

    #[test]
    fn concurrent_edits_keep_both_versions_whichever_is_newer_and_agree_in_either_order() {
        let mut here = may();
        let mut there = here.clone();
        edit(&mut here, 3, |h| h.area = "Mong Kok".into());
        edit(&mut there, 2, |h| h.phone = "+852 2345 6789".into());
        let (mine, theirs) = (held(&here), held(&there));
        let merged = merge(&mine, &theirs);
        assert_eq!(merged, merge(&theirs, &mine));
        assert_eq!(merged.area, "Mong Kok", "the later edit shows");
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(
            merged.conflicts[0].phone, "+852 2345 6789",
            "the other is kept"
        );
        assert!(needs_review(&merged));
    }

    #[test]
    fn a_delete_concurrent_with_an_edit_is_a_conflict_and_the_edit_shows() {
        let mut here = may();
        let mut there = here.clone();
        here.delete(Uuid::from_u128(1), at(5));
        edit(&mut there, 2, |h| h.area = "Tai Po".into());
        let merged = merge(&held(&here), &held(&there));
        assert!(!merged.is_deleted(), "not silently deleted");
        assert!(
            merged.conflicts[0].is_deleted(),
            "the delete waits for a choice"
        );
        assert!(needs_review(&merged));
    }

    #[test]
    fn the_same_change_made_twice_is_not_a_conflict() {
        let mut here = may();
        let mut there = here.clone();
        edit(&mut here, 2, |h| h.area = "Tai Po".into());
        edit(&mut there, 3, |h| h.area = "Tai Po".into());
        let merged = merge(&held(&here), &held(&there));
        assert!(!needs_review(&merged));
    }

    #[test]
    fn the_same_revision_with_other_content_is_kept_as_a_conflict() {
        let here = held(&may());
        let mut forged = here.clone();
        forged.phone = "+852 9999 9999".into();
        let merged = merge(&here, &forged);
        assert!(needs_review(&merged), "never called already here");
        assert_eq!(merged, merge(&forged, &here));
    }

    #[test]
    fn a_choice_descends_from_every_version_and_wins_everywhere() {
        let mut here = may();
        let mut there = here.clone();
        edit(&mut here, 3, |h| h.area = "Mong Kok".into());
        edit(&mut there, 2, |h| h.area = "Tai Po".into());
        let theirs = held(&there);
        here.take_in(&theirs);
        let mut chosen = held(&here).conflicts[0].clone();
        chosen.conflicts.clear();
        here.resolve(chosen, at(4));
        let settled = held(&here);
        assert_eq!(settled.area, "Tai Po");
        assert!(settled.conflicts.is_empty());
        assert_eq!(merge(&theirs, &settled), settled);
        assert_eq!(merge(&settled, &theirs), settled);
    }

    #[test]
    fn a_form_saves_only_what_it_changed_onto_a_record_that_moved_on() {
        let mut here = may();
        let opened = held(&here);
        edit(&mut here, 2, |h| h.phone = "+852 2345 6789".into());
        let mut edited = opened.clone();
        edited.area = "Tai Po".into();
        let saved = here.save_form(Some(&opened), edited, at(3));
        assert_eq!(saved, crate::record::EditSaved::Cleanly);
        let now = held(&here);
        assert_eq!(
            (now.area.as_str(), now.phone.as_str()),
            ("Tai Po", "+852 2345 6789")
        );
        assert!(now.conflicts.is_empty());
    }

    #[test]
    fn a_form_that_changed_a_field_changed_meanwhile_keeps_both_as_a_conflict() {
        let mut here = may();
        let opened = held(&here);
        edit(&mut here, 2, |h| h.area = "Sha Tin".into());
        let mut edited = opened.clone();
        edited.area = "Tai Po".into();
        let saved = here.save_form(Some(&opened), edited, at(3));
        assert_eq!(saved, crate::record::EditSaved::AsConflict);
        let now = held(&here);
        assert_eq!(now.area, "Tai Po");
        assert_eq!(now.conflicts[0].area, "Sha Tin");
    }
}
