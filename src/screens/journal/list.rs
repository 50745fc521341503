//! The list of entries, newest first and grouped by day, a page at a time.

use chrono::NaiveDate;
use kindred_core::journal::{newest_first, JournalEntry, JournalFilter};
use leptos::prelude::*;
use uuid::Uuid;

use crate::state::AppState;
use crate::text;

/// How many entries the list shows at first and adds per "Show more": keeps the page light
/// with ten thousand entries.
const PAGE: usize = 50;

/// An entry as the list shows it.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    entry: JournalEntry,
    /// The first entry of its day carries the day's heading.
    starts_day: bool,
}

/// The entries that pass the filter, newest first, a page at a time.
#[component]
pub fn EntryList(
    /// Which entries to show.
    filter: Signal<JournalFilter>,
    /// Called with an entry's id when its Edit button is pressed.
    on_edit: Callback<Uuid>,
    /// Called with an entry's id when its Delete button is pressed.
    on_delete: Callback<Uuid>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = RwSignal::new(PAGE);
    // A new search or filter starts from the top again.
    Effect::new(move |_| {
        filter.track();
        shown.set(PAGE);
    });
    // The rows up to the page limit, and how many entries pass the filter in all.
    let page = Memo::new(move |_| {
        filter.with(|filter| {
            state.model.with(|model| {
                let mut matching: Vec<&JournalEntry> =
                    model.journal.live().filter(|e| filter.matches(e)).collect();
                newest_first(&mut matching);
                let total = matching.len();
                let mut previous_day = None;
                let rows: Vec<Row> = matching
                    .into_iter()
                    .take(shown.get())
                    .map(|entry| {
                        let starts_day = previous_day != Some(entry.date);
                        previous_day = Some(entry.date);
                        Row {
                            entry: entry.clone(),
                            starts_day,
                        }
                    })
                    .collect();
                (rows, total)
            })
        })
    });
    let total = move || page.with(|(_, total)| *total);
    let is_empty = move || state.model.with(|m| m.journal.live_count() == 0);
    view! {
        <Show when=move || !is_empty() fallback=|| view! { <p class="empty">{text::no_entries()}</p> }>
            <p class="count">
                {move || if total() == 0 { text::no_matches().to_string() } else { text::entries(total()) }}
            </p>
            <ul class="entries" aria-label=text::journal_entries()>
                <For
                    each=move || page.get().0
                    key=|row| (row.entry.id, row.entry.updated_at, row.starts_day)
                    children=move |row| view! { <EntryItem row on_edit on_delete today=state.today /> }
                />
            </ul>
            <Show when=move || page.with(|(rows, total)| rows.len() < *total)>
                <button on:click=move |_| shown.update(|n| *n += PAGE)>{text::show_more()}</button>
            </Show>
        </Show>
    }
}

/// One entry in the list.
#[component]
fn EntryItem(
    /// The entry, and whether it opens its day.
    row: Row,
    /// Called with the entry's id to edit it.
    on_edit: Callback<Uuid>,
    /// Called with the entry's id to delete it.
    on_delete: Callback<Uuid>,
    /// Today's date, for "Today" and "Yesterday".
    today: ReadSignal<NaiveDate>,
) -> impl IntoView {
    let Row { entry, starts_day } = row;
    let id = entry.id;
    // "Today" and "Yesterday" move at midnight without redrawing the entry.
    let date = entry.date;
    let day = move || text::date(date, today.get());
    let details = text::joined([
        entry.person.clone(),
        text::category_name(&entry.category).to_string(),
        entry.tags.join(", "),
    ]);
    view! {
        <li class="entry" class:starts-day=starts_day>
            {starts_day.then(|| view! { <h3 class="day">{day}</h3> })}
            <p class="entry-meta">
                <span class=format!("kind kind-{}", entry.kind.as_str())>{text::kind(entry.kind)}</span>
                " · "
                <time datetime=date.to_string()>{day}</time>
            </p>
            <p class="entry-text">{entry.text.clone()}</p>
            {(!details.is_empty()).then(|| view! { <p class="entry-details">{details}</p> })}
            {(!entry.private_note.is_empty())
                .then(|| view! { <p class="entry-note">{entry.private_note.clone()}</p> })}
            <div class="actions">
                <button on:click=move |_| on_edit.run(id)>{text::edit()}</button>
                <button class="danger" on:click=move |_| on_delete.run(id)>{text::delete()}</button>
            </div>
        </li>
    }
}
