//! Sharing between neighbours: a file to send, a file to take in with a preview and an undo,
//! and other formats for spreadsheets, phones, calendars and paper.

mod compare;
mod formats;
mod print;
pub(super) mod review;
mod send;
mod take_in;

use leptos::prelude::*;

use super::ScreenHeading;
use crate::screen::Screen;

#[component]
pub fn ShareScreen() -> impl IntoView {
    view! {
        <ScreenHeading screen=Screen::Share />
        <send::Send />
        <take_in::TakeIn />
        <review::Review />
        <formats::OtherFormats />
        <print::PrintSheet />
    }
}
