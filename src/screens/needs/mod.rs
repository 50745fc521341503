//! The needs board: what neighbours need, who is helping, and following through.

mod card;
mod form;
mod offers;

use kindred_core::need::{board_order, Need};
use leptos::prelude::*;
use uuid::Uuid;

use super::deletions::{Deletions, UndoBar};
use super::ScreenHeading;
use crate::screen::Screen;
use crate::state::AppState;
use crate::text;

#[component]
pub fn NeedsScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    // `None`: no form; `Some(None)`: a new need; `Some(Some(id))`: editing one.
    let form_for = RwSignal::new(None::<Option<Uuid>>);
    let deletions = Deletions::<Need>::new(|m| &mut m.needs, "undo-need");
    let just_done = RwSignal::new(None::<Uuid>);
    offers::provide_offers_by_need();
    let board = Memo::new(move |_| {
        let today = state.today.get();
        state.model.with(|m| {
            let mut needs: Vec<&Need> = m.needs.live().collect();
            board_order(&mut needs, today);
            needs.into_iter().cloned().collect::<Vec<_>>()
        })
    });

    let delete = move |id: Uuid| {
        if deletions.delete(id, text::need_deleted()) && form_for.get_untracked() == Some(Some(id))
        {
            form_for.set(None);
        }
    };

    view! {
        <ScreenHeading screen=Screen::Needs />
        <div class="toolbar">
            <button id="add-need" class="primary" on:click=move |_| form_for.set(Some(None))>
                {text::add_need()}
            </button>
        </div>
        {move || {
            form_for
                .get()
                .map(|editing| view! { <form::NeedForm editing on_close=move || form_for.set(None) /> })
        }}
        <UndoBar deletions message=text::need_deleted() />
        <Show when=move || !board.with(Vec::is_empty) fallback=|| view! { <p class="empty">{text::no_needs()}</p> }>
            <ul class="cards" aria-label=text::needs_list()>
                <For
                    each=move || board.get()
                    key=|need| (need.id, need.updated_at)
                    children=move |need| {
                        view! {
                            <card::NeedCard
                                need
                                on_edit=Callback::new(move |id| form_for.set(Some(Some(id))))
                                on_delete=Callback::new(delete)
                                just_done
                            />
                        }
                    }
                />
            </ul>
        </Show>
    }
}
