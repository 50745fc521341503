//! The app's state and its link to storage: one `Model` in a signal, saved in batches.
//!
//! Changes are saved a moment after they are made, so that a burst of changes costs one
//! write, and at once when the page is hidden or closed, so that nothing is lost. A save that
//! fails leaves an alert and keeps the changes unsaved in memory; every later change, another
//! tab's write and a timer try again.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use kindred_core::import::Undo;
use kindred_core::model::Model;
use kindred_core::persist::{self, External, Unreadable};
use kindred_core::settings::Language;
use kindred_core::settings::Settings;
use kindred_core::storage::StorageError;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::clock;
use crate::kept_safe::KeptSafe;
use crate::web_storage::LocalStore;

/// How long changes wait to be saved together.
const SAVE_DELAY: Duration = Duration::from_millis(300);
/// How many storage buckets a scheduled save writes in one task before it lets the page
/// draw and take typing: one bucket of a 10,000-record collection is a few hundred KB.
const BUCKETS_PER_TASK: usize = 1;
/// How long a short status line stays on screen.
const STATUS_SHOWN_FOR: Duration = Duration::from_secs(6);
/// How much longer it stays for each character past the first 40, for slow readers.
const STATUS_PER_CHARACTER: Duration = Duration::from_millis(80);
/// The longest a status line stays on its own (it can be hidden sooner).
const STATUS_AT_MOST: Duration = Duration::from_secs(30);
/// How often a failed save is tried again on its own.
const RETRY_EVERY: Duration = Duration::from_secs(15);

/// A message that stays on screen, in a `role="alert"` element, until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Alert {
    /// Stored data could not be read: it is in [`AppState::unreadable`].
    Unreadable,
    /// Storage could not be read at all.
    StorageUnreadable(StorageError),
    /// The last save failed; the changes wait in memory.
    SaveFailed(StorageError),
    /// A newer Kindred wrote data in another tab: this tab writes nothing more.
    UpdatedElsewhere,
    /// Kindred's stored data vanished under this tab: it writes nothing until asked.
    DataVanished,
    /// The last start stopped while showing the screen at this address.
    ScreenFailed(String),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub model: RwSignal<Model>,
    pub alerts: RwSignal<Vec<Alert>>,
    /// Why the open form's draft could not be kept in storage, if it could not: the form
    /// says so where the person is typing.
    pub draft_not_kept: RwSignal<Option<StorageError>>,
    /// Stored text that could not be read, for download, even after its alert is dismissed.
    pub unreadable: RwSignal<Vec<Unreadable>>,
    /// What the last import changed, while it can be undone (this session).
    pub last_import: RwSignal<Option<Undo>>,
    /// A new version of Kindred is installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// Whether the browser agreed to keep Kindred's storage when space runs short.
    pub kept_safe: RwSignal<KeptSafe>,
    /// A short, polite announcement ("Entry saved.").
    pub status: RwSignal<String>,
    /// The language the interface is drawn in. Chosen at start and in this tab's Settings;
    /// another tab's choice shows at the next start, so that it never redraws (and empties)
    /// a form someone is typing in here.
    pub language: RwSignal<Language>,
    /// Today's date where the reader is, moved at local midnight and when the page comes
    /// back into view (`crate::today`). Everything that shows or counts by "today" reads it.
    pub today: ReadSignal<NaiveDate>,
    save_scheduled: RwSignal<bool>,
    /// A newer Kindred writes in another tab: this tab writes nothing more, so that it never
    /// writes its older layout over the newer one.
    writes_stopped: RwSignal<bool>,
    /// Whether this tab knows its settings to be in storage (found at start, or written):
    /// from then on, settings missing from storage mean the data was cleared.
    settings_stored: RwSignal<bool>,
    /// Settings changed but not yet written (the last write failed).
    settings_unsaved: RwSignal<bool>,
}

/// The performance mark set when storage has been read, read by `benches/browser.rs`.
const LOADED_MARK: &str = "kindred:loaded";
/// The performance mark and measure around each save, read by `benches/browser.rs`.
const SAVE_START_MARK: &str = "kindred:save-start";
const SAVE_MEASURE: &str = "kindred:save";

impl AppState {
    /// Loads what storage holds and starts the save machinery. Call once.
    pub fn start() -> Self {
        let mut loaded = persist::load(&mut LocalStore::open());
        let first_start = !loaded.settings_found && loaded.storage_error.is_none();
        // For the start-up benchmark: how much of the start is reading storage.
        if let Some(performance) = window().performance() {
            let _ = performance.mark(LOADED_MARK);
        }
        if first_start {
            // A first start offers its categories in the language it starts in, and keeps
            // them: from then on they are the person's own.
            loaded.model.seed_first_start(browser_language());
        }
        let language = loaded
            .model
            .settings
            .language
            .unwrap_or_else(browser_language);
        let mut alerts = Vec::new();
        if !loaded.unreadable.is_empty() {
            alerts.push(Alert::Unreadable);
        }
        if let Some(error) = loaded.storage_error {
            alerts.push(Alert::StorageUnreadable(error));
        }
        let newer_elsewhere = loaded.newer_schema.is_some();
        let state = Self {
            model: RwSignal::new(loaded.model),
            alerts: RwSignal::new(alerts),
            draft_not_kept: RwSignal::new(None),
            unreadable: RwSignal::new(loaded.unreadable),
            last_import: RwSignal::new(None),
            update_ready: RwSignal::new(false),
            kept_safe: RwSignal::new(KeptSafe::NotAskedYet),
            status: RwSignal::new(String::new()),
            language: RwSignal::new(language),
            today: crate::today::follow(),
            save_scheduled: RwSignal::new(false),
            writes_stopped: RwSignal::new(false),
            settings_stored: RwSignal::new(loaded.settings_found),
            settings_unsaved: RwSignal::new(first_start),
        };
        if newer_elsewhere {
            state.updated_elsewhere();
        }
        state.listen();
        crate::offline::register(state.update_ready);
        if state.model.with_untracked(Model::has_records) {
            state.ask_to_keep_storage();
        }
        if first_start {
            // At once rather than with the next batch: another tab opened a moment later
            // then reads these settings instead of seeding its own.
            state.save_now();
        }
        // Loading may have set unreadable text aside; rewrite those buckets cleanly.
        state.schedule_save();
        state
    }

    /// Asks the browser, once, to keep Kindred's storage: worth asking only once there is
    /// something to keep.
    fn ask_to_keep_storage(self) {
        if self.kept_safe.get_untracked() != KeptSafe::NotAskedYet {
            return;
        }
        self.kept_safe.set(KeptSafe::Asking);
        leptos::task::spawn_local(async move {
            self.kept_safe
                .set(match crate::offline::request_persistent_storage().await {
                    Some(true) => KeptSafe::Granted,
                    Some(false) => KeptSafe::NotGranted,
                    None => KeptSafe::Unknown,
                });
        });
    }

    fn listen(self) {
        let _ = window_event_listener(leptos::ev::pagehide, move |_| self.save_now());
        let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                self.save_now();
            }
        });
        let _ = window_event_listener(leptos::ev::storage, move |event| {
            // No key: another tab emptied storage.
            let Some(key) = event.key() else {
                if self.settings_stored.get_untracked() && persist::vanished(&LocalStore::open()) {
                    self.data_vanished();
                }
                return;
            };
            let taken = self.model.try_update_untracked(|model| {
                persist::take_external_write(model, &key, event.new_value().as_deref())
            });
            match taken {
                Some(External::Changed) => self.model.notify(),
                Some(External::WrittenByNewer) => self.updated_elsewhere(),
                _ => {}
            }
            // Another tab may have freed space.
            self.retry_unsaved();
        });
        let _ = set_interval_with_handle(move || self.retry_unsaved(), RETRY_EVERY);
    }

    /// Changes the model and schedules a save. `change` gets the current time.
    pub fn change<R>(self, change: impl FnOnce(&mut Model, DateTime<Utc>) -> R) -> R {
        let result = self
            .model
            .update_untracked(|model| change(model, clock::now()));
        self.model.notify();
        self.schedule_save();
        result
    }

    fn schedule_save(self) {
        if self.save_scheduled.get_untracked() {
            return;
        }
        self.save_scheduled.set(true);
        set_timeout(move || self.save_in_steps(), SAVE_DELAY);
    }

    /// Writes a few buckets, then the next few in a task of their own, until everything is
    /// written (or a write fails). A save that is asked for meanwhile (the page hidden, say)
    /// writes the rest at once.
    fn save_in_steps(self) {
        if !self.save_scheduled.get_untracked() {
            return;
        }
        self.save(BUCKETS_PER_TASK);
        let more = self.model.with_untracked(Model::has_unsaved) && !self.has_save_failure();
        if more && !self.writes_stopped.get_untracked() {
            set_timeout(move || self.save_in_steps(), Duration::ZERO);
        } else {
            self.save_scheduled.set(false);
        }
    }

    /// Writes every unsaved change now.
    pub fn save_now(self) {
        self.save_scheduled.set(false);
        self.save(usize::MAX);
    }

    /// Writes at most `buckets` of the unsaved buckets, and the settings.
    fn save(self, buckets: usize) {
        if self.writes_stopped.get_untracked() {
            return;
        }
        if self.settings_stored.get_untracked() && persist::vanished(&LocalStore::open()) {
            self.data_vanished();
            return;
        }
        let settings_failure = self.save_settings();
        if !self.model.with_untracked(Model::has_unsaved) {
            self.set_save_failure(settings_failure);
            return;
        }
        let mut store = LocalStore::open();
        let performance = window().performance();
        // Marks the save for the benchmark's "longest task during a save" figure. Only the
        // latest save is kept, so that a long session does not pile up timings.
        if let Some(performance) = &performance {
            performance.clear_marks_with_mark_name(SAVE_START_MARK);
            performance.clear_measures_with_measure_name(SAVE_MEASURE);
            let _ = performance.mark(SAVE_START_MARK);
        }
        let result = self
            .model
            .try_update_untracked(|model| persist::save_some(&mut store, model, buckets));
        if let Some(performance) = &performance {
            let _ = performance.measure_with_start_mark(SAVE_MEASURE, SAVE_START_MARK);
        }
        let (saved, failure) = match result {
            Some(Ok(saved)) => (saved, None),
            Some(Err(failed)) => (failed.saved, Some(failed.error)),
            None => return,
        };
        if saved.merged_from_storage {
            self.model.notify();
        }
        if failure.is_none() && !saved.written.is_empty() {
            self.ask_to_keep_storage();
        }
        self.set_save_failure(failure.or(settings_failure));
    }

    /// Changes the settings and writes them at once: they are small, and a choice should
    /// stick even if the tab closes straight after.
    pub fn change_settings<R>(self, change: impl FnOnce(&mut Settings) -> R) -> R {
        let result = self
            .model
            .update_untracked(|model| change(&mut model.settings));
        self.model.notify();
        self.settings_unsaved.set(true);
        self.save_now();
        result
    }

    /// Says "Settings saved." if they were; a failed write has its alert instead.
    pub fn announce_settings_saved(self) {
        if !self.settings_unsaved.get_untracked() {
            self.announce(crate::text::settings_saved());
        }
    }

    /// Writes the settings if they have changed since they were last written. Returns why
    /// not, if they could not be.
    fn save_settings(self) -> Option<StorageError> {
        if !self.settings_unsaved.get_untracked() {
            return None;
        }
        let saved = self.model.with_untracked(|model| {
            persist::save_settings(&mut LocalStore::open(), &model.settings)
        });
        self.settings_unsaved.set(saved.is_err());
        if saved.is_ok() {
            self.settings_stored.set(true);
        }
        saved.err()
    }

    /// Tries again to save changes that a failed save left in memory.
    fn retry_unsaved(self) {
        let unsaved =
            self.settings_unsaved.get_untracked() || self.model.with_untracked(Model::has_unsaved);
        if !self.save_scheduled.get_untracked() && unsaved {
            self.save_now();
        }
    }

    fn has_save_failure(self) -> bool {
        self.alerts
            .with_untracked(|alerts| alerts.iter().any(|a| matches!(a, Alert::SaveFailed(_))))
    }

    /// Stops writing and asks, once, what to do now that the stored data is gone: writing
    /// on would bring back only the parts this tab changes.
    fn data_vanished(self) {
        self.writes_stopped.set(true);
        if !self
            .alerts
            .with_untracked(|alerts| alerts.contains(&Alert::DataVanished))
        {
            self.alerts
                .update(|alerts| alerts.push(Alert::DataVanished));
            show_alerts();
        }
    }

    /// Writes everything this tab holds back into storage, after it was emptied.
    pub fn put_back_everything(self) {
        self.model.update_untracked(Model::mark_all_unsaved);
        self.settings_unsaved.set(true);
        // Storage is known to be empty now: this save fills it, settings first.
        self.settings_stored.set(false);
        self.writes_stopped.set(false);
        self.alerts
            .update(|alerts| alerts.retain(|a| *a != Alert::DataVanished));
        self.save_now();
        self.announce(crate::text::put_back_done());
    }

    /// Says, once, that a newer Kindred is at work in another tab.
    fn updated_elsewhere(self) {
        self.writes_stopped.set(true);
        if !self
            .alerts
            .with_untracked(|alerts| alerts.contains(&Alert::UpdatedElsewhere))
        {
            self.alerts
                .update(|alerts| alerts.push(Alert::UpdatedElsewhere));
            show_alerts();
        }
    }

    /// Shows the latest save failure, replacing an older one; once saving works again,
    /// replaces the alert with a calm status line.
    fn set_save_failure(self, failure: Option<StorageError>) {
        if failure == Some(StorageError::UpdatedElsewhere) {
            self.updated_elsewhere();
            return;
        }
        let had_failure = self.has_save_failure();
        if failure.is_none() && !had_failure {
            return;
        }
        self.alerts.update(|alerts| {
            alerts.retain(|a| !matches!(a, Alert::SaveFailed(_)));
            if let Some(error) = failure.clone() {
                alerts.push(Alert::SaveFailed(error));
            }
        });
        if failure.is_none() {
            self.announce(crate::text::saved_again());
        }
    }

    /// Whether the open form's draft was kept, for the form to say when it was not.
    pub fn draft_kept(self, kept: Result<(), StorageError>) {
        let not_kept = kept.err();
        if self
            .draft_not_kept
            .with_untracked(|shown| *shown != not_kept)
        {
            self.draft_not_kept.set(not_kept);
        }
    }

    pub fn dismiss(self, index: usize) {
        self.alerts.update(|alerts| {
            if index < alerts.len() {
                alerts.remove(index);
            }
        });
    }

    /// Says something politely to screen readers and sighted readers alike, for a while.
    /// The line stays longer for longer text, and the page leaves room for it: what has the
    /// focus is never left underneath it.
    pub fn announce(self, message: &str) {
        let message = message.to_string();
        let extra = message.chars().count().saturating_sub(40) as u32;
        let shown_for = (STATUS_SHOWN_FOR + STATUS_PER_CHARACTER * extra).min(STATUS_AT_MOST);
        self.status.set(message.clone());
        request_animation_frame(make_room_for_status);
        set_timeout(
            move || {
                if self.status.get_untracked() == message {
                    self.status.set(String::new());
                }
            },
            shown_for,
        );
    }
}

/// The interface language for the languages the browser prefers (`navigator.languages`).
pub fn browser_language() -> kindred_i18n::Language {
    let preferred: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    kindred_i18n::language_for(preferred.iter().map(String::as_str))
}

/// Gives the page room below for the status line (`--status-height`, read by the style
/// sheet), and scrolls what has the focus up from under it.
fn make_room_for_status() {
    let Some(bar) = document().query_selector(".status-bar").ok().flatten() else {
        return;
    };
    let height = bar.get_bounding_client_rect().height();
    // Through the CSS object model: the Content-Security-Policy refuses style attributes.
    if let Some(root) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = root
            .style()
            .set_property("--status-height", &format!("{height}px"));
    }
    let top = bar.get_bounding_client_rect().top();
    if let Some(focused) = document().active_element() {
        let bottom = focused.get_bounding_client_rect().bottom();
        if bottom > top && height > 0.0 {
            window().scroll_by_with_x_and_y(0.0, bottom - top + 8.0);
        }
    }
}

/// Brings the alerts into view: one that says the data is in danger must be seen by someone
/// far down a long list on a phone, not only heard.
fn show_alerts() {
    request_animation_frame(|| {
        if let Some(alerts) = document().query_selector(".alerts").ok().flatten() {
            alerts.scroll_into_view();
        }
    });
}
