//! Data safety in the browser: what is saved survives a reload, what cannot be read is kept
//! and offered for download, and a save that fails keeps the data and says so.

mod support;

use std::thread;
use std::time::{Duration, Instant};

use serde_json::json;
use support::{App, WAIT_TIMEOUT};

/// What the alert says when storage is full.
const SAVE_FAILED_FULL: &str = "Your last changes could not be saved: the browser's storage for \
    Kindred is full. They are kept in this tab: do not close it. Use Download all data in \
    Settings to keep a copy, or free some space; Kindred tries again with every change.";

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
    assert_eq!(
        item.paragraphs(),
        ["Received · Today", "Walked Mr Lee to the clinic", "Mr Lee"],
        "the kind and day, the text, the person"
    );
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
    let text = "Brought soup to the neighbours";
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened").type_text(text);
    let save = app.get("button", "Save");
    // Saving, looking at storage, leaving and looking again, all in one script: no timer runs
    // until it ends, so the batched save (300 ms after a change) cannot be what writes the
    // entry, however slow or fast this machine is: only Kindred's `pagehide` listener can.
    let stored = save.execute(
        "const [save, text] = arguments;
         const stored = () => Object.keys(localStorage)
             .some(key => localStorage.getItem(key).includes(text));
         save.click();
         const afterSave = stored();
         window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
         return { afterSave, afterPagehide: stored() };",
        &[json!(text)],
    );
    assert_eq!(
        stored,
        json!({ "afterSave": false, "afterPagehide": true }),
        "Save leaves the entry to the batched save; the page going away writes it at once"
    );
    app.reload();
    app.get("list", "Journal entries")
        .within_with_text("listitem", text);
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

/// Fills localStorage to its quota (5,242,880 UTF-16 units in Chromium) to the last unit:
/// one large key, then a small one for what is left.
fn fill_storage(app: &App) {
    app.browser().execute(
        "const fill = (key, start, step) => {
             for (let size = start; size > 0; size -= step) {
                 try { localStorage.setItem(key, 'x'.repeat(size)); return; } catch (e) {}
             }
         };
         fill('filler', 5242880, 1024);
         fill('filler-rest', 1024, 1);",
        &[],
    );
}

/// Frees what [`fill_storage`] took.
fn free_storage(app: &App) {
    app.browser().execute(
        "localStorage.removeItem('filler'); localStorage.removeItem('filler-rest');",
        &[],
    );
}

#[test]
fn a_full_storage_shows_an_alert_keeps_the_entry_offers_export_and_saves_once_there_is_room() {
    let app = App::start();
    app.open("#/journal");
    log_entry(&app, "Walked with Mr Ho to the market");
    app.wait_for("the first entry stored", || {
        app.local_storage()
            .values()
            .any(|v| v.contains("Walked with Mr Ho"))
    });
    let stored_before = app.local_storage();
    fill_storage(&app);

    log_entry(&app, "Fixed the gate for Mrs Chan");
    let alert = app.get_with_text("alert", "could not be saved");
    assert_eq!(
        alert.paragraphs(),
        [SAVE_FAILED_FULL],
        "the alert names the problem and what to do"
    );
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Fixed the gate for Mrs Chan");
    app.screenshot("save-failed-alert-390");

    // Nothing already stored is damaged.
    let mut stored_now = app.local_storage();
    stored_now.remove("filler");
    stored_now.remove("filler-rest");
    assert_eq!(
        stored_now, stored_before,
        "what was stored before is as it was"
    );

    // The alert offers a way out: a full copy, the unsaved entry in it.
    alert.within("button", "Download all data").click();
    let (_, backup) = app.downloaded("kindred-backup-");
    assert!(backup.contains("Fixed the gate for Mrs Chan"), "{backup}");
    assert!(backup.contains("Walked with Mr Ho"), "{backup}");

    free_storage(&app);
    app.get_with_text("alert", "could not be saved")
        .within("button", "Try again")
        .click();
    app.wait_for("the alert to go once the save succeeds", || {
        app.all("alert").is_empty()
    });
    app.reload();
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Fixed the gate for Mrs Chan");
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Walked with Mr Ho");
}

#[test]
fn a_half_written_form_that_cannot_be_kept_says_so_and_is_kept_once_there_is_room() {
    let app = App::start();
    app.open("#/journal");
    app.get("button", "Log a kindness").click();
    fill_storage(&app);
    app.get("textbox", "What happened")
        .type_text("Carried Mrs Wong's shopping up");
    let alert = app.get_with_text("alert", "could not be kept");
    assert_eq!(
        alert.paragraphs(),
        [
            "What you are typing could not be kept in this browser: the browser's storage for \
          Kindred is full. It is still in the open form: save it before you leave this page or \
          reload it."
        ],
    );
    assert_eq!(
        app.all("alert").len(),
        1,
        "said once, not at every keystroke"
    );
    assert_eq!(app.axe_violations(), Vec::<String>::new());
    app.screenshot("draft-not-kept-390");

    free_storage(&app);
    app.get("textbox", "What happened")
        .type_text(" to the fifth floor");
    app.wait_for("the alert to go once the draft is kept", || {
        app.all("alert").is_empty()
    });
    app.reload();
    app.open("#/journal");
    assert_eq!(
        app.get("textbox", "What happened").value(),
        "Carried Mrs Wong's shopping up to the fifth floor",
        "the draft, kept once there was room, comes back"
    );

    let desktop = App::start_with_size(1280, 900);
    desktop.open("#/journal");
    desktop.get("button", "Log a kindness").click();
    fill_storage(&desktop);
    desktop
        .get("textbox", "What happened")
        .type_text("Read to Mr Ho");
    desktop.get_with_text("alert", "could not be kept");
    assert_eq!(desktop.axe_violations(), Vec::<String>::new());
    desktop.screenshot("draft-not-kept-1280");
    free_storage(&desktop);
}

#[test]
fn saving_resumes_by_itself_when_space_is_freed_elsewhere() {
    let app = App::start();
    app.open("#/journal");
    fill_storage(&app);
    log_entry(&app, "Lent my ladder to the Lams");
    app.get_with_text("alert", "could not be saved");
    // Space freed by another tab (or another app on the same site) is noticed by the next
    // change, a storage event or the retry timer: here, the next change.
    free_storage(&app);
    log_entry(&app, "Swept the stairs");
    app.wait_for("the alert to go", || app.all("alert").is_empty());
    app.reload();
    for text in ["Lent my ladder to the Lams", "Swept the stairs"] {
        app.get("list", "Journal entries")
            .within_with_text("listitem", text);
    }
}

#[test]
fn a_setting_changed_while_storage_is_full_is_written_once_there_is_room() {
    let app = App::start();
    app.open("#/settings");
    app.get("heading", "Settings");
    fill_storage(&app);
    // A change that makes the stored settings longer, so that it cannot fit.
    app.get("textbox", "New category")
        .type_text("reading to the blind");
    app.get("button", "Add category").click();
    app.get_with_text("alert", "could not be saved");
    assert!(
        !app.page_text().contains("Settings saved."),
        "no calm word beside the alert"
    );
    free_storage(&app);
    app.get_with_text("alert", "could not be saved")
        .within("button", "Try again")
        .click();
    app.wait_for("the alert to go", || app.all("alert").is_empty());
    app.reload();
    assert!(
        app.get("list", "Categories")
            .text()
            .contains("reading to the blind"),
        "the setting was written once there was room"
    );
}

/// Four ways stored data goes bad: not JSON, cut short, the wrong shape, and settings with
/// wrong types. (Data a newer Kindred wrote is not bad: see the test of that below.)
const CORRUPTED: [(&str, &str); 4] = [
    ("kindred/journal/3", "\u{0}\u{1}PK garbage <html>"),
    (
        "kindred/journal/5",
        "{\"format\":\"kindred\",\"schema\":1,\"records\":[{\"text\":\"half a rec",
    ),
    (
        "kindred/helpers/a",
        "{\"format\":\"kindred\",\"schema\":1,\"records\":\"not a list\"}",
    ),
    (
        "kindred/settings",
        "{\"format\":\"kindred\",\"schema\":1,\"settings\":{\"weekly_goal\":\"lots\"}}",
    ),
];

#[test]
fn four_kinds_of_corrupted_data_start_the_app_and_every_raw_text_is_kept_and_downloadable() {
    let app = App::start();
    app.open("#/journal");
    for (key, raw) in CORRUPTED {
        app.set_local_storage(key, raw);
    }
    app.reload();
    app.get_with_text("alert", "could not be read");

    // The app works: an entry can be logged and survives a reload.
    log_entry(&app, "Kept going");
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Kept going");
    app.reload();
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Kept going");

    let stored = app.local_storage();
    for (key, raw) in CORRUPTED {
        assert!(
            stored.values().any(|v| v == raw),
            "the unreadable text of {key} is still stored exactly: {:?}",
            stored.keys().collect::<Vec<_>>()
        );
    }

    // After the reload the alert is shown again: the unreadable text is still there.
    app.get_with_text("alert", "could not be read")
        .within("button", "Download unreadable data")
        .click();
    let (_, file) = app.downloaded("kindred-unreadable-");
    let kept: serde_json::Value = serde_json::from_str(&file).expect("JSON");
    for (key, raw) in CORRUPTED {
        assert!(
            kept.as_array().unwrap().iter().any(|u| u["raw"] == raw),
            "{key} is in the download: {file}"
        );
    }
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

#[test]
fn settings_show_backup_health_and_a_gentle_reminder_after_thirty_days_without_a_copy() {
    let app = App::start();
    app.open("#/journal");
    app.store_neighbourhood(|model| {
        model.settings.last_export_at = Some(now() - chrono::Duration::days(40));
    });

    // The journal, where people are, carries the reminder with the way to act on it.
    app.get_with_text("paragraph", "a while since you kept a copy");
    app.get("link", "Keep a copy in Settings").click();
    app.get("heading", "Settings");
    let health_lines = || {
        app.get("region", "Your data")
            .all_within("listitem")
            .iter()
            .map(|item| item.text())
            .collect::<Vec<_>>()
    };
    let wanted = || {
        vec![
            "Last copy kept 40 days ago.".to_string(),
            format!("Kept safe by the browser? {}", kept_safe(&app)),
            storage_line(&app),
        ]
    };
    // The browser's answer and the storage count arrive a moment after the screen.
    let deadline = Instant::now() + WAIT_TIMEOUT;
    while health_lines() != wanted() && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(health_lines(), wanted());
    app.screenshot("backup-health-390");

    app.get("button", "Download all data").click();
    app.downloaded("kindred-backup-");
    app.wait_for("the reminder to go", || {
        !app.get("region", "Your data")
            .text()
            .contains("a while since")
    });
    assert!(app
        .get("region", "Your data")
        .text()
        .contains("Last copy kept today."));
    app.reload();
    assert!(app
        .get("region", "Your data")
        .text()
        .contains("Last copy kept today."));
}

/// What Settings should say of the browser's answer to keeping Kindred's data: asked once
/// there is something to keep, and answered as the browser answers `persisted()` now.
fn kept_safe(app: &App) -> &'static str {
    if app
        .browser()
        .execute("return navigator.storage.persisted()", &[])
        == json!(true)
    {
        "Yes: the browser will not clear Kindred's data to free space."
    } else {
        "Not yet: the browser may clear Kindred's data if the device runs short of space. \
         Installing Kindred, or using it often, usually changes that. Keep a backup with \
         Download all data."
    }
}

/// What Settings should say of the storage in use now: its characters (keys and values, in
/// UTF-16 units, as the quota counts them) as a share of Chromium's 5,242,880, to a tenth of
/// a percent, and what is left in MB (of 1,048,576 characters), to a tenth.
fn storage_line(app: &App) -> String {
    let used = app
        .browser()
        .execute(
            "let used = 0;
             for (let i = 0; i < localStorage.length; i++) {
                 const key = localStorage.key(i);
                 used += key.length + localStorage.getItem(key).length;
             }
             return used;",
            &[],
        )
        .as_f64()
        .expect("a count");
    let quota = 5_242_880.0;
    let percent = (used * 1000.0 / quota).round() / 10.0;
    let left = ((quota - used) / 1_048_576.0 * 10.0).round() / 10.0;
    format!("Storage: {percent}% used, about {left} MB left.")
}

fn now() -> chrono::DateTime<chrono::Utc> {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970");
    chrono::DateTime::from_timestamp(since_epoch.as_secs() as i64, 0).expect("a time")
}
