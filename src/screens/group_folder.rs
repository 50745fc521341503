//! Settings → Group folder: connecting to the group's WebDAV folder, and what the sync says.

use kindred_core::folder::{self, Secrets};
use leptos::prelude::*;

use super::share::review::Review;
use crate::components::form_parts::{Input, TextField};
use crate::group_folder::{self, GroupFolder, SyncStatus};
use crate::state::AppState;
use crate::text;

#[component]
pub fn GroupFolderSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let sync = expect_context::<GroupFolder>();
    let remembered = sync.connection.with_untracked(|c| {
        c.as_ref()
            .map(|c| (c.address.clone(), c.include_journal, c.remembered.is_some()))
    });
    let (address_kept, journal_kept, remember_kept) = remembered.unwrap_or_default();
    let address = RwSignal::new(address_kept);
    let user = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let remember = RwSignal::new(remember_kept);
    let include_journal = RwSignal::new(journal_kept);
    let problem = RwSignal::new(None::<String>);
    let syncing = move || sync.status.with(|s| *s == SyncStatus::Syncing);
    let ready = move || sync.is_connected() && sync.has_secrets();
    let conflicts = Memo::new(move |_| state.model.with(|m| m.conflicts_waiting()));

    let connect = move |_| {
        let typed = address.get_untracked();
        let secrets = Secrets {
            user: user.get_untracked().trim().to_string(),
            password: password.get_untracked(),
            passphrase: passphrase.get_untracked().trim().to_string(),
        };
        if [
            &typed,
            &secrets.user,
            &secrets.password,
            &secrets.passphrase,
        ]
        .iter()
        .any(|field| field.trim().is_empty())
        {
            problem.set(Some(text::folder_field_missing().to_string()));
            return;
        }
        let Some(address) = folder::folder_address(&typed) else {
            problem.set(Some(text::folder_address_invalid().to_string()));
            return;
        };
        let origin = group_folder::origin_of(&address).unwrap_or_default();
        let own = group_folder::own_origin();
        if origin != own && !group_folder::other_sites_allowed().contains(&origin) {
            problem.set(Some(text::folder_other_site(&own)));
            return;
        }
        problem.set(None);
        sync.connect(
            address,
            secrets,
            remember.get_untracked(),
            include_journal.get_untracked(),
        );
        // The password is kept by the sync for this visit (or remembered); the form forgets it.
        password.set(String::new());
        passphrase.set(String::new());
    };
    let disconnect = move |_| {
        sync.disconnect();
        state.announce(text::disconnected());
    };

    view! {
        <section aria-labelledby="group-folder">
            <h2 id="group-folder">{text::group_folder()}</h2>
            <p>{text::group_folder_intro()}</p>
            <p class="sync-status" role="status" aria-label=text::sync_status()>
                {move || status_text(sync, conflicts.get())}
            </p>
            <Show when=move || sync.is_connected() && (conflicts.get() > 0)>
                <Review />
            </Show>
            <Show
                when=ready
                fallback=move || {
                    view! {
                        <ConnectForm
                            address user password passphrase remember include_journal
                        />
                        {move || problem.get().map(|message| view! { <p class="alert" role="alert">{message}</p> })}
                        <div class="actions">
                            <button class="primary" on:click=connect disabled=syncing>
                                {text::connect()}
                            </button>
                            <Show when=move || sync.is_connected()>
                                <button on:click=disconnect>{text::disconnect()}</button>
                            </Show>
                        </div>
                    }
                }
            >
                <p>
                    {move || {
                        sync.connection.with(|c| {
                            c.as_ref()
                                .map(|c| text::connected_to(&c.address))
                        })
                    }}
                </p>
                <div class="actions">
                    <button class="primary" on:click=move |_| sync.sync_now() disabled=syncing>
                        {text::sync_now()}
                    </button>
                    <button on:click=disconnect>{text::disconnect()}</button>
                </div>
            </Show>
        </section>
    }
}

/// The fields to connect with.
#[component]
fn ConnectForm(
    address: RwSignal<String>,
    user: RwSignal<String>,
    password: RwSignal<String>,
    passphrase: RwSignal<String>,
    remember: RwSignal<bool>,
    include_journal: RwSignal<bool>,
) -> impl IntoView {
    let checkbox =
        move |id: &'static str, label: &'static str, hint: &'static str, value: RwSignal<bool>| {
            let hint_id = format!("{id}-hint");
            view! {
                <div class="field choice-field">
                    <input
                        id=id
                        type="checkbox"
                        aria-describedby=hint_id.clone()
                        prop:checked=move || value.get()
                        on:change=move |ev| value.set(event_target_checked(&ev))
                    />
                    <label for=id>{label}</label>
                    <p id=hint_id class="hint">{hint}</p>
                </div>
            }
        };
    view! {
        <TextField
            id="folder-address"
            label=text::folder_address()
            input=Input::Address
            value=address.into()
            on_input=Callback::new(move |v| address.set(v))
            hint=text::folder_address_hint()
            required=true
        />
        <TextField
            id="folder-user"
            label=text::user_name()
            input=Input::UserName
            value=user.into()
            on_input=Callback::new(move |v| user.set(v))
            required=true
        />
        <TextField
            id="folder-password"
            label=text::password()
            input=Input::Password
            value=password.into()
            on_input=Callback::new(move |v| password.set(v))
            required=true
        />
        <TextField
            id="folder-passphrase"
            label=text::group_passphrase()
            input=Input::Passphrase
            value=passphrase.into()
            on_input=Callback::new(move |v| passphrase.set(v))
            hint=text::group_passphrase_hint()
            required=true
        />
        {checkbox("folder-remember", text::remember_on_device(), text::remember_hint(), remember)}
        {checkbox("folder-journal", text::sync_journal(), text::sync_journal_hint(), include_journal)}
    }
}

/// What the Sync status says now.
fn status_text(sync: GroupFolder, conflicts: usize) -> String {
    let last = match sync.last_synced_at() {
        Some(at) => text::synced_at(&crate::clock::local_time(at)),
        None => text::never_synced().to_string(),
    };
    let waiting = (conflicts > 0).then(|| text::sync_conflicts(conflicts));
    let parts: Vec<String> = match sync.status.get() {
        SyncStatus::NotConnected => vec![text::folder_not_connected().to_string()],
        SyncStatus::NeedsSecrets => vec![text::folder_needs_secrets().to_string(), last],
        SyncStatus::Syncing => vec![text::syncing().to_string()],
        SyncStatus::Synced(synced) => std::iter::once(last)
            .chain(
                synced
                    .problems
                    .iter()
                    .map(|(file, problem)| text::device_problem(file, problem)),
            )
            .chain(waiting)
            .collect(),
        SyncStatus::Failed {
            why,
            retry_in_minutes,
        } => {
            let mut parts = vec![text::sync_failed(why, &group_folder::own_origin())];
            if sync.is_connected() {
                parts.push(last);
                parts.push(text::sync_retry(retry_in_minutes));
            }
            parts.extend(waiting);
            parts
        }
    };
    parts.join(" ")
}
