//! Making a file for a neighbour.

use kindred_core::share::{self, ExportChoice};
use leptos::prelude::*;

use crate::clock;
use crate::download::{can_share_files, download_text, share_text};
use crate::state::AppState;
use crate::text;

const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[component]
pub fn Send() -> impl IntoView {
    let state = expect_context::<AppState>();
    let choice = RwSignal::new(ExportChoice::default());
    let nothing_chosen = move || choice.with(|c| !c.helpers && !c.needs && !c.journal);
    let can_share = can_share_files();

    // Makes the file's text. Nothing is marked as sent: each record's revisions say what
    // it has seen, whether or not this file ever arrives.
    let make_file = move || {
        let chosen = choice.get_untracked();
        let file = state
            .model
            .with_untracked(|m| share::export(m, chosen, clock::now(), APP_VERSION));
        (share::file_name(clock::today()), share::to_json(&file))
    };
    let export = move |_| {
        let (name, json) = make_file();
        if download_text(&name, "application/json", &json) {
            // A file with everything in it is a backup; one with only the directory is
            // not. (A file handed to the share sheet is not counted: whether it went
            // anywhere is not known.)
            let chosen = choice.get_untracked();
            if chosen.helpers && chosen.needs && chosen.journal && chosen.private_notes {
                state.change_settings(|s| s.last_export_at = Some(clock::now()));
            }
            state.announce(text::exported());
        }
    };
    let share_file = move |_| {
        let (name, json) = make_file();
        share_text(&name, "application/json", &json);
    };
    let toggle = |label: &'static str,
                  id: &'static str,
                  get: fn(&ExportChoice) -> bool,
                  set: fn(&mut ExportChoice, bool)| {
        view! {
            <span class="choice">
                <input
                    type="checkbox"
                    id=id
                    prop:checked=move || choice.with(get)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        choice.update(|c| set(c, on));
                    }
                />
                <label for=id>{label}</label>
            </span>
        }
    };

    view! {
        <section aria-labelledby="send-heading">
            <h2 id="send-heading">{text::send_heading()}</h2>
            <p>{text::send_hint()}</p>
            <fieldset class="field checkboxes">
                <legend>{text::what_to_share()}</legend>
                {toggle(text::share_helpers(), "share-helpers", |c| c.helpers, |c, on| c.helpers = on)}
                {toggle(text::share_needs(), "share-needs", |c| c.needs, |c, on| c.needs = on)}
                {toggle(text::share_journal(), "share-journal", |c| c.journal, |c, on| c.journal = on)}
                {toggle(text::share_private(), "share-private", |c| c.private_notes, |c, on| c.private_notes = on)}
            </fieldset>
            <p class="hint" id="export-leaves-out">{move || choice.with(text::export_leaves_out)}</p>
            <Show when=nothing_chosen>
                <p class="field-error">{text::nothing_chosen()}</p>
            </Show>
            <div class="actions">
                <button
                    class="primary"
                    on:click=export
                    disabled=nothing_chosen
                    aria-describedby="export-leaves-out"
                >
                    {text::export()}
                </button>
                {can_share.then(|| view! { <button on:click=share_file disabled=nothing_chosen>{text::share_file()}</button> })}
            </div>
        </section>
    }
}
