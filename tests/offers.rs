//! Helpers offer, coordinators confirm: a helper who sees an open need on her own phone says
//! `I can help`; the offer travels in a share file (as it will through the group folder) to
//! the coordinator's browser, shows on the need's card and first among the suggestions, and
//! the coordinator matches from it. Offers from two phones both count; a withdrawal travels.

mod support;

use std::path::PathBuf;

use support::{file_with, App, Element};

const NEED: &str = "A ride to the clinic";

/// Exports the default file (helpers and needs, and with them the offers).
fn export(app: &App, name: &str) -> PathBuf {
    app.open("#/share");
    app.get("button", "Export").click();
    let (_, text) = app.downloaded("kindred-");
    file_with("offers", name, &text)
}

/// Imports `file`, checking the preview says `counts`, and waits until `stored` is saved.
/// Returns what the preview said.
fn import(app: &App, file: &PathBuf, counts: &str, stored: &str) -> String {
    app.open("#/share");
    app.get("button", "Import file").set_file(file);
    let preview = app.get("region", "Import preview").text();
    assert!(preview.contains(counts), "{preview}");
    app.get("button", "Confirm import").click();
    app.wait_for("the import to be saved", || {
        app.local_storage().values().any(|v| v.contains(stored))
    });
    preview
}

fn add_need(app: &App) {
    app.open("#/needs");
    app.get("button", "Add need").click();
    app.get("textbox", "What is needed").type_text(NEED);
    app.get("textbox", "For whom").type_text("Mr Lee");
    app.get("button", "Save").click();
    app.wait_for("the need to be saved", || {
        app.local_storage().values().any(|v| v.contains(NEED))
    });
}

fn card(app: &App) -> Element {
    app.get("list", "Needs").within_with_text("listitem", NEED)
}

/// Offers help on the need's card under `name`, with `when` if not empty.
fn offer(app: &App, name: &str, when: &str) {
    app.open("#/needs");
    card(app).within("button", "I can help").click();
    let form = app.get("form", "Offer to help");
    let name_field = form.within("textbox", "Your name");
    name_field.clear();
    name_field.type_text(name);
    if !when.is_empty() {
        form.within("textbox", "When can you help?").type_text(when);
    }
    form.within("button", "Send offer").click();
    app.wait_for("the offer to be saved", || {
        app.local_storage()
            .iter()
            .any(|(k, v)| k.starts_with("kindred/offers/") && v.contains(name))
    });
}

/// Scrolls `element` to the top of the window, for a screenshot of it.
fn in_view(element: &Element) {
    element.execute("arguments[0].scrollIntoView({block: 'start'})", &[]);
}

fn offers_line(app: &App) -> Option<String> {
    card(app)
        .paragraphs()
        .into_iter()
        .find(|p| p.starts_with("Offers: "))
}

#[test]
fn a_helpers_offer_from_her_phone_reaches_the_coordinator_who_matches_it() {
    let coordinator = App::start();
    coordinator.add_helper(&[("Name", "Ana Wong"), ("Area", "Sham Shui Po")]);
    add_need(&coordinator);
    let board = export(&coordinator, "board.json");

    // Ana has the board on her phone, and offers.
    let ana = App::start();
    import(&ana, &board, "2 new", NEED);
    ana.open("#/needs");
    card(&ana).within("button", "I can help").click();
    let form = ana.get("form", "Offer to help");
    let name = form.within("textbox", "Your name");
    assert_eq!(name.value(), "", "nothing offered from this phone yet");
    assert!(
        form.text()
            .contains("Kindred keeps this name on this phone for your next offer"),
        "{}",
        form.text()
    );
    ana.wait_for("the name field to have the focus", || {
        ana.focused().computed_label() == "Your name"
    });

    // A name is needed: whoever matches must know who offers.
    form.within("textbox", "When can you help?")
        .type_text("Tuesday after 3");
    in_view(&form);
    ana.screenshot("offer-form-390");
    form.within("button", "Send offer").click();
    assert!(
        ana.get("form", "Offer to help")
            .text()
            .contains("Please fill this in."),
        "{}",
        form.text()
    );
    assert!(
        !ana.local_storage()
            .keys()
            .any(|k| k.starts_with("kindred/offers/")),
        "nothing offered without a name"
    );
    let violations = ana.axe_violations();
    assert!(violations.is_empty(), "{violations:#?}");
    ana.get("form", "Offer to help")
        .within("textbox", "Your name")
        .type_text("Ana Wong");
    ana.get("button", "Send offer").click();
    ana.wait_for("the offer to show on the card", || {
        offers_line(&ana).as_deref() == Some("Offers: Ana Wong (Tuesday after 3)")
    });
    assert!(
        ana.query("form", "Offer to help").is_none(),
        "the form closes"
    );
    ana.wait_for("the focus to go to the button that withdraws it", || {
        ana.focused().computed_label() == "Withdraw my offer"
    });
    assert!(
        card(&ana).query_within("button", "I can help").is_none(),
        "this phone has offered"
    );
    in_view(&card(&ana));
    ana.screenshot("need-with-my-offer-390");
    let offer_file = export(&ana, "ana-offers.json");

    // The coordinator takes the offer in, sees it on the card, and matches from it.
    let preview = import(
        &coordinator,
        &offer_file,
        "1 new, 0 updated",
        "Tuesday after 3",
    );
    assert!(preview.contains("Offer of help from Ana Wong"), "{preview}");
    coordinator.open("#/needs");
    coordinator.wait_for("the offer on the card", || {
        offers_line(&coordinator).as_deref() == Some("Offers: Ana Wong (Tuesday after 3)")
    });
    assert!(
        card(&coordinator)
            .query_within("button", "Withdraw my offer")
            .is_none(),
        "only Ana's phone withdraws Ana's offer"
    );
    card(&coordinator).within("button", "Match").click();
    let suggestions = card(&coordinator).within("region", "Suggested helpers");
    let offered = suggestions
        .within("list", "Offers to help")
        .all_within("listitem");
    assert_eq!(offered.len(), 1);
    assert_eq!(
        offered[0].text(),
        "Ana Wong\nTuesday after 3\nIn the directory as Ana Wong.\nAccept the offer from Ana Wong"
    );
    let heading_order: Vec<String> = suggestions
        .all_within("heading")
        .iter()
        .map(|h| h.text())
        .collect();
    assert_eq!(heading_order, ["Offers to help", "Suggested helpers"]);
    in_view(&suggestions);
    coordinator.screenshot("offer-suggestions-390");
    coordinator
        .get("button", "Accept the offer from Ana Wong")
        .click();
    coordinator.wait_for("the need to be matched with Ana", || {
        card(&coordinator).text().contains("Matched with Ana Wong")
    });
    assert_eq!(
        offers_line(&coordinator).as_deref(),
        Some("Offers: Ana Wong (Tuesday after 3)"),
        "the offer stays readable"
    );
    coordinator.open("#/helpers");
    assert_eq!(
        coordinator
            .get("list", "Helpers")
            .all_within("listitem")
            .len(),
        1,
        "the directory's Ana Wong was matched, no one was added"
    );

    // Marked done, the need keeps its offers and takes no more.
    coordinator.open("#/needs");
    card(&coordinator).within("button", "Mark done").click();
    coordinator.wait_for("the need to be done", || {
        card(&coordinator).text().contains("Done on")
    });
    assert_eq!(
        offers_line(&coordinator).as_deref(),
        Some("Offers: Ana Wong (Tuesday after 3)")
    );
    assert!(card(&coordinator)
        .query_within("button", "I can help")
        .is_none());

    // Ana's phone still knows the offer for its own after a restart.
    ana.reload();
    ana.open("#/needs");
    card(&ana).within("button", "Withdraw my offer");
    assert_eq!(
        offers_line(&ana).as_deref(),
        Some("Offers: Ana Wong (Tuesday after 3)")
    );
    assert!(
        ana.console_errors().is_empty(),
        "{:?}",
        ana.console_errors()
    );
    assert!(coordinator.console_errors().is_empty());
}

#[test]
fn offers_from_two_phones_both_show_and_a_withdrawal_travels() {
    let coordinator = App::start_with_size(1280, 900);
    add_need(&coordinator);
    let board = export(&coordinator, "board.json");
    let ana = App::start();
    let ben = App::start_with_size(1280, 900);
    import(&ana, &board, "1 new", NEED);
    import(&ben, &board, "1 new", NEED);

    offer(&ana, "Ana", "Tuesday after 3");
    ben.open("#/needs");
    card(&ben).within("button", "I can help").click();
    ben.get("form", "Offer to help")
        .within("textbox", "Your name")
        .type_text("Ben");
    ben.screenshot("offer-form-1280");
    ben.get("button", "Send offer").click();
    ben.wait_for("Ben's offer to be saved", || {
        ben.local_storage()
            .keys()
            .any(|k| k.starts_with("kindred/offers/"))
    });
    let from_ana = export(&ana, "ana.json");
    let from_ben = export(&ben, "ben.json");

    import(&coordinator, &from_ana, "1 new", "Tuesday after 3");
    import(&coordinator, &from_ben, "1 new", "\"name\":\"Ben\"");
    coordinator.open("#/needs");
    coordinator.wait_for("both offers on the card", || {
        offers_line(&coordinator).as_deref() == Some("Offers: Ana (Tuesday after 3), Ben")
    });
    coordinator.screenshot("need-with-offers-1280");

    // Ana cannot come after all: her withdrawal reaches the coordinator.
    ana.open("#/needs");
    card(&ana).within("button", "Withdraw my offer").click();
    ana.wait_for("the offer to go from Ana's card", || {
        offers_line(&ana).is_none()
    });
    ana.wait_for("the focus to go to I can help", || {
        ana.focused().computed_label() == "I can help"
    });
    // Offering again starts from the name she offered under, kept on her phone.
    card(&ana).within("button", "I can help").click();
    assert_eq!(
        ana.get("form", "Offer to help")
            .within("textbox", "Your name")
            .value(),
        "Ana"
    );
    ana.get("button", "Cancel").click();
    assert!(ana.query("form", "Offer to help").is_none());
    let withdrawn = export(&ana, "ana-withdrawn.json");
    import(
        &coordinator,
        &withdrawn,
        "0 new, 1 updated",
        "\"name\":\"Ben\"",
    );
    coordinator.open("#/needs");
    coordinator.wait_for("Ana's offer to go", || {
        offers_line(&coordinator).as_deref() == Some("Offers: Ben")
    });

    // Ben is not in the directory: accepting his offer adds him.
    card(&coordinator).within("button", "Match").click();
    let offered = card(&coordinator)
        .within("list", "Offers to help")
        .all_within("listitem");
    assert_eq!(offered.len(), 1);
    assert!(
        offered[0]
            .text()
            .contains("Not in the directory yet: accepting adds Ben as a helper."),
        "{}",
        offered[0].text()
    );
    coordinator
        .get("button", "Accept the offer from Ben")
        .click();
    coordinator.wait_for("the need to be matched with Ben", || {
        card(&coordinator).text().contains("Matched with Ben")
    });
    coordinator.screenshot("need-with-offer-matched-1280");
    coordinator.open("#/helpers");
    coordinator
        .get("list", "Helpers")
        .within_with_text("listitem", "Ben");

    // Two offers at once, and a withdrawal, left nothing to review.
    coordinator.open("#/share");
    coordinator.wait_for_text("No conflicts wait for you.");
}

mod through_the_folder {
    //! The same loop through a group folder on a real WebDAV server (WsgiDAV), as
    //! tests/group_folder.rs sets it up: the offer goes in the helper's device file.

    use std::time::{Duration, Instant};

    use super::support::webdav::{WebDavServer, PASSWORD, USER};
    use super::support::App;
    use super::{card, offers_line, NEED};

    const PASSPHRASE: &str = "lantern river 蘋果 harbour";
    /// How long a sync may take: each device file's key takes PBKDF2's 600,000 rounds.
    const SYNC_TIMEOUT: Duration = Duration::from_secs(30);

    #[track_caller]
    fn wait_for_status(app: &App, words: &str) {
        let deadline = Instant::now() + SYNC_TIMEOUT;
        loop {
            let now = app.get("status", "Sync status").text();
            if now.contains(words) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the Sync status never said {words:?}; it says {now:?}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn connect(app: &App, server: &WebDavServer) {
        app.open("#/settings");
        for (field, value) in [
            ("Folder address", server.folder().as_str()),
            ("User name", USER),
            ("Password", PASSWORD),
            ("Group passphrase", PASSPHRASE),
        ] {
            app.get("textbox", field).type_text(value);
        }
        app.get("button", "Connect").click();
        wait_for_status(app, "Last synced at");
    }

    fn sync_now(app: &App) {
        app.open("#/settings");
        app.get("button", "Sync now").click();
        wait_for_status(app, "Last synced at");
    }

    /// Syncs `app` until `arrived` (another phone's sync may still be under way).
    fn sync_until(app: &App, what: &str, mut arrived: impl FnMut() -> bool) {
        let deadline = Instant::now() + SYNC_TIMEOUT;
        loop {
            sync_now(app);
            app.open("#/needs");
            if arrived() {
                return;
            }
            assert!(Instant::now() < deadline, "{what} never arrived");
            std::thread::sleep(Duration::from_millis(500));
        }
    }

    #[test]
    fn an_offer_made_on_a_helpers_phone_reaches_the_coordinator_through_the_folder() {
        let server = WebDavServer::with_app(&App::dist_dir());
        let coordinator = App::start_at(&server.page());
        coordinator.add_helper(&[("Name", "Ana Wong")]);
        super::add_need(&coordinator);
        connect(&coordinator, &server);

        let ana = App::start_at(&server.page());
        connect(&ana, &server);
        super::offer(&ana, "Ana Wong", "Tuesday after 3");
        sync_now(&ana);
        for (name, text) in server.device_files() {
            assert!(!text.contains("Tuesday"), "the offer is readable in {name}");
        }

        sync_until(&coordinator, "the offer on the coordinator's card", || {
            offers_line(&coordinator).as_deref() == Some("Offers: Ana Wong (Tuesday after 3)")
        });
        card(&coordinator).within("button", "Match").click();
        coordinator
            .get("button", "Accept the offer from Ana Wong")
            .click();
        coordinator.wait_for("the need to be matched", || {
            card(&coordinator).text().contains("Matched with Ana Wong")
        });

        // The match goes back to Ana's phone; her offer is still hers to withdraw.
        sync_now(&coordinator);
        sync_until(&ana, "the match on Ana's phone", || {
            card(&ana).text().contains("Matched with Ana Wong")
        });
        card(&ana).within("button", "Withdraw my offer");
        assert!(ana
            .get("list", "Needs")
            .within_with_text("listitem", NEED)
            .query_within("button", "I can help")
            .is_none());
    }
}
