//! Alerts: problems that stay on screen, in `role="alert"` elements, until dismissed.

use kindred_core::backup::unreadable_json;
use leptos::prelude::*;

use crate::clock;
use crate::download::{download_backup, download_text};
use crate::state::{Alert, AppState};
use crate::text;

#[component]
pub fn Alerts() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="alerts">
            {move || {
                state
                    .alerts
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, alert)| view! { <AlertBox index alert /> })
                    .collect_view()
            }}
        </div>
    }
}

/// One alert with its actions.
#[component]
fn AlertBox(
    /// Position in the list of alerts, to dismiss it.
    index: usize,
    /// What to say.
    alert: Alert,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let dismiss = move |_| state.dismiss(index);
    let body = match alert {
        Alert::Unreadable => {
            let all_kept = state
                .unreadable
                .with_untracked(|unreadable| unreadable.iter().all(|u| u.kept_as.is_ok()));
            let download = move |_| {
                let name = format!("kindred-unreadable-{}.json", clock::today());
                let text = state.unreadable.with_untracked(|u| unreadable_json(u));
                download_text(&name, "application/json", &text);
            };
            view! {
                <p>
                    <strong>{text::unreadable_found()}</strong>
                    " "
                    {if all_kept { text::unreadable_kept() } else { text::unreadable_not_kept() }}
                </p>
                <div class="actions">
                    <button on:click=download>{text::download_unreadable()}</button>
                    <button class="quiet" on:click=dismiss>{text::dismiss()}</button>
                </div>
            }
            .into_any()
        }
        Alert::StorageUnreadable(error) => view! {
            <p>{text::storage_unreadable(&error)}</p>
            <div class="actions">
                <button class="quiet" on:click=dismiss>{text::dismiss()}</button>
            </div>
        }
        .into_any(),
        Alert::ScreenFailed(screen) => view! {
            <p>{text::screen_failed_last_time(&screen)}</p>
            <div class="actions">
                <button on:click=move |_| download_backup(state)>{text::download_all_data()}</button>
                <button class="quiet" on:click=dismiss>{text::dismiss()}</button>
            </div>
        }
        .into_any(),
        Alert::DataVanished => view! {
            <p>{text::data_vanished()}</p>
            <div class="actions">
                <button class="primary" on:click=move |_| state.put_back_everything()>{text::put_back_everything()}</button>
                <button on:click=|_| {
                    let _ = window().location().reload();
                }>{text::reload_without_it()}</button>
            </div>
        }
        .into_any(),
        Alert::UpdatedElsewhere => view! {
            <p>{text::updated_elsewhere()}</p>
            <div class="actions">
                <button on:click=move |_| download_backup(state)>{text::download_all_data()}</button>
                <button on:click=|_| {
                    let _ = window().location().reload();
                }>{text::reload()}</button>
            </div>
        }
        .into_any(),
        Alert::SaveFailed(error) => view! {
            <p>{text::save_failed(&error)}</p>
            <div class="actions">
                <button on:click=move |_| state.save_now()>{text::try_again()}</button>
                <button on:click=move |_| download_backup(state)>{text::download_all_data()}</button>
                <button class="quiet" on:click=dismiss>{text::dismiss()}</button>
            </div>
        }
        .into_any(),
    };
    view! {
        <div class="alert" role="alert">
            {body}
        </div>
    }
}
