//! The helper directory: who can help with what, when, in which languages.

mod form;
mod list;

use kindred_core::helper::{Helper, HelperFilter};
use leptos::prelude::*;
use uuid::Uuid;

use super::ScreenHeading;
use crate::components::back_to_top::BackToTop;
use crate::components::deletions::{Deletions, UndoBar};
use crate::drafts::{self, DraftForm};
use crate::screen::Screen;
use crate::state::AppState;
use crate::text;

#[component]
pub fn HelpersScreen() -> impl IntoView {
    // `None`: no form; `Some(None)`: a new helper; `Some(Some(id))`: editing one.
    let state = expect_context::<AppState>();
    // A form left half-written opens again as it was.
    let form_for = RwSignal::new(drafts::newest(DraftForm::Helper, |id| {
        state.model.with_untracked(|m| m.helpers.get(id).is_some())
    }));
    let filter = RwSignal::new(HelperFilter::default());
    let deletions = Deletions::<Helper>::new(|m| &mut m.helpers, "undo-helper");
    let delete = move |id: Uuid| {
        if deletions.delete(id, text::helper_deleted()) {
            drafts::remove(DraftForm::Helper, Some(id));
            if form_for.get_untracked() == Some(Some(id)) {
                form_for.set(None);
            }
        }
    };

    view! {
        <ScreenHeading screen=Screen::Helpers />
        <div class="toolbar">
            <button id="add-helper" class="primary" on:click=move |_| form_for.set(Some(None))>
                {text::add_helper()}
            </button>
        </div>
        {move || {
            form_for
                .get()
                .map(|editing| view! { <form::HelperForm editing on_close=move || form_for.set(None) /> })
        }}
        <UndoBar deletions message=text::helper_deleted() />
        <list::Filters filter />
        <list::HelperList
            filter=filter.into()
            on_edit=Callback::new(move |id| form_for.set(Some(Some(id))))
            on_delete=Callback::new(delete)
        />
        <BackToTop count=Signal::derive(move || state.model.with(|m| m.helpers.live_count())) />
    }
}
