//! An open form's draft: brought back from `crate::drafts` when the form opens, kept there as
//! the person types, and a Cancel that asks before it throws typed text away.

use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use uuid::Uuid;

use crate::clock;
use crate::dom::focus;
use crate::drafts::{self, DraftForm, Kept};
use crate::state::AppState;
use crate::text;

/// What a form needs of its draft and record types to keep them.
pub trait Keepable:
    Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static
{
}
impl<T: Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static> Keepable for T {}

pub struct FormDraft<D: Keepable, T: Keepable> {
    /// The form as typed.
    pub value: RwSignal<D>,
    /// The record as the form opened it (for an edit), kept with the draft.
    pub opened: Option<T>,
    /// Whether what was typed before was brought back.
    pub brought_back: bool,
    form: DraftForm,
    editing: Option<Uuid>,
    start: StoredValue<D>,
    /// To say when a draft cannot be kept.
    state: Option<AppState>,
}

impl<D: Keepable, T: Keepable> FormDraft<D, T> {
    /// Opens a form on `editing` (`None` for a new record), currently `current`, with the
    /// draft kept for it if there is one; otherwise on `start(current)`.
    pub fn open(
        form: DraftForm,
        editing: Option<Uuid>,
        current: Option<T>,
        start: impl Fn(Option<&T>) -> D,
    ) -> Self {
        let kept = drafts::load::<D, T>(form, editing);
        let (opened, value) = match kept {
            Some(kept) if editing.is_none() || kept.opened.is_some() => (kept.opened, kept.draft),
            _ => {
                let fresh = start(current.as_ref());
                (current, fresh)
            }
        };
        let untouched = start(opened.as_ref());
        let brought_back = value != untouched;
        let value = RwSignal::new(value);
        let start = StoredValue::new(untouched);
        let keep_opened = StoredValue::new(opened.clone());
        let state = use_context::<AppState>();
        Effect::new(move |_| {
            value.with(|draft| {
                if start.with_value(|s| s == draft) {
                    drafts::remove(form, editing);
                } else {
                    let kept = keep_opened.with_value(|opened| {
                        drafts::keep(
                            form,
                            editing,
                            &Kept {
                                kept_at: clock::now(),
                                opened: opened.as_ref(),
                                draft,
                            },
                        )
                    });
                    if let Some(state) = state {
                        state.draft_kept(kept);
                    }
                }
            });
        });
        Self {
            value,
            opened,
            brought_back,
            form,
            editing,
            start,
            state,
        }
    }

    /// Whether the form differs from how it opened.
    pub fn changed(&self) -> Signal<bool> {
        let (value, start) = (self.value, self.start);
        Signal::derive(move || value.with(|v| start.with_value(|s| s != v)))
    }

    /// Drops the draft: the form was saved or discarded, so nothing typed is at risk any more.
    pub fn discard(&self) {
        drafts::remove(self.form, self.editing);
        if let Some(state) = self.state {
            state.draft_kept(Ok(()));
        }
    }
}

/// Says that what was typed before is back, and where drafts are kept; and, where the person
/// is typing, when what they type cannot be kept.
#[component]
pub fn DraftNote(brought_back: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        {brought_back.then(|| view! { <p class="draft-note">{text::draft_brought_back()}</p> })}
        {move || {
            state.draft_not_kept.get().map(|error| {
                view! {
                    <div role="alert" class="alert">
                        <p>{text::draft_not_kept(&error)}</p>
                    </div>
                }
            })
        }}
    }
}

/// The form's Cancel button. With nothing typed it leaves at once; otherwise it asks first,
/// with `Discard` and `Keep editing`. Escape anywhere in the form does the same as Cancel.
#[component]
pub fn CancelButton(
    /// Whether anything was typed.
    changed: Signal<bool>,
    /// Leaves the form, throwing the draft away.
    on_leave: impl Fn() + Copy + 'static,
    /// The id of the form's element, for Escape.
    form_id: &'static str,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    // Kept locally: the forms' close callbacks need not be thread-safe.
    let on_leave = StoredValue::new_local(on_leave);
    let leave = move || on_leave.with_value(|leave| leave());
    let cancel = move || {
        if changed.get_untracked() {
            asking.set(true);
            request_animation_frame(|| focus(".discard-question .keep-editing"));
        } else {
            leave();
        }
    };
    // Escape closes the form like Cancel, from any of its fields.
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "Escape" {
            return;
        }
        let inside = document()
            .active_element()
            .is_some_and(|el| el.closest(&format!("#{form_id}")).ok().flatten().is_some());
        if inside {
            ev.prevent_default();
            if asking.get_untracked() {
                asking.set(false);
            } else {
                cancel();
            }
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <button type="button" on:click=move |_| cancel()>{text::cancel()}</button>
        <Show when=move || asking.get()>
            <div class="discard-question" role="group" aria-labelledby=format!("{form_id}-discard")>
                <p id=format!("{form_id}-discard")>{text::discard_question()}</p>
                <button type="button" class="danger" on:click=move |_| leave()>
                    {text::discard()}
                </button>
                <button
                    type="button"
                    class="keep-editing"
                    on:click=move |_| {
                        asking.set(false);
                        focus(&format!("#{form_id} textarea, #{form_id} input"));
                    }
                >
                    {text::keep_editing()}
                </button>
            </div>
        </Show>
    }
}
