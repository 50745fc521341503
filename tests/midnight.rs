//! A tab left open past midnight: everything that says "today" moves with the clock.
//!
//! The page's clock is moved by a stand-in for `Date` that DevTools installs in every new
//! document of the tab before any of the page's scripts run
//! (`Page.addScriptToEvaluateOnNewDocument`; the page's Content-Security-Policy does not
//! apply to it). It counts on from a chosen local time at the real clock's pace, so that the
//! app's own timers (its midnight timer among them) run as they would, and the test moves it
//! forward with `__setLocalTime`, as a device's clock moves while a tab stays open. The time
//! zone is set with `Emulation.setTimezoneOverride`, to one where local midnight is not UTC's.
//! Both hold after a reload, where the clock starts again at its start time.
//!
//! DevTools' virtual time (`Emulation.setVirtualTimePolicy`) cannot do this in Chromium 156:
//! under the `advance` policy it skips ahead whenever the page waits for a timer, and with
//! the app's save retry timer the date raced on by about ten days a second, so "23:58 while
//! an entry is written" never holds; under `pause` the page's timers stop, the midnight timer
//! among them.
//!
//! Hiding the page is real too: the window is minimised and restored through DevTools
//! (`Browser.setWindowBounds`), and Chromium fires `visibilitychange` and `focus` as it does
//! when a phone brings a tab back.

mod support;

use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use kindred_core::journal::{JournalEntry, Kind};
use kindred_core::model::Model;
use kindred_core::need::Need;
use serde_json::{json, Value};
use support::{App, Element};
use uuid::Uuid;

/// Eight hours ahead of UTC all year: local midnight is 16:00 UTC, so a date read from a UTC
/// stamp, or a day that turns at UTC's midnight, would show.
const TIME_ZONE: &str = "Asia/Taipei";

/// The stand-in for `Date`. `START` is replaced by the local time each new document starts
/// at, `[year, month, day, hour, minute, second]`.
const CLOCK: &str = r#"(() => {
    const RealDate = Date;
    const local = (year, month, day, hour, minute, second) =>
        new RealDate(year, month - 1, day, hour, minute, second).getTime();
    let offset = local(...START) - RealDate.now();
    function TestDate(...args) {
        const now = RealDate.now() + offset;
        if (!new.target) {
            return new RealDate(now).toString();
        }
        return Reflect.construct(RealDate, args.length ? args : [now], new.target);
    }
    Object.setPrototypeOf(TestDate, RealDate);
    TestDate.prototype = RealDate.prototype;
    TestDate.now = () => RealDate.now() + offset;
    globalThis.Date = TestDate;
    // Moves the clock to a local time; it counts on from there.
    globalThis.__setLocalTime = (...at) => {
        offset = local(...at) - RealDate.now();
    };
})();"#;

/// A phone-sized browser whose page starts its clock at `start` (local time in
/// [`TIME_ZONE`]) in every new document. Nothing is loaded yet.
fn start_at(start: [u32; 6]) -> App {
    let app = App::start();
    let browser = app.browser();
    browser.devtools(
        "Emulation.setTimezoneOverride",
        json!({ "timezoneId": TIME_ZONE }),
    );
    let source = CLOCK.replace("START", &json!(start).to_string());
    browser.devtools(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": source }),
    );
    app
}

/// The page's local time now, as "2026-11-22 23:58".
fn page_time(app: &App) -> String {
    let time = app.browser().execute(
        "const d = new Date(), pad = n => String(n).padStart(2, '0');
         return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;",
        &[],
    );
    time.as_str().expect("a time").to_string()
}

/// Moves the page's clock to a local time.
fn set_local_time(app: &App, at: [u32; 6]) {
    app.browser()
        .execute("globalThis.__setLocalTime(...arguments[0])", &[json!(at)]);
}

/// Minimises the window, lets `meanwhile` happen while the page is hidden, and brings the
/// window back, as when a phone's owner comes back to the app in the morning.
fn hide_meanwhile(app: &App, meanwhile: impl FnOnce()) {
    let browser = app.browser();
    let window = browser.devtools("Browser.getWindowForTarget", json!({}))["windowId"].clone();
    let set_state = |state: &str| {
        browser.devtools(
            "Browser.setWindowBounds",
            json!({ "windowId": window, "bounds": { "windowState": state } }),
        );
    };
    let visibility = || {
        browser
            .execute("return document.visibilityState", &[])
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    set_state("minimized");
    app.wait_for("the page to be hidden", || visibility() == "hidden");
    meanwhile();
    set_state("normal");
    app.wait_for("the page to be visible again", || visibility() == "visible");
}

fn log(app: &App, text: &str, kind: &str) {
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened").type_text(text);
    app.get("radio", kind).click();
    app.get("button", "Save").click();
    entry(app, text);
}

/// The journal's list item of the entry with `text`.
fn entry(app: &App, text: &str) -> Element {
    app.get("list", "Journal entries")
        .within_with_text("listitem", text)
}

/// The Needs link in the main navigation.
fn needs_link(app: &App) -> Element {
    app.get("navigation", "Main").within("link", "Needs")
}

/// What the Needs link's description says ("1 follow-up due"), or "" without one.
fn needs_link_description(app: &App) -> Value {
    app.browser().execute(
        "const id = arguments[0].getAttribute('aria-describedby');
         return id ? document.getElementById(id).textContent : ''",
        &[needs_link(app).to_json()],
    )
}

/// The text of today's idea.
fn idea(app: &App) -> String {
    app.get("group", "An idea for today")
        .find_all(".idea-text")
        .first()
        .expect("the idea's text")
        .text()
}

#[test]
fn a_tab_hidden_overnight_shows_the_new_day_when_it_comes_back() {
    // Sunday evening, two minutes to midnight: Monday starts a new week.
    let app = start_at([2026, 11, 22, 23, 58, 0]);
    app.open("#/journal");
    assert_eq!(page_time(&app), "2026-11-22 23:58");

    app.get("button", "Log a kindness").click();
    assert_eq!(app.get("Date", "Date").value(), "2026-11-22");
    app.get("button", "Cancel").click();
    log(&app, "Carried Mrs Chan's shopping up the stairs", "Given");
    let shown = entry(&app, "Carried Mrs Chan's shopping").text();
    assert!(shown.contains("Today"), "{shown:?}");
    app.wait_for_text("1 act of kindness given this week: your goal of 1 is reached");
    app.wait_for_text("Sun 22 Nov 2026: 1 kindness");
    let evening_idea = idea(&app);

    // A need to follow up tomorrow: nothing is due yet.
    app.open("#/needs");
    app.get("button", "Add need").click();
    app.get("textbox", "What is needed")
        .type_text("Check Mr Lo got his prescription");
    app.get("Date", "Follow up on").type_text("2026-11-23");
    app.get("button", "Save").click();
    let card = app
        .get("list", "Needs")
        .within_with_text("listitem", "Check Mr Lo");
    assert!(!card.text().contains("Follow-up due"), "{}", card.text());
    app.open("#/journal");
    assert!(app.query("region", "Follow-ups due").is_none());
    assert_eq!(needs_link(&app).text(), "Needs");
    assert_eq!(needs_link_description(&app), json!(""));
    app.screenshot("midnight-evening-390");

    // The phone is put away, and taken out again on Monday morning.
    hide_meanwhile(&app, || set_local_time(&app, [2026, 11, 23, 7, 30, 0]));
    assert_eq!(page_time(&app), "2026-11-23 07:30");

    let carried = entry(&app, "Carried Mrs Chan's shopping");
    let shown = carried.text();
    assert!(shown.contains("Yesterday"), "{shown:?}");
    assert!(!shown.contains("Today"), "{shown:?}");
    carried.execute("arguments[0].scrollIntoView({ block: 'center' })", &[]);
    app.screenshot("midnight-yesterday-390");
    app.browser().execute("window.scrollTo(0, 0)", &[]);
    let follow_ups = app.get("region", "Follow-ups due");
    assert!(
        follow_ups
            .text()
            .contains("Check Mr Lo got his prescription"),
        "{}",
        follow_ups.text()
    );
    assert!(needs_link(&app).text().contains('1'));
    assert_eq!(needs_link_description(&app), json!("1 follow-up due"));
    app.wait_for_text("0 of 1 act of kindness given this week");
    app.wait_for_text("Mon 23 Nov 2026: 0 kindnesses");
    assert_ne!(idea(&app), evening_idea, "a new day, a new idea");
    app.screenshot("midnight-morning-390");

    // A new entry starts on the new day, which the date field now allows.
    app.get("button", "Log a kindness").click();
    let date = app.get("Date", "Date");
    assert_eq!(date.value(), "2026-11-23");
    assert_eq!(date.attr("max").as_deref(), Some("2026-11-23"));
    app.screenshot("midnight-new-form-390");
    app.get("button", "Cancel").click();

    // The board agrees.
    app.open("#/needs");
    let card = app
        .get("list", "Needs")
        .within_with_text("listitem", "Check Mr Lo");
    assert!(card.text().contains("Follow-up due"), "{}", card.text());
    assert!(
        card.text().contains("Follow up on: Today"),
        "{}",
        card.text()
    );
    assert!(
        app.console_errors().is_empty(),
        "{:?}",
        app.console_errors()
    );
}

#[test]
fn a_tab_left_open_on_screen_turns_to_the_new_day_at_midnight() {
    let evening = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let app = start_at([2026, 11, 22, 23, 59, 40]);
    app.open("#/journal");
    let now = Utc.with_ymd_and_hms(2026, 11, 22, 15, 0, 0).unwrap();
    let mut model = Model::default();
    let ids = |n| Uuid::from_u64_pair(0x0D1D, n);
    model.journal.put(
        JournalEntry::new(
            ids(1),
            now,
            "Walked Mrs Chan's dog".into(),
            Kind::Given,
            evening,
        ),
        now,
    );
    let mut need = Need::new(ids(2), now, "Check Mr Lo got his prescription".into());
    need.follow_up_on = evening.succ_opt();
    model.needs.put(need, now);
    app.store_model(&mut model);
    // Each new document starts its clock at 23:59:40 again.
    app.reload();

    let shown = entry(&app, "Walked Mrs Chan's dog").text();
    let time = page_time(&app);
    assert!(
        time.starts_with("2026-11-22 23:59"),
        "the test was too slow to see the evening: {time}"
    );
    assert!(shown.contains("Today"), "{shown:?}");
    assert_eq!(needs_link_description(&app), json!(""));

    // Nothing happens on the page but the clock passing midnight.
    let deadline = Instant::now() + Duration::from_secs(40);
    while !entry(&app, "Walked Mrs Chan's dog")
        .text()
        .contains("Yesterday")
    {
        assert!(
            Instant::now() < deadline,
            "still not Yesterday at {}",
            page_time(&app)
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(page_time(&app).starts_with("2026-11-23 00:00"));
    assert_eq!(needs_link_description(&app), json!("1 follow-up due"));
    app.get("region", "Follow-ups due");
    app.screenshot("midnight-at-midnight-390");
}
