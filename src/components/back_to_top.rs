//! A way back to the navigation from the foot of a long list, where a phone's thumb is.

use leptos::prelude::*;

use crate::dom::focus;
use crate::text;

/// How many items a list has before it offers the way back.
const LONG_LIST: usize = 5;

/// "Back to the top", under a list of `count` items once it is long: scrolls to the top and
/// puts the focus on the screen's heading, just under the navigation.
#[component]
pub fn BackToTop(count: Signal<usize>) -> impl IntoView {
    view! {
        <Show when=move || { count.get() > LONG_LIST }>
            <p class="back-to-top">
                <button
                    class="quiet"
                    on:click=|_| {
                        window().scroll_to_with_x_and_y(0.0, 0.0);
                        focus("main h1");
                    }
                >
                    {text::back_to_top()}
                </button>
            </p>
        </Show>
    }
}
