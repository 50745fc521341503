//! The journal: log, find, edit and delete acts of kindness, with a nudge for today and a
//! calendar of the year.

mod backup_reminder;
mod calendar;
mod filters;
mod follow_ups;
mod form;
mod list;
mod today;

use kindred_core::journal::{JournalEntry, JournalFilter};
use leptos::prelude::*;
use uuid::Uuid;

use super::ScreenHeading;
use crate::routes::Screen;
use crate::state::AppState;
use crate::text;

/// What the entry form is for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FormFor {
    /// A new entry, its text already filled in when it comes from an idea.
    New {
        text: String,
    },
    Edit(Uuid),
}

#[component]
pub fn JournalScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let form_for = RwSignal::new(None::<FormFor>);
    let filter = RwSignal::new(JournalFilter::default());
    let last_deleted = RwSignal::new(None::<JournalEntry>);

    let delete = move |id: Uuid| {
        let removed = state.change(|model, now| model.journal.delete(id, now));
        if form_for.get_untracked() == Some(FormFor::Edit(id)) {
            form_for.set(None);
        }
        last_deleted.set(removed);
    };
    let undo = move |_| {
        if let Some(entry) = last_deleted.get_untracked() {
            state.change(|model, now| model.journal.restore(entry, now));
            last_deleted.set(None);
        }
    };
    let open_form = Callback::new(move |target: FormFor| form_for.set(Some(target)));

    view! {
        <ScreenHeading screen=Screen::Journal />
        <follow_ups::FollowUps />
        <backup_reminder::BackupReminder />
        <today::TodayPanel on_did_idea=open_form />
        <div class="toolbar">
            <button
                id="log-a-kindness"
                class="primary"
                on:click=move |_| form_for.set(Some(FormFor::New { text: String::new() }))
            >
                {text::log_a_kindness()}
            </button>
        </div>
        {move || {
            form_for
                .get()
                .map(|target| view! { <form::EntryForm target on_close=move || form_for.set(None) /> })
        }}
        <Show when=move || last_deleted.with(Option::is_some)>
            <div class="undo-bar">
                <span>{text::entry_deleted()}</span>
                <button on:click=undo>{text::undo()}</button>
            </div>
        </Show>
        <filters::Filters filter />
        <list::EntryList
            filter=filter.into()
            on_edit=Callback::new(move |id| form_for.set(Some(FormFor::Edit(id))))
            on_delete=Callback::new(delete)
        />
        <calendar::YourYear />
    }
}
