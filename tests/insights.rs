//! Insights: kindness per week, by kind and category, people both ways, and needs, each chart
//! with a table that screen readers read.
//!
//! Each test reads the screen as a screen reader does, region by region: its paragraphs and
//! every row of its tables, and compares them whole with what the sample neighbourhood
//! (`tests/support/sample.rs`) should show, in the language in use.

mod support;

use std::thread;
use std::time::{Duration, Instant};

use chrono::{Datelike, Days, Months, NaiveDate};
use kindred_core::journal::Kind;
use kindred_core::model::Model;
use kindred_i18n::{Language, Messages, Value};
use serde_json::json;
use support::{App, Element, WebDriverError, WAIT_TIMEOUT};

/// A tall phone, so that a screenshot shows the whole screen.
fn start_with_neighbourhood(language: Option<Language>, height: u32) -> (App, Model) {
    let app = App::start_with_size(390, height);
    app.open("");
    let model = app.store_neighbourhood(|model| model.settings.language = language);
    (app, model)
}

/// The interface's words in one language, and its dates as the app writes them.
struct Words {
    language: Language,
    messages: Messages,
}

impl Words {
    /// A category as the app shows it in this language (`categories::shown_in`).
    fn category<'a>(&self, name: &'a str) -> &'a str {
        kindred_core::categories::shown_in(name, self.language)
    }

    fn new(language: Language) -> Self {
        Self {
            language,
            messages: Messages::new(language),
        }
    }

    fn get(&self, id: &str) -> String {
        self.messages.format(id, &[])
    }

    /// "Mon 2 Nov 2026" / "2026年11月2日（週一）".
    fn date(&self, day: NaiveDate) -> String {
        match self.language {
            Language::English => day.format("%a %-d %b %Y").to_string(),
            Language::TraditionalChinese => {
                const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
                let weekday = WEEKDAYS[day.weekday().num_days_from_monday() as usize];
                format!(
                    "{}年{}月{}日（週{weekday}）",
                    day.year(),
                    day.month(),
                    day.day()
                )
            }
        }
    }

    /// "Nov 2026" / "2026年11月".
    fn month(&self, first_of_month: NaiveDate) -> String {
        match self.language {
            Language::English => first_of_month.format("%b %Y").to_string(),
            Language::TraditionalChinese => {
                format!("{}年{}月", first_of_month.year(), first_of_month.month())
            }
        }
    }

    /// A table row as a screen reader reads it, cells separated by " | ".
    fn row(&self, heading: &str, cells: &[&str]) -> String {
        let cells: Vec<String> = cells.iter().map(|id| self.get(id)).collect();
        std::iter::once(heading.to_string())
            .chain(cells)
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

/// One region of the screen as a screen reader meets it: its name, its paragraphs, and
/// each table's name with every row (headings first).
#[derive(Debug, PartialEq)]
struct Region {
    name: String,
    paragraphs: Vec<String>,
    tables: Vec<(String, Vec<String>)>,
}

/// Each row of `table` as a screen reader reads it: its cells' text joined by " | ",
/// leaving out the cells hidden from screen readers (the bars drawn beside counts).
fn rows_of(table: &Element) -> Result<Vec<String>, WebDriverError> {
    let rows = table.try_execute(
        "return [...arguments[0].querySelectorAll('tr')].map(row => [...row.children]
             .filter(cell => cell.getAttribute('aria-hidden') !== 'true')
             .map(cell => cell.textContent.trim())
             .join(' | '))",
        &[],
    )?;
    Ok(serde_json::from_value(rows).expect("rows of text"))
}

fn try_read_region(app: &App, name: &str) -> Result<Region, WebDriverError> {
    let region = app.get("region", name);
    let mut paragraphs = Vec::new();
    for paragraph in region.all_within("paragraph") {
        let text = paragraph.try_execute("return arguments[0].innerText", &[])?;
        paragraphs.push(text.as_str().unwrap_or_default().trim().to_string());
    }
    let mut tables = Vec::new();
    for table in region.all_within("table") {
        tables.push((table.try_computed_label()?, rows_of(&table)?));
    }
    Ok(Region {
        name: name.to_string(),
        paragraphs,
        tables,
    })
}

/// The region named `name` as it is on the screen now, read again if the screen redraws
/// it meanwhile.
#[track_caller]
fn read_region(app: &App, name: &str) -> Region {
    let mut attempts = 0;
    loop {
        match try_read_region(app, name) {
            Ok(region) => return region,
            Err(error) if error.is_stale() && attempts < 20 => attempts += 1,
            Err(error) => panic!("could not read the region {name:?}: {error}"),
        }
        thread::sleep(Duration::from_millis(50));
    }
}

/// The four regions of Insights as they are on the screen now, in the order of `expected`.
fn read_insights(app: &App, expected: &[Region]) -> Vec<Region> {
    expected.iter().map(|r| read_region(app, &r.name)).collect()
}

/// The Monday of `day`'s week.
fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// What Insights show of the sample neighbourhood over the last `months` months up to
/// `today`.
///
/// All eight entries of the sample are within the last six months (the oldest is 130 days
/// old): 5 given, 2 received, 1 witnessed. Its two needs were opened today and 12 days ago;
/// the second was done 8 days ago.
fn sample_insights(words: &Words, model: &Model, today: NaiveDate, months: u32) -> Vec<Region> {
    // One row per week, from the week of the same day `months` months ago to this week.
    let mut weeks = vec![words.row(
        &words.get("week_of"),
        &["kind_given", "kind_received", "kind_witnessed"],
    )];
    let first_week = monday_of(today.checked_sub_months(Months::new(months)).unwrap());
    let mut week = first_week;
    while week <= today {
        let count = |kind: Kind| {
            model
                .journal
                .live()
                .filter(|e| e.kind == kind && monday_of(e.date) == week)
                .count()
                .to_string()
        };
        weeks.push(
            [
                words.date(week),
                count(Kind::Given),
                count(Kind::Received),
                count(Kind::Witnessed),
            ]
            .join(" | "),
        );
        week = week + Days::new(7);
    }

    // One row per calendar month, this one and the `months - 1` before it.
    let mut needs_rows = vec![words.row(&words.get("month"), &["needs_opened", "needs_done"])];
    let this_month = today.with_day(1).unwrap();
    let month_of = |days_ago: u64| (today - Days::new(days_ago)).with_day(1).unwrap();
    for back in (0..months).rev() {
        let month = this_month.checked_sub_months(Months::new(back)).unwrap();
        let opened = [0, 12].iter().filter(|d| month_of(**d) == month).count();
        let done = [8].iter().filter(|d| month_of(**d) == month).count();
        needs_rows.push(format!("{} | {opened} | {done}", words.month(month)));
    }

    vec![
        Region {
            name: words.get("kindness_per_week"),
            paragraphs: vec![],
            tables: vec![
                (words.get("kindness_per_week"), weeks),
                (
                    String::new(),
                    vec![
                        words.row(&words.get("kind_label"), &["count"]),
                        format!("{} | 5", words.get("kind_given")),
                        format!("{} | 2", words.get("kind_received")),
                        format!("{} | 1", words.get("kind_witnessed")),
                    ],
                ),
            ],
        },
        Region {
            name: words.get("counts_by_category"),
            paragraphs: vec![],
            tables: vec![(
                String::new(),
                vec![
                    words.row(&words.get("category"), &["count"]),
                    // The most entries first, then by the stored name; the built-in
                    // categories read in the reader's language, whichever Kindred began in.
                    format!("{} | 2", words.category("practical help")),
                    format!("{} | 1", words.category("a ride")),
                    format!("{} | 1", words.category("care for an older person")),
                    format!("{} | 1", words.category("company and visits")),
                    format!("{} | 1", words.category("errands and groceries")),
                    format!("{} | 1", words.category("listening")),
                    format!("{} | 1", words.get("no_category")),
                ],
            )],
        },
        Region {
            name: words.get("people_heading"),
            paragraphs: vec![words.get("people_hint")],
            // Both directions, names grouped whatever their case ("Mrs Wong", "mrs wong"),
            // the most entries first, then by name; no scores.
            tables: vec![(
                String::new(),
                vec![
                    words.row(&words.get("person"), &["you_helped", "helped_you"]),
                    "Ming | 0 | 2".into(),
                    "Mr Lee | 2 | 0".into(),
                    "Mrs Wong | 2 | 0".into(),
                    "Ana | 1 | 0".into(),
                ],
            )],
        },
        Region {
            name: words.get("needs_per_month"),
            // The shopping took 4 days from open to done.
            paragraphs: vec![words
                .messages
                .format("median_days_to_done", &[("days", Value::from(4))])],
            tables: vec![(words.get("needs_per_month"), needs_rows)],
        },
    ]
}

/// Waits until Insights show `expected`, and fails with both if they do not.
#[track_caller]
fn assert_insights(app: &App, expected: &[Region]) {
    let deadline = Instant::now() + WAIT_TIMEOUT;
    while read_insights(app, expected) != expected && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(50));
    }
    for (shown, wanted) in read_insights(app, expected).iter().zip(expected) {
        assert_eq!(shown, wanted, "the region {:?}", wanted.name);
    }
}

/// The colours of the dark theme: the page, its text, and the face of the screen's first plain
/// control (not a primary button, which is in the accent colour).
#[track_caller]
fn assert_dark(app: &App, screen: &str) {
    let colours = app.browser().execute(
        "const page = getComputedStyle(document.body);
         const control = getComputedStyle(document.querySelector('main button:not(.primary), main select'));
         return [page.backgroundColor, page.color, control.backgroundColor];",
        &[],
    );
    assert_eq!(
        colours,
        json!(["rgb(19, 23, 21)", "rgb(230, 235, 232)", "rgb(28, 34, 31)"]),
        "{screen} in the dark theme: a dark page, light text, dark controls"
    );
}

/// Each journal entry as the list shows it: kind and day, text, then person and category.
fn sample_journal(words: &Words, model: &Model, today: NaiveDate) -> Vec<Vec<String>> {
    let mut entries: Vec<_> = model.journal.live().collect();
    entries.sort_by_key(|e| std::cmp::Reverse(e.date));
    entries
        .into_iter()
        .map(|e| {
            let kind = match e.kind {
                Kind::Given => "kind_given",
                Kind::Received => "kind_received",
                Kind::Witnessed => "kind_witnessed",
            };
            let day = match (today - e.date).num_days() {
                1 => words.get("yesterday"),
                _ => words.date(e.date),
            };
            let mut paragraphs = vec![format!("{} · {day}", words.get(kind)), e.text.clone()];
            let details: Vec<&str> = [e.person.as_str(), words.category(&e.category)]
                .into_iter()
                .filter(|d| !d.is_empty())
                .collect();
            if !details.is_empty() {
                paragraphs.push(details.join(" · "));
            }
            paragraphs
        })
        .collect()
}

/// The journal's entries as the list shows them now.
fn read_journal(app: &App, words: &Words) -> Vec<Vec<String>> {
    app.get("list", &words.get("journal_entries"))
        .all_within("listitem")
        .iter()
        .map(|item| {
            item.all_within("paragraph")
                .iter()
                .map(|p| p.text())
                .collect()
        })
        .collect()
}

#[test]
fn insights_count_kindness_people_and_needs_with_tables_for_screen_readers() {
    let (app, model) = start_with_neighbourhood(None, 844);
    app.open("#/insights");
    app.get("heading", "Insights");
    let words = Words::new(Language::English);
    let today = app.today();
    // Read as a screen reader reads them: the tables are out of sight, where the charts are.
    assert_insights(&app, &sample_insights(&words, &model, today, 6));

    app.get("combobox", "Period").select("The last 12 months");
    assert_insights(&app, &sample_insights(&words, &model, today, 12));
}

#[test]
fn insights_are_printed_as_tables() {
    let (app, _) = start_with_neighbourhood(None, 844);
    app.open("#/insights");
    app.get("heading", "Insights");
    app.browser()
        .devtools("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    // On screen a chart's table is clipped to a pixel for all but screen readers; on paper
    // each chart is its whole table, and the drawing and its legend are left out.
    let printed = app.browser().execute(
        "return [...document.querySelectorAll('main .chart')].map(chart => {
             const holder = chart.querySelector('.chart-table');
             const table = holder.querySelector('table');
             const [held, whole] = [holder.getBoundingClientRect(), table.getBoundingClientRect()];
             return {
                 drawing: getComputedStyle(chart.querySelector('svg')).display,
                 legend: getComputedStyle(chart.querySelector('.legend')).display,
                 table: getComputedStyle(holder).clipPath === 'none'
                     && Math.round(held.height) === Math.round(whole.height)
                     && whole.height > 0 ? 'whole' : 'clipped',
             };
         })",
        &[],
    );
    let on_paper = json!({ "drawing": "none", "legend": "none", "table": "whole" });
    assert_eq!(
        printed,
        json!([on_paper, on_paper]),
        "both charts (kindness per week, needs per month) on paper: the table, not the drawing"
    );
}

#[test]
fn screenshots_of_insights_and_journal_in_chinese_and_in_dark_mode() {
    let (app, model) = start_with_neighbourhood(Some(Language::TraditionalChinese), 2400);
    let chinese = Words::new(Language::TraditionalChinese);
    let today = app.today();
    app.open("#/insights");
    app.get("heading", "統計");
    assert_insights(&app, &sample_insights(&chinese, &model, today, 6));
    app.screenshot("insights-zh-Hant");
    app.open("#/journal");
    app.get("heading", "日記");
    assert_eq!(
        read_journal(&app, &chinese),
        sample_journal(&chinese, &model, today)
    );
    app.screenshot("journal-zh-Hant");

    let (app, model) = start_with_neighbourhood(Some(Language::English), 2400);
    let english = Words::new(Language::English);
    app.emulate_color_scheme("dark");
    app.open("#/insights");
    app.get("heading", "Insights");
    assert_insights(&app, &sample_insights(&english, &model, today, 6));
    assert_dark(&app, "Insights");
    app.screenshot("insights-dark");
    app.open("#/journal");
    app.get("heading", "Journal");
    assert_eq!(
        read_journal(&app, &english),
        sample_journal(&english, &model, today)
    );
    assert_dark(&app, "Journal");
    app.screenshot("journal-dark");
    app.open("#/needs");
    app.get("heading", "Needs");
    assert_eq!(
        app.get("list", "Needs")
            .all_within("heading")
            .iter()
            .map(|h| h.text())
            .collect::<Vec<_>>(),
        ["A ride to the hospital", "Weekly shopping"]
    );
    assert_dark(&app, "Needs");
    app.screenshot("needs-dark");
    app.open("#/settings");
    app.get("heading", "Settings");
    assert_dark(&app, "Settings");
    app.screenshot("settings-dark");
}

#[test]
fn with_nothing_logged_insights_say_so_instead_of_drawing_empty_charts() {
    let app = App::start();
    app.open("#/insights");
    app.get("heading", "Insights");
    let words = Words::new(Language::English);
    let region = |name: &str, paragraphs: &[&str], tables: Vec<(String, Vec<String>)>| Region {
        name: words.get(name),
        paragraphs: paragraphs.iter().map(|id| words.get(id)).collect(),
        tables,
    };
    let kinds_at_zero = vec![(
        String::new(),
        vec![
            words.row(&words.get("kind_label"), &["count"]),
            format!("{} | 0", words.get("kind_given")),
            format!("{} | 0", words.get("kind_received")),
            format!("{} | 0", words.get("kind_witnessed")),
        ],
    )];
    assert_insights(
        &app,
        &[
            region(
                "kindness_per_week",
                &["no_kindness_in_period"],
                kinds_at_zero,
            ),
            region("counts_by_category", &["no_categories_yet"], vec![]),
            region("people_heading", &["people_hint", "no_people"], vec![]),
            region(
                "needs_per_month",
                &["no_needs_in_period", "no_needs_done"],
                vec![],
            ),
        ],
    );
}

#[test]
fn a_screenshot_of_insights_on_a_desktop() {
    let app = App::start_with_size(1280, 1800);
    app.open("#/insights");
    let model = app.store_neighbourhood(|_| {});
    app.get("heading", "Insights");
    let words = Words::new(Language::English);
    let expected = sample_insights(&words, &model, app.today(), 6);
    assert_insights(&app, &expected);

    // The drawing says what the table says: a bar for each kind in each week that has any,
    // and the scale is the busiest week's count. (The drawing is hidden from screen readers,
    // so it is found by its markup.)
    let weeks: Vec<Vec<u32>> = expected[0].tables[0].1[1..]
        .iter()
        .map(|row| {
            row.split(" | ")
                .skip(1)
                .map(|n| n.parse().unwrap())
                .collect()
        })
        .collect();
    let bars = weeks.iter().flatten().filter(|n| **n > 0).count();
    let busiest: u32 = weeks.iter().map(|w| w.iter().sum()).max().unwrap();
    let drawn = app.get("region", "Kindness per week").execute(
        "const svg = arguments[0].querySelector('.chart svg');
         return [svg.querySelectorAll('rect').length, svg.querySelector('text').textContent];",
        &[],
    );
    assert_eq!(drawn, json!([bars, busiest.to_string()]));
    app.screenshot("insights-1280");
}
