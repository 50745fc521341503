//! Check-ins: the list of people a group checks on, and rounds of calls or visits when a
//! typhoon signal or a heat warning is up. Its own module, so that it could load after the
//! journal.

mod people;
mod round;
mod sheet;

use kindred_core::checkin::RoundState;
use leptos::prelude::*;
use uuid::Uuid;

use super::ScreenHeading;
use crate::components::form_parts::{Input, TextField};
use crate::screen::Screen;
use crate::state::AppState;
use crate::text;

#[component]
pub fn CheckinsScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rounds = Memo::new(move |_| state.model.with(|m| m.rounds_newest_first()));
    let open = Memo::new(move |_| {
        rounds.with(|r| {
            r.iter()
                .filter(|s| s.is_open())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let past = Memo::new(move |_| {
        rounds.with(|r| {
            r.iter()
                .filter(|s| !s.is_open())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // The sheet prints the round in progress, or else the latest one.
    let printed = Memo::new(move |_| {
        open.with(|o| o.first().cloned())
            .or_else(|| rounds.with(|r| r.first().cloned()))
    });

    view! {
        <ScreenHeading screen=Screen::Checkins />
        <p class="hint">{text::checkins_intro()}</p>
        <YourName />
        <For
            each=move || open.get()
            key=|s: &RoundState| (s.round.id, s.round.rev, s.lines.iter().map(|l| l.latest.as_ref().map(|m| m.id)).collect::<Vec<_>>())
            children=move |s| view! { <round::OpenRound round=s /> }
        />
        <Show when=move || open.with(Vec::is_empty)>
            <StartRound />
        </Show>
        <people::People />
        <round::PastRounds rounds=past.into() />
        {move || printed.get().map(|round| view! { <sheet::RoundSheet round /> })}
    }
}

/// The name marks are made with, kept in the settings.
#[component]
fn YourName() -> impl IntoView {
    let state = expect_context::<AppState>();
    let value = Signal::derive(move || state.model.with(|m| m.settings.your_name.clone()));
    let on_input = Callback::new(move |name: String| {
        state.change_settings(|s| s.your_name = name);
    });
    view! {
        <div class="your-name">
            <TextField id="your-name" label=text::your_name() input=Input::Line value on_input hint=text::your_name_hint() />
        </div>
    }
}

/// The reason and the button that starts a round for everyone on the list.
#[component]
fn StartRound() -> impl IntoView {
    let state = expect_context::<AppState>();
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::new());
    let nobody = move || state.model.with(|m| m.checkin_people.live_count() == 0);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let by = state.model.with_untracked(|m| m.settings.your_name.clone());
        let started =
            state.change(|m, now| m.start_round(Uuid::new_v4(), &reason.get_untracked(), &by, now));
        match started {
            Ok(_) => {
                reason.set(String::new());
                errors.set(Vec::new());
                request_animation_frame(|| crate::dom::focus(".round h2"));
            }
            Err(kindred_core::checkin::RoundRefused::Invalid(found)) => {
                errors.set(found);
                crate::dom::focus("#round-reason");
            }
            Err(_) => {}
        }
    };
    view! {
        <form class="start-round" on:submit=start novalidate>
            <TextField
                id="round-reason"
                label=text::round_reason()
                input=Input::Line
                value=reason.into()
                on_input=Callback::new(move |v| reason.set(v))
                error=crate::components::form_parts::error_for(errors, kindred_core::checkin::RoundField::Reason)
                hint=text::round_reason_hint()
                required=true
            />
            <button type="submit" class="primary" disabled=nobody aria-describedby="round-needs-people">
                {text::start_a_round()}
            </button>
            <Show when=nobody>
                <p id="round-needs-people" class="hint">{text::round_needs_people()}</p>
            </Show>
        </form>
    }
}
