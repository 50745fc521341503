//! Other formats: CSV for spreadsheets, vCard for phones, ICS for calendars, and print.

use kindred_core::{csv, ics, vcard};
use leptos::prelude::*;

use crate::clock;
use crate::download::download_text;
use crate::state::AppState;
use crate::text;

#[component]
pub fn OtherFormats() -> impl IntoView {
    let state = expect_context::<AppState>();
    let save = move |stem: &str,
                     extension: &str,
                     mime: &str,
                     make: &dyn Fn(&kindred_core::model::Model) -> String| {
        let text = state.model.with_untracked(make);
        let today = clock::today();
        download_text(&format!("kindred-{stem}-{today}.{extension}"), mime, &text);
    };
    let has_follow_ups = move || {
        state.model.with(|m| {
            m.needs
                .live()
                .any(|n| n.follow_up_on.is_some() && !n.is_done())
        })
    };
    view! {
        <section aria-labelledby="other-formats-heading">
            <h2 id="other-formats-heading">{text::other_formats()}</h2>
            <p class="hint">{text::other_formats_hint()}</p>
            <div class="actions stacked">
                <button on:click=move |_| save("journal", "csv", "text/csv", &|m| csv::journal_csv(m.journal.live(), false))>
                    {text::journal_csv()}
                </button>
                <button on:click=move |_| save("helpers", "csv", "text/csv", &|m| csv::helpers_csv(m.helpers.live(), false))>
                    {text::helpers_csv()}
                </button>
                <button on:click=move |_| {
                    save("needs", "csv", "text/csv", &|m| {
                        csv::needs_csv(m.needs.live(), |id| m.helpers.get(id).map(|h| h.name.clone()))
                    })
                }>{text::needs_csv()}</button>
                <button on:click=move |_| save("contacts", "vcf", "text/vcard", &|m| vcard::vcards(m.helpers.live()))>
                    {text::helpers_vcard()}
                </button>
                <button
                    on:click=move |_| save("follow-ups", "ics", "text/calendar", &|m| ics::follow_ups_ics(m.needs.live(), text::follow_up_event, clock::now()))
                    disabled=move || !has_follow_ups()
                    aria-describedby="no-follow-ups"
                >
                    {text::follow_ups_ics()}
                </button>
                <Show when=move || !has_follow_ups()>
                    <p id="no-follow-ups" class="hint">{text::no_follow_ups()}</p>
                </Show>
                <super::print::PrintButton />
            </div>
        </section>
    }
}
