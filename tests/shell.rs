//! The app shell: every screen by its address and through the main navigation.

mod support;

use support::App;

const SCREENS: [(&str, &str); 7] = [
    ("journal", "Journal"),
    ("helpers", "Helpers"),
    ("needs", "Needs"),
    ("checkins", "Check-ins"),
    ("share", "Share"),
    ("insights", "Insights"),
    ("settings", "Settings"),
];

#[test]
fn every_screen_opens_by_its_address_and_stays_after_a_reload() {
    let app = App::start();
    for (slug, name) in SCREENS {
        app.open(&format!("#/{slug}"));
        app.get("heading", name);
        assert_eq!(
            app.all("heading")
                .iter()
                .filter(|h| h.tag_name() == "h1")
                .count(),
            1
        );
        app.reload();
        app.get("heading", name);
        app.screenshot(&format!("screen-{slug}-390"));
    }
    assert!(
        app.console_errors().is_empty(),
        "{:?}",
        app.console_errors()
    );
}

#[test]
fn the_main_navigation_reaches_every_screen_and_marks_the_current_one() {
    let app = App::start_with_size(1280, 800);
    app.open("");
    app.get("heading", "Journal");
    let nav = app.get("navigation", "Main");
    for (_, name) in SCREENS {
        nav.within("link", name).click();
        app.get("heading", name);
        let current = nav.within("link", name);
        assert_eq!(current.attr("aria-current").as_deref(), Some("page"));
        app.screenshot(&format!("screen-{}-1280", name.to_lowercase()));
    }
    // History works as people expect.
    app.browser().execute("history.back()", &[]);
    app.get("heading", "Insights");
}
