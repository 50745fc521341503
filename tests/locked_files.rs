//! Locked files: a share file locked with a passphrase in one browser opens in another with
//! it and with nothing else; a wrong passphrase, one changed character, or a header asking for
//! absurd work changes nothing; and a second implementation (Python's `cryptography`, written
//! from docs/share-format.md) opens what Kindred locks and locks what Kindred opens.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use support::App;

fn write(name: &str, text: &str) -> PathBuf {
    support::file_with("locked-files", name, text)
}

/// Runs the independent implementation; `None` when it refuses the file.
fn python(command: &str, passphrase: &str, input: &Path) -> Option<String> {
    let output = write(&format!("python-{command}-out.json"), "");
    let python = concat!(env!("CARGO_MANIFEST_DIR"), "/.tools/py/bin/python");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/independent/locked.py");
    let status = Command::new(python)
        .args([script, command, passphrase])
        .arg(input)
        .arg(&output)
        .status()
        .expect("scripts/setup installs Python's cryptography in .tools/py");
    status
        .success()
        .then(|| std::fs::read_to_string(&output).unwrap())
}

/// Everything the page keeps, in localStorage and sessionStorage.
fn kept(app: &App) -> String {
    app.browser()
        .execute(
            "return JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])",
            &[],
        )
        .as_str()
        .unwrap()
        .to_string()
}

fn open_locked(app: &App, file: &Path) {
    app.open("#/share");
    app.get("button", "Import file").set_file(file);
    app.get_with_text("form", "This file is locked");
}

fn unlock_with(app: &App, passphrase: &str) {
    let field = app.get("textbox", "Passphrase");
    field.clear();
    field.type_text(passphrase);
    app.get("button", "Unlock").click();
}

#[test]
fn a_locked_file_opens_in_another_browser_with_its_passphrase_and_with_nothing_else() {
    let ann = App::start_with_size(1280, 900);
    ann.add_helper(&[("Name", "Wong Siu Ming"), ("Phone", "+852 2345 6789")]);
    ann.open("#/share");
    ann.get("checkbox", "Lock with a passphrase").click();
    // Refused before anything is made: no passphrase, then two that differ.
    ann.get("button", "Export").click();
    ann.get_with_text("alert", "Type a passphrase");
    ann.get("textbox", "Passphrase").type_text("apple river");
    ann.get("textbox", "Repeat passphrase")
        .type_text("apple rivers");
    ann.get("button", "Export").click();
    ann.get_with_text("alert", "not the same");
    // A suggested passphrase fills both fields with six words.
    ann.get("button", "Suggest a passphrase").click();
    let passphrase = ann.get("textbox", "Passphrase").value();
    assert_eq!(passphrase.split(' ').count(), 6, "{passphrase:?}");
    assert_eq!(ann.get("textbox", "Repeat passphrase").value(), passphrase);
    ann.screenshot("lock-export-1280");
    ann.get("button", "Export").click();
    let (name, locked) = ann.downloaded("kindred-");
    assert!(name.ends_with(".json"), "{name}");
    ann.wait_for_text("Locked file exported");
    assert!(
        !locked.contains("Wong") && !locked.contains("2345"),
        "a locked file says nothing: {locked}"
    );
    let envelope: Value = serde_json::from_str(&locked).unwrap();
    assert_eq!(envelope["format"], "kindred-locked");
    assert_eq!(envelope["iterations"], 600_000);
    assert!(
        !kept(&ann).contains(&passphrase),
        "the passphrase is kept nowhere"
    );
    assert_eq!(
        ann.get("textbox", "Passphrase").value(),
        "",
        "and dropped once used"
    );

    // The independent implementation opens it with the passphrase, and only with it.
    let file = write("ann.json", &locked);
    let opened = python("open", &passphrase, &file).expect("Python opens Kindred's file");
    assert!(opened.contains("Wong Siu Ming"));
    assert!(python("open", "apple river", &file).is_none());

    let ben = App::start();
    ben.open("#/journal");
    let before = ben.local_storage();
    open_locked(&ben, &file);
    ben.screenshot("unlock-390");
    unlock_with(&ben, "apple river");
    ben.get_with_text("alert", "does not open the file");
    assert_eq!(
        ben.local_storage(),
        before,
        "a wrong passphrase changes nothing"
    );

    // One changed character in the middle of the ciphertext.
    let ciphertext = envelope["ciphertext"].as_str().unwrap();
    let middle = ciphertext.len() / 2;
    let flipped = if &ciphertext[middle..=middle] == "A" {
        "B"
    } else {
        "A"
    };
    let changed = locked.replacen(
        ciphertext,
        &format!(
            "{}{flipped}{}",
            &ciphertext[..middle],
            &ciphertext[middle + 1..]
        ),
        1,
    );
    open_locked(&ben, &write("changed.json", &changed));
    unlock_with(&ben, &passphrase);
    ben.get_with_text("alert", "does not open the file");
    assert_eq!(
        ben.local_storage(),
        before,
        "a changed file changes nothing"
    );

    open_locked(&ben, &file);
    unlock_with(&ben, &format!("  {passphrase} "));
    let preview = ben.get("region", "Import preview");
    assert_eq!(
        preview.within_with_text("paragraph", " in conflict").text(),
        "1 new, 0 updated, 0 unchanged, 0 in conflict"
    );
    ben.get("button", "Confirm import").click();
    ben.open("#/helpers");
    ben.get("list", "Helpers")
        .within_with_text("listitem", "Wong Siu Ming");
    assert!(!kept(&ben).contains(&passphrase));
}

#[test]
fn a_file_locked_elsewhere_from_the_document_opens_in_kindred() {
    let sender = App::start();
    sender.add_helper(&[("Name", "陳太太"), ("Phone", "+852 2345 6789")]);
    sender.open("#/share");
    sender.get("button", "Export").click();
    let (_, plain) = sender.downloaded("kindred-");
    let passphrase = "蘋果 河流 apple 月亮 lantern 微笑";
    let locked = python("lock", passphrase, &write("plain.json", &plain)).unwrap();
    let app = App::start();
    app.open("#/journal");
    open_locked(&app, &write("by-python.json", &locked));
    unlock_with(&app, passphrase);
    let preview = app.get("region", "Import preview");
    assert!(preview.text().contains("陳太太"), "{}", preview.text());
}

#[test]
fn a_locked_file_asking_for_absurd_work_or_from_a_newer_kindred_is_refused_before_any() {
    let app = App::start();
    app.open("#/journal");
    let before = app.local_storage();
    let plain = write("tiny.json", "{\"format\":\"kindred-share\",\"schema\":2}");
    let locked = python("lock", "apple river", &plain).unwrap();
    for (name, changed, says) in [
        (
            "heavy.json",
            locked.replace("\"iterations\":600000", "\"iterations\":900000000"),
            "900,000,000 rounds",
        ),
        (
            "weak.json",
            locked.replace("\"iterations\":600000", "\"iterations\":1000"),
            "1,000 rounds",
        ),
        (
            "newer.json",
            locked.replace("\"version\":1", "\"version\":2"),
            "newer Kindred (version 2)",
        ),
    ] {
        app.open("#/share");
        app.get("button", "Import file")
            .set_file(write(name, &changed));
        let alert = app.get_with_text("alert", "cannot be opened");
        assert!(alert.text().contains(says), "{name}: {}", alert.text());
        assert!(
            app.query("button", "Unlock").is_none(),
            "{name}: no work asked for"
        );
        assert_eq!(app.local_storage(), before);
        alert.within("button", "Dismiss").click();
    }
}

#[test]
fn a_known_locked_file_opens_to_exactly_the_share_file_it_holds() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let app = App::start();
    app.open("#/journal");
    open_locked(&app, &fixtures.join("locked-by-python.json"));
    unlock_with(&app, "apple river lantern");
    let preview = app.get("region", "Import preview");
    // The schema-1 share file inside: three helpers (one a delete), two needs, two entries.
    assert!(
        preview
            .text()
            .contains("6 new, 0 updated, 1 unchanged, 0 in conflict"),
        "{}",
        preview.text()
    );
    assert!(preview.text().contains("Wong Siu Ming"));
}
