//! The needs board: what neighbours need, who is helping, and following through.

mod card;
mod form;
mod offers;

use kindred_core::need::Need;
use kindred_core::need_filter::{NeedFilter, Showing};
use leptos::prelude::*;
use uuid::Uuid;

use super::ScreenHeading;
use crate::components::back_to_top::BackToTop;
use crate::components::deletions::{Deletions, UndoBar};
use crate::components::form_parts::SearchBox;
use crate::drafts::{self, DraftForm};
use crate::screen::Screen;
use crate::state::AppState;
use crate::text;

#[component]
pub fn NeedsScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    // `None`: no form; `Some(None)`: a new need; `Some(Some(id))`: editing one.
    // A form left half-written opens again as it was.
    let form_for = RwSignal::new(drafts::newest(DraftForm::Need, |id| {
        state.model.with_untracked(|m| m.needs.get(id).is_some())
    }));
    let deletions = Deletions::<Need>::new(|m| &mut m.needs, "undo-need");
    let just_done = RwSignal::new(None::<Uuid>);
    let filter = RwSignal::new(NeedFilter::default());
    let any_needs = Memo::new(move |_| state.model.with(|m| m.needs.live().next().is_some()));
    offers::provide_offers_by_need();
    let board = Memo::new(move |_| {
        let today = state.today.get();
        state.model.with(|m| {
            filter.with(|f| {
                m.needs_in_board_order(today, |n| f.matches(n, &m.helper_names(n.id)))
                    .into_iter()
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });

    let delete = move |id: Uuid| {
        if deletions.delete(id, text::need_deleted()) {
            drafts::remove(DraftForm::Need, Some(id));
            if form_for.get_untracked() == Some(Some(id)) {
                form_for.set(None);
            }
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
        <Show when=move || any_needs.get()>
            <BoardFilter filter />
        </Show>
        <Show
            when=move || !board.with(Vec::is_empty)
            fallback=move || {
                let said = if any_needs.get() { text::no_need_matches() } else { text::no_needs() };
                view! { <p class="empty">{said}</p> }
            }
        >
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
        <BackToTop count=Signal::derive(move || board.with(Vec::len)) />
    }
}

/// The board's search and its choice of all, open or done needs.
#[component]
fn BoardFilter(filter: RwSignal<NeedFilter>) -> impl IntoView {
    view! {
        <div class="board-filter">
            <SearchBox
                id="need-search"
                query=Signal::derive(move || filter.with(|f| f.query.clone()))
                on_input=Callback::new(move |query| filter.update(|f| f.query = query))
            />
            <fieldset class="field showing">
                <legend>{text::show_needs()}</legend>
                {Showing::ALL
                    .into_iter()
                    .map(|showing| {
                        let id = format!("needs-showing-{}", showing.as_str());
                        view! {
                            <span class="choice">
                                <input
                                    type="radio"
                                    name="needs-showing"
                                    id=id.clone()
                                    prop:checked=move || filter.with(|f| f.showing == showing)
                                    on:change=move |_| filter.update(|f| f.showing = showing)
                                />
                                <label for=id>{text::showing(showing)}</label>
                            </span>
                        }
                    })
                    .collect_view()}
            </fieldset>
        </div>
    }
}
