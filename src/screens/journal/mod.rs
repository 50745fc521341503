//! The journal: log, find, edit and delete acts of kindness, with a nudge for today and a
//! calendar of the year.

mod backup_reminder;
mod calendar;
mod filters;
mod follow_ups;
mod form;
mod list;
mod month;
mod today;

use kindred_core::journal::{JournalEntry, JournalFilter};
use leptos::prelude::*;
use uuid::Uuid;

use super::ScreenHeading;
use crate::components::deletions::{Deletions, UndoBar};
use crate::drafts::{self, DraftForm};
use crate::screen::Screen;
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
    // A form left half-written opens again as it was.
    let form_for = RwSignal::new(
        drafts::newest(DraftForm::Entry, |id| {
            state.model.with_untracked(|m| m.journal.get(id).is_some())
        })
        .map(|editing| match editing {
            Some(id) => FormFor::Edit(id),
            None => FormFor::New {
                text: String::new(),
            },
        }),
    );
    let filter = RwSignal::new(JournalFilter::default());
    let deletions = Deletions::<JournalEntry>::new(|m| &mut m.journal, "undo-entry");
    let delete = move |id: Uuid| {
        if deletions.delete(id, text::entry_deleted()) {
            drafts::remove(DraftForm::Entry, Some(id));
            if form_for.get_untracked() == Some(FormFor::Edit(id)) {
                form_for.set(None);
            }
        }
    };
    let has_entries = Memo::new(move |_| state.model.with(|m| m.journal.live_count() > 0));
    let open_form = Callback::new(move |target: FormFor| form_for.set(Some(target)));

    view! {
        <ScreenHeading screen=Screen::Journal />
        <follow_ups::FollowUps />
        <backup_reminder::BackupReminder />
        // A first visit says what Kindred is and offers one large first action; search,
        // filters and the year's counts come once there is something to search or count.
        <Show when=move || !has_entries.get()>
            <section class="welcome" aria-labelledby="welcome-heading">
                <h2 id="welcome-heading">{text::welcome_heading()}</h2>
                <p>{text::welcome_what()}</p>
                <p>{text::welcome_private()}</p>
            </section>
        </Show>
        <div class="toolbar">
            <button
                id="log-a-kindness"
                class="primary"
                class:first-action=move || !has_entries.get()
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
        <today::TodayPanel on_did_idea=open_form />
        <UndoBar deletions message=text::entry_deleted() />
        <Show when=move || has_entries.get()>
            <filters::Filters filter />
        </Show>
        <list::EntryList
            filter=filter.into()
            on_edit=Callback::new(move |id| form_for.set(Some(FormFor::Edit(id))))
            on_delete=Callback::new(delete)
        />
        <Show when=move || has_entries.get()>
            <calendar::YourYear />
        </Show>
    }
}
