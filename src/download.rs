//! Saving a file to the reader's device, or handing it to the phone's share sheet, made in
//! the page: nothing goes to any server.

use kindred_core::backup::backup_json;
use leptos::prelude::WithUntracked;
use wasm_bindgen::JsCast;

use crate::clock;
use crate::state::AppState;

/// Offers `text` as a file named `file_name`. Returns false when the browser refused.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> bool {
    try_download(file_name, mime, text).is_some()
}

fn try_download(file_name: &str, mime: &str, text: &str) -> Option<()> {
    let blob = text_file(file_name, mime, text)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Some(())
}

/// A file made from text, for downloading or sharing.
fn text_file(file_name: &str, mime: &str, text: &str) -> Option<web_sys::File> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    web_sys::File::new_with_str_sequence_and_options(&parts, file_name, &options).ok()
}

/// Whether the browser can hand files to the phone's share sheet (the Web Share API with
/// files): true on most phones, false on most desktops.
pub fn can_share_files() -> bool {
    let probe = text_file("kindred.json", "application/json", "{}");
    probe.is_some_and(|file| share_call("canShare", &file).is_some_and(|r| r.is_truthy()))
}

/// Opens the share sheet with the file. Returns false when the browser cannot.
pub fn share_text(file_name: &str, mime: &str, text: &str) -> bool {
    let Some(promise) = text_file(file_name, mime, text)
        .and_then(|file| share_call("share", &file))
        .and_then(|result| result.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    // Closing the share sheet without sharing rejects the promise; that is no error.
    leptos::task::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
    true
}

/// Calls `navigator.canShare` or `navigator.share` with `{ files: [file] }`, where they exist.
fn share_call(method: &str, file: &web_sys::File) -> Option<wasm_bindgen::JsValue> {
    let navigator = web_sys::window()?.navigator();
    let function = js_sys::Reflect::get(&navigator, &method.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(file)).ok()?;
    function.call1(&navigator, &data).ok()
}

/// Saves the full backup (everything in memory, unsaved changes and unreadable text
/// included) and notes when, for the backup reminder.
pub fn download_backup(state: AppState) {
    let now = clock::now();
    let backup = state.unreadable.with_untracked(|unreadable| {
        state
            .model
            .with_untracked(|model| backup_json(model, unreadable, now))
    });
    let name = format!("kindred-backup-{}.json", clock::today());
    if download_text(&name, "application/json", &backup) {
        state.change_settings(|s| s.last_export_at = Some(now));
    }
}
