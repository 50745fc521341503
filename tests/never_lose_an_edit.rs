//! Edits that used to be lost without a word: a form saved over a change made meanwhile in
//! another tab, and an undone import that wiped the edits made after it or came back from
//! another tab.

mod support;

use serde_json::Value;
use support::{file_with, App};

fn stored_anywhere(app: &App, text: &str) -> bool {
    app.local_storage().values().any(|v| v.contains(text))
}

fn add_need(app: &App, what: &str) {
    app.open("#/needs");
    app.get("button", "Add need").click();
    app.get("textbox", "What is needed").type_text(what);
    app.get("button", "Save").click();
    app.wait_for("the need to be saved", || stored_anywhere(app, what));
}

fn edit_helper(app: &App, name: &str) {
    app.open("#/helpers");
    app.get("list", "Helpers")
        .within_with_text("listitem", name)
        .within("button", "Edit")
        .click();
}

fn replace_text(app: &App, label: &str, text: &str) {
    let field = app.get("textbox", label);
    field.clear();
    field.type_text(text);
}

#[test]
fn a_form_open_while_another_tab_marks_the_need_done_saves_its_change_and_keeps_the_done() {
    let app = App::start_with_size(1280, 900);
    add_need(&app, "A ride to the clinic");
    let first = app.browser().window_handle();
    app.get("list", "Needs")
        .within_with_text("listitem", "A ride to the clinic")
        .within("button", "Edit")
        .click();

    let second = app.browser().new_window();
    app.browser().switch_to_window(&second);
    app.open("#/needs");
    app.get("list", "Needs")
        .within_with_text("listitem", "A ride to the clinic")
        .within("button", "Mark done")
        .click();
    app.wait_for("the need to be done in storage", || {
        stored_anywhere(&app, "\"done\"")
    });

    app.browser().switch_to_window(&first);
    replace_text(&app, "What is needed", "A ride to the clinic on Tuesday");
    app.get("button", "Save").click();
    app.wait_for("the edit to be saved", || {
        stored_anywhere(&app, "on Tuesday")
    });
    app.reload();
    let need = app
        .get("list", "Needs")
        .within_with_text("listitem", "on Tuesday");
    assert_eq!(
        need.within_with_text("paragraph", "Done on").text(),
        format!("Done on {}", app.today().format("%a %-d %b %Y")),
        "still done, today, as the other tab marked it"
    );
}

#[test]
fn a_form_saved_over_another_tabs_change_keeps_both_changes_and_a_clash_waits_for_review() {
    let app = App::start_with_size(1280, 900);
    app.add_helper(&[("Name", "May Chan"), ("Area", "Tai Po")]);
    let first = app.browser().window_handle();
    edit_helper(&app, "May Chan");
    let second = app.browser().new_window();
    app.browser().switch_to_window(&second);
    edit_helper(&app, "May Chan");
    app.get("textbox", "Phone").type_text("+852 2345 6789");
    app.get("button", "Save").click();
    app.wait_for("the phone to be saved", || {
        stored_anywhere(&app, "+852 2345 6789")
    });

    // The first tab's form was opened before the phone was added: its save adds the area
    // and keeps the phone.
    app.browser().switch_to_window(&first);
    replace_text(&app, "Area", "Sha Tin");
    app.get("button", "Save").click();
    app.wait_for("the area to be saved", || stored_anywhere(&app, "Sha Tin"));
    app.reload();
    let may = app
        .get("list", "Helpers")
        .within_with_text("listitem", "May Chan");
    assert!(
        may.text().contains("Sha Tin") && may.text().contains("2345 6789"),
        "both changes: {}",
        may.text()
    );

    // Both tabs change the area: neither is lost, and Share asks which to keep.
    edit_helper(&app, "May Chan");
    app.browser().switch_to_window(&second);
    edit_helper(&app, "May Chan");
    replace_text(&app, "Area", "Mong Kok");
    app.get("button", "Save").click();
    app.wait_for("Mong Kok to be saved", || stored_anywhere(&app, "Mong Kok"));
    app.browser().switch_to_window(&first);
    replace_text(&app, "Area", "Wan Chai");
    app.get("button", "Save").click();
    app.wait_for_text("both versions are kept");
    app.open("#/share");
    let review = app.get("region", "Conflicts to review");
    review.within("button", "Review conflicts").click();
    let waiting = review.within_with_text("group", "May Chan");
    assert!(
        waiting.text().contains("Mong Kok") && waiting.text().contains("Wan Chai"),
        "{}",
        waiting.text()
    );
}

#[test]
fn undoing_an_import_keeps_later_edits_names_them_and_what_it_removed_stays_removed() {
    // A neighbour's file with two helpers.
    let neighbour = App::start();
    neighbour.add_helper(&[("Name", "Sam Wong"), ("Area", "Tai Po")]);
    neighbour.add_helper(&[("Name", "Lee Ka Yan"), ("Area", "Yuen Long")]);
    neighbour.open("#/share");
    neighbour.get("button", "Export").click();
    let (_, text) = neighbour.downloaded("kindred-");
    let file = file_with("never-lose", "two-helpers.json", &text);

    let app = App::start_with_size(1280, 900);
    app.open("#/journal");
    let first = app.browser().window_handle();
    let second = app.browser().new_window();
    app.browser().switch_to_window(&second);
    app.open("#/helpers");
    app.browser().switch_to_window(&first);
    app.open("#/share");
    app.get("button", "Import file").set_file(&file);
    app.get("button", "Confirm import").click();
    app.wait_for("the import to be saved", || {
        stored_anywhere(&app, "Lee Ka Yan")
    });

    // After the import, Lee's phone is added here.
    edit_helper(&app, "Lee Ka Yan");
    app.get("textbox", "Phone").type_text("+852 3456 7890");
    app.get("button", "Save").click();
    app.wait_for("the phone to be saved", || {
        stored_anywhere(&app, "3456 7890")
    });

    app.open("#/share");
    app.get("button", "Undo last import").click();
    app.wait_for_text("left as they are: Lee Ka Yan");
    app.open("#/helpers");
    let listed = app.get("list", "Helpers").text();
    assert!(!listed.contains("Sam Wong"), "{listed}");
    assert!(
        listed.contains("Lee Ka Yan") && listed.contains("3456 7890"),
        "the later edit stays: {listed}"
    );

    // The other tab held Sam all along; its next save must not bring him back.
    app.browser().switch_to_window(&second);
    app.wait_for("the other tab to take the undo", || {
        !app.get("list", "Helpers").text().contains("Sam Wong")
    });
    app.add_helper(&[("Name", "Priya Nair"), ("Area", "Tuen Mun")]);
    app.browser().switch_to_window(&first);
    app.reload();
    app.open("#/helpers");
    let listed = app.get("list", "Helpers").text();
    assert!(!listed.contains("Sam Wong"), "Sam stays removed: {listed}");
    assert!(listed.contains("Priya Nair"), "{listed}");
    // Sam is kept as a delete, so that every copy still holding the import learns of it.
    let exported: Value = serde_json::from_str(&text).unwrap();
    let sam_id = exported["helpers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["name"] == "Sam Wong")
        .unwrap()["id"]
        .clone();
    let sam = app
        .local_storage()
        .values()
        .filter_map(|v| serde_json::from_str::<Value>(v).ok())
        .flat_map(|v| v["records"].as_array().cloned().unwrap_or_default())
        .find(|r| r["id"] == sam_id)
        .expect("Sam is stored as a delete");
    assert!(sam.get("deleted_at").is_some(), "{sam}");
}
