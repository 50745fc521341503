//! Offers of help on a need's card: who said "I can help" (on their own phone, arriving here
//! in a share file or through the group folder), the button and small form to offer, and
//! `Withdraw my offer` for the offers made on this phone; and, among the Match suggestions,
//! the offers to accept first.

use std::collections::BTreeMap;

use kindred_core::offer::{
    known_device, offers_by_need, this_device, Offer, OfferDraft, OfferRefused,
};
use leptos::prelude::*;
use uuid::Uuid;

use crate::dom::focus;
use crate::state::AppState;
use crate::text;
use crate::web_storage::LocalStore;

/// Every need's offers, worked out once per change for the whole board rather than once per
/// card: each card then looks up its own.
#[derive(Clone, Copy)]
pub struct OffersByNeed(Memo<BTreeMap<Uuid, Vec<Offer>>>);

/// This browser's own id, once it has made an offer: the offers made here show `Withdraw my
/// offer`. Read when the board opens; set by this tab's first offer.
#[derive(Clone, Copy)]
struct ThisDevice(RwSignal<Option<Uuid>>);

/// Makes the board's [`OffersByNeed`] and [`ThisDevice`] for the cards below.
pub fn provide_offers_by_need() {
    let state = expect_context::<AppState>();
    provide_context(ThisDevice(RwSignal::new(known_device(&LocalStore::open()))));
    provide_context(OffersByNeed(Memo::new(move |_| {
        state.model.with(|m| {
            offers_by_need(&m.offers)
                .into_iter()
                .map(|(need, offers)| (need, offers.into_iter().cloned().collect()))
                .collect()
        })
    })));
}

/// The offers line, the withdraw buttons for this phone's own offers, and `I can help` with
/// its form when the need still takes offers.
#[component]
pub fn NeedOffers(
    /// The need the offers are for.
    need_id: Uuid,
    /// Whether the need still takes offers (it is not done).
    takes_offers: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let OffersByNeed(by_need) = expect_context::<OffersByNeed>();
    let offers = Memo::new(move |_| {
        by_need.with(|by_need| by_need.get(&need_id).cloned().unwrap_or_default())
    });
    let ThisDevice(device) = expect_context::<ThisDevice>();
    let mine = Memo::new(move |_| {
        let device = device.get();
        offers.with(|offers| {
            offers
                .iter()
                .filter(|o| Some(o.device) == device)
                .map(|o| (o.id, o.device, o.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let form_open = RwSignal::new(false);
    let (opener, withdraw_id) = (
        format!("i-can-help-{need_id}"),
        format!("withdraw-offer-{need_id}"),
    );
    // The card shows one of the two at a time: `I can help` until this phone has offered,
    // then `Withdraw my offer`. Focus goes to whichever is there after either is used.
    let focus_target = StoredValue::new(format!("#{withdraw_id}, #{opener}"));
    let focus_offer_button = move || {
        let selector = focus_target.get_value();
        request_animation_frame(move || focus(&selector));
    };
    let withdraw = move |offer: Uuid, device: Uuid| {
        // Withdrawn already (in another tab) is as good as withdrawn here.
        let _ = state.change(|m, now| m.withdraw_offer(offer, device, now));
        state.announce(text::offer_withdrawn());
        focus_offer_button();
    };
    let close_form = move || {
        form_open.set(false);
        focus_offer_button();
    };
    let may_offer = move || takes_offers && mine.with(Vec::is_empty);

    view! {
        <Show when=move || !offers.with(Vec::is_empty)>
            <p class="card-offers">{move || text::offers_line(&offers.get())}</p>
        </Show>
        <div class="actions offer-actions" class:empty=move || !may_offer() && mine.with(Vec::is_empty)>
            {move || {
                let mine = mine.get();
                let several = mine.len() > 1;
                mine.into_iter()
                    .enumerate()
                    .map(|(index, (offer, device, name))| {
                        // Two tabs of this phone may each have sent one: each is named.
                        let label = if several {
                            text::with_aside(text::withdraw_my_offer(), &name)
                        } else {
                            text::withdraw_my_offer().to_string()
                        };
                        let id = (index == 0).then(|| withdraw_id.clone());
                        view! { <button id=id on:click=move |_| withdraw(offer, device)>{label}</button> }
                    })
                    .collect_view()
            }}
            <Show when=may_offer>
                <button
                    id=opener.clone()
                    class="primary"
                    aria-expanded=move || form_open.get().to_string()
                    on:click=move |_| form_open.update(|open| *open = !*open)
                >
                    {text::i_can_help()}
                </button>
            </Show>
        </div>
        <Show when=move || may_offer() && form_open.get()>
            <OfferForm need_id on_close=close_form />
        </Show>
    }
}

/// The small form that sends an offer: a name (the one last used on this phone), and when.
#[component]
fn OfferForm(
    /// The need to offer help with.
    need_id: Uuid,
    /// Called when the offer is sent or the form cancelled.
    on_close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let ThisDevice(this_device_signal) = expect_context::<ThisDevice>();
    let name = RwSignal::new(state.model.with_untracked(|m| m.settings.your_name.clone()));
    let note = RwSignal::new(String::new());
    let name_problem = RwSignal::new(None::<&'static str>);
    let refused = RwSignal::new(None::<&'static str>);
    let ids = |part: &str| format!("offer-{part}-{need_id}");
    let (heading, name_id, name_hint, name_error, note_id, note_hint) = (
        ids("heading"),
        ids("name"),
        ids("name-hint"),
        ids("name-error"),
        ids("note"),
        ids("note-hint"),
    );
    let name_selector = format!("#{name_id}");

    let send = {
        let name_selector = name_selector.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let draft = OfferDraft {
                name: name.get_untracked(),
                note: note.get_untracked(),
            };
            // This phone's id is made at its first offer. Should storage refuse to keep it,
            // this visit still knows its offer; a failed save of the offer has its alert.
            let device = this_device_signal.get_untracked().unwrap_or_else(|| {
                let new = Uuid::new_v4();
                this_device(&mut LocalStore::open(), new).unwrap_or(new)
            });
            let offered =
                state.change(|m, now| m.offer_help(need_id, &draft, device, Uuid::new_v4(), now));
            match offered {
                Ok(_) => {
                    let used = draft.name.trim().to_string();
                    this_device_signal.set(Some(device));
                    // The name offered under starts the next offer (and marks check-ins).
                    state.change_settings(|s| s.your_name = used);
                    state.announce(text::offer_sent());
                    on_close();
                }
                Err(OfferRefused::Invalid(errors)) => {
                    name_problem.set(errors.first().map(|e| text::problem(e.problem)));
                    focus(&name_selector);
                }
                Err(other) => refused.set(text::offer_refused(&other)),
            }
        }
    };
    let name_described_by = {
        let (hint, error) = (name_hint.clone(), name_error.clone());
        move || match name_problem.get() {
            Some(_) => format!("{hint} {error}"),
            None => hint.clone(),
        }
    };
    request_animation_frame(move || focus(&name_selector));
    let (labelled_by, name_for, note_for, note_described_by) = (
        heading.clone(),
        name_id.clone(),
        note_id.clone(),
        note_hint.clone(),
    );

    view! {
        <form class="offer-form" on:submit=send novalidate aria-labelledby=labelled_by>
            <h3 id=heading>{text::offer_form_heading()}</h3>
            {move || refused.get().map(|why| view! { <p class="form-errors" role="alert">{why}</p> })}
            <div class="field">
                <label for=name_for>{text::your_name()}</label>
                <input
                    id=name_id
                    type="text"
                    autocomplete="name"
                    required
                    aria-required="true"
                    aria-invalid=move || name_problem.get().map(|_| "true")
                    aria-describedby=name_described_by
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <p id=name_hint class="hint">{text::offer_name_hint()}</p>
                {move || {
                    name_problem
                        .get()
                        .map(|why| view! { <p id=name_error.clone() class="field-error">{why}</p> })
                }}
            </div>
            <div class="field">
                <label for=note_for>{text::when_can_you_help()}</label>
                <input
                    id=note_id
                    type="text"
                    autocomplete="off"
                    aria-describedby=note_described_by
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                />
                <p id=note_hint class="hint">{text::when_can_you_help_hint()}</p>
            </div>
            <div class="actions">
                <button type="submit" class="primary">{text::send_offer()}</button>
                <button type="button" on:click=move |_| on_close()>{text::cancel()}</button>
            </div>
        </form>
    }
}

/// The offers the person who matches can accept, first among the suggestions: each says
/// whom in the directory it names, or that accepting adds the person as a helper.
#[component]
pub fn OffersToAccept(
    /// The need being matched.
    need_id: Uuid,
    /// Called once an offer is accepted.
    on_accepted: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = state.today.get_untracked();
    let offers = state.model.with_untracked(|m| {
        m.offers_to_choose(need_id)
            .into_iter()
            .map(|offer| {
                let known = m.helper_offering(offer).map(|h| h.name.as_str());
                (
                    offer.id,
                    offer.name.clone(),
                    offer.note.clone(),
                    text::offer_in_directory(offer, known),
                )
            })
            .collect::<Vec<_>>()
    });
    let accept = move |offer: Uuid| {
        let accepted = state.change(|m, now| m.match_offer(offer, Uuid::new_v4(), today, now));
        if let Some(why) = accepted.err().as_ref().and_then(text::offer_refused) {
            state.announce(why);
        }
        on_accepted();
    };
    let heading = format!("offers-to-accept-{need_id}");
    let labelled_by = heading.clone();
    (!offers.is_empty()).then(|| {
        view! {
            <h4 id=heading>{text::offers_heading()}</h4>
            <ul aria-labelledby=labelled_by>
                {offers
                    .into_iter()
                    .map(|(offer, name, note, who)| {
                        view! {
                            <li>
                                <strong>{name.clone()}</strong>
                                {(!note.is_empty()).then(|| view! { <span class="reasons">{note}</span> })}
                                <span class="reasons">{who}</span>
                                <button on:click=move |_| accept(offer)>{text::accept_offer(&name)}</button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
