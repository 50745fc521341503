//! Taking in a neighbour's file: a preview that changes nothing, the one merge, and an undo.
//!
//! Each record in the file is merged with the local copy of the same id ([`crate::merge`]),
//! and the preview says what that merge would do:
//! - **new**: there is no local copy;
//! - **unchanged**: the file's copy is one this phone has already seen (or says the same);
//! - **updated**: the file's copy was made from the local one: it only adds to it;
//! - **conflict**: the two were changed apart, so neither was made from the other (or the
//!   file brings a conflict from elsewhere). Both versions are kept; one shows, the same on
//!   every phone, and the other waits until the person chooses.
//!
//! Importing the same file twice changes nothing the second time, files taken in in any order
//! give the same result, and a local record is never deleted by a file that merely lacks it.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::merge::{self, needs_review, same_content};
use crate::model::Model;
use crate::record::{Record, Records};
use crate::revision::Rev;
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

/// One record of the file, beside the local copy and what the merge makes of the two.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned<T> {
    pub incoming: T,
    pub local: Option<T>,
    /// What is stored if the person makes no choice.
    pub merged: T,
    pub outcome: Outcome,
}

/// What an import would do, worked out without changing anything.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub includes_private: bool,
    pub helpers: Vec<Planned<crate::helper::Helper>>,
    pub needs: Vec<Planned<crate::need::Need>>,
    pub journal: Vec<Planned<crate::journal::JournalEntry>>,
    pub checkin_people: Vec<Planned<crate::checkin::CheckinPerson>>,
    pub rounds: Vec<Planned<crate::checkin::Round>>,
    pub marks: Vec<Planned<crate::checkin::Mark>>,
    pub offers: Vec<Planned<crate::offer::Offer>>,
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

fn classify<T: Shareable>(local: &T, incoming: &T, merged: &T) -> Outcome {
    if merged == local {
        return Outcome::Unchanged;
    }
    let holds = |version: &T| {
        merge::versions(merged)
            .iter()
            .any(|kept| kept.rev() == version.rev() && same_content(kept, version))
    };
    let apart = holds(local) && holds(incoming) && !same_content(local, incoming);
    if apart || (needs_review(merged) && !needs_review(local)) {
        Outcome::Conflict
    } else if same_content(merged, local) && needs_review(merged) == needs_review(local) {
        // Only revisions differ (the same change made on two phones): nothing to show.
        Outcome::Unchanged
    } else {
        Outcome::Updated
    }
}

/// A file without private notes says nothing about them: each of its versions takes the
/// private fields of the local version it is (the same revision), or else of a local
/// version it was made from, or else of the local record.
fn keep_private_notes<T: Shareable>(incoming: &mut T, local: &T) {
    let local_versions = merge::versions(local);
    let source = |version: &T| {
        local_versions
            .iter()
            .find(|v| v.rev() == version.rev())
            .or_else(|| {
                // Made from several versions here (a choice settled them): a note any of
                // them has is kept, since the file cannot say it was removed.
                local_versions
                    .iter()
                    .filter(|v| version.ancestors().contains(&v.rev()))
                    .max_by_key(|v| (!v.private_note().is_empty(), v.rev()))
            })
            .unwrap_or(local)
            .clone()
    };
    // A delete carries no words, private or not.
    if !incoming.is_deleted() {
        let from = source(incoming);
        incoming.keep_private_from(&from);
    }
    for kept in incoming
        .conflicts_mut()
        .iter_mut()
        .filter(|v| !v.is_deleted())
    {
        let from = source(kept);
        kept.keep_private_from(&from);
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
            let (merged, outcome) = match &local {
                Some(local) => {
                    if !private {
                        keep_private_notes(&mut incoming, local);
                    }
                    let merged = merge::merge(local, &incoming);
                    let outcome = classify(local, &incoming, &merged);
                    (merged, outcome)
                }
                // A delete of something never had here shows nothing: it only keeps an older
                // file from bringing the record back.
                None if incoming.is_deleted() => (incoming.clone(), Outcome::Unchanged),
                None => (incoming.clone(), Outcome::New),
            };
            Planned {
                incoming,
                local,
                merged,
                outcome,
            }
        })
        .collect()
}

/// Works out what importing `file` would do to `model`. Changes nothing. Work it out again
/// just before applying it, so that what happened meanwhile is taken into account.
pub fn plan(model: &Model, file: ParsedFile) -> Plan {
    Plan {
        includes_private: file.includes_private,
        helpers: plan_collection(&model.helpers, file.helpers, file.includes_private),
        needs: plan_collection(&model.needs, file.needs, file.includes_private),
        journal: plan_collection(&model.journal, file.journal, file.includes_private),
        checkin_people: plan_collection(
            &model.checkin_people,
            file.checkin_people,
            file.includes_private,
        ),
        rounds: plan_collection(&model.rounds, file.rounds, file.includes_private),
        marks: plan_collection(&model.marks, file.marks, file.includes_private),
        offers: plan_collection(&model.offers, file.offers, file.includes_private),
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
            .chain(self.journal.iter().map(|p| p.outcome))
            .chain(self.checkin_people.iter().map(|p| p.outcome))
            .chain(self.rounds.iter().map(|p| p.outcome))
            .chain(self.marks.iter().map(|p| p.outcome))
            .chain(self.offers.iter().map(|p| p.outcome));
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

    /// Whether the file can be taken in now: it changes something, and any records it
    /// cannot read have the person's consent to be left out (`skip_consent`).
    pub fn can_take_in(&self, skip_consent: bool) -> bool {
        !self.changes_nothing() && (self.skipped.is_empty() || skip_consent)
    }
}

/// One record an import changed: its revision after the import and what it was before
/// (`None`: it was new).
#[derive(Debug, Clone, PartialEq)]
struct Changed<T> {
    id: Uuid,
    after: Rev,
    before: Option<T>,
}

/// What an import changed, to put back.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Undo {
    helpers: Vec<Changed<crate::helper::Helper>>,
    needs: Vec<Changed<crate::need::Need>>,
    journal: Vec<Changed<crate::journal::JournalEntry>>,
    checkin_people: Vec<Changed<crate::checkin::CheckinPerson>>,
    rounds: Vec<Changed<crate::checkin::Round>>,
    marks: Vec<Changed<crate::checkin::Mark>>,
    offers: Vec<Changed<crate::offer::Offer>>,
}

impl Undo {
    /// How many records the import changed.
    pub fn len(&self) -> usize {
        self.helpers.len()
            + self.needs.len()
            + self.journal.len()
            + self.checkin_people.len()
            + self.rounds.len()
            + self.marks.len()
            + self.offers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Takes the planned records into the model. `choices` holds the reader's decision for
/// conflicts by record id; a conflict without one is stored with both versions, to review
/// later. `new_id` makes ids for copies kept alongside ("keep both").
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
        checkin_people: context.collection(&mut model.checkin_people, plan.checkin_people),
        rounds: context.collection(&mut model.rounds, plan.rounds),
        marks: context.collection(&mut model.marks, plan.marks),
        offers: context.collection(&mut model.offers, plan.offers),
    }
}

struct Apply<'a> {
    choices: &'a BTreeMap<Uuid, Choice>,
    new_id: &'a mut dyn FnMut() -> Uuid,
    now: DateTime<Utc>,
}

/// A version as a choice: its content alone, ready to settle a record with.
fn chosen<T: Record>(version: &T) -> T {
    let mut chosen = version.clone();
    chosen.conflicts_mut().clear();
    chosen
}

impl Apply<'_> {
    fn collection<T: Shareable>(
        &mut self,
        records: &mut Records<T>,
        planned: Vec<Planned<T>>,
    ) -> Vec<Changed<T>> {
        let mut changed = Vec::new();
        for Planned {
            incoming,
            local,
            outcome,
            ..
        } in planned
        {
            let id = incoming.id();
            let choice = (outcome == Outcome::Conflict)
                .then(|| self.choices.get(&id).copied())
                .flatten();
            let mut touched = records.take_in(&incoming);
            match (choice, &local) {
                (Some(Choice::TakeTheirs), Some(_)) => {
                    records.resolve(chosen(&incoming), self.now);
                    touched = true;
                }
                (Some(choice @ (Choice::KeepMine | Choice::KeepBoth)), Some(local)) => {
                    if choice == Choice::KeepBoth {
                        let mut copy = chosen(&incoming);
                        let copy_id = (self.new_id)();
                        copy.set_id(copy_id);
                        copy.set_rev(Rev::NONE);
                        copy.ancestors_mut().clear();
                        records.put(copy, self.now);
                        let after = records.get_any(copy_id).expect("just put").rev();
                        changed.push(Changed {
                            id: copy_id,
                            after,
                            before: None,
                        });
                    }
                    records.resolve(chosen(local), self.now);
                    touched = true;
                }
                _ => {}
            }
            if touched {
                let after = records.get_any(id).expect("taken in").rev();
                changed.push(Changed {
                    id,
                    after,
                    before: local,
                });
            }
        }
        changed
    }
}

/// What undoing an import did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Undone {
    /// How many records were put back as they were.
    pub put_back: usize,
    /// Records changed again since the import, by name: left as they are, since putting them
    /// back would lose those later changes.
    pub left_alone: Vec<String>,
}

/// Puts back what an import changed, for each record still as the import left it: records it
/// added are deleted (a delete that travels, so no other tab brings them back), records it
/// changed get their earlier versions again, as a change made now. Records changed since are
/// left alone and named.
pub fn undo(model: &mut Model, undo: Undo, now: DateTime<Utc>) -> Undone {
    fn put_back<T: Shareable>(
        records: &mut Records<T>,
        changed: Vec<Changed<T>>,
        now: DateTime<Utc>,
        undone: &mut Undone,
    ) {
        for Changed { id, after, before } in changed.into_iter().rev() {
            let Some(current) = records.get_any(id) else {
                continue;
            };
            if current.rev() != after {
                undone.left_alone.push(current.label());
                continue;
            }
            match before {
                None => {
                    records.delete(id, now);
                }
                Some(before) => {
                    let kept = before.conflicts().to_vec();
                    records.settle(chosen(&before), kept, now);
                }
            }
            undone.put_back += 1;
        }
    }
    let mut undone = Undone::default();
    put_back(&mut model.helpers, undo.helpers, now, &mut undone);
    put_back(&mut model.needs, undo.needs, now, &mut undone);
    put_back(&mut model.journal, undo.journal, now, &mut undone);
    put_back(
        &mut model.checkin_people,
        undo.checkin_people,
        now,
        &mut undone,
    );
    put_back(&mut model.rounds, undo.rounds, now, &mut undone);
    put_back(&mut model.marks, undo.marks, now, &mut undone);
    put_back(&mut model.offers, undo.offers, now, &mut undone);
    undone
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helper::Helper;
    use crate::record::tests::at;
    use crate::share::{export, parse, to_json, ExportChoice};
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
    }

    const MAY: u128 = 1;

    fn with_may() -> Model {
        let mut model = Model::default();
        model.helpers.put(
            Helper::new(Uuid::from_u128(MAY), at(1), "May".into()),
            at(1),
        );
        model
    }

    fn may(model: &Model) -> Helper {
        model.helpers.get(Uuid::from_u128(MAY)).unwrap().clone()
    }

    fn edit_may(model: &mut Model, minute: u32, change: impl FnOnce(&mut Helper)) {
        let mut helper = may(model);
        change(&mut helper);
        model.helpers.put(helper, at(minute));
    }

    /// What `model` would send, read back as a neighbour reads it.
    fn sent_by(model: &Model) -> ParsedFile {
        let file = export(model, ExportChoice::default(), at(30), "test");
        parse(&to_json(&file), at(31), today()).unwrap()
    }

    fn no_ids() -> impl FnMut() -> Uuid {
        || panic!("no new ids expected")
    }

    /// Imports `from`'s file into `into` with no choices made.
    fn exchange(into: &mut Model, from: &Model) -> Counts {
        let plan = plan(into, sent_by(from));
        let counts = plan.counts();
        apply(into, plan, &BTreeMap::new(), &mut no_ids(), at(40));
        counts
    }

    fn counts(new: usize, updated: usize, unchanged: usize, conflicts: usize) -> Counts {
        Counts {
            new,
            updated,
            unchanged,
            conflicts,
        }
    }

    #[test]
    fn a_new_record_is_new_and_importing_the_same_file_again_changes_nothing() {
        let mut mine = Model::default();
        let theirs = with_may();
        assert_eq!(exchange(&mut mine, &theirs), counts(1, 0, 0, 0));
        assert_eq!(may(&mine).name, "May");
        let again = plan(&mine, sent_by(&theirs));
        assert_eq!(again.counts(), counts(0, 0, 1, 0));
        assert!(again.changes_nothing());
    }

    #[test]
    fn an_edit_made_there_on_a_record_unchanged_here_is_an_update_and_an_older_file_changes_nothing(
    ) {
        let mut mine = Model::default();
        let mut theirs = with_may();
        exchange(&mut mine, &theirs);
        let old = theirs.clone();
        edit_may(&mut theirs, 45, |h| h.area = "Tai Po".into());
        assert_eq!(exchange(&mut mine, &theirs), counts(0, 1, 0, 0));
        assert_eq!(may(&mine).area, "Tai Po");
        assert_eq!(plan(&mine, sent_by(&old)).counts(), counts(0, 0, 1, 0));
    }

    #[test]
    fn three_neighbours_an_edit_here_after_one_exchange_and_an_edit_of_an_older_copy_conflict() {
        // Ann shares May with Ben and Chi. Ann edits and sends to Ben; Chi edits the copy she
        // had and sends to Ben. Under `shared_at` Ben's preview said "1 updated": Ann's edit,
        // made later, lost to nothing, or Chi's overwrote it. Both must be kept.
        let ann0 = with_may();
        let mut ben = Model::default();
        let mut chi = Model::default();
        exchange(&mut ben, &ann0);
        exchange(&mut chi, &ann0);
        let mut ann = ann0.clone();
        edit_may(&mut ann, 50, |h| h.phone = "+852 2345 6789".into());
        assert_eq!(exchange(&mut ben, &ann), counts(0, 1, 0, 0));
        edit_may(&mut chi, 51, |h| h.phone = "+852 9876 5432".into());

        let preview = plan(&ben, sent_by(&chi));
        assert_eq!(preview.counts(), counts(0, 0, 0, 1));
        apply(&mut ben, preview, &BTreeMap::new(), &mut no_ids(), at(52));
        let kept = may(&ben);
        let phones: Vec<_> = merge::versions(&kept)
            .iter()
            .map(|v| v.phone.clone())
            .collect();
        assert!(phones.contains(&"+852 2345 6789".to_string()), "{phones:?}");
        assert!(phones.contains(&"+852 9876 5432".to_string()), "{phones:?}");
        assert!(needs_review(&kept));
    }

    #[test]
    fn each_choice_for_a_conflict_does_what_it_says_and_is_not_asked_again() {
        let mut mine = with_may();
        let mut theirs = Model::default();
        exchange(&mut theirs, &mine);
        edit_may(&mut mine, 41, |h| h.area = "Mong Kok".into());
        edit_may(&mut theirs, 42, |h| h.area = "Tai Po".into());
        let file = sent_by(&theirs);
        let conflict = plan(&mine, file.clone());
        assert_eq!(conflict.counts(), counts(0, 0, 0, 1));

        let choose = |choice| BTreeMap::from([(Uuid::from_u128(MAY), choice)]);
        for (choice, area) in [
            (Choice::KeepMine, "Mong Kok"),
            (Choice::TakeTheirs, "Tai Po"),
        ] {
            let mut decided = mine.clone();
            apply(
                &mut decided,
                conflict.clone(),
                &choose(choice),
                &mut no_ids(),
                at(50),
            );
            let now = may(&decided);
            assert_eq!(now.area, area, "{choice:?}");
            assert!(now.conflicts.is_empty(), "{choice:?} settles it");
            assert!(
                plan(&decided, file.clone()).changes_nothing(),
                "{choice:?}: decided once, not asked again"
            );
            // The choice travels: the neighbour ends with the same record.
            let mut neighbour = theirs.clone();
            exchange(&mut neighbour, &decided);
            assert_eq!(may(&neighbour), may(&decided), "{choice:?}");
        }

        let mut both = mine.clone();
        apply(
            &mut both,
            conflict,
            &choose(Choice::KeepBoth),
            &mut || Uuid::from_u128(99),
            at(50),
        );
        let areas: Vec<_> = both.helpers.live().map(|h| h.area.as_str()).collect();
        assert_eq!(areas, vec!["Mong Kok", "Tai Po"]);
    }

    #[test]
    fn a_conflict_without_a_choice_keeps_both_versions_for_review() {
        let mut mine = with_may();
        let mut theirs = Model::default();
        exchange(&mut theirs, &mine);
        edit_may(&mut mine, 43, |h| h.area = "Mong Kok".into());
        edit_may(&mut theirs, 42, |h| h.area = "Tai Po".into());
        exchange(&mut mine, &theirs);
        let kept = may(&mine);
        assert_eq!(kept.area, "Mong Kok", "the later edit shows");
        assert_eq!(kept.conflicts[0].area, "Tai Po", "the other waits");
        assert_eq!(mine.helpers.in_conflict().count(), 1);
    }

    #[test]
    fn a_file_without_a_record_never_deletes_it_but_a_delete_made_from_it_does() {
        // `theirs` deletes record 7 and sends May unchanged.
        let mut mine = with_may();
        let only_here = Helper::new(Uuid::from_u128(7), at(1), "Only here".into());
        mine.helpers.put(only_here, at(1));
        let mut theirs = Model::default();
        exchange(&mut theirs, &mine);
        theirs.helpers.delete(Uuid::from_u128(7), at(45));
        assert_eq!(exchange(&mut mine, &theirs), counts(0, 1, 1, 0));
        assert!(mine.helpers.get(Uuid::from_u128(7)).is_none());
        assert!(mine.helpers.get(Uuid::from_u128(MAY)).is_some());
    }

    #[test]
    fn a_file_without_private_notes_keeps_the_ones_written_here() {
        let mut mine = Model::default();
        let mut theirs = with_may();
        exchange(&mut mine, &theirs);
        edit_may(&mut mine, 41, |h| h.private_note = "only mine".into());
        edit_may(&mut theirs, 45, |h| h.area = "Tai Po".into());
        exchange(&mut mine, &theirs);
        let kept = may(&mine);
        assert!(merge::versions(&kept)
            .iter()
            .all(|v| v.private_note == "only mine"));
    }

    #[test]
    fn undo_puts_back_what_the_import_left_untouched_and_names_what_changed_since() {
        let mut mine = with_may();
        let mut theirs = Model::default();
        exchange(&mut theirs, &mine);
        edit_may(&mut theirs, 45, |h| h.area = "Tai Po".into());
        theirs.helpers.put(
            Helper::new(Uuid::from_u128(2), at(45), "Sam".into()),
            at(45),
        );
        theirs.helpers.put(
            Helper::new(Uuid::from_u128(3), at(45), "Lee".into()),
            at(45),
        );
        let plan = plan(&mine, sent_by(&theirs));
        let undo = apply(&mut mine, plan, &BTreeMap::new(), &mut no_ids(), at(50));
        assert_eq!(undo.len(), 3);
        let mut lee = mine.helpers.get(Uuid::from_u128(3)).unwrap().clone();
        lee.phone = "+852 2345 6789".into();
        mine.helpers.put(lee, at(51));

        let undone = super::undo(&mut mine, undo, at(52));
        assert_eq!(undone.put_back, 2);
        assert_eq!(undone.left_alone, vec!["Lee".to_string()]);
        assert_eq!(may(&mine).area, "", "May as she was");
        assert!(
            mine.helpers.get(Uuid::from_u128(2)).is_none(),
            "Sam is gone"
        );
        assert!(
            mine.helpers
                .get_any(Uuid::from_u128(2))
                .unwrap()
                .is_deleted(),
            "with a tombstone, so another tab does not bring him back"
        );
        assert_eq!(
            mine.helpers.get(Uuid::from_u128(3)).unwrap().phone,
            "+852 2345 6789",
            "the later edit stays"
        );
        // Another copy that still holds the import's Sam does not bring him back.
        let mut other_tab = mine.clone();
        other_tab
            .helpers
            .merge_in(theirs.helpers.get_any(Uuid::from_u128(2)).unwrap());
        assert!(other_tab.helpers.get(Uuid::from_u128(2)).is_none());
    }

    #[test]
    fn a_file_is_taken_in_only_when_it_changes_something_and_skips_nothing_unasked() {
        let mine = Model::default();
        let mut plan = plan(&mine, sent_by(&with_may()));
        assert!(plan.can_take_in(false));
        plan.skipped.push(crate::share::RecordProblem {
            path: "helpers[1]".into(),
            label: "Bo".into(),
            detail: crate::share::RecordDetail::Unreadable("not a helper".into()),
        });
        assert!(!plan.can_take_in(false));
        assert!(plan.can_take_in(true));
        let nothing_new = super::plan(&with_may(), sent_by(&with_may()));
        assert!(!nothing_new.can_take_in(true));
    }
}
