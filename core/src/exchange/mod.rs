//! What travels between neighbours: share files and their import, locked files, CSV, vCard, calendars, QR codes, the group folder and face to face.

pub mod csv;
pub mod face_to_face;
pub mod folder;
pub mod ics;
pub mod import;
pub mod in_pieces;
pub mod locked;
pub mod passphrase;
pub mod qr;
pub mod share;
pub mod vcard;
pub mod webdav;
