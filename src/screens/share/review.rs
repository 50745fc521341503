//! The conflicts that wait for the person: records that met a concurrent version (from a
//! file, another tab, later a sync) and keep both until someone chooses.

use kindred_core::difference::Compared;
use kindred_core::merge;
use kindred_core::record::{CollectionName, Records};
use leptos::prelude::*;
use uuid::Uuid;

use super::compare::{compare, Comparison, SideBySide};
use crate::dom::focus;
use crate::state::AppState;
use crate::text;

/// One record in conflict: the version shown beside the first other version that says
/// something else.
#[derive(Debug, Clone, PartialEq)]
struct Waiting {
    collection: CollectionName,
    id: Uuid,
    /// Which of the record's versions is on the right.
    other: usize,
    comparison: Comparison,
}

fn waiting<T: Compared>(records: &Records<T>) -> impl Iterator<Item = Waiting> + '_ {
    records.in_conflict().filter_map(|record| {
        let versions = merge::versions(record);
        let other = versions
            .iter()
            .position(|v| !merge::same_content(&versions[0], v))?;
        Some(Waiting {
            collection: T::COLLECTION,
            id: record.id(),
            other,
            comparison: compare(&versions[0], &versions[other]),
        })
    })
}

#[component]
pub fn Review() -> impl IntoView {
    let state = expect_context::<AppState>();
    let open = RwSignal::new(false);
    let count = Memo::new(move |_| state.model.with(|m| m.conflicts_waiting()));
    let list = move || {
        state.model.with(|m| {
            waiting(&m.helpers)
                .chain(waiting(&m.needs))
                .chain(waiting(&m.journal))
                .chain(waiting(&m.checkin_people))
                .chain(waiting(&m.rounds))
                .chain(waiting(&m.marks))
                .chain(waiting(&m.offers))
                .collect::<Vec<_>>()
        })
    };
    let keep = move |item: &Waiting, index: usize| {
        let (collection, id) = (item.collection, item.id);
        state.change(|m, now| m.keep_version(collection, id, index, now));
        state.announce(text::conflict_settled());
        request_animation_frame(|| focus("#review-heading"));
    };
    view! {
        <section aria-labelledby="review-heading">
            <h2 id="review-heading" tabindex="-1">{text::conflicts_waiting_heading()}</h2>
            {move || match count.get() {
                0 => view! { <p>{text::no_conflicts_waiting()}</p> }.into_any(),
                n => view! {
                    <p>{text::conflicts_waiting(n)}</p>
                    <Show when=move || !open.get()>
                        <div class="actions">
                            <button on:click=move |_| open.set(true)>{text::review_conflicts()}</button>
                        </div>
                    </Show>
                }
                .into_any(),
            }}
            <Show when=move || open.get() && (count.get() > 0)>
                {move || {
                    list()
                        .into_iter()
                        .map(|item| {
                            let label = text::labelled(text::conflicts_waiting_heading(), &item.comparison.label);
                            let (shown, other) = (item.clone(), item.clone());
                            view! {
                                <div class="conflict" role="group" aria-label=label>
                                    <p><strong>{item.comparison.label.clone()}</strong></p>
                                    <SideBySide
                                        comparison=item.comparison.clone()
                                        left=text::version_shown()
                                        right=text::version_other()
                                    />
                                    <div class="actions">
                                        <button on:click=move |_| keep(&shown, 0)>
                                            {text::keep_shown()}
                                        </button>
                                        <button on:click=move |_| keep(&other, other.other)>
                                            {text::keep_other()}
                                        </button>
                                    </div>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </Show>
        </section>
    }
}
