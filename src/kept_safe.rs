//! Whether the browser keeps Kindred's storage: a plain enum, so that the app's words
//! (`text.rs`) and the native tests that build them need no browser types.

/// Whether the browser keeps Kindred's storage when the device runs short of space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptSafe {
    /// Kindred asks once something is written down.
    NotAskedYet,
    Asking,
    Granted,
    NotGranted,
    /// The browser has no such choice.
    Unknown,
}
