//! Kindred's domain: records, validation, merge, storage rules and statistics.
//!
//! Nothing here knows about the browser. Time and new ids come in as arguments, and storage
//! is reached through the [`storage::KeyValueStore`] port, so everything is tested natively.

pub mod exchange;
pub mod records;
pub mod stats;
pub mod stored;

pub mod intents;
pub mod language;
pub mod model;
#[cfg(any(test, feature = "sample"))]
pub mod sample;
pub mod settings;

// Each module keeps its short path (`kindred_core::helper`), whichever group it lives in.
pub use exchange::{
    csv, face_to_face, folder, ics, import, in_pieces, locked, passphrase, qr, share, vcard, webdav,
};
pub use records::{
    categories, checkin, contact, difference, helper, journal, merge, need, offer, record,
    recurrence, revision, validation,
};
pub use stats::{habits, ideas, insights, matching, need_filter};
pub use stored::{backup, backup_health, persist, schema1, storage};
