//! Sharing between neighbours: a file to send, a file to take in with a preview and an undo,
//! and other formats for spreadsheets, phones, calendars and paper.

mod compare;
mod formats;
mod print;
pub(super) mod review;
mod send;
mod take_in;

use kindred_core::share::ExportChoice;
use leptos::prelude::*;

use super::ScreenHeading;
use crate::face_to_face::FaceToFace;
use crate::screen::Screen;

#[component]
pub fn ShareScreen() -> impl IntoView {
    // The export choices say what a file holds and what goes face to face.
    let choice = RwSignal::new(ExportChoice::default());
    // A share file that came from another phone face to face, for the import preview.
    let arrived = RwSignal::new(None::<String>);
    view! {
        <ScreenHeading screen=Screen::Share />
        <send::Send choice />
        <FaceToFace choice=choice.into() on_file=Callback::new(move |file| arrived.set(Some(file))) />
        <take_in::TakeIn arrived />
        <review::Review />
        <formats::OtherFormats />
        <print::PrintSheet />
    }
}
