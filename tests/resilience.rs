//! Resilience: several tabs editing at once never lose each other's changes.

mod support;

use serde_json::Value;
use support::App;

/// Records stored under `kindred/journal/*`, counted from the raw localStorage text.
fn stored_entries(app: &App) -> Vec<String> {
    app.local_storage()
        .iter()
        .filter(|(key, _)| key.starts_with("kindred/journal/"))
        .flat_map(|(_, value)| {
            let bucket: Value = serde_json::from_str(value).expect("a readable bucket");
            bucket["records"]
                .as_array()
                .expect("records")
                .iter()
                .map(|r| r["text"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Logs an entry through the form in one round trip: the same clicks and typing a person
/// makes, scripted in the page, because finding by role costs a round trip per candidate and
/// a hundred edits over a growing list would crawl.
fn log(app: &App, text: &str) {
    let outcome = app.browser().execute(
        "const text = arguments[0];
         const tick = () => new Promise(resolve => setTimeout(resolve, 0));
         const button = name => [...document.querySelectorAll('button')]
             .find(b => b.textContent.trim() === name);
         button('Log a kindness').click();
         await tick();
         const field = document.getElementById('entry-text');
         field.value = text;
         field.dispatchEvent(new Event('input', { bubbles: true }));
         button('Save').click();
         for (let i = 0; i < 200; i++) {
             await tick();
             const list = document.querySelector('ul[aria-label=\"Journal entries\"]');
             if (list && list.textContent.includes(text)) {
                 return 'shown';
             }
         }
         return 'not shown';",
        &[serde_json::json!(text)],
    );
    assert_eq!(outcome, "shown", "{text}");
}

#[test]
fn two_tabs_with_a_hundred_interleaved_edits_each_keep_every_edit_in_both_tabs_and_in_storage() {
    const EDITS_PER_TAB: usize = 100;
    let app = App::start_with_size(1280, 900);
    app.open("#/journal");
    let first = app.browser().window_handle();
    let second = app.browser().new_window();
    app.browser().switch_to_window(&second);
    app.open("#/journal");

    for i in 0..EDITS_PER_TAB {
        for (tab, name) in [(&first, "first"), (&second, "second")] {
            app.browser().switch_to_window(tab);
            log(&app, &format!("{name} tab, edit {i}"));
        }
    }
    let total = 2 * EDITS_PER_TAB;
    for tab in [&first, &second] {
        app.browser().switch_to_window(tab);
        app.wait_for("every edit in this tab", || {
            app.page_text().contains(&format!("{total} entries"))
        });
    }
    app.wait_for("every edit in storage", || {
        stored_entries(&app).len() == total
    });
    let mut stored = stored_entries(&app);
    stored.sort();
    stored.dedup();
    assert_eq!(stored.len(), total, "no edit stored twice or lost");
}
