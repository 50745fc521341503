//! Settings: the reader's choices and their data.

use std::time::Duration;

use kindred_core::backup_health::{health, storage_used, LOCAL_STORAGE_QUOTA};
use kindred_core::settings::{Language, Theme, WEEKLY_GOAL_RANGE};
use leptos::prelude::*;

use super::ScreenHeading;
use crate::clock;
use crate::components::form_parts::ChoiceSelect;
use crate::dom::focus;
use crate::download::download_backup;
use crate::screen::Screen;
use crate::state::AppState;
use crate::text;
use crate::web_storage::LocalStore;

#[component]
pub fn SettingsScreen() -> impl IntoView {
    view! {
        <ScreenHeading screen=Screen::Settings />
        <DisplaySettings />
        <JournalSettings />
        <super::group_folder::GroupFolderSettings />
        <super::reminders::Reminders />
        <YourData />
    }
}

/// Language, colours and text size.
#[component]
fn DisplaySettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let settings = move || state.model.with(|m| m.settings.clone());
    let choose_language = move |ev: leptos::ev::Event| {
        let language = match event_target_value(&ev).as_str() {
            "en" => Some(Language::English),
            "zh-Hant" => Some(Language::TraditionalChinese),
            _ => None,
        };
        state.change_settings(|s| s.language = language);
        state
            .language
            .set(language.unwrap_or_else(crate::state::browser_language));
        // The whole interface is redrawn in the new language; the reader stays on the select.
        request_animation_frame(|| focus("#language"));
    };
    let choose_theme = move |chosen: Option<Theme>| {
        if let Some(theme) = chosen {
            state.change_settings(|s| s.theme = theme);
            state.announce_settings_saved();
        }
    };
    view! {
        <section aria-labelledby="display-settings">
            <h2 id="display-settings">{text::display_settings()}</h2>
            <div class="field">
                <label for="language">{text::language()}</label>
                <select id="language" on:change=choose_language>
                    <option value="" selected=move || settings().language.is_none()>
                        {text::language_of_device()}
                    </option>
                    {[(Language::English, "en"), (Language::TraditionalChinese, "zh-Hant")]
                        .into_iter()
                        .map(|(language, tag)| {
                            let name = text::language_name(language);
                            view! {
                                <option
                                    value=tag
                                    lang=tag
                                    selected=move || settings().language == Some(language)
                                >
                                    {name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <ChoiceSelect
                id="theme"
                label=text::theme()
                options=Theme::ALL.into_iter().map(|t| (t, text::theme_name(t).to_string())).collect()
                chosen=Signal::derive(move || Some(settings().theme))
                on_change=Callback::new(choose_theme)
            />
            <div class="field choice-field">
                <input
                    id="large-text"
                    type="checkbox"
                    aria-describedby="large-text-hint"
                    prop:checked=move || settings().large_text
                    on:change=move |ev| {
                        let large = event_target_checked(&ev);
                        state.change_settings(|s| s.large_text = large);
                        state.announce_settings_saved();
                    }
                />
                <label for="large-text">{text::large_text()}</label>
                <p id="large-text-hint" class="hint">{text::large_text_hint()}</p>
            </div>
        </section>
    }
}

/// The weekly goal, streaks and categories.
#[component]
fn JournalSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let settings = move || state.model.with(|m| m.settings.clone());
    let new_category = RwSignal::new(String::new());
    let category_problem = RwSignal::new(false);
    // The category last removed and where it stood, while it can be put back.
    let removed_category = RwSignal::new(None::<(usize, String)>);
    let remove_category = move |name: String| {
        let at = state
            .model
            .with_untracked(|m| m.settings.categories.iter().position(|c| *c == name));
        state.change_settings(|s| s.remove_category(&name));
        state.announce(&text::category_removed(text::category_name(&name)));
        removed_category.set(at.map(|at| (at, name)));
        request_animation_frame(|| focus("#undo-category"));
    };
    let undo_remove = move |_| {
        let Some((at, name)) = removed_category.get_untracked() else {
            return;
        };
        state.change_settings(|s| {
            if !s.categories.contains(&name) {
                s.categories
                    .insert(at.min(s.categories.len()), name.clone());
            }
        });
        removed_category.set(None);
        state.announce(text::restored());
        focus("#new-category");
    };
    let add_category = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_category.get_untracked();
        let added = state.change_settings(|s| s.add_category(&name));
        category_problem.set(!added);
        if added {
            new_category.set(String::new());
            state.announce_settings_saved();
        }
    };
    view! {
        <section aria-labelledby="journal-settings">
            <h2 id="journal-settings">{text::journal_settings()}</h2>
            <div class="field">
                <label for="weekly-goal">{text::weekly_goal()}</label>
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
                            state.announce_settings_saved();
                        }
                    }
                />
                <p id="weekly-goal-hint" class="hint">{text::weekly_goal_hint()}</p>
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
                        state.announce_settings_saved();
                    }
                />
                <label for="hide-streaks">{text::hide_streaks()}</label>
                <p id="hide-streaks-hint" class="hint">{text::hide_streaks_hint()}</p>
            </div>
            <h3>{text::categories()}</h3>
            <ul class="categories" aria-label=text::categories()>
                {move || {
                    settings()
                        .categories
                        .into_iter()
                        .map(|category| {
                            let removed = category.clone();
                            let shown = text::category_name(&category).to_string();
                            let label = text::remove_named(&shown);
                            view! {
                                <li>
                                    <span>{shown}</span>
                                    <button
                                        class="quiet"
                                        aria-label=label
                                        on:click=move |_| remove_category(removed.clone())
                                    >
                                        {text::remove()}
                                    </button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            {move || {
                removed_category
                    .get()
                    .map(|(_, name)| {
                        view! {
                            <div class="undo-bar">
                                <span>{text::category_removed(text::category_name(&name))}</span>
                                <button id="undo-category" on:click=undo_remove>{text::undo()}</button>
                            </div>
                        }
                    })
            }}
            <form class="inline-form" on:submit=add_category>
                <div class="field">
                    <label for="new-category">{text::new_category()}</label>
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
                        <p id="new-category-error" class="field-error">{text::category_not_added()}</p>
                    </Show>
                </div>
                <button type="submit">{text::add_category()}</button>
            </form>
        </section>
    }
}

/// How long the data must stay unchanged before the space it takes is counted again.
const RECOUNT_AFTER: Duration = Duration::from_secs(1);

/// Where the data lives, how safe it is, and a full backup.
#[component]
fn YourData() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Worked out again when the data changes and when a new day begins.
    let health = move || {
        state.today.track();
        state.model.with(|m| health(m, clock::now()))
    };
    // Counting reads all of localStorage (26 ms for 5 MB on the bench machine): it is done
    // when the screen opens and once the data has stopped changing for a moment, in a task
    // of its own, not in the task of each change (a sync makes many).
    let used = RwSignal::new(storage_used(&LocalStore::open()).ok());
    let changes = StoredValue::new(0u64);
    Effect::new(move |seen: Option<()>| {
        state.model.track();
        if seen.is_none() {
            return;
        }
        let change = changes.try_update_value(|n| {
            *n += 1;
            *n
        });
        set_timeout(
            move || {
                if change.is_some() && changes.try_get_value() == change {
                    used.try_set(storage_used(&LocalStore::open()).ok());
                }
            },
            RECOUNT_AFTER,
        );
    });
    view! {
        <section aria-labelledby="your-data">
            <h2 id="your-data">{text::your_data()}</h2>
            <p>{text::data_lives_here()}</p>
            <h3>{text::backup_health()}</h3>
            <ul class="health">
                <li>
                    {move || match health().days_since_copy {
                        Some(days) => text::last_copy(days),
                        None => text::no_copy_yet().to_string(),
                    }}
                </li>
                <li id="persistent-storage">
                    <strong>{text::persistent_storage()}</strong>
                    " "
                    {move || text::kept_safe(state.kept_safe.get())}
                </li>
                <li>
                    {move || match used.get() {
                        Some(used) => text::storage_used(used, LOCAL_STORAGE_QUOTA),
                        None => text::storage_used_unknown().to_string(),
                    }}
                </li>
            </ul>
            <Show when=move || health().reminder_due>
                <p class="reminder">{text::backup_reminder()}</p>
            </Show>
            <button on:click=move |_| download_backup(state) aria-describedby="download-all-hint">
                {text::download_all_data()}
            </button>
            <p id="download-all-hint" class="hint">{text::download_all_data_hint()}</p>
        </section>
    }
}
