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

/// Compares two versions. With `only_changes`, rows that say the same on both sides are left
/// out, so that an update shows just what it changes.
pub fn compare<T: Shareable>(left: &T, right: &T, only_changes: bool) -> Comparison {
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
        .filter(|(_, l, r)| !only_changes || l != r)
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

/// The comparison as a table with a column for each version. Rows that differ are marked.
#[component]
pub fn SideBySide(
    comparison: Comparison,
    /// The left column's heading.
    left: &'static str,
    /// The right column's heading.
    right: &'static str,
) -> impl IntoView {
    view! {
        <table class="side-by-side">
            <caption class="visually-hidden">{comparison.label}</caption>
            <thead>
                <tr>
                    <td></td>
                    <th scope="col">{left}</th>
                    <th scope="col">{right}</th>
                </tr>
            </thead>
            <tbody>
                {comparison
                    .rows
                    .into_iter()
                    .map(|(field, mine, theirs)| {
                        let differs = mine != theirs;
                        view! {
                            <tr class:differs=differs>
                                <th scope="row">{field}</th>
                                <td>{mine}</td>
                                <td>{theirs}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
