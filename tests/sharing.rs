//! Sharing between neighbours: export, import into another browser, preview, confirm,
//! conflicts, undo, and files that are refused without changing anything.

mod support;

use std::path::PathBuf;

use serde_json::Value;
use support::{file_with, App};

fn export(app: &App) -> String {
    app.open("#/share");
    app.get("button", "Export").click();
    let (name, text) = app.downloaded("kindred-");
    assert!(
        name.ends_with(".json") && name.starts_with("kindred-20"),
        "{name}"
    );
    text
}

#[test]
fn a_neighbour_exports_and_another_imports_after_a_preview() {
    let sender = App::start();
    sender.open("#/journal");
    sender.add_helper(&[
        ("Name", "May Chan"),
        ("Area", "Sham Shui Po"),
        ("Private note", "Owes me a favour"),
    ]);
    sender.add_helper(&[("Name", "Sam Wong"), ("Area", "Tai Po")]);
    let text = export(&sender);
    let file: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["format"], "kindred-share");
    assert_eq!(file["includes_private"], false);
    assert!(
        file.get("journal").is_none(),
        "the journal stays home by default"
    );
    assert!(
        !text.contains("Owes me a favour"),
        "private notes stay home by default"
    );
    let path = file_with("sharing", "from-sender.json", &text);

    let receiver = App::start();
    receiver.open("#/share");
    let before = receiver.local_storage();
    receiver.get("button", "Import file").set_file(&path);
    let preview = receiver.get("region", "Import preview");
    assert!(
        preview
            .text()
            .contains("2 new, 0 updated, 0 unchanged, 0 in conflict"),
        "{}",
        preview.text()
    );
    assert!(preview.text().contains("May Chan") && preview.text().contains("Sam Wong"));
    receiver.wait_for("the preview to take the focus", || {
        receiver.browser().active_element().text() == "Import preview"
    });
    receiver.screenshot("share-preview-390");
    assert_eq!(
        receiver.local_storage(),
        before,
        "a preview changes nothing"
    );

    receiver.get("button", "Confirm import").click();
    receiver.wait_for("the preview to close", || {
        receiver.query("region", "Import preview").is_none()
    });
    receiver
        .get("navigation", "Main")
        .within("link", "Helpers")
        .click();
    receiver
        .get("list", "Helpers")
        .within_with_text("listitem", "May Chan");
    receiver.reload();
    assert_eq!(
        receiver.get("list", "Helpers").all_within("listitem").len(),
        2
    );

    // The same file again changes nothing.
    receiver.open("#/share");
    receiver.get("button", "Import file").set_file(&path);
    let preview = receiver.get("region", "Import preview");
    assert!(
        preview.text().contains("0 new, 0 updated, 2 unchanged"),
        "{}",
        preview.text()
    );
    receiver.get("button", "Cancel import").click();
}

#[test]
fn a_conflict_is_shown_side_by_side_decided_and_the_import_undone() {
    let app = App::start_with_size(1280, 900);
    app.open("#/journal");
    app.add_helper(&[
        ("Name", "May Chan"),
        ("Area", "Sham Shui Po"),
        ("Private note", "Call after 6"),
    ]);
    let exported: Value = serde_json::from_str(&export(&app)).unwrap();

    // The neighbour changes May's area in their copy, and adds someone.
    let mut theirs = exported.clone();
    let may = &mut theirs["helpers"][0];
    may["area"] = Value::from("Mong Kok");
    may["availability"] = serde_json::json!({ "days": ["wed"], "parts": ["morning"] });
    edited_there(may);
    let mut sam = may.clone();
    sam["id"] = Value::from("6f1c2f4e-5b0a-4c8e-9d1e-2a3b4c5d6e7f");
    sam["name"] = Value::from("Sam Wong");
    theirs["helpers"].as_array_mut().unwrap().push(sam);
    let path = file_with("sharing", "conflict.json", &theirs.to_string());

    // Meanwhile May's area changes here too.
    app.open("#/helpers");
    app.get("list", "Helpers")
        .within_with_text("listitem", "May Chan")
        .within("button", "Edit")
        .click();
    let area = app.get("textbox", "Area");
    area.clear();
    area.type_text("Kowloon Tong");
    app.get("button", "Save").click();
    app.wait_for("the edit to be saved", || {
        app.local_storage()
            .values()
            .any(|v| v.contains("Kowloon Tong"))
    });
    let before = app.local_storage();

    app.open("#/share");
    app.get("button", "Import file").set_file(&path);
    let preview = app.get("region", "Import preview");
    assert!(
        preview
            .text()
            .contains("1 new, 0 updated, 0 unchanged, 1 in conflict"),
        "{}",
        preview.text()
    );
    let conflict = preview.within_with_text("group", "Mong Kok");
    assert!(
        conflict.text().contains("Kowloon Tong"),
        "mine beside theirs: {}",
        conflict.text()
    );
    // Stored codes read as the rest of Kindred shows them, not as JSON.
    assert!(
        conflict.text().contains("Availability") && conflict.text().contains("Free Wed · mornings"),
        "{}",
        conflict.text()
    );
    app.wait_for("the preview to take the focus", || {
        app.browser().active_element().text() == "Import preview"
    });
    conflict.execute("arguments[0].scrollIntoView({block: 'center'})", &[]);
    app.screenshot("share-conflict-1280");
    conflict.within("radio", "Take theirs").click();
    app.get("button", "Confirm import").click();

    app.open("#/helpers");
    let may = app
        .get("list", "Helpers")
        .within_with_text("listitem", "May Chan");
    assert!(may.text().contains("Mong Kok"), "{}", may.text());
    may.within("button", "Details").click();
    assert!(
        may.text().contains("Call after 6"),
        "a file without private notes keeps mine: {}",
        may.text()
    );
    app.get("list", "Helpers")
        .within_with_text("listitem", "Sam Wong");

    app.open("#/share");
    app.get("button", "Undo last import").click();
    app.open("#/helpers");
    app.wait_for("the import to be undone", || {
        app.get("list", "Helpers").all_within("listitem").len() == 1
    });
    let may = app
        .get("list", "Helpers")
        .within_with_text("listitem", "May Chan");
    assert!(may.text().contains("Kowloon Tong"), "{}", may.text());
    app.reload();
    let may = app
        .get("list", "Helpers")
        .within_with_text("listitem", "May Chan");
    assert!(
        may.text().contains("Kowloon Tong"),
        "the undo was saved: {}",
        may.text()
    );
    assert_eq!(app.get("list", "Helpers").all_within("listitem").len(), 1);
    // Sam, whom the import added, stays only as a delete, so that no other tab or copy
    // still holding the import brings him back.
    let after = app.local_storage();
    for (key, value) in &after {
        match before.get(key) {
            Some(_) => {}
            None => assert!(
                value.contains("6f1c2f4e-5b0a-4c8e-9d1e-2a3b4c5d6e7f")
                    && value.contains("deleted_at")
                    && !value.contains("Sam Wong"),
                "{key} holds more than Sam's delete: {value}"
            ),
        }
    }
    assert!(before.keys().all(|key| after.contains_key(key)));
}

#[test]
fn a_file_that_is_not_kindreds_is_refused_with_a_clear_message_and_nothing_changes() {
    let app = App::start();
    app.open("#/journal");
    app.add_helper(&[("Name", "May Chan"), ("Area", "Sham Shui Po")]);
    app.open("#/share");
    let before = app.local_storage();
    let path = file_with(
        "sharing",
        "not-kindred.json",
        r#"{"format":"something-else","schema":1}"#,
    );
    app.get("button", "Import file").set_file(&path);
    let alert = app.get_with_text("alert", "cannot be imported");
    assert!(
        alert.text().contains("not a Kindred file"),
        "{}",
        alert.text()
    );
    assert!(
        alert.text().contains("Nothing was changed"),
        "{}",
        alert.text()
    );
    app.screenshot("share-refused-390");
    assert_eq!(
        app.local_storage(),
        before,
        "storage is unchanged, byte for byte"
    );
    alert.within("button", "Dismiss").click();
    app.wait_for("the alert to go", || app.all("alert").is_empty());
}

#[test]
fn records_that_cannot_be_read_are_left_out_only_with_consent() {
    let app = App::start();
    app.open("#/share");
    let text = r#"{"format":"kindred-share","schema":1,"helpers":[
        {"id":"00000000-0000-4000-8000-000000000001","created_at":"2026-11-01T09:00:00Z",
         "updated_at":"2026-11-01T09:00:00Z","name":"Sam"},
        {"id":"00000000-0000-4000-8000-000000000002","created_at":"2026-11-01T09:00:00Z",
         "updated_at":"2026-11-01T09:00:00Z","name":"Mallory","phone":"javascript:alert(1)"}]}"#;
    app.get("button", "Import file")
        .set_file(file_with("sharing", "one-bad.json", text));
    let preview = app.get("region", "Import preview");
    assert!(
        preview
            .text()
            .contains("helpers[1].phone (Mallory): not a phone number"),
        "{}",
        preview.text()
    );
    let confirm = app.get("button", "Confirm import");
    assert!(!confirm.is_enabled(), "not without consent");
    app.get("checkbox", "Leave these out and import the rest")
        .click();
    app.wait_for("confirm to be enabled", || confirm.is_enabled());
    confirm.click();
    app.open("#/helpers");
    app.get("list", "Helpers")
        .within_with_text("listitem", "Sam");
    assert!(!app.page_text().contains("Mallory"));
}

/// Makes a record of an exported file into the neighbour's next version of it, as their
/// Kindred would: a minute later, a revision of the next generation, made from the exported
/// one.
fn edited_there(record: &mut Value) {
    record["updated_at"] = Value::from(later_than(record["updated_at"].as_str().unwrap()));
    let rev = record["rev"].as_str().unwrap().to_string();
    let generation: u32 = rev.split('-').next().unwrap().parse().unwrap();
    let mut ancestors = vec![Value::from(rev)];
    if let Some(Value::Array(older)) = record.get("ancestors") {
        ancestors.extend(older.iter().cloned());
    }
    record["ancestors"] = Value::Array(ancestors);
    record["rev"] = Value::from(format!("{}-0badcafe", generation + 1));
}

/// An RFC 3339 instant one minute after `instant`.
fn later_than(instant: &str) -> String {
    let at = chrono::DateTime::parse_from_rfc3339(instant).unwrap();
    (at + chrono::Duration::minutes(1))
        .with_timezone(&chrono::Utc)
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[test]
fn every_hostile_file_in_the_corpus_is_refused_or_previewed_and_storage_is_untouched() {
    let app = App::start();
    app.open("#/journal");
    app.add_helper(&[
        ("Name", "May Chan"),
        ("Area", "Sham Shui Po"),
        ("Private note", "Call after 6"),
    ]);
    app.open("#/share");
    let before = app.local_storage();
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/import_corpus");
    let expected = std::fs::read_to_string(corpus.join("expected.txt")).unwrap();
    let mut checked = 0;
    for line in expected
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut fields = line.split('\t');
        let (file, outcome, message) = (
            fields.next().unwrap(),
            fields.next().unwrap(),
            fields.next().unwrap(),
        );
        app.get("button", "Import file").set_file(corpus.join(file));
        match outcome {
            "refused" => {
                let alert = app.get_with_text("alert", "cannot be imported");
                let said = alert.within_with_text("paragraph", "").text();
                assert_eq!(said, message, "{file}: the alert");
                alert.within("button", "Dismiss").click();
            }
            "skipped" => {
                let preview = app.get("region", "Import preview");
                let unreadable = preview
                    .within("list", "Cannot be read")
                    .all_within("listitem");
                assert_eq!(
                    unreadable[0].text(),
                    message,
                    "{file}: the first record that cannot be read"
                );
                app.get("button", "Cancel import").click();
            }
            "accepted" => {
                let preview = app.get("region", "Import preview");
                assert!(
                    preview.query_within("list", "Cannot be read").is_none(),
                    "{file}: nothing is skipped: {}",
                    preview.text()
                );
                app.get("button", "Cancel import").click();
            }
            other => panic!("{file}: unknown outcome {other}"),
        }
        app.wait_for("the preview and alerts to close", || {
            app.query("region", "Import preview").is_none() && app.all("alert").is_empty()
        });
        assert_eq!(
            app.local_storage(),
            before,
            "{file}: storage is unchanged, byte for byte"
        );
        checked += 1;
    }
    let files = std::fs::read_dir(&corpus).unwrap().count() - 1; // all but expected.txt
    assert_eq!(checked, files, "every file of the corpus was imported");
    assert!(
        app.console_errors().is_empty(),
        "{:?}",
        app.console_errors()
    );
}

/// Reads the QR code drawn as an SVG path of unit squares, as a camera would from a picture.
fn scan_qr(path: &str, side: usize) -> String {
    let mut dark = vec![false; side * side];
    for square in path.split('M').filter(|s| !s.is_empty()) {
        let mut numbers = square
            .split(['h', ' '])
            .take(2)
            .map(|n| n.parse::<usize>().unwrap());
        let (x, y) = (numbers.next().unwrap(), numbers.next().unwrap());
        dark[y * side + x] = true;
    }
    let scale = 4;
    let mut picture =
        rqrr::PreparedImage::prepare_from_greyscale(side * scale, side * scale, |x, y| {
            if dark[(y / scale) * side + x / scale] {
                0
            } else {
                255
            }
        });
    let grids = picture.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("the code reads").1
}

#[test]
fn a_helpers_qr_code_read_by_another_phone_offers_the_helper_for_import() {
    let sender = App::start();
    sender.open("#/journal");
    sender.add_helper(&[
        ("Name", "May Chan"),
        ("Area", "Sham Shui Po"),
        ("Private note", "Never shown to others"),
    ]);
    let may = sender
        .get("list", "Helpers")
        .within_with_text("listitem", "May Chan");
    may.within("button", "Details").click();
    may.within("button", "QR code").click();
    let code = sender.get("image", "QR code for May Chan");
    sender.screenshot("helper-qr-390");
    let view_box = code.attr("viewBox").unwrap();
    let side: usize = view_box.split(' ').nth(2).unwrap().parse().unwrap();
    let path = sender.browser().execute(
        "return arguments[0].querySelector('path').getAttribute('d')",
        &[code.to_json()],
    );
    let link = scan_qr(path.as_str().unwrap(), side);
    let (_, fragment) = link.split_once('#').expect("the link has a fragment");
    assert!(fragment.starts_with("/import/"), "{link}");

    let receiver = App::start();
    receiver.open(&format!("#{fragment}"));
    receiver.reload();
    let preview = receiver.get("region", "Import preview");
    assert_eq!(
        preview.within_with_text("paragraph", " in conflict").text(),
        "1 new, 0 updated, 0 unchanged, 0 in conflict"
    );
    assert!(preview.text().contains("May Chan"));
    receiver.get("button", "Confirm import").click();
    receiver.wait_for("the address to forget the card", || {
        receiver.browser().current_url().ends_with("#/share")
    });
    receiver.open("#/helpers");
    let may = receiver
        .get("list", "Helpers")
        .within_with_text("listitem", "May Chan");
    assert!(may.text().contains("Sham Shui Po"));
    may.within("button", "Details").click();
    may.within("button", "QR code");
    assert!(
        !may.text().contains("Never shown to others"),
        "private notes stay home"
    );
}

#[test]
fn other_formats_download_csv_contacts_and_a_calendar_and_print_the_directory_on_paper() {
    let app = App::start();
    app.open("#/journal");
    app.add_helper(&[
        ("Name", "陳美玲 May"),
        ("Area", "Sham Shui Po"),
        ("Private note", "Keep this to myself"),
    ]);
    app.open("#/needs");
    app.get("button", "Add need").click();
    app.get("textbox", "What is needed")
        .type_text("Groceries, milk and \"soft\" bread");
    app.get("Date", "Follow up on").type_text("2026-12-01");
    app.get("button", "Save").click();
    app.get("list", "Needs")
        .within_with_text("listitem", "Groceries");

    app.open("#/share");
    app.get("button", "Helpers as CSV").click();
    let (name, csv) = app.downloaded("kindred-helpers-");
    assert!(name.ends_with(".csv"), "{name}");
    assert!(csv.starts_with('\u{feff}'), "a BOM for spreadsheets");
    assert!(csv.contains("陳美玲 May"));
    assert!(
        !csv.contains("Keep this to myself"),
        "private notes stay home"
    );

    app.get("button", "Needs as CSV").click();
    let (_, csv) = app.downloaded("kindred-needs-");
    assert!(
        csv.contains("\"Groceries, milk and \"\"soft\"\" bread\""),
        "{csv}"
    );

    app.get("button", "Helpers as phone contacts (vCard)")
        .click();
    let (_, vcard) = app.downloaded("kindred-contacts-");
    assert!(
        vcard.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\n"),
        "{vcard}"
    );
    assert!(vcard.contains("FN:陳美玲 May"));

    app.get("button", "Follow-up dates for a calendar (ICS)")
        .click();
    let (_, calendar) = app.downloaded("kindred-follow-ups-");
    assert!(
        calendar.contains("DTSTART;VALUE=DATE:20261201"),
        "{calendar}"
    );

    // On paper: the directory and open needs only, private notes left out.
    app.browser().devtools(
        "Emulation.setEmulatedMedia",
        serde_json::json!({ "media": "print" }),
    );
    let printed = app.page_text();
    assert!(
        printed.contains("陳美玲 May") && printed.contains("Groceries"),
        "{printed}"
    );
    assert!(!printed.contains("Keep this to myself"), "{printed}");
    assert!(
        !printed.contains("Send to a neighbour"),
        "only the sheet is printed: {printed}"
    );
    app.screenshot("share-print-390");
}
