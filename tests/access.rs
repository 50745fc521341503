//! Access for everyone: axe-core on every screen in both languages and both themes, the main
//! flows by keyboard alone, large text on a phone, touch targets, and the colour themes.

mod support;

use kindred_i18n::{Language, Messages};
use serde_json::json;
use support::{keys, App, SCREENS};

/// Opens Kindred with the sample neighbourhood stored, in `language`.
fn start_with_neighbourhood(language: Option<Language>) -> App {
    let app = App::start();
    app.open("");
    app.store_neighbourhood(|model| model.settings.language = language);
    app
}

/// Waits until the screen at `route` shows its heading (any language).
fn open_screen(app: &App, route: &str) {
    app.open(route);
    app.wait_for("the screen's heading", || {
        app.browser()
            .try_execute(
                "const h = document.querySelector('main h1'); return h !== null && h.textContent.trim() !== ''",
                &[],
            )
            .is_ok_and(|shown| shown == json!(true))
    });
}

#[test]
fn every_screen_passes_axe_in_both_languages_and_both_themes() {
    let mut found = Vec::new();
    for language in [Language::English, Language::TraditionalChinese] {
        let app = start_with_neighbourhood(Some(language));
        if language == Language::English {
            // The checker is really running: it finds a button planted without a name.
            app.browser().execute(
                "document.querySelector('main').append(document.createElement('button'))",
                &[],
            );
            let planted = app.axe_violations();
            assert!(
                planted.iter().any(|v| v.starts_with("button-name")),
                "{planted:?}"
            );
            app.reload();
        }
        for scheme in ["light", "dark"] {
            app.emulate_color_scheme(scheme);
            for route in SCREENS {
                open_screen(&app, route);
                for violation in app.axe_violations() {
                    found.push(format!("{language:?}, {scheme}, {route}: {violation}"));
                }
            }
            // The journal's form is a state of its screen that a tour of the screens
            // does not show.
            open_screen(&app, "#/journal");
            let words = Messages::new(language);
            app.get("button", &words.format("log_a_kindness", &[]))
                .click();
            app.get("textbox", &words.format("what_happened", &[]));
            for violation in app.axe_violations() {
                found.push(format!("{language:?}, {scheme}, journal form: {violation}"));
            }
        }
    }
    assert!(found.is_empty(), "axe-core found:\n{}", found.join("\n"));
}

#[test]
fn the_keyboard_alone_logs_an_entry_adds_a_helper_and_exports_a_file() {
    let app = App::start();
    app.open("#/journal");
    app.get("heading", "Journal");

    // The skip link is the first stop and takes the reader past the navigation.
    app.press(keys::TAB);
    assert_eq!(app.focused().computed_label(), "Skip to content");
    let outline = app
        .focused()
        .execute("return getComputedStyle(arguments[0]).outlineStyle", &[]);
    assert_ne!(
        outline,
        json!("none"),
        "the focused skip link shows a focus ring"
    );
    app.press(keys::ENTER);
    assert_eq!(
        app.focused().computed_label(),
        "Journal",
        "focus is on the heading"
    );

    app.tab_to("button", "Log a kindness");
    app.press(keys::ENTER);
    app.tab_to("textbox", "What happened");
    app.press("Walked Mr Lee's dog while he was ill");
    app.tab_to("button", "Save");
    app.press(keys::ENTER);
    app.get_with_text("listitem", "Walked Mr Lee's dog while he was ill");

    // Through the navigation to Helpers: back to the top with the skip link's neighbours.
    app.browser().execute("document.activeElement.blur()", &[]);
    app.tab_to("link", "Helpers");
    app.press(keys::ENTER);
    app.get("heading", "Helpers");
    app.tab_to("button", "Add helper");
    app.press(keys::ENTER);
    app.tab_to("textbox", "Name");
    app.press("May Chan");
    app.tab_to("button", "Save");
    app.press(keys::ENTER);
    app.get_with_text("listitem", "May Chan");

    app.browser().execute("document.activeElement.blur()", &[]);
    app.tab_to("link", "Share");
    app.press(keys::ENTER);
    app.get("heading", "Share");
    app.tab_to("button", "Export");
    app.press(keys::ENTER);
    let (name, text) = app.downloaded("kindred-");
    assert!(name.ends_with(".json"), "{name}");
    assert!(
        text.contains("May Chan"),
        "the exported file has the helper: {text}"
    );
}

/// Whether the page is wider than the viewport, so that reading it needs sideways scrolling.
fn scrolls_sideways(app: &App) -> bool {
    app.browser().execute(
        "return document.documentElement.scrollWidth > document.documentElement.clientWidth",
        &[],
    ) == json!(true)
}

fn root_font_px(app: &App) -> f64 {
    app.browser()
        .execute(
            "return parseFloat(getComputedStyle(document.documentElement).fontSize)",
            &[],
        )
        .as_f64()
        .expect("a size")
}

#[test]
fn large_text_grows_every_screen_without_sideways_scrolling_on_a_phone() {
    let app = start_with_neighbourhood(None);
    open_screen(&app, "#/settings");
    // 112.5 % of the browser's 16 px, and with Large text 137.5 %.
    assert_eq!(root_font_px(&app), 18.0, "the usual text size");
    app.get("checkbox", "Large text").click();
    app.wait_for("larger text", || root_font_px(&app) == 22.0);
    app.reload();
    assert!(
        app.get("checkbox", "Large text").property("checked") == json!(true),
        "the setting is kept"
    );
    for route in SCREENS {
        open_screen(&app, route);
        assert_eq!(root_font_px(&app), 22.0, "{route} has large text");
        assert!(
            !scrolls_sideways(&app),
            "{route} scrolls sideways with large text at 390 px"
        );
        app.screenshot(&format!("large-text-{}", &route[2..]));
    }
}

#[test]
fn controls_are_at_least_44_px_to_touch() {
    let app = start_with_neighbourhood(None);
    for route in SCREENS {
        open_screen(&app, route);
        // Buttons, fields, choices and the links that act as controls (navigation, card
        // links); a link inside a sentence is exempt (WCAG 2.5.8).
        let small = app.browser().execute(
            "const small = [];
             for (const el of document.querySelectorAll('button, select, input, textarea, nav a, .card a, summary')) {
               const r = el.getBoundingClientRect();
               if (r.width === 0 && r.height === 0) continue; // not shown
               let target = r;
               if (el.type === 'checkbox' || el.type === 'radio') {
                 // A choice is touched by its label as much as by its box.
                 const label = el.labels && el.labels[0];
                 if (label) {
                   const l = label.getBoundingClientRect();
                   target = { width: r.width + l.width, height: Math.max(r.height, l.height) };
                 }
               }
               if (target.width < 44 || target.height < 44) {
                 small.push(`${el.outerHTML.slice(0, 80)}: ${Math.round(target.width)}×${Math.round(target.height)}`);
               }
             }
             return small;",
            &[],
        );
        assert_eq!(
            small,
            json!([]),
            "{route} has controls smaller than 44 × 44 px"
        );
    }
}

fn background(app: &App) -> String {
    app.browser()
        .execute(
            "return getComputedStyle(document.body).backgroundColor",
            &[],
        )
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The page's background in each theme (`--bg` in style/kindred.css).
const LIGHT_PAGE: &str = "rgb(251, 250, 247)";
const DARK_PAGE: &str = "rgb(19, 23, 21)";

#[test]
fn colours_follow_the_device_unless_a_theme_is_chosen() {
    let app = App::start();
    app.open("#/settings");
    app.emulate_color_scheme("dark");
    app.get("heading", "Settings");
    assert_eq!(background(&app), DARK_PAGE, "dark device, dark page");
    app.emulate_color_scheme("light");
    assert_eq!(background(&app), LIGHT_PAGE, "light device, light page");

    app.get("combobox", "Colours").select("Dark");
    app.wait_for("the dark theme", || background(&app) == DARK_PAGE);
    app.reload();
    assert_eq!(background(&app), DARK_PAGE, "the chosen theme is kept");
    app.get("combobox", "Colours").select("Light");
    app.emulate_color_scheme("dark");
    app.wait_for("the light theme on a dark device", || {
        background(&app) == LIGHT_PAGE
    });
}
