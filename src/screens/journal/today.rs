//! Encouragement without pressure: an idea for today, the weekly goal and streaks.

use kindred_core::habits::{streaks, weekly_progress};
use kindred_core::ideas::idea_for;
use leptos::prelude::*;

use super::FormFor;
use crate::state::AppState;
use crate::text;

#[component]
pub fn TodayPanel(
    /// Called to open the entry form filled in with today's idea.
    on_did_idea: Callback<FormFor>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    // How many times "Another idea" was pressed, and on which day: a fresh page and a new
    // day start from the day's own idea.
    let skipped = RwSignal::new((today.get_untracked(), 0u32));
    let skips_today = move || {
        let day = today.get();
        skipped.with(|(on, n)| if *on == day { *n } else { 0 })
    };
    let idea = move || text::idea(idea_for(today.get(), skips_today()));
    let another_idea = move |_| {
        let day = today.get_untracked();
        skipped.update(|(on, n)| {
            if *on != day {
                (*on, *n) = (day, 0);
            }
            *n += 1;
        });
    };
    let progress = Memo::new(move |_| {
        let today = today.get();
        state
            .model
            .with(|m| weekly_progress(m.journal.live(), today, m.settings.weekly_goal))
    });
    let streaks = Memo::new(move |_| {
        let today = today.get();
        state.model.with(|m| streaks(m.journal.live(), today))
    });
    let hide_streaks = move || state.model.with(|m| m.settings.hide_streaks);
    view! {
        <section class="today" aria-labelledby="today-heading">
            <h2 id="today-heading">{text::today_panel()}</h2>
            <div class="idea" role="group" aria-labelledby="idea-heading">
                <h3 id="idea-heading">{text::idea_for_today()}</h3>
                <p class="idea-text">{idea}</p>
                <div class="actions">
                    <button on:click=move |_| {
                        on_did_idea.run(FormFor::New { text: idea().to_string() })
                    }>{text::i_did_this()}</button>
                    <button class="quiet" on:click=another_idea>
                        {text::another_idea()}
                    </button>
                </div>
            </div>
            <div class="goal">
                <h3 id="weekly-goal-heading">{text::weekly_goal()}</h3>
                <p id="weekly-goal-text">
                    {move || progress.with(|p| text::weekly_progress(p.done, p.goal))}
                </p>
                <progress
                    aria-labelledby="weekly-goal-heading"
                    aria-describedby="weekly-goal-text"
                    max=move || progress.with(|p| p.goal)
                    value=move || progress.with(|p| p.done.min(p.goal))
                ></progress>
            </div>
            <Show when=move || !hide_streaks()>
                <div class="streaks">
                    <h3>{text::streaks_label()}</h3>
                    <p>{move || streaks.with(|s| text::streaks(s.days, s.weeks))}</p>
                </div>
            </Show>
        </section>
    }
}
