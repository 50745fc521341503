//! Support for Kindred's browser tests: the built app, served locally and driven in
//! headless Chromium the way a person with a screen reader would use it.
//!
//! ```ignore
//! mod support;
//! use support::App;
//!
//! #[test]
//! fn writes_a_journal_entry() {
//!     let app = App::start();
//!     app.open("#/journal");
//!     app.get("textbox", "What kind thing happened?").type_text("Helped a neighbour");
//!     app.get("button", "Save").click();
//!     app.wait_for_text("Helped a neighbour");
//! }
//! ```
//!
//! Elements are found by their accessible role and name ([`App::get`]), as Chromium's
//! accessibility tree computes them, never by CSS class or id: a test that can find a
//! control this way has also checked that the control is labelled.
//!
//! Role names are the ones Chromium reports, which are the ARIA roles except for a few
//! native controls without an ARIA equivalent. What Chromium 156 reports:
//!
//! | element                                          | role          |
//! |--------------------------------------------------|---------------|
//! | `<input>`, `type=text/email/tel/url/password`, `<textarea>` | `textbox` |
//! | `<input type=search>`                            | `searchbox`   |
//! | `<input type=number>`                            | `spinbutton`  |
//! | `<input type=date>`                              | `Date`        |
//! | `<input type=datetime-local/month/week>`         | `DateTime`    |
//! | `<input type=time>`                              | `InputTime`   |
//! | `<input type=color>`                             | `ColorWell`   |
//! | `<input type=range>`                             | `slider`      |
//! | `<input type=file>`                              | `button` (named by its label) |
//! | `<input type=submit/reset/button>`               | `button`      |
//! | `<select>` (single choice)                       | `combobox`    |
//! | `<select multiple>`, `<select size=…>`           | `listbox`     |
//! | `<input list=…>`                                 | `combobox`    |
//! | `<img alt=…>`, `role=img`, `<svg role=img>`      | `image` (`"img"` is accepted too) |
//! | `<section>` with `aria-label`/`aria-labelledby`  | `region` (without a name: `generic`) |
//! | `<fieldset>`, `<details>`                        | `group`       |
//! | `<summary>`                                      | `DisclosureTriangle` |
//! | `<output>`                                       | `status`      |
//! | `<th>` / `<td>`                                  | `columnheader` / `cell` |
//! | top-level `<header>` / `<footer>`                | `banner` / `contentinfo` |
//!
//! Hidden elements (`display: none`, `visibility: hidden`, `aria-hidden="true"`) have the
//! role `none` and an empty name, so queries never find them.
//!
//! Every test file uses only part of this module.

// Each test file is its own crate that includes this module and uses a different part of
// it; without this, every file would warn about the helpers it does not call.
#![allow(dead_code)]

pub mod face_to_face;
pub mod sample;
pub mod static_server;
pub mod webdav;
pub mod webdriver;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub use static_server::StaticServer;
pub use webdriver::{Browser, Element, WebDriverError};

/// The address of every screen.
pub const SCREENS: [&str; 7] = [
    "#/journal",
    "#/helpers",
    "#/needs",
    "#/checkins",
    "#/share",
    "#/insights",
    "#/settings",
];

/// WebDriver's codes for keys that are not text.
pub mod keys {
    pub const TAB: &str = "\u{E004}";
    pub const ENTER: &str = "\u{E007}";
    pub const SPACE: &str = "\u{E00D}";
    pub const ARROW_DOWN: &str = "\u{E015}";
}

/// The viewport of a typical phone, in CSS pixels: what [`App::start`] uses.
pub const PHONE: (u32, u32) = (390, 844);
/// How long queries and waits keep trying before they fail the test.
pub const WAIT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long the app may take to start after a page load (the wasm compiles first).
pub const START_TIMEOUT: Duration = Duration::from_secs(10);
/// How often waits re-check.
const POLL_INTERVAL: Duration = Duration::from_millis(50);
/// How many candidates a failure message lists at most.
const MAX_LISTED: usize = 40;

/// The built app served on a local port, shown in a fresh headless Chromium.
///
/// Each `App` has its own server and browser profile, so tests do not share
/// localStorage. Dropping it shuts both down; if the test is panicking, it first saves a
/// screenshot to `target/screenshots/failed-TEST.png` and prints the console errors.
pub struct App {
    // Declared before `server` so that it drops first: the browser should not see the
    // server disappear under a page it is still showing.
    browser: Browser,
    /// `None` when the pages come from another server (see [`App::start_at`]).
    server: Option<StaticServer>,
    /// The address routes are opened under.
    base: String,
}

impl App {
    /// Serves the built app and opens a phone-sized browser ([`PHONE`]). Nothing is
    /// loaded yet: call [`App::open`].
    ///
    /// The app is served from `dist/`, or from the directory in the `KINDRED_DIST`
    /// environment variable.
    #[track_caller]
    pub fn start() -> App {
        App::start_with_size(PHONE.0, PHONE.1)
    }

    /// Like [`App::start`], with a `width` × `height` viewport in CSS pixels.
    #[track_caller]
    pub fn start_with_size(width: u32, height: u32) -> App {
        App::start_with_args(width, height, &[])
    }

    /// Like [`App::start_with_size`], with more command-line flags for this browser's
    /// Chromium (see [`Browser::launch_with_args`]).
    #[track_caller]
    pub fn start_with_args(width: u32, height: u32, extra_args: &[String]) -> App {
        let dist = App::dist_dir();
        if !dist.join("index.html").is_file() {
            panic!(
                "dist/ is missing: run scripts/test, which builds it (looked for {})",
                dist.join("index.html").display()
            );
        }
        let server = StaticServer::start(dist);
        let browser = Browser::launch_with_args(width, height, extra_args);
        App {
            browser,
            base: server.url(""),
            server: Some(server),
        }
    }

    /// A phone-sized browser for the app as another server serves it, at `page` (the
    /// address of its `index.html`): a group's WebDAV server, say, which serves the app and
    /// the folder from one site.
    pub fn start_at(page: &str) -> App {
        App {
            browser: Browser::launch(PHONE.0, PHONE.1),
            server: None,
            base: page.to_string(),
        }
    }

    /// The directory the app is served from: `KINDRED_DIST` if set, else `dist/` at the
    /// repository root.
    pub fn dist_dir() -> PathBuf {
        match std::env::var_os("KINDRED_DIST") {
            Some(dir) => PathBuf::from(dir),
            None => Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"),
        }
    }

    /// The browser, for what this API does not cover (tabs, scripts, raw CSS queries).
    pub fn browser(&self) -> &Browser {
        &self.browser
    }

    /// The server, to `stop` it (go offline), `restart` it, or `set_root` (deploy
    /// another build at the same address).
    #[track_caller]
    pub fn server(&self) -> &StaticServer {
        self.server
            .as_ref()
            .expect("this App's pages come from another server")
    }

    /// The absolute URL of `route` on the app's server, e.g. `url("#/journal")`.
    pub fn url(&self, route: &str) -> String {
        format!("{}{}", self.base, route.trim_start_matches('/'))
    }

    /// Loads `route` (e.g. `""` or `"#/journal"`) and waits until the app has started.
    ///
    /// If the browser already shows the app and `route` differs only in the part after
    /// `#`, the page is not reloaded: the app just sees the route change, as when a user
    /// follows a link. Use [`App::reload`] to start the app afresh.
    #[track_caller]
    pub fn open(&self, route: &str) {
        self.browser.navigate(&self.url(route));
        self.wait_for_start();
    }

    /// Reloads the page, as the browser's reload button does, and waits until the app has
    /// started again. What the app keeps in localStorage survives; memory does not.
    #[track_caller]
    pub fn reload(&self) {
        self.browser.refresh();
        self.wait_for_start();
    }

    /// Waits until the app has rendered its navigation, the sign that the wasm module
    /// loaded and the app mounted.
    #[track_caller]
    fn wait_for_start(&self) {
        let started = poll(START_TIMEOUT, || {
            self.browser
                .try_execute(
                    // index.html's first paint has a <nav> too, until the app replaces it.
                    "return document.querySelector('nav') !== null
                         && document.getElementById('first-paint') === null",
                    &[],
                )
                .is_ok_and(|found| found == json!(true))
        });
        if !started {
            panic!(
                "the app did not start within {START_TIMEOUT:?} at {}: no <nav> appeared.\n\
                 Console errors: {:#?}",
                self.browser.current_url(),
                self.console_errors()
            );
        }
    }

    /// The one visible element with accessible `role` and `name`, waiting up to
    /// [`WAIT_TIMEOUT`] for it to appear. `name` is compared exactly, after trimming.
    ///
    /// Fails if no such element appears, or if several match (scope the search with
    /// [`Element::within`]). The failure message lists what the page does have.
    #[track_caller]
    pub fn get(&self, role: &str, name: &str) -> Element {
        Scope::Page(&self.browser).get(role, &Wanted::Named(name))
    }

    /// The one visible element with accessible `role` whose text contains `text`, waiting
    /// like [`App::get`]. For elements without a name of their own, such as list items
    /// and alerts.
    #[track_caller]
    pub fn get_with_text(&self, role: &str, text: &str) -> Element {
        Scope::Page(&self.browser).get(role, &Wanted::Containing(text))
    }

    /// The visible element with accessible `role` and `name` if there is one right now,
    /// without waiting: for asserting that something is absent. Fails if several match.
    #[track_caller]
    pub fn query(&self, role: &str, name: &str) -> Option<Element> {
        Scope::Page(&self.browser).query(role, &Wanted::Named(name))
    }

    /// All visible elements with accessible `role`, in document order, without waiting.
    #[track_caller]
    pub fn all(&self, role: &str) -> Vec<Element> {
        Scope::Page(&self.browser).all(role)
    }

    /// Waits until `condition` returns true, checking every 50 ms for up to
    /// [`WAIT_TIMEOUT`]; fails with "timed out after 5s waiting for DESCRIPTION".
    /// `condition` should not panic when an element goes stale: prefer re-finding
    /// elements inside it (`app.all(…)`, `app.query(…)`) to holding on to one.
    #[track_caller]
    pub fn wait_for(&self, description: &str, condition: impl FnMut() -> bool) {
        if !poll(WAIT_TIMEOUT, condition) {
            panic!("timed out after {WAIT_TIMEOUT:?} waiting for {description}");
        }
    }

    /// Waits until the visible text of the page contains `text`.
    #[track_caller]
    pub fn wait_for_text(&self, text: &str) {
        if !poll(WAIT_TIMEOUT, || {
            self.try_page_text().is_some_and(|page| page.contains(text))
        }) {
            panic!(
                "timed out after {WAIT_TIMEOUT:?} waiting for the text {text:?}; the page shows:\n{}",
                truncate(&self.page_text(), 3000)
            );
        }
    }

    /// The visible text of the whole page (`document.body.innerText`).
    #[track_caller]
    pub fn page_text(&self) -> String {
        let text = self
            .browser
            .execute("return document.body ? document.body.innerText : ''", &[]);
        text.as_str().unwrap_or_default().to_string()
    }

    fn try_page_text(&self) -> Option<String> {
        let text = self
            .browser
            .try_execute("return document.body ? document.body.innerText : ''", &[])
            .ok()?;
        text.as_str().map(str::to_string)
    }

    /// Everything in the page's localStorage.
    #[track_caller]
    pub fn local_storage(&self) -> BTreeMap<String, String> {
        let entries = self.browser.execute(
            "const entries = {};
             for (let i = 0; i < localStorage.length; i++) {
                 const key = localStorage.key(i);
                 entries[key] = localStorage.getItem(key);
             }
             return entries;",
            &[],
        );
        entries
            .as_object()
            .into_iter()
            .flatten()
            .map(|(key, value)| (key.clone(), value.as_str().unwrap_or_default().to_string()))
            .collect()
    }

    /// Stores `value` under `key` in the page's localStorage. The app notices only on its
    /// next start: follow with [`App::reload`].
    #[track_caller]
    pub fn set_local_storage(&self, key: &str, value: &str) {
        self.browser.execute(
            "localStorage.setItem(arguments[0], arguments[1])",
            &[json!(key), json!(value)],
        );
    }

    /// Puts `model` (records and settings) into the page's localStorage exactly as Kindred
    /// saves it. The app notices only on its next start: follow with [`App::reload`].
    #[track_caller]
    pub fn store_model(&self, model: &mut kindred_core::model::Model) {
        use kindred_core::{persist, storage::MemoryStore};
        let mut store = MemoryStore::default();
        persist::save(&mut store, model).expect("memory has room");
        persist::save_settings(&mut store, &model.settings).expect("memory has room");
        for (key, value) in store.contents() {
            self.set_local_storage(&key, &value);
        }
    }

    /// Stores the sample neighbourhood ([`sample::neighbourhood`]) for the browser's today,
    /// after `adjust` has had its say, and restarts the app on it. Returns what was stored.
    #[track_caller]
    pub fn store_neighbourhood(
        &self,
        adjust: impl FnOnce(&mut kindred_core::model::Model),
    ) -> kindred_core::model::Model {
        let mut model = sample::neighbourhood(self.today());
        adjust(&mut model);
        self.store_model(&mut model);
        self.reload();
        model
    }

    /// Adds a helper through the form, filling each text field named in `fields` (the first
    /// is the name), and waits until the helper is listed and stored.
    #[track_caller]
    pub fn add_helper(&self, fields: &[(&str, &str)]) {
        self.open("#/helpers");
        self.get("button", "Add helper").click();
        self.get("textbox", "Name");
        for (label, value) in fields {
            if self.query("textbox", label).is_none() {
                // The fields used less often are folded: open them, as a person would.
                self.get("DisclosureTriangle", "More details").click();
            }
            self.get("textbox", label).type_text(value);
        }
        self.get("button", "Save").click();
        let name = fields[0].1;
        self.get("list", "Helpers")
            .within_with_text("listitem", name);
        // Saves are batched: wait for this one, so that what follows starts from stored data.
        self.wait_for("the helper to be saved", || {
            self.local_storage().values().any(|v| v.contains(name))
        });
    }

    /// Empties the page's localStorage. The app notices only on its next start.
    #[track_caller]
    pub fn clear_local_storage(&self) {
        self.browser.execute("localStorage.clear()", &[]);
    }

    /// What axe-core, the accessibility checker, finds wrong with the page as it is now,
    /// against the WCAG 2.2 A and AA rules: one line per broken rule, with the elements
    /// that break it. Empty when the page passes.
    ///
    /// axe-core is installed by `scripts/setup` into `.tools/`. It is put into the page
    /// through the DevTools protocol, which the page's Content-Security-Policy does not
    /// govern, so the app's own policy stays as strict as it ships.
    #[track_caller]
    pub fn axe_violations(&self) -> Vec<String> {
        let loaded = self
            .browser
            .execute("return typeof window.axe !== 'undefined'", &[]);
        if loaded != json!(true) {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(".tools/node_modules/axe-core/axe.min.js");
            let source = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!(
                    "axe-core is missing at {}: run scripts/setup ({e})",
                    path.display()
                )
            });
            self.browser
                .devtools("Runtime.evaluate", json!({ "expression": source }));
        }
        let found = self.browser.execute(
            "return axe.run(document, {
                 runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
                 resultTypes: ['violations'],
             }).then(result => result.violations.map(v =>
                 `${v.id} (${v.impact}): ${v.help}: ` +
                 v.nodes.map(n => n.target.join(' ') + ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']').join('; ')))",
            &[],
        );
        serde_json::from_value(found).expect("axe returns a list of strings")
    }

    /// Makes the page see the device's colour scheme as `scheme` (`"light"` or `"dark"`),
    /// as a phone set to dark mode would report it.
    #[track_caller]
    pub fn emulate_color_scheme(&self, scheme: &str) {
        self.browser.devtools(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        );
    }

    /// Presses `keys` on whatever has keyboard focus, as a keyboard does: text, or
    /// WebDriver key codes such as [`keys::TAB`].
    #[track_caller]
    pub fn press(&self, keys: &str) {
        self.browser.active_element().send_keys(keys);
    }

    /// The element that has keyboard focus.
    pub fn focused(&self) -> Element {
        self.browser.active_element()
    }

    /// Presses Tab until the focused element has accessible `name` (and `role`), as a
    /// keyboard user moves through a screen; fails after 80 presses.
    #[track_caller]
    pub fn tab_to(&self, role: &str, name: &str) -> Element {
        let mut passed = Vec::new();
        for _ in 0..80 {
            self.press(keys::TAB);
            let focused = self.focused();
            let (found_role, found_name) = (focused.computed_role(), focused.computed_label());
            if found_role == role && found_name.trim() == name {
                return focused;
            }
            passed.push(format!("{found_role} {found_name:?}"));
        }
        panic!("Tab never reached {role} {name:?}; it went through: {passed:#?}");
    }

    /// Saves a screenshot of the viewport to `target/screenshots/NAME.png` and returns
    /// its path.
    #[track_caller]
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let path = screenshot_path(name);
        self.browser.screenshot(&path);
        path
    }

    /// The browser's own date `days` from today (negative: before), as a date input takes
    /// it: tests must agree with the app on what "today" is, whatever the time zone.
    #[track_caller]
    pub fn date_from_today(&self, days: i64) -> String {
        let date = self.browser.execute(
            "const d = new Date(); d.setDate(d.getDate() + arguments[0]);
             const pad = n => String(n).padStart(2, '0');
             return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;",
            &[json!(days)],
        );
        date.as_str().expect("a date").to_string()
    }

    /// The browser's own today, for building test data the app agrees is today's.
    #[track_caller]
    pub fn today(&self) -> chrono::NaiveDate {
        chrono::NaiveDate::parse_from_str(&self.date_from_today(0), "%Y-%m-%d").expect("a date")
    }

    /// The English name of the browser's weekday `days` from today.
    #[track_caller]
    pub fn weekday_from_today(&self, days: i64) -> String {
        let day = self.browser.execute(
            "const d = new Date(); d.setDate(d.getDate() + arguments[0]);
             return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getDay()];",
            &[json!(days)],
        );
        day.as_str().expect("a weekday").to_string()
    }

    /// The text of the file the page downloaded whose name starts with `prefix`, waiting
    /// up to [`WAIT_TIMEOUT`] for the download to finish, and takes it out of the downloads
    /// folder. Returns the file name and text.
    #[track_caller]
    pub fn downloaded(&self, prefix: &str) -> (String, String) {
        let folder = self.browser.temp_dir().join("downloads");
        let find = || {
            std::fs::read_dir(&folder)
                .ok()?
                .flatten()
                .find_map(|entry| {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    // Chromium writes `.crdownload` files until the download is complete.
                    if !name.starts_with(prefix) || name.ends_with(".crdownload") {
                        return None;
                    }
                    // Chromium reserves the final name with an empty file before it writes,
                    // and keeps a `.crdownload` beside it until it is done.
                    let partial = folder.join(format!("{name}.crdownload"));
                    let text = std::fs::read_to_string(entry.path()).ok()?;
                    (!text.is_empty() && !partial.exists()).then_some((name, text))
                })
        };
        let mut found = None;
        if !poll(WAIT_TIMEOUT, || {
            found = find();
            found.is_some()
        }) {
            panic!(
                "no download starting with {prefix:?} arrived in {}",
                folder.display()
            );
        }
        let (name, text) = found.expect("poll returned true");
        // Taken: the next download of the same name is then the only one, not the browser's
        // "name (1).json" beside this one.
        std::fs::remove_file(folder.join(&name)).expect("the download is there");
        (name, text)
    }

    /// The console errors (level SEVERE) since the browser started: `console.error`
    /// calls, uncaught exceptions and wasm panics, failed network requests.
    #[track_caller]
    pub fn console_errors(&self) -> Vec<String> {
        self.browser
            .console_log()
            .into_iter()
            .filter(|entry| entry.level == "SEVERE")
            .map(|entry| entry.message)
            .collect()
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if !thread::panicking() {
            return;
        }
        // Evidence for the failure. Nothing here may panic: a panic while already
        // panicking aborts the test binary and hides the original message.
        let test = thread::current()
            .name()
            .unwrap_or("test")
            .replace(|c: char| !c.is_ascii_alphanumeric() && c != '_', "-");
        let path = screenshot_path(&format!("failed-{test}"));
        if self.browser.try_screenshot(&path).is_ok() {
            eprintln!("screenshot of the failed test: {}", path.display());
        }
        if let Ok(log) = self.browser.try_console_log() {
            let errors: Vec<_> = log.iter().filter(|entry| entry.level == "SEVERE").collect();
            if !errors.is_empty() {
                eprintln!("browser console errors:");
                for entry in errors {
                    eprintln!("  {}", entry.message);
                }
            }
        }
    }
}

/// `target/screenshots/NAME.png`.
fn screenshot_path(name: &str) -> PathBuf {
    // Cargo gives integration tests `target/tmp`; its parent is the target directory,
    // wherever CARGO_TARGET_DIR puts it.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR has a parent")
        .to_path_buf();
    target.join("screenshots").join(format!("{name}.png"))
}

/// Element actions phrased as a user's, and role queries below an element.
impl Element {
    /// The one visible descendant with accessible `role` and `name`, waiting like
    /// [`App::get`]. E.g. the Edit button of one list item:
    /// `app.get_with_text("listitem", "Fixed a bike").within("button", "Edit")`.
    #[track_caller]
    pub fn within(&self, role: &str, name: &str) -> Element {
        Scope::Within(self).get(role, &Wanted::Named(name))
    }

    /// The one visible descendant with accessible `role` whose text contains `text`,
    /// waiting like [`App::get`].
    #[track_caller]
    pub fn within_with_text(&self, role: &str, text: &str) -> Element {
        Scope::Within(self).get(role, &Wanted::Containing(text))
    }

    /// The visible descendant with accessible `role` and `name` if there is one right
    /// now, without waiting.
    #[track_caller]
    pub fn query_within(&self, role: &str, name: &str) -> Option<Element> {
        Scope::Within(self).query(role, &Wanted::Named(name))
    }

    /// The text of each paragraph within, in order, as it reads.
    #[track_caller]
    pub fn paragraphs(&self) -> Vec<String> {
        self.all_within("paragraph")
            .iter()
            .map(|p| p.text())
            .collect()
    }

    /// All visible descendants with accessible `role`, in document order, without waiting.
    #[track_caller]
    pub fn all_within(&self, role: &str) -> Vec<Element> {
        Scope::Within(self).all(role)
    }

    /// Types `text` at the end of the field's value, as a user typing would (one key at a
    /// time; `input` events fire). Use [`Element::clear`] first to replace the value.
    ///
    /// Date, time, colour and range inputs take no typing in a locale-independent way;
    /// for them `text` is the value in its HTML form (`2024-05-31`, `13:45`, `#ff0000`,
    /// `7`) and is set directly, with `input` and `change` events as a user's choice
    /// would fire. This is what the WebDriver standard prescribes, which chromedriver
    /// does not implement.
    #[track_caller]
    pub fn type_text(&self, text: &str) {
        let kind = self.execute(
            "return arguments[0].tagName === 'INPUT' ? arguments[0].type : ''",
            &[],
        );
        let kind = kind.as_str().unwrap_or_default();
        const NOT_TYPEABLE: [&str; 7] = [
            "date",
            "datetime-local",
            "month",
            "week",
            "time",
            "color",
            "range",
        ];
        if !NOT_TYPEABLE.contains(&kind) {
            self.send_keys(text);
            return;
        }
        let outcome = self.execute(
            "const [input, value] = arguments;
             if (input.disabled || input.readOnly) return 'the input is not editable';
             input.focus();
             input.value = value;
             if (input.value !== value) return 'the input rejected the value';
             input.dispatchEvent(new Event('input', { bubbles: true }));
             input.dispatchEvent(new Event('change', { bubbles: true }));
             return '';",
            &[json!(text)],
        );
        let problem = outcome.as_str().unwrap_or_default();
        if !problem.is_empty() {
            panic!("cannot set the {kind} input to {text:?}: {problem}");
        }
    }

    /// The current value of an input, textarea or select (the `value` property).
    #[track_caller]
    pub fn value(&self) -> String {
        match self.property("value") {
            Value::String(value) => value,
            Value::Null => String::new(),
            other => other.to_string(),
        }
    }

    /// Chooses the option labelled `option_label` in a `<select>`, firing `input` and
    /// `change` as a user's choice does.
    ///
    /// Done in script rather than by clicking the option, because chromedriver's click on
    /// an `<option>` fires only `change`.
    #[track_caller]
    pub fn select(&self, option_label: &str) {
        if !self.is_displayed() {
            panic!("cannot choose {option_label:?}: the select is not visible");
        }
        let outcome = self.execute(
            "const [select, label] = arguments;
             if (select.tagName !== 'SELECT') return 'the element is not a <select>';
             if (select.disabled) return 'the select is disabled';
             const options = Array.from(select.options);
             const option = options.find(o => o.label.trim() === label);
             if (!option) {
                 return 'it has no such option; its options are: '
                     + options.map(o => JSON.stringify(o.label.trim())).join(', ');
             }
             if (option.disabled) return 'that option is disabled';
             select.focus();
             option.selected = true;
             select.dispatchEvent(new Event('input', { bubbles: true }));
             select.dispatchEvent(new Event('change', { bubbles: true }));
             return '';",
            &[json!(option_label.trim())],
        );
        let problem = outcome.as_str().unwrap_or_default();
        if !problem.is_empty() {
            panic!("cannot choose {option_label:?}: {problem}");
        }
    }

    /// Chooses `path` in an `<input type=file>`, as picking it in the file dialog would
    /// (`input` and `change` fire). Relative paths are relative to the repository root.
    #[track_caller]
    pub fn set_file(&self, path: impl AsRef<Path>) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path.as_ref());
        let absolute = path
            .canonicalize()
            .unwrap_or_else(|e| panic!("cannot choose {}: {e}", path.display()));
        self.send_keys(&absolute.to_string_lossy());
    }
}

/// What a role query looks for besides the role.
enum Wanted<'a> {
    /// Any element with the role.
    Any,
    /// An accessible name equal to this, after trimming.
    Named(&'a str),
    /// Rendered text containing this.
    Containing(&'a str),
}

impl Wanted<'_> {
    fn describe(&self, role: &str) -> String {
        match self {
            Wanted::Any => role.to_string(),
            Wanted::Named(name) => format!("{role} named {name:?}"),
            Wanted::Containing(text) => format!("{role} containing the text {text:?}"),
        }
    }
}

/// Where a role query looks: the whole page, or below one element.
enum Scope<'a> {
    Page(&'a Browser),
    Within(&'a Element),
}

impl Scope<'_> {
    fn find_css(&self, css: &str) -> Result<Vec<Element>, WebDriverError> {
        match self {
            Scope::Page(browser) => browser.try_find_all(css),
            Scope::Within(element) => element.try_find_all(css),
        }
    }

    fn describe(&self) -> &'static str {
        match self {
            Scope::Page(_) => "on the page",
            Scope::Within(_) => "within the element",
        }
    }

    /// The displayed elements with `role` that are `wanted`, in document order.
    fn matching(&self, role: &str, wanted: &Wanted) -> Result<Vec<Element>, WebDriverError> {
        let role = chromium_role(role);
        let mut found = Vec::new();
        for candidate in self.find_css(&candidate_selector(role))? {
            // Cheapest and most selective check first: most candidates differ in name.
            let wanted_here = match wanted {
                Wanted::Any => true,
                Wanted::Named(name) => candidate.try_computed_label()?.trim() == name.trim(),
                Wanted::Containing(_) => true, // Checked last: reading text is slower.
            };
            if !wanted_here
                || candidate.try_computed_role()? != role
                || !candidate.try_is_displayed()?
            {
                continue;
            }
            if let Wanted::Containing(text) = wanted {
                let shown = candidate.try_execute("return arguments[0].innerText", &[])?;
                if !shown.as_str().unwrap_or_default().contains(text) {
                    continue;
                }
            }
            found.push(candidate);
        }
        Ok(found)
    }

    /// Waits for exactly one match.
    #[track_caller]
    fn get(&self, role: &str, wanted: &Wanted) -> Element {
        let deadline = Instant::now() + WAIT_TIMEOUT;
        loop {
            let outcome = self.matching(role, wanted);
            if let Ok(found) = &outcome {
                if found.len() == 1 {
                    return found[0].clone();
                }
            }
            if Instant::now() >= deadline {
                let problem = match outcome {
                    Ok(found) if found.is_empty() => format!("found no {}", wanted.describe(role)),
                    Ok(found) => format!(
                        "found {} of {}; only one may match: find a container first and \
                         search within() it",
                        found.len(),
                        wanted.describe(role)
                    ),
                    Err(error) => {
                        format!("could not search for {}: {error}", wanted.describe(role))
                    }
                };
                panic!(
                    "{problem} {} within {WAIT_TIMEOUT:?}.\n{}",
                    self.describe(),
                    self.inventory(role)
                );
            }
            thread::sleep(POLL_INTERVAL);
        }
    }

    /// The match if there is exactly one right now, `None` if there is none.
    #[track_caller]
    fn query(&self, role: &str, wanted: &Wanted) -> Option<Element> {
        let mut found = self.now(role, wanted);
        if found.len() > 1 {
            panic!(
                "found {} of {} {}; only one may match.\n{}",
                found.len(),
                wanted.describe(role),
                self.describe(),
                self.inventory(role)
            );
        }
        found.pop()
    }

    #[track_caller]
    fn all(&self, role: &str) -> Vec<Element> {
        self.now(role, &Wanted::Any)
    }

    /// The matches right now. A search that runs while the page re-renders can hit an
    /// element that has just been removed; such a search is simply repeated.
    #[track_caller]
    fn now(&self, role: &str, wanted: &Wanted) -> Vec<Element> {
        let mut attempts = 0;
        loop {
            match self.matching(role, wanted) {
                Ok(found) => return found,
                Err(error) if error.is_stale() && attempts < 20 => attempts += 1,
                Err(error) => panic!(
                    "could not search for {} {}: {error}",
                    wanted.describe(role),
                    self.describe()
                ),
            }
            thread::sleep(POLL_INTERVAL);
        }
    }

    /// Lists, for a failure message, the role and name of every element the search for
    /// `role` considered.
    fn inventory(&self, role: &str) -> String {
        let Ok(candidates) = self.find_css(&candidate_selector(chromium_role(role))) else {
            return String::new();
        };
        if candidates.is_empty() {
            return format!("There is no element that could have the role {role:?}.");
        }
        let mut lines = vec![format!(
            "Elements that could have the role {role:?} (role, name):"
        )];
        for candidate in candidates.iter().take(MAX_LISTED) {
            let (Ok(found_role), Ok(name)) = (
                candidate.try_computed_role(),
                candidate.try_computed_label(),
            ) else {
                continue;
            };
            let hidden = match candidate.try_is_displayed() {
                Ok(true) => "",
                _ => "  (not displayed)",
            };
            lines.push(format!("  {found_role}, {name:?}{hidden}"));
        }
        if candidates.len() > MAX_LISTED {
            lines.push(format!("  … and {} more", candidates.len() - MAX_LISTED));
        }
        lines.join("\n")
    }
}

/// The role name Chromium uses for `role`: Chromium calls ARIA's `img` `image`.
fn chromium_role(role: &str) -> &str {
    match role {
        "img" => "image",
        other => other,
    }
}

/// A CSS selector for every element that may have the (Chromium) `role`: the native
/// elements with that implicit role, plus explicit `role` attributes. The computed role of
/// each candidate is then checked, so the selector may be generous but must not miss any.
fn candidate_selector(role: &str) -> String {
    let native = match role {
        "button" => {
            "button, input[type=button], input[type=submit], input[type=reset], \
             input[type=image], input[type=file]"
        }
        "link" => "a[href], area[href]",
        "textbox" => {
            "input:not([type]), input[type=text], input[type=email], input[type=tel], \
             input[type=url], input[type=password], textarea"
        }
        "searchbox" => "input[type=search]",
        "combobox" => "select, input[list]",
        "listbox" => "select, datalist",
        "option" => "option",
        "checkbox" => "input[type=checkbox]",
        "radio" => "input[type=radio]",
        "spinbutton" => "input[type=number]",
        "slider" => "input[type=range]",
        "Date" => "input[type=date]",
        "DateTime" => "input[type=datetime-local], input[type=month], input[type=week]",
        "InputTime" => "input[type=time]",
        "ColorWell" => "input[type=color]",
        "list" => "ul, ol, menu",
        "listitem" => "li",
        "heading" => "h1, h2, h3, h4, h5, h6",
        "navigation" => "nav",
        "region" => "section",
        "main" => "main",
        "banner" => "header",
        "contentinfo" => "footer",
        "complementary" => "aside",
        "form" => "form",
        "article" => "article",
        "group" => "fieldset, details, optgroup",
        "dialog" => "dialog",
        "image" => "img, svg",
        "table" => "table",
        "row" => "tr",
        "cell" => "td",
        "columnheader" | "rowheader" => "th",
        "status" => "output",
        "progressbar" => "progress",
        "meter" => "meter",
        "paragraph" => "p",
        "DisclosureTriangle" => "summary",
        _ => "",
    };
    // ARIA 1.3 made `image` a synonym of `img`.
    let aria = match role {
        "image" => "[role=img], [role=image]".to_string(),
        other => format!("[role={:?}]", other),
    };
    if native.is_empty() {
        aria
    } else {
        format!("{native}, {aria}")
    }
}

/// Calls `condition` every [`POLL_INTERVAL`] until it returns true (then returns true) or
/// `timeout` has passed (then returns false).
fn poll(timeout: Duration, mut condition: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if condition() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        thread::sleep(POLL_INTERVAL);
    }
}

/// `text` cut to at most `max` characters, marking the cut.
fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// Writes `text` to a file named `name` in a new folder under `folder` in the test target's
/// own space, for a file input to be given, and returns its path. Each call has a folder of
/// its own, so that tests running at once never write over each other's files.
pub fn file_with(folder: &str, name: &str, text: &str) -> PathBuf {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(folder)
        .join(format!("{}-{call}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A copy of the built app in a folder of its own (under `folder`, one per call), to change
/// as another build or host would have it.
pub fn copy_of_dist(folder: &str) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap().flatten() {
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let root = file_with(folder, "marker", "")
        .parent()
        .unwrap()
        .join("dist");
    copy(&App::dist_dir(), &root);
    root
}
