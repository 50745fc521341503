//! The journal, used as a person would: by role and label.

mod support;

use kindred_core::ideas::idea_for;
use kindred_i18n::{Language, Messages};
use support::App;

fn log(app: &App, text: &str, kind: &str) {
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened").type_text(text);
    app.get("radio", kind).click();
    app.get("button", "Save").click();
    app.get("list", "Journal entries")
        .within_with_text("listitem", text);
}

#[test]
fn log_edit_delete_and_undo_an_entry_and_find_it_all_after_a_reload() {
    let app = App::start();
    app.open("#/journal");

    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened")
        .type_text("Took Mrs Chan to the clinic");
    app.get("radio", "Given").click();
    app.get("Date", "Date").type_text(&app.date_from_today(-1));
    app.get("textbox", "Person").type_text("Mrs Chan");
    app.get("combobox", "Category").select("a ride");
    app.get("textbox", "Tags").type_text("clinic, Tuesday");
    app.get("textbox", "Private note")
        .type_text("She was nervous about the results");
    app.screenshot("journal-form-390");
    app.get("button", "Save").click();

    let item = app
        .get("list", "Journal entries")
        .within_with_text("listitem", "Took Mrs Chan to the clinic");
    assert_eq!(
        item.paragraphs(),
        [
            "Given · Yesterday",
            "Took Mrs Chan to the clinic",
            "Mrs Chan · a ride · clinic, Tuesday",
            "She was nervous about the results",
        ],
        "kind and day, text, person · category · tags, and the private note"
    );

    // Edit: the form comes back filled in.
    item.within("button", "Edit").click();
    let text = app.get("textbox", "What happened");
    assert_eq!(text.value(), "Took Mrs Chan to the clinic");
    assert_eq!(app.get("textbox", "Person").value(), "Mrs Chan");
    text.clear();
    text.type_text("Drove Mrs Chan to the clinic and back");
    app.get("radio", "Witnessed").click();
    app.get("button", "Save").click();
    let item = app
        .get("list", "Journal entries")
        .within_with_text("listitem", "Drove Mrs Chan to the clinic and back");
    assert_eq!(item.paragraphs()[0], "Witnessed · Yesterday");
    assert_eq!(
        app.get("list", "Journal entries")
            .all_within("listitem")
            .len(),
        1
    );

    // Delete, then undo.
    item.within("button", "Delete").click();
    app.wait_for("the entry to leave the list", || {
        !app.page_text().contains("Drove Mrs Chan")
    });
    app.get("button", "Undo").click();
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Drove Mrs Chan to the clinic and back");

    app.reload();
    let item = app
        .get("list", "Journal entries")
        .within_with_text("listitem", "Drove Mrs Chan to the clinic and back");
    assert_eq!(
        item.paragraphs(),
        [
            "Witnessed · Yesterday",
            "Drove Mrs Chan to the clinic and back",
            "Mrs Chan · a ride · clinic, Tuesday",
            "She was nervous about the results",
        ]
    );
}

#[test]
fn cancel_leaves_without_storing_and_bad_input_is_refused_with_a_clear_message() {
    let app = App::start();
    app.open("#/journal");
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened")
        .type_text("Not meant to be kept");
    app.get("button", "Cancel").click();
    // Typed text is thrown away only when the person says so.
    app.get("group", "Discard what you typed?")
        .within("button", "Discard")
        .click();
    app.wait_for("the form to close", || {
        app.query("textbox", "What happened").is_none()
    });
    assert!(!app.page_text().contains("Not meant to be kept"));

    app.get("button", "Log a kindness").click();
    app.get("button", "Save").click();
    let problems = app.get_with_text("alert", "Please check the form");
    assert!(
        problems
            .text()
            .contains("What happened: Please fill this in."),
        "{}",
        problems.text()
    );
    let text = app.get("textbox", "What happened");
    assert_eq!(text.attr("aria-invalid").as_deref(), Some("true"));

    text.type_text("Tomorrow's kindness");
    let tomorrow = serde_json::json!(app.date_from_today(1));
    // The date picker offers no future day; typed or pasted, it is still refused.
    app.get("Date", "Date").execute(
        "arguments[0].removeAttribute('max'); arguments[0].value = arguments[1];
         arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
        &[tomorrow],
    );
    app.get("button", "Save").click();
    app.wait_for_text("This date is in the future");
    app.screenshot("journal-form-errors-390");
    assert!(
        !app.local_storage()
            .iter()
            .any(|(k, v)| !k.starts_with("kindred/draft/") && v.contains("Tomorrow's kindness")),
        "nothing was stored but the form's draft"
    );
}

#[test]
fn search_and_filters_narrow_the_list_as_you_type() {
    let app = App::start();
    app.open("#/journal");
    log(&app, "Listened to Mr Wong talk about his garden", "Given");
    log(&app, "A stranger returned my lost wallet", "Received");
    log(
        &app,
        "Saw a boy help an old man across the road",
        "Witnessed",
    );

    let search = app.get("searchbox", "Search");
    search.type_text("wallet");
    app.wait_for("the search to narrow the list to one", || {
        app.get("list", "Journal entries")
            .all_within("listitem")
            .len()
            == 1
    });
    assert!(app.page_text().contains("lost wallet"));
    search.clear();
    app.wait_for("all three to return", || {
        app.get("list", "Journal entries")
            .all_within("listitem")
            .len()
            == 3
    });

    app.get("DisclosureTriangle", "Filters").click();
    app.get("combobox", "Filter by kind").select("Witnessed");
    app.wait_for("only the witnessed entry", || {
        let items = app.get("list", "Journal entries").all_within("listitem");
        items.len() == 1 && items[0].text().contains("old man")
    });
    app.get("combobox", "Filter by kind").select("All kinds");
    let yesterday = app.date_from_today(-1);
    app.get("Date", "To date").type_text(&yesterday);
    app.wait_for_text("No entries match");
    app.get("button", "Clear filters").click();
    app.wait_for("all three after clearing", || {
        app.get("list", "Journal entries")
            .all_within("listitem")
            .len()
            == 3
    });
}

#[test]
fn i_did_this_prefills_todays_idea_and_the_weekly_goal_moves() {
    let app = App::start();
    app.open("#/journal");
    let goal = app.get("progressbar", "Weekly goal");
    assert_eq!(goal.attr("value").as_deref(), Some("0"));
    assert!(app
        .page_text()
        .contains("0 of 1 act of kindness given this week"));

    let idea_shown = || {
        app.get("group", "An idea for today")
            .within_with_text("paragraph", "")
            .text()
    };
    // Today's idea, then the next one in turn, in the words the app has for them.
    let english = Messages::new(Language::English);
    let idea = |skip| english.format(&format!("idea_{}", idea_for(app.today(), skip).id), &[]);
    assert_eq!(idea_shown(), idea(0), "today's idea");
    app.get("button", "Another idea").click();
    app.wait_for("the next idea", || idea_shown() == idea(1));
    let idea_text = idea(1);

    app.get("button", "I did this").click();
    assert_eq!(app.get("textbox", "What happened").value(), idea_text);
    assert_eq!(app.get("radio", "Given").property("checked"), true);
    app.get("button", "Save").click();
    app.get("list", "Journal entries")
        .within_with_text("listitem", &idea_text);
    app.wait_for("the weekly goal to be met", || {
        app.get("progressbar", "Weekly goal")
            .attr("value")
            .as_deref()
            == Some("1")
    });
    assert!(app
        .page_text()
        .contains("1 act of kindness given this week: your goal of 1 is reached"));
    assert!(app.page_text().contains("1 day in a row"));
    app.screenshot("journal-390");

    app.reload();
    app.get_with_text("listitem", &idea_text);
}

#[test]
fn streaks_can_be_hidden_and_the_weekly_goal_and_categories_changed_in_settings() {
    let app = App::start();
    app.open("#/settings");
    app.get("checkbox", "Hide streaks").click();
    let goal = app.get("spinbutton", "Weekly goal");
    goal.clear();
    goal.type_text("3");
    // Leaving the field commits the number, as it does for a person.
    app.get("textbox", "New category").click();
    app.get("textbox", "New category").type_text("Garden help");
    app.get("button", "Add category").click();
    app.get("list", "Categories")
        .within_with_text("listitem", "Garden help");
    app.get("button", "Remove a ride").click();
    app.screenshot("settings-390");

    app.reload();
    app.get("navigation", "Main")
        .within("link", "Journal")
        .click();
    app.wait_for_text("0 of 3 acts of kindness given this week");
    assert!(!app.page_text().contains("in a row"), "streaks are hidden");
    app.get("button", "Log a kindness").click();
    let category = app.get("combobox", "Category");
    category.select("Garden help");
    let options = category.text();
    assert!(!options.contains("a ride"), "{options}");
}

#[test]
fn the_calendar_reads_each_days_count_by_keyboard() {
    let app = App::start_with_size(1280, 900);
    app.open("#/journal");
    log(&app, "Helped a neighbour carry a sofa", "Given");
    log(&app, "Sent a card to my aunt", "Given");
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened")
        .type_text("Visited Grandma Lo");
    app.get("Date", "Date").type_text(&app.date_from_today(-1));
    app.get("button", "Save").click();

    // Grouped by day.
    let headings: Vec<String> = app
        .get("list", "Journal entries")
        .all_within("heading")
        .iter()
        .map(|h| h.text())
        .collect();
    assert_eq!(headings, vec!["Today", "Yesterday"]);

    let calendar = app.get("group", "Calendar of the last 12 months");
    calendar.execute("arguments[0].focus()", &[]);
    app.wait_for_text(": 2 kindnesses");
    calendar.send_keys("\u{E013}"); // Arrow up: the day before
    app.wait_for_text(": 1 kindness");
    calendar.send_keys("\u{E012}"); // Arrow left: a week earlier
    app.wait_for_text(": 0 kindnesses");
    app.screenshot("journal-1280");

    let by_kind = app.get("table", "By kind").execute(
        "return [...arguments[0].querySelectorAll('tbody tr')]
             .map(row => [...row.children].map(cell => cell.textContent.trim()).join(' | '))",
        &[],
    );
    assert_eq!(
        by_kind,
        serde_json::json!(["Given | 3", "Received | 0", "Witnessed | 0"]),
        "three given (two today, one yesterday), none received or witnessed"
    );
}

#[test]
fn a_double_tap_on_delete_removes_one_entry_and_undo_goes_back_through_every_delete() {
    let app = App::start();
    app.open("#/journal");
    for text in ["Soup for Mr Lee", "Fixed the gate", "Walked the dog"] {
        app.get("button", "Log a kindness").click();
        app.get("textbox", "What happened").type_text(text);
        app.get("button", "Save").click();
        app.get("list", "Journal entries")
            .within_with_text("listitem", text);
    }
    let count = || {
        app.get("list", "Journal entries")
            .all_within("listitem")
            .len()
    };
    // Two taps in quick succession: the second lands on the card that slid up.
    let list = app.get("list", "Journal entries");
    list.execute(
        "const first = () => arguments[0].querySelector('li button.danger');
         first().click();
         setTimeout(() => first() && first().click(), 150);",
        &[],
    );
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert_eq!(count(), 2, "one tap, one delete");
    // The delete is said, and Undo has the focus.
    app.wait_for_text("Entry deleted.");
    assert_eq!(app.focused().text(), "Undo");
    app.screenshot("journal-deleted-390");

    std::thread::sleep(std::time::Duration::from_millis(800));
    app.get("list", "Journal entries").all_within("listitem")[0]
        .within("button", "Delete")
        .click();
    app.wait_for("a second delete", || count() == 1);
    app.get("button", "Undo").click();
    app.wait_for("the second delete undone", || count() == 2);
    app.get("button", "Undo").click();
    app.wait_for("the first delete undone", || count() == 3);
    assert!(
        app.query("button", "Undo").is_none(),
        "nothing left to undo"
    );
}
