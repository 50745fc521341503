//! What another tab can do under an open one, and how the open one keeps what it holds: a
//! newer Kindred's data is never written over, and storage emptied elsewhere is noticed and
//! can be filled again from this tab.

mod support;

use support::App;

fn log(app: &App, text: &str) {
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened").type_text(text);
    app.get("button", "Save").click();
    app.get("list", "Journal entries")
        .within_with_text("listitem", text);
}

fn stored_anywhere(app: &App, text: &str) -> bool {
    app.local_storage().values().any(|v| v.contains(text))
}

/// A bucket as the next Kindred (schema 3) might write it.
const NEWER: &str =
    "{\"format\":\"kindred\",\"schema\":3,\"records\":[{\"written\":\"by the next Kindred\"}]}";

#[test]
fn data_a_newer_kindred_wrote_in_another_tab_is_never_written_over_and_this_tab_says_reload() {
    let app = App::start_with_size(1280, 900);
    app.open("#/journal");
    log(&app, "Before the update");
    app.wait_for("the entry to be saved", || {
        stored_anywhere(&app, "Before the update")
    });
    let older = app.browser().window_handle();
    let newer = app.browser().new_window();
    app.browser().switch_to_window(&newer);
    app.open("#/journal");
    let bucket = app
        .local_storage()
        .into_iter()
        .find(|(_, v)| v.contains("Before the update"))
        .map(|(k, _)| k)
        .unwrap();
    // The updated tab rewrites the bucket in its own layout.
    app.set_local_storage(&bucket, NEWER);

    app.browser().switch_to_window(&older);
    let alert = app.get_with_text("alert", "updated in another tab");
    alert.within("button", "Download all data");
    alert.within("button", "Reload");
    app.screenshot("updated-elsewhere-1280");
    log(&app, "Typed in the older tab");
    // Saves are batched; give them more than their moment.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert_eq!(
        app.local_storage().get(&bucket).map(String::as_str),
        Some(NEWER),
        "the newer data is exactly as written"
    );
    assert!(
        !stored_anywhere(&app, "Typed in the older tab"),
        "this tab writes nothing more"
    );
    assert!(
        app.all("alert")
            .iter()
            .all(|a| !a.text().contains("could not be read")),
        "newer data is not called unreadable"
    );

    // A start of the older build beside newer data says the same and keeps it.
    app.browser().close_window();
    app.browser().switch_to_window(&newer);
    app.reload();
    app.get_with_text("alert", "updated in another tab");
    assert_eq!(
        app.local_storage().get(&bucket).map(String::as_str),
        Some(NEWER)
    );
    assert!(
        !app.local_storage()
            .keys()
            .any(|k| k.starts_with("kindred/unreadable/")),
        "nothing set aside as unreadable"
    );
}

#[test]
fn storage_emptied_in_another_tab_is_noticed_and_put_back_from_this_one() {
    let app = App::start();
    app.open("#/journal");
    log(&app, "Drove Mrs Chan to the clinic");
    log(&app, "Soup for Mr Lee");
    app.wait_for("both entries to be saved", || {
        stored_anywhere(&app, "Soup for Mr Lee")
    });
    let first = app.browser().window_handle();
    let second = app.browser().new_window();
    app.browser().switch_to_window(&second);
    app.open("#/journal");
    app.clear_local_storage();

    app.browser().switch_to_window(&first);
    let alert = app.get_with_text("alert", "was removed from this browser");
    app.screenshot("data-vanished-390");
    // Until the person chooses, an edit here does not bring back a part of it.
    log(&app, "Fixed the gate");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        !app.local_storage()
            .keys()
            .any(|k| k.starts_with("kindred/")),
        "nothing written back piecemeal: {:?}",
        app.local_storage().keys().collect::<Vec<_>>()
    );
    alert
        .within("button", "Put it all back from this tab")
        .click();
    app.wait_for("everything to be stored again", || {
        [
            "Drove Mrs Chan to the clinic",
            "Soup for Mr Lee",
            "Fixed the gate",
        ]
        .iter()
        .all(|t| stored_anywhere(&app, t))
            && app.local_storage().contains_key("kindred/settings")
    });
    app.reload();
    for text in [
        "Drove Mrs Chan to the clinic",
        "Soup for Mr Lee",
        "Fixed the gate",
    ] {
        app.get("list", "Journal entries")
            .within_with_text("listitem", text);
    }
}

#[test]
fn storage_emptied_under_a_tab_without_a_word_is_noticed_at_its_next_save() {
    let app = App::start();
    app.open("#/journal");
    log(&app, "Carried the shopping");
    app.wait_for("the entry to be saved", || {
        stored_anywhere(&app, "Carried the shopping")
    });
    // As when the browser clears site data: no event reaches the page.
    app.browser().execute("localStorage.clear()", &[]);
    log(&app, "Walked the dog");
    app.get_with_text("alert", "was removed from this browser");
    assert!(
        !app.local_storage()
            .keys()
            .any(|k| k.starts_with("kindred/")),
        "the new entry alone was not written back"
    );
}
