//! Offline and installable, safe by construction: the service worker, updates, sub-paths, the
//! Content-Security-Policy and no request to any other origin.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use support::App;

/// What the update notice says.
const UPDATE_READY: &str = "A new version of Kindred is ready";

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

/// Waits up to `seconds` for `condition`: for what the browser does in the background, such as
/// installing a new service worker with all its files, which takes longer than a click.
fn wait_up_to(seconds: u64, description: &str, mut condition: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    while !condition() {
        assert!(
            Instant::now() < deadline,
            "timed out after {seconds} s waiting for {description}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The names of the caches the page's origin has, as JSON.
fn cache_names(app: &App) -> String {
    let names = app
        .browser()
        .execute("return caches.keys().then(k => JSON.stringify(k))", &[]);
    names.as_str().unwrap().to_string()
}

/// The cache name a worker script keeps its build under.
fn cache_name_in(worker: &str) -> &str {
    worker
        .lines()
        .find_map(|line| line.strip_prefix("const CACHE = \""))
        .and_then(|rest| rest.split('"').next())
        .expect("a cache name in sw.js")
}

/// The policy's source for the page's one inline script, which starts the app.
fn inline_script_hash(page: &str) -> String {
    let script = page
        .split_once("<script type=\"module\">")
        .and_then(|(_, rest)| rest.split_once("</script>"))
        .expect("an inline module script in index.html")
        .0;
    format!("'sha256-{}'", STANDARD.encode(Sha256::digest(script)))
}

/// A new deployment whose code changed: a copy of `dist/` with other names for the wasm and JS
/// files (as a build of other code gets from Trunk), its page and worker naming them, the
/// policy allowing the page's changed inline script, and the cache name `cache`.
fn renamed_build(name: &str, cache: &str) -> PathBuf {
    let root = copy_of_dist(name, "");
    let read = |file: &str| std::fs::read_to_string(root.join(file)).unwrap();
    let (mut page, mut worker) = (read("index.html"), read("sw.js"));
    let old_hash = inline_script_hash(&page);
    let code: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| (name.ends_with(".js") || name.ends_with(".wasm")) && name != "sw.js")
        .collect();
    assert_eq!(code.len(), 2, "one JS file and its wasm in dist/: {code:?}");
    for old in &code {
        let new = format!("next-{old}");
        std::fs::rename(root.join(old), root.join(&new)).unwrap();
        page = page.replace(old, &new);
        worker = worker.replace(old, &new);
    }
    assert!(page.contains(&old_hash), "the policy allows {old_hash}");
    page = page.replace(&old_hash, &inline_script_hash(&page));
    let old_cache = cache_name_in(&worker).to_owned();
    worker = worker.replace(&old_cache, cache);
    std::fs::write(root.join("index.html"), page).unwrap();
    std::fs::write(root.join("sw.js"), worker).unwrap();
    root
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
    let old_cache = cache_name_in(&script).to_string();
    assert!(old_cache.starts_with("kindred-"), "{old_cache}");
    std::fs::write(&sw, script.replace(&old_cache, "kindred-the-next-build")).unwrap();
    app.server().set_root(next);

    app.reload();
    wait_up_to(30, "the update notice", || {
        app.page_text().contains(UPDATE_READY)
    });
    let notice = app.get_with_text("status", UPDATE_READY);
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
fn on_a_host_that_lets_browsers_keep_files_an_update_installs_its_own_page_and_starts() {
    let app = App::start();
    // As GitHub Pages does: the browser's HTTP cache keeps every file for ten minutes.
    app.server().set_max_age(600);
    app.open("#/journal");
    log(&app, "Before the update");
    wait_until_offline_ready(&app);

    // Fetched through that cache, the new worker would get the previous index.html, which
    // names files the new deployment no longer has.
    let next = renamed_build("renamed-build", "kindred-renamed-build");
    app.server().set_root(next.clone());
    app.reload();
    wait_up_to(30, "the update notice", || {
        app.page_text().contains(UPDATE_READY)
    });
    // The previous build's files, still in the HTTP cache, would hide such a page for ten
    // minutes; the person may well choose to reload later. Drop them, as time would.
    app.browser()
        .devtools("Network.clearBrowserCache", json!({}));
    app.browser().execute("window.beforeTheUpdate = true", &[]);
    app.get_with_text("status", UPDATE_READY)
        .within("button", "Reload to update")
        .click();
    wait_up_to(15, "the new version to start", || {
        app.browser()
            .try_execute(
                "return window.beforeTheUpdate === undefined && !!document.querySelector('nav')",
                &[],
            )
            .is_ok_and(|started| started == json!(true))
    });
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Before the update");
    log(&app, "After the update");

    assert_eq!(cache_names(&app), r#"["kindred-renamed-build"]"#);
    let page = std::fs::read_to_string(next.join("index.html")).unwrap();
    for url in ["./", "./index.html"] {
        let kept = app.browser().execute(
            "return caches.open('kindred-renamed-build')
                 .then(cache => cache.match(arguments[0])).then(r => r.text())",
            &[json!(url)],
        );
        assert_eq!(
            kept.as_str(),
            Some(page.as_str()),
            "the page kept for {url}"
        );
    }
}

#[test]
fn a_new_worker_refuses_the_previous_page_and_the_previous_build_goes_on_working() {
    let app = App::start();
    app.open("#/journal");
    log(&app, "Before the update");
    wait_until_offline_ready(&app);
    let before = cache_names(&app);

    // A host whose cache (a CDN's edge, say) has the new files and worker but still serves
    // the previous page.
    let next = renamed_build("half-deployed", "kindred-half-deployed");
    std::fs::copy(App::dist_dir().join("index.html"), next.join("index.html")).unwrap();
    app.server().set_root(next);
    app.reload();
    // The page asked for an update as it started; asking again joins or repeats that one.
    let outcome = app.browser().execute(
        "return (async () => {
             const registration = await navigator.serviceWorker.getRegistration();
             await registration.update();
             const worker = registration.installing;
             if (!worker) return registration.waiting ? 'installed' : 'no new worker';
             return new Promise(resolve => {
                 const settled = () => worker.state !== 'installing' && resolve(worker.state);
                 worker.addEventListener('statechange', settled);
                 settled();
             });
         })();",
        &[],
    );
    assert_eq!(
        outcome, "redundant",
        "the new worker took the previous page"
    );
    assert_eq!(cache_names(&app), before);
    assert!(!app.page_text().contains(UPDATE_READY));

    app.reload();
    app.get("list", "Journal entries")
        .within_with_text("listitem", "Before the update");
    log(&app, "After the refused update");
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
