//! Three neighbours passing files, in the order that lost an edit before records carried their
//! history: Ann shares a helper with Ben and Chi, changes the helper's area and sends the
//! change to Ben; Chi, who never saw Ann's change, changes the area too and sends her copy
//! to Ben. Ben's preview must show a conflict with both areas side by side, each choice
//! must do what it says, and a conflict left undecided must wait on Share for review.

mod support;

use std::path::PathBuf;

use support::{file_with, App};

const HELPER: &str = "Wong Siu Ming";

fn export(app: &App, name: &str) -> PathBuf {
    app.open("#/share");
    app.get("button", "Export").click();
    let (_, text) = app.downloaded("kindred-");
    file_with("many-neighbours", name, &text)
}

/// Opens the file's preview on Share.
fn preview(app: &App, file: &PathBuf) -> support::Element {
    app.open("#/share");
    app.get("button", "Import file").set_file(file);
    app.get("region", "Import preview")
}

fn import(app: &App, file: &PathBuf) {
    preview(app, file);
    app.get("button", "Confirm import").click();
    app.wait_for("the import to be saved", || {
        app.local_storage().values().any(|v| v.contains(HELPER))
    });
}

fn set_area(app: &App, area: &str) {
    app.open("#/helpers");
    app.get("list", "Helpers")
        .within_with_text("listitem", HELPER)
        .within("button", "Edit")
        .click();
    let field = app.get("textbox", "Area");
    field.clear();
    field.type_text(area);
    app.get("button", "Save").click();
    app.wait_for("the edit to be saved", || {
        app.local_storage().values().any(|v| v.contains(area))
    });
}

fn areas_listed(app: &App) -> Vec<String> {
    app.open("#/helpers");
    app.get("list", "Helpers")
        .all_within("listitem")
        .into_iter()
        .map(|item| item.text())
        .collect()
}

/// The three files of the story: Ann's first, Ann's change, and Chi's change of her copy.
struct Files {
    first: PathBuf,
    ann_changed: PathBuf,
    chi_changed: PathBuf,
}

fn the_story() -> Files {
    let ann = App::start();
    ann.open("#/helpers");
    ann.get("button", "Add helper").click();
    ann.get("textbox", "Name").type_text(HELPER);
    ann.get("DisclosureTriangle", "More details").click();
    ann.get("textbox", "Area").type_text("Tai Po");
    ann.get("button", "Save").click();
    ann.wait_for("the helper to be saved", || {
        ann.local_storage().values().any(|v| v.contains(HELPER))
    });
    let first = export(&ann, "first.json");

    let chi = App::start();
    import(&chi, &first);

    set_area(&ann, "Sha Tin");
    let ann_changed = export(&ann, "ann-changed.json");
    // Chi changes her copy a moment later: under the old model the later change won and
    // Ben's preview said "1 updated", with Ann's change gone.
    set_area(&chi, "Mong Kok");
    let chi_changed = export(&chi, "chi-changed.json");
    Files {
        first,
        ann_changed,
        chi_changed,
    }
}

/// Ben, who has taken in Ann's first file and her change, with Chi's file in the preview.
fn ben_with_chis_file_open(files: &Files, size: (u32, u32)) -> App {
    let ben = App::start_with_size(size.0, size.1);
    import(&ben, &files.first);
    let update = preview(&ben, &files.ann_changed);
    assert!(
        update
            .text()
            .contains("0 new, 1 updated, 0 unchanged, 0 in conflict"),
        "{}",
        update.text()
    );
    // The preview says what the update changes, before and after (on a phone the two are
    // stacked, each with its column's name).
    let change = update.within("list", "Updated");
    let text = change.text();
    assert!(
        text.contains("Tai Po") && text.contains("Sha Tin"),
        "{text}"
    );
    let columns = change.execute(
        "return [...arguments[0].querySelectorAll('thead th')].map(th => th.textContent)",
        &[],
    );
    assert_eq!(columns, serde_json::json!(["Here now", "After the import"]));
    // Each value says whose it is: in the column's heading on a wide screen, before the
    // value itself on a phone, where the two are stacked.
    let said = change.execute(
        "return [...arguments[0].querySelectorAll('tbody td')].map(td => td.dataset.version)",
        &[],
    );
    assert_eq!(said, serde_json::json!(["Here now", "After the import"]));
    ben.get("button", "Confirm import").click();
    ben.wait_for("Ann's change to be saved", || {
        ben.local_storage().values().any(|v| v.contains("Sha Tin"))
    });
    preview(&ben, &files.chi_changed)
        .text()
        .contains("0 new, 0 updated, 0 unchanged, 1 in conflict")
        .then_some(ben)
        .expect("Chi's change is a conflict")
}

#[test]
fn a_change_made_apart_is_a_conflict_shown_side_by_side_and_each_choice_does_what_it_says() {
    let files = the_story();

    let ben = ben_with_chis_file_open(&files, (1280, 900));
    let conflict = ben
        .get("region", "Import preview")
        .within_with_text("group", "Mong Kok");
    let text = conflict.text();
    assert!(
        text.contains("Sha Tin") && text.contains("Yours") && text.contains("Theirs"),
        "both versions side by side: {text}"
    );
    conflict.execute("arguments[0].scrollIntoView({block: 'center'})", &[]);
    ben.screenshot("many-neighbours-conflict-1280");
    conflict.within("radio", "Keep mine").click();
    ben.get("button", "Confirm import").click();
    let listed = areas_listed(&ben);
    assert!(listed.iter().any(|t| t.contains("Sha Tin")), "{listed:?}");
    assert!(!listed.iter().any(|t| t.contains("Mong Kok")), "{listed:?}");
    ben.open("#/share");
    ben.get("region", "Conflicts to review");
    assert!(ben.page_text().contains("No conflicts wait for you."));

    let ben = ben_with_chis_file_open(&files, (390, 844));
    ben.get("region", "Import preview")
        .within_with_text("group", "Mong Kok")
        .within("radio", "Take theirs")
        .click();
    ben.get("button", "Confirm import").click();
    let listed = areas_listed(&ben);
    assert!(listed.iter().any(|t| t.contains("Mong Kok")), "{listed:?}");
    assert!(!listed.iter().any(|t| t.contains("Sha Tin")), "{listed:?}");

    let ben = ben_with_chis_file_open(&files, (390, 844));
    ben.get("region", "Import preview")
        .within_with_text("group", "Mong Kok")
        .within("radio", "Keep both")
        .click();
    ben.get("button", "Confirm import").click();
    let listed = areas_listed(&ben);
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(listed.iter().any(|t| t.contains("Sha Tin")), "{listed:?}");
    assert!(listed.iter().any(|t| t.contains("Mong Kok")), "{listed:?}");
}

#[test]
fn a_conflict_left_undecided_keeps_both_versions_and_waits_on_share_until_chosen() {
    let files = the_story();
    let ben = ben_with_chis_file_open(&files, (390, 844));
    ben.get("button", "Confirm import").click();
    // The later change shows; nothing is lost, and Share says a choice waits.
    let listed = areas_listed(&ben);
    assert!(listed.iter().any(|t| t.contains("Mong Kok")), "{listed:?}");
    ben.open("#/share");
    let review = ben.get("region", "Conflicts to review");
    assert!(
        review.text().contains("1 record has two versions"),
        "{}",
        review.text()
    );
    review.within("button", "Review conflicts").click();
    let waiting = review.within_with_text("group", HELPER);
    let text = waiting.text();
    assert!(
        text.contains("Mong Kok") && text.contains("Sha Tin"),
        "{text}"
    );
    waiting.execute("arguments[0].scrollIntoView({block: 'center'})", &[]);
    ben.screenshot("conflicts-to-review-390");
    assert_eq!(
        ben.axe_violations(),
        Vec::<String>::new(),
        "the stacked versions"
    );
    waiting.within("button", "Keep the other version").click();
    ben.wait_for("the choice to be made", || {
        ben.page_text().contains("No conflicts wait for you.")
    });
    ben.reload();
    let listed = areas_listed(&ben);
    assert!(listed.iter().any(|t| t.contains("Sha Tin")), "{listed:?}");
    assert!(!listed.iter().any(|t| t.contains("Mong Kok")), "{listed:?}");

    // The choice travels: Chi takes Ben's file as an update and ends where Ben is.
    let settled = export(&ben, "ben-settled.json");
    let chi = App::start();
    import(&chi, &files.first);
    import(&chi, &files.chi_changed);
    let offered = preview(&chi, &settled);
    assert!(
        offered
            .text()
            .contains("0 new, 1 updated, 0 unchanged, 0 in conflict"),
        "{}",
        offered.text()
    );
}
