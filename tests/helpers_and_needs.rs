//! The helper directory and the needs board, used as a person would.

mod support;

use support::App;

/// A date as the app writes it in English: "Mon 2 Nov 2026".
fn full_date(day: chrono::NaiveDate) -> String {
    day.format("%a %-d %b %Y").to_string()
}

fn add_helper(app: &App, name: &str, fill: impl FnOnce(&App)) {
    app.get("navigation", "Main")
        .within("link", "Helpers")
        .click();
    app.get("button", "Add helper").click();
    app.get("textbox", "Name").type_text(name);
    fill(app);
    app.get("button", "Save").click();
    app.get("list", "Helpers")
        .within_with_text("listitem", name);
}

#[test]
fn add_a_helper_and_a_need_match_mark_done_log_it_and_find_it_all_after_a_reload() {
    let app = App::start();
    app.open("#/helpers");
    let tuesday_or_so = app.weekday_from_today(2);
    add_helper(&app, "May Chan", |app| {
        app.get("group", "Can help with")
            .within("checkbox", "a ride")
            .click();
        app.get("DisclosureTriangle", "More details").click();
        app.get("textbox", "Languages")
            .type_text("Cantonese, English");
        app.get("group", "Days free")
            .within("checkbox", &tuesday_or_so)
            .click();
        app.get("group", "Times of day")
            .within("checkbox", "Morning")
            .click();
        app.get("textbox", "Area").type_text("Sham Shui Po");
        app.get("textbox", "Phone").type_text("+852 2345 6789");
        app.get("textbox", "Email").type_text("may@example.hk");
        app.screenshot("helper-form-390");
    });
    add_helper(&app, "Sam Wong", |app| {
        app.get("DisclosureTriangle", "More details").click();
        app.get("textbox", "Languages").type_text("English");
    });
    let may = app
        .get("list", "Helpers")
        .within_with_text("listitem", "May Chan");
    assert_eq!(
        may.within("link", "+852 2345 6789").attr("href").as_deref(),
        Some("tel:+85223456789")
    );
    may.within("button", "Details").click();
    assert_eq!(
        may.within("link", "may@example.hk").attr("href").as_deref(),
        Some("mailto:may@example.hk")
    );
    app.screenshot("helpers-390");

    app.get("navigation", "Main")
        .within("link", "Needs")
        .click();
    app.get("button", "Add need").click();
    app.get("textbox", "What is needed")
        .type_text("A ride to the clinic");
    app.get("textbox", "For whom").type_text("Mr Lee");
    app.get("combobox", "Category").select("a ride");
    app.get("combobox", "Urgency").select("High");
    app.get("textbox", "Their language").type_text("Cantonese");
    app.get("Date", "Needed by")
        .type_text(&app.date_from_today(2));
    app.get("button", "Save").click();

    let need = app
        .get("list", "Needs")
        .within_with_text("listitem", "A ride to the clinic");
    let today = app.today();
    assert_eq!(
        need.paragraphs(),
        [
            "Urgent".to_string(),
            "Mr Lee · a ride · Urgency: High · Cantonese".to_string(),
            format!(
                "Needed by: {} · in 2 days",
                full_date(today + chrono::Days::new(2))
            ),
            "Open".to_string(),
        ]
    );
    need.within("button", "Match").click();
    let suggested = app.get("list", "Suggested helpers").all_within("listitem");
    assert_eq!(suggested.len(), 2);
    // May first, with every reason she fits, and the button that chooses her.
    assert_eq!(
        suggested[0].text(),
        format!(
            "May Chan\nhelps with a ride · speaks Cantonese · free {tuesday_or_so} mornings · \
             not asked yet\nChoose May Chan"
        )
    );
    app.screenshot("needs-suggestions-390");
    app.get("button", "Choose May Chan").click();

    let need = app
        .get("list", "Needs")
        .within_with_text("listitem", "A ride to the clinic");
    app.wait_for("the need to be matched", || {
        app.get("list", "Needs")
            .within_with_text("listitem", "A ride")
            .text()
            .contains("Matched with May Chan")
    });
    need.within("button", "Mark done").click();
    app.get("button", "Log as given").click();
    app.wait_for("the need to be done", || {
        app.get("list", "Needs")
            .within_with_text("listitem", "A ride")
            .text()
            .contains("Done on")
    });
    assert_eq!(
        app.get("list", "Needs")
            .within_with_text("listitem", "A ride")
            .paragraphs(),
        [
            "Mr Lee · a ride · Urgency: High · Cantonese".to_string(),
            format!("Needed by: {}", full_date(today + chrono::Days::new(2))),
            format!("Done on {} by May Chan", full_date(today)),
        ]
    );
    let done = app
        .get("list", "Needs")
        .within_with_text("listitem", "A ride");
    assert!(
        done.query_within("button", "Match").is_none(),
        "a done need is not matched"
    );
    done.within("button", "Reopen");

    app.reload();
    app.get("navigation", "Main")
        .within("link", "Journal")
        .click();
    let entry = app
        .get("list", "Journal entries")
        .within_with_text("listitem", "A ride to the clinic");
    assert_eq!(
        entry.paragraphs(),
        [
            "Given · Today",
            "A ride to the clinic",
            "Mr Lee · a ride · May Chan"
        ],
        "logged as given, today, for the person and category of the need, naming who helped"
    );
    app.get("navigation", "Main")
        .within("link", "Helpers")
        .click();
    let may = app
        .get("list", "Helpers")
        .within_with_text("listitem", "May Chan");
    may.within("button", "Details").click();
    assert_eq!(
        may.paragraphs(),
        [
            "a ride".to_string(),
            format!("Free {} · mornings · Sham Shui Po", &tuesday_or_so[..3]),
            "Call: +852 2345 6789".to_string(),
            "Cantonese, English".to_string(),
            "Email: may@example.hk".to_string(),
            format!("Helped once, on {}", full_date(today)),
        ],
        "her row, and under Details the help she gave today"
    );
    app.get("navigation", "Main")
        .within("link", "Needs")
        .click();
    app.get("list", "Needs")
        .within_with_text("listitem", "Done on");
}

#[test]
fn a_javascript_value_typed_as_email_or_phone_is_refused_and_never_becomes_a_link() {
    let app = App::start();
    app.open("#/helpers");
    app.get("button", "Add helper").click();
    app.get("textbox", "Name").type_text("Mallory");
    app.get("textbox", "Phone").type_text("javascript:alert(1)");
    app.get("DisclosureTriangle", "More details").click();
    app.get("textbox", "Email")
        .type_text("javascript:alert(document.domain)//@x.org");
    app.get("button", "Save").click();
    let problems = app.get_with_text("alert", "Please check the form");
    assert!(
        problems
            .text()
            .contains("Phone: This is not a phone number"),
        "{}",
        problems.text()
    );
    assert!(
        problems
            .text()
            .contains("Email: This is not an e-mail address"),
        "{}",
        problems.text()
    );
    assert!(
        !app.local_storage()
            .iter()
            .any(|(k, v)| !k.starts_with("kindred/draft/") && v.contains("Mallory")),
        "nothing was stored but the form's draft"
    );

    // The same values planted in storage, as a shared file or another program might, are
    // shown as text and are not links.
    let planted = serde_json::json!({
        "format": "kindred", "schema": 1,
        "records": [{
            "id": "00000000-0000-4000-8000-000000000001",
            "created_at": "2026-11-01T09:00:00Z", "updated_at": "2026-11-01T09:00:00Z",
            "name": "Mallory <b>bold</b>",
            "phone": "javascript:alert(1)",
            "email": "javascript:alert(document.domain)//@x.org"
        }]
    });
    app.set_local_storage("kindred/helpers/0", &planted.to_string());
    app.reload();
    let card = app
        .get("list", "Helpers")
        .within_with_text("listitem", "Mallory <b>bold</b>");
    assert!(
        card.text().contains("javascript:alert(1)"),
        "{}",
        card.text()
    );
    assert!(card.all_within("link").is_empty(), "no links on the card");
    let hrefs = app.browser().execute(
        "return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))",
        &[],
    );
    assert!(
        !hrefs.to_string().to_lowercase().contains("javascript"),
        "no javascript: link anywhere: {hrefs}"
    );
    assert!(
        app.browser()
            .execute("return document.querySelector('b') === null", &[])
            == true
    );
}

#[test]
fn helpers_are_found_by_search_and_filters_and_deleted_with_undo() {
    let app = App::start();
    app.open("#/helpers");
    add_helper(&app, "May Chan", |app| {
        app.get("DisclosureTriangle", "More details").click();
        app.get("textbox", "Languages").type_text("Cantonese");
        app.get("group", "Days free")
            .within("checkbox", "Saturday")
            .click();
    });
    add_helper(&app, "Sam Wong", |app| {
        app.get("group", "Can help with")
            .within("checkbox", "errands and groceries")
            .click();
        app.get("DisclosureTriangle", "More details").click();
        app.get("textbox", "Area").type_text("Tai Po");
    });
    let count = || app.get("list", "Helpers").all_within("listitem").len();
    app.get("searchbox", "Search").type_text("tai po");
    app.wait_for("one helper in Tai Po", || count() == 1);
    app.get("searchbox", "Search").clear();
    app.wait_for("both helpers", || count() == 2);

    app.get("DisclosureTriangle", "Filters").click();
    app.get("combobox", "Filter by language")
        .select("Cantonese");
    app.wait_for("only May speaks Cantonese", || {
        count() == 1 && app.page_text().contains("May Chan")
    });
    app.get("combobox", "Filter by language")
        .select("All languages");
    app.get("combobox", "Filter by day").select("Saturday");
    app.wait_for("only May is free on Saturdays", || count() == 1);
    app.get("combobox", "Filter by day").select("Any day");
    app.get("combobox", "Filter by category")
        .select("errands and groceries");
    app.wait_for("only Sam helps with groceries", || {
        count() == 1 && app.page_text().contains("Sam Wong")
    });
    app.get("combobox", "Filter by category")
        .select("All categories");
    app.wait_for("both helpers", || count() == 2);

    app.get("list", "Helpers")
        .within_with_text("listitem", "Sam Wong")
        .within("button", "Delete")
        .click();
    app.wait_for("Sam to go", || count() == 1);
    app.get("button", "Undo").click();
    app.wait_for("Sam to come back", || count() == 2);
    app.reload();
    app.wait_for("both after a reload", || count() == 2);
}

#[test]
fn follow_ups_due_are_shown_first_when_kindred_opens_with_a_count_on_the_needs_link() {
    let app = App::start_with_size(1280, 900);
    app.open("#/needs");
    for (what, follow_up) in [
        ("Check Mrs Chan has her shopping", -1),
        ("Visit Grandma Lo", 3),
    ] {
        app.get("button", "Add need").click();
        app.get("textbox", "What is needed").type_text(what);
        app.get("Date", "Follow up on")
            .type_text(&app.date_from_today(follow_up));
        app.get("button", "Save").click();
        app.get("list", "Needs").within_with_text("listitem", what);
    }
    let first = &app.get("list", "Needs").all_within("listitem")[0];
    assert!(
        first.text().contains("Check Mrs Chan"),
        "due first: {}",
        first.text()
    );
    assert!(first.text().contains("Follow-up due"), "{}", first.text());
    app.screenshot("needs-1280");

    app.open("");
    app.reload();
    let follow_ups = app.get("region", "Follow-ups due");
    assert!(follow_ups
        .text()
        .contains("Check Mrs Chan has her shopping"));
    assert!(
        !follow_ups.text().contains("Visit Grandma Lo"),
        "not due yet"
    );
    let needs_link = app.get("navigation", "Main").within("link", "Needs");
    // For the eye, a badge beside the name; screen readers hear the description instead.
    let badge = needs_link.execute(
        "return [...arguments[0].querySelectorAll('[aria-hidden=true]')].map(e => e.textContent)",
        &[],
    );
    assert_eq!(
        badge,
        serde_json::json!(["1"]),
        "the badge counts the one follow-up due"
    );
    let description = app.browser().execute(
        "const id = arguments[0].getAttribute('aria-describedby');
         return id ? document.getElementById(id).textContent : ''",
        &[needs_link.to_json()],
    );
    assert_eq!(description, "1 follow-up due");
    app.screenshot("journal-follow-ups-1280");
    follow_ups.within("link", "Open the needs board").click();
    app.get("heading", "Needs");
}

#[test]
fn with_thousands_of_categories_the_helper_form_offers_a_search_and_ticks_what_is_found() {
    let app = App::start();
    app.open("#/helpers");
    let mut model = kindred_core::model::Model::default();
    model.settings.categories = (0..5_000).map(|i| format!("category {i}")).collect();
    app.store_model(&mut model);
    app.reload();
    app.get("button", "Add helper").click();
    app.get("textbox", "Name").type_text("May Chan");
    let group = app.get("group", "Can help with");
    let boxes = || {
        group
            .all_within("checkbox")
            .iter()
            .map(|b| b.try_computed_label().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let first_24: Vec<String> = (0..24).map(|i| format!("category {i}")).collect();
    assert_eq!(boxes(), first_24, "a screenful, the first 24, not 5,000");
    group
        .within("searchbox", "Find: Can help with")
        .type_text("category 4321");
    app.wait_for("the one category found", || boxes() == ["category 4321"]);
    group.within("checkbox", "category 4321").click();
    app.screenshot("helper-form-many-categories-390");
    app.get("button", "Save").click();
    app.wait_for("the helper to be saved", || {
        app.local_storage()
            .values()
            .any(|v| v.contains("May Chan") && v.contains("category 4321"))
    });
}

/// The way a helper likes to be reached is chosen under More details, shown with the
/// helper's details, chosen again when the helper is edited, and can go back to no preference.
#[test]
fn a_preferred_contact_is_chosen_shown_kept_when_editing_and_cleared() {
    let app = App::start();
    app.open("#/helpers");
    add_helper(&app, "May Chan", |app| {
        app.get("DisclosureTriangle", "More details").click();
        app.get("combobox", "Preferred contact")
            .select("Text message");
    });
    let may = || {
        app.get("list", "Helpers")
            .within_with_text("listitem", "May Chan")
    };
    may().within("button", "Details").click();
    assert!(
        may().text().contains("Preferred contact: Text message"),
        "{}",
        may().text()
    );

    may().within("button", "Edit").click();
    let chosen = app.get("combobox", "Preferred contact").execute(
        "arguments[0].scrollIntoView({ block: 'center' });
         return arguments[0].selectedOptions[0].label",
        &[],
    );
    assert_eq!(chosen.as_str(), Some("Text message"));
    app.screenshot("helper-form-preferred-contact-390");
    app.get("combobox", "Preferred contact")
        .select("No preference");
    app.get("button", "Save").click();

    let details = may().within("button", "Details");
    if details.attr("aria-expanded").as_deref() != Some("true") {
        details.click();
    }
    assert_eq!(details.attr("aria-expanded").as_deref(), Some("true"));
    assert!(
        !may().text().contains("Preferred contact"),
        "{}",
        may().text()
    );
}
