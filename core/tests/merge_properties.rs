//! Properties of the merge among many neighbours, checked on random histories.
//!
//! Three to five replicas (phones) start empty. A random sequence of steps then runs: a
//! replica adds or edits a helper or a journal entry, deletes one, settles a conflict by
//! choosing one of its versions, or passes what it holds to another replica: a whole file
//! (with or without private notes) or a single helper's card, as a QR code carries it. Files
//! go the whole way a real one does (export, JSON text, parse) before `import::plan` and
//! `import::apply` take them in with no choice made. Ids come from a small pool, so that the
//! same record is edited on several phones between exchanges, in any order, repeatedly.
//!
//! What is checked, and why it matters to a neighbourhood:
//! - when everyone has exchanged with everyone, every replica holds the same records, so the
//!   needs board reads the same on every phone;
//! - no edit is lost: every version anyone made is still held on every replica, or a version
//!   made from it is (an edit or a choice made by someone who had seen it);
//! - importing a file a second time is offered as no change and changes nothing;
//! - a file without private notes never blanks one kept here.
//!
//! `KINDRED_MERGE_CASES=10000 cargo test -p kindred-core --release --test merge_properties`
//! is the long run; the normal run does 256 histories.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use kindred_core::helper::Helper;
use kindred_core::import;
use kindred_core::journal::{JournalEntry, Kind};
use kindred_core::merge;
use kindred_core::model::Model;
use kindred_core::record::{Record, Records};
use kindred_core::revision::Rev;
use kindred_core::share::{self, ExportChoice, OneRecord, ParsedFile};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use uuid::Uuid;

/// Records per collection: few, so that replicas edit the same ones.
const POOL: u8 = 4;

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 2).unwrap()
}

fn helper_id(n: u8) -> Uuid {
    Uuid::from_u128(0x1000 + u128::from(n))
}

fn entry_id(n: u8) -> Uuid {
    Uuid::from_u128(0x3000 + u128::from(n))
}

#[derive(Debug, Clone)]
enum Step {
    /// Adds the helper if the replica lacks it, or edits the shown version.
    EditHelper {
        at: usize,
        n: u8,
        area: &'static str,
        note: &'static str,
    },
    EditEntry {
        at: usize,
        n: u8,
        text: &'static str,
    },
    DeleteHelper {
        at: usize,
        n: u8,
    },
    /// Settles a helper's conflict with its `pick`-th version.
    Choose {
        at: usize,
        n: u8,
        pick: usize,
    },
    SendFile {
        from: usize,
        to: usize,
        private: bool,
    },
    SendCard {
        from: usize,
        to: usize,
        n: u8,
    },
}

const AREAS: [&str; 4] = ["Tai Po", "Sha Tin", "Mong Kok", "Wan Chai"];
const NOTES: [&str; 3] = ["", "her son's number is in my phone", "prefers mornings"];
const TEXTS: [&str; 3] = ["a ride to the clinic", "soup", "fixed the gate"];

fn step(replicas: usize) -> impl Strategy<Value = Step> {
    let at = 0..replicas;
    prop_oneof![
        4 => (at.clone(), 0..POOL, prop::sample::select(AREAS.to_vec()), prop::sample::select(NOTES.to_vec()))
            .prop_map(|(at, n, area, note)| Step::EditHelper { at, n, area, note }),
        2 => (at.clone(), 0..POOL, prop::sample::select(TEXTS.to_vec()))
            .prop_map(|(at, n, text)| Step::EditEntry { at, n, text }),
        1 => (at.clone(), 0..POOL).prop_map(|(at, n)| Step::DeleteHelper { at, n }),
        1 => (at.clone(), 0..POOL, 0..3usize).prop_map(|(at, n, pick)| Step::Choose { at, n, pick }),
        4 => (at.clone(), at.clone(), any::<bool>())
            .prop_map(|(from, to, private)| Step::SendFile { from, to, private }),
        1 => (at.clone(), at, 0..POOL).prop_map(|(from, to, n)| Step::SendCard { from, to, n }),
    ]
}

fn history() -> impl Strategy<Value = (usize, Vec<Step>)> {
    (3..=5usize)
        .prop_flat_map(|replicas| (Just(replicas), prop::collection::vec(step(replicas), 1..40)))
}

/// Everything a history made, to check that none of it is lost.
#[derive(Default)]
struct Made {
    helpers: BTreeSet<(Uuid, Rev)>,
    journal: BTreeSet<(Uuid, Rev)>,
}

/// The history's clock: every step happens a minute after the last.
struct World {
    replicas: Vec<Model>,
    minute: i64,
    made: Made,
}

impl World {
    fn now(&mut self) -> DateTime<Utc> {
        self.minute += 1;
        start() + Duration::minutes(self.minute)
    }

    fn note_made(&mut self, at: usize) {
        for h in self.replicas[at].helpers.all() {
            self.made.helpers.insert((h.id, h.rev));
        }
        for e in self.replicas[at].journal.all() {
            self.made.journal.insert((e.id, e.rev));
        }
    }

    fn run(&mut self, step: &Step) -> Result<(), TestCaseError> {
        let now = self.now();
        match *step {
            Step::EditHelper { at, n, area, note } => {
                let helpers = &mut self.replicas[at].helpers;
                let mut helper = helpers
                    .get(helper_id(n))
                    .cloned()
                    .unwrap_or_else(|| Helper::new(helper_id(n), now, format!("Helper {n}")));
                helper.area = area.into();
                helper.private_note = note.into();
                helpers.put(helper, now);
                self.note_made(at);
            }
            Step::EditEntry { at, n, text } => {
                let journal = &mut self.replicas[at].journal;
                let mut entry = journal.get(entry_id(n)).cloned().unwrap_or_else(|| {
                    JournalEntry::new(entry_id(n), now, text.into(), Kind::Given, today())
                });
                entry.text = text.into();
                journal.put(entry, now);
                self.note_made(at);
            }
            Step::DeleteHelper { at, n } => {
                self.replicas[at].helpers.delete(helper_id(n), now);
                self.note_made(at);
            }
            Step::Choose { at, n, pick } => {
                let helpers = &mut self.replicas[at].helpers;
                if let Some(held) = helpers
                    .get_any(helper_id(n))
                    .filter(|h| merge::needs_review(*h))
                {
                    let versions = merge::versions(held);
                    let chosen = versions[pick % versions.len()].clone();
                    helpers.resolve(chosen, now);
                    self.note_made(at);
                }
            }
            Step::SendFile { from, to, private } => {
                let file = file_of(&self.replicas[from], private);
                self.import(to, &file, now)?;
            }
            Step::SendCard { from, to, n } => {
                if let Some(helper) = self.replicas[from].helpers.get(helper_id(n)) {
                    let card =
                        share::one_record_file(OneRecord::Helper(helper.clone()), now, "test");
                    let text = share::card_link_text(
                        share::card_link("https://example.org/", &card)
                            .strip_prefix(&format!("https://example.org/{}", share::CARD_ROUTE))
                            .unwrap(),
                    )
                    .unwrap();
                    let file = share::parse(&text, now, today()).unwrap();
                    self.import(to, &file, now)?;
                }
            }
        }
        Ok(())
    }

    /// Takes `file` in at replica `at`, checking what every import must keep.
    fn import(
        &mut self,
        at: usize,
        file: &ParsedFile,
        now: DateTime<Utc>,
    ) -> Result<(), TestCaseError> {
        let before = self.replicas[at].clone();
        let model = &mut self.replicas[at];
        let plan = import::plan(model, file.clone());
        import::apply(
            model,
            plan,
            &BTreeMap::new(),
            &mut || panic!("no copies"),
            now,
        );
        if !file.includes_private {
            private_notes_kept(&before.helpers, &model.helpers)?;
        }
        let again = import::plan(model, file.clone());
        prop_assert!(
            again.changes_nothing(),
            "a second import offers {:?}",
            again.counts()
        );
        let once = model.clone();
        let plan = import::plan(model, file.clone());
        import::apply(
            model,
            plan,
            &BTreeMap::new(),
            &mut || panic!("no copies"),
            now,
        );
        prop_assert_eq!(
            &once.helpers.all().collect::<Vec<_>>(),
            &model.helpers.all().collect::<Vec<_>>()
        );
        prop_assert_eq!(
            &once.journal.all().collect::<Vec<_>>(),
            &model.journal.all().collect::<Vec<_>>()
        );
        Ok(())
    }
}

fn file_of(model: &Model, private: bool) -> ParsedFile {
    let choice = ExportChoice {
        helpers: true,
        needs: true,
        journal: true,
        check_ins: true,
        private_notes: private,
    };
    let text = share::to_json(&share::export(model, choice, start(), "test"));
    let parsed = share::parse(&text, start() + Duration::days(1), today()).expect("reads back");
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    parsed
}

/// A file without private notes blanked no private note: every note a live version held
/// before is still on a version of the same revision, unless that version was replaced by
/// one made from it (whose note then came from it).
fn private_notes_kept(
    before: &Records<Helper>,
    after: &Records<Helper>,
) -> Result<(), TestCaseError> {
    for was in before.all() {
        let now = merge::versions(after.get_any(was.id).expect("never removed"));
        for held in merge::versions(was)
            .iter()
            .filter(|v| !v.is_deleted() && !v.private_note.is_empty())
        {
            let same_rev: Vec<&Helper> = now.iter().filter(|v| v.rev == held.rev).collect();
            let replaced = now.iter().any(|v| v.ancestors.contains(&held.rev));
            prop_assert!(
                replaced
                    || same_rev
                        .iter()
                        .any(|v| v.is_deleted() || v.private_note == held.private_note),
                "the note {:?} was blanked",
                held.private_note
            );
            if replaced {
                prop_assert!(
                    now.iter()
                        .any(|v| v.is_deleted() || !v.private_note.is_empty()),
                    "a newer version blanked the note {:?}",
                    held.private_note
                );
            }
        }
    }
    Ok(())
}

/// Every version made is held, or a version made from it is.
fn nothing_lost<T: Record>(
    records: &Records<T>,
    made: &BTreeSet<(Uuid, Rev)>,
) -> Result<(), TestCaseError> {
    for (id, rev) in made {
        let Some(record) = records.get_any(*id) else {
            return Err(TestCaseError::fail(format!("{id} is gone")));
        };
        let versions = merge::versions(record);
        prop_assert!(
            versions
                .iter()
                .any(|v| v.rev() == *rev || v.ancestors().contains(rev)),
            "{id}: version {rev} was dropped without a later one made from it"
        );
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("KINDRED_MERGE_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn neighbours_who_have_all_exchanged_hold_the_same_records_and_no_edit_is_lost(
        (count, steps) in history()
    ) {
        let mut world = World { replicas: vec![Model::default(); count], minute: 0, made: Made::default() };
        for step in &steps {
            world.run(step)?;
        }
        // Everyone sends everyone a full file, until nothing changes.
        for _ in 0..4 {
            for from in 0..count {
                for to in 0..count {
                    if from != to {
                        let file = file_of(&world.replicas[from], true);
                        let now = world.now();
                        world.import(to, &file, now)?;
                    }
                }
            }
        }
        let first = &world.replicas[0];
        for other in &world.replicas[1..] {
            prop_assert_eq!(first.helpers.all().collect::<Vec<_>>(), other.helpers.all().collect::<Vec<_>>());
            prop_assert_eq!(first.journal.all().collect::<Vec<_>>(), other.journal.all().collect::<Vec<_>>());
        }
        for replica in &world.replicas {
            nothing_lost(&replica.helpers, &world.made.helpers)?;
            nothing_lost(&replica.journal, &world.made.journal)?;
        }
    }
}
