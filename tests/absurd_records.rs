//! Records that used to break Kindred for good or blank what was kept here: dates at the
//! edge of the calendar (stored, or arriving by card link), and a card link that claims to
//! carry private notes.

mod support;

use chrono::{NaiveDate, TimeZone, Utc};
use kindred_core::helper::Helper;
use kindred_core::journal::{JournalEntry, Kind};
use kindred_core::model::Model;
use kindred_core::need::Need;
use serde_json::{json, Value};
use support::{App, SCREENS};
use uuid::Uuid;

fn card_link(app: &App, file: &Value) -> String {
    let data = kindred_core::qr::base64url(file.to_string().as_bytes());
    app.url(&format!("#/import/{data}"))
}

#[test]
fn records_dated_at_the_ends_of_the_calendar_start_every_screen_and_the_backup_downloads() {
    let app = App::start();
    app.open("#/journal");
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
    let mut model = Model::default();
    let mut ancient = JournalEntry::new(
        Uuid::from_u128(1),
        now,
        "A date no calendar knows".into(),
        Kind::Given,
        NaiveDate::MIN,
    );
    ancient.date = NaiveDate::from_ymd_opt(-262_143, 1, 2).unwrap();
    model.journal.put(ancient, now);
    let mut far = Need::new(Uuid::from_u128(2), now, "Far in the future".into());
    far.needed_by = Some(NaiveDate::MAX);
    far.follow_up_on = Some(NaiveDate::MAX);
    model.needs.put(far, now);
    let mut helper = Helper::new(
        Uuid::from_u128(3),
        Utc.timestamp_opt(0, 0).unwrap(),
        "Mr Lee".into(),
    );
    helper.last_contacted = Some(NaiveDate::MIN);
    model.helpers.put(helper, now);
    app.store_model(&mut model);
    app.reload();

    for (address, heading) in SCREENS.iter().zip([
        "Journal",
        "Helpers",
        "Needs",
        "Check-ins",
        "Share",
        "Insights",
        "Settings",
    ]) {
        app.open(address);
        app.get("heading", heading);
    }
    app.open("#/journal");
    app.get("list", "Journal entries")
        .within_with_text("listitem", "A date no calendar knows");
    app.open("#/settings");
    app.get("button", "Download all data").click();
    let (_, backup) = app.downloaded("kindred-backup");
    assert!(backup.contains("A date no calendar knows") && backup.contains("Far in the future"));
    assert!(
        app.console_errors().is_empty(),
        "{:?}",
        app.console_errors()
    );
}

#[test]
fn a_card_link_with_a_date_outside_the_calendar_is_refused_and_nothing_changes() {
    let app = App::start();
    app.open("#/journal");
    let before = app.local_storage();
    let file = json!({
        "format": "kindred-share", "schema": 2, "app_version": "0.1.0",
        "exported_at": "2026-11-20T18:30:00Z", "includes_private": false,
        "needs": [{
            "id": "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a61", "rev": "1-00c0ffee",
            "created_at": "2026-11-01T09:00:00Z", "updated_at": "2026-11-01T09:00:00Z",
            "what": "A ride", "urgency": "medium", "status": "open",
            "needed_by": "+262142-06-15"
        }]
    });
    app.browser().navigate(&card_link(&app, &file));
    let preview = app.get("region", "Import preview");
    let unreadable: Vec<String> = preview
        .within("list", "Cannot be read")
        .all_within("listitem")
        .iter()
        .map(|item| item.text())
        .collect();
    assert_eq!(
        unreadable,
        ["needs[0].needed_by (A ride): a date outside the years 1900 to 2200"]
    );
    assert!(!app.get("button", "Confirm import").is_enabled());
    app.get("button", "Cancel import").click();
    assert_eq!(app.local_storage(), before);
}

#[test]
fn a_card_link_never_touches_a_private_note_whatever_it_claims() {
    let app = App::start_with_size(1280, 900);
    app.open("#/helpers");
    app.get("button", "Add helper").click();
    app.get("textbox", "Name").type_text("Wong Siu Ming");
    app.get("textbox", "Phone").type_text("+852 2345 6789");
    app.get("DisclosureTriangle", "More details").click();
    app.get("textbox", "Private note")
        .type_text("Her son's number is in my phone");
    app.get("button", "Save").click();
    app.wait_for("the helper to be saved", || {
        app.local_storage()
            .values()
            .any(|v| v.contains("Wong Siu Ming"))
    });
    let stored: Value = app
        .local_storage()
        .values()
        .filter_map(|v| serde_json::from_str::<Value>(v).ok())
        .flat_map(|v| v["records"].as_array().cloned().unwrap_or_default())
        .find(|r| r["name"] == "Wong Siu Ming")
        .unwrap();

    // A crafted card: the next version of the same helper, a new phone number, the private
    // note blank, and a claim that private notes are included.
    let mut next = stored.clone();
    next["phone"] = json!("+852 9999 0000");
    next["private_note"] = json!("");
    next["ancestors"] = json!([stored["rev"]]);
    next["rev"] = json!("2-0badcafe");
    let file = json!({
        "format": "kindred-share", "schema": 2, "app_version": "0.1.0",
        "exported_at": stored["updated_at"], "includes_private": true,
        "helpers": [next]
    });
    app.browser().navigate(&card_link(&app, &file));
    let preview = app.get("region", "Import preview");
    // The update says what it changes: the phone, before and after; not the private note.
    let change = preview.within("list", "Updated").text();
    assert!(
        change.contains("2345 6789") && change.contains("9999 0000"),
        "{change}"
    );
    assert!(!change.contains("Private note"), "{change}");
    preview.execute("arguments[0].scrollIntoView({block: 'start'})", &[]);
    app.screenshot("card-update-preview-1280");
    app.get("button", "Confirm import").click();
    app.open("#/helpers");
    let item = app
        .get("list", "Helpers")
        .within_with_text("listitem", "Wong Siu Ming")
        .text();
    assert!(item.contains("9999 0000"), "{item}");
    app.wait_for("the card to be saved", || {
        app.local_storage()
            .values()
            .any(|v| v.contains("9999 0000"))
    });
    assert!(
        app.local_storage()
            .values()
            .any(|v| v.contains("Her son's number is in my phone")),
        "the private note is kept"
    );
}
