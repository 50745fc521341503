//! A small synchronous W3C WebDriver client for headless Chromium through chromedriver.
//!
//! It covers what the browser tests need and nothing more. Every command that fails
//! panics with the WebDriver error (the `error` code and message chromedriver sent), so a
//! test reads as a plain sequence of steps. The few `try_*` methods return the error
//! instead, for callers that poll while the page re-renders and elements go stale.
//!
//! [`Browser`] owns the chromedriver process, the browser session and a temporary
//! directory (Chromium's profile and chromedriver's log). Dropping it, including while a
//! test panics, ends the session, kills chromedriver and removes the directory.

use std::cell::{Cell, RefCell};
use std::fs::File;
use std::net::{Ipv4Addr, TcpListener};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};

/// Debian's chromedriver; `KINDRED_CHROMEDRIVER` overrides it.
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Debian's Chromium; `KINDRED_CHROMIUM` overrides it.
const CHROMIUM: &str = "/usr/bin/chromium";
/// How long chromedriver may take to answer `/status` with `ready: true`.
const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(20);
/// Upper bound for a single WebDriver command. Generous because the machine that runs the
/// tests may be busy compiling; a command that takes this long is hung, not slow.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(120);
/// The key under which W3C WebDriver wraps an element reference in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A failed WebDriver command: the request and what chromedriver answered.
#[derive(Debug, Clone)]
pub struct WebDriverError {
    /// Method and path of the request, e.g. `POST /session/…/element/…/click`.
    pub request: String,
    /// HTTP status of the answer; 0 if there was no answer at all.
    pub status: u16,
    /// The W3C error code, e.g. `stale element reference`, or `transport` when
    /// chromedriver could not be reached.
    pub error: String,
    /// chromedriver's human-readable message.
    pub message: String,
}

impl WebDriverError {
    /// Whether the element the command used is no longer in the document (the page
    /// re-rendered it). Pollers treat this as "try again".
    pub fn is_stale(&self) -> bool {
        self.error == "stale element reference" || self.error == "no such element"
    }
}

impl std::fmt::Display for WebDriverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "WebDriver {} failed (HTTP {}): {}: {}",
            self.request, self.status, self.error, self.message
        )
    }
}

/// Unwraps a WebDriver result or panics with the error; `track_caller` makes the panic
/// point at the test line that issued the command.
#[track_caller]
fn expect_ok<T>(result: Result<T, WebDriverError>) -> T {
    match result {
        Ok(value) => value,
        Err(error) => panic!("{error}"),
    }
}

/// HTTP access to one chromedriver.
struct Connection {
    agent: ureq::Agent,
    /// `http://127.0.0.1:PORT`
    driver_url: String,
}

impl Connection {
    fn new(port: u16) -> Connection {
        let agent = ureq::Agent::config_builder()
            // WebDriver reports errors as 4xx/5xx with a JSON body we want to read.
            .http_status_as_error(false)
            .timeout_global(Some(COMMAND_TIMEOUT))
            // chromedriver is local: a proxy from the environment must not be used.
            .proxy(None)
            .build()
            .into();
        Connection {
            agent,
            driver_url: format!("http://127.0.0.1:{port}"),
        }
    }

    /// Sends a command and returns the `value` of chromedriver's answer.
    fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Value, WebDriverError> {
        let url = format!("{}{path}", self.driver_url);
        let fail = |status: u16, error: &str, message: String| WebDriverError {
            request: format!("{method} {path}"),
            status,
            error: error.to_string(),
            message,
        };
        let response = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, body) => self.agent.post(&url).send_json(body.unwrap_or(&json!({}))),
        };
        let mut response = response.map_err(|e| fail(0, "transport", e.to_string()))?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .with_config()
            // Screenshots of long pages arrive as large base64 strings.
            .limit(256 * 1024 * 1024)
            .read_to_string()
            .map_err(|e| fail(status, "transport", e.to_string()))?;
        let json: Value = serde_json::from_str(&text)
            .map_err(|e| fail(status, "invalid answer", format!("{e}: {text}")))?;
        let value = json.get("value").cloned().unwrap_or(Value::Null);
        if status >= 400 {
            let error = value["error"]
                .as_str()
                .unwrap_or("unknown error")
                .to_string();
            // Without a W3C error object, the raw answer is the most useful message.
            let message = value["message"]
                .as_str()
                .map(str::to_string)
                .unwrap_or(text);
            return Err(fail(status, &error, message));
        }
        Ok(value)
    }
}

/// The session part shared by the [`Browser`] and its [`Element`]s.
struct Session {
    connection: Connection,
    /// `/session/ID`
    path: String,
}

impl Session {
    fn get(&self, path: &str) -> Result<Value, WebDriverError> {
        self.connection
            .send("GET", &format!("{}{path}", self.path), None)
    }

    fn post(&self, path: &str, body: Value) -> Result<Value, WebDriverError> {
        self.connection
            .send("POST", &format!("{}{path}", self.path), Some(&body))
    }

    fn delete(&self, path: &str) -> Result<Value, WebDriverError> {
        self.connection
            .send("DELETE", &format!("{}{path}", self.path), None)
    }
}

/// Finds elements matching `css`, below the element at `path` or in the whole document.
fn find_elements(
    session: &Rc<Session>,
    path: &str,
    css: &str,
) -> Result<Vec<Element>, WebDriverError> {
    let found = session.post(path, json!({"using": "css selector", "value": css}))?;
    Ok(found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|reference| reference[ELEMENT_KEY].as_str())
        .map(|id| Element {
            session: Rc::clone(session),
            id: id.to_string(),
        })
        .collect())
}

/// One entry of the browser console, as chromedriver reports it.
#[derive(Debug, Clone)]
pub struct LogEntry {
    /// `SEVERE` (console.error, uncaught exceptions, failed loads), `WARNING`, `INFO` or
    /// `DEBUG`.
    pub level: String,
    /// Where it came from: `console-api`, `javascript`, `network`, …
    pub source: String,
    /// The text, prefixed by chromedriver with the script URL and position.
    pub message: String,
}

/// The chromedriver process. Dropping it kills chromedriver and whatever Chromium it
/// left behind.
struct DriverProcess {
    child: Child,
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        // chromedriver runs in its own process group (see `spawn_driver`) and Chromium, its
        // child, stays in it. Killing the whole group also ends a Chromium whose session
        // could not be closed, instead of leaving it orphaned.
        kill_process_group(self.child.id());
        let _ = self.child.wait();
    }
}

/// Sends SIGKILL to every process in the process group `pgid`.
fn kill_process_group(pgid: u32) {
    extern "C" {
        // From the C library, which std already links.
        fn kill(pid: i32, signal: i32) -> i32;
    }
    const SIGKILL: i32 = 9;
    if let Ok(pgid) = i32::try_from(pgid) {
        // SAFETY: `kill` has no memory-safety preconditions. A negative pid addresses a
        // process group; this one was created for chromedriver and holds only processes
        // started for this browser.
        unsafe {
            kill(-pgid, SIGKILL);
        }
    }
}

/// A directory under the system temp dir, removed on drop. Holds Chromium's profile and
/// chromedriver's log.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        // Unique across the parallel tests of one process (counter) and across processes
        // (pid), without a dependency on a temp-dir crate.
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = std::env::temp_dir().join(format!(
            "kindred-browser-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&path)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", path.display()));
        TempDir(path)
    }

    /// The last lines chromedriver logged, for error messages.
    fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(self.0.join("chromedriver.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // Chromium may still be writing its profile for a moment after being killed, and
        // removal then fails with "directory not empty": retry briefly.
        for _ in 0..20 {
            if std::fs::remove_dir_all(&self.0).is_ok() || !self.0.exists() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// Spawns chromedriver on a free port and waits until it is ready. Returns the process
/// and its port.
#[track_caller]
fn spawn_driver(temp_dir: &TempDir) -> (DriverProcess, u16) {
    let program = std::env::var("KINDRED_CHROMEDRIVER").unwrap_or_else(|_| CHROMEDRIVER.into());
    // The port is free when we look, but a parallel test may take it before chromedriver
    // binds it. chromedriver then exits, and we try another port.
    let mut failure = String::new();
    for _attempt in 0..3 {
        let port = free_port();
        let log = File::create(temp_dir.0.join("chromedriver.log"))
            .expect("create chromedriver.log in the browser's temp dir");
        let child = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("clone chromedriver.log handle"))
            .stderr(log)
            // Its own process group, so that cleanup can kill Chromium too.
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run chromedriver ({program}): {e}"));
        let mut driver = DriverProcess { child };
        let connection = Connection::new(port);
        let deadline = Instant::now() + DRIVER_START_TIMEOUT;
        loop {
            if let Ok(status) = connection.send("GET", "/status", None) {
                if status["ready"] == json!(true) {
                    return (driver, port);
                }
            }
            if let Ok(Some(exit)) = driver.child.try_wait() {
                failure = format!("chromedriver exited with {exit}:\n{}", temp_dir.log_tail());
                break;
            }
            if Instant::now() > deadline {
                panic!(
                    "chromedriver did not become ready within {DRIVER_START_TIMEOUT:?}:\n{}",
                    temp_dir.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    panic!("cannot start chromedriver: {failure}");
}

/// A TCP port that is free right now on 127.0.0.1.
fn free_port() -> u16 {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local address").port()
}

/// A headless Chromium driven over WebDriver.
///
/// Dropping the browser, also while a test panics, ends the session, kills chromedriver
/// (and any Chromium left) and removes the temporary profile.
pub struct Browser {
    session: Rc<Session>,
    // Fields drop in declaration order after `Drop for Browser` has ended the session:
    // first the processes are killed, then their directory is removed.
    _driver: DriverProcess,
    temp_dir: TempDir,
    /// The emulated viewport, re-applied to every window switched to.
    viewport: Cell<(u32, u32)>,
    /// Console entries fetched so far. chromedriver hands out each entry only once, so
    /// they are kept here to let [`Browser::console_log`] return the whole history.
    console: RefCell<Vec<LogEntry>>,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a fresh profile, showing pages in
    /// a viewport of exactly `width` × `height` CSS pixels.
    ///
    /// The viewport is emulated (DevTools `Emulation.setDeviceMetricsOverride`) because
    /// `--window-size` alone cannot make a phone-sized viewport: headless Chromium keeps
    /// windows at least 500 px wide and takes ~140 px of the height for browser UI it
    /// pretends to draw. Device pixel ratio is 1, and neither touch nor mobile viewport
    /// rules are emulated, so the page behaves like a narrow desktop window.
    ///
    /// Panics, after cleaning up, if chromedriver or Chromium cannot be started.
    #[track_caller]
    pub fn launch(width: u32, height: u32) -> Browser {
        Browser::launch_with_args(width, height, &[])
    }

    /// Like [`Browser::launch`], with more command-line flags for this Chromium only (for
    /// example a fake camera that plays a file).
    #[track_caller]
    pub fn launch_with_args(width: u32, height: u32, extra_args: &[String]) -> Browser {
        let temp_dir = TempDir::new();
        let (driver, port) = spawn_driver(&temp_dir);
        let connection = Connection::new(port);

        let chromium = std::env::var("KINDRED_CHROMIUM").unwrap_or_else(|_| CHROMIUM.into());
        let capabilities = json!({
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": chromium,
                        "args": [
                            "--headless=new",
                            // Containers rarely allow Chromium's sandbox.
                            "--no-sandbox",
                            "--disable-gpu",
                            // /dev/shm is tiny in containers and Chromium crashes on it.
                            "--disable-dev-shm-usage",
                            // No traffic the tests did not cause: it would add noise to
                            // the console log and blur offline tests.
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--disable-quic",
                            "--no-first-run",
                            // A tab switched to by WebDriver is not brought to the front in
                            // headless mode; without these its timers run once a second, as
                            // in a hidden tab, and multi-tab tests crawl.
                            "--disable-background-timer-throttling",
                            "--disable-renderer-backgrounding",
                            "--disable-backgrounding-occluded-windows",
                            format!("--window-size={width},{height}"),
                            format!("--user-data-dir={}", temp_dir.0.join("profile").display()),
                        ],
                        // Files the page downloads land here, without a prompt.
                        "prefs": {
                            "download.default_directory": temp_dir.0.join("downloads"),
                            "download.prompt_for_download": false,
                        },
                    },
                    // Lets `console_log` read console.error and friends.
                    "goog:loggingPrefs": { "browser": "ALL" },
                }
            }
        });
        let mut capabilities = capabilities;
        if let Some(args) =
            capabilities["capabilities"]["alwaysMatch"]["goog:chromeOptions"]["args"].as_array_mut()
        {
            args.extend(extra_args.iter().map(|arg| json!(arg)));
        }
        let created = connection.send("POST", "/session", Some(&capabilities));
        let session_id = match &created {
            Ok(value) => value["sessionId"].as_str().map(str::to_string),
            Err(_) => None,
        };
        let Some(session_id) = session_id else {
            // `driver` and `temp_dir` clean up as the panic unwinds.
            panic!(
                "cannot start Chromium ({chromium}) through chromedriver: {}\n\
                 chromedriver log:\n{}",
                match created {
                    Ok(value) => format!("unexpected answer {value}"),
                    Err(error) => error.to_string(),
                },
                temp_dir.log_tail()
            );
        };
        let browser = Browser {
            session: Rc::new(Session {
                connection,
                path: format!("/session/{session_id}"),
            }),
            _driver: driver,
            temp_dir,
            viewport: Cell::new((width, height)),
            console: RefCell::new(Vec::new()),
        };
        browser.apply_viewport();
        browser
    }

    /// The temporary directory holding Chromium's profile (`profile/`), downloaded files
    /// (`downloads/`) and chromedriver's log (`chromedriver.log`); removed when the browser
    /// is dropped.
    pub fn temp_dir(&self) -> &Path {
        &self.temp_dir.0
    }

    /// Loads `url` and waits for the page's `load` event. A URL that differs from the
    /// current one only in its `#fragment` does not reload the page: the browser just
    /// changes the fragment (and fires `hashchange`).
    #[track_caller]
    pub fn navigate(&self, url: &str) {
        expect_ok(self.session.post("/url", json!({ "url": url })));
    }

    /// Reloads the current page and waits for its `load` event.
    #[track_caller]
    pub fn refresh(&self) {
        expect_ok(self.session.post("/refresh", json!({})));
    }

    /// The URL of the current page.
    #[track_caller]
    pub fn current_url(&self) -> String {
        let url = expect_ok(self.session.get("/url"));
        url.as_str().unwrap_or_default().to_string()
    }

    /// Runs `script` as the body of a function in the page and returns what it returns,
    /// as JSON. Inside the script, `arguments[i]` is `args[i]`; pass an element with
    /// [`Element::to_json`]. If the script returns a promise, WebDriver waits for it.
    #[track_caller]
    pub fn execute(&self, script: &str, args: &[Value]) -> Value {
        expect_ok(self.try_execute(script, args))
    }

    /// Like [`Browser::execute`], returning a failure (such as an exception thrown by the
    /// script, error `javascript error`) instead of panicking.
    pub fn try_execute(&self, script: &str, args: &[Value]) -> Result<Value, WebDriverError> {
        self.session
            .post("/execute/sync", json!({ "script": script, "args": args }))
    }

    /// All elements of the document matching the CSS selector, in document order.
    #[track_caller]
    pub fn find_all(&self, css: &str) -> Vec<Element> {
        expect_ok(self.try_find_all(css))
    }

    /// Like [`Browser::find_all`], returning the error instead of panicking.
    pub fn try_find_all(&self, css: &str) -> Result<Vec<Element>, WebDriverError> {
        find_elements(&self.session, "/elements", css)
    }

    /// The element that has the focus (`document.activeElement`).
    #[track_caller]
    pub fn active_element(&self) -> Element {
        let reference = expect_ok(self.session.get("/element/active"));
        Element::from_reference(&self.session, &reference)
            .unwrap_or_else(|| panic!("no active element in {reference}"))
    }

    /// Saves a PNG screenshot of the viewport to `path`, creating parent directories.
    #[track_caller]
    pub fn screenshot(&self, path: &Path) {
        expect_ok(self.try_screenshot(path));
    }

    /// Like [`Browser::screenshot`], returning the error instead of panicking (for use
    /// where a panic would abort, such as in `Drop`).
    pub fn try_screenshot(&self, path: &Path) -> Result<(), WebDriverError> {
        let encoded = self.session.get("/screenshot")?;
        let png =
            decode_base64(encoded.as_str().unwrap_or_default()).ok_or_else(|| WebDriverError {
                request: "GET screenshot".into(),
                status: 200,
                error: "invalid answer".into(),
                message: "screenshot is not valid base64".into(),
            })?;
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(path, png));
        written.map_err(|e| WebDriverError {
            request: "GET screenshot".into(),
            status: 200,
            error: "io".into(),
            message: format!("cannot write {}: {e}", path.display()),
        })
    }

    /// Everything the page logged to the console since the browser started, oldest first:
    /// console.* calls, uncaught exceptions, failed resource loads.
    #[track_caller]
    pub fn console_log(&self) -> Vec<LogEntry> {
        expect_ok(self.try_console_log())
    }

    /// Like [`Browser::console_log`], returning the error instead of panicking.
    pub fn try_console_log(&self) -> Result<Vec<LogEntry>, WebDriverError> {
        // chromedriver 156 serves the legacy log command at both `/se/log` and `/log`;
        // each answer holds only the entries not fetched before.
        let fresh = self.session.post("/se/log", json!({ "type": "browser" }))?;
        let mut console = self.console.borrow_mut();
        console.extend(
            fresh
                .as_array()
                .into_iter()
                .flatten()
                .map(|entry| LogEntry {
                    level: entry["level"].as_str().unwrap_or_default().to_string(),
                    source: entry["source"].as_str().unwrap_or_default().to_string(),
                    message: entry["message"].as_str().unwrap_or_default().to_string(),
                }),
        );
        Ok(console.clone())
    }

    /// The handle of the current window (tab).
    #[track_caller]
    pub fn window_handle(&self) -> String {
        let handle = expect_ok(self.session.get("/window"));
        handle.as_str().unwrap_or_default().to_string()
    }

    /// The handles of all open windows (tabs).
    #[track_caller]
    pub fn window_handles(&self) -> Vec<String> {
        let handles = expect_ok(self.session.get("/window/handles"));
        handles
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|handle| handle.as_str().map(str::to_string))
            .collect()
    }

    /// Opens a new tab showing `about:blank` and returns its handle. The current window
    /// does not change: use [`Browser::switch_to_window`].
    #[track_caller]
    pub fn new_window(&self) -> String {
        let window = expect_ok(self.session.post("/window/new", json!({ "type": "tab" })));
        window["handle"].as_str().unwrap_or_default().to_string()
    }

    /// Makes the window with `handle` the one that commands act on.
    #[track_caller]
    pub fn switch_to_window(&self, handle: &str) {
        expect_ok(self.session.post("/window", json!({ "handle": handle })));
        // The viewport emulation belongs to a tab; a new tab starts without it.
        self.apply_viewport();
    }

    /// Closes the current window. Switch to another one before the next command.
    #[track_caller]
    pub fn close_window(&self) {
        expect_ok(self.session.delete("/window"));
    }

    /// Changes the viewport to `width` × `height` CSS pixels, for this and every window
    /// switched to later.
    #[track_caller]
    pub fn set_window_size(&self, width: u32, height: u32) {
        self.viewport.set((width, height));
        self.apply_viewport();
    }

    /// The text of the open `alert`/`confirm`/`prompt` dialog.
    #[track_caller]
    pub fn alert_text(&self) -> String {
        let text = expect_ok(self.session.get("/alert/text"));
        text.as_str().unwrap_or_default().to_string()
    }

    /// Presses OK in the open `alert`/`confirm`/`prompt` dialog.
    #[track_caller]
    pub fn accept_alert(&self) {
        expect_ok(self.session.post("/alert/accept", json!({})));
    }

    /// Presses Cancel in the open `confirm`/`prompt` dialog.
    #[track_caller]
    pub fn dismiss_alert(&self) {
        expect_ok(self.session.post("/alert/dismiss", json!({})));
    }

    /// Runs a Chrome DevTools Protocol command (`Emulation.setEmulatedMedia`, say) in the
    /// current tab and returns its result.
    #[track_caller]
    pub fn devtools(&self, command: &str, params: Value) -> Value {
        expect_ok(self.session.post(
            "/goog/cdp/execute",
            json!({ "cmd": command, "params": params }),
        ))
    }

    /// Emulates the stored viewport size in the current tab. The override survives
    /// navigation and reloads but not a switch to another tab.
    #[track_caller]
    fn apply_viewport(&self) {
        let (width, height) = self.viewport.get();
        let params = json!({
            "width": width,
            "height": height,
            "deviceScaleFactor": 1,
            "mobile": false,
        });
        expect_ok(self.session.post(
            "/goog/cdp/execute",
            json!({ "cmd": "Emulation.setDeviceMetricsOverride", "params": params }),
        ));
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Ending the session makes chromedriver close Chromium cleanly. Errors are ignored:
        // this may run while a test panics, and the process group is killed next anyway.
        let _ = self
            .session
            .connection
            .send("DELETE", &self.session.path, None);
    }
}

/// A reference to an element in the page.
///
/// It stays valid while the element stays in the document. Once the page re-renders the
/// element away, commands on it fail with `stale element reference`; find it again.
#[derive(Clone)]
pub struct Element {
    session: Rc<Session>,
    id: String,
}

impl std::fmt::Debug for Element {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Element({})", self.id)
    }
}

impl Element {
    /// Reads a W3C element reference (`{"element-6066-…": id}`), e.g. from a script result.
    fn from_reference(session: &Rc<Session>, reference: &Value) -> Option<Element> {
        reference[ELEMENT_KEY].as_str().map(|id| Element {
            session: Rc::clone(session),
            id: id.to_string(),
        })
    }

    /// The element as a script argument for [`Browser::execute`].
    pub fn to_json(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    /// Runs `script` in the page with this element as `arguments[0]` and `args` after it,
    /// and returns what the script returns (see [`Browser::execute`]).
    #[track_caller]
    pub fn execute(&self, script: &str, args: &[Value]) -> Value {
        expect_ok(self.try_execute(script, args))
    }

    /// Like [`Element::execute`], returning the error instead of panicking.
    pub fn try_execute(&self, script: &str, args: &[Value]) -> Result<Value, WebDriverError> {
        let mut all_args = vec![self.to_json()];
        all_args.extend_from_slice(args);
        self.session.post(
            "/execute/sync",
            json!({ "script": script, "args": all_args }),
        )
    }

    fn path(&self, command: &str) -> String {
        format!("/element/{}{command}", self.id)
    }

    fn get_string(&self, command: &str) -> Result<String, WebDriverError> {
        let value = self.session.get(&self.path(command))?;
        Ok(value.as_str().unwrap_or_default().to_string())
    }

    /// Clicks the element's centre, after scrolling it into view. Fails if another element
    /// covers that point (error `element click intercepted`).
    #[track_caller]
    pub fn click(&self) {
        expect_ok(self.session.post(&self.path("/click"), json!({})));
    }

    /// Focuses the element and types `text` at the end of its value, key by key. For a
    /// file input, `text` is the absolute path of the file to choose.
    #[track_caller]
    pub fn send_keys(&self, text: &str) {
        expect_ok(
            self.session
                .post(&self.path("/value"), json!({ "text": text })),
        );
    }

    /// Empties an input or textarea, as a user selecting all and deleting would.
    #[track_caller]
    pub fn clear(&self) {
        expect_ok(self.session.post(&self.path("/clear"), json!({})));
        // chromedriver's clear fires only `change`. A user's deletion fires `input`, which
        // is what `on:input` handlers (the usual way to bind a text field) listen for.
        self.execute(
            "arguments[0].dispatchEvent(new Event('input', { bubbles: true }))",
            &[],
        );
    }

    /// The rendered text (like `innerText`), empty for hidden elements.
    #[track_caller]
    pub fn text(&self) -> String {
        expect_ok(self.get_string("/text"))
    }

    /// The HTML attribute `name`, or `None` if the element does not have it.
    #[track_caller]
    pub fn attr(&self, name: &str) -> Option<String> {
        let value = expect_ok(self.session.get(&self.path(&format!("/attribute/{name}"))));
        value.as_str().map(str::to_string)
    }

    /// The DOM property `name` (e.g. `value`, `checked`), as JSON.
    #[track_caller]
    pub fn property(&self, name: &str) -> Value {
        expect_ok(self.session.get(&self.path(&format!("/property/{name}"))))
    }

    /// The lower-case tag name, e.g. `input`.
    #[track_caller]
    pub fn tag_name(&self) -> String {
        expect_ok(self.get_string("/name")).to_ascii_lowercase()
    }

    /// Whether the element is visible on the page (WebDriver's "displayed" check: not
    /// `display: none`, `visibility: hidden`, zero-sized or inside a closed `<details>`).
    #[track_caller]
    pub fn is_displayed(&self) -> bool {
        expect_ok(self.try_is_displayed())
    }

    /// Like [`Element::is_displayed`], returning the error instead of panicking.
    pub fn try_is_displayed(&self) -> Result<bool, WebDriverError> {
        Ok(self.session.get(&self.path("/displayed"))? == json!(true))
    }

    /// Whether the element is enabled (form controls: not `disabled`).
    #[track_caller]
    pub fn is_enabled(&self) -> bool {
        expect_ok(self.session.get(&self.path("/enabled"))) == json!(true)
    }

    /// The role Chromium's accessibility tree gives the element (e.g. `button`,
    /// `textbox`), or `none` if the element is not in the tree (hidden, `aria-hidden`).
    #[track_caller]
    pub fn computed_role(&self) -> String {
        expect_ok(self.try_computed_role())
    }

    /// Like [`Element::computed_role`], returning the error instead of panicking.
    pub fn try_computed_role(&self) -> Result<String, WebDriverError> {
        self.get_string("/computedrole")
    }

    /// The accessible name Chromium computes for the element: what a screen reader
    /// announces, from `<label>`, `aria-label`, `aria-labelledby`, alt text or content.
    #[track_caller]
    pub fn computed_label(&self) -> String {
        expect_ok(self.try_computed_label())
    }

    /// Like [`Element::computed_label`], returning the error instead of panicking.
    pub fn try_computed_label(&self) -> Result<String, WebDriverError> {
        self.get_string("/computedlabel")
    }

    /// The descendants of this element matching the CSS selector, in document order.
    #[track_caller]
    pub fn find_all(&self, css: &str) -> Vec<Element> {
        expect_ok(self.try_find_all(css))
    }

    /// Like [`Element::find_all`], returning the error instead of panicking.
    pub fn try_find_all(&self, css: &str) -> Result<Vec<Element>, WebDriverError> {
        find_elements(&self.session, &self.path("/elements"), css)
    }
}

/// Decodes standard base64 (with or without padding); `None` if `text` is not base64.
/// Screenshots are the only user, which does not justify a dependency.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    fn sextet(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let digits: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    let digits = match digits.iter().position(|&c| c == b'=') {
        Some(padding) => &digits[..padding],
        None => &digits[..],
    };
    let mut bytes = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        if chunk.len() == 1 {
            return None; // 6 bits cannot make a byte.
        }
        let mut group = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            group |= sextet(c)? << (18 - 6 * i);
        }
        bytes.extend_from_slice(&group.to_be_bytes()[1..chunk.len()]);
    }
    Some(bytes)
}
