//! Neighbours syncing through a group folder on a real WebDAV server (WsgiDAV, from PyPI),
//! which serves the app and the folder from one site as the README's simplest deployment
//! does: each browser connects in Settings → Group folder and what one writes reaches the
//! others, locked, with every failure said in words. The same sync is tested natively, with
//! the failures a real server cannot be made to show on demand (a full folder, a 412 at the
//! exact moment), in core/tests/folder_sync.rs.

mod support;

use std::time::{Duration, Instant};

use support::webdav::{WebDavServer, PASSWORD, USER};
use support::App;

const PASSPHRASE: &str = "lantern river 蘋果 harbour";
/// How long a sync may take: each device file's key takes PBKDF2's 600,000 rounds.
const SYNC_TIMEOUT: Duration = Duration::from_secs(30);

/// What the Sync status says now.
fn status(app: &App) -> String {
    app.get("status", "Sync status").text()
}

/// Waits until the Sync status says `words`, and returns all it says.
#[track_caller]
fn wait_for_status(app: &App, words: &str) -> String {
    let deadline = Instant::now() + SYNC_TIMEOUT;
    loop {
        let now = status(app);
        if now.contains(words) {
            return now;
        }
        if Instant::now() > deadline {
            panic!("the Sync status never said {words:?}; it says {now:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

const JOURNAL_TOO: &[&str] = &["Also sync my journal"];
const REMEMBER: &[&str] = &["Remember the password and passphrase on this device"];

/// Fills in Settings → Group folder, ticks `boxes`, and presses Connect.
fn connect_with(app: &App, folder: &str, password: &str, passphrase: &str, boxes: &[&str]) {
    app.open("#/settings");
    for (field, value) in [
        ("Folder address", folder),
        ("User name", USER),
        ("Password", password),
        ("Group passphrase", passphrase),
    ] {
        let field = app.get("textbox", field);
        field.clear();
        field.type_text(value);
    }
    for label in boxes {
        app.get("checkbox", label).click();
    }
    app.get("button", "Connect").click();
}

#[track_caller]
fn connect(app: &App, server: &WebDavServer) {
    connect_with(app, &server.folder(), PASSWORD, PASSPHRASE, &[]);
    wait_for_status(app, "Last synced at");
}

#[track_caller]
fn sync_now(app: &App) -> String {
    app.open("#/settings");
    app.get("button", "Sync now").click();
    wait_for_status(app, "Last synced at")
}

fn phone_at(server: &WebDavServer) -> App {
    let app = App::start_at(&server.page());
    app.open("#/journal");
    app
}

fn add_need(app: &App, what: &str) {
    app.open("#/needs");
    app.get("button", "Add need").click();
    app.get("textbox", "What is needed").type_text(what);
    app.get("button", "Save").click();
    app.wait_for("the need to be saved", || {
        app.local_storage().values().any(|v| v.contains(what))
    });
}

fn log_kindness(app: &App, what: &str) {
    app.open("#/journal");
    app.get("button", "Log a kindness").click();
    app.get("textbox", "What happened").type_text(what);
    app.get("button", "Save").click();
    app.wait_for("the entry to be saved", || {
        app.local_storage().values().any(|v| v.contains(what))
    });
}

fn set_area(app: &App, helper: &str, area: &str) {
    app.open("#/helpers");
    app.get("list", "Helpers")
        .within_with_text("listitem", helper)
        .within("button", "Edit")
        .click();
    let field = app.get("textbox", "Area");
    field.clear();
    field.type_text(area);
    app.get("button", "Save").click();
    app.wait_for("the edit to be saved", || {
        app.local_storage().values().any(|v| v.contains(area))
    });
}

fn helpers_listed(app: &App) -> String {
    app.open("#/helpers");
    app.get("list", "Helpers").text()
}

#[test]
fn two_phones_sync_helpers_and_needs_locked_and_the_journal_only_when_chosen() {
    let server = WebDavServer::with_app(&App::dist_dir());
    let ana = phone_at(&server);
    ana.add_helper(&[
        ("Name", "Chan Tai Man"),
        ("Area", "Lok Fu Estate"),
        ("Phone", "+852 5550 1234"),
        ("Private note", "Prefers mornings, hard of hearing"),
    ]);
    add_need(&ana, "Ride to the dialysis clinic");
    log_kindness(&ana, "Carried rice up to the 12th floor");
    connect(&ana, &server);

    let files = server.device_files();
    assert_eq!(files.len(), 1, "one file per device: {files:?}");
    for (name, text) in &files {
        assert!(name.ends_with(".json"), "{name}");
        assert!(text.starts_with("{\"format\":\"kindred-locked\""), "{text}");
        for readable in ["Chan Tai Man", "Lok Fu", "5550", "dialysis", "rice"] {
            assert!(!text.contains(readable), "{readable} is readable in {name}");
        }
    }

    let ben = phone_at(&server);
    connect(&ben, &server);
    let listed = helpers_listed(&ben);
    assert!(
        listed.contains("Chan Tai Man") && listed.contains("Lok Fu Estate"),
        "{listed}"
    );
    ben.get("list", "Helpers")
        .within_with_text("listitem", "Chan Tai Man")
        .within("button", "Details")
        .click();
    ben.get("button", "QR code");
    assert!(!ben.page_text().contains("hard of hearing"));
    ben.open("#/needs");
    ben.get("list", "Needs")
        .within_with_text("listitem", "Ride to the dialysis clinic");
    ben.open("#/journal");
    assert!(
        !ben.page_text().contains("Carried rice"),
        "the journal stays unless chosen"
    );

    // Ana now chooses to sync her journal too.
    ana.open("#/settings");
    ana.get("button", "Disconnect").click();
    wait_for_status(&ana, "Not connected");
    connect_with(&ana, &server.folder(), PASSWORD, PASSPHRASE, JOURNAL_TOO);
    wait_for_status(&ana, "Last synced at");
    sync_now(&ben);
    ben.open("#/journal");
    ben.wait_for_text("Carried rice up to the 12th floor");

    // And an edit on Ben's phone comes back to Ana's.
    set_area(&ben, "Chan Tai Man", "Wang Tau Hom");
    sync_now(&ben);
    sync_now(&ana);
    assert!(helpers_listed(&ana).contains("Wang Tau Hom"));
    ana.open("#/helpers");
    ana.get("list", "Helpers")
        .within_with_text("listitem", "Chan Tai Man")
        .within("button", "Edit")
        .click();
    assert_eq!(
        ana.get("textbox", "Private note").value(),
        "Prefers mornings, hard of hearing",
        "a change from the folder keeps the private note kept here"
    );
}

#[test]
fn three_phones_with_concurrent_edits_converge_and_the_conflict_waits_for_review() {
    let server = WebDavServer::with_app(&App::dist_dir());
    let phones: Vec<App> = (0..3).map(|_| phone_at(&server)).collect();
    phones[0].add_helper(&[("Name", "Lee Mei Ling"), ("Area", "Kowloon City")]);
    for phone in &phones {
        connect(phone, &server);
    }
    sync_now(&phones[0]);
    for phone in &phones {
        assert!(helpers_listed(phone).contains("Lee Mei Ling"));
    }
    set_area(&phones[0], "Lee Mei Ling", "Mong Kok");
    set_area(&phones[1], "Lee Mei Ling", "Sha Tin");
    // Two rounds: the second carries what the last phone of the first round wrote.
    for _ in 0..2 {
        for phone in &phones {
            sync_now(phone);
        }
    }
    let shown: Vec<bool> = phones
        .iter()
        .map(|p| helpers_listed(p).contains("Mong Kok"))
        .collect();
    assert!(
        shown.iter().all(|s| *s == shown[0]),
        "the same version shows on every phone: {shown:?}"
    );
    let third = &phones[2];
    third.open("#/settings");
    let said = status(third);
    assert!(said.contains("One record has two versions"), "{said}");
    third.get("button", "Review conflicts").click();
    let waiting = third.get_with_text("group", "Lee Mei Ling");
    let text = waiting.text();
    assert!(
        text.contains("Mong Kok") && text.contains("Sha Tin"),
        "{text}"
    );
    third.screenshot("group-folder-conflict-390");
    assert_eq!(third.axe_violations(), Vec::<String>::new());
}

#[test]
fn a_disconnect_while_a_sync_runs_stays_disconnected_and_keeps_no_secret() {
    let server = WebDavServer::with_app(&App::dist_dir());
    let ana = phone_at(&server);
    connect_with(&ana, &server.folder(), PASSWORD, PASSPHRASE, REMEMBER);
    wait_for_status(&ana, "Last synced at");
    // Tapped one after the other: the sync has begun, or is about to, when Disconnect lands.
    for between in ["", "await new Promise(r => setTimeout(r, 0));"] {
        ana.browser().execute(
            &format!(
                "return (async () => {{
                     const button = name => [...document.querySelectorAll('button')]
                         .find(b => b.textContent.trim() === name);
                     button('Sync now').click();
                     {between}
                     button('Disconnect').click();
                 }})();"
            ),
            &[],
        );
        wait_for_status(&ana, "Not connected");
        // Long enough for the sync to end (a quiet sync of this folder takes under a second):
        // it must not bring the connection, or the remembered password, back.
        std::thread::sleep(Duration::from_secs(3));
        assert!(status(&ana).contains("Not connected"), "{}", status(&ana));
        assert!(
            !ana.local_storage().values().any(|v| v.contains(PASSWORD)),
            "the password the person let go of is not written back"
        );
        ana.reload();
        ana.open("#/settings");
        assert!(status(&ana).contains("Not connected"));
        connect_with(&ana, &server.folder(), PASSWORD, PASSPHRASE, REMEMBER);
        wait_for_status(&ana, "Last synced at");
    }
}

#[test]
fn a_wrong_password_is_said_and_nothing_is_kept() {
    let server = WebDavServer::with_app(&App::dist_dir());
    let ana = phone_at(&server);
    connect_with(&ana, &server.folder(), "not the password", PASSPHRASE, &[]);
    let said = wait_for_status(&ana, "Could not sync");
    assert!(said.contains("user name or password is wrong"), "{said}");
    assert!(server.device_files().is_empty());
    ana.reload();
    ana.open("#/settings");
    assert!(status(&ana).contains("Not connected"));
    assert!(
        !ana.local_storage()
            .values()
            .any(|v| v.contains("not the password")),
        "a password is never stored unless asked"
    );
}

#[test]
fn a_change_made_while_the_server_is_down_or_the_phone_offline_arrives_once_it_is_back() {
    let mut server = WebDavServer::with_app(&App::dist_dir());
    let ana = phone_at(&server);
    connect(&ana, &server);
    server.stop();
    ana.add_helper(&[("Name", "Wong Ka Yan")]);
    ana.open("#/settings");
    ana.get("button", "Sync now").click();
    let said = wait_for_status(&ana, "Could not sync");
    assert!(said.contains("cannot be reached"), "{said}");
    assert!(said.contains("tries again"), "{said}");

    // With no network at all, the phone says so rather than blaming the server.
    server.restart();
    let network = |offline: bool| {
        ana.browser()
            .devtools("Network.enable", serde_json::json!({}));
        ana.browser().devtools(
            "Network.emulateNetworkConditions",
            serde_json::json!({
                "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1
            }),
        );
    };
    network(true);
    ana.get("button", "Sync now").click();
    wait_for_status(&ana, "this phone is offline");
    network(false);
    sync_now(&ana);
    let ben = phone_at(&server);
    connect(&ben, &server);
    assert!(helpers_listed(&ben).contains("Wong Ka Yan"));
}

#[test]
fn two_browsers_of_one_person_writing_one_device_file_lose_nothing() {
    let server = WebDavServer::with_app(&App::dist_dir());
    let laptop = phone_at(&server);
    connect_with(&laptop, &server.folder(), PASSWORD, PASSPHRASE, REMEMBER);
    wait_for_status(&laptop, "Last synced at");
    // The same person's second browser, restored with this one's connection: the same
    // device file, and a memory of it that is about to be out of date.
    let phone = phone_at(&server);
    let connection = laptop.local_storage()["kindred/folder"].clone();
    phone.set_local_storage("kindred/folder", &connection);
    phone.reload();
    laptop.add_helper(&[("Name", "From the laptop")]);
    sync_now(&laptop);
    phone.add_helper(&[("Name", "From the phone")]);
    sync_now(&phone);
    assert_eq!(server.device_files().len(), 1);

    let ben = phone_at(&server);
    connect(&ben, &server);
    let listed = helpers_listed(&ben);
    assert!(
        listed.contains("From the laptop") && listed.contains("From the phone"),
        "{listed}"
    );
}

#[test]
fn a_garbage_file_and_a_file_locked_with_another_passphrase_are_said_and_left_alone() {
    let server = WebDavServer::with_app(&App::dist_dir());
    let stranger = phone_at(&server);
    stranger.add_helper(&[("Name", "Someone Else")]);
    connect_with(
        &stranger,
        &server.folder(),
        PASSWORD,
        "another group entirely",
        &[],
    );
    wait_for_status(&stranger, "Last synced at");
    let stranger_file = server.device_files();
    server.put_device_file("broken.json", "{\"format\": \"kindred-locked\", trunc");

    let ana = phone_at(&server);
    let ben = phone_at(&server);
    ben.add_helper(&[("Name", "Ho Wing Sze")]);
    connect(&ben, &server);
    connect(&ana, &server);
    let said = status(&ana);
    assert!(said.contains("broken.json could not be read"), "{said}");
    assert!(said.contains("is locked with another passphrase"), "{said}");
    let listed = helpers_listed(&ana);
    assert!(listed.contains("Ho Wing Sze"), "the rest is used: {listed}");
    assert!(!listed.contains("Someone Else"));
    let files = server.device_files();
    assert!(files.contains(&(
        "broken.json".to_string(),
        "{\"format\": \"kindred-locked\", trunc".to_string()
    )));
    assert!(files.contains(&stranger_file[0]), "never changed");
}

#[test]
fn an_address_that_is_not_a_webdav_folder_or_is_on_another_site_is_said() {
    // The app's own plain static server answers PROPFIND with 405, as most web hosts do.
    let app = App::start();
    app.open("#/settings");
    connect_with(&app, &app.url("folder/"), PASSWORD, PASSPHRASE, &[]);
    let said = wait_for_status(&app, "Could not sync");
    assert!(said.contains("not a WebDAV folder"), "{said}");

    // A folder on another site, which this build may not reach.
    let elsewhere = WebDavServer::folder_only();
    app.reload();
    connect_with(&app, &elsewhere.folder(), PASSWORD, PASSPHRASE, &[]);
    let alert = app.get("alert", "").text();
    assert!(alert.contains("may reach only its own site"), "{alert}");
}

#[test]
fn a_folder_on_another_site_that_sends_no_cors_headers_is_said() {
    // A build for a folder on another site (KINDRED_FOLDER_ORIGIN): its policy names that
    // site. WsgiDAV, as configured here, sends no CORS headers.
    let elsewhere = WebDavServer::folder_only();
    let app = App::start();
    let root = support::copy_of_dist("group-folder-elsewhere");
    let index = std::fs::read_to_string(root.join("index.html")).unwrap();
    let policy = index.replace(
        "connect-src 'self'",
        &format!("connect-src 'self' {}", elsewhere.origin()),
    );
    assert_ne!(policy, index);
    std::fs::write(root.join("index.html"), policy).unwrap();
    app.server().set_root(root);
    app.open("#/settings");
    connect_with(&app, &elsewhere.folder(), PASSWORD, PASSPHRASE, &[]);
    let said = wait_for_status(&app, "Could not sync");
    assert!(said.contains("does not allow this site"), "{said}");
    assert!(
        said.contains(&app.url("").trim_end_matches('/').to_string()),
        "{said}"
    );
}

#[test]
fn the_group_folder_settings_read_well_on_a_phone_and_a_desktop_in_both_languages() {
    let server = WebDavServer::with_app(&App::dist_dir());
    let ana = phone_at(&server);
    ana.open("#/settings");
    let section = ana.get("region", "Group folder");
    section.execute("arguments[0].scrollIntoView()", &[]);
    ana.screenshot("group-folder-form-390");
    assert_eq!(ana.axe_violations(), Vec::<String>::new());
    connect(&ana, &server);
    ana.get("region", "Group folder")
        .execute("arguments[0].scrollIntoView()", &[]);
    ana.screenshot("group-folder-connected-390");
    assert_eq!(ana.axe_violations(), Vec::<String>::new());
    ana.get("combobox", "Language").select("繁體中文");
    ana.get("region", "群組資料夾")
        .execute("arguments[0].scrollIntoView()", &[]);
    ana.screenshot("group-folder-connected-zh-390");
    assert_eq!(ana.axe_violations(), Vec::<String>::new());

    let wide = App::start_with_size(1280, 900);
    wide.open("#/settings");
    wide.get("region", "Group folder")
        .execute("arguments[0].scrollIntoView()", &[]);
    wide.screenshot("group-folder-form-1280");
}
