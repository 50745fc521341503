//! One module per screen.

mod checkins;
mod group_folder;
mod helpers;
mod insights;
mod journal;
mod needs;
mod reminders;
mod settings;
mod share;

use leptos::prelude::*;

use crate::screen::Screen;

/// The view of a screen.
pub fn view(screen: Screen) -> AnyView {
    match screen {
        Screen::Journal => view! { <journal::JournalScreen /> }.into_any(),
        Screen::Helpers => view! { <helpers::HelpersScreen /> }.into_any(),
        Screen::Needs => view! { <needs::NeedsScreen /> }.into_any(),
        Screen::Checkins => view! { <checkins::CheckinsScreen /> }.into_any(),
        Screen::Settings => view! { <settings::SettingsScreen /> }.into_any(),
        Screen::Share => view! { <share::ShareScreen /> }.into_any(),
        Screen::Insights => view! { <insights::InsightsScreen /> }.into_any(),
    }
}

/// A screen's one `h1`, focusable so that navigation can move focus to it.
#[component]
fn ScreenHeading(
    /// The screen whose name the heading shows.
    screen: Screen,
) -> impl IntoView {
    view! { <h1 tabindex="-1">{screen.title()}</h1> }
}
