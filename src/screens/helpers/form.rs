//! The form that adds or edits a helper.

use kindred_core::helper::{ContactMethod, DayPart, HelperDraft, HelperField, WEEK};
use kindred_core::validation::FieldError;
use leptos::prelude::*;
use uuid::Uuid;

use crate::clock;
use crate::components::form_draft::{CancelButton, DraftNote, FormDraft};
use crate::components::form_parts::{
    bind, close_form, element_id, error_for, settle, CheckboxGroup, ChoiceSelect, ErrorSummary,
    Input, TextField,
};
use crate::dom::focus;
use crate::drafts::DraftForm;
use crate::state::AppState;
use crate::text;

#[component]
pub fn HelperForm(
    /// The helper to edit, or `None` for a new one.
    editing: Option<Uuid>,
    /// Called when the form is saved or cancelled.
    on_close: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = editing.and_then(|id| state.model.with_untracked(|m| m.helpers.get(id).cloned()));
    let kept = FormDraft::open(DraftForm::Helper, editing, current, |opened| {
        opened.map(HelperDraft::from_helper).unwrap_or_default()
    });
    let (draft, existing, brought_back, changed) = (
        kept.value,
        kept.opened.clone(),
        kept.brought_back,
        kept.changed(),
    );
    let kept = StoredValue::new(kept);
    let errors = RwSignal::new(Vec::<FieldError<HelperField>>::new());
    let kinds_of_help = state.model.with_untracked(|m| {
        draft.with_untracked(|d| m.kinds_of_help_with(d.can_help_with.iter().map(String::as_str)))
    });
    // A helper edited, or a draft brought back, with something in the folded fields shows
    // them: nothing that holds a value is out of sight.
    let details_open = draft.with_untracked(has_more_details);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = draft.with_untracked(|d| {
            d.to_helper(
                existing.as_ref(),
                Uuid::new_v4(),
                clock::now(),
                clock::today(),
            )
        });
        if let Err(found) = &checked {
            open_details_for(found);
        }
        settle(checked, errors, "helper", |helper| {
            let saved =
                state.change(|model, now| model.helpers.save_form(existing.as_ref(), helper, now));
            state.announce(&text::form_saved(text::helper_saved(), saved));
            kept.with_value(FormDraft::discard);
            close_form(on_close, "#add-helper");
        });
    };
    let leave = move || {
        kept.with_value(FormDraft::discard);
        close_form(on_close, "#add-helper");
    };
    let (name, set_name) = bind(draft, |d| &d.name, |d| &mut d.name);
    let (phone, set_phone) = bind(draft, |d| &d.phone, |d| &mut d.phone);
    let heading = if editing.is_some() {
        text::edit_helper()
    } else {
        text::new_helper()
    };
    request_animation_frame(|| focus("#helper-name"));

    view! {
        <form id="helper-form" class="entry-form" on:submit=save novalidate aria-labelledby="helper-form-heading">
            <h2 id="helper-form-heading">{heading}</h2>
            <DraftNote brought_back />
            <ErrorSummary errors />
            <TextField
                id="helper-name"
                label=text::name()
                input=Input::Line
                value=name
                on_input=set_name
                error=error_for(errors, HelperField::Name)
                required=true
            />
            <TextField
                id="helper-phone"
                label=text::phone()
                input=Input::Phone
                value=phone
                on_input=set_phone
                error=error_for(errors, HelperField::Phone)
            />
            <HelpAndFreeTimes draft kinds_of_help />
            <MoreDetails draft errors open=details_open />
            <div class="actions">
                <button type="submit" class="primary">{text::save()}</button>
                <CancelButton changed on_leave=leave form_id="helper-form" />
            </div>
        </form>
    }
}

/// What the helper can help with, and the days and times they are free.
#[component]
fn HelpAndFreeTimes(
    /// The form's draft.
    draft: RwSignal<HelperDraft>,
    /// The kinds of help to offer: the person's categories and the helper's own.
    kinds_of_help: Vec<String>,
) -> impl IntoView {
    view! {
        <CheckboxGroup
            legend=text::can_help_with()
            id_prefix="helper-category"
            options=kinds_of_help
                .into_iter()
                .map(|c| (c.clone(), text::category_name(&c).to_string()))
                .collect()
            chosen=Signal::derive(move || draft.with(|d| d.can_help_with.clone()))
            on_change=Callback::new(move |chosen| draft.update(|d| d.can_help_with = chosen))
        />
        <CheckboxGroup
            legend=text::days_free()
            id_prefix="helper-day"
            options=WEEK.into_iter().map(|d| (d, text::weekday(d).to_string())).collect()
            chosen=Signal::derive(move || draft.with(|d| d.days.clone()))
            on_change=Callback::new(move |chosen| draft.update(|d| d.days = chosen))
        />
        <CheckboxGroup
            legend=text::times_of_day()
            id_prefix="helper-part"
            options=DayPart::ALL.into_iter().map(|p| (p, text::day_part(p).to_string())).collect()
            chosen=Signal::derive(move || draft.with(|d| d.parts.clone()))
            on_change=Callback::new(move |chosen| draft.update(|d| d.parts = chosen))
        />
    }
}

/// The fields folded under "More details", which most helpers leave empty.
#[component]
fn MoreDetails(
    /// The form's draft.
    draft: RwSignal<HelperDraft>,
    /// The problems found by the last try to save.
    errors: RwSignal<Vec<FieldError<HelperField>>>,
    /// Whether the fold starts open.
    open: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (languages, set_languages) = bind(draft, |d| &d.languages, |d| &mut d.languages);
    let (note, set_note) = bind(
        draft,
        |d| &d.availability_note,
        |d| &mut d.availability_note,
    );
    let (area, set_area) = bind(draft, |d| &d.area, |d| &mut d.area);
    let (email, set_email) = bind(draft, |d| &d.email, |d| &mut d.email);
    let (private_note, set_private_note) =
        bind(draft, |d| &d.private_note, |d| &mut d.private_note);
    let (last_contacted, set_last_contacted) =
        bind(draft, |d| &d.last_contacted, |d| &mut d.last_contacted);
    view! {
        <details id=MORE_DETAILS class="more-details" open=open>
            <summary>{text::more_details()}</summary>
            <TextField
                id="helper-languages"
                label=text::languages()
                input=Input::Line
                value=languages
                on_input=set_languages
                hint=text::languages_hint()
            />
            <TextField
                id="helper-availability"
                label=text::availability_label()
                input=Input::Line
                value=note
                on_input=set_note
                hint=text::availability_hint()
            />
            <TextField id="helper-area" label=text::area() input=Input::Line value=area on_input=set_area />
            <TextField
                id="helper-email"
                label=text::email()
                input=Input::Email
                value=email
                on_input=set_email
                error=error_for(errors, HelperField::Email)
            />
            <ChoiceSelect
                id="helper-preferred-contact"
                label=text::preferred_contact()
                options=ContactMethod::ALL.into_iter().map(|m| (m, text::contact_method(m).to_string())).collect()
                none_label=text::no_preference()
                chosen=Signal::derive(move || draft.with(|d| d.preferred_contact))
                on_change=Callback::new(move |method| draft.update(|d| d.preferred_contact = method))
            />
            <TextField
                id="helper-private-note"
                label=text::private_note()
                input=Input::Lines
                value=private_note
                on_input=set_private_note
                hint=text::private_note_hint()
            />
            <TextField
                id="helper-last-contacted"
                label=text::last_contacted()
                input=Input::Date
                value=last_contacted
                on_input=set_last_contacted
                error=error_for(errors, HelperField::LastContacted)
                max=Signal::derive(move || state.today.get().to_string())
            />
        </details>
    }
}

/// The element id of the folded part of the form.
const MORE_DETAILS: &str = "helper-more-details";

/// Whether any of the fields under More details holds something.
fn has_more_details(draft: &HelperDraft) -> bool {
    [
        &draft.languages,
        &draft.availability_note,
        &draft.area,
        &draft.email,
        &draft.private_note,
        &draft.last_contacted,
    ]
    .iter()
    .any(|field| !field.trim().is_empty())
        || draft.preferred_contact.is_some()
}

/// Opens More details when one of its fields has a problem, so that the problem is in sight
/// and the field can take the focus. The page says whether the field's element is folded.
fn open_details_for(problems: &[FieldError<HelperField>]) {
    let folded = |field: HelperField| {
        document()
            .query_selector(&format!("#{MORE_DETAILS} #{}", element_id("helper", field)))
            .ok()
            .flatten()
            .is_some()
    };
    if problems.iter().any(|p| folded(p.field)) {
        if let Some(details) = document().get_element_by_id(MORE_DETAILS) {
            let _ = details.set_attribute("open", "");
        }
    }
}
