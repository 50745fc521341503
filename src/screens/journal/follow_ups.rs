//! Needs whose follow-up day has come, shown first when Kindred opens.

use leptos::prelude::*;

use crate::screen::Screen;
use crate::state::AppState;
use crate::text;

#[component]
pub fn FollowUps() -> impl IntoView {
    let state = expect_context::<AppState>();
    let due = Memo::new(move |_| {
        let today = state.today.get();
        state.model.with(|m| {
            m.needs_in_board_order(today, |n| n.follow_up_due(today))
                .iter()
                .map(|n| match n.for_whom.as_str() {
                    "" => n.what.clone(),
                    whom => text::with_aside(&n.what, whom),
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || due.with(|d| !d.is_empty())>
            <section class="follow-ups" aria-labelledby="follow-ups-heading">
                <h2 id="follow-ups-heading">{text::follow_ups_due_heading()}</h2>
                <ul>{move || due.get().into_iter().map(|what| view! { <li>{what}</li> }).collect_view()}</ul>
                <a href=Screen::Needs.href()>{text::open_needs()}</a>
            </section>
        </Show>
    }
}
