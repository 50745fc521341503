//! Small DOM helpers the components share.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// Moves keyboard focus to the first element matching a CSS selector, if there is one.
pub fn focus(selector: &str) {
    let element = document().query_selector(selector).ok().flatten();
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
