//! Data safety in the browser: what is saved survives a reload, what cannot be read is kept
//! and offered for download, and a save that fails keeps the data and says so.

mod support;

use support::App;

fn log_entry(app: &App, text: &str) {
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened").type_text(text);
    app.get("button", "Save").click();
}

#[test]
fn an_entry_saved_through_the_form_survives_a_reload() {
    let app = App::start();
    app.open("#/journal");
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened")
        .type_text("Walked Mr Lee to the clinic");
    app.get("radio", "Received").click();
    app.get("textbox", "Person").type_text("Mr Lee");
    app.get("button", "Save").click();

    let list = app.get("list", "Journal entries");
    list.within_with_text("listitem", "Walked Mr Lee to the clinic");
    app.reload();
    let item = app
        .get("list", "Journal entries")
        .within_with_text("listitem", "Walked Mr Lee to the clinic");
    assert!(item.text().contains("Received"), "{}", item.text());
    assert!(item.text().contains("Today"), "{}", item.text());
    assert!(
        app.local_storage()
            .values()
            .any(|v| v.contains("Walked Mr Lee to the clinic")),
        "the entry is in localStorage"
    );
}

#[test]
fn an_entry_is_not_lost_when_the_page_goes_away_right_after_saving() {
    let app = App::start();
    app.open("#/journal");
    log_entry(&app, "Brought soup to the neighbours");
    // No wait for the batched save: leave at once.
    app.reload();
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Brought soup to the neighbours");
}

#[test]
fn garbage_in_storage_gives_the_recovery_alert_and_the_garbage_is_kept() {
    let app = App::start();
    app.open("#/journal");
    let garbage = "{\"format\":\"kindred\",\"schema\":1,\"records\":[{\"text\":\"half a rec";
    app.set_local_storage("kindred/journal/3", garbage);
    app.reload();

    let alert = app.get_with_text("alert", "could not be read");
    alert.within("button", "Download unreadable data");
    app.screenshot("recovery-alert-390");

    // The app still works, and the garbage survives new saves and reloads.
    log_entry(&app, "Kept going");
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Kept going");
    app.reload();
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Kept going");
    assert!(
        app.local_storage().values().any(|v| v == garbage),
        "the unreadable text is still stored as it was: {:?}",
        app.local_storage().keys().collect::<Vec<_>>()
    );
    // The alert stays until dismissed.
    let alert = app.get_with_text("alert", "could not be read");
    alert.within("button", "Dismiss").click();
    app.wait_for("the alert to go", || app.all("alert").is_empty());
}

#[test]
fn a_save_that_fails_shows_an_alert_keeps_the_entry_and_saves_it_once_there_is_room() {
    let app = App::start();
    app.open("#/journal");
    // Fill localStorage to its quota (5,242,880 UTF-16 units in Chromium) with one key.
    app.browser().execute(
        "let size = 5242880 - 'filler'.length;
         while (size > 0) {
             try { localStorage.setItem('filler', 'x'.repeat(size)); break; }
             catch (e) { size -= 1024; }
         }",
        &[],
    );
    log_entry(&app, "Fixed the gate for Mrs Chan");
    let alert = app.get_with_text("alert", "could not be saved");
    assert!(alert.text().contains("full"), "{}", alert.text());
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Fixed the gate for Mrs Chan");
    app.screenshot("save-failed-alert-390");

    app.browser()
        .execute("localStorage.removeItem('filler')", &[]);
    alert.within("button", "Try again").click();
    app.wait_for("the alert to go once the save succeeds", || {
        app.all("alert").is_empty()
    });
    app.reload();
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Fixed the gate for Mrs Chan");
}

#[test]
fn download_all_data_saves_a_backup_with_every_entry_and_the_unreadable_text() {
    let app = App::start();
    app.open("#/journal");
    app.set_local_storage("kindred/settings", "not json at all");
    app.reload();
    app.get_with_text("alert", "could not be read");
    log_entry(&app, "Shared an umbrella at the bus stop");

    app.get("navigation", "Main")
        .within("link", "Settings")
        .click();
    app.get("button", "Download all data").click();
    let (name, text) = app.downloaded("kindred-backup-");
    assert!(name.ends_with(".json"), "{name}");
    let backup: serde_json::Value = serde_json::from_str(&text).expect("the backup is JSON");
    assert_eq!(backup["format"], "kindred-backup");
    assert_eq!(
        backup["journal"][0]["text"],
        "Shared an umbrella at the bus stop"
    );
    assert_eq!(backup["unreadable"][0]["raw"], "not json at all");
}
