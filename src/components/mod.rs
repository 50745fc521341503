//! Widgets the screens share: form fields and their errors, drafts of half-written forms,
//! delete with undo, a record's QR card, and the way back to the top of a long list.

pub mod back_to_top;
pub mod deletions;
pub mod form_draft;
pub mod form_parts;
pub mod qr_card;
