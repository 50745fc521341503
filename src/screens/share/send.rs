//! Making a file for a neighbour.

use kindred_core::passphrase;
use kindred_core::share::{self, ExportChoice};
use leptos::prelude::*;

use crate::clock;
use crate::components::form_parts::{Input, TextField};
use crate::download::{can_share_files, download_text, share_text};
use crate::state::AppState;
use crate::text;

const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[component]
pub fn Send(
    /// What to put in the file (face to face follows the same choices).
    choice: RwSignal<ExportChoice>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let nothing_chosen = move || choice.with(ExportChoice::is_empty);
    let can_share = can_share_files();

    // Makes the file's text. Nothing is marked as sent: each record's revisions say what
    // it has seen, whether or not this file ever arrives.
    let make_file = move || {
        let chosen = choice.get_untracked();
        let file = state
            .model
            .with_untracked(|m| share::export(m, chosen, clock::now(), APP_VERSION));
        (share::file_name(clock::today()), share::to_json(&file))
    };
    let lock = Lock::new();
    // Hands the file on, locked first when that was chosen; a locked file is made off the
    // page's way (WebCrypto works in the background) with a progress line meanwhile.
    let deliver = move |hand_on: fn(AppState, ExportChoice, &str, &str)| {
        let chosen = choice.get_untracked();
        if !lock.wanted.get_untracked() {
            let (name, json) = make_file();
            hand_on(state, chosen, &name, &json);
            return;
        }
        let Some(passphrase) = lock.checked() else {
            return;
        };
        let (name, json) = make_file();
        lock.working.set(true);
        leptos::task::spawn_local(async move {
            let locked = crate::lock::lock(&passphrase, &json).await;
            lock.working.set(false);
            match locked {
                Ok(locked) => {
                    lock.forget();
                    hand_on(state, chosen, &name, &locked);
                }
                Err(why) => lock.error.set(Some(text::lock_failed(
                    &why.as_string().unwrap_or_default(),
                ))),
            }
        });
    };
    let export = move |_| {
        deliver(|state, chosen, name, text| {
            if download_text(name, "application/json", text) {
                // A file with everything in it is a backup; one with only the directory is
                // not. (A file handed to the share sheet is not counted: whether it went
                // anywhere is not known.)
                if chosen.is_everything() {
                    state.change_settings(|s| s.last_export_at = Some(clock::now()));
                }
                // Said with the file's name, for the person to find it among their files.
                if kindred_core::locked::is_locked(text) {
                    state.announce(&text::locked_exported_to(name));
                } else {
                    state.announce(&text::exported_to(name));
                }
            }
        })
    };
    let share_file = move |_| {
        deliver(|_, _, name, text| {
            share_text(name, "application/json", text);
        })
    };
    let toggle = |label: &'static str,
                  id: &'static str,
                  get: fn(&ExportChoice) -> bool,
                  set: fn(&mut ExportChoice, bool)| {
        view! {
            <span class="choice">
                <input
                    type="checkbox"
                    id=id
                    prop:checked=move || choice.with(get)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        choice.update(|c| set(c, on));
                    }
                />
                <label for=id>{label}</label>
            </span>
        }
    };

    view! {
        <section aria-labelledby="send-heading">
            <h2 id="send-heading">{text::send_heading()}</h2>
            <p>{text::send_hint()}</p>
            <fieldset class="field checkboxes">
                <legend>{text::what_to_share()}</legend>
                {toggle(text::share_helpers(), "share-helpers", |c| c.helpers, |c, on| c.helpers = on)}
                {toggle(text::share_needs(), "share-needs", |c| c.needs, |c, on| c.needs = on)}
                {toggle(text::share_journal(), "share-journal", |c| c.journal, |c, on| c.journal = on)}
                {toggle(text::share_check_ins(), "share-check-ins", |c| c.check_ins, |c, on| c.check_ins = on)}
                {toggle(text::share_private(), "share-private", |c| c.private_notes, |c, on| c.private_notes = on)}
            </fieldset>
            <p class="hint" id="export-leaves-out">{move || choice.with(text::export_leaves_out)}</p>
            <Show when=nothing_chosen>
                <p class="field-error">{text::nothing_chosen()}</p>
            </Show>
            <LockChoice lock />
            <div class="actions">
                <button
                    class="primary"
                    on:click=export
                    disabled=move || nothing_chosen() || lock.working.get()
                    aria-describedby="export-leaves-out"
                >
                    {text::export()}
                </button>
                {can_share.then(|| view! { <button on:click=share_file disabled=nothing_chosen>{text::share_file()}</button> })}
            </div>
        </section>
    }
}

/// The choice to lock the file, and its passphrase while it is being typed.
#[derive(Clone, Copy)]
struct Lock {
    wanted: RwSignal<bool>,
    passphrase: RwSignal<String>,
    repeated: RwSignal<String>,
    error: RwSignal<Option<String>>,
    working: RwSignal<bool>,
}

impl Lock {
    fn new() -> Self {
        Self {
            wanted: RwSignal::new(false),
            passphrase: RwSignal::new(String::new()),
            repeated: RwSignal::new(String::new()),
            error: RwSignal::new(None),
            working: RwSignal::new(false),
        }
    }

    /// The passphrase, when it may be used: not empty, and typed the same twice. Otherwise
    /// says why, and nothing is made.
    fn checked(self) -> Option<String> {
        let passphrase = self.passphrase.get_untracked();
        let problem = if passphrase.trim().is_empty() {
            Some(text::passphrase_empty())
        } else if passphrase.trim() != self.repeated.get_untracked().trim() {
            Some(text::passphrases_differ())
        } else {
            None
        };
        self.error.set(problem.map(str::to_string));
        problem.is_none().then_some(passphrase)
    }

    /// Drops the passphrase once the file is made: it is kept nowhere.
    fn forget(self) {
        self.passphrase.set(String::new());
        self.repeated.set(String::new());
    }
}

#[component]
fn LockChoice(lock: Lock) -> impl IntoView {
    let state = expect_context::<AppState>();
    if !crate::lock::available() {
        return view! { <p class="hint">{text::lock_needs_secure()}</p> }.into_any();
    }
    let suggest = move |_| {
        let words = passphrase::suggest(state.language.get_untracked(), crate::lock::random_u32);
        lock.passphrase.set(words.clone());
        lock.repeated.set(words);
        lock.error.set(None);
    };
    view! {
        <div class="field choice-field">
            <input
                id="lock-file"
                type="checkbox"
                prop:checked=move || lock.wanted.get()
                on:change=move |ev| {
                    lock.wanted.set(event_target_checked(&ev));
                    lock.error.set(None);
                    lock.forget();
                }
            />
            <label for="lock-file">{text::lock_with_passphrase()}</label>
        </div>
        <Show when=move || lock.wanted.get()>
            <div class="lock-fields">
                <p class="hint">{text::lock_hint()}</p>
                <TextField
                    id="lock-passphrase"
                    label=text::passphrase()
                    input=Input::Passphrase
                    value=lock.passphrase.into()
                    on_input=Callback::new(move |v| lock.passphrase.set(v))
                />
                <TextField
                    id="lock-repeat"
                    label=text::repeat_passphrase()
                    input=Input::Passphrase
                    value=lock.repeated.into()
                    on_input=Callback::new(move |v| lock.repeated.set(v))
                />
                <div class="actions">
                    <button on:click=suggest>{text::suggest_passphrase()}</button>
                </div>
            </div>
        </Show>
        {move || lock.error.get().map(|message| view! { <p class="alert" role="alert">{message}</p> })}
        <Show when=move || lock.working.get()>
            <p role="status">{text::locking()}</p>
        </Show>
    }
    .into_any()
}
