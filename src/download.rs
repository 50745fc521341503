//! Saving a file to the reader's device, made in the page: nothing leaves the browser.

use wasm_bindgen::JsCast;

/// Offers `text` as a file named `file_name`. Returns false when the browser refused.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> bool {
    try_download(file_name, mime, text).is_some()
}

fn try_download(file_name: &str, mime: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
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
