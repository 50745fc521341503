//! The journal: log, find, edit and delete acts of kindness.

use kindred_core::categories;
use kindred_core::journal::{newest_first, JournalDraft, JournalEntry, Kind};
use kindred_core::validation::FieldError;
use leptos::prelude::*;
use uuid::Uuid;

use super::ScreenHeading;
use crate::clock;
use crate::dom::focus;
use crate::routes::Screen;
use crate::state::AppState;
use crate::text;

/// How many entries the list shows at first and adds per "Show more": keeps the page light
/// with ten thousand entries.
const PAGE: usize = 50;

/// What the entry form is for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum FormFor {
    New,
    Edit(Uuid),
}

#[component]
pub fn JournalScreen() -> impl IntoView {
    let state = expect_context::<AppState>();
    let form_for = RwSignal::new(None::<FormFor>);
    let query = RwSignal::new(String::new());
    let last_deleted = RwSignal::new(None::<JournalEntry>);

    let delete = move |id: Uuid| {
        let removed = state.change(|model, now| model.journal.delete(id, now));
        if form_for.get_untracked() == Some(FormFor::Edit(id)) {
            form_for.set(None);
        }
        last_deleted.set(removed);
    };
    let undo = move |_| {
        if let Some(entry) = last_deleted.get_untracked() {
            state.change(|model, now| model.journal.restore(entry, now));
            last_deleted.set(None);
        }
    };

    view! {
        <ScreenHeading screen=Screen::Journal />
        <div class="toolbar">
            <button
                id="log-a-kindness"
                class="primary"
                on:click=move |_| form_for.set(Some(FormFor::New))
            >
                {text::LOG_A_KINDNESS}
            </button>
        </div>
        {move || {
            form_for
                .get()
                .map(|target| view! { <EntryForm target on_close=move || form_for.set(None) /> })
        }}
        <Show when=move || last_deleted.with(Option::is_some)>
            <div class="undo-bar">
                <span>{text::ENTRY_DELETED}</span>
                <button on:click=undo>{text::UNDO}</button>
            </div>
        </Show>
        <div class="search">
            <label for="journal-search">{text::SEARCH}</label>
            <input
                id="journal-search"
                type="search"
                autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </div>
        <EntryList
            query=query.into()
            on_edit=Callback::new(move |id| form_for.set(Some(FormFor::Edit(id))))
            on_delete=Callback::new(delete)
        />
    }
}

/// The entries, newest first, filtered by the search, a page at a time.
#[component]
fn EntryList(
    /// Words that every shown entry contains.
    query: Signal<String>,
    /// Called with an entry's id when its Edit button is pressed.
    on_edit: Callback<Uuid>,
    /// Called with an entry's id when its Delete button is pressed.
    on_delete: Callback<Uuid>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let shown = RwSignal::new(PAGE);
    // A new search starts from the top again.
    Effect::new(move |_| {
        query.track();
        shown.set(PAGE);
    });
    // The matching entries up to the page limit, and how many match in all.
    let page = Memo::new(move |_| {
        let query = query.get();
        state.model.with(|model| {
            let mut matching: Vec<&JournalEntry> =
                model.journal.live().filter(|e| e.matches(&query)).collect();
            newest_first(&mut matching);
            let total = matching.len();
            let visible: Vec<JournalEntry> =
                matching.into_iter().take(shown.get()).cloned().collect();
            (visible, total)
        })
    });
    let is_empty = move || state.model.with(|m| m.journal.live_count() == 0);
    view! {
        <Show when=move || !is_empty() fallback=|| view! { <p class="empty">{text::NO_ENTRIES}</p> }>
            <Show when=move || page.with(|(_, total)| *total > 0)>
                <p class="count">{move || matching_count(page.with(|(_, total)| *total))}</p>
            </Show>
            <Show when=move || page.with(|(_, total)| *total == 0)>
                <p class="empty">{text::NO_MATCHES}</p>
            </Show>
            <ul class="entries" aria-label=text::JOURNAL_ENTRIES>
                <For
                    each=move || page.get().0
                    key=|entry| (entry.id, entry.updated_at)
                    children=move |entry| view! { <EntryItem entry on_edit on_delete /> }
                />
            </ul>
            <Show when=move || page.with(|(visible, total)| visible.len() < *total)>
                <button on:click=move |_| shown.update(|n| *n += PAGE)>"Show more"</button>
            </Show>
        </Show>
    }
}

fn matching_count(total: usize) -> String {
    match total {
        1 => "1 entry".into(),
        n => format!("{n} entries"),
    }
}

/// One entry in the list.
#[component]
fn EntryItem(
    /// The entry to show.
    entry: JournalEntry,
    /// Called with the entry's id to edit it.
    on_edit: Callback<Uuid>,
    /// Called with the entry's id to delete it.
    on_delete: Callback<Uuid>,
) -> impl IntoView {
    let id = entry.id;
    let details = [
        entry.person.clone(),
        entry.category.clone(),
        entry.tags.join(", "),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <li class="entry">
            <p class="entry-meta">
                <span class=format!("kind kind-{}", entry.kind.as_str())>{text::kind(entry.kind)}</span>
                " · "
                <time datetime=entry.date.to_string()>{text::date(entry.date, clock::today())}</time>
            </p>
            <p class="entry-text">{entry.text.clone()}</p>
            {(!details.is_empty()).then(|| view! { <p class="entry-details">{details}</p> })}
            {(!entry.private_note.is_empty())
                .then(|| view! { <p class="entry-note">{entry.private_note.clone()}</p> })}
            <div class="actions">
                <button on:click=move |_| on_edit.run(id)>{text::EDIT}</button>
                <button class="danger" on:click=move |_| on_delete.run(id)>{text::DELETE}</button>
            </div>
        </li>
    }
}

/// The form that logs a new entry or edits one.
#[component]
fn EntryForm(
    /// A new entry, or the entry to edit.
    target: FormFor,
    /// Called when the form is saved or cancelled.
    on_close: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let existing = match target {
        FormFor::Edit(id) => state.model.with_untracked(|m| m.journal.get(id).cloned()),
        FormFor::New => None,
    };
    let draft = RwSignal::new(match &existing {
        Some(entry) => JournalDraft::from_entry(entry),
        None => JournalDraft::new_for(clock::today()),
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let categories = state.model.with_untracked(|m| {
        let mut all: Vec<String> = categories::SEEDED.iter().map(|c| c.to_string()).collect();
        for entry in m.journal.live() {
            if !entry.category.is_empty() && !all.contains(&entry.category) {
                all.push(entry.category.clone());
            }
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
        FormFor::New => text::NEW_ENTRY,
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
