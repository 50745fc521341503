//! The group-folder sync against an in-memory WebDAV folder that answers as WsgiDAV and
//! Nextcloud do (ETags, `If-Match`/`If-None-Match` with 412 and 304, `PROPFIND` with 207),
//! with every way a real folder goes wrong switchable: down, offline, another site, wrong
//! password, full, not WebDAV, and a second writer racing this device's own file. The
//! browser tests (`tests/group_folder.rs`) run the same sync against a real WsgiDAV server.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use kindred_core::folder::{self, DeviceProblem, FolderShell, Local, Memory, Secrets, SyncFailed};
use kindred_core::helper::Helper;
use kindred_core::in_pieces;
use kindred_core::journal::{JournalEntry, Kind};
use kindred_core::locked::{self, Envelope, Header};
use kindred_core::merge;
use kindred_core::model::Model;
use kindred_core::need::Need;
use kindred_core::share::{ParsedFile, ShareFile};
use kindred_core::webdav::{self, Method, NoAnswer, Request, Response};
use uuid::Uuid;

const ADDRESS: &str = "https://cloud.example.org/dav/kindred/";

/// How the folder misbehaves, switched by the tests.
#[derive(Default)]
struct Trouble {
    /// Requests answered before the server goes away (`None`: it stays up).
    answers_left: Option<usize>,
    offline: bool,
    other_site: bool,
    full: bool,
    /// Answers every request with this status and an HTML page, as a plain web server does.
    not_webdav: Option<u16>,
    /// Written over this device's file just before its next PUT: another tab's write.
    racing_write: Option<String>,
}

/// A WebDAV folder in memory, with one user.
struct MemoryFolder {
    files: RefCell<BTreeMap<String, (String, u64)>>,
    folders: RefCell<Vec<String>>,
    next_etag: Cell<u64>,
    trouble: RefCell<Trouble>,
    log: RefCell<Vec<(Method, String)>>,
}

impl MemoryFolder {
    /// A server whose root exists: the group folder and its devices' folder do not yet.
    fn new() -> MemoryFolder {
        MemoryFolder {
            files: RefCell::default(),
            folders: RefCell::new(vec!["https://cloud.example.org/dav/".into()]),
            next_etag: Cell::new(1),
            trouble: RefCell::default(),
            log: RefCell::default(),
        }
    }

    fn etag(&self) -> u64 {
        let etag = self.next_etag.get();
        self.next_etag.set(etag + 1);
        etag
    }

    fn put_file(&self, name: &str, text: &str) {
        let etag = self.etag();
        self.files
            .borrow_mut()
            .insert(format!("{ADDRESS}devices/{name}"), (text.into(), etag));
    }

    fn file(&self, name: &str) -> Option<String> {
        self.files
            .borrow()
            .get(&format!("{ADDRESS}devices/{name}"))
            .map(|(text, _)| text.clone())
    }

    fn requests(&self) -> Vec<Method> {
        self.log.borrow().iter().map(|(m, _)| *m).collect()
    }

    fn answer(&self, request: &Request) -> Response {
        let header = |name: &str| {
            request
                .headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let reply = |status: u16| Response {
            status,
            etag: None,
            body: String::new(),
        };
        if header("Authorization") != Some(webdav::basic_auth("ana", "right password")) {
            return reply(401);
        }
        let url = &request.url;
        let parent_exists = |url: &str| {
            let parent = &url[..url.trim_end_matches('/').rfind('/').unwrap() + 1];
            self.folders.borrow().iter().any(|f| f == parent)
        };
        match request.method {
            Method::Propfind => {
                let depth = header("Depth").unwrap_or_default();
                if depth == "0" {
                    return match self.files.borrow().get(url) {
                        Some((_, etag)) => Response {
                            status: 207,
                            etag: None,
                            body: listing(&[(url.clone(), Some(*etag))]),
                        },
                        None => reply(404),
                    };
                }
                if !self.folders.borrow().contains(url) {
                    return reply(404);
                }
                let mut entries = vec![(url.clone(), None)];
                for (path, (_, etag)) in self.files.borrow().iter() {
                    if path
                        .strip_prefix(url.as_str())
                        .is_some_and(|n| !n.contains('/'))
                    {
                        entries.push((path.clone(), Some(*etag)));
                    }
                }
                Response {
                    status: 207,
                    etag: None,
                    body: listing(&entries),
                }
            }
            Method::Mkcol => {
                if self.folders.borrow().contains(url) {
                    reply(405)
                } else if !parent_exists(url) {
                    reply(409)
                } else {
                    self.folders.borrow_mut().push(url.clone());
                    reply(201)
                }
            }
            Method::Get => match self.files.borrow().get(url) {
                None => reply(404),
                Some((text, etag)) => {
                    if header("If-None-Match")
                        .is_some_and(|t| webdav::same_etag(&t, &etag.to_string()))
                    {
                        reply(304)
                    } else {
                        Response {
                            status: 200,
                            etag: Some(format!("\"{etag}\"")),
                            body: text.clone(),
                        }
                    }
                }
            },
            Method::Put => {
                if let Some(text) = self.trouble.borrow_mut().racing_write.take() {
                    let etag = self.etag();
                    self.files.borrow_mut().insert(url.clone(), (text, etag));
                }
                if self.trouble.borrow().full {
                    return reply(507);
                }
                if !parent_exists(url) {
                    return reply(409);
                }
                let current = self.files.borrow().get(url).map(|(_, etag)| *etag);
                let allowed = match (header("If-Match"), header("If-None-Match"), current) {
                    (Some(wanted), _, Some(etag)) => webdav::same_etag(&wanted, &etag.to_string()),
                    (Some(_), _, None) => false,
                    (None, Some(star), current) => star == "*" && current.is_none(),
                    (None, None, _) => true,
                };
                if !allowed {
                    return reply(412);
                }
                let etag = self.etag();
                let created = current.is_none();
                self.files.borrow_mut().insert(
                    url.clone(),
                    (request.body.clone().unwrap_or_default(), etag),
                );
                Response {
                    status: if created { 201 } else { 204 },
                    etag: Some(format!("\"{etag}\"")),
                    body: String::new(),
                }
            }
        }
    }
}

/// A `207 Multi-Status` as WsgiDAV writes it: quotes left off the ETags, none for folders.
fn listing(entries: &[(String, Option<u64>)]) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="utf-8" ?><ns0:multistatus xmlns:ns0="DAV:">"#,
    );
    for (url, etag) in entries {
        let path = url.trim_start_matches("https://cloud.example.org");
        let (prop, status) = match etag {
            Some(etag) => (format!("<ns0:getetag>{etag}</ns0:getetag>"), "200 OK"),
            None => ("<ns0:getetag />".to_string(), "404 Not Found"),
        };
        xml.push_str(&format!(
            "<ns0:response><ns0:href>{path}</ns0:href><ns0:propstat><ns0:prop>{prop}</ns0:prop><ns0:status>HTTP/1.1 {status}</ns0:status></ns0:propstat></ns0:response>"
        ));
    }
    xml.push_str("</ns0:multistatus>");
    xml
}

/// A device: its data, its memory of the folder, and the passphrase it locks with.
struct Device<'a> {
    folder: &'a MemoryFolder,
    id: String,
    model: Model,
    memory: Memory,
    passphrase: String,
    password: String,
    include_journal: bool,
    clock: Cell<DateTime<Utc>>,
}

/// The browser's part, for the tests: requests go to the in-memory folder, and "locking" is
/// a keyed scramble with a check value, so that a wrong passphrase is refused as AES-GCM
/// refuses it. (The real cipher is WebCrypto's, tested in the browser and against Python.)
struct Shell<'a> {
    folder: &'a MemoryFolder,
    passphrase: String,
    now: DateTime<Utc>,
}

fn keystream(passphrase: &str, salt: &[u8], length: usize) -> Vec<u8> {
    let mut state: u64 = 0xcbf2_9ce4_8422_2325;
    for b in passphrase.bytes().chain(salt.iter().copied()) {
        state = (state ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..length)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

impl FolderShell for Shell<'_> {
    async fn send(&self, request: Request) -> Result<Response, NoAnswer> {
        self.folder
            .log
            .borrow_mut()
            .push((request.method, request.url.clone()));
        let mut trouble = self.folder.trouble.borrow_mut();
        if trouble.offline {
            return Err(NoAnswer::Offline);
        }
        if trouble.other_site {
            return Err(NoAnswer::NotAllowedBySite);
        }
        if let Some(left) = trouble.answers_left.as_mut() {
            if *left == 0 {
                return Err(NoAnswer::Unreachable);
            }
            *left -= 1;
        }
        if let Some(status) = trouble.not_webdav {
            return Ok(Response {
                status,
                etag: None,
                body: "<html><body>It works!</body></html>".into(),
            });
        }
        drop(trouble);
        Ok(self.folder.answer(&request))
    }

    async fn lock(&self, text: &str) -> Option<String> {
        let mut random = [0u8; locked::SALT_BYTES + locked::IV_BYTES];
        random[0] = (self.now.timestamp() % 251) as u8;
        let header = Header::new(random);
        let mut ciphertext: Vec<u8> = text
            .bytes()
            .zip(keystream(&self.passphrase, &header.salt, text.len()))
            .map(|(b, k)| b ^ k)
            .collect();
        ciphertext.extend(keystream(&self.passphrase, b"check", locked::TAG_BYTES));
        Some(Envelope { header, ciphertext }.text())
    }

    async fn unlock(&self, envelope: &Envelope) -> Option<String> {
        let (body, tag) = envelope
            .ciphertext
            .split_at(envelope.ciphertext.len().checked_sub(locked::TAG_BYTES)?);
        if tag != keystream(&self.passphrase, b"check", locked::TAG_BYTES) {
            return None;
        }
        let plain: Vec<u8> = body
            .iter()
            .zip(keystream(
                &self.passphrase,
                &envelope.header.salt,
                body.len(),
            ))
            .map(|(b, k)| b ^ k)
            .collect();
        String::from_utf8(plain).ok()
    }

    async fn pause(&self) {}

    fn now(&self) -> DateTime<Utc> {
        self.now
    }

    fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }
}

/// The device's data as a sync sees it.
struct Data<'a> {
    model: &'a mut Model,
    include_journal: bool,
}

impl Local for Data<'_> {
    fn take_in(&mut self, file: ParsedFile, now: DateTime<Utc>) -> usize {
        folder::take_in(self.model, file, now)
    }

    fn outgoing(&self, exported_at: DateTime<Utc>) -> ShareFile {
        folder::outgoing(self.model, self.include_journal, exported_at)
    }
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

impl<'a> Device<'a> {
    fn new(folder: &'a MemoryFolder, id: &str) -> Device<'a> {
        Device {
            folder,
            id: id.into(),
            model: Model::default(),
            memory: Memory::default(),
            passphrase: "river apple lantern".into(),
            password: "right password".into(),
            include_journal: false,
            clock: Cell::new(start()),
        }
    }

    /// A minute later than this device's last step, so stamps order as they would.
    fn tick(&self) -> DateTime<Utc> {
        let now = self.clock.get() + Duration::minutes(1);
        self.clock.set(now);
        now
    }

    fn sync(&mut self) -> Result<folder::Synced, SyncFailed> {
        let now = self.tick();
        let shell = Shell {
            folder: self.folder,
            passphrase: self.passphrase.clone(),
            now,
        };
        let mut data = Data {
            model: &mut self.model,
            include_journal: self.include_journal,
        };
        let secrets = Secrets {
            user: "ana".into(),
            password: self.password.clone(),
            passphrase: self.passphrase.clone(),
        };
        // Every await against the in-memory folder is ready at once.
        in_pieces::at_once(folder::sync(
            &shell,
            &mut data,
            ADDRESS,
            &self.id,
            &secrets,
            &mut self.memory,
        ))
    }

    fn add_helper(&mut self, n: u128, name: &str) {
        let now = self.tick();
        let mut helper = Helper::new(Uuid::from_u128(n), now, name.into());
        helper.phone = "+852 5555 0101".into();
        helper.private_note = "keys under the mat".into();
        self.model.helpers.put(helper, now);
    }

    fn edit_helper(&mut self, n: u128, area: &str) {
        let now = self.tick();
        let mut helper = self.model.helpers.get(Uuid::from_u128(n)).unwrap().clone();
        helper.area = area.into();
        self.model.helpers.put(helper, now);
    }

    fn helper(&self, n: u128) -> Option<&Helper> {
        self.model.helpers.get(Uuid::from_u128(n))
    }
}

#[test]
fn two_devices_share_helpers_and_needs_and_an_edit_comes_back() {
    let folder = MemoryFolder::new();
    let mut ana = Device::new(&folder, "ana-phone");
    let mut ben = Device::new(&folder, "ben-phone");
    ana.add_helper(1, "Mrs Chan");
    let now = ana.tick();
    ana.model.needs.put(
        Need::new(Uuid::from_u128(2), now, "Ride to the clinic".into()),
        now,
    );

    let first = ana.sync().unwrap();
    assert!(first.wrote);
    assert!(
        folder.file("ana-phone.json").is_some(),
        "the folders are made"
    );
    let got = ben.sync().unwrap();
    assert_eq!((got.read, got.changed), (1, 2));
    assert_eq!(ben.helper(1).unwrap().name, "Mrs Chan");
    assert_eq!(
        ben.helper(1).unwrap().private_note,
        "",
        "private notes never leave"
    );
    assert_eq!(ben.model.needs.live_count(), 1);

    ben.edit_helper(1, "Block C");
    ben.sync().unwrap();
    ana.sync().unwrap();
    assert_eq!(ana.helper(1).unwrap().area, "Block C");
    assert_eq!(
        ana.helper(1).unwrap().private_note,
        "keys under the mat",
        "an edit from the folder keeps the private note kept here"
    );
}

#[test]
fn the_folder_is_made_when_missing_and_a_missing_parent_is_said() {
    let folder = MemoryFolder::new();
    let mut ana = Device::new(&folder, "ana-phone");
    ana.add_helper(1, "Mrs Chan");
    ana.sync().unwrap();
    assert_eq!(
        folder.requests(),
        [
            Method::Propfind,
            Method::Mkcol,
            Method::Mkcol,
            Method::Mkcol,
            Method::Put
        ],
        "devices/ fails (409), the group folder is made, then devices/, then the file"
    );

    let orphan = MemoryFolder::new();
    orphan.folders.borrow_mut().clear();
    let mut ben = Device::new(&orphan, "ben-phone");
    assert_eq!(ben.sync(), Err(SyncFailed::NoSuchFolder));
}

#[test]
fn a_sync_where_nothing_changed_lists_the_folder_and_reads_and_writes_nothing() {
    let folder = MemoryFolder::new();
    let mut ana = Device::new(&folder, "ana-phone");
    let mut ben = Device::new(&folder, "ben-phone");
    ana.add_helper(1, "Mrs Chan");
    ana.sync().unwrap();
    ben.sync().unwrap();
    ana.sync().unwrap();
    folder.log.borrow_mut().clear();

    let again = ana.sync().unwrap();
    assert!(!again.wrote);
    assert_eq!(again.read, 0);
    assert_eq!(folder.requests(), [Method::Propfind]);
}

#[test]
fn three_devices_with_concurrent_edits_converge_and_keep_the_conflict_for_review() {
    let folder = MemoryFolder::new();
    let mut devices: Vec<Device> = ["a", "b", "c"]
        .iter()
        .map(|id| Device::new(&folder, id))
        .collect();
    devices[0].add_helper(1, "Mrs Chan");
    for device in devices.iter_mut() {
        device.sync().unwrap();
    }
    devices[0].edit_helper(1, "Block A");
    devices[1].edit_helper(1, "Block B");
    devices[2].add_helper(3, "Mr Lee");
    // Two rounds: the last writer's file reaches the first only in the second.
    for _ in 0..2 {
        for device in devices.iter_mut() {
            device.sync().unwrap();
        }
    }
    let first = devices[0].helper(1).unwrap().clone();
    for device in &devices {
        let helper = device.helper(1).unwrap();
        let revisions = |h: &Helper| merge::versions(h).iter().map(|v| v.rev).collect::<Vec<_>>();
        assert_eq!(
            revisions(helper),
            revisions(&first),
            "the same winner shows everywhere, the same version waits"
        );
        assert!(merge::needs_review(helper), "the conflict waits for review");
        let areas: Vec<String> = merge::versions(helper)
            .iter()
            .map(|v| v.area.clone())
            .collect();
        assert!(areas.contains(&"Block A".to_string()), "{areas:?}");
        assert!(areas.contains(&"Block B".to_string()), "{areas:?}");
        assert!(device.helper(3).is_some());
    }
}

#[test]
fn a_wrong_password_changes_nothing_and_says_so() {
    let folder = MemoryFolder::new();
    let mut ana = Device::new(&folder, "ana-phone");
    ana.add_helper(1, "Mrs Chan");
    ana.sync().unwrap();
    let mut ben = Device::new(&folder, "ben-phone");
    ben.password = "wrong".into();
    let before = ben.model.clone();
    assert_eq!(ben.sync(), Err(SyncFailed::WrongLogin));
    assert_eq!(ben.model, before);
    assert_eq!(ben.memory, Memory::default());
}

#[test]
fn a_folder_that_is_down_offline_another_site_or_not_webdav_is_said_and_nothing_is_lost() {
    for (trouble, expected) in [
        (
            Trouble {
                answers_left: Some(0),
                ..Trouble::default()
            },
            SyncFailed::Unreachable,
        ),
        (
            Trouble {
                offline: true,
                ..Trouble::default()
            },
            SyncFailed::Offline,
        ),
        (
            Trouble {
                other_site: true,
                ..Trouble::default()
            },
            SyncFailed::NotAllowedBySite,
        ),
        (
            Trouble {
                not_webdav: Some(200),
                ..Trouble::default()
            },
            SyncFailed::NotWebDav,
        ),
        (
            Trouble {
                not_webdav: Some(405),
                ..Trouble::default()
            },
            SyncFailed::NotWebDav,
        ),
        (
            Trouble {
                not_webdav: Some(500),
                ..Trouble::default()
            },
            SyncFailed::Server(500),
        ),
    ] {
        let folder = MemoryFolder::new();
        let mut ana = Device::new(&folder, "ana-phone");
        ana.add_helper(1, "Mrs Chan");
        *folder.trouble.borrow_mut() = trouble;
        assert_eq!(ana.sync(), Err(expected));
        assert!(ana.helper(1).is_some());
        *folder.trouble.borrow_mut() = Trouble::default();
        ana.sync().unwrap();
        assert!(
            folder.file("ana-phone.json").is_some(),
            "{expected:?}: written once back"
        );
    }
}

#[test]
fn a_server_that_stops_mid_sync_gets_the_change_later_and_what_was_read_stays() {
    let folder = MemoryFolder::new();
    let mut ana = Device::new(&folder, "ana-phone");
    let mut ben = Device::new(&folder, "ben-phone");
    ana.add_helper(1, "Mrs Chan");
    ana.sync().unwrap();
    ben.add_helper(2, "Mr Lee");
    // Listing and reading Ana's file work; the server goes before Ben's write.
    folder.trouble.borrow_mut().answers_left = Some(2);
    assert_eq!(ben.sync(), Err(SyncFailed::Unreachable));
    assert!(ben.helper(1).is_some(), "what was read is taken in");
    assert!(folder.file("ben-phone.json").is_none());

    folder.trouble.borrow_mut().answers_left = None;
    folder.log.borrow_mut().clear();
    ben.sync().unwrap();
    assert!(
        !folder.requests().contains(&Method::Get),
        "Ana's file is not read twice"
    );
    ana.sync().unwrap();
    assert_eq!(
        ana.helper(2).unwrap().name,
        "Mr Lee",
        "the change arrives later"
    );
}

#[test]
fn a_full_folder_is_said_and_the_write_happens_once_there_is_room() {
    let folder = MemoryFolder::new();
    let mut ana = Device::new(&folder, "ana-phone");
    ana.add_helper(1, "Mrs Chan");
    ana.sync().unwrap();
    ana.edit_helper(1, "Block C");
    folder.trouble.borrow_mut().full = true;
    assert_eq!(ana.sync(), Err(SyncFailed::Full));
    folder.trouble.borrow_mut().full = false;
    assert!(ana.sync().unwrap().wrote);
    let mut ben = Device::new(&folder, "ben-phone");
    ben.sync().unwrap();
    assert_eq!(ben.helper(1).unwrap().area, "Block C");
}

#[test]
fn two_tabs_of_one_device_racing_for_its_file_lose_nothing() {
    let folder = MemoryFolder::new();
    let mut tab1 = Device::new(&folder, "ana-phone");
    let mut tab2 = Device::new(&folder, "ana-phone");
    tab1.add_helper(1, "Mrs Chan");
    tab1.sync().unwrap();
    tab2.sync().unwrap();
    // Tab 2 edits; just before its write, tab 1 writes a new helper to the same file.
    tab1.add_helper(2, "Mr Lee");
    let tab1_file = {
        tab1.sync().unwrap();
        folder.file("ana-phone.json").unwrap()
    };
    tab1.memory.own_etag = None;
    tab2.edit_helper(1, "Block C");
    folder.trouble.borrow_mut().racing_write = Some(tab1_file);
    let synced = tab2.sync().unwrap();
    assert!(synced.wrote);
    assert!(
        tab2.helper(2).is_some(),
        "the racing write was read and merged"
    );

    let mut ben = Device::new(&folder, "ben-phone");
    ben.sync().unwrap();
    assert_eq!(ben.helper(1).unwrap().area, "Block C");
    assert_eq!(ben.helper(2).unwrap().name, "Mr Lee");
}

#[test]
fn a_garbage_file_and_one_locked_with_another_passphrase_are_skipped_and_never_touched() {
    let folder = MemoryFolder::new();
    let mut ana = Device::new(&folder, "ana-phone");
    ana.add_helper(1, "Mrs Chan");
    ana.sync().unwrap();
    let mut stranger = Device::new(&folder, "stranger");
    stranger.passphrase = "another group".into();
    stranger.add_helper(9, "Someone else");
    stranger.sync().unwrap();
    folder.put_file("broken.json", "{\"this is\": not a locked file");
    let stranger_file = folder.file("stranger.json").unwrap();

    let mut ben = Device::new(&folder, "ben-phone");
    let synced = ben.sync().unwrap();
    assert!(ben.helper(1).is_some(), "the rest is used");
    assert!(ben.helper(9).is_none());
    let problems: BTreeMap<String, DeviceProblem> = synced.problems.into_iter().collect();
    assert_eq!(problems["broken.json"], DeviceProblem::Unreadable);
    assert_eq!(problems["stranger.json"], DeviceProblem::OtherPassphrase);
    assert_eq!(
        folder.file("broken.json").as_deref(),
        Some("{\"this is\": not a locked file")
    );
    assert_eq!(folder.file("stranger.json"), Some(stranger_file));

    // Said again at the next sync, without reading (or unlocking) them again.
    folder.log.borrow_mut().clear();
    let again = ben.sync().unwrap();
    assert_eq!(again.problems.len(), 2);
    assert!(!folder.requests().contains(&Method::Get));
}

#[test]
fn the_journal_goes_only_when_chosen_and_private_notes_never() {
    let folder = MemoryFolder::new();
    let mut ana = Device::new(&folder, "ana-phone");
    let now = ana.tick();
    let mut entry = JournalEntry::new(
        Uuid::from_u128(5),
        now,
        "Carried shopping up".into(),
        Kind::Given,
        now.date_naive(),
    );
    entry.private_note = "she was sad today".into();
    ana.model.journal.put(entry, now);
    ana.sync().unwrap();
    let mut ben = Device::new(&folder, "ben-phone");
    ben.sync().unwrap();
    assert_eq!(ben.model.journal.live_count(), 0);

    ana.include_journal = true;
    ana.sync().unwrap();
    ben.sync().unwrap();
    let got = ben.model.journal.get(Uuid::from_u128(5)).unwrap();
    assert_eq!(got.text, "Carried shopping up");
    assert_eq!(got.private_note, "");
}

#[test]
fn a_delete_travels_and_an_edit_concurrent_with_it_is_kept() {
    let folder = MemoryFolder::new();
    let mut ana = Device::new(&folder, "ana-phone");
    let mut ben = Device::new(&folder, "ben-phone");
    ana.add_helper(1, "Mrs Chan");
    ana.add_helper(2, "Mr Lee");
    ana.sync().unwrap();
    ben.sync().unwrap();
    let now = ana.tick();
    ana.model.helpers.delete(Uuid::from_u128(1), now);
    ana.model.helpers.delete(Uuid::from_u128(2), now);
    ben.edit_helper(2, "Block D");
    ana.sync().unwrap();
    ben.sync().unwrap();
    ana.sync().unwrap();
    for device in [&ana, &ben] {
        assert!(device.helper(1).is_none(), "the delete travelled");
        let kept = device.helper(2).expect("the concurrent edit shows");
        assert_eq!(kept.area, "Block D");
        assert!(merge::needs_review(kept), "the delete waits for review");
    }
}

#[test]
fn a_device_whose_file_left_the_folder_is_forgotten() {
    let folder = MemoryFolder::new();
    let mut ana = Device::new(&folder, "ana-phone");
    let mut ben = Device::new(&folder, "ben-phone");
    ben.add_helper(2, "Mr Lee");
    ben.sync().unwrap();
    ana.sync().unwrap();
    assert!(ana.memory.seen.contains_key("ben-phone.json"));
    folder
        .files
        .borrow_mut()
        .retain(|path, _| !path.ends_with("ben-phone.json"));
    ana.sync().unwrap();
    assert!(!ana.memory.seen.contains_key("ben-phone.json"));
    assert!(ana.helper(2).is_some(), "what it shared stays");
}

#[test]
fn folder_addresses_must_be_https_or_this_machine() {
    assert_eq!(
        folder::folder_address(" https://cloud.example.org/remote.php/dav/files/ana/Kindred "),
        Some("https://cloud.example.org/remote.php/dav/files/ana/Kindred/".into())
    );
    assert_eq!(
        folder::folder_address("http://127.0.0.1:8080/dav/"),
        Some("http://127.0.0.1:8080/dav/".into())
    );
    assert_eq!(
        folder::folder_address("http://[::1]:8080/dav"),
        Some("http://[::1]:8080/dav/".into())
    );
    for refused in [
        "http://cloud.example.org/dav/",
        "ftp://cloud.example.org/",
        "cloud.example.org/dav",
        "https://ana:secret@cloud.example.org/dav/",
        "https://cloud.example.org/dav/?x=1",
        "https:///dav",
        "",
    ] {
        assert_eq!(folder::folder_address(refused), None, "{refused:?}");
    }
}
