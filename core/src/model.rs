//! Everything Kindred knows, in memory. The browser shell holds one `Model` and persists it
//! through [`crate::persist`].

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::checkin::{CheckinPerson, Mark, Round};
use crate::helper::Helper;
use crate::journal::JournalEntry;
use crate::merge;
use crate::need::Need;
use crate::offer::Offer;
use crate::record::{CollectionName, Record, Records};
use crate::settings::Settings;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    pub journal: Records<JournalEntry>,
    pub helpers: Records<Helper>,
    pub needs: Records<Need>,
    pub checkin_people: Records<CheckinPerson>,
    pub rounds: Records<Round>,
    pub marks: Records<Mark>,
    pub offers: Records<Offer>,
    pub settings: Settings,
}

impl Model {
    /// True when anything has been written down, deleted records included.
    pub fn has_records(&self) -> bool {
        self.journal.all().next().is_some()
            || self.helpers.all().next().is_some()
            || self.needs.all().next().is_some()
            || self.checkin_people.all().next().is_some()
            || self.rounds.all().next().is_some()
            || self.marks.all().next().is_some()
            || self.offers.all().next().is_some()
    }

    /// How many records hold versions that say different things, waiting for a choice.
    pub fn conflicts_waiting(&self) -> usize {
        self.journal.in_conflict().count()
            + self.helpers.in_conflict().count()
            + self.needs.in_conflict().count()
            + self.checkin_people.in_conflict().count()
            + self.rounds.in_conflict().count()
            + self.marks.in_conflict().count()
            + self.offers.in_conflict().count()
    }

    /// Settles a record's conflict by keeping its `index`-th version (0 is the one shown).
    /// Returns false when there is no such record or version.
    pub fn keep_version(
        &mut self,
        collection: CollectionName,
        id: Uuid,
        index: usize,
        now: DateTime<Utc>,
    ) -> bool {
        fn keep<T: Record>(
            records: &mut Records<T>,
            id: Uuid,
            index: usize,
            now: DateTime<Utc>,
        ) -> bool {
            let Some(version) = records
                .get_any(id)
                .and_then(|record| merge::versions(record).into_iter().nth(index))
            else {
                return false;
            };
            records.resolve(version, now);
            true
        }
        match collection {
            CollectionName::Journal => keep(&mut self.journal, id, index, now),
            CollectionName::Helpers => keep(&mut self.helpers, id, index, now),
            CollectionName::Needs => keep(&mut self.needs, id, index, now),
            CollectionName::CheckinPeople => keep(&mut self.checkin_people, id, index, now),
            CollectionName::Rounds => keep(&mut self.rounds, id, index, now),
            CollectionName::Marks => keep(&mut self.marks, id, index, now),
            CollectionName::Offers => keep(&mut self.offers, id, index, now),
        }
    }

    /// Marks everything as not yet written: to write it all back after storage was emptied.
    pub fn mark_all_unsaved(&mut self) {
        self.journal.mark_all_unsaved();
        self.helpers.mark_all_unsaved();
        self.needs.mark_all_unsaved();
        self.checkin_people.mark_all_unsaved();
        self.rounds.mark_all_unsaved();
        self.marks.mark_all_unsaved();
        self.offers.mark_all_unsaved();
    }

    /// True while some change has not reached storage.
    pub fn has_unsaved(&self) -> bool {
        self.journal.has_unsaved()
            || self.helpers.has_unsaved()
            || self.needs.has_unsaved()
            || self.checkin_people.has_unsaved()
            || self.rounds.has_unsaved()
            || self.marks.has_unsaved()
            || self.offers.has_unsaved()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::tests::at;

    #[test]
    fn keeping_a_version_settles_the_conflict_with_that_version() {
        let mut here = Model::default();
        let id = Uuid::from_u128(1);
        here.helpers
            .put(Helper::new(id, at(1), "May".into()), at(1));
        let mut there = here.clone();
        let mut mine = here.helpers.get(id).unwrap().clone();
        mine.area = "Mong Kok".into();
        here.helpers.put(mine, at(3));
        let mut theirs = there.helpers.get(id).unwrap().clone();
        theirs.area = "Tai Po".into();
        there.helpers.put(theirs, at(2));
        here.helpers.take_in(there.helpers.get(id).unwrap());
        assert_eq!(here.conflicts_waiting(), 1);

        assert!(here.keep_version(CollectionName::Helpers, id, 1, at(4)));
        assert_eq!(here.conflicts_waiting(), 0);
        assert_eq!(here.helpers.get(id).unwrap().area, "Tai Po");
        assert!(!here.keep_version(CollectionName::Helpers, id, 5, at(5)));
    }
}
