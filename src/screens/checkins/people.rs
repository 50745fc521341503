//! The list of people to check on, and the form that adds or edits one.

use kindred_core::checkin::{CheckinPerson, PersonDraft, PersonField};
use kindred_core::contact::phone_link;
use kindred_core::validation::FieldError;
use leptos::prelude::*;
use uuid::Uuid;

use crate::clock;
use crate::components::deletions::{Deletions, UndoBar};
use crate::components::form_parts::{
    bind, close_form, error_for, settle, ErrorSummary, Input, TextField,
};
use crate::dom::focus;
use crate::state::AppState;
use crate::text;

#[component]
pub fn People() -> impl IntoView {
    let state = expect_context::<AppState>();
    // `None`: no form; `Some(None)`: someone new; `Some(Some(id))`: editing one.
    let form_for = RwSignal::new(None::<Option<Uuid>>);
    let deletions = Deletions::<CheckinPerson>::new(|m| &mut m.checkin_people, "undo-person");
    let people = Memo::new(move |_| {
        state.model.with(|m| {
            let mut people: Vec<CheckinPerson> = m.checkin_people.live().cloned().collect();
            people.sort_by_key(|p| p.name.to_lowercase());
            people
        })
    });
    let delete = move |id: Uuid| {
        if deletions.delete(id, text::person_deleted())
            && form_for.get_untracked() == Some(Some(id))
        {
            form_for.set(None);
        }
    };
    view! {
        <section aria-labelledby="people-heading">
            <h2 id="people-heading">{text::people_to_check_on()}</h2>
            <div class="toolbar">
                <button id="add-person" class="primary" on:click=move |_| form_for.set(Some(None))>
                    {text::add_person_to_check_on()}
                </button>
            </div>
            {move || form_for.get().map(|editing| view! { <PersonForm editing on_close=move || form_for.set(None) /> })}
            <UndoBar deletions message=text::person_deleted() />
            <Show when=move || !people.with(Vec::is_empty) fallback=|| view! { <p class="empty">{text::no_people_to_check_on()}</p> }>
                <ul class="cards" aria-label=text::people_to_check_on()>
                    <For
                        each=move || people.get()
                        key=|p| (p.id, p.updated_at)
                        children=move |person| {
                            let id = person.id;
                            let details = [person.address.clone(), person.language.clone(), person.notes.clone()];
                            view! {
                                <li class="card">
                                    <h3>{person.name.clone()}</h3>
                                    {phone_link(&person.phone).map(|href| view! { <p class="card-detail">{text::call()} ": " <a href=href>{person.phone.clone()}</a></p> })}
                                    {details.into_iter().filter(|d| !d.is_empty()).map(|d| view! { <p class="card-detail">{d}</p> }).collect_view()}
                                    {(!person.emergency_contact.is_empty()).then(|| view! {
                                        <p class="card-detail">{text::labelled(text::emergency_contact(), &person.emergency_contact)}</p>
                                    })}
                                    {(!person.private_note.is_empty()).then(|| view! { <p class="entry-note">{person.private_note.clone()}</p> })}
                                    <div class="actions">
                                        <button on:click=move |_| form_for.set(Some(Some(id)))>{text::edit()}</button>
                                        <button class="danger" on:click=move |_| delete(id)>{text::delete()}</button>
                                    </div>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn PersonForm(
    /// The person to edit, or `None` for someone new.
    editing: Option<Uuid>,
    /// Called when the form is saved or cancelled.
    on_close: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let existing = editing.and_then(|id| {
        state
            .model
            .with_untracked(|m| m.checkin_people.get(id).cloned())
    });
    let draft = RwSignal::new(
        existing
            .as_ref()
            .map(PersonDraft::from_person)
            .unwrap_or_default(),
    );
    let errors = RwSignal::new(Vec::<FieldError<PersonField>>::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked =
            draft.with_untracked(|d| d.to_person(existing.as_ref(), Uuid::new_v4(), clock::now()));
        settle(checked, errors, "person", |person| {
            let saved =
                state.change(|m, now| m.save_checkin_person(existing.as_ref(), person, now));
            state.announce(&text::form_saved(text::person_saved(), saved));
            close_form(on_close, "#add-person");
        });
    };
    let cancel = move |_| close_form(on_close, "#add-person");
    let (name, set_name) = bind(draft, |d| &d.name, |d| &mut d.name);
    let (phone, set_phone) = bind(draft, |d| &d.phone, |d| &mut d.phone);
    let (address, set_address) = bind(draft, |d| &d.address, |d| &mut d.address);
    let (emergency, set_emergency) = bind(
        draft,
        |d| &d.emergency_contact,
        |d| &mut d.emergency_contact,
    );
    let (language, set_language) = bind(draft, |d| &d.language, |d| &mut d.language);
    let (notes, set_notes) = bind(draft, |d| &d.notes, |d| &mut d.notes);
    let (private_note, set_private_note) =
        bind(draft, |d| &d.private_note, |d| &mut d.private_note);
    let heading = if editing.is_some() {
        text::edit_person_to_check_on()
    } else {
        text::new_person_to_check_on()
    };
    request_animation_frame(|| focus("#person-name"));
    view! {
        <form class="entry-form" on:submit=save novalidate aria-labelledby="person-form-heading">
            <h3 id="person-form-heading">{heading}</h3>
            <ErrorSummary errors />
            <TextField id="person-name" label=text::name() input=Input::Line value=name on_input=set_name error=error_for(errors, PersonField::Name) required=true />
            <TextField id="person-phone" label=text::phone() input=Input::Phone value=phone on_input=set_phone error=error_for(errors, PersonField::Phone) />
            <TextField id="person-address" label=text::address() input=Input::Lines value=address on_input=set_address />
            <TextField id="person-emergency-contact" label=text::emergency_contact() input=Input::Line value=emergency on_input=set_emergency hint=text::emergency_contact_hint() />
            <TextField id="person-language" label=text::their_language() input=Input::Line value=language on_input=set_language />
            <TextField id="person-notes" label=text::notes() input=Input::Lines value=notes on_input=set_notes />
            <TextField id="person-private-note" label=text::private_note() input=Input::Lines value=private_note on_input=set_private_note hint=text::private_note_hint() />
            <div class="actions">
                <button type="submit" class="primary">{text::save()}</button>
                <button type="button" on:click=cancel>{text::cancel()}</button>
            </div>
        </form>
    }
}
