//! Everything Kindred knows, in memory. The browser shell holds one `Model` and persists it
//! through [`crate::persist`].

use crate::journal::JournalEntry;
use crate::record::Records;
use crate::settings::Settings;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    pub journal: Records<JournalEntry>,
    pub settings: Settings,
}

impl Model {
    /// True while some change has not reached storage.
    pub fn has_unsaved(&self) -> bool {
        self.journal.has_unsaved()
    }
}
