//! Taking in a neighbour's file: read, check, preview, confirm or cancel, and undo.

use std::collections::BTreeMap;

use kindred_core::difference::Compared;
use kindred_core::import::{self, Choice, Outcome, Plan, Planned};
use kindred_core::locked::{self, Envelope};
use kindred_core::share::{self, FileProblem, ParsedFile, Shareable, MAX_FILE_BYTES};
use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::JsCast;

use super::compare::{compare, Comparison, SideBySide};
use crate::clock;
use crate::components::form_parts::{Input, TextField};
use crate::dom::focus;
use crate::state::AppState;
use crate::text;

/// An import waiting for the reader's word: the file, and the plan the preview shows. The
/// plan is worked out again at confirm, so that a change made meanwhile is merged, not
/// overwritten.
#[derive(Debug, Clone, PartialEq)]
struct Pending {
    file: ParsedFile,
    plan: Plan,
    made_on: Option<chrono::NaiveDate>,
}

#[component]
pub fn TakeIn(
    /// A share file another phone sent face to face: previewed like a file, and taken
    /// (set back to `None`) once it is.
    arrived: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let pending = RwSignal::new(None::<Pending>);
    let refused = RwSignal::new(None::<String>);
    let choices = RwSignal::new(BTreeMap::<Uuid, Choice>::new());
    let skip_consent = RwSignal::new(false);
    let locked_file = RwSignal::new(None::<Envelope>);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    let forget = move || forget_file(input_ref);
    let take_text = move |text: String, face_to_face: bool| {
        match read_share(&state, &text, face_to_face) {
            Ok(read) => {
                pending.set(Some(read));
                // Take the reader to the preview, which may be below the fold.
                request_animation_frame(|| focus("#import-preview-heading"));
            }
            Err(problem) => refused.set(Some(text::import_refused(&problem))),
        }
    };
    // A new file replaces whatever the last one left on the screen.
    let start_over = move || {
        pending.set(None);
        locked_file.set(None);
        refused.set(None);
        choices.set(BTreeMap::new());
        skip_consent.set(false);
    };
    // A file from another phone goes through the same preview, and replaces any file
    // waiting there.
    Effect::new(move || {
        arrived.track();
        if let Some(text) = arrived.try_update_untracked(Option::take).flatten() {
            start_over();
            take_text(text, true);
        }
    });
    match card_link_file() {
        Some(Ok(text)) => take_text(text, true),
        Some(Err(problem)) => refused.set(Some(text::import_refused(&problem))),
        None => {}
    }
    let on_file = Callback::new(move |file: web_sys::File| {
        start_over();
        leptos::task::spawn_local(async move {
            match read_chosen(file).await {
                Chosen::Plain(text) => take_text(text, false),
                Chosen::Locked(envelope) => {
                    locked_file.set(Some(envelope));
                    request_animation_frame(|| focus("#unlock-passphrase"));
                }
                Chosen::Refused(message) => refused.set(Some(message)),
            }
        });
    });
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = dropped_file(&ev) {
            on_file.run(file);
        }
    };
    view! {
        <section
            aria-labelledby="take-in-heading"
            class="drop-zone"
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <h2 id="take-in-heading">{text::take_in_heading()}</h2>
            <p id="take-in-hint">{text::take_in_hint()}</p>
            <FileChoice input_ref on_file />
            <Refusal refused />
            <Show when=move || locked_file.with(Option::is_some)>
                <Unlock
                    locked=locked_file
                    on_open=Callback::new(move |text| take_text(text, false))
                    on_cancel=Callback::new(move |()| {
                        forget();
                        state.announce(text::import_cancelled());
                    })
                />
            </Show>
            <Preview pending choices skip_consent on_done=Callback::new(move |()| forget()) />
            <UndoLastImport />
        </section>
    }
}

/// Reads a share file's text into an import waiting for the reader's word.
/// `face_to_face`: it came from a card link or another phone, which never touch private
/// notes, whatever the file claims.
fn read_share(state: &AppState, text: &str, face_to_face: bool) -> Result<Pending, FileProblem> {
    let mut parsed = share::parse(text, clock::now(), clock::today())?;
    if face_to_face {
        parsed.includes_private = false;
    }
    let made_on = parsed.exported_at.map(|at| at.date_naive());
    let plan = state
        .model
        .with_untracked(|m| import::plan(m, parsed.clone()));
    Ok(Pending {
        file: parsed,
        plan,
        made_on,
    })
}

/// The share file a card link from a QR code carries in the address, if the page was
/// opened from one.
fn card_link_file() -> Option<Result<String, FileProblem>> {
    let data = location_hash()?
        .strip_prefix(&share::CARD_ROUTE[1..])?
        .to_string();
    Some(share::card_link_text(&data))
}

/// The first file dropped on the screen.
fn dropped_file(ev: &leptos::ev::DragEvent) -> Option<web_sys::File> {
    ev.data_transfer()?.files()?.get(0)
}

/// After a decision the file is forgotten: the input is cleared, and a card link's address
/// becomes the Share screen's, so that a reload does not offer it again.
fn forget_file(input_ref: NodeRef<leptos::html::Input>) {
    if let Some(input) = input_ref.get_untracked() {
        input.set_value("");
    }
    if location_hash().is_some_and(|h| h.starts_with(&share::CARD_ROUTE[1..])) {
        let _ = window().history().and_then(|h| {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#/share"))
        });
    }
}

/// What a chosen file turned out to be.
enum Chosen {
    /// A share file's text, to preview.
    Plain(String),
    /// A locked file, waiting for its passphrase.
    Locked(Envelope),
    /// Why it cannot be taken in, in the reader's words.
    Refused(String),
}

/// Reads a file the person chose or dropped, refusing one too large to be a share file
/// before reading it.
async fn read_chosen(file: web_sys::File) -> Chosen {
    let size = file.size() as u64;
    if size > MAX_FILE_BYTES {
        return Chosen::Refused(text::import_refused(&FileProblem::TooLarge { bytes: size }));
    }
    let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
    let text = read.ok().and_then(|t| t.as_string()).unwrap_or_default();
    if !locked::is_locked(&text) {
        Chosen::Plain(text)
    } else if !crate::lock::available() {
        Chosen::Refused(text::lock_needs_secure().to_string())
    } else {
        match locked::open(&text) {
            Ok(envelope) => Chosen::Locked(envelope),
            Err(problem) => Chosen::Refused(text::locked_refused(&problem)),
        }
    }
}

/// The file input, with its label.
#[component]
fn FileChoice(
    /// The input, to clear once a file is decided on.
    input_ref: NodeRef<leptos::html::Input>,
    /// Called with the file chosen.
    on_file: Callback<web_sys::File>,
) -> impl IntoView {
    let on_choose = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            on_file.run(file);
        }
    };
    view! {
        <div class="field">
            <label for="import-file">{text::import_file()}</label>
            <input
                id="import-file"
                type="file"
                accept=".json,application/json"
                aria-describedby="take-in-hint"
                node_ref=input_ref
                on:change=on_choose
            />
        </div>
    }
}

/// Why the last file was refused, until the reader dismisses it.
#[component]
fn Refusal(
    /// The reason, in the reader's words; `None` once dismissed.
    refused: RwSignal<Option<String>>,
) -> impl IntoView {
    move || {
        refused.get().map(|message| {
            view! {
                <div class="alert" role="alert">
                    <p>{message}</p>
                    <div class="actions">
                        <button class="quiet" on:click=move |_| refused.set(None)>{text::dismiss()}</button>
                    </div>
                </div>
            }
        })
    }
}

/// What the waiting file would do, with the reader's choices and the buttons to take it in
/// or cancel.
#[component]
fn Preview(
    /// The file waiting, if there is one.
    pending: RwSignal<Option<Pending>>,
    /// The reader's choices for conflicts, by record id.
    choices: RwSignal<BTreeMap<Uuid, Choice>>,
    /// Whether the reader agreed to leave out what cannot be read.
    skip_consent: RwSignal<bool>,
    /// Called once the file is taken in or cancelled, to forget it.
    on_done: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let confirm = move |_| {
        let Some(Pending { file, .. }) = pending.try_update_untracked(Option::take).flatten()
        else {
            return;
        };
        let plan = state.model.with_untracked(|m| import::plan(m, file));
        let chosen = choices.get_untracked();
        let undo = state.change(|m, now| import::apply(m, plan, &chosen, &mut Uuid::new_v4, now));
        state.announce(&text::imported(undo.len()));
        state.last_import.set(Some(undo));
        pending.set(None);
        on_done.run(());
    };
    let cancel = move |_| {
        pending.set(None);
        on_done.run(());
        state.announce(text::import_cancelled());
    };
    let can_confirm = move || {
        let consent = skip_consent.get();
        pending.with(|p| p.as_ref().is_some_and(|p| p.plan.can_take_in(consent)))
    };
    move || {
        // Drawn from the plan where it lies: a large file's plan is not cloned.
        pending
            .with(|p| p.as_ref().map(PreviewParts::of))
            .map(|parts| {
                view! {
                    <section class="preview" aria-label=text::import_preview()>
                        <h3 id="import-preview-heading" tabindex="-1">{text::import_preview()}</h3>
                        {parts.made_on.map(|d| view! { <p>{text::file_made_on(d)}</p> })}
                        <p class="counts-line">{parts.counts}</p>
                        {parts.changes_nothing.then(|| view! { <p>{text::import_nothing_new()}</p> })}
                        {(!parts.includes_private).then(|| view! { <p class="hint">{text::import_no_private()}</p> })}
                        <Listed names=parts.new heading=text::new_records() />
                        <Changes changes=parts.updated />
                        <Conflicts conflicts=parts.conflicts choices />
                        <Skipped skipped=parts.skipped consent=skip_consent />
                        <div class="actions">
                            <button class="primary" on:click=confirm disabled=move || !can_confirm()>
                                {text::confirm_import()}
                            </button>
                            <button on:click=cancel>{text::cancel_import()}</button>
                        </div>
                    </section>
                }
            })
    }
}

/// The way back from the last import, while there is one.
#[component]
fn UndoLastImport() -> impl IntoView {
    let state = expect_context::<AppState>();
    let undo_last = move |_| {
        if let Some(undo) = state.last_import.get_untracked() {
            let undone = state.change(|m, now| import::undo(m, undo, now));
            state.last_import.set(None);
            if undone.left_alone.is_empty() {
                state.announce(text::import_undone());
            } else {
                state.announce(&text::import_undone_partly(&undone));
            }
        }
    };
    view! {
        <Show when=move || state.last_import.with(Option::is_some)>
            <div class="actions">
                <button on:click=undo_last>{text::undo_last_import()}</button>
            </div>
        </Show>
    }
}

/// A planned record's name, and what it is.
fn describe<T: Shareable>(planned: &Planned<T>) -> String {
    let label = planned
        .local
        .as_ref()
        .filter(|_| planned.incoming.is_deleted())
        .map(Shareable::label)
        .unwrap_or_else(|| planned.incoming.label());
    if planned.incoming.is_deleted() {
        text::with_aside(&label, text::deleted_by_file())
    } else {
        label
    }
}

/// The names of the file's records with one outcome, from every collection.
fn names(plan: &Plan, outcome: Outcome) -> Vec<String> {
    let pick = |p: &dyn Fn() -> (Outcome, String)| {
        let (o, name) = p();
        (o == outcome).then_some(name)
    };
    plan.helpers
        .iter()
        .filter_map(|p| pick(&|| (p.outcome, describe(p))))
        .chain(
            plan.needs
                .iter()
                .filter_map(|p| pick(&|| (p.outcome, describe(p)))),
        )
        .chain(
            plan.journal
                .iter()
                .filter_map(|p| pick(&|| (p.outcome, describe(p)))),
        )
        .chain(
            plan.checkin_people
                .iter()
                .filter_map(|p| pick(&|| (p.outcome, describe(p)))),
        )
        .chain(
            plan.rounds
                .iter()
                .filter_map(|p| pick(&|| (p.outcome, describe(p)))),
        )
        .chain(
            plan.offers
                .iter()
                .filter_map(|p| pick(&|| (p.outcome, text::offer_from(&describe(p))))),
        )
        // A mark names no one on its own: the counts include the marks.
        .filter(|name| !name.is_empty())
        .collect()
}

/// What the preview shows of a plan, made once when the plan is ready.
struct PreviewParts {
    made_on: Option<chrono::NaiveDate>,
    counts: String,
    changes_nothing: bool,
    includes_private: bool,
    new: Vec<String>,
    updated: Vec<Comparison>,
    conflicts: Vec<ConflictView>,
    skipped: Vec<String>,
}

impl PreviewParts {
    fn of(pending: &Pending) -> Self {
        let plan = &pending.plan;
        Self {
            made_on: pending.made_on,
            counts: text::import_counts(&plan.counts()),
            changes_nothing: plan.changes_nothing(),
            includes_private: plan.includes_private,
            new: names(plan, Outcome::New),
            updated: change_views(&plan.helpers)
                .chain(change_views(&plan.needs))
                .chain(change_views(&plan.journal))
                .chain(change_views(&plan.checkin_people))
                .chain(change_views(&plan.rounds))
                .chain(change_views(&plan.offers))
                .take(NAMES_SHOWN)
                .collect(),
            conflicts: conflict_views(&plan.helpers)
                .into_iter()
                .chain(conflict_views(&plan.needs))
                .chain(conflict_views(&plan.journal))
                .chain(conflict_views(&plan.checkin_people))
                .chain(conflict_views(&plan.rounds))
                .chain(conflict_views(&plan.marks))
                .chain(conflict_views(&plan.offers))
                .collect(),
            skipped: plan.skipped.iter().map(text::skipped).collect(),
        }
    }
}

/// How many names a list of new or updated records shows: enough to recognise the file,
/// few enough that a file of thousands previews at once. The counts line has the totals.
const NAMES_SHOWN: usize = 50;

/// The records with one outcome, listed by name (the first [`NAMES_SHOWN`]).
#[component]
fn Listed(
    /// The records' names.
    names: Vec<String>,
    /// The list's heading.
    heading: &'static str,
) -> impl IntoView {
    let more = names.len().saturating_sub(NAMES_SHOWN);
    (!names.is_empty()).then(|| {
        view! {
            <h4>{heading}</h4>
            <ul aria-label=heading>
                {names.into_iter().take(NAMES_SHOWN).map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
            {(more > 0).then(|| view! { <p class="hint">{text::and_more(more)}</p> })}
        }
    })
}

/// A conflict shown side by side, with the reader's choice.
#[derive(Debug, Clone)]
struct ConflictView {
    id: Uuid,
    comparison: Comparison,
}

fn conflict_views<T: Compared>(planned: &[Planned<T>]) -> Vec<ConflictView> {
    planned
        .iter()
        .filter(|p| p.outcome == Outcome::Conflict)
        .filter_map(|p| {
            let local = p.local.as_ref()?;
            Some(ConflictView {
                id: p.incoming.id(),
                comparison: compare(local, &p.incoming),
            })
        })
        .collect()
}

/// What each update changes: the record here now beside the record after the import.
fn change_views<T: Compared>(planned: &[Planned<T>]) -> impl Iterator<Item = Comparison> + '_ {
    planned
        .iter()
        .filter(|p| p.outcome == Outcome::Updated)
        .filter_map(|p| Some(compare(p.local.as_ref()?, &p.merged)))
}

/// The updated records, each with what it changes, so that a new phone number a file
/// brings is seen before it is taken in.
#[component]
fn Changes(
    /// The first updates, each as before and after.
    changes: Vec<Comparison>,
) -> impl IntoView {
    (!changes.is_empty()).then(|| {
        view! {
            <h4>{text::updated_records()}</h4>
            <ul aria-label=text::updated_records() class="changes">
                {changes
                    .into_iter()
                    .map(|change| {
                        view! {
                            <li>
                                <strong>{change.label.clone()}</strong>
                                <SideBySide comparison=change left=text::here_now() right=text::after_import() />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}

#[component]
fn Conflicts(
    /// The records both sides changed, side by side.
    conflicts: Vec<ConflictView>,
    /// The reader's choices by record id.
    choices: RwSignal<BTreeMap<Uuid, Choice>>,
) -> impl IntoView {
    (!conflicts.is_empty()).then(|| {
        view! {
            <h4>{text::conflicts()}</h4>
            <p class="hint">{text::conflict_hint()}</p>
            {conflicts
                .into_iter()
                .map(|conflict| {
                    let id = conflict.id;
                    let group = format!("conflict-{id}");
                    let label = text::labelled(text::conflicts(), &conflict.comparison.label);
                    view! {
                        <div class="conflict" role="group" aria-label=label>
                            <p><strong>{conflict.comparison.label.clone()}</strong></p>
                            <SideBySide comparison=conflict.comparison left=text::yours() right=text::theirs() />
                            <div class="choices">
                                {[(Choice::KeepMine, text::keep_mine()), (Choice::TakeTheirs, text::take_theirs()), (Choice::KeepBoth, text::keep_both())]
                                    .into_iter()
                                    .map(|(choice, label)| {
                                        let input_id = format!("{group}-{label}").replace(' ', "-");
                                        view! {
                                            <span class="choice">
                                                <input
                                                    type="radio"
                                                    name=group.clone()
                                                    id=input_id.clone()
                                                    prop:checked=move || choices.with(|c| c.get(&id) == Some(&choice))
                                                    on:change=move |_| choices.update(|c| { c.insert(id, choice); })
                                                />
                                                <label for=input_id>{label}</label>
                                            </span>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        </div>
                    }
                })
                .collect_view()}
        }
    })
}

/// Records that cannot be read, and the reader's consent to leave them out.
#[component]
fn Skipped(
    /// What cannot be read, and where.
    skipped: Vec<String>,
    /// Whether the reader agreed to leave them out.
    consent: RwSignal<bool>,
) -> impl IntoView {
    (!skipped.is_empty()).then(|| {
        view! {
            <h4>{text::skipped_records()}</h4>
            <p class="hint">{text::skip_needed()}</p>
            <ul aria-label=text::skipped_records()>
                {skipped.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
            <div class="field choice-field">
                <input
                    id="skip-consent"
                    type="checkbox"
                    prop:checked=move || consent.get()
                    on:change=move |ev| consent.set(event_target_checked(&ev))
                />
                <label for="skip-consent">{text::skip_consent()}</label>
            </div>
        }
    })
}

/// A locked file waiting for its passphrase. The passphrase lives only in this form while it
/// is typed, and is dropped once the file opens or the form is left.
#[component]
fn Unlock(
    /// The locked file; taken (set to `None`) once it opens or is cancelled.
    locked: RwSignal<Option<Envelope>>,
    /// Called with the share file inside, to preview as any other.
    on_open: Callback<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let failed = RwSignal::new(false);
    let working = RwSignal::new(false);
    let unlock = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(envelope) = locked.get_untracked() else {
            return;
        };
        failed.set(false);
        working.set(true);
        leptos::task::spawn_local(async move {
            let opened = crate::lock::unlock(&passphrase.get_untracked(), &envelope).await;
            working.set(false);
            match opened {
                Some(text) => {
                    passphrase.set(String::new());
                    locked.set(None);
                    on_open.run(text);
                }
                None => failed.set(true),
            }
        });
    };
    let cancel = move |_| {
        passphrase.set(String::new());
        locked.set(None);
        on_cancel.run(());
    };
    view! {
        <form class="preview" aria-labelledby="locked-heading" on:submit=unlock>
            <h3 id="locked-heading">{text::locked_file_heading()}</h3>
            <p>{text::locked_file_hint()}</p>
            <TextField
                id="unlock-passphrase"
                label=text::passphrase()
                input=Input::Passphrase
                value=passphrase.into()
                on_input=Callback::new(move |v| passphrase.set(v))
            />
            <Show when=move || failed.get()>
                <div class="alert" role="alert">
                    <p>{text::unlock_failed()}</p>
                </div>
            </Show>
            <Show when=move || working.get()>
                <p role="status">{text::unlocking()}</p>
            </Show>
            <div class="actions">
                <button type="submit" class="primary" disabled=move || working.get()>{text::unlock()}</button>
                <button type="button" on:click=cancel>{text::cancel_import()}</button>
            </div>
        </form>
    }
}

/// Reads the element an event happened on as the type it is.
fn event_target<T: JsCast>(ev: &leptos::ev::Event) -> T {
    ev.target().expect("an event has a target").unchecked_into()
}
