//! A gentle word on the journal, where people are, when no copy of their data has been kept
//! for a month: the Settings screen says the same with the figures.

use kindred_core::backup_health::health;
use leptos::prelude::*;

use crate::clock;
use crate::screen::Screen;
use crate::state::AppState;
use crate::text;

#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Worked out again when the data changes and when a new day begins.
    let due = move || {
        state.today.track();
        state.model.with(|m| health(m, clock::now()).reminder_due)
    };
    view! {
        <Show when=due>
            <p class="reminder">
                {text::backup_reminder()}
                " "
                <a href=Screen::Settings.href()>{text::keep_a_copy()}</a>
            </p>
        </Show>
    }
}
