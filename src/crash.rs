//! When a screen fails, Kindred must still start and hand over a backup. Rust in wasm cannot
//! go on after a panic, so the panic hook, which runs before the module stops, notes the
//! failure for this tab (sessionStorage) and puts a plain message on the page with a link
//! that starts Kindred again; that start opens Settings, where Download all data is, instead
//! of the screen that failed, and says what happened.

use wasm_bindgen::JsCast;

/// Where the failed screen's address is noted, for this tab only.
const FAILED_KEY: &str = "kindred/failed-screen";

/// Installs the hook with the words of the language in use (the hook cannot look them up:
/// the failure may be inside that very lookup).
pub fn install(message: String, start_again: String) {
    std::panic::set_hook(Box::new(move |_| {
        let window = web_sys::window();
        let hash = window
            .as_ref()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        if let Some(session) = window
            .as_ref()
            .and_then(|w| w.session_storage().ok().flatten())
        {
            let _ = session.set_item(FAILED_KEY, &hash);
        }
        let Some(document) = window.and_then(|w| w.document()) else {
            return;
        };
        let (Ok(alert), Ok(text), Ok(link)) = (
            document.create_element("div"),
            document.create_element("p"),
            document.create_element("a"),
        ) else {
            return;
        };
        let _ = alert.set_attribute("role", "alert");
        let _ = alert.set_attribute("class", "alert failure");
        text.set_text_content(Some(&message));
        // A link without a fragment is a real navigation: the page starts afresh.
        let _ = link.set_attribute("href", "./");
        link.set_text_content(Some(&start_again));
        let _ = alert.append_child(&text);
        let _ = alert.append_child(&link);
        if let Some(body) = document.body() {
            let _ = body.prepend_with_node_1(&alert);
            if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
                let _ = link.focus();
            }
        }
    }));
}

/// The address of the screen that failed in this tab's last start, taken once: that start
/// then opens Settings instead.
pub fn failed_last_time() -> Option<String> {
    let session = web_sys::window()?.session_storage().ok()??;
    let failed = session.get_item(FAILED_KEY).ok()??;
    let _ = session.remove_item(FAILED_KEY);
    Some(failed)
}
