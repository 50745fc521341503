//! A QR code of one helper or one need, for another phone's camera to take into its Kindred.

use kindred_core::qr;
use kindred_core::share::{self, OneRecord};
use leptos::prelude::*;

use crate::clock;
use crate::text;

const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A button that shows and hides the record's QR code.
#[component]
pub fn QrCode(
    /// The helper or need the code carries (private notes are left out).
    record: OneRecord,
    /// The record's name, for the code's text alternative.
    name: String,
) -> impl IntoView {
    let shown = RwSignal::new(false);
    let drawing = move || {
        let location = window().location();
        let base = format!(
            "{}{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let file = share::one_record_file(record.clone(), clock::now(), APP_VERSION);
        qr::encode(&share::card_link(&base, &file)).ok()
    };
    let label = text::qr_label(&name);
    view! {
        <button on:click=move |_| shown.update(|s| *s = !*s) aria-expanded=move || shown.get().to_string()>
            {text::qr_code()}
        </button>
        <Show when=move || shown.get()>
            {
                let label = label.clone();
                match drawing() {
                    Some(modules) => {
                        let side = modules.side_with_quiet_zone();
                        view! {
                            <figure class="qr">
                                <svg
                                    role="img"
                                    aria-label=label
                                    viewBox=format!("0 0 {side} {side}")
                                    shape-rendering="crispEdges"
                                >
                                    <rect width=side height=side class="qr-light"></rect>
                                    <path d=modules.svg_path() class="qr-dark"></path>
                                </svg>
                                <figcaption>{text::qr_hint()}</figcaption>
                            </figure>
                        }
                        .into_any()
                    }
                    None => view! { <p>{text::qr_too_long()}</p> }.into_any(),
                }
            }
        </Show>
    }
}
