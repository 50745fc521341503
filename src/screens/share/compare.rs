//! Two versions of one record side by side, field by field: for a conflict in an import, for
//! what an update would change, and for the conflicts that wait for review.

use kindred_core::difference::{self, Compared};
use kindred_core::validation::Field;
use leptos::prelude::*;

use crate::text;

/// The rows of a comparison: each field's name and its value in either version.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The record's name, for the table's caption.
    pub label: String,
    pub rows: Vec<(String, String, String)>,
}

/// Compares two versions, field by field, leaving out what both say the same, so that an
/// update or a conflict shows just what differs (on a phone, every row counts).
pub fn compare<T: Compared>(left: &T, right: &T) -> Comparison {
    let compared = difference::compare(left, right);
    let deleted = |is: bool| {
        if is {
            text::deleted_by_file().to_string()
        } else {
            String::new()
        }
    };
    let deletion = (compared.ours_deleted != compared.theirs_deleted).then(|| {
        (
            String::new(),
            deleted(compared.ours_deleted),
            deleted(compared.theirs_deleted),
        )
    });
    let shown = |value: Option<difference::FieldValue>| {
        let when = |at| {
            let (day, time) = crate::clock::local_moment(at);
            text::moment(day, time, crate::clock::today())
        };
        value
            .map(|v| text::field_value(&v, when))
            .unwrap_or_default()
    };
    let rows = deletion
        .into_iter()
        .chain(compared.differences.into_iter().map(|d| {
            (
                text::record_field(d.field.name()),
                shown(d.ours),
                shown(d.theirs),
            )
        }))
        .collect();
    Comparison {
        label: if left.is_deleted() {
            right.label()
        } else {
            left.label()
        },
        rows,
    }
}

/// The comparison as a table with a column for each version.
#[component]
pub fn SideBySide(
    comparison: Comparison,
    /// The left column's heading.
    left: &'static str,
    /// The right column's heading.
    right: &'static str,
) -> impl IntoView {
    view! {
        // The roles are spelled out: on a phone the cells are laid out as blocks, and a
        // browser may then stop reading the table as one.
        <table class="side-by-side" role="table">
            <caption class="visually-hidden">{comparison.label}</caption>
            <thead role="rowgroup">
                <tr role="row">
                    <td role="cell"></td>
                    <th scope="col" role="columnheader">{left}</th>
                    <th scope="col" role="columnheader">{right}</th>
                </tr>
            </thead>
            <tbody role="rowgroup">
                {comparison
                    .rows
                    .into_iter()
                    .map(|(field, mine, theirs)| {
                        view! {
                            <tr role="row">
                                <th scope="row" role="rowheader">{field}</th>
                                <td role="cell" data-version=left>{mine}</td>
                                <td role="cell" data-version=right>{theirs}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
