//! A paper copy of the helper directory and the open needs, laid out for A4. It is part of
//! the Share screen but only printed, never shown on screen; private notes are left out.

use kindred_core::contact::{is_email, is_phone};
use leptos::prelude::*;

use crate::state::AppState;
use crate::text;

/// The button that prints the sheet.
#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <button on:click=|_| {
            let _ = window().print();
        }>{text::print_directory()}</button>
    }
}

#[component]
pub fn PrintSheet() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let helpers = move || {
        state.model.with(|m| {
            let mut helpers: Vec<_> = m.helpers.live().cloned().collect();
            helpers.sort_by_key(|h| h.name.to_lowercase());
            helpers
        })
    };
    let open_needs = move || {
        state.model.with(|m| {
            m.needs_in_board_order(today.get(), |n| !n.is_done())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="print-sheet">
            <h2>{move || format!("{} · {}", text::helpers_list(), text::full_date(today.get()))}</h2>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{text::name()}</th>
                        <th scope="col">{text::can_help_with()}</th>
                        <th scope="col">{text::languages()}</th>
                        <th scope="col">{text::availability_label()}</th>
                        <th scope="col">{text::area()}</th>
                        <th scope="col">{text::phone()}</th>
                        <th scope="col">{text::email()}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        helpers()
                            .into_iter()
                            .map(|h| {
                                let when = text::availability_in_full(&h.availability);
                                // Only what passed the checks is printed as contact details.
                                let phone = if is_phone(&h.phone) { h.phone.clone() } else { String::new() };
                                let email = if is_email(&h.email) { h.email.clone() } else { String::new() };
                                view! {
                                    <tr>
                                        <td>{h.name.clone()}</td>
                                        <td>{h.can_help_with.join(", ")}</td>
                                        <td>{h.languages.join(", ")}</td>
                                        <td>{when}</td>
                                        <td>{h.area.clone()}</td>
                                        <td>{phone}</td>
                                        <td>{email}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <h2>{text::open_needs_heading()}</h2>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{text::what_is_needed()}</th>
                        <th scope="col">{text::for_whom()}</th>
                        <th scope="col">{text::urgency_label()}</th>
                        <th scope="col">{text::needed_by()}</th>
                        <th scope="col">{text::follow_up_on()}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        open_needs()
                            .into_iter()
                            .map(|n| {
                                let day = |d: Option<chrono::NaiveDate>| d.map(text::full_date).unwrap_or_default();
                                view! {
                                    <tr>
                                        <td>{n.what.clone()}</td>
                                        <td>{n.for_whom.clone()}</td>
                                        <td>{text::urgency(n.urgency)}</td>
                                        <td>{day(n.needed_by)}</td>
                                        <td>{day(n.follow_up_on)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
