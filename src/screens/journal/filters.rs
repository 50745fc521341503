//! Search as you type, and filters by kind, category and dates.

use chrono::NaiveDate;
use kindred_core::journal::{JournalFilter, Kind};
use leptos::prelude::*;

use crate::components::form_parts::{CategorySelect, ChoiceSelect, SearchBox};
use crate::state::AppState;
use crate::text;

#[component]
pub fn Filters(
    /// The filter these controls edit.
    filter: RwSignal<JournalFilter>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let categories = move || state.model.with(|m| m.settings.categories.clone());
    let date_value = |date: Option<NaiveDate>| date.map(|d| d.to_string()).unwrap_or_default();
    let parse_date = |text: String| text.parse::<NaiveDate>().ok();
    view! {
        <SearchBox
            id="journal-search"
            query=Signal::derive(move || filter.with(|f| f.query.clone()))
            on_input=Callback::new(move |query| filter.update(|f| f.query = query))
        />
        <details class="filters">
            <summary>{text::filters()}</summary>
            <div class="filter-fields">
                <ChoiceSelect
                    id="filter-kind"
                    label=text::filter_kind()
                    options=Kind::ALL.into_iter().map(|k| (k, text::kind(k).to_string())).collect()
                    none_label=text::all_kinds()
                    chosen=Signal::derive(move || filter.with(|f| f.kind))
                    on_change=Callback::new(move |kind| filter.update(|f| f.kind = kind))
                />
                <CategorySelect
                    id="filter-category"
                    label=text::filter_category()
                    none_label=text::all_categories()
                    categories=Signal::derive(categories)
                    value=Signal::derive(move || filter.with(|f| f.category.clone().unwrap_or_default()))
                    on_change=Callback::new(move |category: String| {
                        filter.update(|f| f.category = (!category.is_empty()).then_some(category))
                    })
                />
                <div class="field">
                    <label for="filter-from">{text::from_date()}</label>
                    <input
                        id="filter-from"
                        type="date"
                        prop:value=move || filter.with(|f| date_value(f.from))
                        on:input=move |ev| filter.update(|f| f.from = parse_date(event_target_value(&ev)))
                    />
                </div>
                <div class="field">
                    <label for="filter-to">{text::to_date()}</label>
                    <input
                        id="filter-to"
                        type="date"
                        prop:value=move || filter.with(|f| date_value(f.to))
                        on:input=move |ev| filter.update(|f| f.to = parse_date(event_target_value(&ev)))
                    />
                </div>
            </div>
            <button
                class="quiet"
                on:click=move |_| filter.set(JournalFilter::default())
                disabled=move || filter.with(JournalFilter::is_empty)
            >
                {text::clear_filters()}
            </button>
        </details>
    }
}
