//! What an older person on a phone meets (issue 20), at 390 px, by role and name.

mod support;

use support::App;

/// WebDriver's Escape key.
const ESCAPE: &str = "\u{E00C}";

fn nav(app: &App, screen: &str) {
    app.get("navigation", "Main").within("link", screen).click();
    app.get("heading", screen);
}

#[test]
fn a_half_written_entry_survives_another_screen_and_a_reload_and_goes_only_when_discarded() {
    let app = App::start();
    app.open("#/journal");
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened")
        .type_text("Walked Mr Lo's dog while he");
    app.get("textbox", "Person").type_text("Mr Lo");

    // A tap on another screen, then back: the form is open again, as it was left.
    nav(&app, "Needs");
    nav(&app, "Journal");
    assert_eq!(
        app.get("textbox", "What happened").value(),
        "Walked Mr Lo's dog while he"
    );
    assert_eq!(app.get("textbox", "Person").value(), "Mr Lo");
    app.wait_for_text("What you typed before is back");

    // A call comes in and the browser reloads the page.
    app.reload();
    assert_eq!(
        app.get("textbox", "What happened").value(),
        "Walked Mr Lo's dog while he"
    );
    app.wait_for_text(
        "Kindred keeps a half-written form in this browser until you save it or discard it",
    );
    app.screenshot("phone-draft-back-390");

    // Cancel asks first; Keep editing keeps every word.
    app.get("button", "Cancel").click();
    let question = app.get("group", "Discard what you typed?");
    assert_eq!(app.focused().computed_label(), "Keep editing");
    app.screenshot("phone-draft-discard-question-390");
    question.within("button", "Keep editing").click();
    assert!(app.query("group", "Discard what you typed?").is_none());
    assert_eq!(
        app.get("textbox", "What happened").value(),
        "Walked Mr Lo's dog while he"
    );

    // Escape is Cancel too; the second Escape steps back from the question.
    app.get("textbox", "Person").click();
    app.press(ESCAPE);
    app.get("group", "Discard what you typed?");
    app.press(ESCAPE);
    app.wait_for("the question to go", || {
        app.query("group", "Discard what you typed?").is_none()
    });

    // Discarded: gone from the screen and from storage, and nothing comes back on reload.
    app.get("button", "Cancel").click();
    app.get("group", "Discard what you typed?")
        .within("button", "Discard")
        .click();
    app.wait_for("the form to close", || {
        app.query("textbox", "What happened").is_none()
    });
    assert!(
        !app.local_storage()
            .values()
            .any(|v| v.contains("Mr Lo's dog")),
        "the discarded draft is not kept"
    );
    app.reload();
    app.get("button", "Log a kindness");
    assert!(app.query("textbox", "What happened").is_none());
    assert!(!app.page_text().contains("Mr Lo's dog"));

    // A form left untouched closes at once, with nothing to ask and nothing kept.
    app.get("button", "Log a kindness").click();
    app.press(ESCAPE);
    app.wait_for("the untouched form to close", || {
        app.query("textbox", "What happened").is_none()
    });
    assert_eq!(app.axe_violations(), Vec::<String>::new());
}

#[test]
fn a_half_written_need_and_helper_edit_come_back_after_a_reload_and_saving_ends_the_draft() {
    let app = App::start();
    app.open("#/needs");
    app.get("button", "Add need").click();
    app.get("textbox", "What is needed")
        .type_text("A ride to the clinic on Thursday");
    app.get("combobox", "Urgency").select("High");
    app.reload();
    assert_eq!(
        app.get("textbox", "What is needed").value(),
        "A ride to the clinic on Thursday"
    );
    assert_eq!(app.get("combobox", "Urgency").value(), "high");
    app.get("button", "Save").click();
    app.get("list", "Needs")
        .within_with_text("listitem", "A ride to the clinic on Thursday");
    app.reload();
    app.get("list", "Needs");
    assert!(
        app.query("textbox", "What is needed").is_none(),
        "a saved need leaves no draft to reopen"
    );

    // An edit: the record as opened is kept with it, and the typed change comes back.
    app.add_helper(&[("Name", "May Chan")]);
    app.get("list", "Helpers")
        .within_with_text("listitem", "May Chan")
        .within("button", "Edit")
        .click();
    let name = app.get("textbox", "Name");
    name.clear();
    name.type_text("May Chan Siu-ling");
    app.reload();
    app.get("heading", "Edit helper");
    assert_eq!(app.get("textbox", "Name").value(), "May Chan Siu-ling");
    app.screenshot("phone-draft-helper-edit-390");
    app.get("button", "Save").click();
    app.get("list", "Helpers")
        .within_with_text("listitem", "May Chan Siu-ling");
    assert_eq!(
        app.get("list", "Helpers").all_within("listitem").len(),
        1,
        "the edit saved onto the same helper"
    );
    assert!(!app.local_storage().keys().any(|k| k.contains("draft")));
}
