//! The form that adds or edits a need.

use kindred_core::need::{NeedDraft, NeedField, Urgency};
use kindred_core::recurrence::Every;
use kindred_core::validation::FieldError;
use leptos::prelude::*;
use uuid::Uuid;

use crate::clock;
use crate::components::form_draft::{CancelButton, DraftNote, FormDraft};
use crate::components::form_parts::{
    bind, close_form, error_for, settle, CategorySelect, ChoiceSelect, ErrorSummary, Input,
    TextField,
};
use crate::dom::focus;
use crate::drafts::DraftForm;
use crate::state::AppState;
use crate::text;

#[component]
pub fn NeedForm(
    /// The need to edit, or `None` for a new one.
    editing: Option<Uuid>,
    /// Called when the form is saved or cancelled.
    on_close: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = editing.and_then(|id| state.model.with_untracked(|m| m.needs.get(id).cloned()));
    let kept = FormDraft::open(DraftForm::Need, editing, current, |opened| {
        opened.map(NeedDraft::from_need).unwrap_or_default()
    });
    let (draft, existing, brought_back, changed) = (
        kept.value,
        kept.opened.clone(),
        kept.brought_back,
        kept.changed(),
    );
    let kept = StoredValue::new(kept);
    let errors = RwSignal::new(Vec::<FieldError<NeedField>>::new());
    let categories = state
        .model
        .with_untracked(|m| draft.with_untracked(|d| m.categories_with([d.category.as_str()])));

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked =
            draft.with_untracked(|d| d.to_need(existing.as_ref(), Uuid::new_v4(), clock::now()));
        settle(checked, errors, "need", |need| {
            let saved =
                state.change(|model, now| model.needs.save_form(existing.as_ref(), need, now));
            state.announce(&text::form_saved(text::need_saved(), saved));
            kept.with_value(FormDraft::discard);
            close_form(on_close, "#add-need");
        });
    };
    let leave = move || {
        kept.with_value(FormDraft::discard);
        close_form(on_close, "#add-need");
    };
    let (what, set_what) = bind(draft, |d| &d.what, |d| &mut d.what);
    let (for_whom, set_for_whom) = bind(draft, |d| &d.for_whom, |d| &mut d.for_whom);
    let (language, set_language) = bind(draft, |d| &d.language, |d| &mut d.language);
    let (notes, set_notes) = bind(draft, |d| &d.notes, |d| &mut d.notes);
    let heading = if editing.is_some() {
        text::edit_need()
    } else {
        text::new_need()
    };
    request_animation_frame(|| focus("#need-what"));

    view! {
        <form id="need-form" class="entry-form" on:submit=save novalidate aria-labelledby="need-form-heading">
            <h2 id="need-form-heading">{heading}</h2>
            <DraftNote brought_back />
            <ErrorSummary errors />
            <TextField
                id="need-what"
                label=text::what_is_needed()
                input=Input::Lines
                value=what
                on_input=set_what
                error=error_for(errors, NeedField::What)
                required=true
            />
            <TextField id="need-for-whom" label=text::for_whom() input=Input::Line value=for_whom on_input=set_for_whom />
            <CategorySelect
                id="need-category"
                label=text::category()
                none_label=text::no_category()
                categories=Signal::stored(categories)
                value=Signal::derive(move || draft.with(|d| d.category.clone()))
                on_change=Callback::new(move |category| draft.update(|d| d.category = category))
            />
            <UrgencyChoice draft />
            <TextField
                id="need-language"
                label=text::their_language()
                input=Input::Line
                value=language
                on_input=set_language
                hint=text::their_language_hint()
            />
            <WhenNeeded draft errors />
            <TextField id="need-notes" label=text::notes() input=Input::Lines value=notes on_input=set_notes />
            <div class="actions">
                <button type="submit" class="primary">{text::save()}</button>
                <CancelButton changed on_leave=leave form_id="need-form" />
            </div>
        </form>
    }
}

/// How urgent the need is.
#[component]
fn UrgencyChoice(
    /// The form's draft.
    draft: RwSignal<NeedDraft>,
) -> impl IntoView {
    view! {
        <ChoiceSelect
            id="need-urgency"
            label=text::urgency_label()
            options=Urgency::ALL.into_iter().map(|u| (u, text::urgency(u).to_string())).collect()
            chosen=Signal::derive(move || draft.with(|d| Some(d.urgency)))
            on_change=Callback::new(move |urgency: Option<Urgency>| {
                if let Some(urgency) = urgency {
                    draft.update(|d| d.urgency = urgency);
                }
            })
        />
    }
}

/// When the need is wanted by, whether it comes back, and when to ask how it went.
#[component]
fn WhenNeeded(
    /// The form's draft.
    draft: RwSignal<NeedDraft>,
    /// The problems found by the last try to save.
    errors: RwSignal<Vec<FieldError<NeedField>>>,
) -> impl IntoView {
    let (needed_by, set_needed_by) = bind(draft, |d| &d.needed_by, |d| &mut d.needed_by);
    let (follow_up_on, set_follow_up_on) =
        bind(draft, |d| &d.follow_up_on, |d| &mut d.follow_up_on);
    view! {
        <TextField
            id="need-needed-by"
            label=text::needed_by()
            input=Input::Date
            value=needed_by
            on_input=set_needed_by
            error=error_for(errors, NeedField::NeededBy)
        />
        <ChoiceSelect
            id="need-repeats"
            label=text::repeats()
            options=Every::ALL.into_iter().map(|e| (e, text::every(e).to_string())).collect()
            hint=text::repeats_hint()
            chosen=Signal::derive(move || draft.with(|d| Some(d.repeats)))
            on_change=Callback::new(move |every: Option<Every>| {
                if let Some(every) = every {
                    draft.update(|d| d.repeats = every);
                }
            })
        />
        <TextField
            id="need-follow-up-on"
            label=text::follow_up_on()
            input=Input::Date
            value=follow_up_on
            on_input=set_follow_up_on
            error=error_for(errors, NeedField::FollowUpOn)
            hint=text::follow_up_hint()
        />
    }
}
