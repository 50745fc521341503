//! The helper directory: who can help with what, when, in which languages.

mod form;
mod list;

use kindred_core::helper::{Helper, HelperFilter};
use leptos::prelude::*;
use uuid::Uuid;

use super::form_parts::UndoBar;
use super::ScreenHeading;
use crate::routes::Screen;
use crate::state::AppState;
use crate::text;

#[component]
pub fn HelpersScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    // `None`: no form; `Some(None)`: a new helper; `Some(Some(id))`: editing one.
    let form_for = RwSignal::new(None::<Option<Uuid>>);
    let filter = RwSignal::new(HelperFilter::default());
    let last_deleted = RwSignal::new(None::<Helper>);

    let delete = move |id: Uuid| {
        let removed = state.change(|model, now| model.helpers.delete(id, now));
        if form_for.get_untracked() == Some(Some(id)) {
            form_for.set(None);
        }
        last_deleted.set(removed);
    };
    let undo = move |()| {
        if let Some(helper) = last_deleted.get_untracked() {
            state.change(|model, now| model.helpers.restore(helper, now));
            last_deleted.set(None);
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
        <UndoBar
            message=text::helper_deleted()
            visible=Signal::derive(move || last_deleted.with(Option::is_some))
            on_undo=Callback::new(undo)
        />
        <list::Filters filter />
        <list::HelperList
            filter=filter.into()
            on_edit=Callback::new(move |id| form_for.set(Some(Some(id))))
            on_delete=Callback::new(delete)
        />
    }
}
