//! Pieces every form and list shares: labelled fields with their errors, the error summary
//! and the undo bar.

use kindred_core::validation::{Field, FieldError};
use leptos::prelude::*;

use crate::dom::focus;
use crate::text;

/// The element id of a form's field: `helper` and `last_contacted` make `helper-last-contacted`.
/// The one place where a field's name becomes an id on the page.
pub fn element_id<F: Field>(form: &str, field: F) -> String {
    format!("{form}-{}", field.name().replace('_', "-"))
}

/// The problem with one field, if the last try to save found one.
pub fn error_for<F: Field>(
    errors: RwSignal<Vec<FieldError<F>>>,
    field: F,
) -> Signal<Option<&'static str>> {
    Signal::derive(move || {
        errors.with(|errors| {
            errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| text::problem(e.problem))
        })
    })
}

/// The list of problems at the top of a form, announced when it appears.
#[component]
pub fn ErrorSummary<F: Field>(
    /// The problems found by the last try to save.
    errors: RwSignal<Vec<FieldError<F>>>,
) -> impl IntoView {
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div class="form-errors" role="alert">
                <p>{text::fix_the_form()}</p>
                <ul>
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|e| view! { <li>{text::labelled(text::field(e.field), text::problem(e.problem))}</li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// What kind of text a [`TextField`] takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Input {
    Line,
    Lines,
    Phone,
    Email,
    Date,
    /// Words to type exactly: no spelling help, no capitals added, nothing remembered.
    Passphrase,
    /// A web address.
    Address,
    /// The person's own login to a server, which password managers may fill.
    UserName,
    Password,
}

/// A labelled text field with an optional hint and the error of the last save.
#[component]
pub fn TextField(
    /// The element id, unique on the page.
    id: &'static str,
    /// The visible label, which is also the accessible name.
    label: &'static str,
    /// What kind of text it takes.
    input: Input,
    /// The current value.
    value: Signal<String>,
    /// Called with the new value as the person types.
    on_input: Callback<String>,
    /// The problem with this field, if any.
    #[prop(optional)]
    error: Option<Signal<Option<&'static str>>>,
    /// A line of help under the field.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Whether the field must be filled in.
    #[prop(optional)]
    required: bool,
    /// The id of a `<datalist>` of suggestions, if there are any.
    #[prop(default = None)]
    suggestions: Option<&'static str>,
    /// The latest date a date field accepts (today, which moves at midnight).
    #[prop(optional, into)]
    max: Option<Signal<String>>,
) -> impl IntoView {
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = {
        let error_id = error_id.clone();
        move || {
            let ids: Vec<&str> = [
                hint.map(|_| hint_id.as_str()),
                error.get().map(|_| error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.get().map(|_| "true");
    let on_change = move |ev| on_input.run(event_target_value(&ev));
    let control = match input {
        Input::Lines => view! {
            <textarea
                id=id
                rows="3"
                required=required
                aria-required=required.then_some("true")
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=on_change
            ></textarea>
        }
        .into_any(),
        _ => {
            // Phone and e-mail fields hold other people's details (a helper's, a neighbour's):
            // the browser must not offer the person's own number or address for them.
            // E-mail and web addresses are text fields with their keyboard (`inputmode`):
            // `type="email"` and `"url"` strip a space as it is typed, and the field, given its
            // value back, loses the space and jumps the caret ("may at" became "atmay").
            let (kind, keyboard, autocomplete) = match input {
                Input::Phone => ("tel", None, "off"),
                Input::Email => ("text", Some("email"), "off"),
                Input::Date => ("date", None, "off"),
                Input::Address => ("text", Some("url"), "url"),
                Input::UserName => ("text", None, "username"),
                Input::Password => ("password", None, "current-password"),
                _ => ("text", None, "off"),
            };
            let exact = matches!(
                input,
                Input::Passphrase | Input::Address | Input::UserName | Input::Email
            )
            .then_some("false");
            view! {
                <input
                    id=id
                    type=kind
                    inputmode=keyboard
                    autocomplete=autocomplete
                    spellcheck=exact
                    autocapitalize=exact.map(|_| "none")
                    list=suggestions
                    max=move || max.map(|max| max.get())
                    required=required
                    aria-required=required.then_some("true")
                    aria-invalid=invalid
                    aria-describedby=described_by
                    prop:value=move || value.get()
                    on:input=on_change
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="hint">{h}</p> })}
            {move || error.get().map(|m| view! { <p id=error_id.clone() class="field-error">{m}</p> })}
        </div>
    }
}

/// A group of checkboxes under a legend, for choosing several of a few options.
#[component]
pub fn CheckboxGroup<T>(
    /// The group's name.
    legend: &'static str,
    /// Prefix of the checkboxes' element ids, unique on the page.
    id_prefix: &'static str,
    /// Each option's value and label.
    options: Vec<(T, String)>,
    /// The options chosen now.
    chosen: Signal<Vec<T>>,
    /// Called with the options chosen after a box is ticked or cleared.
    on_change: Callback<Vec<T>>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    // A memo, so that typing in another field of the form does not revisit every box.
    let chosen = Memo::new(move |_| chosen.get());
    let long = options.len() > SHOWN_WITHOUT_SEARCH;
    let query = RwSignal::new(String::new());
    let options = StoredValue::new(
        options
            .into_iter()
            .enumerate()
            .map(|(i, (value, label))| (i, value, label.to_lowercase(), label))
            .collect::<Vec<_>>(),
    );
    // A long list (someone's hundreds of categories) shows what is chosen and what matches
    // the search, a screenful at most, so that the form opens and types at once.
    let shown = move || {
        let query = query.get().to_lowercase();
        options.with_value(|options| {
            chosen.with(|chosen| {
                let mut matches = 0;
                options
                    .iter()
                    .filter(|(_, value, folded, _)| {
                        if !long || chosen.contains(value) {
                            return true;
                        }
                        let hit = folded.contains(&query) && matches < SHOWN_WITHOUT_SEARCH;
                        matches += usize::from(hit);
                        hit
                    })
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    };
    let search_id = format!("{id_prefix}-search");
    view! {
        <fieldset class="field checkboxes">
            <legend>{legend}</legend>
            {long.then(|| view! {
                <label for=search_id.clone() class="search-label">{text::labelled(text::find(), legend)}</label>
                <input
                    id=search_id.clone()
                    type="search"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            })}
            <For each=shown key=|(i, ..)| *i let:option>
                {
                    let (i, value, _, label) = option;
                    let id = format!("{id_prefix}-{i}");
                    let shown = value.clone();
                    view! {
                        <span class="choice">
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=move || chosen.with(|c| c.contains(&shown))
                                on:change=move |ev| {
                                    let mut now = chosen.get_untracked();
                                    now.retain(|c| *c != value);
                                    if event_target_checked(&ev) {
                                        now.push(value.clone());
                                    }
                                    on_change.run(now);
                                }
                            />
                            <label for=id>{label}</label>
                        </span>
                    }
                }
            </For>
        </fieldset>
    }
}

/// How many options a checkbox group shows before it offers a search instead.
const SHOWN_WITHOUT_SEARCH: usize = 24;

/// A draft's text field as a value to show and a setter for [`TextField`].
pub fn bind<D: Send + Sync + 'static>(
    draft: RwSignal<D>,
    read: fn(&D) -> &String,
    write: fn(&mut D) -> &mut String,
) -> (Signal<String>, Callback<String>) {
    (
        Signal::derive(move || draft.with(|d| read(d).clone())),
        Callback::new(move |value: String| draft.update(|d| *write(d) = value)),
    )
}

/// A labelled choice of one category, or none.
#[component]
pub fn CategorySelect(
    /// The element id, unique on the page.
    id: &'static str,
    /// The visible label, which is also the accessible name.
    label: &'static str,
    /// What the empty choice says: "(none)", "All categories".
    none_label: &'static str,
    /// The categories to offer.
    categories: Signal<Vec<String>>,
    /// The category chosen now; empty for none.
    value: Signal<String>,
    /// Called with the new choice; empty for none.
    on_change: Callback<String>,
) -> impl IntoView {
    // Memos, so that typing in another field of the form does not revisit every option of a
    // long list.
    let value = Memo::new(move |_| value.get());
    let categories = Memo::new(move |_| categories.get());
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                <option value="" selected=move || value.with(String::is_empty)>
                    {none_label}
                </option>
                {move || {
                    categories
                        .get()
                        .into_iter()
                        .map(|category| {
                            let compared = category.clone();
                            let option_value = category.clone();
                            view! {
                                <option
                                    value=option_value
                                    selected=move || value.with(|v| *v == compared)
                                >
                                    {text::category_name(&category).to_string()}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// A labelled choice of one of a few values (an urgency, a period), each option said in
/// words. An option's value in the page is its place in `options`: the choice comes back
/// as the value itself, with nothing to spell or parse.
#[component]
pub fn ChoiceSelect<T>(
    /// The element id, unique on the page.
    id: &'static str,
    /// The visible label, which is also the accessible name.
    label: &'static str,
    /// Each option's value and words.
    options: Vec<(T, String)>,
    /// The option for no choice at all, where there is one ("No preference").
    #[prop(optional)]
    none_label: Option<&'static str>,
    /// A line of help under the field.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The option chosen now.
    chosen: Signal<Option<T>>,
    /// Called with the option chosen, or `None` for the no-choice option.
    on_change: Callback<Option<T>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let values: Vec<T> = options.iter().map(|(value, _)| *value).collect();
    let change = move |ev| {
        let place = event_target_value(&ev).parse::<usize>().ok();
        on_change.run(place.and_then(|i| values.get(i).copied()));
    };
    let hint_id = hint.map(|_| format!("{id}-hint"));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id aria-describedby=hint_id.clone() on:change=change>
                {none_label
                    .map(|none| {
                        view! {
                            <option value="" selected=move || chosen.get().is_none()>
                                {none}
                            </option>
                        }
                    })}
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(place, (value, words))| {
                        view! {
                            <option value=place.to_string() selected=move || chosen.get() == Some(value)>
                                {words}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            {hint.map(|hint| view! { <p id=hint_id.clone() class="hint">{hint}</p> })}
        </div>
    }
}

/// Finishes a try to save a form: `keep` gets the checked record; otherwise the problems are
/// shown and focus moves to the first field with one (its [`element_id`] in `form`).
pub fn settle<T, F: Field>(
    checked: Result<T, Vec<FieldError<F>>>,
    errors: RwSignal<Vec<FieldError<F>>>,
    form: &str,
    keep: impl FnOnce(T),
) {
    match checked {
        Ok(record) => keep(record),
        Err(found) => {
            if let Some(first) = found.first() {
                focus(&format!("#{}", element_id(form, first.field)));
            }
            errors.set(found);
        }
    }
}

/// Closes a form and puts focus back on the button that opened it.
pub fn close_form(on_close: impl Fn(), opener: &str) {
    on_close();
    focus(opener);
}

/// The search box of a list, filtering as the person types.
#[component]
pub fn SearchBox(
    /// The element id, unique on the page.
    id: &'static str,
    /// The words typed so far.
    query: Signal<String>,
    /// Called with the new words as the person types.
    on_input: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="search">
            <label for=id>{text::search()}</label>
            <input
                id=id
                type="search"
                autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        </div>
    }
}
