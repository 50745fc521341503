//! Insights: kindness per week, by kind and category, people both ways, and needs, each chart
//! with a table that screen readers read.

mod support;

use kindred_i18n::Language;
use serde_json::json;
use support::{App, Element};

/// A tall phone, so that a screenshot shows the whole screen.
fn start_with_neighbourhood(language: Option<Language>, height: u32) -> App {
    let app = App::start_with_size(390, height);
    app.open("");
    app.store_neighbourhood(|model| model.settings.language = language);
    app
}

/// The text of the table row that `header` heads, cells separated by " | ".
fn row_of(header: &Element) -> String {
    header
        .execute(
            "return [...arguments[0].parentElement.children].map(c => c.textContent.trim()).join(' | ')",
            &[],
        )
        .as_str()
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn rows_in(table: &Element) -> usize {
    table.find_all("tbody tr").len()
}

#[test]
fn insights_count_kindness_people_and_needs_with_tables_for_screen_readers() {
    let app = start_with_neighbourhood(None, 844);
    app.open("#/insights");
    app.get("heading", "Insights");

    // The sample has 5 given, 2 received and 1 witnessed in the last six months.
    let by_kind = app.get("region", "Kindness per week");
    assert_eq!(row_of(&by_kind.within("rowheader", "Given")), "Given | 5 |");
    assert_eq!(
        row_of(&by_kind.within("rowheader", "Received")),
        "Received | 2 |"
    );
    assert_eq!(
        row_of(&by_kind.within("rowheader", "Witnessed")),
        "Witnessed | 1 |"
    );

    // The weekly chart's table: one row per week of the last six months.
    let weekly = app.get("table", "Kindness per week");
    let six_months = rows_in(&weekly);
    assert!((26..=28).contains(&six_months), "{six_months} weeks");
    // Read as a screen reader reads it: the table is out of sight, where the chart is.
    let weekly_total: u32 = weekly
        .execute(
            "return [...arguments[0].querySelectorAll('tbody td')].reduce((sum, td) => sum + Number(td.textContent), 0)",
            &[],
        )
        .as_u64()
        .expect("a number") as u32;
    assert_eq!(weekly_total, 8, "every entry of the period is in one week");

    // People: both directions, names grouped whatever their case, no scores.
    let people = app.get("region", "People");
    assert_eq!(
        row_of(&people.within("rowheader", "Mrs Wong")),
        "Mrs Wong | 2 | 0"
    );
    assert_eq!(row_of(&people.within("rowheader", "Ming")), "Ming | 0 | 2");
    assert_eq!(
        row_of(&people.within("rowheader", "Mr Lee")),
        "Mr Lee | 2 | 0"
    );

    // Needs: the shopping took 4 days from open to done.
    let needs = app.get("region", "Needs opened and done per month");
    assert!(
        needs
            .text()
            .contains("Median time from open to done: 4 days"),
        "{}",
        needs.text()
    );
    assert!(app
        .query("table", "Needs opened and done per month")
        .is_some());

    app.get("combobox", "Period").select("The last 12 months");
    app.wait_for("a year of weeks", || {
        rows_in(&app.get("table", "Kindness per week")) >= 52
    });
    let by_kind = app.get("region", "Kindness per week");
    assert_eq!(row_of(&by_kind.within("rowheader", "Given")), "Given | 5 |");
}

#[test]
fn insights_are_printed_as_tables() {
    let app = start_with_neighbourhood(None, 844);
    app.open("#/insights");
    app.get("heading", "Insights");
    app.browser()
        .devtools("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    let shown = app.browser().execute(
        "const table = document.querySelector('.chart-table');
         const chart = document.querySelector('.chart svg');
         return [table.getBoundingClientRect().width > 100, getComputedStyle(chart).display];",
        &[],
    );
    assert_eq!(
        shown,
        json!([true, "none"]),
        "on paper: the table, not the drawing"
    );
}

#[test]
fn screenshots_of_insights_and_journal_in_chinese_and_in_dark_mode() {
    let app = start_with_neighbourhood(Some(Language::TraditionalChinese), 2400);
    app.open("#/insights");
    app.get("heading", "統計");
    app.screenshot("insights-zh-Hant");
    app.open("#/journal");
    app.get("heading", "日記");
    app.screenshot("journal-zh-Hant");

    let app = start_with_neighbourhood(Some(Language::English), 2400);
    app.emulate_color_scheme("dark");
    app.open("#/insights");
    app.get("heading", "Insights");
    app.screenshot("insights-dark");
    app.open("#/journal");
    app.get("heading", "Journal");
    app.screenshot("journal-dark");
    app.open("#/needs");
    app.get("heading", "Needs");
    app.screenshot("needs-dark");
    app.open("#/settings");
    app.get("heading", "Settings");
    app.screenshot("settings-dark");
}

#[test]
fn with_nothing_logged_insights_say_so_instead_of_drawing_empty_charts() {
    let app = App::start();
    app.open("#/insights");
    app.get("heading", "Insights");
    app.wait_for_text("No kindness is logged in this period yet.");
    app.wait_for_text("No needs were opened or done in this period.");
    assert!(app.query("table", "Kindness per week").is_none());
}

#[test]
fn a_screenshot_of_insights_on_a_desktop() {
    let app = App::start_with_size(1280, 1800);
    app.open("#/insights");
    app.store_neighbourhood(|_| {});
    app.get("heading", "Insights");
    app.screenshot("insights-1280");
}
