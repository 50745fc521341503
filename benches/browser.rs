//! The browser benchmark: Kindred's built app in headless Chromium with large data, reporting
//! medians over several runs against the budgets. Run with `scripts/bench`.

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::Duration;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use kindred_core::backup_health::LOCAL_STORAGE_QUOTA;
use kindred_core::model::Model;
use kindred_core::persist;
use kindred_core::sample;
use kindred_core::share::{self, ExportChoice};
use kindred_core::storage::MemoryStore;
use serde_json::json;
use support::face_to_face::{wait_long, Phone, PAIRING_WAIT};
use support::static_server::Compression;
use support::App;

/// Runs per figure; the median is reported.
const RUNS: usize = 7;

/// `scripts/bench first-load` measures only the first visit (sizes and Lighthouse),
/// `scripts/bench face-to-face` only face to face.
fn main() {
    let first_load_only = std::env::args().any(|arg| arg == "first-load");
    println!("Kindred browser benchmark: medians of {RUNS} runs, headless Chromium\n");
    if std::env::args().any(|arg| arg == "folder") {
        return group_folder();
    }
    if std::env::args().any(|arg| arg == "face-to-face") {
        return face_to_face_figures();
    }
    if !first_load_only {
        speed();
    }
    first_load();
}

/// The group folder's figures (`scripts/bench folder` measures only these).
fn group_folder() {
    let sync = folder_sync(10, 1_000);
    report(
        "group folder, first sync of 10 device files × 1,000 records",
        sync.first,
        "ms",
        None,
    );
    report(
        "  longest task meanwhile",
        sync.first_task,
        "ms",
        Some((sync.first_task <= 50.0, "≤ 50 ms")),
    );
    report(
        "group folder, a sync where nothing changed",
        sync.quiet,
        "ms",
        None,
    );
    report(
        "group folder, one neighbour's change among 10,000 records",
        sync.one_change,
        "ms",
        None,
    );
    report(
        "  longest task meanwhile",
        sync.one_change_task,
        "ms",
        Some((sync.one_change_task <= 50.0, "≤ 50 ms")),
    );
}

/// Start-up, search, saving, import, export, locking and sync with thousands of records.
fn speed() {
    let large = stored(5_000, 500);
    let [(empty, empty_read), (with_5k, with_5k_read)] = start_times([&stored(0, 0), &large]);
    report("start, empty storage", empty, "ms", None);
    report(
        "start, 5,000 entries and 500 helpers",
        with_5k,
        "ms",
        Some((with_5k <= 1.5 * empty.max(1.0), "≤ 1.5 × empty start")),
    );
    report(
        "  of which reading storage: extra over empty",
        with_5k_read - empty_read,
        "ms",
        None,
    );
    let keystroke = search_keystroke(&stored(10_000, 0));
    report(
        "search keystroke → list updated, 10,000 entries",
        keystroke,
        "ms",
        Some((keystroke <= 16.0, "≤ 16 ms")),
    );
    let (save, longest_task) = saving(&large);
    report("one save after an edit, 5,000 entries", save, "ms", None);
    report(
        "longest task during a save",
        longest_task,
        "ms",
        Some((longest_task <= 50.0, "≤ 50 ms")),
    );
    let file = share_file(10_000);
    let (preview, merge) = import_and_merge(&file);
    report(
        "import of a 10,000-record file → preview",
        preview,
        "ms",
        None,
    );
    report(
        "import + merge 10,000 (preview + confirm)",
        preview + merge,
        "ms",
        Some((preview + merge <= 300.0, "≤ 300 ms")),
    );
    let export = export_time(&stored(10_000, 0));
    report(
        "export of 10,000 entries",
        export,
        "ms",
        Some((export <= 150.0, "≤ 150 ms")),
    );
    let (open, typed) = helper_form(&with_categories(5_000));
    report(
        "helper form opened, 5,000 categories",
        open,
        "ms",
        Some((open <= 300.0, "≤ 300 ms")),
    );
    report(
        "keystroke in the helper form, 5,000 categories",
        typed,
        "ms",
        Some((typed <= 16.0, "≤ 16 ms")),
    );
    let (lock, unlock) = locking(&stored(10_000, 0));
    report(
        "lock a 10,000-record file (600,000 PBKDF2 rounds)",
        lock,
        "ms",
        Some((4.0 * lock <= 2_000.0, "≤ 2 s on a phone 4 × slower")),
    );
    report(
        "unlock it, to the preview",
        unlock,
        "ms",
        Some((4.0 * unlock <= 2_000.0, "≤ 2 s on a phone 4 × slower")),
    );
    group_folder();
    face_to_face_figures();
    let (per_entry, per_helper) = stored_per_record(10_000, 1_000);
    report("stored characters per journal entry", per_entry, "ch", None);
    report("stored characters per helper", per_helper, "ch", None);
    let left = quota_left(&stored(10_000, 1_000));
    report(
        "quota left with 10,000 entries and 1,000 helpers",
        left,
        "%",
        Some((left >= 30.0, "≥ 30 %")),
    );
}

/// Face to face between two browsers: pairing, a camera frame's cost, a large exchange.
fn face_to_face_figures() {
    let pairing = face_to_face(&stored(0, 50), false);
    report(
        "face to face: scan → answering code shown",
        pairing.answered,
        "ms",
        None,
    );
    report(
        "face to face: a 640 px frame on the page's thread",
        pairing.frame,
        "ms",
        Some((pairing.frame <= 16.0, "≤ 16 ms")),
    );
    report(
        "face to face: the same frame read in the worker",
        pairing.decode,
        "ms",
        None,
    );
    report(
        "face to face: both codes read → both import previews",
        pairing.previewed,
        "ms",
        Some((pairing.previewed <= 5_000.0, "≤ 5 s")),
    );
    let large = face_to_face(&stored(10_000, 0), true);
    report(
        "face to face: 10,000 records, connected → preview there",
        large.exchanged,
        "ms",
        None,
    );
}

/// The first visit on a phone: what travels before the journal can be used, the whole build,
/// and Lighthouse's mobile audit, all against a host that compresses as static hosts do.
fn first_load() {
    let visit = first_visit(Compression::Gzip);
    let kb = visit.iter().map(|request| request.bytes).sum::<f64>() / 1024.0;
    report(
        "first visit on the wire, gzip host, to Log a kindness",
        kb,
        "KB",
        Some((kb <= 150.0, "≤ 150 KB")),
    );
    for request in &visit {
        report(
            &format!("  {}", request.name),
            request.bytes / 1024.0,
            "KB",
            None,
        );
    }
    let brotli = first_visit(Compression::Precompressed);
    let kb = brotli.iter().map(|request| request.bytes).sum::<f64>() / 1024.0;
    report(
        "first visit on the wire, the build's brotli copies",
        kb,
        "KB",
        Some((kb <= 150.0, "≤ 150 KB")),
    );
    let (raw, gzip) = whole_build_kb();
    report(
        "whole build, raw (the service worker keeps it all)",
        raw,
        "KB",
        None,
    );
    report("whole build, gzip -9", gzip, "KB", None);
    let audit = lighthouse_mobile(Compression::Gzip);
    report(
        "Lighthouse mobile, gzip host: performance",
        audit.performance,
        "",
        Some((audit.performance >= 95.0, "≥ 95")),
    );
    report(
        "  largest contentful paint",
        audit.largest_contentful_paint,
        "s",
        Some((audit.largest_contentful_paint <= 2.5, "≤ 2.5 s")),
    );
    report(
        "  first contentful paint",
        audit.first_contentful_paint,
        "s",
        None,
    );
    report("  time to interactive", audit.interactive, "s", None);
    report(
        "  total blocking time",
        audit.total_blocking_time,
        "ms",
        None,
    );
    report(
        "  bytes Lighthouse counted",
        audit.total_bytes / 1024.0,
        "KB",
        None,
    );
    let audit = lighthouse_mobile(Compression::Precompressed);
    report(
        "Lighthouse mobile, the build's brotli copies",
        audit.performance,
        "",
        Some((audit.performance >= 95.0, "≥ 95")),
    );
    report(
        "  largest contentful paint",
        audit.largest_contentful_paint,
        "s",
        Some((audit.largest_contentful_paint <= 2.5, "≤ 2.5 s")),
    );
    report(
        "  bytes Lighthouse counted",
        audit.total_bytes / 1024.0,
        "KB",
        None,
    );
}

/// One request of the page: its address (without the server) and the bytes it took on the
/// wire, headers included.
struct Request {
    name: String,
    bytes: f64,
}

/// Every request the page made, from navigation until the Journal's `Log a kindness` button
/// was on screen (and so working: Leptos adds a button with its handler), in a fresh browser
/// with nothing stored or cached, from a server compressing as `compression` says. Medians
/// over several visits. The button is pressed after the count, to check it does work.
fn first_visit(compression: Compression) -> Vec<Request> {
    let mut visits: Vec<Vec<(String, f64)>> = Vec::new();
    for _ in 0..3 {
        let app = App::start();
        app.server().set_compression(compression);
        app.browser().navigate(&app.url("#/journal"));
        let requests = app.browser().execute(
            "return new Promise(resolve => {
                 const look = () => {
                     const button = [...document.querySelectorAll('button')]
                         .find(b => b.textContent.trim() === 'Log a kindness');
                     if (!button) {
                         return setTimeout(look, 5);
                     }
                     const now = performance.now();
                     resolve([
                         ...performance.getEntriesByType('navigation'),
                         ...performance.getEntriesByType('resource'),
                     ]
                         .filter(entry => entry.responseEnd <= now)
                         .map(entry => [new URL(entry.name).pathname, entry.transferSize]));
                 };
                 look();
             });",
            &[],
        );
        app.get("button", "Log a kindness").click();
        app.get("textbox", "What happened");
        let requests = requests.as_array().expect("a list of requests");
        visits.push(
            requests
                .iter()
                .map(|request| {
                    let name = request[0].as_str().expect("an address").to_string();
                    (name, request[1].as_f64().expect("a size"))
                })
                .collect(),
        );
    }
    let total = |visit: &Vec<(String, f64)>| visit.iter().map(|(_, bytes)| bytes).sum::<f64>();
    visits.sort_by(|a, b| total(a).total_cmp(&total(b)));
    visits
        .swap_remove(visits.len() / 2)
        .into_iter()
        .map(|(name, bytes)| Request { name, bytes })
        .collect()
}

/// Kilobytes of every file of the build, raw and gzip-compressed (`gzip -9`): what the
/// service worker fetches once, after the first start, to work offline. The build's own
/// compressed copies are not counted (the worker does not fetch them).
fn whole_build_kb() -> (f64, f64) {
    let (mut raw, mut gzip) = (0, 0);
    let mut folders = vec![App::dist_dir()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).expect("dist/").flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            if path.extension().is_some_and(|e| e == "gz" || e == "br") {
                continue;
            }
            raw += entry.metadata().expect("a file").len() as usize;
            let compressed = std::process::Command::new("gzip")
                .args(["-9", "-c"])
                .arg(&path)
                .output()
                .expect("gzip");
            gzip += compressed.stdout.len();
        }
    }
    (raw as f64 / 1024.0, gzip as f64 / 1024.0)
}

/// What Lighthouse's mobile audit found: medians of several runs.
struct Audit {
    /// 0 to 100.
    performance: f64,
    /// Seconds.
    largest_contentful_paint: f64,
    first_contentful_paint: f64,
    interactive: f64,
    /// Milliseconds.
    total_blocking_time: f64,
    /// Bytes of every request, as Lighthouse counts them.
    total_bytes: f64,
}

/// Lighthouse 12 (installed by scripts/setup) in its default mobile profile, simulated slow
/// 4G and a CPU four times slower, on the built app served compressed as `compression` says:
/// medians of three audits, each in a fresh Chromium profile.
fn lighthouse_mobile(compression: Compression) -> Audit {
    const AUDITS: usize = 3;
    let server = support::StaticServer::start(App::dist_dir());
    server.set_compression(compression);
    let lighthouse = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/.tools/node_modules/.bin/lighthouse"
    );
    let report = std::env::temp_dir().join("kindred-bench-lighthouse.json");
    let mut found: Vec<[f64; 6]> = Vec::new();
    for _ in 0..AUDITS {
        let status = std::process::Command::new(lighthouse)
            .arg(server.url(""))
            .args([
                "--quiet",
                "--only-categories=performance",
                "--output=json",
                // The flags TOOLCHAIN.md lists, so that Chromium reaches no host but ours.
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu \
                 --disable-background-networking --disable-component-update --disable-sync \
                 --no-first-run",
            ])
            .arg(format!("--output-path={}", report.display()))
            .env("CHROME_PATH", "/usr/bin/chromium")
            .status()
            .expect("Lighthouse: run scripts/setup, which installs it");
        assert!(status.success(), "Lighthouse failed");
        let result: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&report).expect("Lighthouse's report"))
                .expect("Lighthouse's JSON");
        let audit = |id: &str| {
            result["audits"][id]["numericValue"]
                .as_f64()
                .unwrap_or(f64::NAN)
        };
        found.push([
            result["categories"]["performance"]["score"]
                .as_f64()
                .expect("a performance score")
                * 100.0,
            audit("largest-contentful-paint") / 1000.0,
            audit("first-contentful-paint") / 1000.0,
            audit("interactive") / 1000.0,
            audit("total-blocking-time"),
            audit("total-byte-weight"),
        ]);
    }
    let median_of = |i: usize| median(found.iter().map(|figures| figures[i]).collect());
    Audit {
        performance: median_of(0),
        largest_contentful_paint: median_of(1),
        first_contentful_paint: median_of(2),
        interactive: median_of(3),
        total_blocking_time: median_of(4),
        total_bytes: median_of(5),
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()
}

fn model(entries: usize, helpers: usize) -> Model {
    let mut model = Model::default();
    for entry in sample::journal_entries(entries, today(), now()) {
        model.journal.put(entry, now());
    }
    for helper in sample::helpers(helpers, now()) {
        model.helpers.put(helper, now());
    }
    model
}

/// What localStorage holds for `entries` journal entries and `helpers` helpers.
fn stored(entries: usize, helpers: usize) -> Vec<(String, String)> {
    let mut model = model(entries, helpers);
    let mut store = MemoryStore::default();
    persist::save(&mut store, &mut model).expect("memory has room");
    store.contents().into_iter().collect()
}

/// What localStorage holds for settings with `count` categories of a person's own.
fn with_categories(count: usize) -> Vec<(String, String)> {
    let mut model = Model::default();
    model.settings.categories = (0..count).map(|i| format!("category {i}")).collect();
    let mut store = MemoryStore::default();
    persist::save_settings(&mut store, &model.settings).expect("memory has room");
    store.contents().into_iter().collect()
}

/// Average characters of storage per journal entry and per helper, as localStorage counts
/// them (keys and envelopes included).
fn stored_per_record(entries: usize, helpers: usize) -> (f64, f64) {
    let size = |stored: Vec<(String, String)>, prefix: &str| {
        stored
            .iter()
            .filter(|(key, _)| key.starts_with(prefix))
            .map(|(key, value)| key.encode_utf16().count() + value.encode_utf16().count())
            .sum::<usize>() as f64
    };
    (
        size(stored(entries, 0), "kindred/journal/") / entries as f64,
        size(stored(0, helpers), "kindred/helpers/") / helpers as f64,
    )
}

/// Milliseconds from pressing Add helper to the form laid out, and from a keystroke in its
/// Name field to the page updated: medians over several openings and letters.
fn helper_form(stored: &[(String, String)]) -> (f64, f64) {
    let app = App::start();
    app.open("#/helpers");
    seed(&app, stored);
    app.reload();
    let mut opened = Vec::new();
    let mut typed = Vec::new();
    for _ in 0..RUNS {
        let button = app.get("button", "Add helper");
        let time = button.execute(
            "const [button] = arguments;
             return new Promise(resolve => {
                 const start = performance.now();
                 button.click();
                 setTimeout(() => {
                     void document.body.offsetHeight;
                     resolve(performance.now() - start);
                 }, 0);
             });",
            &[],
        );
        opened.push(time.as_f64().expect("a time"));
        let name = app.get("textbox", "Name");
        for letter in ["M", "a", "y"] {
            let time = name.execute(
                "const [input, letter] = arguments;
                 return new Promise(resolve => {
                     const start = performance.now();
                     input.value += letter;
                     input.dispatchEvent(new Event('input', { bubbles: true }));
                     setTimeout(() => {
                         void document.body.offsetHeight;
                         resolve(performance.now() - start);
                     }, 0);
                 });",
                &[json!(letter)],
            );
            typed.push(time.as_f64().expect("a time"));
        }
        app.get("button", "Cancel").click();
    }
    (median(opened), median(typed))
}

/// Milliseconds from Export with a passphrase to the locked file made, and from Unlock to
/// the preview of what it holds: medians over a few runs, the journal included.
fn locking(stored: &[(String, String)]) -> (f64, f64) {
    const LOCK_RUNS: usize = 3;
    let until_text = "const [button, text] = arguments;
         return new Promise(resolve => {
             const start = performance.now();
             button.click();
             const look = () => document.body.innerText.includes(text)
                 ? resolve(performance.now() - start)
                 : setTimeout(look, 5);
             look();
         });";
    let app = App::start_with_size(1280, 900);
    app.open("#/share");
    seed(&app, stored);
    app.reload();
    app.get("checkbox", "Journal entries").click();
    let mut locks = Vec::new();
    let mut unlocks = Vec::new();
    for run in 0..LOCK_RUNS {
        app.get("checkbox", "Lock with a passphrase").click();
        for field in ["Passphrase", "Repeat passphrase"] {
            app.get("textbox", field).type_text("apple river lantern");
        }
        let time = app
            .get("button", "Export")
            .execute(until_text, &[json!("Locked file exported")]);
        locks.push(time.as_f64().expect("a time"));
        let (_, locked) = app.downloaded("kindred-");
        // One passphrase field at a time: the export's goes with its choice.
        app.get("checkbox", "Lock with a passphrase").click();
        let path = std::env::temp_dir().join(format!("kindred-bench-locked-{run}.json"));
        std::fs::write(&path, locked).expect("a temporary file");
        app.get("button", "Import file").set_file(&path);
        app.get("textbox", "Passphrase")
            .type_text("apple river lantern");
        let time = app
            .get("button", "Unlock")
            .execute(until_text, &[json!("Confirm import")]);
        unlocks.push(time.as_f64().expect("a time"));
        app.get("button", "Cancel import").click();
    }
    (median(locks), median(unlocks))
}

/// The group folder's sync in a neighbourhood of `devices` × `records` helpers.
struct FolderFigures {
    /// Milliseconds from Connect to the first complete sync of the `devices` files.
    first: f64,
    first_task: f64,
    /// A `Sync now` that finds nothing changed.
    quiet: f64,
    /// A `Sync now` that finds one neighbour's file changed: it holds the whole neighbourhood,
    /// as every device's file does once synced, with one helper edited.
    one_change: f64,
    one_change_task: f64,
}

/// Device files locked by the second implementation (tests/independent/locked.py); one run
/// each: the first sync happens once per device. The longest task is the longest the page
/// ran during that sync.
fn folder_sync(devices: usize, records: usize) -> FolderFigures {
    use kindred_core::record::Record;
    const PASSPHRASE: &str = "apple river lantern";
    let server = support::webdav::WebDavServer::with_app(&App::dist_dir());
    let dir = std::env::temp_dir().join("kindred-bench-folder");
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let put_locked = |name: &str, model: &Model| {
        let choice = ExportChoice::default();
        let text = share::to_json(&share::export(model, choice, now(), "bench"));
        let (plain, locked) = (dir.join("plain.json"), dir.join("locked.json"));
        std::fs::write(&plain, text).expect("write");
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/independent/locked.py");
        let python = concat!(env!("CARGO_MANIFEST_DIR"), "/.tools/py/bin/python");
        let status = std::process::Command::new(python)
            .args([script, "lock", PASSPHRASE])
            .arg(&plain)
            .arg(&locked)
            .status()
            .expect("run locked.py");
        assert!(status.success());
        let locked = std::fs::read_to_string(&locked).expect("read");
        server.put_device_file(name, &locked);
    };
    let mut everyone = Model::default();
    for device in 0..devices {
        let mut model = Model::default();
        for (i, mut helper) in sample::helpers(records, now()).into_iter().enumerate() {
            // Ids spread like the random ones Kindred makes, over every storage bucket: a
            // multiplication by an odd number gives each record its own.
            let n = (device * records + i) as u128;
            helper.set_id(uuid::Uuid::from_u128(
                n.wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835),
            ));
            model.helpers.put(helper.clone(), now());
            everyone.helpers.put(helper, now());
        }
        put_locked(&format!("device{device:02}.json"), &model);
    }
    let app = App::start_at(&server.page());
    app.open("#/settings");
    for (field, value) in [
        ("Folder address", server.folder()),
        ("User name", support::webdav::USER.to_string()),
        ("Password", support::webdav::PASSWORD.to_string()),
        ("Group passphrase", PASSPHRASE.to_string()),
    ] {
        app.get("textbox", field).type_text(&value);
    }
    let until_synced = "const [button] = arguments;
         return new Promise(resolve => {
             const long = [];
             const observer = new PerformanceObserver(list => {
                 for (const entry of list.getEntries()) long.push(entry.duration);
             });
             observer.observe({ type: 'longtask' });
             const status = () => document.querySelector('[aria-label=\"Sync status\"]').textContent;
             const start = performance.now();
             button.click();
             const look = () => {
                 if (status().includes('Last synced at')) {
                     observer.disconnect();
                     resolve([performance.now() - start, Math.max(0, ...long)]);
                 } else {
                     setTimeout(look, 5);
                 }
             };
             setTimeout(look, 5);
         });";
    let first = app.get("button", "Connect").execute(until_synced, &[]);
    // Saving goes on a bucket at a time after the sync says it is done.
    app.wait_for("every helper arrived and was saved", || {
        let stored = app.browser().execute(
            "return Object.keys(localStorage)
                 .filter(key => key.startsWith('kindred/helpers/'))
                 .reduce((n, key) => n + JSON.parse(localStorage.getItem(key)).records.length, 0)",
            &[],
        );
        stored.as_u64() == Some(devices as u64 * records as u64)
    });
    app.open("#/settings");
    let quiet = app.get("button", "Sync now").execute(until_synced, &[]);

    let mut moved = everyone.helpers.live().next().expect("a helper").clone();
    moved.area = "Moved to Bench Lane".into();
    everyone
        .helpers
        .put(moved, now() + chrono::Duration::minutes(1));
    put_locked("device00.json", &everyone);
    app.open("#/settings");
    let one_change = app.get("button", "Sync now").execute(until_synced, &[]);
    app.wait_for("the neighbour's change taken in and saved", || {
        app.local_storage()
            .values()
            .any(|v| v.contains("Moved to Bench Lane"))
    });
    let time = |figures: &serde_json::Value, at: usize| figures[at].as_f64().expect("a time");
    FolderFigures {
        first: time(&first, 0),
        first_task: time(&first, 1),
        quiet: time(&quiet, 0),
        one_change: time(&one_change, 0),
        one_change_task: time(&one_change, 1),
    }
}

/// A neighbour's share file with `entries` journal entries, none of them here yet.
fn share_file(entries: usize) -> String {
    let choice = ExportChoice {
        helpers: true,
        needs: true,
        journal: true,
        check_ins: true,
        private_notes: false,
    };
    share::to_json(&share::export(&model(entries, 0), choice, now(), "bench"))
}

fn seed(app: &App, stored: &[(String, String)]) {
    for (key, value) in stored {
        app.set_local_storage(key, value);
    }
}

/// For each of the stored states, medians over fresh browsers of the milliseconds from
/// navigation to the app's `kindred:started` mark (on screen and usable) and to its
/// `kindred:loaded` mark (storage read). The states take turns run by run, so that a busy
/// moment of the machine falls on both alike and their ratio stays meaningful.
fn start_times<const N: usize>(states: [&[(String, String)]; N]) -> [(f64, f64); N] {
    let mut started = vec![Vec::new(); N];
    let mut loaded = vec![Vec::new(); N];
    for _ in 0..RUNS {
        for (i, stored) in states.iter().enumerate() {
            let app = App::start();
            app.open("#/journal");
            seed(&app, stored);
            app.reload();
            app.get("heading", "Journal");
            let marks = app.browser().execute(
                "const at = name => performance.getEntriesByName(name)[0].startTime;
                 return [at('kindred:started'), at('kindred:loaded')];",
                &[],
            );
            started[i].push(marks[0].as_f64().expect("the app marks its start"));
            loaded[i].push(marks[1].as_f64().expect("the app marks its load"));
        }
    }
    std::array::from_fn(|i| (median(started[i].clone()), median(loaded[i].clone())))
}

/// Milliseconds from a keystroke in Search to the list being updated and laid out, median
/// over a word typed letter by letter and erased again.
fn search_keystroke(stored: &[(String, String)]) -> f64 {
    let app = App::start();
    app.open("#/journal");
    seed(&app, stored);
    app.reload();
    let search = app.get("searchbox", "Search");
    let mut times = Vec::new();
    for step in ["c", "l", "i", "n", "i", "c", "-", "-", "-", "-", "-", "-"] {
        let time = search.execute(
            "const [input, step] = arguments;
             return new Promise(resolve => {
                 const start = performance.now();
                 input.value = step === '-' ? input.value.slice(0, -1) : input.value + step;
                 input.dispatchEvent(new Event('input', { bubbles: true }));
                 // Leptos updates in microtasks; a new task runs after them. Reading the
                 // layout makes the browser lay the new list out before the clock stops.
                 setTimeout(() => {
                     void document.body.offsetHeight;
                     resolve(performance.now() - start);
                 }, 0);
             });",
            &[json!(step)],
        );
        times.push(time.as_f64().expect("a time"));
    }
    median(times)
}

/// The save after logging an entry: its own duration (the app measures it as
/// `kindred:save`) and the longest task the browser ran meanwhile, medians over several
/// edits. A long task is any over 50 ms; with none, the save's own time is the longest.
fn saving(stored: &[(String, String)]) -> (f64, f64) {
    let app = App::start();
    app.open("#/journal");
    seed(&app, stored);
    app.reload();
    app.get("heading", "Journal");
    let mut saves = Vec::new();
    let mut longest = Vec::new();
    for i in 0..RUNS {
        let found = app.browser().execute(
            "const text = arguments[0];
             const tick = () => new Promise(resolve => setTimeout(resolve, 0));
             const long = [];
             const observer = new PerformanceObserver(list => {
                 for (const entry of list.getEntries()) long.push(entry.duration);
             });
             observer.observe({ type: 'longtask' });
             const saved = new Promise(resolve => new PerformanceObserver((list, self) => {
                 self.disconnect();
                 resolve(list.getEntries()[0].duration);
             }).observe({ type: 'measure' }));
             const button = name => [...document.querySelectorAll('button')]
                 .find(b => b.textContent.trim() === name);
             button('Log a kindness').click();
             await tick();
             const field = document.getElementById('entry-text');
             field.value = text;
             field.dispatchEvent(new Event('input', { bubbles: true }));
             button('Save').click();
             const save = await saved;
             await new Promise(resolve => setTimeout(resolve, 100));
             observer.disconnect();
             return [save, Math.max(save, ...long)];",
            &[json!(format!("Benchmark edit {i}"))],
        );
        saves.push(found[0].as_f64().expect("a save time"));
        longest.push(found[1].as_f64().expect("a task time"));
    }
    (median(saves), median(longest))
}

/// Milliseconds from choosing a file to its preview on screen, and from Confirm import to
/// the data merged and the undo offered; medians.
fn import_and_merge(file: &str) -> (f64, f64) {
    let mut previews = Vec::new();
    let mut merges = Vec::new();
    for _ in 0..RUNS {
        let app = App::start();
        app.open("#/share");
        app.get("heading", "Share");
        let found = app.browser().execute(
            "const text = arguments[0];
             const appear = test => new Promise(resolve => {
                 const check = () => test() ? resolve(performance.now()) : setTimeout(check, 0);
                 check();
             });
             const button = name => [...document.querySelectorAll('button')]
                 .find(b => b.textContent.trim() === name);
             const input = document.querySelector('input[type=file]');
             const files = new DataTransfer();
             files.items.add(new File([text], 'neighbour.json', { type: 'application/json' }));
             const start = performance.now();
             input.files = files.files;
             input.dispatchEvent(new Event('change', { bubbles: true }));
             const previewed = await appear(() => button('Confirm import'));
             button('Confirm import').click();
             const merged = await appear(() => button('Undo last import'));
             return [previewed - start, merged - previewed];",
            &[json!(file)],
        );
        previews.push(found[0].as_f64().expect("a time"));
        merges.push(found[1].as_f64().expect("a time"));
    }
    (median(previews), median(merges))
}

/// Milliseconds for Export with everything chosen: the file made and handed to the browser.
fn export_time(stored: &[(String, String)]) -> f64 {
    let app = App::start();
    app.open("#/share");
    seed(&app, stored);
    app.reload();
    app.get("heading", "Share");
    let journal = app.get("checkbox", "Journal entries");
    if journal.property("checked") != json!(true) {
        journal.click();
    }
    let times = (0..RUNS)
        .map(|_| {
            app.browser()
                .execute(
                    "const button = [...document.querySelectorAll('button')]
                         .find(b => b.textContent.trim() === 'Export');
                     const start = performance.now();
                     button.click();
                     return performance.now() - start;",
                    &[],
                )
                .as_f64()
                .expect("a time")
        })
        .collect();
    median(times)
}

/// Medians, in milliseconds, of face-to-face pairings between two browsers on this machine.
struct Pairing {
    /// From `Scan a code` on the second phone to its answering code on screen.
    answered: f64,
    /// What the second phone's page thread spent on a camera frame while it read the first
    /// code: drawing it to a canvas, taking its pixels and sending them to the reader's worker.
    frame: f64,
    /// What the worker spent reading a frame.
    decode: f64,
    /// From the first phone reading the answer (its comparison number appears) to the
    /// import preview on both phones.
    previewed: f64,
    /// From the channel open on the receiving (second) phone to its preview.
    exchanged: f64,
}

/// Pairs a first phone holding `stored` with an empty second phone, `FACE_RUNS` times; with
/// `journal`, the first phone's journal goes across too.
fn face_to_face(stored: &[(String, String)], journal: bool) -> Pairing {
    const FACE_RUNS: usize = 3;
    // Each phone notes, by the machine's clock (both browsers run on it), when the
    // comparison number, the exchange and the import preview first appear.
    let watch = "window.seen = {};
         const watch = (name, test) => {
             const check = () => test() ? (window.seen[name] = Date.now()) : setTimeout(check, 1);
             check();
         };
         const status = text => [...document.querySelectorAll('[role=status]')]
             .some(s => s.textContent.includes(text));
         watch('compared', () => status('Check that the other phone shows the same number'));
         watch('exchanging', () => status('Connected.'));
         watch('preview', () => document.querySelector('[aria-label=\"Import preview\"]'));";
    let seen = |phone: &Phone, name: &str| {
        phone
            .app
            .browser()
            .execute(&format!("return window.seen['{name}']"), &[])
            .as_f64()
            .unwrap_or_else(|| panic!("{name} never appeared"))
    };
    let (mut answered, mut frame, mut decode) = (vec![], vec![], vec![]);
    let (mut previewed, mut exchanged) = (vec![], vec![]);
    for run in 0..FACE_RUNS {
        let first = Phone::start(&format!("bench-first-{run}"));
        let second = Phone::start(&format!("bench-second-{run}"));
        first.app.open("#/share");
        seed(&first.app, stored);
        first.app.reload();
        if journal {
            first.app.get("checkbox", "Journal entries").click();
        }
        first.app.get("button", "Start face-to-face sync").click();
        first.app.get("image", "Your code");
        second.app.open("#/share");
        second.point_camera_at(&first);
        let scan = std::time::Instant::now();
        second.app.get("button", "Scan a code").click();
        wait_long("the answering code", PAIRING_WAIT, || {
            second.app.query("image", "Your code").is_some()
        });
        answered.push(scan.elapsed().as_secs_f64() * 1000.0);
        // Every frame of the scan, as the app measured it.
        let durations = |name: &str| -> Vec<f64> {
            let script =
                format!("return performance.getEntriesByName('{name}').map(e => e.duration)");
            let durations: Vec<f64> =
                serde_json::from_value(second.app.browser().execute(&script, &[])).unwrap();
            assert!(
                !durations.is_empty(),
                "the app measures its frames ({name})"
            );
            durations
        };
        frame.extend(durations("kindred:qr-frame"));
        decode.extend(durations("kindred:qr-decode"));
        first.app.browser().execute(watch, &[]);
        second.app.browser().execute(watch, &[]);
        first.point_camera_at(&second);
        first.app.get("button", "Scan a code").click();
        wait_long("both import previews", Duration::from_secs(60), || {
            [&first, &second].iter().all(|phone| {
                phone
                    .app
                    .browser()
                    .execute("return window.seen.preview !== undefined", &[])
                    == json!(true)
            })
        });
        let read = seen(&first, "compared");
        previewed.push(seen(&first, "preview").max(seen(&second, "preview")) - read);
        exchanged.push(seen(&second, "preview") - seen(&second, "exchanging"));
    }
    Pairing {
        answered: median(answered),
        frame: median(frame),
        decode: median(decode),
        previewed: median(previewed),
        exchanged: median(exchanged),
    }
}

/// Percent of localStorage's quota left, counted as Chromium counts it.
fn quota_left(stored: &[(String, String)]) -> f64 {
    let used: usize = stored
        .iter()
        .map(|(key, value)| key.encode_utf16().count() + value.encode_utf16().count())
        .sum();
    100.0 * (1.0 - used as f64 / LOCAL_STORAGE_QUOTA as f64)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn report(what: &str, value: f64, unit: &str, budget: Option<(bool, &str)>) {
    let verdict = match budget {
        Some((true, limit)) => format!("pass ({limit})"),
        Some((false, limit)) => format!("FAIL ({limit})"),
        None => String::new(),
    };
    println!("{what:<52} {value:>9.1} {unit:<3} {verdict}");
}
