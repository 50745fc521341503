//! English and Traditional Chinese: the whole interface changes language, the data does not,
//! and the choice is kept.

mod support;

use kindred_core::model::Model;
use serde_json::{json, Value};
use support::{App, SCREENS};

/// Every text a reader meets on the page: visible text, and the names and hints a screen
/// reader reads from attributes.
fn visible_strings(app: &App) -> Vec<String> {
    let found: Value = app.browser().execute(
        "const out = [];
         const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
         while (walker.nextNode()) {
           const text = walker.currentNode.textContent.trim();
           const parent = walker.currentNode.parentElement;
           if (text && parent && parent.checkVisibility() && !parent.closest('[aria-hidden=true]')) out.push(text);
         }
         for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
           for (const name of ['aria-label', 'placeholder', 'title']) {
             const text = (el.getAttribute(name) || '').trim();
             if (text) out.push(text);
           }
         }
         return out;",
        &[],
    );
    serde_json::from_value(found).expect("strings")
}

/// What the person wrote (or a neighbour's file brought): never translated.
fn user_data(model: &Model) -> Vec<String> {
    let mut data = Vec::new();
    for entry in model.journal.live() {
        data.extend([
            entry.text.clone(),
            entry.person.clone(),
            entry.category.clone(),
        ]);
    }
    for helper in model.helpers.live() {
        data.extend([
            helper.name.clone(),
            helper.area.clone(),
            helper.phone.clone(),
            helper.email.clone(),
        ]);
        data.extend(helper.can_help_with.iter().cloned());
        data.extend(helper.languages.iter().cloned());
    }
    for need in model.needs.live() {
        data.extend([
            need.what.clone(),
            need.for_whom.clone(),
            need.category.clone(),
        ]);
    }
    for person in model.checkin_people.live() {
        data.extend([
            person.name.clone(),
            person.phone.clone(),
            person.address.clone(),
            person.emergency_contact.clone(),
            person.language.clone(),
            person.notes.clone(),
        ]);
    }
    for round in model.rounds.live() {
        data.extend([round.reason.clone(), round.started_by.clone()]);
    }
    for mark in model.marks.live() {
        data.push(mark.by.clone());
    }
    data.extend(model.settings.categories.iter().cloned());
    data.retain(|d| !d.is_empty());
    data
}

/// Whether `text` is only the reader's own data (with separators), the app's name, or has
/// no words at all.
fn needs_no_translation(text: &str, data: &[String]) -> bool {
    let mut rest = text.replace("Kindred", "");
    let mut longest_first: Vec<&String> = data.iter().collect();
    longest_first.sort_by_key(|d| std::cmp::Reverse(d.len()));
    for d in longest_first {
        rest = rest.replace(d.as_str(), "");
    }
    !rest.chars().any(char::is_alphabetic)
}

#[test]
fn switching_language_changes_every_visible_string_on_the_journal_screen_and_survives_a_reload() {
    let app = App::start();
    app.open("#/journal");
    let model = app.store_neighbourhood(|_| {});
    app.get("heading", "Journal");
    let english = visible_strings(&app);
    let data = user_data(&model);
    assert!(english.iter().any(|s| s == "Log a kindness"), "{english:?}");

    app.get("link", "Settings").click();
    app.get("combobox", "Language").select("繁體中文");
    app.wait_for("the page in Chinese", || {
        app.browser()
            .execute("return document.documentElement.lang", &[])
            == json!("zh-Hant")
    });
    assert_eq!(
        app.focused().attr("id").as_deref(),
        Some("language"),
        "after the interface is redrawn, the keyboard is still on the language select"
    );
    app.get("link", "日記").click();
    app.get("heading", "日記");
    let chinese = visible_strings(&app);

    let unchanged: Vec<&String> = english
        .iter()
        .filter(|s| chinese.contains(s) && !needs_no_translation(s, &data))
        .collect();
    assert!(
        unchanged.is_empty(),
        "still in English after switching: {unchanged:?}"
    );
    for entry in model.journal.live() {
        assert!(
            chinese.iter().any(|s| s.contains(&entry.text)),
            "the entry {:?} is shown as written",
            entry.text
        );
    }

    app.reload();
    app.get("heading", "日記");
    assert_eq!(
        app.browser()
            .execute("return document.documentElement.lang", &[]),
        json!("zh-Hant"),
        "screen readers are told the page's language"
    );
    let stored = app.local_storage()["kindred/settings"].clone();
    assert!(stored.contains("\"language\":\"zh-Hant\""), "{stored}");
}

#[test]
fn a_browser_that_prefers_chinese_opens_kindred_in_chinese_until_english_is_chosen() {
    let app = App::start();
    // What a phone set to Traditional Chinese (Taiwan) reports, before any page script runs.
    app.browser().devtools(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "Object.defineProperty(navigator, 'languages', { get: () => ['zh-TW', 'zh'] });" }),
    );
    app.open("#/journal");
    app.get("heading", "日記");
    // A first start offers its categories in its language: they are data from then on.
    app.get("button", "記下一件善行").click();
    let categories = app.get("combobox", "類別").text();
    assert!(
        categories.contains("接送") && !categories.contains("a ride"),
        "{categories}"
    );
    app.get("button", "取消").click();
    app.get("link", "設定").click();
    app.get("combobox", "語言").select("English");
    app.get("link", "Journal").click();
    app.get("heading", "Journal");
    app.reload();
    app.get("heading", "Journal");
}

#[test]
fn every_screen_is_in_chinese_after_switching_except_what_people_wrote() {
    let app = App::start();
    app.open("#/journal");
    let model = app.store_neighbourhood(|_| {});
    let data = user_data(&model);
    let mut english = Vec::new();
    for route in SCREENS {
        app.open(route);
        app.get("navigation", "Main");
        english.push(visible_strings(&app));
    }
    app.open("#/settings");
    app.get("combobox", "Language").select("繁體中文");
    app.get("heading", "設定");
    let mut left = Vec::new();
    for (route, english) in SCREENS.iter().zip(english) {
        app.open(route);
        app.get("navigation", "主選單");
        let chinese = visible_strings(&app);
        left.extend(
            english
                .into_iter()
                // The language select names each language in itself, English included.
                .filter(|s| {
                    chinese.contains(s) && !needs_no_translation(s, &data) && s != "English"
                })
                .map(|s| format!("{route}: {s}")),
        );
        assert_eq!(
            app.browser()
                .execute("return document.title", &[])
                .as_str()
                .map(|t| t.contains("Kindred")),
            Some(true)
        );
    }
    assert!(
        left.is_empty(),
        "still in English after switching: {left:#?}"
    );
}
