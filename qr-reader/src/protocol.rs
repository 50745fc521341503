//! The messages between the page (`src/face_to_face/reader.rs` in the app) and the worker.
//! Field names of plain JavaScript objects, kept here so that the two sides cannot drift.
//!
//! - worker → page, once: `{ready: true}` when it can read frames, or `{failed: "why"}` when
//!   its wasm did not load (`start.js`).
//! - page → worker, one frame at a time: `{width, height, pixels}`, `pixels` an ArrayBuffer
//!   of RGBA, transferred (not copied).
//! - worker → page, for each frame: `{code, decodeMs}`, `code` a Uint8Array of the QR code's
//!   bytes or `null`, `decodeMs` the time the worker spent on the frame.

/// The script that starts the worker, relative to the page (Trunk puts the worker's files in
/// this folder: index.html).
pub const WORKER_SCRIPT: &str = "qr-reader/start.js";

pub const READY: &str = "ready";
pub const FAILED: &str = "failed";
pub const WIDTH: &str = "width";
pub const HEIGHT: &str = "height";
pub const PIXELS: &str = "pixels";
pub const CODE: &str = "code";
pub const DECODE_MS: &str = "decodeMs";
