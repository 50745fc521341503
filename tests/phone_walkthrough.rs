//! What an older person on a phone meets (issue 20), at 390 px, by role and name.

mod support;

use chrono::{Datelike, Days, TimeZone, Utc};
use kindred_core::helper::{ContactMethod, DayPart, Helper};
use kindred_core::model::Model;
use kindred_core::need::{Need, Urgency};
use support::App;
use uuid::Uuid;

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
    // Escape as a person presses it: once the form is there.
    app.get("textbox", "What happened");
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
    let urgency = app.get("combobox", "Urgency");
    let chosen = urgency.execute("return arguments[0].selectedOptions[0].label", &[]);
    assert_eq!(chosen.as_str(), Some("High"));
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

/// Twelve helpers and a ride needed in three days' time: Ann drives but is free only on two
/// other days, Bob is free that day and likes text messages, ten more have said nothing.
fn a_ride_and_twelve_helpers(app: &App) -> Model {
    let today = app.today();
    let now = Utc
        .from_local_datetime(&today.and_hms_opt(9, 0, 0).unwrap())
        .unwrap();
    let ride_day = today + Days::new(3);
    let mut model = Model::default();
    let mut ann = Helper::new(Uuid::from_u128(1), now, "Ann Lee".into());
    ann.can_help_with = vec!["a ride".into()];
    ann.availability.days = vec![ride_day.weekday().succ(), ride_day.weekday().succ().succ()];
    model.helpers.put(ann, now);
    let mut bob = Helper::new(Uuid::from_u128(2), now, "Bob Ng".into());
    bob.availability.days = vec![ride_day.weekday()];
    bob.phone = "+852 2345 6789".into();
    bob.email = "bob@example.org".into();
    bob.preferred_contact = Some(ContactMethod::Text);
    model.helpers.put(bob, now);
    for n in 1..=10 {
        let helper = Helper::new(Uuid::from_u128(100 + n), now, format!("Neighbour {n:02}"));
        model.helpers.put(helper, now);
    }
    let mut ride = Need::new(Uuid::from_u128(50), now, "A ride to the clinic".into());
    ride.category = "a ride".into();
    ride.needed_by = Some(ride_day);
    model.needs.put(ride, now);
    model
}

#[test]
fn match_says_the_day_fit_shows_the_best_five_first_and_a_matched_need_has_call_and_email() {
    let app = App::start();
    app.open("#/needs");
    app.store_model(&mut a_ride_and_twelve_helpers(&app));
    app.reload();
    let day = app.weekday_from_today(3);
    let card = app
        .get("list", "Needs")
        .within_with_text("listitem", "A ride to the clinic");
    card.within("button", "Match").click();
    let suggested = app.get("list", "Suggested helpers");
    let items = suggested.all_within("listitem");
    assert_eq!(items.len(), 5, "the best five, a phone screenful");
    let said = |name: &str| {
        app.get("list", "Suggested helpers")
            .within_with_text("listitem", name)
            .text()
    };
    assert!(
        said("Bob Ng").contains(&format!("free {day}s")),
        "{}",
        said("Bob Ng")
    );
    let ann = said("Ann Lee");
    assert!(ann.contains(&format!("not free {day}s (free ")), "{ann}");
    assert!(ann.contains("helps with a ride"), "{ann}");
    assert!(
        items[2]
            .text()
            .contains(&format!("has not said if free {day}s")),
        "{}",
        items[2].text()
    );
    app.screenshot("phone-match-top-five-390");

    // The rest on request, reading on where the list grew.
    app.get("button", "Show all 12 helpers").click();
    app.wait_for("all twelve", || {
        app.get("list", "Suggested helpers")
            .all_within("listitem")
            .len()
            == 12
    });
    assert!(app.query("button", "Show all 12 helpers").is_none());
    assert_eq!(
        app.focused().computed_label(),
        format!(
            "Choose {}",
            app.get("list", "Suggested helpers").all_within("listitem")[5].find_all("strong")[0]
                .text()
        )
    );

    // Matched: Call and Email on the need itself, only tel: and mailto: links.
    app.get("button", "Choose Bob Ng").click();
    let card = app
        .get("list", "Needs")
        .within_with_text("listitem", "A ride to the clinic");
    let call = card.within("link", "Call Bob Ng");
    assert_eq!(call.attr("href").as_deref(), Some("tel:+85223456789"));
    let email = card.within("link", "Email Bob Ng");
    assert_eq!(
        email.attr("href").as_deref(),
        Some("mailto:bob@example.org")
    );
    assert!(
        card.text().contains("Preferred contact: Text message"),
        "{}",
        card.text()
    );
    let hrefs: Vec<String> = card
        .find_all("a")
        .iter()
        .filter_map(|a| a.attr("href"))
        .collect();
    assert!(
        hrefs
            .iter()
            .all(|h| h.starts_with("tel:") || h.starts_with("mailto:")),
        "{hrefs:?}"
    );
    card.execute("arguments[0].scrollIntoView({ block: 'center' })", &[]);
    app.screenshot("phone-matched-contact-390");
    assert_eq!(app.axe_violations(), Vec::<String>::new());

    // The same in Chinese.
    app.open("#/settings");
    app.get("combobox", "Language").select("繁體中文");
    app.open("#/needs");
    app.get("list", "需要")
        .within_with_text("listitem", "A ride to the clinic")
        .within("link", "打電話給Bob Ng");
}

#[test]
fn match_at_desktop_width() {
    let app = App::start_with_size(1280, 900);
    app.open("#/needs");
    app.store_model(&mut a_ride_and_twelve_helpers(&app));
    app.reload();
    app.get("list", "Needs")
        .within_with_text("listitem", "A ride to the clinic")
        .within("button", "Match")
        .click();
    app.get("button", "Show all 12 helpers");
    app.screenshot("phone-match-top-five-1280");
    app.get("button", "Choose Bob Ng").click();
    app.get("link", "Call Bob Ng");
    app.screenshot("phone-matched-contact-1280");
}

#[test]
fn an_urgent_need_stands_out_and_each_open_need_says_how_near_its_day_is() {
    let app = App::start();
    app.open("#/needs");
    let today = app.today();
    let now = Utc
        .from_local_datetime(&today.and_hms_opt(9, 0, 0).unwrap())
        .unwrap();
    let mut model = Model::default();
    let mut urgent = Need::new(Uuid::from_u128(1), now, "Insulin from the pharmacy".into());
    urgent.urgency = Urgency::High;
    urgent.needed_by = Some(today + Days::new(2));
    model.needs.put(urgent, now);
    let mut late = Need::new(Uuid::from_u128(2), now, "Change a light bulb".into());
    late.urgency = Urgency::Low;
    late.needed_by = Some(today - Days::new(3));
    model.needs.put(late, now);
    app.store_model(&mut model);
    app.reload();

    let card = |what: &str| app.get("list", "Needs").within_with_text("listitem", what);
    let urgent = card("Insulin");
    assert_eq!(urgent.paragraphs()[0], "Urgent");
    assert!(urgent.text().contains("· in 2 days"), "{}", urgent.text());
    let badge = &urgent.find_all(".urgent-badge")[0];
    let look = |el: &support::Element, property: &str| {
        el.execute(
            "return getComputedStyle(arguments[0])[arguments[1]]",
            &[serde_json::json!(property)],
        )
        .as_str()
        .unwrap()
        .to_string()
    };
    assert_eq!(look(badge, "fontWeight"), "700");
    assert_ne!(
        look(badge, "backgroundColor"),
        look(&urgent, "backgroundColor"),
        "the badge is a block of colour, not grey text"
    );
    let low = card("Change a light bulb");
    assert!(
        low.find_all(".urgent-badge").is_empty(),
        "only High is urgent"
    );
    assert!(low.text().contains("· 3 days late"), "{}", low.text());
    app.screenshot("phone-urgent-390");
    assert_eq!(app.axe_violations(), Vec::<String>::new());

    app.open("#/settings");
    app.get("combobox", "Language").select("繁體中文");
    app.open("#/needs");
    let urgent = app
        .get("list", "需要")
        .within_with_text("listitem", "Insulin");
    assert_eq!(urgent.paragraphs()[0], "緊急");
    assert!(urgent.text().contains("2 天後"), "{}", urgent.text());
    app.emulate_color_scheme("dark");
    assert_eq!(app.axe_violations(), Vec::<String>::new());
    app.screenshot("phone-urgent-zh-dark-390");
}

#[test]
fn the_needs_board_is_searched_as_you_type_and_shows_open_or_done_needs() {
    let app = App::start();
    app.open("#/needs");
    // An empty board has nothing to search.
    app.wait_for_text("No needs");
    assert!(app.query("searchbox", "Search").is_none());
    app.store_neighbourhood(|_| {});
    app.open("#/needs");
    let shown = || {
        app.get("list", "Needs")
            .all_within("listitem")
            .iter()
            .map(|card| card.find_all("h2")[0].text())
            .collect::<Vec<_>>()
    };
    assert_eq!(shown(), ["A ride to the hospital", "Weekly shopping"]);

    app.get("radio", "Open").click();
    app.wait_for("done needs to go", || shown() == ["A ride to the hospital"]);
    app.get("radio", "Done").click();
    app.wait_for("only done needs", || shown() == ["Weekly shopping"]);
    app.get("radio", "All").click();

    // Search looks at the person and the helpers' names too.
    app.get("searchbox", "Search").type_text("wong");
    app.wait_for("the search to narrow", || {
        shown() == ["A ride to the hospital"]
    });
    app.get("searchbox", "Search").clear();
    app.get("searchbox", "Search").type_text("may chan");
    app.wait_for("May's need", || shown() == ["Weekly shopping"]);
    app.get("radio", "Open").click();
    app.wait_for_text("No needs match your search.");
    app.screenshot("phone-needs-filter-390");
    assert_eq!(app.axe_violations(), Vec::<String>::new());
}

#[test]
fn a_helpers_phone_and_email_are_not_filled_in_with_the_persons_own() {
    let app = App::start();
    app.open("#/helpers");
    app.get("button", "Add helper").click();
    let phone = app.get("textbox", "Phone");
    assert_eq!(
        phone.attr("type").as_deref(),
        Some("tel"),
        "the phone keypad still opens"
    );
    assert_eq!(phone.attr("autocomplete").as_deref(), Some("off"));
    app.get("DisclosureTriangle", "More details").click();
    let email = app.get("textbox", "Email");
    assert_eq!(
        email.attr("inputmode").as_deref(),
        Some("email"),
        "the e-mail keyboard opens"
    );
    assert_eq!(email.attr("autocomplete").as_deref(), Some("off"));
    // A slip of the thumb is kept as typed, to be seen and mended, not rearranged.
    email.type_text("ana lee@example.org");
    assert_eq!(email.value(), "ana lee@example.org");
    app.get("textbox", "Name").type_text("Ana Lee");
    app.get("button", "Save").click();
    app.wait_for_text("not an e-mail address");
}

#[test]
fn the_status_line_leaves_room_for_what_is_under_it_and_can_be_hidden() {
    let app = App::start();
    app.open("#/needs");
    app.store_neighbourhood(|_| {});
    app.open("#/needs");
    app.get("button", "Add need").click();
    app.get("textbox", "What is needed")
        .type_text("Someone to read Mr Lee his letters every week, slowly, in Cantonese");
    app.get("button", "Save").click();
    let status = app.get_with_text("status", "Need saved.");

    // At the foot of the board, the last button is above the line, not under it.
    app.browser()
        .execute("window.scrollTo(0, document.body.scrollHeight)", &[]);
    let rect = |script: &str| {
        app.browser()
            .execute(script, &[])
            .as_f64()
            .expect("a number")
    };
    let last_button_bottom = rect(
        "const b = [...document.querySelectorAll('main button')].pop();
         return b.getBoundingClientRect().bottom;",
    );
    let line_top =
        rect("return document.querySelector('.status-bar').getBoundingClientRect().top;");
    assert!(
        last_button_bottom <= line_top,
        "the last button ends at {last_button_bottom}px, the status line starts at {line_top}px"
    );
    app.screenshot("phone-status-line-390");
    assert_eq!(
        app.console_errors(),
        Vec::<String>::new(),
        "the room is made without breaking the Content-Security-Policy"
    );

    // Hidden at once by the person, without waiting for it to go.
    app.get("button", "Hide message").click();
    app.wait_for("the line to go", || status.text().is_empty());
    assert!(app.query("button", "Hide message").is_none());
    assert_eq!(app.axe_violations(), Vec::<String>::new());
}

#[test]
fn a_first_visit_says_what_kindred_is_and_offers_one_large_first_action() {
    let app = App::start();
    app.open("#/journal");
    let welcome = app.get("region", "Welcome to Kindred");
    assert!(welcome
        .text()
        .contains("Everything you write stays on this device"));
    let first = app.get("button", "Log a kindness");
    let in_view = first
        .execute(
            "const r = arguments[0].getBoundingClientRect();
             return r.bottom <= window.innerHeight && r.height >= 48;",
            &[],
        )
        .as_bool()
        .unwrap();
    assert!(in_view, "the first action is large and above the fold");
    // Nothing to search or count yet.
    assert!(app.query("searchbox", "Search").is_none());
    assert!(!app.page_text().contains("Filters"));
    assert!(app.query("region", "Your year of kindness").is_none());
    app.screenshot("phone-first-visit-390");
    assert_eq!(app.axe_violations(), Vec::<String>::new());

    first.click();
    app.get("textbox", "What happened")
        .type_text("Said good morning to the new neighbour");
    app.get("button", "Save").click();
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Said good morning");
    app.get("searchbox", "Search");
    app.get("region", "Your year of kindness");
    assert!(app.query("region", "Welcome to Kindred").is_none());

    let wide = App::start_with_size(1280, 900);
    wide.open("#/settings");
    wide.get("combobox", "Language").select("繁體中文");
    wide.open("#/journal");
    let welcome = wide.get("region", "歡迎使用 Kindred");
    assert!(
        welcome.text().contains("只留在這部裝置上"),
        "{}",
        welcome.text()
    );
    wide.screenshot("phone-first-visit-zh-1280");
}

#[test]
fn filters_show_a_disclosure_arrow_that_turns_as_they_open() {
    let app = App::start();
    app.open("#/helpers");
    app.add_helper(&[("Name", "May Chan")]);
    let summary = app
        .get_with_text("group", "Filters")
        .find_all("summary")
        .into_iter()
        .next()
        .expect("the Filters summary");
    let arrow = |el: &support::Element| {
        el.execute(
            "const s = getComputedStyle(arguments[0], '::before');
             return [s.borderLeftWidth, s.transform].join(' ');",
            &[],
        )
        .as_str()
        .unwrap()
        .to_string()
    };
    let closed = arrow(&summary);
    assert!(!closed.starts_with("0px"), "an arrow is drawn: {closed}");
    summary.click();
    app.get("combobox", "Filter by category");
    app.wait_for("the arrow to turn", || arrow(&summary) != closed);
    app.screenshot("phone-filters-open-390");
}

#[test]
fn a_category_removed_by_mistake_comes_back_where_it_was_with_undo() {
    let app = App::start();
    app.open("#/settings");
    let categories = || {
        app.get("list", "Categories")
            .all_within("listitem")
            .iter()
            .map(|item| item.find_all("span")[0].text())
            .collect::<Vec<_>>()
    };
    let before = categories();
    let third = before[2].clone();
    app.get("button", &format!("Remove {third}")).click();
    app.wait_for("the category to go", || !categories().contains(&third));
    app.wait_for_text(&format!("Category removed: {third}"));
    assert_eq!(
        app.focused().computed_label(),
        "Undo",
        "Undo takes the focus"
    );
    app.screenshot("phone-category-undo-390");
    app.focused().click();
    app.wait_for("the category to come back", || categories() == before);
    app.reload();
    assert_eq!(categories(), before, "and it is stored so");
    assert_eq!(app.axe_violations(), Vec::<String>::new());
}

#[test]
fn built_in_categories_read_in_chinese_after_starting_in_english_and_typed_ones_stay_as_typed() {
    let app = App::start();
    app.open("#/settings");
    app.get("textbox", "New category").type_text("garden work");
    app.get("button", "Add category").click();
    app.open("#/journal");
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened")
        .type_text("Drove Mrs Chan to the clinic");
    app.get("combobox", "Category").select("a ride");
    app.get("button", "Save").click();
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened")
        .type_text("Weeded Mr Lo's plot");
    app.get("combobox", "Category").select("garden work");
    app.get("button", "Save").click();
    app.add_helper(&[("Name", "May Chan")]);

    app.open("#/settings");
    app.get("combobox", "Language").select("繁體中文");
    app.open("#/journal");
    let entries = app.get("list", "日記列表");
    let ride = entries.within_with_text("listitem", "Drove Mrs Chan");
    assert!(ride.text().contains("接送"), "{}", ride.text());
    assert!(!ride.text().contains("a ride"), "{}", ride.text());
    let weeding = entries.within_with_text("listitem", "Weeded");
    assert!(
        weeding.text().contains("garden work"),
        "typed, so kept: {}",
        weeding.text()
    );
    ride.execute("arguments[0].scrollIntoView({ block: 'center' })", &[]);
    app.screenshot("phone-categories-zh-390");

    // The form offers them in Chinese, and what it saves is the same category.
    ride.within("button", "編輯").click();
    let category = app.get("combobox", "類別");
    assert_eq!(category.value(), "a ride", "stored as it was");
    let options: Vec<String> = category
        .find_all("option")
        .iter()
        .map(|o| o.text())
        .collect();
    assert!(options.contains(&"接送".to_string()), "{options:?}");
    assert!(options.contains(&"garden work".to_string()), "{options:?}");
    assert!(!options.contains(&"a ride".to_string()), "{options:?}");

    app.open("#/helpers");
    app.get("button", "新增幫手").click();
    app.get("group", "可幫忙的事")
        .within("checkbox", "照顧長者");

    app.open("#/settings");
    let list = app.get("list", "類別").text();
    assert!(
        list.contains("寬恕") && list.contains("garden work"),
        "{list}"
    );
    assert_eq!(app.axe_violations(), Vec::<String>::new());
}

#[test]
fn on_a_phone_the_calendar_is_a_month_of_days_large_enough_to_read_and_tap() {
    let app = App::start();
    app.open("#/journal");
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened")
        .type_text("Visited Grandma Lo");
    app.get("Date", "Date").type_text(&app.date_from_today(-1));
    app.get("button", "Save").click();

    // The year's tiny squares give way to this month's days, and arrow keys are not asked for.
    assert!(app
        .query("group", "Calendar of the last 12 months")
        .is_none());
    assert!(!app.page_text().contains("Use the arrow keys"));
    let yesterday = app.today() - Days::new(1);
    let label = format!("{}: 1 kindness", yesterday.format("%a %-d %b %Y"));
    let day = app.get("button", &label);
    let size = |el: &support::Element| {
        el.execute(
            "const r = arguments[0].getBoundingClientRect();
             return [r.width, r.height, parseFloat(getComputedStyle(arguments[0]).fontSize)];",
            &[],
        )
    };
    let [width, height, font] = [0, 1, 2].map(|i| size(&day)[i].as_f64().unwrap());
    assert!(
        width >= 40.0 && height >= 44.0,
        "{width} × {height} px, big enough to tap"
    );
    assert!(font >= 16.0, "{font}px text");
    day.click();
    app.wait_for_text(&label);
    day.execute("arguments[0].scrollIntoView({ block: 'center' })", &[]);
    app.screenshot("phone-month-calendar-390");

    // A month back and on again; not past this month.
    assert!(app.get("button", "Next month").attr("disabled").is_some());
    app.get("button", "Previous month").click();
    app.get("button", "Next month").click();
    app.get("button", &label);

    // Large text makes the days larger too.
    app.open("#/settings");
    app.get("checkbox", "Large text").click();
    app.open("#/journal");
    let larger = size(&app.get("button", &label))[2].as_f64().unwrap();
    assert!(
        larger > font,
        "{larger}px with Large text, {font}px without"
    );
    assert_eq!(app.axe_violations(), Vec::<String>::new());
    app.emulate_color_scheme("dark");
    assert_eq!(app.axe_violations(), Vec::<String>::new());
}

#[test]
fn from_the_foot_of_a_long_list_one_tap_leads_back_to_the_navigation() {
    let app = App::start();
    app.open("#/helpers");
    app.store_model(&mut a_ride_and_twelve_helpers(&app));
    app.reload();
    app.get("list", "Helpers");
    let back = app.get("button", "Back to the top");
    back.execute("arguments[0].scrollIntoView({ block: 'center' })", &[]);
    app.screenshot("phone-back-to-top-390");
    back.click();
    app.wait_for("the top of the screen", || {
        app.browser().execute("return window.scrollY", &[]) == serde_json::json!(0)
    });
    assert_eq!(
        app.focused().text(),
        "Helpers",
        "the heading under the navigation"
    );
    let nav_in_view = app
        .get("navigation", "Main")
        .execute("return arguments[0].getBoundingClientRect().top >= 0", &[]);
    assert_eq!(nav_in_view, serde_json::json!(true));
    assert_eq!(app.axe_violations(), Vec::<String>::new());

    // A short list needs no way back.
    app.open("#/needs");
    app.get("list", "Needs");
    assert!(app.query("button", "Back to the top").is_none());
}

/// Twenty helpers with everything filled in, as a coordinator's directory is.
fn twenty_full_helpers(app: &App) -> Model {
    let now = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
    let mut model = Model::default();
    for n in 1..=20 {
        let mut helper = Helper::new(Uuid::from_u128(n), now, format!("Helper {n:02}"));
        helper.can_help_with = vec!["a ride".into(), "errands and groceries".into()];
        helper.languages = vec!["Cantonese".into(), "English".into()];
        helper.availability.days = vec![chrono::Weekday::Mon, chrono::Weekday::Wed];
        helper.availability.parts = vec![DayPart::Morning];
        helper.area = "Sham Shui Po".into();
        helper.phone = format!("+852 2345 67{n:02}");
        helper.email = format!("helper{n:02}@example.hk");
        helper.preferred_contact = Some(ContactMethod::Phone);
        helper.private_note = format!("Private note {n:02}: hard of hearing, call twice");
        model.helpers.put(helper, now);
    }
    app.store_model(&mut model);
    app.reload();
    model
}

/// How tall an element is on the page, in CSS pixels.
fn height(element: &support::Element) -> f64 {
    element
        .execute("return arguments[0].getBoundingClientRect().height", &[])
        .as_f64()
        .expect("a height")
}

#[test]
fn twenty_helpers_are_compact_rows_to_scan_with_the_rest_under_details() {
    let app = App::start();
    app.open("#/helpers");
    twenty_full_helpers(&app);
    let list = app.get("list", "Helpers");
    let rows = list.all_within("listitem");
    assert_eq!(rows.len(), 20);

    // Each row: who, what, when and where, the number to call, and its buttons.
    let row = list.within_with_text("listitem", "Helper 07");
    assert_eq!(
        row.paragraphs(),
        [
            "a ride, errands and groceries",
            "Free Mon, Wed · mornings · Sham Shui Po",
            "Call: +852 2345 6707"
        ]
    );
    assert_eq!(
        row.within("link", "+852 2345 6707").attr("href").as_deref(),
        Some("tel:+85223456707")
    );
    row.within("button", "Edit");
    row.within("button", "Delete");
    let details = row.within("button", "Details");
    assert_eq!(details.attr("aria-expanded").as_deref(), Some("false"));
    assert!(
        !list.text().contains("Private note 07") && !list.text().contains("helper07@example.hk"),
        "notes and e-mail wait under Details"
    );
    // Twenty such cards were 11,400 px tall at 390 px; compact rows are under half that.
    let tall = height(&list);
    assert!(tall < 20.0 * 270.0, "twenty rows are {tall} px tall");
    app.screenshot("phone-helpers-compact-390");

    // Details, on demand: the rest of the helper, and closed again.
    details.click();
    assert_eq!(details.attr("aria-expanded").as_deref(), Some("true"));
    let shown = row.text();
    for part in [
        "Cantonese, English",
        "Private note 07: hard of hearing",
        "Preferred contact: Phone call",
        "Has not helped with a need yet",
    ] {
        assert!(shown.contains(part), "{part:?} in {shown}");
    }
    assert_eq!(
        row.within("link", "helper07@example.hk")
            .attr("href")
            .as_deref(),
        Some("mailto:helper07@example.hk")
    );
    row.within("button", "QR code");
    assert!(
        !list.text().contains("Private note 08"),
        "only the row asked for opens"
    );
    assert_eq!(app.axe_violations(), Vec::<String>::new());
    row.execute("arguments[0].scrollIntoView({ block: 'center' })", &[]);
    app.screenshot("phone-helpers-details-390");
    details.click();
    app.wait_for("the details to fold", || {
        !row.text().contains("Private note 07")
    });

    // Dark, with the details open, still passes.
    app.emulate_color_scheme("dark");
    details.click();
    assert_eq!(app.axe_violations(), Vec::<String>::new());
    app.screenshot("phone-helpers-details-dark-390");
}

#[test]
fn compact_helper_rows_at_desktop_width() {
    let app = App::start_with_size(1280, 900);
    app.open("#/helpers");
    twenty_full_helpers(&app);
    let row = app
        .get("list", "Helpers")
        .within_with_text("listitem", "Helper 02");
    row.within("button", "Details").click();
    row.within("link", "helper02@example.hk");
    assert_eq!(app.axe_violations(), Vec::<String>::new());
    app.screenshot("desktop-helpers-compact-1280");
    app.get("button", "Add helper").click();
    app.get("DisclosureTriangle", "More details").click();
    app.get("textbox", "Area");
    assert_eq!(app.axe_violations(), Vec::<String>::new());
    app.screenshot("desktop-helper-form-1280");
}

#[test]
fn the_helper_form_is_short_with_kinds_of_help_and_the_rest_under_more_details() {
    let app = App::start();
    app.open("#/helpers");
    app.get("button", "Add helper").click();

    // What a helper is asked first: who, how to call, what and when.
    app.get("textbox", "Name");
    app.get("textbox", "Phone");
    let kinds = app.get("group", "Can help with");
    kinds.within("checkbox", "a ride");
    kinds.within("checkbox", "listening");
    for kindness in ["forgiveness", "encouragement and praise", "being present"] {
        assert!(
            kinds.query_within("checkbox", kindness).is_none(),
            "{kindness:?} is the journal's, not help a helper offers"
        );
    }
    app.get("group", "Days free");
    app.get("group", "Times of day");
    for folded in ["Languages", "Availability", "Area", "Email", "Private note"] {
        assert!(
            app.query("textbox", folded).is_none(),
            "{folded} waits under More details"
        );
    }
    let form = app.get("form", "New helper");
    let short = height(&form);
    // All fourteen fields and every category were 2,030 px tall at 390 px.
    assert!(short < 1500.0, "the form is {short} px tall");
    assert_eq!(app.axe_violations(), Vec::<String>::new());
    app.screenshot("phone-helper-form-short-390");

    // More details holds the rest; a problem in it opens it and takes the focus there.
    app.get("textbox", "Name").type_text("May Chan");
    let more = app.get("DisclosureTriangle", "More details");
    more.click();
    app.get("textbox", "Area").type_text("Sham Shui Po");
    app.get("textbox", "Email").type_text("may.example.hk");
    app.screenshot("phone-helper-form-more-390");
    more.click();
    app.wait_for("More details to fold", || {
        app.query("textbox", "Email").is_none()
    });
    app.get("button", "Save").click();
    app.get_with_text("alert", "Email: This is not an e-mail address");
    assert_eq!(app.focused().computed_label(), "Email");
    let email = app.get("textbox", "Email");
    email.clear();
    email.type_text("may@example.hk");
    app.get("button", "Save").click();
    let may = app
        .get("list", "Helpers")
        .within_with_text("listitem", "May Chan");

    // Editing a helper whose folded fields hold something shows them; one without, not.
    may.within("button", "Edit").click();
    assert_eq!(app.get("textbox", "Area").value(), "Sham Shui Po");
    assert_eq!(app.get("textbox", "Email").value(), "may@example.hk");
    app.get("button", "Cancel").click();
    app.add_helper(&[("Name", "Sam Wong"), ("Phone", "+852 2345 6789")]);
    app.get("list", "Helpers")
        .within_with_text("listitem", "Sam Wong")
        .within("button", "Edit")
        .click();
    app.get("textbox", "Phone");
    assert!(
        app.query("textbox", "Area").is_none(),
        "nothing folded to see"
    );
}

#[test]
fn the_short_helper_form_and_its_kinds_of_help_in_chinese() {
    let app = App::start();
    app.open("#/settings");
    app.get("combobox", "Language").select("繁體中文");
    app.open("#/helpers");
    app.get("button", "新增幫手").click();
    let kinds = app.get("group", "可幫忙的事");
    kinds.within("checkbox", "接送");
    assert!(kinds.query_within("checkbox", "寬恕").is_none());
    app.get("DisclosureTriangle", "更多資料").click();
    app.get("textbox", "地區");
    assert_eq!(app.axe_violations(), Vec::<String>::new());
    app.screenshot("phone-helper-form-zh-390");
}

/// Exports what Share has chosen, and returns the downloaded file's name.
fn export(app: &App) -> String {
    app.open("#/share");
    app.get("button", "Export").click();
    app.downloaded("kindred-").0
}

#[test]
fn after_export_the_message_says_the_files_name_and_where_to_find_it_in_both_languages() {
    let app = App::start();
    app.add_helper(&[("Name", "May Chan")]);
    let name = export(&app);
    let said = app.get_with_text("status", &name).text();
    assert!(
        said.contains(&format!("File exported: {name}. Find it in Downloads")),
        "{said}"
    );
    assert!(!said.contains("marked as shared"), "{said}");
    assert_eq!(app.axe_violations(), Vec::<String>::new());
    app.screenshot("phone-exported-390");

    app.open("#/settings");
    app.get("combobox", "Language").select("繁體中文");
    app.open("#/share");
    app.get("button", "匯出").click();
    let name = app.downloaded("kindred-").0;
    let said = app.get_with_text("status", &name).text();
    assert!(said.contains(&format!("檔案已匯出：{name}")), "{said}");
    assert!(said.contains("「下載」"), "{said}");
    assert!(!said.contains("已標示為已分享"), "{said}");
    assert_eq!(app.axe_violations(), Vec::<String>::new());
    app.screenshot("phone-exported-zh-390");
}

#[test]
fn the_export_message_at_desktop_width() {
    let app = App::start_with_size(1280, 900);
    app.add_helper(&[("Name", "May Chan")]);
    let name = export(&app);
    app.get_with_text("status", &name);
    app.screenshot("desktop-exported-1280");
}
