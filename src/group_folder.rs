//! The browser's part of syncing through a group folder (`kindred_core::folder`): the WebDAV
//! requests over `fetch`, the locking with WebCrypto, and when to sync: soon after the start
//! and after a change, every few minutes while the page is visible, on `Sync now`, and less
//! often while the folder keeps failing.
//!
//! The password and passphrase live in memory for the visit; they reach storage only when
//! the person ticked "remember" (`Connection::remembered`).

use std::cell::Cell;
use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use kindred_core::folder::{self, Connection, FolderShell, Local, Secrets, SyncFailed, Synced};
use kindred_core::locked::{Envelope, Header, IV_BYTES, SALT_BYTES};
use kindred_core::share::{ParsedFile, ShareFile};
use kindred_core::webdav::{NoAnswer, Request, Response};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, RequestCache, RequestCredentials, RequestInit, RequestMode};

use crate::clock;
use crate::lock;
use crate::state::AppState;
use crate::web_storage::LocalStore;

/// How long after a change the folder hears of it: a burst of edits makes one sync.
const AFTER_A_CHANGE: Duration = Duration::from_secs(5);
/// How soon after the start the first sync runs: the journal draws first.
const AFTER_START: Duration = Duration::from_secs(1);
/// How often a visible page looks at the folder.
const EVERY: Duration = Duration::from_secs(180);
/// The first wait after a failure, doubled at each failure up to [`LONGEST_WAIT`].
const FIRST_WAIT: Duration = Duration::from_secs(30);
const LONGEST_WAIT: Duration = Duration::from_secs(15 * 60);
/// How long a sync works before it lets the page draw and take typing (`FolderShell::pause`):
/// well inside the 50 ms after which a tap feels ignored, with room for the piece of work
/// under way when the time is up.
const SLICE_MS: f64 = 12.0;

/// What the Sync status says.
#[derive(Debug, Clone, PartialEq)]
pub enum SyncStatus {
    NotConnected,
    /// Connected on an earlier visit, without remembered secrets: they are to be typed.
    NeedsSecrets,
    Syncing,
    Synced(Synced),
    Failed {
        why: SyncFailed,
        /// When the next try on its own is due, in minutes from the failure.
        retry_in_minutes: u64,
    },
}

/// The folder sync of this tab, shared through the context.
#[derive(Clone, Copy)]
pub struct GroupFolder {
    pub connection: RwSignal<Option<Connection>>,
    /// The secrets for this visit (typed, or remembered).
    secrets: RwSignal<Option<Secrets>>,
    pub status: RwSignal<SyncStatus>,
    /// Another sync was asked for while one ran: run it right after.
    again: RwSignal<bool>,
    running: RwSignal<bool>,
    failures: RwSignal<u32>,
    /// Automatic syncs wait until then after a failure; `Sync now` does not.
    not_before: RwSignal<Option<DateTime<Utc>>>,
    state: AppState,
    keys: StoredValue<KeyCache, LocalStorage>,
    /// Counts Connects and Disconnects: a sync that ends after one of them began under a
    /// connection that is no more, and neither keeps nor says what it found.
    connection_number: RwSignal<u64>,
    /// A Connect made while a sync ran: it runs as soon as that one ends.
    waiting_connect: StoredValue<Option<(Connection, Secrets, u64)>, LocalStorage>,
}

impl GroupFolder {
    /// Reads the connection and starts the timers. Call once, after [`AppState::start`].
    pub fn start(state: AppState) -> Self {
        let connection = folder::load_connection(&mut LocalStore::open());
        let secrets = connection.as_ref().and_then(|c| c.remembered.clone());
        let status = match (&connection, &secrets) {
            (None, _) => SyncStatus::NotConnected,
            (Some(_), None) => SyncStatus::NeedsSecrets,
            (Some(_), Some(_)) => SyncStatus::Synced(Synced::default()),
        };
        let sync = Self {
            connection: RwSignal::new(connection),
            secrets: RwSignal::new(secrets),
            status: RwSignal::new(status),
            again: RwSignal::new(false),
            running: RwSignal::new(false),
            failures: RwSignal::new(0),
            not_before: RwSignal::new(None),
            state,
            keys: StoredValue::new_local(KeyCache::default()),
            connection_number: RwSignal::new(0),
            waiting_connect: StoredValue::new_local(None),
        };
        set_timeout(move || sync.sync_soon(), AFTER_START);
        let _ = set_interval_with_handle(
            move || {
                if document().visibility_state() == web_sys::VisibilityState::Visible {
                    sync.sync_soon();
                }
            },
            EVERY,
        );
        // A change made here reaches the folder a moment later. (A change the sync itself
        // took in costs one listing more, which finds nothing new.)
        let first = StoredValue::new(true);
        Effect::new(move |_| {
            state.model.track();
            if first.get_value() {
                first.set_value(false);
                return;
            }
            set_timeout(move || sync.sync_soon(), AFTER_A_CHANGE);
        });
        sync
    }

    pub fn is_connected(self) -> bool {
        self.connection.with(Option::is_some)
    }

    pub fn has_secrets(self) -> bool {
        self.secrets.with(Option::is_some)
    }

    /// Connects with what the person typed: a first sync decides. Nothing is kept unless it
    /// works.
    pub fn connect(self, address: String, secrets: Secrets, remember: bool, include_journal: bool) {
        let device = self
            .connection
            .with_untracked(|c| c.as_ref().map(|c| c.device.clone()))
            .unwrap_or_else(|| uuid::Uuid::new_v4().simple().to_string());
        let keep_memory = self.connection.with_untracked(|c| {
            c.as_ref()
                .filter(|c| c.address == address)
                .map(|c| c.memory.clone())
        });
        let connection = Connection {
            address,
            device,
            include_journal,
            remembered: remember.then(|| secrets.clone()),
            memory: keep_memory.unwrap_or_default(),
            last_synced_at: None,
        };
        self.failures.set(0);
        self.not_before.set(None);
        self.connection_number.update(|n| *n += 1);
        let number = self.connection_number.get_untracked();
        leptos::task::spawn_local(async move {
            self.run(connection, secrets, true, number).await;
        });
    }

    /// Forgets the folder on this device. The data stays, and so does every file in the folder.
    pub fn disconnect(self) {
        self.connection_number.update(|n| *n += 1);
        self.waiting_connect.set_value(None);
        let _ = folder::forget_connection(&mut LocalStore::open());
        self.connection.set(None);
        self.secrets.set(None);
        self.keys.update_value(|keys| *keys = KeyCache::default());
        self.status.set(SyncStatus::NotConnected);
    }

    /// `Sync now`: at once, whatever the last failure.
    pub fn sync_now(self) {
        self.not_before.set(None);
        self.start_sync();
    }

    /// An automatic sync, unless the folder failed a moment ago.
    fn sync_soon(self) {
        let waiting = self
            .not_before
            .get_untracked()
            .is_some_and(|at| clock::now() < at);
        if !waiting {
            self.start_sync();
        }
    }

    fn start_sync(self) {
        let Some(connection) = self.connection.get_untracked() else {
            return;
        };
        let Some(secrets) = self.secrets.get_untracked() else {
            return;
        };
        let number = self.connection_number.get_untracked();
        leptos::task::spawn_local(async move {
            // Another tab may have synced since: its memory of the folder is the newer one.
            let connection = folder::load_connection(&mut LocalStore::open())
                .filter(|stored| stored.address == connection.address)
                .map(|stored| Connection {
                    remembered: connection.remembered.clone(),
                    include_journal: connection.include_journal,
                    ..stored
                })
                .unwrap_or(connection);
            self.run(connection, secrets, false, number).await;
        });
    }

    /// One sync under `connection`, the one Connect or Disconnect number `number` left.
    async fn run(
        self,
        mut connection: Connection,
        secrets: Secrets,
        connecting: bool,
        number: u64,
    ) {
        if self.connection_number.get_untracked() != number {
            return;
        }
        if self.running.get_untracked() {
            if connecting {
                self.waiting_connect
                    .set_value(Some((connection, secrets, number)));
            } else {
                self.again.set(true);
            }
            return;
        }
        self.running.set(true);
        self.status.set(SyncStatus::Syncing);
        let shell = BrowserShell {
            passphrase: secrets.passphrase.clone(),
            keys: self.keys,
            last_pause: Cell::new(0.0),
        };
        let mut local = LocalData {
            state: self.state,
            include_journal: connection.include_journal,
        };
        let result = folder::sync(
            &shell,
            &mut local,
            &connection.address,
            &connection.device,
            &secrets,
            &mut connection.memory,
        )
        .await;
        // Disconnected, or connected anew, meanwhile: what this sync learnt belongs to a
        // connection the person has left (it would put back the secrets they let go of).
        let current = self.connection_number.get_untracked() == number;
        match result {
            _ if !current => {}
            Ok(synced) => {
                connection.last_synced_at = Some(clock::now());
                self.failures.set(0);
                self.not_before.set(None);
                self.secrets.set(Some(secrets));
                self.keep(connection);
                self.status.set(SyncStatus::Synced(synced));
            }
            Err(why) => {
                // What was learnt before the failure is kept, so it is not read again; a
                // first connection that fails is not kept at all.
                if !connecting {
                    self.keep(connection);
                }
                let failures = self.failures.get_untracked() + 1;
                self.failures.set(failures);
                let wait = (FIRST_WAIT * 2u32.saturating_pow(failures - 1)).min(LONGEST_WAIT);
                self.not_before.set(Some(
                    clock::now() + chrono::Duration::from_std(wait).unwrap_or_default(),
                ));
                self.status.set(SyncStatus::Failed {
                    why,
                    retry_in_minutes: wait.as_secs().div_ceil(60),
                });
                if !connecting {
                    set_timeout(move || self.sync_soon(), wait);
                }
            }
        }
        self.running.set(false);
        let waiting = self
            .waiting_connect
            .try_update_value(Option::take)
            .flatten();
        if let Some((connection, secrets, number)) = waiting {
            leptos::task::spawn_local(async move {
                self.run(connection, secrets, true, number).await;
            });
            return;
        }
        if self.again.get_untracked() {
            self.again.set(false);
            self.sync_soon();
        }
    }

    fn keep(self, connection: Connection) {
        // A failed write of the connection only costs the next sync a few more reads.
        let _ = folder::save_connection(&mut LocalStore::open(), &connection);
        self.connection.set(Some(connection));
    }

    /// When Kindred last synced here.
    pub fn last_synced_at(self) -> Option<DateTime<Utc>> {
        self.connection
            .with(|c| c.as_ref().and_then(|c| c.last_synced_at))
    }
}

/// The data of this tab, as the sync sees it.
struct LocalData {
    state: AppState,
    include_journal: bool,
}

impl Local for LocalData {
    fn take_in(&mut self, file: ParsedFile, _now: DateTime<Utc>) -> usize {
        self.state.change(|m, now| folder::take_in(m, file, now))
    }

    fn outgoing(&self, exported_at: DateTime<Utc>) -> ShareFile {
        self.state
            .model
            .with_untracked(|m| folder::outgoing(m, self.include_journal, exported_at))
    }
}

/// Keys made from the group passphrase, by salt: making one takes PBKDF2's 600,000 rounds,
/// so each device file's key is made once a visit, and this device writes with one salt (and
/// a new nonce each time) for the whole visit.
#[derive(Default)]
struct KeyCache {
    by_salt: HashMap<[u8; SALT_BYTES], CryptoKey>,
    writing_salt: Option<[u8; SALT_BYTES]>,
}

struct BrowserShell {
    passphrase: String,
    keys: StoredValue<KeyCache, LocalStorage>,
    /// When the sync last let the page in (`performance.now()`, ms).
    last_pause: Cell<f64>,
}

impl BrowserShell {
    async fn key(&self, header: &Header) -> Option<CryptoKey> {
        let cached = self
            .keys
            .with_value(|keys| keys.by_salt.get(&header.salt).cloned());
        if let Some(key) = cached {
            return Some(key);
        }
        let key = lock::key(&self.passphrase, header).await.ok()?;
        self.keys
            .update_value(|keys| drop(keys.by_salt.insert(header.salt, key.clone())));
        Some(key)
    }
}

impl FolderShell for BrowserShell {
    async fn send(&self, request: Request) -> Result<Response, NoAnswer> {
        send(request).await
    }

    async fn lock(&self, text: &str) -> Option<String> {
        let fresh = Header::new(lock::random_bytes::<{ SALT_BYTES + IV_BYTES }>());
        let salt = self.keys.with_value(|keys| keys.writing_salt);
        let header = match salt {
            Some(salt) => Header { salt, ..fresh },
            None => {
                self.keys
                    .update_value(|keys| keys.writing_salt = Some(fresh.salt));
                fresh
            }
        };
        let key = self.key(&header).await?;
        let ciphertext = lock::encrypt(&key, &header, text).await.ok()?;
        // Writing out megabytes of ciphertext is a piece of work of its own.
        self.pause().await;
        Some(Envelope { header, ciphertext }.text())
    }

    async fn unlock(&self, envelope: &Envelope) -> Option<String> {
        let key = self.key(&envelope.header).await?;
        lock::open_sealed(&key, envelope).await
    }

    async fn pause(&self) {
        let now = || window().performance().map_or(0.0, |p| p.now());
        if now() - self.last_pause.get() < SLICE_MS {
            return;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback(&resolve);
        });
        let _ = JsFuture::from(promise).await;
        self.last_pause.set(now());
    }

    fn now(&self) -> DateTime<Utc> {
        clock::now()
    }

    fn today(&self) -> NaiveDate {
        clock::today()
    }
}

/// One request over `fetch`. No cookies or stored logins go with it (`credentials: omit`),
/// so that the browser never shows its own login box, and nothing comes from the HTTP cache:
/// the sync makes its own conditional requests.
async fn send(request: Request) -> Result<Response, NoAnswer> {
    let init = RequestInit::new();
    init.set_method(request.method.as_str());
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoStore);
    let headers = web_sys::Headers::new().map_err(|_| NoAnswer::Unreachable)?;
    for (name, value) in &request.headers {
        headers
            .set(name, value)
            .map_err(|_| NoAnswer::Unreachable)?;
    }
    // Nextcloud then answers a wrong password without asking the browser to show its own
    // login box.
    let _ = headers.set("X-Requested-With", "XMLHttpRequest");
    init.set_headers(&headers);
    if let Some(body) = &request.body {
        // As bytes: a string body of megabytes is encoded again on the page's thread.
        init.set_body(&js_sys::Uint8Array::from(body.as_bytes()));
    }
    let answer = JsFuture::from(window().fetch_with_str_and_init(&request.url, &init)).await;
    let response: web_sys::Response = match answer {
        Ok(response) => response.unchecked_into(),
        Err(_) => return Err(why_no_answer(&request.url).await),
    };
    let etag = response.headers().get("ETag").ok().flatten();
    let body = match response.text() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    Ok(Response {
        status: response.status(),
        etag,
        body,
    })
}

/// A failed `fetch` says nothing of why. Offline is the browser's to say; a server that
/// answers a request the page may not read (`mode: no-cors`) is there, but does not allow this
/// site.
async fn why_no_answer(url: &str) -> NoAnswer {
    if !window().navigator().on_line() {
        return NoAnswer::Offline;
    }
    let same_site = web_sys::Url::new(url)
        .map(|u| u.origin() == window().location().origin().unwrap_or_default())
        .unwrap_or(true);
    if same_site {
        return NoAnswer::Unreachable;
    }
    let init = RequestInit::new();
    init.set_mode(RequestMode::NoCors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoStore);
    match JsFuture::from(window().fetch_with_str_and_init(url, &init)).await {
        Ok(_) => NoAnswer::NotAllowedBySite,
        Err(_) => NoAnswer::Unreachable,
    }
}

/// The sites the page's Content-Security-Policy lets it reach besides its own, as the build
/// wrote them (`KINDRED_FOLDER_ORIGIN`, see the README).
pub fn other_sites_allowed() -> Vec<String> {
    let policy = document()
        .query_selector(r#"meta[http-equiv="Content-Security-Policy"]"#)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default();
    policy
        .split(';')
        .map(str::trim)
        .find_map(|directive| directive.strip_prefix("connect-src "))
        .map(|sources| {
            sources
                .split_whitespace()
                .filter(|s| s.starts_with("https://") || s.starts_with("http://"))
                .map(|s| s.trim_end_matches('/').to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The origin (scheme, host and port) of an address.
pub fn origin_of(address: &str) -> Option<String> {
    web_sys::Url::new(address).ok().map(|u| u.origin())
}

/// This page's own origin.
pub fn own_origin() -> String {
    window().location().origin().unwrap_or_default()
}
