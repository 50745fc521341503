//! Deleting from a list, with an undo that goes back through every delete of the visit.
//!
//! One for the journal, the helpers and the needs board alike. A second tap that lands on
//! the next card within a moment of a delete is ignored: the card that slid under the
//! finger was not the one meant. The delete is said in the status line and the Undo button
//! takes the focus, so that it is seen and heard where the person is.

use kindred_core::model::Model;
use kindred_core::record::Records;
use kindred_core::share::Shareable;
use leptos::prelude::*;
use uuid::Uuid;

use crate::dom::focus;
use crate::state::AppState;
use crate::text;

/// How long after a delete another delete on the same list is taken as a slip, in ms.
const SETTLE_MS: f64 = 700.0;

pub struct Deletions<T: Shareable + Send + Sync + 'static> {
    /// What was deleted, the latest last.
    deleted: RwSignal<Vec<T>>,
    /// When the latest delete was made (`performance.now()`).
    last_at: StoredValue<f64>,
    records: fn(&mut Model) -> &mut Records<T>,
    /// The Undo button's element id.
    undo_id: &'static str,
}

impl<T: Shareable + Send + Sync + 'static> Clone for Deletions<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Shareable + Send + Sync + 'static> Copy for Deletions<T> {}

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

impl<T: Shareable + Send + Sync + 'static> Deletions<T> {
    pub fn new(records: fn(&mut Model) -> &mut Records<T>, undo_id: &'static str) -> Self {
        Self {
            deleted: RwSignal::new(Vec::new()),
            last_at: StoredValue::new(f64::NEG_INFINITY),
            records,
            undo_id,
        }
    }

    /// Deletes a record, unless another delete was made a moment ago. Returns whether it
    /// deleted.
    pub fn delete(self, id: Uuid, said: &'static str) -> bool {
        if now_ms() - self.last_at.get_value() < SETTLE_MS {
            return false;
        }
        let state = expect_context::<AppState>();
        let records = self.records;
        let Some(before) = state.change(|model, now| records(model).delete(id, now)) else {
            return false;
        };
        self.last_at.set_value(now_ms());
        self.deleted.update(|deleted| deleted.push(before));
        state.announce(said);
        let undo = format!("#{}", self.undo_id);
        request_animation_frame(move || focus(&undo));
        true
    }

    /// Brings back the latest record deleted.
    pub fn undo(self) {
        let Some(before) = self.deleted.try_update(Vec::pop).flatten() else {
            return;
        };
        let state = expect_context::<AppState>();
        let records = self.records;
        state.change(|model, now| records(model).restore(before, now));
        state.announce(text::restored());
    }

    pub fn any(self) -> Signal<bool> {
        let deleted = self.deleted;
        Signal::derive(move || deleted.with(|d| !d.is_empty()))
    }
}

/// Says what was just deleted, with a button to bring it back.
#[component]
pub fn UndoBar<T: Shareable + Send + Sync + 'static>(
    deletions: Deletions<T>,
    /// What was deleted, in words.
    message: &'static str,
) -> impl IntoView {
    view! {
        <Show when=move || deletions.any().get()>
            <div class="undo-bar">
                <span>{message}</span>
                <button id=deletions.undo_id on:click=move |_| deletions.undo()>{text::undo()}</button>
            </div>
        </Show>
    }
}
