//! The directory's search, filters and list of helpers.

use kindred_core::contact::{email_link, phone_link};
use kindred_core::helper::{Helper, HelperFilter, WEEK};
use kindred_core::matching::help_record;
use kindred_core::share::OneRecord;
use leptos::prelude::*;
use uuid::Uuid;

use crate::components::form_parts::{ChoiceSelect, SearchBox};
use crate::components::qr_card::QrCode;
use crate::state::AppState;
use crate::text;

#[component]
pub fn Filters(
    /// The filter these controls edit.
    filter: RwSignal<HelperFilter>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let categories = move || state.model.with(|m| m.kinds_of_help_with([]));
    let languages = move || {
        state.model.with(|m| {
            let mut all: Vec<String> = Vec::new();
            for language in m.helpers.live().flat_map(|h| h.languages.iter()) {
                if !all.iter().any(|l| l.eq_ignore_ascii_case(language)) {
                    all.push(language.clone());
                }
            }
            all.sort_by_key(|l| l.to_lowercase());
            all
        })
    };
    // `label` words a value for the reader: a category in the reader's language.
    let option_list =
        move |values: Vec<String>, current: Signal<Option<String>>, label: fn(&str) -> &str| {
            values
            .into_iter()
            .map(|value| {
                let compared = value.clone();
                let label = label(&value).to_string();
                view! {
                    <option value=value selected=move || current.get().as_ref() == Some(&compared)>
                        {label}
                    </option>
                }
            })
            .collect_view()
        };
    let chosen = |text: String| (!text.is_empty()).then_some(text);
    view! {
        <SearchBox
            id="helper-search"
            query=Signal::derive(move || filter.with(|f| f.query.clone()))
            on_input=Callback::new(move |query| filter.update(|f| f.query = query))
        />
        <details class="filters">
            <summary>{text::filters()}</summary>
            <div class="filter-fields">
                <div class="field">
                    <label for="helper-filter-category">{text::filter_category()}</label>
                    <select
                        id="helper-filter-category"
                        on:change=move |ev| filter.update(|f| f.category = chosen(event_target_value(&ev)))
                    >
                        <option value="">{text::all_categories()}</option>
                        {move || option_list(categories(), Signal::derive(move || filter.with(|f| f.category.clone())), text::category_name)}
                    </select>
                </div>
                <div class="field">
                    <label for="helper-filter-language">{text::filter_language()}</label>
                    <select
                        id="helper-filter-language"
                        on:change=move |ev| filter.update(|f| f.language = chosen(event_target_value(&ev)))
                    >
                        <option value="">{text::all_languages()}</option>
                        {move || option_list(languages(), Signal::derive(move || filter.with(|f| f.language.clone())), |l| l)}
                    </select>
                </div>
                <ChoiceSelect
                    id="helper-filter-day"
                    label=text::filter_day()
                    options=WEEK.into_iter().map(|d| (d, text::weekday(d).to_string())).collect()
                    none_label=text::any_day()
                    chosen=Signal::derive(move || filter.with(|f| f.day))
                    on_change=Callback::new(move |day| filter.update(|f| f.day = day))
                />
            </div>
        </details>
    }
}

/// The helpers that pass the filter, by name.
#[component]
pub fn HelperList(
    /// Which helpers to show.
    filter: Signal<HelperFilter>,
    /// Called with a helper's id when its Edit button is pressed.
    on_edit: Callback<Uuid>,
    /// Called with a helper's id when its Delete button is pressed.
    on_delete: Callback<Uuid>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = Memo::new(move |_| {
        filter.with(|filter| {
            state.model.with(|m| {
                let mut helpers: Vec<Helper> = m
                    .helpers
                    .live()
                    .filter(|h| filter.matches(h))
                    .cloned()
                    .collect();
                helpers.sort_by_key(|h| h.name.to_lowercase());
                helpers
            })
        })
    });
    let is_empty = move || state.model.with(|m| m.helpers.live_count() == 0);
    view! {
        <Show when=move || !is_empty() fallback=|| view! { <p class="empty">{text::no_helpers()}</p> }>
            <Show when=move || shown.with(Vec::is_empty)>
                <p class="empty">{text::no_helper_matches()}</p>
            </Show>
            <ul class="cards" aria-label=text::helpers_list()>
                <For
                    each=move || shown.get()
                    key=|helper| (helper.id, helper.updated_at)
                    children=move |helper| view! { <HelperCard helper on_edit on_delete /> }
                />
            </ul>
        </Show>
    }
}

/// One helper as a compact row, so that a long directory can be scanned on a phone: the
/// name, what they help with, when and where, and the number to call; the rest (languages,
/// e-mail, notes, the help they gave, their code and calendar) under Details.
#[component]
fn HelperCard(
    /// The helper to show.
    helper: Helper,
    /// Called with the helper's id to edit it.
    on_edit: Callback<Uuid>,
    /// Called with the helper's id to delete it.
    on_delete: Callback<Uuid>,
) -> impl IntoView {
    let id = helper.id;
    let details_shown = RwSignal::new(false);
    let details_id = format!("helper-details-{id}");
    let availability = text::joined([
        text::availability_in_full(&helper.availability),
        helper.area.clone(),
    ]);
    let summary = [text::category_names(&helper.can_help_with), availability];
    let details = StoredValue::new(helper.clone());
    view! {
        <li class="card helper-row">
            <h2>{helper.name.clone()}</h2>
            {summary
                .into_iter()
                .filter(|d| !d.is_empty())
                .map(|d| view! { <p class="card-detail">{d}</p> })
                .collect_view()}
            <ContactLine label=text::call() value=helper.phone.clone() link=phone_link(&helper.phone) />
            <div class="actions">
                <button
                    on:click=move |_| details_shown.update(|s| *s = !*s)
                    aria-expanded=move || details_shown.get().to_string()
                    aria-controls=details_id.clone()
                >
                    {text::helper_details()}
                </button>
                <button on:click=move |_| on_edit.run(id)>{text::edit()}</button>
                <button class="danger" on:click=move |_| on_delete.run(id)>{text::delete()}</button>
            </div>
            <div id=details_id>
                <Show when=move || details_shown.get()>
                    <HelperDetails helper=details.get_value() />
                </Show>
            </div>
        </li>
    }
}

/// What a helper's row keeps under Details.
#[component]
fn HelperDetails(
    /// The helper to show.
    helper: Helper,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = helper.id;
    let record = move || state.model.with(|m| help_record(id, m.needs.live()));
    // Their commitments, for their own calendar: the open needs they are matched to that
    // have a date.
    let has_commitments = move || {
        state.model.with(|m| {
            m.needs.live().any(|n| {
                !n.is_done()
                    && n.helpers().contains(&id)
                    && (n.needed_by.is_some() || n.follow_up_on.is_some())
            })
        })
    };
    let download_commitments = move |_| {
        let ics = state.model.with_untracked(|m| {
            kindred_core::ics::commitments_ics(id, m.needs.live(), crate::clock::now())
        });
        let today = crate::clock::today();
        crate::download::download_text(
            &format!("kindred-commitments-{today}.ics"),
            "text/calendar",
            &ics,
        );
    };
    view! {
        <div class="helper-details">
        {(!helper.languages.is_empty())
            .then(|| view! { <p class="card-detail">{helper.languages.join(", ")}</p> })}
        <ContactLine label=text::write() value=helper.email.clone() link=email_link(&helper.email) />
        {helper
            .preferred_contact
            .map(|m| view! { <p class="card-detail">{text::labelled(text::preferred_contact(), text::contact_method(m))}</p> })}
        {(!helper.private_note.is_empty())
            .then(|| view! { <p class="entry-note">{helper.private_note.clone()}</p> })}
        <p class="card-detail">{move || { let r = record(); text::help_record(r.times, r.last) }}</p>
        <div class="actions">
            <QrCode record=OneRecord::Helper(helper.clone()) name=helper.name.clone() />
            <Show when=has_commitments>
                <button on:click=download_commitments>{text::commitments_ics()}</button>
            </Show>
        </div>
        </div>
    }
}

/// A phone number or address: a link when it is valid, plain text otherwise.
#[component]
fn ContactLine(
    /// What the link does: "Call" or "Email".
    label: &'static str,
    /// The value as stored.
    value: String,
    /// The `tel:` or `mailto:` link, if the value is valid.
    link: Option<String>,
) -> impl IntoView {
    (!value.is_empty()).then(|| match link {
        Some(href) => view! {
            <p class="card-detail">
                {label} ": " <a href=href>{value}</a>
            </p>
        }
        .into_any(),
        None => view! {
            <p class="card-detail">
                {label} ": " {value} " " <span class="hint">{text::not_a_link()}</span>
            </p>
        }
        .into_any(),
    })
}
