//! One need on the board, with matching, marking done and logging it in the journal.

use kindred_core::contact::{email_link, phone_link};
use kindred_core::journal::Kind;
use kindred_core::matching::suggest;
use kindred_core::need::{Need, Status, Urgency};
use kindred_core::share::OneRecord;
use leptos::prelude::*;
use uuid::Uuid;

use super::offers::{NeedOffers, OffersToAccept};
use crate::components::qr_card::QrCode;
use crate::dom::focus;
use crate::state::AppState;
use crate::text;

#[component]
pub fn NeedCard(
    /// The need to show.
    need: Need,
    /// Called with the need's id to edit it.
    on_edit: Callback<Uuid>,
    /// Called with the need's id to delete it.
    on_delete: Callback<Uuid>,
    /// The need just marked done, which offers to be logged in the journal. Kept by the
    /// board because marking done redraws the card.
    just_done: RwSignal<Option<Uuid>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today;
    let id = need.id;
    let suggesting = RwSignal::new(false);
    let helper_names = state.model.with_untracked(|m| m.helper_names(id));
    let summary = text::joined([
        need.for_whom.clone(),
        text::category_name(&need.category).to_string(),
        text::urgency_line(need.urgency),
        need.language.clone(),
    ]);
    // What depends on today follows it, without redrawing the card at midnight.
    let (needed_by, follow_up_on) = (need.needed_by, need.follow_up_on);
    let repeats = need.repeats.filter(|_| !need.is_done());
    let still_to_do = !need.is_done();
    let dates = move || {
        let today = today.get();
        text::joined(
            [
                // A repeating need shows when it is needed next, and how often.
                needed_by
                    .zip(repeats)
                    .map(|(d, r)| text::repeats_next(text::every(r.every), d)),
                needed_by.filter(|_| repeats.is_none()).map(|d| {
                    let when = text::labelled(text::needed_by(), &text::date(d, today));
                    // How near, for a need still to be done: "in 2 days", "3 days late".
                    let near = text::needed_in((d - today).num_days()).filter(|_| still_to_do);
                    text::joined([when, near.unwrap_or_default()])
                }),
                follow_up_on.map(|d| text::labelled(text::follow_up_on(), &text::date(d, today))),
            ]
            .into_iter()
            .flatten(),
        )
    };
    let due = {
        let need = need.clone();
        Memo::new(move |_| need.follow_up_due(today.get()))
    };

    let mark_done = move |_| {
        // Done already (in another tab) is as good as done here.
        let next = state.change(|m, now| {
            m.mark_need_done_and_repeat(id, Uuid::new_v4(), today.get_untracked(), now)
        });
        if let Some(date) = next.ok().flatten().and_then(|next| {
            state
                .model
                .with_untracked(|m| m.needs.get(next).and_then(|n| n.needed_by))
        }) {
            state.announce(&text::next_opened(date));
        }
        just_done.set(Some(id));
    };
    let skip = move |_| {
        if state
            .change(|m, now| m.skip_need_occurrence(id, now))
            .is_ok()
        {
            if let Some(date) = state
                .model
                .with_untracked(|m| m.needs.get(id).and_then(|n| n.needed_by))
            {
                state.announce(&text::skipped_to(date));
            }
        }
    };
    let reopen = move |_| {
        let _ = state.change(|m, now| m.reopen_need(id, now));
    };
    let log_as = move |kind: Kind| {
        let logged =
            state.change(|m, now| m.log_need(id, kind, Uuid::new_v4(), today.get_untracked(), now));
        just_done.set(None);
        if logged.is_ok() {
            state.announce(text::logged_in_journal());
        }
    };
    let offer_label = format!("log-it-{id}");
    // Said loudly while it is still to be done; a done need is urgent no more.
    let urgent = need.urgency == Urgency::High && !need.is_done();

    view! {
        <li class="card" class:due=move || due.get() class:done=need.is_done() class:urgent=urgent>
            <h2>{need.what.clone()}</h2>
            {urgent.then(|| view! { <p class="badge urgent-badge">{text::urgent()}</p> })}
            <Show when=move || due.get()>
                <p class="badge">{text::follow_up_due()}</p>
            </Show>
            <p class="card-detail">{summary}</p>
            {(needed_by.is_some() || follow_up_on.is_some())
                .then(|| view! { <p class="card-detail">{dates}</p> })}
            <p class="card-status">{text::status(&need.status, &helper_names.join(", "))}</p>
            {matches!(need.status, Status::Matched { .. })
                .then(|| view! { <ContactHelpers need_id=id /> })}
            {(!need.notes.is_empty()).then(|| view! { <p class="entry-note">{need.notes.clone()}</p> })}
            <NeedOffers need_id=id takes_offers=!need.is_done() />
            <div class="actions">
                {if need.is_done() {
                    view! { <button on:click=reopen>{text::reopen()}</button> }.into_any()
                } else {
                    view! {
                        <button on:click=move |_| suggesting.update(|s| *s = !*s) aria-expanded=move || suggesting.get().to_string()>
                            {text::match_button()}
                        </button>
                        <button on:click=mark_done>{text::mark_done()}</button>
                        {repeats.map(|_| view! { <button on:click=skip>{text::skip_this_one()}</button> })}
                    }
                    .into_any()
                }}
                <QrCode record=OneRecord::Need(need.clone()) name=need.what.clone() />
                <button on:click=move |_| on_edit.run(id)>{text::edit()}</button>
                <button class="danger" on:click=move |_| on_delete.run(id)>{text::delete()}</button>
            </div>
            <Show when=move || suggesting.get()>
                <Suggestions need_id=id on_close=move || suggesting.set(false) />
            </Show>
            <Show when=move || just_done.get() == Some(id)>
                <div class="offer" role="group" aria-labelledby=offer_label.clone()>
                    <p id=offer_label.clone()>{text::need_done()} " " {text::log_it()}</p>
                    <div class="actions">
                        <button class="primary" on:click=move |_| log_as(Kind::Given)>{text::log_as_given()}</button>
                        <button on:click=move |_| log_as(Kind::Received)>{text::log_as_received()}</button>
                        <button class="quiet" on:click=move |_| just_done.set(None)>{text::no_thanks()}</button>
                    </div>
                </div>
            </Show>
        </li>
    }
}

/// How many suggestions show before "Show all": a phone screenful.
const SHOWN_FIRST: usize = 5;

/// Helpers ranked for a need, each with the reasons in words and a button to choose them:
/// the best five first, the rest behind a button.
#[component]
fn Suggestions(
    /// The need to match.
    need_id: Uuid,
    /// Called to close the suggestions.
    on_close: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today.get_untracked();
    let ranked = state.model.with_untracked(|m| {
        let Some(need) = m.needs.get(need_id) else {
            return Vec::new();
        };
        suggest(need, m.helpers.live(), today)
            .into_iter()
            .filter_map(|s| {
                m.helpers
                    .get(s.helper)
                    .map(|h| (s.helper, h.name.clone(), text::reasons(&s.reasons)))
            })
            .collect::<Vec<_>>()
    });
    // Kept locally: the board's close callback need not be thread-safe, the list's views must.
    let on_close = StoredValue::new_local(on_close);
    let close = move || on_close.with_value(|close| close());
    let choose = move |helper_id: Uuid| {
        // A need or helper gone meanwhile leaves nothing to match: the list redraws.
        let _ = state.change(|m, now| m.match_need(need_id, helper_id, today, now));
        close();
    };
    let showing_all = RwSignal::new(ranked.len() <= SHOWN_FIRST);
    let total = ranked.len();
    let ranked = StoredValue::new(ranked);
    let show_all = move |_| {
        showing_all.set(true);
        // The first helper newly shown takes the focus, where reading goes on.
        let first_new = format!(
            "#match-{need_id} ol > li:nth-child({}) button",
            SHOWN_FIRST + 1
        );
        request_animation_frame(move || focus(&first_new));
    };
    let heading_id = format!("suggestions-{need_id}");
    let labelled_by = heading_id.clone();
    view! {
        <section id=format!("match-{need_id}") class="suggestions" aria-labelledby=labelled_by>
            <OffersToAccept need_id on_accepted=close />
            <h4 id=heading_id>{text::suggested_helpers()}</h4>
            {if total == 0 {
                view! { <p>{text::no_helpers_to_suggest()}</p> }.into_any()
            } else {
                view! {
                    <ol aria-label=text::suggested_helpers()>
                        {move || {
                            let shown = if showing_all.get() { total } else { SHOWN_FIRST };
                            ranked
                                .get_value()
                                .into_iter()
                                .take(shown)
                                .map(|(helper_id, name, reasons)| {
                                    view! {
                                        <li>
                                            <strong>{name.clone()}</strong>
                                            <span class="reasons">{reasons}</span>
                                            <button on:click=move |_| choose(helper_id)>{text::choose(&name)}</button>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ol>
                    <Show when=move || !showing_all.get()>
                        <button on:click=show_all>{text::show_all_helpers(total)}</button>
                    </Show>
                }
                .into_any()
            }}
            <button class="quiet" on:click=move |_| close()>{text::close()}</button>
        </section>
    }
}

/// Call and Email links for each helper on a matched need, made only from valid numbers and
/// addresses (`tel:` and `mailto:`), with the way they like to be reached.
#[component]
fn ContactHelpers(need_id: Uuid) -> impl IntoView {
    let state = expect_context::<AppState>();
    let helpers = state.model.with_untracked(|m| {
        m.needs
            .get(need_id)
            .map(|need| {
                need.helpers()
                    .iter()
                    .filter_map(|id| m.helpers.get(*id).cloned())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    helpers
        .into_iter()
        .map(|helper| {
            let call = phone_link(&helper.phone);
            let email = email_link(&helper.email);
            let prefers = helper
                .preferred_contact
                .map(|m| text::labelled(text::preferred_contact(), text::contact_method(m)));
            view! {
                <div class="contact-helper">
                    {call.map(|href| view! { <a class="button-link" href=href>{text::call_helper(&helper.name)}</a> })}
                    {email.map(|href| view! { <a class="button-link" href=href>{text::email_helper(&helper.name)}</a> })}
                    {prefers.map(|p| view! { <span class="hint">{p}</span> })}
                </div>
            }
        })
        .collect_view()
}
