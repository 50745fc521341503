//! The screens that are still to come say so plainly.

use leptos::prelude::*;

use super::ScreenHeading;
use crate::routes::Screen;
use crate::text;

#[component]
pub fn NotBuiltScreen(
    /// Which screen this stands in for.
    screen: Screen,
) -> impl IntoView {
    view! {
        <ScreenHeading screen />
        <p class="placeholder">{text::NOT_BUILT_YET}</p>
    }
}
