//! Face to face: two browsers, each with a fake camera that plays a picture of the other's
//! screen, pair by QR code and exchange their share files over a WebRTC data channel on
//! this machine, with no server between them. The code is read by the QR reader's worker,
//! which a scan loads (and the service worker keeps for scans with no network).

mod support;

use std::time::{Duration, Instant};

use kindred_core::face_to_face::code::{Candidate, PairingCode, Setup, Step};
use support::face_to_face::{
    camera_file, frame_of_qr, picture_of, read_qr, wait_long, Phone, PAIRING_WAIT,
};
use support::App;

fn preview_text(app: &App) -> Option<String> {
    app.query("region", "Import preview").map(|p| p.text())
}

/// Starts on the first phone and scans on the second: both then show `Your code`.
fn open_and_answer(first: &Phone, second: &Phone) {
    first.app.open("#/share");
    first.app.get("button", "Start face-to-face sync").click();
    first.app.get("image", "Your code");
    second.app.open("#/share");
    second.point_camera_at(first);
    second.app.get("button", "Scan a code").click();
    wait_long("the second phone's answering code", PAIRING_WAIT, || {
        second.app.query("image", "Your code").is_some()
    });
}

#[test]
fn two_phones_pair_by_their_codes_and_each_previews_what_the_other_shares() {
    let first = Phone::start("pair-first");
    let second = Phone::start("pair-second");
    first.app.open("#/helpers");
    first.app.add_helper(&[
        ("Name", "May Chan"),
        ("Area", "Sham Shui Po"),
        ("Private note", "Owes me a favour"),
    ]);
    second.app.open("#/helpers");
    second
        .app
        .add_helper(&[("Name", "Sam Wong"), ("Area", "Tai Po")]);

    first.app.open("#/share");
    first.app.get("button", "Start face-to-face sync").click();
    let code = first.app.get("image", "Your code");
    let screenshot = picture_of(&first.app, &code);
    let (version, bytes) = read_qr(&screenshot);
    assert!(version <= 10, "QR version {version}");
    let opening = PairingCode::from_bytes(&bytes).expect("the screen shows a pairing code");
    assert_eq!(opening.step, Step::Opening);
    assert!(
        opening
            .endpoint
            .candidates
            .iter()
            .all(|c| !matches!(c, Candidate::Mdns(..))),
        "with the camera allowed first, the code has real host addresses: {:?}",
        opening.endpoint.candidates
    );
    assert!(first
        .app
        .query("status", "Check that the other phone shows the same number")
        .is_none());

    second.app.open("#/share");
    second.point_camera_at(&first);
    second.app.get("button", "Scan a code").click();
    wait_long("the answering code", PAIRING_WAIT, || {
        second.app.query("image", "Your code").is_some()
    });
    second
        .app
        .get("image", "Your code")
        .execute("arguments[0].scrollIntoView({block: 'end'})", &[]);
    second.app.screenshot("face-to-face-answer-390");
    let answer_comparison = second.comparison();

    first.point_camera_at(&second);
    first.app.get("button", "Scan a code").click();
    wait_long("both import previews", PAIRING_WAIT, || {
        preview_text(&first.app).is_some() && preview_text(&second.app).is_some()
    });
    assert_eq!(
        first.comparison(),
        answer_comparison,
        "both screens show the same number"
    );
    first
        .app
        .get("status", "Check that the other phone shows the same number")
        .execute("arguments[0].scrollIntoView({block: 'start'})", &[]);
    first.app.screenshot("face-to-face-connected-390");

    let at_first = preview_text(&first.app).unwrap();
    assert!(
        at_first.contains("1 new, 0 updated, 0 unchanged, 0 in conflict"),
        "{at_first}"
    );
    assert!(at_first.contains("Sam Wong"), "{at_first}");
    let at_second = preview_text(&second.app).unwrap();
    assert!(at_second.contains("May Chan"), "{at_second}");
    assert!(
        first.app.query("image", "Your code").is_none(),
        "the codes are put away"
    );
    first.app.wait_for_text("Everything arrived");
    second.app.wait_for_text("Everything arrived");

    // Nothing is taken in before the confirmation.
    second.app.open("#/helpers");
    second.app.get("list", "Helpers");
    assert!(!second.app.page_text().contains("May Chan"));
    second.app.open("#/share");
    assert!(
        preview_text(&second.app).is_none(),
        "leaving the screen cancels the preview"
    );

    first
        .app
        .get("region", "Import preview")
        .within("button", "Confirm import")
        .click();
    first.app.open("#/helpers");
    first.app.wait_for_text("Sam Wong");
    let helpers = first.app.get("list", "Helpers").text();
    assert!(
        helpers.contains("May Chan") && helpers.contains("Sam Wong"),
        "{helpers}"
    );
    let stored = serde_json::to_string(&second.app.local_storage()).unwrap();
    assert!(
        !stored.contains("Owes me a favour"),
        "private notes never go face to face"
    );
    assert!(
        first.app.console_errors().is_empty(),
        "{:?}",
        first.app.console_errors()
    );
    assert!(
        second.app.console_errors().is_empty(),
        "{:?}",
        second.app.console_errors()
    );
}

#[test]
fn a_code_that_is_not_a_pairing_code_is_refused_in_plain_words() {
    let phone = Phone::start("garbage");
    phone.app.open("#/share");
    let before = phone.app.local_storage();
    // A helper card's code, say, or a restaurant's menu.
    let menu = kindred_core::qr::encode("https://example.org/menu").unwrap();
    phone.point_camera_at_picture(&frame_of_qr(&menu));
    phone.app.get("button", "Scan a code").click();
    let alert = phone
        .app
        .get_with_text("alert", "This is not a Kindred face-to-face code");
    assert!(
        alert.text().contains("Start face-to-face sync"),
        "{}",
        alert.text()
    );
    assert!(phone.app.query("image", "Your code").is_none());
    assert!(
        phone.app.query("button", "Scan a code").is_some(),
        "the person can scan again"
    );

    phone.paste_code("hello, this is not a code");
    phone
        .app
        .get_with_text("alert", "This is not a Kindred face-to-face code");
    // A code cut short, as a paste that missed its end.
    let code = sample_answer([1, 2, 3, 4]);
    phone.app.get("textbox", "Code as text").clear();
    phone.paste_code(&code[..code.len() - 4]);
    phone.app.get_with_text("alert", "damaged or cut short");
    assert_eq!(phone.app.local_storage(), before, "nothing changed");
}

/// An answer to the pairing `pairing` from a phone that cannot be reached (a documentation
/// address), as text.
fn sample_answer(pairing: [u8; 4]) -> String {
    PairingCode {
        step: Step::Answer(Setup::Active),
        pairing,
        endpoint: kindred_core::face_to_face::code::Endpoint {
            fingerprint: [0x5a; 32],
            ufrag: "abcd".into(),
            pwd: "abcdefghijklmnopqrstuvwx".into(),
            candidates: vec![Candidate::V4([203, 0, 113, 9].into(), 9)],
        },
    }
    .to_text()
    .unwrap()
}

#[test]
fn an_answer_to_an_earlier_code_is_noticed_and_a_fresh_one_pairs() {
    let first = Phone::start("older-first");
    let second = Phone::start("older-second");
    open_and_answer(&first, &second);
    let stale_answer = picture_of(&second.app, &second.app.get("image", "Your code"));

    // The first phone starts again before scanning: its new code is another pairing.
    let drawing = |phone: &Phone| {
        phone
            .app
            .query("image", "Your code")
            .map(|code| code.execute("return arguments[0].innerHTML", &[]))
    };
    let old_code = drawing(&first);
    first.app.get("button", "Start face-to-face sync").click();
    first.app.wait_for("a new code", || {
        drawing(&first).is_some_and(|new| Some(new) != old_code)
    });
    first.point_camera_at_picture(&stale_answer);
    first.app.get("button", "Scan a code").click();
    let alert = first
        .app
        .get_with_text("alert", "answers an earlier code from this phone");
    assert!(
        alert.text().contains("Scan a code again"),
        "{}",
        alert.text()
    );
    assert!(
        first.app.query("image", "Your code").is_some(),
        "the first phone still shows its new code"
    );

    // The second phone scans the new code, and the new answer pairs.
    second.point_camera_at(&first);
    second.app.get("button", "Stop face-to-face sync").click();
    second.app.get("button", "Scan a code").click();
    wait_long("the new answer", PAIRING_WAIT, || {
        second.app.query("image", "Your code").is_some()
    });
    first.point_camera_at(&second);
    first.app.get("button", "Scan a code").click();
    wait_long("both import previews", PAIRING_WAIT, || {
        preview_text(&first.app).is_some() && preview_text(&second.app).is_some()
    });
    assert_eq!(first.comparison(), second.comparison());
}

#[test]
fn a_refused_camera_says_so_and_offers_the_text_and_the_file() {
    let phone = Phone::start_camera_refused("refused");
    phone.app.open("#/share");
    phone.app.get("button", "Scan a code").click();
    let alert = phone
        .app
        .get_with_text("alert", "Kindred was not allowed to use the camera");
    assert!(alert.text().contains("Import file"), "{}", alert.text());
    // The text fallback opens by itself, and the file route is on the same screen.
    phone.app.get("textbox", "Code as text");
    phone.app.get("button", "Import file");
    alert.execute("arguments[0].scrollIntoView({block: 'start'})", &[]);
    phone.app.screenshot("face-to-face-camera-refused-390");

    // Starting still shows this phone's code: the other phone can scan it.
    phone.app.get("button", "Start face-to-face sync").click();
    phone.app.get("image", "Your code");
    phone
        .app
        .get_with_text("alert", "Kindred was not allowed to use the camera");
    let text = phone.code_text();
    let code = PairingCode::from_text(&text).expect("the text is the code");
    assert_eq!(code.step, Step::Opening);
}

#[test]
fn phones_that_cannot_reach_each_other_are_told_why_and_what_to_try() {
    let phone = Phone::start("timeout");
    phone.app.open("#/share");
    phone.app.get("button", "Start face-to-face sync").click();
    phone.app.get("image", "Your code");
    let opening = PairingCode::from_text(&phone.code_text()).unwrap();
    phone.paste_code(&sample_answer(opening.pairing));
    phone.app.wait_for_text("Connecting to the other phone");
    phone.comparison();
    let started = Instant::now();
    wait_long("the phone to give up", Duration::from_secs(30), || {
        !phone.app.all("alert").is_empty()
    });
    let waited = started.elapsed();
    let alert = phone
        .app
        .get_with_text("alert", "could not reach each other");
    assert!(
        alert.text().contains("hotspot") && alert.text().contains("Export"),
        "{}",
        alert.text()
    );
    assert!(
        waited > Duration::from_secs(15),
        "it gave the phones about 20 s ({waited:?})"
    );
    assert!(phone
        .app
        .query("button", "Stop face-to-face sync")
        .is_none());
    assert!(phone.app.query("region", "Import preview").is_none());
}

#[test]
fn the_face_to_face_part_reads_well_at_both_sizes_and_passes_axe() {
    for (width, height, name) in [(390, 844, "390"), (1280, 900, "1280")] {
        let camera = camera_file(&format!("look-{name}"));
        let args = [
            "--use-fake-device-for-media-stream".to_string(),
            "--use-fake-ui-for-media-stream".to_string(),
            format!("--use-file-for-fake-video-capture={}", camera.display()),
        ];
        let app = App::start_with_args(width, height, &args);
        app.open("#/share");
        app.get("button", "Start face-to-face sync").click();
        let code = app.get("image", "Your code");
        code.execute("arguments[0].scrollIntoView({block: 'center'})", &[]);
        app.screenshot(&format!("face-to-face-code-{name}"));
        assert_eq!(app.axe_violations(), Vec::<String>::new());
        app.get("button", "Scan a code").click();
        app.get("button", "Stop face-to-face sync");
        app.browser().execute(
            "document.querySelector('video.camera').scrollIntoView({block: 'center'})",
            &[],
        );
        app.screenshot(&format!("face-to-face-scanning-{name}"));
        assert_eq!(app.axe_violations(), Vec::<String>::new());
    }
}

/// Waits until the service worker has installed this build and controls the page.
fn wait_until_offline_ready(app: &App) {
    wait_long(
        "the service worker to control the page",
        PAIRING_WAIT,
        || {
            app.browser().execute(
                "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)",
                &[],
            ) == serde_json::json!(true)
        },
    );
}

/// The addresses of the page's requests for the QR reader's files.
fn reader_requests(app: &App) -> Vec<String> {
    let requests = app.browser().execute(
        "return performance.getEntriesByType('resource').map(e => e.name)
             .filter(name => name.includes('/qr-reader/'))",
        &[],
    );
    serde_json::from_value(requests).unwrap()
}

#[test]
fn the_code_reader_loads_at_the_first_scan_and_reads_with_no_network_after_the_first_visit() {
    let first = Phone::start("reader-first");
    let second = Phone::start("reader-second");
    first.app.open("#/share");
    first.app.get("button", "Start face-to-face sync").click();
    first.app.get("image", "Your code");

    second.app.open("#/share");
    wait_until_offline_ready(&second.app);
    second.app.reload();
    assert_eq!(
        reader_requests(&second.app),
        Vec::<String>::new(),
        "the page does not fetch the reader before a scan"
    );
    // From now on this phone has no server: the reader must come from what the service
    // worker kept.
    second.app.server().stop();
    second.point_camera_at(&first);
    second.app.get("button", "Scan a code").click();
    wait_long("the answering code", PAIRING_WAIT, || {
        second.app.query("image", "Your code").is_some()
    });
    assert!(
        reader_requests(&second.app)
            .iter()
            .any(|url| url.ends_with("/qr-reader/start.js")),
        "the scan started the reader: {:?}",
        reader_requests(&second.app)
    );
    let decoded = second.app.browser().execute(
        "return performance.getEntriesByName('kindred:qr-decode').length",
        &[],
    );
    assert!(
        decoded.as_u64().is_some_and(|frames| frames >= 1),
        "the worker read the frames: {decoded}"
    );

    first.point_camera_at(&second);
    first.app.get("button", "Scan a code").click();
    wait_long("both import previews", PAIRING_WAIT, || {
        preview_text(&first.app).is_some() && preview_text(&second.app).is_some()
    });
    assert_eq!(first.comparison(), second.comparison());
    second.app.server().restart();
}

#[test]
fn a_reader_that_cannot_load_is_said_plainly_and_the_code_can_still_be_pasted() {
    let first = Phone::start("no-reader-first");
    let second = Phone::start("no-reader-second");
    // A deployment that lost the reader's folder (and so has no service worker either: its
    // install needs every file).
    let root = support::copy_of_dist("no-reader");
    std::fs::remove_dir_all(root.join("qr-reader")).unwrap();
    second.app.server().set_root(root);

    first.app.open("#/share");
    first.app.get("button", "Start face-to-face sync").click();
    first.app.get("image", "Your code");
    let opening = first.code_text();
    second.app.open("#/share");
    second.point_camera_at(&first);
    second.app.get("button", "Scan a code").click();
    let alert = second
        .app
        .get_with_text("alert", "could not start reading codes");
    assert!(alert.text().contains("Import file"), "{}", alert.text());
    assert!(
        second
            .app
            .query("button", "Stop face-to-face sync")
            .is_none(),
        "the camera is off again"
    );
    for (width, height, name) in [(390, 844, "390"), (1280, 900, "1280")] {
        second.app.browser().set_window_size(width, height);
        alert.execute("arguments[0].scrollIntoView({block: 'start'})", &[]);
        second
            .app
            .screenshot(&format!("face-to-face-no-reader-{name}"));
        assert_eq!(second.app.axe_violations(), Vec::<String>::new());
    }

    // The text route opened by itself and pairs as the camera would have.
    second
        .app
        .get("textbox", "Code as text")
        .type_text(&opening);
    second.app.get("button", "Use this code").click();
    wait_long("the answering code", PAIRING_WAIT, || {
        second.app.query("image", "Your code").is_some()
    });
}
