//! The form that logs a new entry or edits one.

use kindred_core::journal::{EntryField, JournalDraft, JournalEntry, Kind};
use kindred_core::model::Model;
use kindred_core::validation::FieldError;
use leptos::prelude::*;
use uuid::Uuid;

use super::FormFor;
use crate::clock;
use crate::components::form_draft::{CancelButton, DraftNote, FormDraft};
use crate::components::form_parts::{
    bind, close_form, error_for, settle, CategorySelect, ErrorSummary, Input, TextField,
};
use crate::dom::focus;
use crate::drafts::DraftForm;
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
    let kept = open_draft(&state, &target);
    let (draft, existing, brought_back, changed) = (
        kept.value,
        kept.opened.clone(),
        kept.brought_back,
        kept.changed(),
    );
    let kept = StoredValue::new(kept);
    let errors = RwSignal::new(Vec::<FieldError<EntryField>>::new());

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
        settle(checked, errors, "entry", |entry| {
            let saved =
                state.change(|model, now| model.journal.save_form(existing.as_ref(), entry, now));
            state.announce(&text::form_saved(text::entry_saved(), saved));
            kept.with_value(FormDraft::discard);
            close_form(on_close, "#log-a-kindness");
        });
    };
    let leave = move || {
        kept.with_value(FormDraft::discard);
        close_form(on_close, "#log-a-kindness");
    };
    let (what, set_what) = bind(draft, |d| &d.text, |d| &mut d.text);
    let (date, set_date) = bind(draft, |d| &d.date, |d| &mut d.date);
    let (note, set_note) = bind(draft, |d| &d.private_note, |d| &mut d.private_note);
    let heading = match target {
        FormFor::New { .. } => text::new_entry(),
        FormFor::Edit(_) => text::edit_entry(),
    };
    // Focus the first field once the form is on the page.
    request_animation_frame(|| focus("#entry-text"));

    view! {
        <form id="entry-form" class="entry-form" on:submit=save novalidate aria-labelledby="entry-form-heading">
            <h2 id="entry-form-heading">{heading}</h2>
            <DraftNote brought_back />
            <ErrorSummary errors />
            <TextField
                id="entry-text"
                label=text::what_happened()
                input=Input::Lines
                value=what
                on_input=set_what
                error=error_for(errors, EntryField::Text)
                required=true
            />
            <KindChoice draft />
            <TextField
                id="entry-date"
                label=text::date_label()
                input=Input::Date
                value=date
                on_input=set_date
                error=error_for(errors, EntryField::Date)
                max=Signal::derive(move || state.today.get().to_string())
            />
            <PersonField draft />
            <CategoryAndTags draft />
            <TextField
                id="entry-private-note"
                label=text::private_note()
                input=Input::Lines
                value=note
                on_input=set_note
                hint=text::private_note_hint()
            />
            <div class="actions">
                <button type="submit" class="primary">{text::save()}</button>
                <CancelButton changed on_leave=leave form_id="entry-form" />
            </div>
        </form>
    }
}

/// The draft the form opens with: one kept from before, or the entry to edit, or a new entry
/// on the day the screen calls today (with an idea's words, if it came from one).
fn open_draft(state: &AppState, target: &FormFor) -> FormDraft<JournalDraft, JournalEntry> {
    let editing = match target {
        FormFor::Edit(id) => Some(*id),
        FormFor::New { .. } => None,
    };
    let current = editing.and_then(|id| state.model.with_untracked(|m| m.journal.get(id).cloned()));
    let today = state.today.get_untracked();
    let idea_text = match target {
        FormFor::New { text } => text.clone(),
        FormFor::Edit(_) => String::new(),
    };
    FormDraft::open(DraftForm::Entry, editing, current, |opened| match opened {
        Some(entry) => JournalDraft::from_entry(entry),
        None => JournalDraft {
            text: idea_text.clone(),
            ..JournalDraft::new_for(today)
        },
    })
}

/// The entry's category and its tags, the two ways of finding it again.
#[component]
fn CategoryAndTags(
    /// The form's draft.
    draft: RwSignal<JournalDraft>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The person's categories, and the entry's own if it has since been removed from them.
    let categories = state
        .model
        .with_untracked(|m| draft.with_untracked(|d| m.categories_with([d.category.as_str()])));
    let (tags, set_tags) = bind(draft, |d| &d.tags, |d| &mut d.tags);
    view! {
        <CategorySelect
            id="entry-category"
            label=text::category()
            none_label=text::no_category()
            categories=Signal::stored(categories)
            value=Signal::derive(move || draft.with(|d| d.category.clone()))
            on_change=Callback::new(move |category| draft.update(|d| d.category = category))
        />
        <TextField
            id="entry-tags"
            label=text::tags()
            input=Input::Line
            value=tags
            on_input=set_tags
            hint=text::tags_hint()
        />
    }
}

/// Whether the kindness was given, received or seen.
#[component]
fn KindChoice(
    /// The form's draft.
    draft: RwSignal<JournalDraft>,
) -> impl IntoView {
    view! {
        <fieldset class="field kinds">
            <legend>{text::kind_label()}</legend>
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
    }
}

/// Who the kindness was with: helpers from the directory are offered, and anyone else can be
/// typed. With no helpers there is nothing to offer, and the field stays a plain text box.
#[component]
fn PersonField(
    /// The form's draft.
    draft: RwSignal<JournalDraft>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (person, set_person) = bind(draft, |d| &d.person, |d| &mut d.person);
    let helper_names = state.model.with_untracked(Model::directory_names);
    let suggestions = (!helper_names.is_empty()).then_some("helper-names");
    view! {
        <TextField
            id="entry-person"
            label=text::person()
            input=Input::Line
            value=person
            on_input=set_person
            suggestions
        />
        <datalist id="helper-names">
            {helper_names.into_iter().map(|name| view! { <option value=name></option> }).collect_view()}
        </datalist>
    }
}
