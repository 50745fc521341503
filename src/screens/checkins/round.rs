//! A round on screen: each person's line with their marks, the summary, closing, and the
//! rounds that are over.

use kindred_core::checkin::{need_for, Answer, Line, Mark, RoundState, Standing};
use kindred_core::contact::phone_link;
use leptos::prelude::*;
use uuid::Uuid;

use crate::clock;
use crate::screen::Screen;
use crate::state::AppState;
use crate::text;

/// "10:05", or with its date when it was not today.
fn when(at: chrono::DateTime<chrono::Utc>, today: chrono::NaiveDate) -> String {
    let (day, time) = clock::local_moment(at);
    text::moment(day, time, today)
}

/// Where a person stands, in words: "No answer, 10:05 by Ah Wing".
fn standing_words(line: &Line, today: chrono::NaiveDate) -> String {
    match &line.latest {
        None => text::standing_not_asked().to_string(),
        Some(mark) => text::standing_marked(
            text::answer(mark.answer),
            &when(mark.created_at, today),
            &mark.by,
        ),
    }
}

/// The round in progress: its people, each with buttons to mark them.
#[component]
pub fn OpenRound(
    /// The round as it stands.
    round: RoundState,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today.get_untracked();
    let id = round.round.id;
    let heading_id = format!("round-{id}");
    let labelled_by = heading_id.clone();
    let close = move |_| {
        let by = state.model.with_untracked(|m| m.settings.your_name.clone());
        if state.change(|m, now| m.close_round(id, &by, now)).is_ok() {
            state.announce(text::round_closed());
        }
    };
    view! {
        <section class="round" aria-labelledby=labelled_by>
            <h2 id=heading_id tabindex="-1">{round.round.reason.clone()}</h2>
            <p class="card-detail">{text::round_started(&when(round.round.created_at, today), &round.round.started_by)}</p>
            <p class="round-summary" role="status">{text::round_summary(&round.summary)}</p>
            <ul class="cards" aria-label=text::people_in_round()>
                {round
                    .lines
                    .iter()
                    .cloned()
                    .map(|line| view! { <PersonLine round=id reason=round.round.reason.clone() line /> })
                    .collect_view()}
            </ul>
            <div class="actions">
                <button on:click=|_| { let _ = window().print(); }>{text::print_round_sheet()}</button>
                <button on:click=close>{text::close_round()}</button>
            </div>
        </section>
    }
}

/// One person in an open round.
#[component]
fn PersonLine(round: Uuid, reason: String, line: Line) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today.get_untracked();
    let person = line.person.clone();
    let person_id = person.id;
    let name = person.name.clone();
    let mark = Callback::new(move |answer: Answer| {
        let by = state.model.with_untracked(|m| m.settings.your_name.clone());
        let need = (answer == Answer::NeedsHelp).then(|| {
            let person = state
                .model
                .with_untracked(|m| m.checkin_people.get(person_id).cloned());
            person.map(|p| {
                let notes = if p.phone.is_empty() {
                    String::new()
                } else {
                    text::checkin_need_phone(&p.phone)
                };
                need_for(
                    &p,
                    text::checkin_need_what(&p.name, &reason),
                    notes,
                    Uuid::new_v4(),
                    clock::now(),
                )
            })
        });
        let mut made = Mark::new(Uuid::new_v4(), clock::now(), round, person_id, answer);
        made.by = by;
        let marked = state.change(|m, now| m.mark_checkin(made, need.flatten(), now));
        if marked.is_ok() {
            state.announce(&text::marked_as(&name, text::answer(answer)));
        }
    });
    let standing = line.standing();
    let details = [
        person.address.clone(),
        person.language.clone(),
        person.notes.clone(),
        if person.emergency_contact.is_empty() {
            String::new()
        } else {
            text::labelled(text::emergency_contact(), &person.emergency_contact)
        },
    ];
    view! {
        <li class="card" class:not-reached=standing.not_reached() class:needs-help=standing == Standing::NeedsHelp>
            <h3>{person.name.clone()}</h3>
            {phone_link(&person.phone).map(|href| view! { <p class="card-detail">{text::call()} ": " <a href=href>{person.phone.clone()}</a></p> })}
            {details.into_iter().filter(|d| !d.is_empty()).map(|d| view! { <p class="card-detail">{d}</p> }).collect_view()}
            <p class="card-status">
                {standing_words(&line, today)}
                {(line.tries > 0).then(|| format!(" · {}", text::tries(line.tries)))}
            </p>
            {line.latest.as_ref().and_then(|m| m.need).map(|_| view! {
                <p><a href=Screen::Needs.href()>{text::see_the_need()}</a></p>
            })}
            <div class="actions">
                {Answer::ALL
                    .into_iter()
                    .map(|answer| view! { <button class:primary=answer == Answer::Ok on:click=move |_| mark.run(answer)>{text::answer(answer)}</button> })
                    .collect_view()}
            </div>
        </li>
    }
}

/// The rounds that are over, newest first, each readable in full.
#[component]
pub fn PastRounds(
    /// The closed rounds, newest first.
    rounds: Signal<Vec<RoundState>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section aria-labelledby="past-rounds">
            <h2 id="past-rounds">{text::past_rounds()}</h2>
            {move || {
                let today = state.today.get();
                let rounds = rounds.get();
                if rounds.is_empty() {
                    return view! { <p class="empty">{text::no_past_rounds()}</p> }.into_any();
                }
                rounds
                    .into_iter()
                    .map(|round| {
                        let closed = round.closed_at.map(|at| text::round_closed_at(&when(at, today))).unwrap_or_default();
                        let all_ok = round.round.closed.is_none();
                        view! {
                            <details class="past-round">
                                <summary>
                                    {round.round.reason.clone()} " · " {text::round_summary(&round.summary)}
                                </summary>
                                <p class="card-detail">{text::round_started(&when(round.round.created_at, today), &round.round.started_by)}</p>
                                <p class="card-detail">{closed} {all_ok.then(|| format!(" · {}", text::round_all_ok()))}</p>
                                <ul>
                                    {round
                                        .lines
                                        .iter()
                                        .map(|line| {
                                            let tries = (line.tries > 0).then(|| format!(" · {}", text::tries(line.tries)));
                                            view! { <li>{line.person.name.clone()} ": " {standing_words(line, today)} {tries}</li> }
                                        })
                                        .collect_view()}
                                </ul>
                            </details>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </section>
    }
}
