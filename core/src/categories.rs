//! The kinds of help and kindness, shared by the journal, helpers and needs.

/// The categories a new Kindred starts with. People can add their own.
pub const SEEDED: [&str; 11] = [
    "listening",
    "being present",
    "practical help",
    "errands and groceries",
    "a ride",
    "company and visits",
    "care for an older person",
    "encouragement and praise",
    "a gift or donation",
    "forgiveness",
    "other",
];
