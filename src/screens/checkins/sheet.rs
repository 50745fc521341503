//! The round on paper, for a helper who works with a pen: each person with their phone and
//! boxes to tick, in the interface's language. Only printed, never shown on screen; private
//! notes are left out.

use kindred_core::checkin::{Answer, RoundState};
use kindred_core::contact::is_phone;
use leptos::prelude::*;

use crate::text;

#[component]
pub fn RoundSheet(
    /// The round to print.
    round: RoundState,
) -> impl IntoView {
    view! {
        <div class="print-sheet round-sheet">
            <h2>{text::round_sheet_heading(&round.round.reason)}</h2>
            <p>{text::round_summary(&round.summary)}</p>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{text::name()}</th>
                        <th scope="col">{text::phone()}</th>
                        <th scope="col">{text::address()}</th>
                        <th scope="col">{text::emergency_contact()}</th>
                        {Answer::ALL.into_iter().map(|a| view! { <th scope="col">{text::answer(a)}</th> }).collect_view()}
                        <th scope="col">{text::sheet_time()}</th>
                        <th scope="col">{text::sheet_marked_by()}</th>
                    </tr>
                </thead>
                <tbody>
                    {round
                        .lines
                        .into_iter()
                        .map(|line| {
                            let person = line.person;
                            // Only what passed the checks is printed as a number to call.
                            let phone = if is_phone(&person.phone) { person.phone.clone() } else { String::new() };
                            let name = text::joined([person.name.clone(), person.language.clone()]);
                            view! {
                                <tr>
                                    <td>{name}</td>
                                    <td>{phone}</td>
                                    <td>{person.address.clone()}</td>
                                    <td>{person.emergency_contact.clone()}</td>
                                    {Answer::ALL.into_iter().map(|_| view! { <td class="tick-box">"☐"</td> }).collect_view()}
                                    <td></td>
                                    <td></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
