//! Taking in a neighbour's file: a preview that changes nothing, a merge by id, and an undo.
//!
//! Each record in the file is compared with the local copy of the same id:
//! - **new**: there is no local copy;
//! - **unchanged**: both say the same, or the local copy is the newer;
//! - **updated**: the file's copy is newer and the local one has not changed since the two
//!   last agreed (`shared_at`);
//! - **conflict**: both changed since they last agreed (or they never agreed and differ).
//!
//! Without a choice the newer `updated_at` wins, ties broken by content, so that importing the
//! same file twice changes nothing the second time and files taken in in any order give the
//! same result. A local record is never deleted by a file that merely lacks it: only a
//! tombstone newer than the local copy deletes it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::model::Model;
use crate::record::{newer, same_content, Record, Records};
use crate::share::{ParsedFile, RecordProblem, Shareable};

/// How a record in the file compares with the local copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    New,
    Updated,
    Unchanged,
    Conflict,
}

/// What the reader chose for a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    KeepMine,
    TakeTheirs,
    /// Keeps the local record and adds the file's as a separate one.
    KeepBoth,
}

/// One record of the file, beside the local copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned<T> {
    pub incoming: T,
    pub local: Option<T>,
    pub outcome: Outcome,
}

/// What an import would do, worked out without changing anything.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub includes_private: bool,
    pub helpers: Vec<Planned<crate::helper::Helper>>,
    pub needs: Vec<Planned<crate::need::Need>>,
    pub journal: Vec<Planned<crate::journal::JournalEntry>>,
    /// Records of the file that cannot be taken in.
    pub skipped: Vec<RecordProblem>,
}

/// How many records of each outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub conflicts: usize,
}

fn classify<T: Shareable>(incoming: &T, local: Option<&T>) -> Outcome {
    let Some(local) = local else {
        return Outcome::New;
    };
    if same_content(local, incoming) {
        return Outcome::Unchanged;
    }
    let agreed = local.shared_at();
    let changed_here = agreed.is_none_or(|at| local.updated_at() > at);
    let changed_there = agreed.is_none_or(|at| incoming.updated_at() > at);
    if changed_here && changed_there {
        Outcome::Conflict
    } else if newer(local, incoming) == incoming {
        Outcome::Updated
    } else {
        Outcome::Unchanged
    }
}

fn plan_collection<T: Shareable>(
    records: &Records<T>,
    incoming: Vec<T>,
    private: bool,
) -> Vec<Planned<T>> {
    incoming
        .into_iter()
        .map(|mut incoming| {
            let local = records.get_any(incoming.id()).cloned();
            if let (Some(local), false) = (&local, private) {
                // A file without private notes says nothing about them: compare as if it
                // carried ours.
                incoming.keep_private_from(local);
            }
            let outcome = match (&local, incoming.is_deleted()) {
                // A delete of something never had here shows nothing: it only keeps an older
                // file from bringing the record back.
                (None, true) => Outcome::Unchanged,
                _ => classify(&incoming, local.as_ref()),
            };
            Planned {
                incoming,
                local,
                outcome,
            }
        })
        .collect()
}

/// Works out what importing `file` would do to `model`. Changes nothing.
pub fn plan(model: &Model, file: ParsedFile) -> Plan {
    Plan {
        includes_private: file.includes_private,
        helpers: plan_collection(&model.helpers, file.helpers, file.includes_private),
        needs: plan_collection(&model.needs, file.needs, file.includes_private),
        journal: plan_collection(&model.journal, file.journal, file.includes_private),
        skipped: file.skipped,
    }
}

impl Plan {
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        let outcomes = self
            .helpers
            .iter()
            .map(|p| p.outcome)
            .chain(self.needs.iter().map(|p| p.outcome))
            .chain(self.journal.iter().map(|p| p.outcome));
        for outcome in outcomes {
            match outcome {
                Outcome::New => counts.new += 1,
                Outcome::Updated => counts.updated += 1,
                Outcome::Unchanged => counts.unchanged += 1,
                Outcome::Conflict => counts.conflicts += 1,
            }
        }
        counts
    }

    /// True when taking the file in would change nothing.
    pub fn changes_nothing(&self) -> bool {
        let counts = self.counts();
        counts.new + counts.updated + counts.conflicts == 0
    }
}

/// What an import changed, to put back: each touched record as it was (`None`: it was new).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Undo {
    helpers: Vec<(Uuid, Option<crate::helper::Helper>)>,
    needs: Vec<(Uuid, Option<crate::need::Need>)>,
    journal: Vec<(Uuid, Option<crate::journal::JournalEntry>)>,
}

impl Undo {
    /// How many records the import changed.
    pub fn len(&self) -> usize {
        self.helpers.len() + self.needs.len() + self.journal.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Takes the planned records into the model. `choices` holds the reader's decision for
/// conflicts by record id; the rest follow the newer copy. `new_id` makes ids for copies kept
/// alongside ("keep both").
pub fn apply(
    model: &mut Model,
    plan: Plan,
    choices: &BTreeMap<Uuid, Choice>,
    new_id: &mut dyn FnMut() -> Uuid,
    now: DateTime<Utc>,
) -> Undo {
    let mut context = Apply {
        choices,
        new_id,
        now,
    };
    Undo {
        helpers: context.collection(&mut model.helpers, plan.helpers),
        needs: context.collection(&mut model.needs, plan.needs),
        journal: context.collection(&mut model.journal, plan.journal),
    }
}

struct Apply<'a> {
    choices: &'a BTreeMap<Uuid, Choice>,
    new_id: &'a mut dyn FnMut() -> Uuid,
    now: DateTime<Utc>,
}

impl Apply<'_> {
    fn collection<T: Shareable>(
        &mut self,
        records: &mut Records<T>,
        planned: Vec<Planned<T>>,
    ) -> Vec<(Uuid, Option<T>)> {
        let mut undo = Vec::new();
        for Planned {
            incoming,
            local,
            outcome,
        } in planned
        {
            let id = incoming.id();
            let agreed = local
                .as_ref()
                .and_then(Record::shared_at)
                .max(Some(incoming.updated_at()));
            let choice = (outcome == Outcome::Conflict)
                .then(|| self.choices.get(&id).copied())
                .flatten();
            let result = match (choice, &local) {
                (_, None) => incoming.clone(),
                (None, Some(local)) => newer(local, &incoming).clone(),
                (Some(Choice::TakeTheirs), Some(_)) => {
                    // A deliberate choice is a new change, so that it wins over older copies.
                    let mut theirs = incoming.clone();
                    theirs.set_updated_at(self.now.max(incoming.updated_at()));
                    theirs
                }
                (Some(choice @ (Choice::KeepMine | Choice::KeepBoth)), Some(local)) => {
                    if choice == Choice::KeepBoth {
                        let mut copy = incoming.clone();
                        let copy_id = (self.new_id)();
                        copy.set_id(copy_id);
                        copy.set_shared_at(None);
                        undo.push((copy_id, None));
                        records.replace(copy);
                    }
                    let mut mine = local.clone();
                    mine.set_updated_at(self.now.max(local.updated_at()));
                    mine
                }
            };
            let mut result = result;
            result.set_shared_at(agreed);
            if local.as_ref() == Some(&result) {
                continue;
            }
            undo.push((id, local));
            records.replace(result);
        }
        undo
    }
}

/// Puts back what an import changed: records it added are taken out, records it changed get
/// their earlier content again, stamped now so that no other copy brings the import back.
pub fn undo(model: &mut Model, undo: Undo, now: DateTime<Utc>) {
    fn put_back<T: Record>(
        records: &mut Records<T>,
        changed: Vec<(Uuid, Option<T>)>,
        now: DateTime<Utc>,
    ) {
        for (id, before) in changed.into_iter().rev() {
            match before {
                None => records.remove_entirely(id),
                Some(mut before) => {
                    let stamp = records.get_any(id).map_or(now, |current| {
                        now.max(current.updated_at() + chrono::Duration::milliseconds(1))
                    });
                    before.set_updated_at(stamp);
                    records.replace(before);
                }
            }
        }
    }
    put_back(&mut model.helpers, undo.helpers, now);
    put_back(&mut model.needs, undo.needs, now);
    put_back(&mut model.journal, undo.journal, now);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helper::Helper;
    use crate::record::tests::at;
    use crate::share::{export, mark_exported, parse, to_json, ExportChoice};
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
    }

    fn helper(n: u128, name: &str, when: u32) -> Helper {
        let mut helper = Helper::new(Uuid::from_u128(n), at(when), name.into());
        helper.updated_at = at(when);
        helper
    }

    /// What `model` would send, read back as a neighbour reads it.
    fn sent_by(model: &mut Model) -> ParsedFile {
        let file = export(model, ExportChoice::default(), at(30), "test");
        mark_exported(model, ExportChoice::default());
        parse(&to_json(&file), at(31), today()).unwrap()
    }

    fn no_ids() -> impl FnMut() -> Uuid {
        || panic!("no new ids expected")
    }

    #[test]
    fn a_new_record_is_new_and_importing_the_same_file_again_changes_nothing() {
        let mut mine = Model::default();
        let mut theirs = Model::default();
        theirs.helpers.replace(helper(1, "May", 1));
        let file = sent_by(&mut theirs);

        let plan = plan(&mine, file.clone());
        assert_eq!(
            plan.counts(),
            Counts {
                new: 1,
                ..Counts::default()
            }
        );
        apply(&mut mine, plan, &BTreeMap::new(), &mut no_ids(), at(40));
        assert_eq!(mine.helpers.get(Uuid::from_u128(1)).unwrap().name, "May");

        let again = super::plan(&mine, file);
        assert_eq!(
            again.counts(),
            Counts {
                unchanged: 1,
                ..Counts::default()
            }
        );
        assert!(again.changes_nothing());
    }

    #[test]
    fn an_edit_made_there_on_a_record_unchanged_here_is_an_update() {
        let mut mine = Model::default();
        let mut theirs = Model::default();
        theirs.helpers.replace(helper(1, "May", 1));
        let first = sent_by(&mut theirs);
        let plan1 = plan(&mine, first);
        apply(&mut mine, plan1, &BTreeMap::new(), &mut no_ids(), at(40));

        let mut edited = theirs.helpers.get(Uuid::from_u128(1)).unwrap().clone();
        edited.area = "Tai Po".into();
        theirs.helpers.put(edited, at(45));
        let plan2 = plan(&mine, sent_by(&mut theirs));
        assert_eq!(
            plan2.counts(),
            Counts {
                updated: 1,
                ..Counts::default()
            }
        );
        apply(&mut mine, plan2, &BTreeMap::new(), &mut no_ids(), at(50));
        assert_eq!(mine.helpers.get(Uuid::from_u128(1)).unwrap().area, "Tai Po");
    }

    #[test]
    fn edits_on_both_sides_since_they_last_agreed_are_a_conflict_that_the_reader_decides() {
        let mut mine = Model::default();
        let mut theirs = Model::default();
        theirs.helpers.replace(helper(1, "May", 1));
        let shared = plan(&mine, sent_by(&mut theirs));
        apply(&mut mine, shared, &BTreeMap::new(), &mut no_ids(), at(40));

        let mut my_edit = mine.helpers.get(Uuid::from_u128(1)).unwrap().clone();
        my_edit.area = "Mong Kok".into();
        mine.helpers.put(my_edit, at(41));
        let mut their_edit = theirs.helpers.get(Uuid::from_u128(1)).unwrap().clone();
        their_edit.area = "Tai Po".into();
        theirs.helpers.put(their_edit, at(42));
        let file = sent_by(&mut theirs);

        let conflict = plan(&mine, file.clone());
        assert_eq!(
            conflict.counts(),
            Counts {
                conflicts: 1,
                ..Counts::default()
            }
        );

        // Without a choice the newer wins: theirs, edited at minute 42.
        let mut by_default = mine.clone();
        apply(
            &mut by_default,
            conflict.clone(),
            &BTreeMap::new(),
            &mut no_ids(),
            at(50),
        );
        assert_eq!(
            by_default.helpers.get(Uuid::from_u128(1)).unwrap().area,
            "Tai Po"
        );

        let keep_mine = BTreeMap::from([(Uuid::from_u128(1), Choice::KeepMine)]);
        let mut kept = mine.clone();
        apply(
            &mut kept,
            conflict.clone(),
            &keep_mine,
            &mut no_ids(),
            at(50),
        );
        assert_eq!(
            kept.helpers.get(Uuid::from_u128(1)).unwrap().area,
            "Mong Kok"
        );
        assert!(
            plan(&kept, file.clone()).changes_nothing(),
            "decided once, not asked again"
        );

        let keep_both = BTreeMap::from([(Uuid::from_u128(1), Choice::KeepBoth)]);
        let mut both = mine.clone();
        apply(
            &mut both,
            conflict,
            &keep_both,
            &mut || Uuid::from_u128(99),
            at(50),
        );
        let areas: Vec<_> = both.helpers.live().map(|h| h.area.as_str()).collect();
        assert_eq!(areas, vec!["Mong Kok", "Tai Po"]);
    }

    #[test]
    fn a_file_without_a_record_never_deletes_it_but_a_newer_tombstone_does() {
        let mut mine = Model::default();
        mine.helpers.replace(helper(7, "Only here", 1));
        let mut theirs = Model::default();
        theirs.helpers.replace(helper(1, "May", 1));
        let plan1 = plan(&mine, sent_by(&mut theirs));
        apply(&mut mine, plan1, &BTreeMap::new(), &mut no_ids(), at(40));
        assert!(mine.helpers.get(Uuid::from_u128(7)).is_some());

        theirs.helpers.delete(Uuid::from_u128(1), at(45));
        let plan2 = plan(&mine, sent_by(&mut theirs));
        assert_eq!(
            plan2.counts(),
            Counts {
                updated: 1,
                ..Counts::default()
            }
        );
        apply(&mut mine, plan2, &BTreeMap::new(), &mut no_ids(), at(50));
        assert!(mine.helpers.get(Uuid::from_u128(1)).is_none());
        assert!(mine.helpers.get(Uuid::from_u128(7)).is_some());
    }

    #[test]
    fn a_file_without_private_notes_keeps_the_ones_written_here() {
        let mut mine = Model::default();
        let mut theirs = Model::default();
        theirs.helpers.replace(helper(1, "May", 1));
        let plan1 = plan(&mine, sent_by(&mut theirs));
        apply(&mut mine, plan1, &BTreeMap::new(), &mut no_ids(), at(40));
        let mut noted = mine.helpers.get(Uuid::from_u128(1)).unwrap().clone();
        noted.private_note = "only mine".into();
        mine.helpers.replace(noted);

        let mut edited = theirs.helpers.get(Uuid::from_u128(1)).unwrap().clone();
        edited.area = "Tai Po".into();
        theirs.helpers.put(edited, at(45));
        let plan2 = plan(&mine, sent_by(&mut theirs));
        apply(&mut mine, plan2, &BTreeMap::new(), &mut no_ids(), at(50));
        let may = mine.helpers.get(Uuid::from_u128(1)).unwrap();
        assert_eq!(may.area, "Tai Po");
        assert_eq!(may.private_note, "only mine");
    }

    #[test]
    fn undo_puts_back_exactly_what_was_there() {
        let mut mine = Model::default();
        mine.helpers.replace(helper(1, "May", 1));
        let before: Vec<_> = mine.helpers.live().cloned().collect();
        let mut theirs = Model::default();
        let mut edited = helper(1, "May Chan", 5);
        edited.area = "Tai Po".into();
        theirs.helpers.replace(edited);
        theirs.helpers.replace(helper(2, "Sam", 5));
        let conflict = plan(&mine, sent_by(&mut theirs));
        let undo = apply(&mut mine, conflict, &BTreeMap::new(), &mut no_ids(), at(40));
        assert_eq!(undo.len(), 2);
        assert_eq!(mine.helpers.live_count(), 2);

        super::undo(&mut mine, undo, at(41));
        let after: Vec<_> = mine.helpers.live().cloned().collect();
        assert_eq!(after.len(), before.len());
        assert!(same_content_but_stamp(&after[0], &before[0]));
        assert!(
            mine.helpers.get_any(Uuid::from_u128(2)).is_none(),
            "the new record is gone"
        );
    }

    fn same_content_but_stamp(a: &Helper, b: &Helper) -> bool {
        Helper {
            updated_at: b.updated_at,
            ..a.clone()
        } == *b
    }
}
