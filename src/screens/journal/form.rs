//! The form that logs a new entry or edits one.

use kindred_core::journal::{JournalDraft, Kind};
use kindred_core::validation::FieldError;
use leptos::prelude::*;
use uuid::Uuid;

use super::FormFor;
use crate::clock;
use crate::dom::focus;
use crate::state::AppState;
use crate::text;

/// The form that logs a new entry or edits one.
#[component]
pub fn EntryForm(
    /// A new entry, or the entry to edit.
    target: FormFor,
    /// Called when the form is saved or cancelled.
    on_close: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let existing = match &target {
        FormFor::Edit(id) => state.model.with_untracked(|m| m.journal.get(*id).cloned()),
        FormFor::New { .. } => None,
    };
    let draft = RwSignal::new(match (&existing, &target) {
        (Some(entry), _) => JournalDraft::from_entry(entry),
        (None, FormFor::New { text }) => JournalDraft {
            text: text.clone(),
            ..JournalDraft::new_for(clock::today())
        },
        (None, FormFor::Edit(_)) => JournalDraft::new_for(clock::today()),
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // The person's categories, and the entry's own if it has since been removed from them.
    let categories = state.model.with_untracked(|m| {
        let mut all = m.settings.categories.clone();
        let own = draft.with_untracked(|d| d.category.clone());
        if !own.is_empty() && !all.contains(&own) {
            all.push(own);
        }
        all
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = draft.with_untracked(|d| {
            d.to_entry(
                existing.as_ref(),
                Uuid::new_v4(),
                clock::now(),
                clock::today(),
            )
        });
        match checked {
            Ok(entry) => {
                state.change(|model, now| model.journal.put(entry, now));
                state.announce(text::ENTRY_SAVED);
                on_close();
                focus("#log-a-kindness");
            }
            Err(found) => {
                if let Some(first) = found.first() {
                    focus(&format!("#entry-{}", first.field));
                }
                errors.set(found);
            }
        }
    };
    let cancel = move |_| {
        on_close();
        focus("#log-a-kindness");
    };
    let error_for = move |field: &'static str| {
        move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .find(|e| e.field == field)
                    .map(|e| text::problem(e.problem))
            })
        }
    };
    let heading = match target {
        FormFor::New { .. } => text::NEW_ENTRY,
        FormFor::Edit(_) => text::EDIT_ENTRY,
    };
    // Focus the first field once the form is on the page.
    request_animation_frame(|| focus("#entry-text"));

    view! {
        <form class="entry-form" on:submit=save novalidate aria-labelledby="entry-form-heading">
            <h2 id="entry-form-heading">{heading}</h2>
            <Show when=move || errors.with(|e| !e.is_empty())>
                <div class="form-errors" role="alert">
                    <p>{text::FIX_THE_FORM}</p>
                    <ul>
                        {move || {
                            errors
                                .get()
                                .into_iter()
                                .map(|e| {
                                    view! {
                                        <li>{format!("{}: {}", text::field(&e.field), text::problem(e.problem))}</li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                </div>
            </Show>
            <div class="field">
                <label for="entry-text">{text::WHAT_HAPPENED}</label>
                <textarea
                    id="entry-text"
                    rows="3"
                    required
                    aria-required="true"
                    aria-invalid=move || error_for("text")().map(|_| "true")
                    aria-describedby=move || error_for("text")().map(|_| "entry-text-error")
                    prop:value=move || draft.with(|d| d.text.clone())
                    on:input=move |ev| draft.update(|d| d.text = event_target_value(&ev))
                ></textarea>
                {move || error_for("text")().map(|m| view! { <p id="entry-text-error" class="field-error">{m}</p> })}
            </div>
            <fieldset class="field kinds">
                <legend>{text::KIND}</legend>
                {Kind::ALL
                    .into_iter()
                    .map(|kind| {
                        let id = format!("entry-kind-{}", kind.as_str());
                        view! {
                            <span class="choice">
                                <input
                                    type="radio"
                                    name="entry-kind"
                                    id=id.clone()
                                    value=kind.as_str()
                                    prop:checked=move || draft.with(|d| d.kind == kind)
                                    on:change=move |_| draft.update(|d| d.kind = kind)
                                />
                                <label for=id>{text::kind(kind)}</label>
                            </span>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <div class="field">
                <label for="entry-date">{text::DATE}</label>
                <input
                    id="entry-date"
                    type="date"
                    max=clock::today().to_string()
                    aria-invalid=move || error_for("date")().map(|_| "true")
                    aria-describedby=move || error_for("date")().map(|_| "entry-date-error")
                    prop:value=move || draft.with(|d| d.date.clone())
                    on:input=move |ev| draft.update(|d| d.date = event_target_value(&ev))
                />
                {move || error_for("date")().map(|m| view! { <p id="entry-date-error" class="field-error">{m}</p> })}
            </div>
            <div class="field">
                <label for="entry-person">{text::PERSON}</label>
                <input
                    id="entry-person"
                    type="text"
                    autocomplete="off"
                    prop:value=move || draft.with(|d| d.person.clone())
                    on:input=move |ev| draft.update(|d| d.person = event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="entry-category">{text::CATEGORY}</label>
                <select
                    id="entry-category"
                    on:change=move |ev| draft.update(|d| d.category = event_target_value(&ev))
                >
                    <option value="" selected=move || draft.with(|d| d.category.is_empty())>
                        {text::NO_CATEGORY}
                    </option>
                    {categories
                        .into_iter()
                        .map(|category| {
                            let value = category.clone();
                            let compared = category.clone();
                            view! {
                                <option
                                    value=value
                                    selected=move || draft.with(|d| d.category == compared)
                                >
                                    {category}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="entry-tags">{text::TAGS}</label>
                <input
                    id="entry-tags"
                    type="text"
                    autocomplete="off"
                    aria-describedby="entry-tags-hint"
                    prop:value=move || draft.with(|d| d.tags.clone())
                    on:input=move |ev| draft.update(|d| d.tags = event_target_value(&ev))
                />
                <p id="entry-tags-hint" class="hint">{text::TAGS_HINT}</p>
            </div>
            <div class="field">
                <label for="entry-private-note">{text::PRIVATE_NOTE}</label>
                <textarea
                    id="entry-private-note"
                    rows="2"
                    aria-describedby="entry-private-note-hint"
                    prop:value=move || draft.with(|d| d.private_note.clone())
                    on:input=move |ev| draft.update(|d| d.private_note = event_target_value(&ev))
                ></textarea>
                <p id="entry-private-note-hint" class="hint">{text::PRIVATE_NOTE_HINT}</p>
            </div>
            <div class="actions">
                <button type="submit" class="primary">{text::SAVE}</button>
                <button type="button" on:click=cancel>{text::CANCEL}</button>
            </div>
        </form>
    }
}
