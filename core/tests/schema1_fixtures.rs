//! What the schema-1 build wrote (tests/fixtures/, made before the format changed) still
//! opens: stored data upgrades in place without a word set aside, and its share file and
//! backup import, with the history schema 1's stamps stand for.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeZone, Utc};
use kindred_core::import;
use kindred_core::model::Model;
use kindred_core::persist;
use kindred_core::share;
use kindred_core::storage::{KeyValueStore, MemoryStore};
use uuid::Uuid;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn id(text: &str) -> Uuid {
    text.parse().unwrap()
}

const SAM: &str = "2b000000-0000-4000-8000-000000000002";

#[test]
fn stored_schema_1_data_loads_whole_and_is_written_back_as_schema_2() {
    let stored: BTreeMap<String, String> =
        serde_json::from_str(&fixture("schema1-local-storage.json")).unwrap();
    let mut store = MemoryStore::default();
    for (key, value) in &stored {
        store.set(key, value).unwrap();
    }
    let mut loaded = persist::load(&mut store);
    assert!(loaded.unreadable.is_empty(), "{:?}", loaded.unreadable);
    let model = &loaded.model;
    assert_eq!(model.helpers.live_count(), 2);
    assert_eq!(model.helpers.all().count(), 3, "the delete is kept");
    assert_eq!(model.needs.live_count(), 2);
    assert_eq!(model.journal.live_count(), 2);
    assert_eq!(
        model
            .journal
            .get(id("6f000000-0000-4000-8000-000000000006"))
            .unwrap()
            .private_note,
        "She was worried about the results"
    );
    assert_eq!(
        model
            .settings
            .categories
            .iter()
            .filter(|c| *c == "Rides")
            .count(),
        1
    );
    // Sam was edited after the share file went out: his version of then is his ancestor.
    let sam = model.helpers.get(id(SAM)).unwrap();
    assert_eq!(sam.area, "Sha Tin");
    assert_eq!(sam.ancestors.len(), 1);

    persist::save(&mut store, &mut loaded.model).unwrap();
    for key in stored
        .keys()
        .filter(|k| k.as_str() != persist::SETTINGS_KEY)
    {
        let text = store.get(key).unwrap().unwrap();
        assert!(
            text.contains("\"schema\":2") && !text.contains("shared_at"),
            "{key}: {text}"
        );
    }
    let again = persist::load(&mut store);
    assert_eq!(
        again.model.helpers.all().collect::<Vec<_>>(),
        loaded.model.helpers.all().collect::<Vec<_>>()
    );
}

#[test]
fn the_schema_1_share_file_and_backup_import_and_an_edit_made_after_sharing_is_an_update() {
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let shared = share::parse(&fixture("schema1-share-everything.json"), now, today).unwrap();
    assert!(shared.skipped.is_empty(), "{:?}", shared.skipped);
    let mut neighbour = Model::default();
    let plan = import::plan(&neighbour, shared);
    assert_eq!(plan.counts().new, 6, "{:?}", plan.counts());
    import::apply(
        &mut neighbour,
        plan,
        &BTreeMap::new(),
        &mut || panic!("no choice, no copies"),
        now,
    );
    assert_eq!(neighbour.helpers.get(id(SAM)).unwrap().area, "");

    // The backup holds Sam as edited after the share file: for the neighbour who took the
    // file, an update, as schema 1 would have said.
    let backup = share::parse(&fixture("schema1-backup.json"), now, today).unwrap();
    assert!(backup.includes_private);
    let plan = import::plan(&neighbour, backup);
    let counts = plan.counts();
    assert_eq!((counts.updated, counts.conflicts), (1, 0), "{counts:?}");
    import::apply(
        &mut neighbour,
        plan,
        &BTreeMap::new(),
        &mut || panic!("no choice, no copies"),
        now,
    );
    assert_eq!(neighbour.helpers.get(id(SAM)).unwrap().area, "Sha Tin");
}
