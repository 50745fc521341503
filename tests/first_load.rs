//! The first visit on a phone. Before the app's code has arrived, the page already shows
//! Kindred's frame, its navigation and that the journal is opening, in the person's language;
//! once the app is up, the app's own frame has replaced it. A host that sends the build's
//! compressed copies starts the same app.

mod support;

use kindred_core::persist;
use kindred_core::settings::{Settings, Theme};
use kindred_core::storage::MemoryStore;
use kindred_i18n::{Language, Messages};
use serde_json::json;
use support::static_server::Compression;
use support::App;

/// Every link of the one visible navigation named `nav_name`: its name and address.
fn links(app: &App, nav_name: &str) -> Vec<(String, String)> {
    app.get("navigation", nav_name)
        .all_within("link")
        .iter()
        .map(|link| {
            (
                link.computed_label(),
                link.attr("href").expect("an address"),
            )
        })
        .collect()
}

/// The screens' names in `language`, in the order of the app's navigation.
fn screen_names(language: Language) -> Vec<String> {
    let messages = Messages::new(language);
    [
        "screen_journal",
        "screen_helpers",
        "screen_needs",
        "screen_checkins",
        "screen_share",
        "screen_insights",
        "screen_settings",
    ]
    .iter()
    .map(|id| messages.format(id, &[]))
    .collect()
}

/// Holds the app's code back from now on (as on a slow line, before the wasm has arrived):
/// what the page shows then is all that index.html shows.
fn hold_back_the_code(app: &App) {
    app.browser().devtools("Network.enable", json!({}));
    app.browser()
        .devtools("Network.setBlockedURLs", json!({ "urls": ["*.wasm"] }));
}

/// Opens `route` in a fresh browser with the app's code held back.
fn open_without_the_code(app: &App, route: &str) {
    hold_back_the_code(app);
    app.browser().navigate(&app.url(route));
}

/// The browser's preferred languages from now on, as a phone set to them sends them.
fn prefer_languages(app: &App, languages: &str) {
    let agent = app.browser().execute("return navigator.userAgent", &[]);
    app.browser().devtools(
        "Emulation.setUserAgentOverride",
        json!({ "userAgent": agent, "acceptLanguage": languages }),
    );
}

#[test]
fn before_the_code_arrives_the_page_shows_the_navigation_and_that_the_journal_is_opening() {
    let app = App::start();
    open_without_the_code(&app, "#/journal");
    let english = Messages::new(Language::English);
    let heading = app.get("heading", "Opening your journal…");
    assert_eq!(heading.tag_name(), "h1");
    let names: Vec<String> = links(&app, &english.format("main_nav", &[]))
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(names, screen_names(Language::English));
    let text = app.page_text();
    assert!(text.contains(&english.format("tagline", &[])), "{text}");
    assert!(
        !text.contains("日記"),
        "only the page's language shows: {text}"
    );
    assert_eq!(app.axe_violations(), Vec::<String>::new());
    app.screenshot("first-paint-phone");

    let desktop = App::start_with_size(1280, 900);
    open_without_the_code(&desktop, "#/journal");
    desktop.get("heading", "Opening your journal…");
    desktop.screenshot("first-paint-desktop");
}

#[test]
fn a_browser_that_prefers_chinese_gets_the_first_paint_in_traditional_chinese() {
    let app = App::start();
    prefer_languages(&app, "zh-TW,zh,en");
    open_without_the_code(&app, "#/journal");
    let chinese = Messages::new(Language::TraditionalChinese);
    app.get("heading", "正在打開你的日記…");
    let names: Vec<String> = links(&app, &chinese.format("main_nav", &[]))
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(names, screen_names(Language::TraditionalChinese));
    let text = app.page_text();
    assert!(text.contains(&chinese.format("tagline", &[])), "{text}");
    assert!(
        !text.contains("Opening"),
        "only the page's language shows: {text}"
    );
    assert_eq!(app.axe_violations(), Vec::<String>::new());
    app.screenshot("first-paint-chinese");
}

#[test]
fn the_language_and_colours_chosen_in_settings_win_over_the_browsers_in_the_first_paint_too() {
    let app = App::start();
    prefer_languages(&app, "zh-TW,zh");
    open_without_the_code(&app, "#/journal");
    let settings = Settings {
        language: Some(Language::English),
        theme: Theme::Dark,
        large_text: true,
        ..Settings::default()
    };
    let mut store = MemoryStore::default();
    persist::save_settings(&mut store, &settings).expect("memory has room");
    for (key, value) in store.contents() {
        app.set_local_storage(&key, &value);
    }
    app.browser().refresh();
    app.get("heading", "Opening your journal…");
    let root = app.browser().execute(
        "const root = document.documentElement;
         return [root.lang, root.dataset.theme, root.classList.contains('large-text')];",
        &[],
    );
    assert_eq!(root, json!(["en", "dark", true]));
    app.screenshot("first-paint-dark-large");
}

#[test]
fn once_the_app_is_up_its_own_frame_has_replaced_the_first_paint_with_the_same_links() {
    let app = App::start();
    open_without_the_code(&app, "#/helpers");
    let before = links(&app, "Main");

    app.browser()
        .devtools("Network.setBlockedURLs", json!({ "urls": [] }));
    // The address the person opened, or a link pressed before the code arrived, is the
    // screen the app opens.
    app.reload();
    app.get("heading", "Helpers");
    assert_eq!(links(&app, "Main"), before);
    assert_eq!(app.all("navigation").len(), 1, "one navigation");
    assert_eq!(
        app.browser()
            .execute("return document.querySelectorAll('h1').length", &[]),
        json!(1),
        "one heading of the first level"
    );
    assert!(!app.page_text().contains("Opening your journal"));
    assert_eq!(app.axe_violations(), Vec::<String>::new());
}

#[test]
fn from_a_host_that_sends_the_builds_brotli_and_gzip_copies_the_app_starts_and_works() {
    for (accepted, encoding) in [("gzip, deflate, br", "br"), ("gzip", "gzip")] {
        let app = App::start();
        app.server().set_compression(Compression::Precompressed);
        app.browser().devtools("Network.enable", json!({}));
        app.browser().devtools(
            "Network.setExtraHTTPHeaders",
            json!({ "headers": { "Accept-Encoding": accepted } }),
        );
        app.open("#/journal");
        app.get("button", "Log a kindness").click();
        app.get("textbox", "What happened")
            .type_text("Carried the shopping upstairs");
        app.get("button", "Save").click();
        app.get_with_text("listitem", "Carried the shopping upstairs");
        // The wasm came as the copy asked for: as many bytes as that copy on disk.
        let wasm = app.browser().execute(
            "const entry = performance.getEntriesByType('resource')
                 .find(entry => entry.name.endsWith('.wasm'));
             return [new URL(entry.name).pathname, entry.encodedBodySize];",
            &[],
        );
        let extension = if encoding == "br" { "br" } else { "gz" };
        let copy = App::dist_dir().join(format!(
            "{}.{extension}",
            wasm[0].as_str().unwrap().trim_start_matches('/')
        ));
        let copy_size = std::fs::metadata(&copy).expect("the copy").len();
        assert_eq!(
            wasm[1].as_u64(),
            Some(copy_size),
            "{encoding}: {}",
            copy.display()
        );
    }
}
