//! Kindred's domain: records, validation, merge, storage rules and statistics.
//!
//! Nothing here knows about the browser. Time and new ids come in as arguments, and storage
//! is reached through the [`storage::KeyValueStore`] port, so everything is tested natively.

pub mod backup;
pub mod backup_health;
pub mod categories;
pub mod checkin;
pub mod contact;
pub mod csv;
pub mod difference;
pub mod face_to_face;
pub mod folder;
pub mod habits;
pub mod helper;
pub mod ics;
pub mod ideas;
pub mod import;
pub mod in_pieces;
pub mod insights;
pub mod intents;
pub mod journal;
pub mod language;
pub mod locked;
pub mod matching;
pub mod merge;
pub mod model;
pub mod need;
pub mod need_filter;
pub mod offer;
pub mod passphrase;
pub mod persist;
pub mod qr;
pub mod record;
pub mod recurrence;
pub mod revision;
pub mod sample;
pub mod schema1;
pub mod settings;
pub mod share;
pub mod storage;
pub mod validation;
pub mod vcard;
pub mod webdav;
