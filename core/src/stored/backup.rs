//! A full backup: everything in memory, tombstones included, and the raw text of anything
//! that could not be read, so that nothing a person wrote is ever out of their reach.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::checkin::{CheckinPerson, Mark, Round};
use crate::helper::Helper;
use crate::journal::JournalEntry;
use crate::model::Model;
use crate::need::Need;
use crate::offer::Offer;
use crate::persist::{Unreadable, SCHEMA_VERSION};
use crate::settings::Settings;

/// The format name of a backup file.
pub const BACKUP_FORMAT: &str = "kindred-backup";

#[derive(Serialize)]
struct Backup<'a> {
    format: &'static str,
    schema: u32,
    created_at: DateTime<Utc>,
    settings: &'a Settings,
    journal: Vec<&'a JournalEntry>,
    helpers: Vec<&'a Helper>,
    needs: Vec<&'a Need>,
    checkin_people: Vec<&'a CheckinPerson>,
    rounds: Vec<&'a Round>,
    marks: Vec<&'a Mark>,
    offers: Vec<&'a Offer>,
    unreadable: Vec<UnreadableText<'a>>,
}

#[derive(Serialize)]
struct UnreadableText<'a> {
    key: &'a str,
    reason: &'a str,
    raw: &'a str,
}

/// The backup file's text, pretty-printed so that a person can read it.
pub fn backup_json(model: &Model, unreadable: &[Unreadable], now: DateTime<Utc>) -> String {
    serde_json::to_string_pretty(&Backup {
        format: BACKUP_FORMAT,
        schema: SCHEMA_VERSION,
        created_at: now,
        settings: &model.settings,
        journal: model.journal.all().collect(),
        helpers: model.helpers.all().collect(),
        needs: model.needs.all().collect(),
        checkin_people: model.checkin_people.all().collect(),
        rounds: model.rounds.all().collect(),
        marks: model.marks.all().collect(),
        offers: model.offers.all().collect(),
        unreadable: unreadable
            .iter()
            .map(|u| UnreadableText {
                key: &u.key,
                reason: &u.reason,
                raw: &u.raw,
            })
            .collect(),
    })
    .expect("a backup always serialises")
}

/// The raw text of unreadable data on its own, for the recovery alert's download.
pub fn unreadable_json(unreadable: &[Unreadable]) -> String {
    let texts: Vec<_> = unreadable
        .iter()
        .map(|u| UnreadableText {
            key: &u.key,
            reason: &u.reason,
            raw: &u.raw,
        })
        .collect();
    serde_json::to_string_pretty(&texts).expect("strings always serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::tests::{at, entry};
    use crate::storage::StorageError;
    use serde_json::Value;

    #[test]
    fn a_backup_holds_every_record_and_the_raw_unreadable_text() {
        let mut model = Model::default();
        model.journal.put(entry(1, "kept", at(1)), at(1));
        model.journal.put(entry(2, "deleted", at(1)), at(1));
        model.journal.delete(uuid::Uuid::from_u128(2), at(2));
        let unreadable = vec![Unreadable {
            key: "kindred/journal/0".into(),
            reason: "not readable JSON".into(),
            kept_as: Err(StorageError::Full),
            raw: "{\"half".into(),
        }];
        let text = backup_json(&model, &unreadable, at(3));
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["format"], BACKUP_FORMAT);
        assert_eq!(value["journal"].as_array().unwrap().len(), 2);
        assert_eq!(value["unreadable"][0]["raw"], "{\"half");
        let alone: Value = serde_json::from_str(&unreadable_json(&unreadable)).unwrap();
        assert_eq!(alone[0]["key"], "kindred/journal/0");
    }
}
