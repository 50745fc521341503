//! What the schema-1 build wrote opens in this one, in the browser: stored data upgrades in
//! place with nothing set aside, and its backup imports with the usual preview.

mod support;

use std::collections::BTreeMap;
use std::path::PathBuf;

use support::App;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn schema_1_storage_opens_whole_and_is_written_back_as_schema_2() {
    let app = App::start();
    app.open("#/journal");
    let stored: BTreeMap<String, String> = serde_json::from_str(
        &std::fs::read_to_string(fixture("schema1-local-storage.json")).unwrap(),
    )
    .unwrap();
    for (key, value) in &stored {
        app.set_local_storage(key, value);
    }
    app.reload();
    for text in [
        "Drove Mrs Chan to the clinic and waited with her",
        "陳太太送了湯給我",
    ] {
        app.get("list", "Journal entries")
            .within_with_text("listitem", text);
    }
    assert!(app.all("alert").is_empty(), "nothing called unreadable");
    app.open("#/helpers");
    let sam = app
        .get("list", "Helpers")
        .within_with_text("listitem", "Sam Lee")
        .text();
    assert!(sam.contains("Sha Tin"), "{sam}");
    app.wait_for("the upgrade to be written", || {
        app.local_storage()
            .iter()
            .filter(|(key, _)| key.as_str() != "kindred/settings")
            .all(|(_, value)| value.contains("\"schema\":2") && !value.contains("shared_at"))
    });
    assert!(!app
        .local_storage()
        .keys()
        .any(|key| key.starts_with("kindred/unreadable/")));
}

#[test]
fn a_schema_1_backup_imports_with_its_preview() {
    let app = App::start();
    app.open("#/share");
    app.get("button", "Import file")
        .set_file(fixture("schema1-backup.json"));
    let preview = app.get("region", "Import preview");
    assert!(
        preview
            .text()
            .contains("6 new, 0 updated, 1 unchanged, 0 in conflict"),
        "{}",
        preview.text()
    );
    app.get("button", "Confirm import").click();
    app.open("#/helpers");
    app.get("list", "Helpers")
        .within_with_text("listitem", "Wong Siu Ming");
}
