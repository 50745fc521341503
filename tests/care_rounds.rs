//! Care rounds: people to check on, a round with each answer, "Needs help" opening a need,
//! repeating needs, and every calendar file read back by an independent reader (Python's
//! icalendar, tests/independent/ics_reader.py).

mod support;

use std::path::Path;

use chrono::{Days, NaiveDate, NaiveTime, TimeZone, Utc};
use kindred_core::helper::Helper;
use kindred_core::ics::{commitments_ics, daily_reminder_ics, ReminderWords};
use kindred_core::need::Need;
use kindred_i18n::{Language, Messages};
use serde_json::{json, Value};
use support::App;
use uuid::Uuid;

/// A date as the app writes it in English: "Mon 2 Nov 2026".
fn full_date(day: NaiveDate) -> String {
    day.format("%a %-d %b %Y").to_string()
}

/// What the independent reader makes of a calendar file.
#[track_caller]
fn read_calendar(name: &str, text: &str) -> Value {
    let path = support::file_with("care-rounds", name, text);
    read_calendar_file(&path)
}

#[track_caller]
fn read_calendar_file(path: &Path) -> Value {
    let python = concat!(env!("CARGO_MANIFEST_DIR"), "/.tools/py/bin/python");
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/independent/ics_reader.py"
    );
    let output = std::process::Command::new(python)
        .args([script, &path.to_string_lossy(), "3"])
        .output()
        .expect("scripts/setup installs Python's icalendar in .tools/py");
    assert!(
        output.status.success(),
        "icalendar refused {}: {}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let read: Value = serde_json::from_slice(&output.stdout).expect("the reader prints JSON");
    assert_eq!(
        read["long_lines"],
        json!([]),
        "lines over 75 octets in {}",
        path.display()
    );
    read
}

fn add_person(app: &App, fields: &[(&str, &str)]) {
    app.get("button", "Add person to check on").click();
    for (label, value) in fields {
        app.get("textbox", label).type_text(value);
    }
    app.get("button", "Save").click();
    app.get("list", "People to check on")
        .within_with_text("listitem", fields[0].1);
}

fn person_in_round(app: &App, name: &str) -> support::Element {
    app.get("list", "People in this round")
        .within_with_text("listitem", name)
}

#[test]
fn a_round_marks_everyone_opens_a_need_for_who_needs_help_survives_a_reload_and_closes() {
    let app = App::start();
    app.open("#/checkins");
    app.get("navigation", "Main")
        .within("link", "Check-ins")
        .click();
    app.get("heading", "Check-ins");
    app.get("textbox", "Your name").type_text("Ah Wing");
    add_person(
        &app,
        &[
            ("Name", "Mr Lee"),
            ("Phone", "+852 2345 6780"),
            ("Address", "Flat 3A, 12 Apliu Street"),
            ("Emergency contact", "His daughter Ling, 9123 4567"),
            ("Their language", "Cantonese"),
            ("Private note", "Key with the caretaker"),
        ],
    );
    add_person(&app, &[("Name", "Mrs Chan"), ("Phone", "+852 2345 6781")]);
    add_person(&app, &[("Name", "May")]);
    // A person without a name is refused, saying so.
    app.get("button", "Add person to check on").click();
    app.get("button", "Save").click();
    app.get_with_text("alert", "Name");
    app.get("button", "Cancel").click();

    app.get("textbox", "Reason").type_text("Typhoon signal 8");
    app.get("button", "Start a round").click();
    app.get("heading", "Typhoon signal 8");
    assert_eq!(
        app.get("list", "People in this round")
            .all_within("listitem")
            .len(),
        3
    );
    app.get_with_text("status", "0 OK · 3 not reached · 0 needs help");

    person_in_round(&app, "May").within("button", "OK").click();
    app.get_with_text("status", "1 OK · 2 not reached · 0 needs help");
    person_in_round(&app, "Mrs Chan")
        .within("button", "No answer")
        .click();
    app.wait_for_text("1 try");
    person_in_round(&app, "Mrs Chan")
        .within("button", "No answer")
        .click();
    app.wait_for_text("2 tries");
    person_in_round(&app, "Mr Lee")
        .within("button", "Needs help")
        .click();
    app.get_with_text("status", "1 OK · 1 not reached · 1 needs help");
    // Who was not reached is on top, with the tries; each answer says when and by whom.
    let lines = app
        .get("list", "People in this round")
        .all_within("listitem");
    assert!(
        lines[0].text().contains("Mrs Chan") && lines[0].text().contains("2 tries"),
        "{}",
        lines[0].text()
    );
    let lee = person_in_round(&app, "Mr Lee").text();
    assert!(
        lee.contains("Needs help, ") && lee.contains(" by Ah Wing"),
        "{lee}"
    );
    assert_eq!(
        person_in_round(&app, "Mr Lee")
            .within("link", "+852 2345 6780")
            .attr("href")
            .as_deref(),
        Some("tel:+85223456780")
    );
    app.screenshot("checkins-round-390");

    // The paper sheet: phone numbers and boxes, no private note.
    app.browser()
        .devtools("Emulation.setEmulatedMedia", json!({ "media": "print" }));
    let sheet = app.browser().execute(
        "const s = document.querySelector('.round-sheet'); return [getComputedStyle(s).display, s.innerText]",
        &[],
    );
    assert_ne!(sheet[0], json!("none"), "the sheet prints");
    let sheet = sheet[1].as_str().unwrap().to_string();
    for shown in [
        "Check-in round: Typhoon signal 8",
        "Mr Lee",
        "+852 2345 6780",
        "His daughter Ling",
        "No answer",
    ] {
        assert!(sheet.contains(shown), "{shown} on the sheet: {sheet}");
    }
    assert!(!sheet.contains("Key with the caretaker"), "{sheet}");
    app.screenshot("round-sheet-print");
    app.browser()
        .devtools("Emulation.setEmulatedMedia", json!({ "media": "" }));

    app.reload();
    app.get_with_text("status", "1 OK · 1 not reached · 1 needs help");
    assert!(person_in_round(&app, "Mrs Chan").text().contains("2 tries"));

    person_in_round(&app, "Mr Lee")
        .within("link", "See the need on the Needs board")
        .click();
    app.get("heading", "Needs");
    let need = app.get("list", "Needs").within_with_text(
        "listitem",
        "Help for Mr Lee after the check-in (Typhoon signal 8)",
    );
    let text = need.text();
    for shown in [
        "Mr Lee",
        "Urgency: High",
        "Cantonese",
        "Phone: +852 2345 6780",
        "Open",
    ] {
        assert!(text.contains(shown), "{shown} in {text}");
    }

    // Everyone OK closes the round by itself; it stays readable among the past rounds.
    app.get("navigation", "Main")
        .within("link", "Check-ins")
        .click();
    person_in_round(&app, "Mrs Chan")
        .within("button", "OK")
        .click();
    person_in_round(&app, "Mr Lee")
        .within("button", "OK")
        .click();
    app.get("button", "Start a round");
    let past = app.get_with_text("group", "Typhoon signal 8");
    past.within(
        "DisclosureTriangle",
        "Typhoon signal 8 · 3 OK · 0 not reached · 0 needs help",
    )
    .click();
    app.wait_for_text("Everyone is OK: the round closed by itself.");
    assert!(
        past.text().contains("Mrs Chan: OK, ") && past.text().contains("2 tries"),
        "{}",
        past.text()
    );

    // A round closed by hand keeps whoever was not reached as they were.
    app.get("textbox", "Reason").type_text("Very hot weather");
    app.get("button", "Start a round").click();
    person_in_round(&app, "May")
        .within("button", "No answer")
        .click();
    app.wait_for_text("1 try");
    app.get("button", "Close the round").click();
    app.get("button", "Start a round");
    app.get_with_text(
        "group",
        "Very hot weather · 0 OK · 3 not reached · 0 needs help",
    );
    app.reload();
    app.get_with_text(
        "group",
        "Very hot weather · 0 OK · 3 not reached · 0 needs help",
    );
    app.get_with_text("group", "Typhoon signal 8 · 3 OK");
}

#[test]
fn the_round_in_progress_on_a_desktop() {
    let app = App::start_with_size(1280, 900);
    app.open("#/checkins");
    app.store_neighbourhood(|_| {});
    app.get("heading", "Typhoon signal 8");
    app.get_with_text("status", "1 OK · 1 not reached · 0 needs help");
    app.screenshot("checkins-round-1280");
}

#[test]
fn a_repeating_need_done_opens_the_next_and_one_date_can_be_skipped() {
    let app = App::start();
    app.open("#/needs");
    let today = app.today();
    let date = |days: u64| today.checked_add_days(Days::new(days)).unwrap();

    app.get("button", "Add need").click();
    app.get("textbox", "What is needed")
        .type_text("A ride to dialysis");
    app.get("combobox", "Repeats").select("Every week");
    app.get("button", "Save").click();
    // A repeating need is counted from its date: it must have one.
    app.get_with_text("alert", "Needed by");
    app.get("Date", "Needed by")
        .type_text(&app.date_from_today(1));
    app.screenshot("need-form-repeats-390");
    app.get("button", "Save").click();
    let card = || {
        app.get("list", "Needs")
            .within_with_text("listitem", "A ride to dialysis")
    };
    app.wait_for_text(&format!("Every week: next on {}", full_date(date(1))));

    card().within("button", "Skip this date").click();
    app.wait_for_text(&format!("Every week: next on {}", full_date(date(8))));

    card().within("button", "Mark done").click();
    app.wait_for_text(&format!("Every week: next on {}", full_date(date(15))));
    let rides: Vec<String> = app
        .get("list", "Needs")
        .all_within("listitem")
        .iter()
        .map(|item| item.text())
        .filter(|text| text.contains("A ride to dialysis"))
        .collect();
    assert_eq!(rides.len(), 2, "{rides:?}");
    assert!(rides.iter().any(|r| r.contains("Done on")), "{rides:?}");
    app.reload();
    app.wait_for_text(&format!("Every week: next on {}", full_date(date(15))));
}

#[test]
fn every_calendar_file_has_its_alarms_and_reads_back_in_an_independent_reader() {
    let app = App::start();
    app.open("#/settings");
    let today = app.today();
    let now = Utc
        .from_local_datetime(&today.and_hms_opt(9, 0, 0).unwrap())
        .unwrap();
    app.store_neighbourhood(|model| {
        let mut sam = Helper::new(Uuid::from_u128(0x5A), now, "Sam Lau".into());
        sam.phone = "+852 2345 6700".into();
        model.helpers.put(sam, now);
        let mut ride = Need::new(
            Uuid::from_u128(0x71),
            now,
            "Groceries; milk, rice\\noodles".into(),
        );
        ride.for_whom = "陳太".into();
        ride.needed_by = today.checked_add_days(Days::new(2));
        ride.follow_up_on = today.checked_add_days(Days::new(3));
        ride.notes = "Ring twice\nthen wait".into();
        ride.match_helpers(&[Uuid::from_u128(0x5A)]).unwrap();
        model.needs.put(ride, now);
    });

    // The daily reminder, at the time picked, in English…
    app.get("InputTime", "Time of the daily reminder")
        .type_text("07:45");
    app.get("button", "Add a daily reminder to my calendar")
        .click();
    let (name, ics) = app.downloaded("kindred-daily-reminder");
    assert!(name.ends_with(".ics"), "{name}");
    let read = read_calendar("daily-en.ics", &ics);
    let event = &read["events"][0];
    assert_eq!(read["events"].as_array().unwrap().len(), 1);
    assert_eq!(event["rrule"], json!("FREQ=DAILY"));
    assert_eq!(
        event["floating"],
        json!(true),
        "the phone's own hour: {event}"
    );
    assert_eq!(event["start"], json!(format!("{today}T07:45:00")));
    let next = today.succ_opt().unwrap();
    assert_eq!(event["occurrences"][1], json!(format!("{next}T07:45:00")));
    assert_eq!(
        event["alarms"],
        json!([{ "action": "DISPLAY", "trigger": 0.0, "description": "Log a kindness in Kindred, or look at the needs board and the check-ins." }])
    );
    assert_eq!(event["summary"], json!("Kindred: a moment for kindness"));

    // …and in Chinese.
    app.get("combobox", "Language").select("繁體中文");
    let zh = Messages::new(Language::TraditionalChinese);
    app.get("button", &zh.format("add_daily_reminder", &[]))
        .click();
    let (_, ics) = app.downloaded("kindred-daily-reminder");
    let read = read_calendar("daily-zh.ics", &ics);
    assert_eq!(
        read["events"][0]["summary"],
        json!(zh.format("reminder_summary", &[]))
    );
    assert_eq!(
        read["events"][0]["alarms"][0]["description"],
        json!(zh.format("reminder_description", &[]))
    );
    // The follow-ups' titles are in the reader's language too; what was typed stays as typed.
    app.open("#/share");
    app.get("button", &zh.format("follow_ups_ics", &[])).click();
    let (_, ics) = app.downloaded("kindred-follow-ups");
    let read = read_calendar("follow-ups-zh.ics", &ics);
    assert!(
        read["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["summary"] == json!("跟進：Groceries; milk, rice\\noodles (陳太)")),
        "{read}"
    );
    app.open("#/settings");
    app.get("combobox", &zh.format("language", &[]))
        .select("English");

    // The follow-ups on Share ring on each day.
    app.open("#/share");
    app.get("button", "Follow-up dates for a calendar (ICS)")
        .click();
    let (_, ics) = app.downloaded("kindred-follow-ups");
    let read = read_calendar("follow-ups.ics", &ics);
    let events = read["events"].as_array().unwrap();
    assert!(events.len() >= 2, "{read}");
    for event in events {
        assert_eq!(event["alarms"].as_array().unwrap().len(), 1, "{event}");
        assert_eq!(
            event["alarms"][0]["trigger"],
            json!(9.0 * 3600.0),
            "{event}"
        );
    }
    assert!(
        events
            .iter()
            .any(|e| e["summary"] == json!("Follow up: Groceries; milk, rice\\noodles (陳太)")),
        "{read}"
    );

    // A helper's own commitments: what they are matched to, the evening before.
    app.open("#/helpers");
    let sam = app
        .get("list", "Helpers")
        .within_with_text("listitem", "Sam Lau");
    sam.within("button", "Details").click();
    sam.within("button", "Commitments to calendar").click();
    let (_, ics) = app.downloaded("kindred-commitments");
    let read = read_calendar("commitments.ics", &ics);
    let event = &read["events"][0];
    assert_eq!(read["events"].as_array().unwrap().len(), 1, "{read}");
    assert_eq!(
        event["summary"],
        json!("Groceries; milk, rice\\noodles (陳太)")
    );
    assert_eq!(event["description"], json!("Ring twice\nthen wait"));
    let day = today.checked_add_days(Days::new(2)).unwrap();
    assert_eq!(event["start"], json!(day.to_string()));
    assert_eq!(event["alarms"][0]["trigger"], json!(-6.0 * 3600.0));
}

#[test]
fn calendar_text_is_escaped_folded_and_a_daily_reminder_keeps_its_hour_over_the_clock_change() {
    let now = Utc.with_ymd_and_hms(2026, 3, 20, 9, 0, 0).unwrap();
    let hostile = "Call; then, if no one \\ answers\nknock — 陳太太的鄰居".repeat(3);
    let words = ReminderWords {
        summary: hostile.clone(),
        description: "每天一件善事, 好嗎; 好!".into(),
    };
    let day = NaiveDate::from_ymd_opt(2026, 3, 28).unwrap();
    let ics = daily_reminder_ics(day, NaiveTime::from_hms_opt(8, 30, 0).unwrap(), &words, now);
    let read = read_calendar("hostile.ics", &ics);
    let event = &read["events"][0];
    assert_eq!(event["summary"], json!(hostile));
    assert_eq!(event["description"], json!("每天一件善事, 好嗎; 好!"));
    // Europe's clocks go forward on 29 March: the reminder stays at 08:30 on the phone.
    assert_eq!(
        event["occurrences"],
        json!([
            "2026-03-28T08:30:00",
            "2026-03-29T08:30:00",
            "2026-03-30T08:30:00"
        ])
    );
    let sam = Uuid::from_u128(9);
    let mut need = Need::new(Uuid::from_u128(1), now, hostile.clone());
    need.needed_by = Some(day);
    need.match_helpers(&[sam]).unwrap();
    let read = read_calendar(
        "hostile-commitments.ics",
        &commitments_ics(sam, [&need], now),
    );
    assert_eq!(read["events"][0]["summary"], json!(hostile));
}
