//! Two versions of one record side by side, field by field: for a conflict in an import, for
//! what an update would change, and for the conflicts that wait for review.

use std::collections::BTreeMap;

use kindred_core::share::Shareable;
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
pub fn compare<T: Shareable>(left: &T, right: &T) -> Comparison {
    let (left_fields, right_fields) = (fields(left), fields(right));
    let mut names: Vec<&String> = left_fields.keys().chain(right_fields.keys()).collect();
    names.sort();
    names.dedup();
    let value =
        |side: &BTreeMap<String, String>, name: &str| side.get(name).cloned().unwrap_or_default();
    let rows = names
        .into_iter()
        .map(|name| {
            (
                text::record_field(name),
                value(&left_fields, name),
                value(&right_fields, name),
            )
        })
        .filter(|(_, l, r)| l != r)
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

/// A version's filled-in fields as text, for comparing by eye. Stamps, ids and revisions
/// are left out: they differ by nature.
fn fields<T: Shareable>(record: &T) -> BTreeMap<String, String> {
    if record.is_deleted() {
        return BTreeMap::from([(String::new(), text::deleted_by_file().to_string())]);
    }
    let skip = [
        "id",
        "created_at",
        "updated_at",
        "deleted_at",
        "rev",
        "ancestors",
        "conflicts",
    ];
    let value = serde_json::to_value(record).unwrap_or_default();
    let Some(object) = value.as_object() else {
        return BTreeMap::new();
    };
    object
        .iter()
        .filter(|(k, _)| !skip.contains(&k.as_str()))
        .filter_map(|(k, v)| {
            let shown = text::stored_value(k, v).unwrap_or_else(|| match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Array(items) => items
                    .iter()
                    .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
                    .collect::<Vec<_>>()
                    .join(", "),
                serde_json::Value::Object(inner) if inner.is_empty() => String::new(),
                other => other.to_string(),
            });
            (!shown.is_empty()).then(|| (k.clone(), shown))
        })
        .collect()
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
