//! The browser benchmark: Kindred's built app in headless Chromium with large data, reporting
//! medians over several runs against the budgets. Run with `scripts/bench`.

#[path = "../tests/support/mod.rs"]
mod support;

use chrono::{NaiveDate, TimeZone, Utc};
use kindred_core::model::Model;
use kindred_core::persist;
use kindred_core::sample;
use kindred_core::storage::MemoryStore;
use serde_json::json;
use support::App;

/// Runs per figure; the median is reported.
const RUNS: usize = 5;

fn main() {
    println!("Kindred browser benchmark: medians of {RUNS} runs, headless Chromium\n");
    let empty = median((0..RUNS).map(|_| start_time(&stored_journal(0))).collect());
    let five_k = stored_journal(5_000);
    let with_5k = median((0..RUNS).map(|_| start_time(&five_k)).collect());
    report("start, empty storage", empty, "ms", None);
    report(
        "start, 5,000 entries",
        with_5k,
        "ms",
        Some((with_5k <= 1.5 * empty.max(1.0), "≤ 1.5 × empty start")),
    );
    let keystroke = search_keystroke(&stored_journal(10_000));
    report(
        "search keystroke → list updated, 10,000 entries",
        keystroke,
        "ms",
        Some((keystroke <= 16.0, "≤ 16 ms")),
    );
}

/// What localStorage holds for a journal of `entries` entries.
fn stored_journal(entries: usize) -> Vec<(String, String)> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    let mut model = Model::default();
    for entry in sample::journal_entries(entries, today, now) {
        model.journal.put(entry, now);
    }
    let mut store = MemoryStore::default();
    persist::save(&mut store, &mut model).expect("memory has room");
    store.contents().into_iter().collect()
}

fn seed(app: &App, stored: &[(String, String)]) {
    for (key, value) in stored {
        app.set_local_storage(key, value);
    }
}

/// Milliseconds from navigation to the app's `kindred:started` mark, on a fresh browser.
fn start_time(stored: &[(String, String)]) -> f64 {
    let app = App::start();
    app.open("#/journal");
    seed(&app, stored);
    app.reload();
    app.get("heading", "Journal");
    app.browser()
        .execute(
            "return performance.getEntriesByName('kindred:started')[0].startTime",
            &[],
        )
        .as_f64()
        .expect("the app marks its start")
}

/// Milliseconds from a keystroke in Search to the list being updated and laid out, median
/// over a word typed letter by letter and erased again.
fn search_keystroke(stored: &[(String, String)]) -> f64 {
    let app = App::start();
    app.open("#/journal");
    seed(&app, stored);
    app.reload();
    let search = app.get("searchbox", "Search");
    let mut times = Vec::new();
    for step in ["c", "l", "i", "n", "i", "c", "-", "-", "-", "-", "-", "-"] {
        let time = search.execute(
            "const [input, step] = arguments;
             return new Promise(resolve => {
                 const start = performance.now();
                 input.value = step === '-' ? input.value.slice(0, -1) : input.value + step;
                 input.dispatchEvent(new Event('input', { bubbles: true }));
                 // Leptos updates in microtasks; a new task runs after them. Reading the
                 // layout makes the browser lay the new list out before the clock stops.
                 setTimeout(() => {
                     void document.body.offsetHeight;
                     resolve(performance.now() - start);
                 }, 0);
             });",
            &[json!(step)],
        );
        times.push(time.as_f64().expect("a time"));
    }
    median(times)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn report(what: &str, value: f64, unit: &str, budget: Option<(bool, &str)>) {
    let verdict = match budget {
        Some((true, limit)) => format!("pass ({limit})"),
        Some((false, limit)) => format!("FAIL ({limit})"),
        None => String::new(),
    };
    println!("{what:<52} {value:>9.1} {unit:<3} {verdict}");
}
