//! Settings: the reader's choices and their data.

use kindred_core::backup::backup_json;
use kindred_core::settings::WEEKLY_GOAL_RANGE;
use leptos::prelude::*;

use super::ScreenHeading;
use crate::clock;
use crate::download::download_text;
use crate::routes::Screen;
use crate::state::{AppState, KeptSafe};
use crate::text;

#[component]
pub fn SettingsScreen() -> impl IntoView {
    view! {
        <ScreenHeading screen=Screen::Settings />
        <JournalSettings />
        <YourData />
    }
}

/// The weekly goal, streaks and categories.
#[component]
fn JournalSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let settings = move || state.model.with(|m| m.settings.clone());
    let new_category = RwSignal::new(String::new());
    let category_problem = RwSignal::new(false);
    let add_category = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_category.get_untracked();
        let added = state.change_settings(|s| s.add_category(&name));
        category_problem.set(!added);
        if added {
            new_category.set(String::new());
            state.announce(text::SETTINGS_SAVED);
        }
    };
    view! {
        <section aria-labelledby="journal-settings">
            <h2 id="journal-settings">{text::JOURNAL_SETTINGS}</h2>
            <div class="field">
                <label for="weekly-goal">{text::WEEKLY_GOAL}</label>
                <input
                    id="weekly-goal"
                    type="number"
                    class="short"
                    inputmode="numeric"
                    min=*WEEKLY_GOAL_RANGE.start()
                    max=*WEEKLY_GOAL_RANGE.end()
                    aria-describedby="weekly-goal-hint"
                    prop:value=move || settings().weekly_goal.to_string()
                    on:change=move |ev| {
                        if let Ok(goal) = event_target_value(&ev).trim().parse::<u32>() {
                            state.change_settings(|s| s.set_weekly_goal(goal));
                            state.announce(text::SETTINGS_SAVED);
                        }
                    }
                />
                <p id="weekly-goal-hint" class="hint">{text::WEEKLY_GOAL_HINT}</p>
            </div>
            <div class="field choice-field">
                <input
                    id="hide-streaks"
                    type="checkbox"
                    aria-describedby="hide-streaks-hint"
                    prop:checked=move || settings().hide_streaks
                    on:change=move |ev| {
                        let hide = event_target_checked(&ev);
                        state.change_settings(|s| s.hide_streaks = hide);
                        state.announce(text::SETTINGS_SAVED);
                    }
                />
                <label for="hide-streaks">{text::HIDE_STREAKS}</label>
                <p id="hide-streaks-hint" class="hint">{text::HIDE_STREAKS_HINT}</p>
            </div>
            <h3>{text::CATEGORIES}</h3>
            <ul class="categories" aria-label=text::CATEGORIES>
                {move || {
                    settings()
                        .categories
                        .into_iter()
                        .map(|category| {
                            let removed = category.clone();
                            let label = format!("{} {category}", text::REMOVE);
                            view! {
                                <li>
                                    <span>{category}</span>
                                    <button
                                        class="quiet"
                                        aria-label=label
                                        on:click=move |_| state.change_settings(|s| s.remove_category(&removed))
                                    >
                                        {text::REMOVE}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <form class="inline-form" on:submit=add_category>
                <div class="field">
                    <label for="new-category">{text::NEW_CATEGORY}</label>
                    <input
                        id="new-category"
                        type="text"
                        autocomplete="off"
                        aria-invalid=move || category_problem.get().then_some("true")
                        aria-describedby=move || category_problem.get().then_some("new-category-error")
                        prop:value=move || new_category.get()
                        on:input=move |ev| new_category.set(event_target_value(&ev))
                    />
                    <Show when=move || category_problem.get()>
                        <p id="new-category-error" class="field-error">{text::CATEGORY_NOT_ADDED}</p>
                    </Show>
                </div>
                <button type="submit">{text::ADD_CATEGORY}</button>
            </form>
        </section>
    }
}

/// Where the data lives, and a full backup.
#[component]
fn YourData() -> impl IntoView {
    let state = expect_context::<AppState>();
    let download_all = move |_| {
        let text = state.unreadable.with_untracked(|unreadable| {
            state
                .model
                .with_untracked(|model| backup_json(model, unreadable, clock::now()))
        });
        download_text(
            &format!("kindred-backup-{}.json", clock::today()),
            "application/json",
            &text,
        );
    };
    view! {
        <section aria-labelledby="your-data">
            <h2 id="your-data">{text::YOUR_DATA}</h2>
            <p>{text::DATA_LIVES_HERE}</p>
            <h3>{text::PERSISTENT_STORAGE}</h3>
            <p id="persistent-storage">
                {move || match state.kept_safe.get() {
                    KeptSafe::NotAskedYet | KeptSafe::Asking => text::PERSISTENT_NOT_ASKED,
                    KeptSafe::Granted => text::PERSISTENT_GRANTED,
                    KeptSafe::NotGranted => text::PERSISTENT_REFUSED,
                    KeptSafe::Unknown => text::PERSISTENT_UNKNOWN,
                }}
            </p>
            <button on:click=download_all aria-describedby="download-all-hint">
                {text::DOWNLOAD_ALL_DATA}
            </button>
            <p id="download-all-hint" class="hint">{text::DOWNLOAD_ALL_DATA_HINT}</p>
        </section>
    }
}
