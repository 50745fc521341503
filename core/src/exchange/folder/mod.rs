//! Syncing through a group folder: a WebDAV folder the group already owns, where each device
//! keeps one file of everything it shares, locked with the group passphrase.
//!
//! A sync lists the folder, reads the files of other devices that changed since it last read
//! them, takes each in through the one merge (so conflicts are kept for review, never
//! dropped), then writes this device's file if what it shares changed. Every write names the
//! version it replaces (`If-Match`, or `If-None-Match: *` for a new file), so two tabs or two
//! browsers of one person can never overwrite each other: the loser reads the winner's file,
//! merges, and writes again. Nothing here deletes or rewrites another device's file.
//!
//! The browser does the requests and the cryptography through [`FolderShell`]; everything
//! else is here, tested natively against an in-memory folder. `docs/group-folder.md`
//! describes the protocol for other implementations.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::import;
use crate::in_pieces;
use crate::locked::{self, Envelope};
use crate::model::Model;
use crate::share::{self, ExportChoice, ParsedFile, ShareFile};
use crate::storage::{KeyValueStore, StorageError};
use crate::webdav::{self, Listed, Method, NoAnswer, Request, Response};

mod device_file;

/// The folder of device files inside the group folder.
pub const DEVICES_FOLDER: &str = "devices/";
/// How often a 412 (someone else wrote this device's file first) is met by reading,
/// merging and writing again before the sync gives up until next time.
const WRITE_ATTEMPTS: usize = 3;
/// Where the connection is kept in this browser's storage. It is this device's own, so it is
/// not part of the settings that travel in backups.
pub const CONNECTION_KEY: &str = "kindred/folder";

/// What the person typed to connect. The password and passphrase are kept in storage only
/// when [`Connection::remember`] is set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Secrets {
    pub user: String,
    pub password: String,
    pub passphrase: String,
}

/// This device's link to a group folder, kept in storage.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Connection {
    /// The folder's address, ending in `/`.
    pub address: String,
    /// This device's id: its file is `devices/<device>.json`.
    pub device: String,
    /// Whether the journal goes to the folder too (helpers and needs always do; private
    /// notes never).
    pub include_journal: bool,
    /// The user name, password and passphrase, when the person asked to keep them here.
    pub remembered: Option<Secrets>,
    pub memory: Memory,
    pub last_synced_at: Option<DateTime<Utc>>,
}

/// What the last syncs learnt of the folder, so the next one reads and writes only what
/// changed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Memory {
    /// Each other device's file as last read, by file name.
    pub seen: BTreeMap<String, Seen>,
    /// The ETag of this device's file as last written or read.
    pub own_etag: Option<String>,
    /// A fingerprint of what this device last wrote: an unchanged device writes nothing.
    pub written: Option<Written>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub etag: String,
    /// Why the file could not be taken in, reported at every sync until it changes.
    pub problem: Option<DeviceProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    /// [`device_file::DeviceFileText::fingerprint`]. (A fingerprint of an older build, taken
    /// over the whole text, differs: that device writes its file once more.)
    pub fingerprint: u64,
}

/// A device file that could not be taken in (in whole or in part). The rest still syncs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeviceProblem {
    /// Locked with another passphrase than this device's.
    OtherPassphrase,
    /// Not a locked Kindred file, or damaged: skipped, never deleted.
    Unreadable,
    /// Some of its records could not be taken in.
    RecordsSkipped(usize),
}

/// Why a sync stopped. Nothing local changed that was not taken in before the stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncFailed {
    Offline,
    Unreachable,
    /// The folder is on another site that does not allow this one (CORS).
    NotAllowedBySite,
    /// 401 or 403.
    WrongLogin,
    /// 507: the folder's storage is full.
    Full,
    /// The address answers, but not as a WebDAV folder.
    NotWebDav,
    /// The folder's parent does not exist, so it cannot be made.
    NoSuchFolder,
    /// Others kept writing this device's file first.
    Busy,
    /// The browser could not lock the file.
    CannotLock,
    /// Any other answer.
    Server(u16),
}

impl From<NoAnswer> for SyncFailed {
    fn from(no_answer: NoAnswer) -> Self {
        match no_answer {
            NoAnswer::Offline => SyncFailed::Offline,
            NoAnswer::Unreachable => SyncFailed::Unreachable,
            NoAnswer::NotAllowedBySite => SyncFailed::NotAllowedBySite,
        }
    }
}

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Synced {
    /// Device files read and taken in this time.
    pub read: usize,
    /// Records that changed here.
    pub changed: usize,
    /// Whether this device's file was written.
    pub wrote: bool,
    /// Files that could not be taken in, by file name.
    pub problems: Vec<(String, DeviceProblem)>,
}

/// What the browser does for a sync.
#[allow(async_fn_in_trait)]
pub trait FolderShell {
    async fn send(&self, request: Request) -> Result<Response, NoAnswer>;
    /// The locked file of `text` under the group passphrase.
    async fn lock(&self, text: &str) -> Option<String>;
    /// What `envelope` holds, or `None` for another passphrase (or a changed file).
    async fn unlock(&self, envelope: &Envelope) -> Option<String>;
    /// Between two pieces of work: lets the page draw and take typing once the work has held
    /// it for a moment (the shell decides when; most calls come back at once).
    async fn pause(&self);
    fn now(&self) -> DateTime<Utc>;
    fn today(&self) -> NaiveDate;
}

/// This device's data, as a sync sees it.
pub trait Local {
    /// Takes a neighbour's file in through the merge; returns how many records changed.
    fn take_in(&mut self, file: ParsedFile, now: DateTime<Utc>) -> usize;
    /// What this device shares, as of `exported_at`.
    fn outgoing(&self, exported_at: DateTime<Utc>) -> ShareFile;
}

/// What goes to the folder: helpers and needs (with their offers), the people to check on
/// and their rounds (the group runs rounds together), the journal if chosen, never a private
/// note.
pub fn outgoing(model: &Model, include_journal: bool, exported_at: DateTime<Utc>) -> ShareFile {
    let choice = ExportChoice {
        helpers: true,
        needs: true,
        journal: include_journal,
        check_ins: true,
        private_notes: false,
    };
    share::export(model, choice, exported_at, env!("CARGO_PKG_VERSION"))
}

/// Takes a device file in as an import with no choices made: every conflict keeps both
/// versions for review, the same winner showing on every device.
pub fn take_in(model: &mut Model, file: ParsedFile, now: DateTime<Utc>) -> usize {
    let plan = import::plan(model, file);
    let mut no_new_ids =
        || -> uuid::Uuid { unreachable!("keep both is a choice, and a sync makes none") };
    import::apply(model, plan, &BTreeMap::new(), &mut no_new_ids, now).len()
}

/// The folder address as typed, made into the form requests use: `https://`, or `http://`
/// on this very machine, ending in `/`. `None` for anything else.
pub fn folder_address(typed: &str) -> Option<String> {
    let typed = typed.trim();
    let (secure, rest) = match typed.strip_prefix("https://") {
        Some(rest) => (true, rest),
        None => (false, typed.strip_prefix("http://")?),
    };
    let host = rest.split('/').next().unwrap_or("");
    // A user name in the address, a query or a fragment would never reach the folder as meant.
    if host.is_empty() || host.contains('@') || rest.contains(['?', '#', ' ']) {
        return None;
    }
    let host_name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    // Plain http would send the password across the network readable by anyone on the way.
    if !secure && !matches!(host_name, "localhost" | "127.0.0.1" | "::1") {
        return None;
    }
    Some(if typed.ends_with('/') {
        typed.to_string()
    } else {
        format!("{typed}/")
    })
}

/// One sync: list, read what changed, take it in, write this device's file if needed.
/// `memory` is updated as the sync goes, so that what was taken in before a failure is not
/// read again.
pub async fn sync(
    shell: &impl FolderShell,
    local: &mut impl Local,
    address: &str,
    device: &str,
    secrets: &Secrets,
    memory: &mut Memory,
) -> Result<Synced, SyncFailed> {
    let run = Run {
        shell,
        devices: format!("{address}{DEVICES_FOLDER}"),
        address,
        authorization: webdav::basic_auth(&secrets.user, &secrets.password),
        own_name: format!("{device}.json"),
    };
    let mut synced = Synced::default();
    let listing = run.list().await?;

    // Other devices' files, each read only when its ETag moved.
    let files: Vec<&Listed> = listing
        .iter()
        .filter(|l| !l.is_folder() && l.file_name().ends_with(".json"))
        .collect();
    memory.seen.retain(|name, _| {
        files
            .iter()
            .any(|l| l.file_name() == name && *name != run.own_name)
    });
    for listed in files.iter().filter(|l| l.file_name() != run.own_name) {
        let name = listed.file_name().to_string();
        let known = memory.seen.get(&name);
        if let (Some(seen), Some(etag)) = (known, &listed.etag) {
            if webdav::same_etag(&seen.etag, etag) {
                if let Some(problem) = &seen.problem {
                    synced.problems.push((name, problem.clone()));
                }
                continue;
            }
        }
        let known_etag = known.map(|s| s.etag.clone());
        let Some((text, etag)) = run.read(&name, known_etag.as_deref()).await? else {
            continue;
        };
        let problem = run.take_in(local, &text, &mut synced).await;
        if let Some(problem) = &problem {
            synced.problems.push((name.clone(), problem.clone()));
        }
        let etag = etag.or_else(|| listed.etag.clone()).unwrap_or_default();
        memory.seen.insert(name, Seen { etag, problem });
        shell.pause().await;
    }

    // This device's own file: written by another tab or browser of this person since?
    let own_listed = files.iter().find(|l| l.file_name() == run.own_name);
    let mut own_etag = match own_listed {
        None => None,
        Some(listed) => {
            let moved = match (&memory.own_etag, &listed.etag) {
                (Some(mine), Some(theirs)) => !webdav::same_etag(mine, theirs),
                _ => true,
            };
            if moved {
                run.take_in_own(local, memory, &mut synced).await?
            } else {
                memory.own_etag.clone()
            }
        }
    };
    for _ in 0..WRITE_ATTEMPTS {
        let outgoing = local.outgoing(shell.now());
        let written = device_file::write(&outgoing, || shell.pause()).await;
        let unchanged = memory
            .written
            .as_ref()
            .is_some_and(|w| w.fingerprint == written.fingerprint);
        if unchanged && own_etag.is_some() {
            return Ok(synced);
        }
        shell.pause().await;
        let locked = shell
            .lock(&written.text)
            .await
            .ok_or(SyncFailed::CannotLock)?;
        shell.pause().await;
        match run.write(&locked, own_etag.as_deref()).await? {
            Some(etag) => {
                memory.own_etag = Some(etag);
                memory.written = Some(Written {
                    fingerprint: written.fingerprint,
                });
                synced.wrote = true;
                return Ok(synced);
            }
            None => {
                // 412: another tab or browser of this person wrote first. Take its file
                // in and write again, now naming the version it wrote.
                memory.own_etag = None;
                own_etag = run.take_in_own(local, memory, &mut synced).await?;
            }
        }
    }
    Err(SyncFailed::Busy)
}

struct Run<'a, S> {
    shell: &'a S,
    address: &'a str,
    devices: String,
    authorization: String,
    own_name: String,
}

impl<S: FolderShell> Run<'_, S> {
    async fn send(
        &self,
        method: Method,
        url: &str,
        mut headers: Vec<(&'static str, String)>,
        body: Option<String>,
    ) -> Result<Response, SyncFailed> {
        headers.push(("Authorization", self.authorization.clone()));
        let response = self
            .shell
            .send(Request {
                method,
                url: url.to_string(),
                headers,
                body,
            })
            .await?;
        match response.status {
            401 | 403 => Err(SyncFailed::WrongLogin),
            507 => Err(SyncFailed::Full),
            _ => Ok(response),
        }
    }

    /// The device files, making the folders when they are missing.
    async fn list(&self) -> Result<Vec<Listed>, SyncFailed> {
        let propfind = || {
            self.send(
                Method::Propfind,
                &self.devices,
                vec![
                    ("Depth", "1".into()),
                    ("Content-Type", "application/xml; charset=utf-8".into()),
                ],
                Some(webdav::PROPFIND_BODY.into()),
            )
        };
        let response = propfind().await?;
        match response.status {
            207 => webdav::parse_listing(&response.body).map_err(|_| SyncFailed::NotWebDav),
            404 => {
                self.make_folders().await?;
                Ok(Vec::new())
            }
            200..=299 | 400 | 405 | 501 => Err(SyncFailed::NotWebDav),
            status => Err(SyncFailed::Server(status)),
        }
    }

    async fn make_folders(&self) -> Result<(), SyncFailed> {
        let mkcol = |url: String| async move {
            self.send(Method::Mkcol, &url, Vec::new(), None)
                .await
                .map(|r| r.status)
        };
        match mkcol(self.devices.clone()).await? {
            201 | 405 => return Ok(()),
            409 => {}
            400 | 501 => return Err(SyncFailed::NotWebDav),
            status => return Err(SyncFailed::Server(status)),
        }
        // 409: the group folder itself is missing. Make it, then the devices' folder.
        match mkcol(self.address.to_string()).await? {
            201 | 405 => {}
            409 => return Err(SyncFailed::NoSuchFolder),
            status => return Err(SyncFailed::Server(status)),
        }
        match mkcol(self.devices.clone()).await? {
            201 | 405 => Ok(()),
            status => Err(SyncFailed::Server(status)),
        }
    }

    /// A device file's text and ETag; `None` when it is unchanged (304) or gone (404).
    async fn read(
        &self,
        name: &str,
        known_etag: Option<&str>,
    ) -> Result<Option<(String, Option<String>)>, SyncFailed> {
        let headers = known_etag
            .map(|etag| vec![("If-None-Match", webdav::quoted_etag(etag))])
            .unwrap_or_default();
        let url = format!("{}{name}", self.devices);
        let response = self.send(Method::Get, &url, headers, None).await?;
        match response.status {
            200 => Ok(Some((response.body, response.etag))),
            304 | 404 => Ok(None),
            status => Err(SyncFailed::Server(status)),
        }
    }

    /// Unlocks, reads and merges one device file. Whatever is wrong with it, it is skipped
    /// (and said), never changed.
    async fn take_in(
        &self,
        local: &mut impl Local,
        text: &str,
        synced: &mut Synced,
    ) -> Option<DeviceProblem> {
        if text.len() > locked::MAX_LOCKED_BYTES {
            return Some(DeviceProblem::Unreadable);
        }
        let Ok(envelope) = locked::open_in_pieces(text, || self.shell.pause()).await else {
            return Some(DeviceProblem::Unreadable);
        };
        let Some(plain) = self.shell.unlock(&envelope).await else {
            return Some(DeviceProblem::OtherPassphrase);
        };
        self.shell.pause().await;
        let read = in_pieces::parse(&plain, self.shell.now(), self.shell.today(), || {
            self.shell.pause()
        });
        let Ok(parsed) = read.await else {
            return Some(DeviceProblem::Unreadable);
        };
        let skipped = parsed.skipped.len();
        for piece in in_pieces::split(parsed, in_pieces::RECORDS_PER_PIECE) {
            self.shell.pause().await;
            synced.changed += local.take_in(piece, self.shell.now());
        }
        synced.read += 1;
        (skipped > 0).then_some(DeviceProblem::RecordsSkipped(skipped))
    }

    /// Reads this device's own file (written by another tab or browser of the same person)
    /// and merges it. Returns its ETag, `None` when it is not there.
    async fn take_in_own(
        &self,
        local: &mut impl Local,
        memory: &mut Memory,
        synced: &mut Synced,
    ) -> Result<Option<String>, SyncFailed> {
        let Some((text, etag)) = self.read(&self.own_name, None).await? else {
            return Ok(None);
        };
        if let Some(problem) = self.take_in(local, &text, synced).await {
            synced.problems.push((self.own_name.clone(), problem));
        }
        // What is there now holds everything this device had written, merged: the next
        // write must replace it whatever the fingerprint says.
        memory.written = None;
        let etag = match etag {
            Some(etag) => Some(etag),
            None => self.etag_of(&self.own_name).await?,
        };
        memory.own_etag.clone_from(&etag);
        Ok(etag)
    }

    /// Writes this device's file over the version `replacing` names (a new file when
    /// `None`). Returns its new ETag, or `None` when someone else wrote first (412).
    async fn write(
        &self,
        locked: &str,
        replacing: Option<&str>,
    ) -> Result<Option<String>, SyncFailed> {
        let precondition = match replacing {
            Some(etag) => ("If-Match", webdav::quoted_etag(etag)),
            None => ("If-None-Match", "*".to_string()),
        };
        let url = format!("{}{}", self.devices, self.own_name);
        let headers = vec![
            precondition,
            ("Content-Type", "application/json; charset=utf-8".into()),
        ];
        let response = self
            .send(Method::Put, &url, headers, Some(locked.to_string()))
            .await?;
        match response.status {
            200 | 201 | 204 => match response.etag {
                Some(etag) => Ok(Some(etag)),
                // Some servers answer a PUT without the new ETag: ask for it.
                None => Ok(Some(
                    self.etag_of(&self.own_name).await?.unwrap_or_default(),
                )),
            },
            412 => Ok(None),
            status => Err(SyncFailed::Server(status)),
        }
    }

    async fn etag_of(&self, name: &str) -> Result<Option<String>, SyncFailed> {
        let url = format!("{}{name}", self.devices);
        let response = self
            .send(
                Method::Propfind,
                &url,
                vec![("Depth", "0".into())],
                Some(webdav::PROPFIND_BODY.into()),
            )
            .await?;
        Ok(webdav::parse_listing(&response.body)
            .ok()
            .and_then(|listed| listed.into_iter().next())
            .and_then(|l| l.etag))
    }
}

/// The connection kept in `store`, if any. Text that cannot be read counts as none, and is
/// left where it is for the person's backup: a new connection is written under the same key
/// only after it has been copied aside.
pub fn load_connection(store: &mut impl KeyValueStore) -> Option<Connection> {
    let raw = store.get(CONNECTION_KEY).ok()??;
    match serde_json::from_str(&raw) {
        Ok(connection) => Some(connection),
        Err(_) => {
            let _ = crate::persist::set_aside(store, CONNECTION_KEY, &raw);
            None
        }
    }
}

/// Keeps the connection in `store`. The secrets go only if the person asked for it.
pub fn save_connection(
    store: &mut impl KeyValueStore,
    connection: &Connection,
) -> Result<(), StorageError> {
    let text = serde_json::to_string(connection).expect("a connection always serialises");
    store.set(CONNECTION_KEY, &text)
}

/// Forgets the connection: the folder's address, secrets and what was learnt of it. The data
/// synced stays, as does every file in the folder.
pub fn forget_connection(store: &mut impl KeyValueStore) -> Result<(), StorageError> {
    store.remove(CONNECTION_KEY)
}
