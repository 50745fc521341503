//! A daily reminder through the phone's own calendar: nothing can ring a phone without a
//! server, but its calendar can. Part of Settings.

use chrono::NaiveTime;
use kindred_core::ics::{daily_reminder_ics, ReminderWords};
use leptos::prelude::*;

use crate::clock;
use crate::download::download_text;
use crate::state::AppState;
use crate::text;

/// When the reminder rings unless the person picks another time.
const DEFAULT_TIME: &str = "09:00";

#[component]
pub fn Reminders() -> impl IntoView {
    let state = expect_context::<AppState>();
    let time = RwSignal::new(DEFAULT_TIME.to_string());
    let download = move |_| {
        // A time field gives "HH:MM"; one left empty rings at the default time.
        let picked = time.get_untracked();
        let at = NaiveTime::parse_from_str(&picked, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(DEFAULT_TIME, "%H:%M"))
            .unwrap_or_default();
        let words = ReminderWords {
            summary: text::reminder_summary().to_string(),
            description: text::reminder_description().to_string(),
        };
        let today = clock::today();
        let ics = daily_reminder_ics(today, at, &words, clock::now());
        if download_text(
            &format!("kindred-daily-reminder-{today}.ics"),
            "text/calendar",
            &ics,
        ) {
            state.announce(text::reminder_downloaded());
        }
    };
    view! {
        <section aria-labelledby="reminders-heading">
            <h2 id="reminders-heading">{text::reminders()}</h2>
            <p class="hint" id="reminder-hint">{text::reminder_hint()}</p>
            <div class="field">
                <label for="reminder-time">{text::reminder_time()}</label>
                <input
                    id="reminder-time"
                    type="time"
                    prop:value=move || time.get()
                    on:input=move |ev| time.set(event_target_value(&ev))
                />
            </div>
            <div class="actions">
                <button on:click=download aria-describedby="reminder-hint">{text::add_daily_reminder()}</button>
            </div>
        </section>
    }
}
