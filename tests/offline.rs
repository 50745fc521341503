//! Offline and installable, safe by construction: the service worker, updates, sub-paths, the
//! Content-Security-Policy and no request to any other origin.

mod support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::App;

fn log(app: &App, text: &str) {
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened").type_text(text);
    app.get("button", "Save").click();
    app.get("list", "Journal entries")
        .within_with_text("listitem", text);
}

/// Waits until the service worker has installed this build and controls the page.
fn wait_until_offline_ready(app: &App) {
    app.wait_for("the service worker to control the page", || {
        app.browser().execute(
            "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)",
            &[],
        ) == Value::Bool(true)
    });
}

/// A copy of `dist/` in a fresh directory, under `sub_path` inside it.
fn copy_of_dist(name: &str, sub_path: &str) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&root);
    copy_dir(&App::dist_dir(), &root.join(sub_path));
    root
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn after_the_first_visit_every_screen_works_and_saves_with_the_server_gone() {
    let app = App::start();
    app.open("#/journal");
    log(&app, "Walked the neighbour's dog");
    wait_until_offline_ready(&app);

    app.server().stop();
    app.reload();
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Walked the neighbour's dog");
    for screen in [
        "Helpers", "Needs", "Share", "Insights", "Settings", "Journal",
    ] {
        app.get("navigation", "Main").within("link", screen).click();
        app.get("heading", screen);
    }
    log(&app, "Written with no network");
    app.reload();
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Written with no network");
    app.screenshot("offline-journal-390");
    app.server().restart();
}

#[test]
fn a_new_deployment_is_announced_and_reloading_takes_it_with_the_data_untouched() {
    let app = App::start();
    app.open("#/journal");
    log(&app, "Before the update");
    wait_until_offline_ready(&app);

    // Deploy a changed build: the same files with a new service worker, as every build has.
    let next = copy_of_dist("next-build", "");
    let sw = next.join("sw.js");
    let script = std::fs::read_to_string(&sw).unwrap();
    let old_cache = script.split('"').nth(1).unwrap().to_string();
    assert!(old_cache.starts_with("kindred-"), "{old_cache}");
    std::fs::write(&sw, script.replace(&old_cache, "kindred-the-next-build")).unwrap();
    app.server().set_root(next);

    app.reload();
    // The browser checks for the new service worker and installs it, with all its files,
    // in the background: allow it longer than a click takes.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !app
        .page_text()
        .contains("A new version of Kindred is ready")
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no update notice within 30 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let notice = app.get_with_text("status", "A new version of Kindred is ready");
    app.screenshot("update-ready-390");
    notice.within("button", "Reload to update").click();
    app.wait_for("the new version to take over", || {
        app.browser()
            .execute("return caches.keys().then(k => JSON.stringify(k))", &[])
            .as_str()
            .is_some_and(|keys| {
                keys.contains("kindred-the-next-build") && !keys.contains(&old_cache)
            })
    });
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Before the update");
    assert!(app.query("button", "Reload to update").is_none());
}

#[test]
fn kindred_works_under_a_sub_path_and_offline_there_too() {
    let app = App::start();
    app.server().set_root(copy_of_dist("sub-path", "kindred"));
    app.browser().navigate(&app.url("kindred/#/journal"));
    app.get("heading", "Journal");
    log(&app, "Served from a sub-path");
    wait_until_offline_ready(&app);
    let scope = app.browser().execute(
        "return navigator.serviceWorker.getRegistration().then(r => r.scope)",
        &[],
    );
    assert!(scope.as_str().unwrap().ends_with("/kindred/"), "{scope}");
    app.server().stop();
    app.browser().navigate(&app.url("kindred/#/settings"));
    app.get("heading", "Settings");
    app.server().restart();
}

#[test]
fn a_javascript_link_does_not_run_because_the_policy_forbids_it() {
    let app = App::start();
    app.open("#/journal");
    let outcome = app.browser().execute(
        "window.violations = [];
         document.addEventListener('securitypolicyviolation', e => window.violations.push(e.violatedDirective));
         const link = document.createElement('a');
         link.href = 'javascript:window.ran = true';
         link.textContent = 'planted';
         document.body.append(link);
         link.click();
         return new Promise(resolve => setTimeout(() => resolve({ ran: window.ran === true, violations: window.violations }), 200));",
        &[],
    );
    assert_eq!(outcome["ran"], false, "{outcome}");
    assert!(
        outcome["violations"].to_string().contains("script-src"),
        "the policy refused it: {outcome}"
    );
}

#[test]
fn across_a_session_no_request_leaves_the_origin_and_our_code_breaks_no_policy() {
    let app = App::start();
    app.open("#/journal");
    log(&app, "Checked every request");
    for screen in [
        "Helpers", "Needs", "Share", "Insights", "Settings", "Journal",
    ] {
        app.get("navigation", "Main").within("link", screen).click();
        app.get("heading", screen);
    }
    wait_until_offline_ready(&app);
    app.reload();
    let origin = app.url("");
    let requests = app.browser().execute(
        "return performance.getEntriesByType('resource').map(e => e.name)
             .concat(performance.getEntriesByType('navigation').map(e => e.name))",
        &[],
    );
    let requests: Vec<String> = serde_json::from_value(requests).unwrap();
    assert!(!requests.is_empty());
    for url in &requests {
        assert!(url.starts_with(&origin), "a request left the origin: {url}");
    }
    // The browser reports every policy violation and failed request as a console error.
    assert!(
        app.console_errors().is_empty(),
        "{:?}",
        app.console_errors()
    );
}
