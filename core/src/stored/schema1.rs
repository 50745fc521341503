//! Reading what schema 1 wrote, stored or shared: its records knew one stamp of agreement
//! (`shared_at`), schema 2 knows revisions. Each record's stamps become a best-effort history:
//! its `updated_at` names its revision, and a `shared_at` older than that names the version
//! last exchanged as its ancestor, so that a neighbour still holding that version sees this
//! one as an update, exactly as schema 1 would have.

use chrono::{DateTime, Utc};
use serde_json::Value;
use uuid::Uuid;

use crate::record::CollectionName;
use crate::revision::Rev;

/// Turns one schema-1 record into schema 2, in place. A record too broken to name its id and
/// stamp is left as it is: reading it then says what is wrong with it.
pub(crate) fn record_to_2(record: &mut Value) {
    let Value::Object(fields) = record else {
        return;
    };
    let shared = fields.remove("shared_at");
    let stamp = |value: Option<&Value>| -> Option<DateTime<Utc>> {
        value.and_then(|v| serde_json::from_value(v.clone()).ok())
    };
    let id: Option<Uuid> = fields
        .get("id")
        .and_then(Value::as_str)
        .and_then(|id| id.parse().ok());
    let (Some(id), Some(updated)) = (id, stamp(fields.get("updated_at"))) else {
        return;
    };
    let rev = Rev::legacy(id, updated);
    fields.insert("rev".into(), Value::String(rev.to_string()));
    if let Some(shared) = stamp(shared.as_ref()).filter(|shared| *shared < updated) {
        let ancestor = Rev::legacy(id, shared);
        fields.insert(
            "ancestors".into(),
            Value::Array(vec![ancestor.to_string().into()]),
        );
    }
}

/// A stored bucket envelope of schema 1, as schema 2.
pub(crate) fn bucket_to_2(mut envelope: Value) -> Result<Value, String> {
    if let Some(Value::Array(records)) = envelope.get_mut("records") {
        records.iter_mut().for_each(record_to_2);
    }
    if let Some(schema) = envelope.get_mut("schema") {
        *schema = 2.into();
    }
    Ok(envelope)
}

/// A share file or backup of schema 1, as schema 2.
pub(crate) fn file_to_2(mut file: Value) -> Value {
    for collection in CollectionName::ALL {
        if let Some(Value::Array(records)) = file.get_mut(collection.as_str()) {
            records.iter_mut().for_each(record_to_2);
        }
    }
    if let Some(schema) = file.get_mut("schema") {
        *schema = 2.into();
    }
    file
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helper::Helper;
    use crate::merge;

    fn schema1_helper(updated: &str, shared: Option<&str>) -> Helper {
        let mut value = serde_json::json!({
            "id": "00000000-0000-4000-8000-000000000001",
            "created_at": "2026-11-01T09:00:00Z",
            "updated_at": updated,
            "name": "May",
        });
        if let Some(shared) = shared {
            value["shared_at"] = shared.into();
        }
        record_to_2(&mut value);
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn an_edit_made_after_the_last_exchange_is_an_update_for_the_neighbour_who_has_that_exchange() {
        let neighbours = schema1_helper("2026-11-02T09:00:00Z", Some("2026-11-02T09:00:00Z"));
        let mut mine = schema1_helper("2026-11-05T09:00:00Z", Some("2026-11-02T09:00:00Z"));
        mine.area = "Tai Po".into();
        let merged = merge::merge(&neighbours, &mine);
        assert_eq!(merged, mine);
        assert!(merged.conflicts.is_empty());
    }

    #[test]
    fn the_same_stamp_is_the_same_revision_on_every_phone() {
        let a = schema1_helper("2026-11-02T09:00:00Z", Some("2026-11-02T09:00:00Z"));
        let b = schema1_helper("2026-11-02T09:00:00Z", None);
        assert_eq!(a.rev, b.rev);
        assert_eq!(merge::merge(&a, &b), a);
    }
}
