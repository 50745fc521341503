//! Records and the rules every record follows: ids and revisions, the one merge, the fields each kind of record has and how they are checked.

pub mod categories;
pub mod checkin;
pub mod contact;
pub mod difference;
pub mod helper;
pub mod journal;
pub mod merge;
pub mod need;
pub mod offer;
pub mod record;
pub mod recurrence;
pub mod revision;
pub mod validation;
