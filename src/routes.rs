//! Which screen the address shows. Screens live in the URL fragment (`#/helpers`) so that
//! every address works on any static file server, under any sub-path, after a reload.

use leptos::prelude::*;

use crate::screen::Screen;

/// The current screen, following the address as links are followed and history is walked.
pub fn current_screen() -> ReadSignal<Screen> {
    let (screen, set_screen) = signal(Screen::from_fragment(&location_hash().unwrap_or_default()));
    // Lives as long as the page: the app never unmounts.
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        set_screen.set(Screen::from_fragment(&location_hash().unwrap_or_default()));
    });
    screen
}
