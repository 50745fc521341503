//! Settings: the reader's choices and their data.

use kindred_core::backup::backup_json;
use leptos::prelude::*;

use super::ScreenHeading;
use crate::clock;
use crate::download::download_text;
use crate::routes::Screen;
use crate::state::AppState;
use crate::text;

#[component]
pub fn SettingsScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let download_all = move |_| {
        let text = state.unreadable.with_untracked(|unreadable| {
            state
                .model
                .with_untracked(|model| backup_json(model, unreadable, clock::now()))
        });
        download_text(
            &format!("kindred-backup-{}.json", clock::today()),
            "application/json",
            &text,
        );
    };
    view! {
        <ScreenHeading screen=Screen::Settings />
        <section aria-labelledby="your-data">
            <h2 id="your-data">{text::YOUR_DATA}</h2>
            <p>{text::DATA_LIVES_HERE}</p>
            <button on:click=download_all aria-describedby="download-all-hint">
                {text::DOWNLOAD_ALL_DATA}
            </button>
            <p id="download-all-hint" class="hint">{text::DOWNLOAD_ALL_DATA_HINT}</p>
        </section>
    }
}
