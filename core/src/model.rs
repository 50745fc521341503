//! Everything Kindred knows, in memory. The browser shell holds one `Model` and persists it
//! through [`crate::persist`].

use crate::helper::Helper;
use crate::journal::JournalEntry;
use crate::need::Need;
use crate::record::Records;
use crate::settings::Settings;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    pub journal: Records<JournalEntry>,
    pub helpers: Records<Helper>,
    pub needs: Records<Need>,
    pub settings: Settings,
}

impl Model {
    /// True when anything has been written down, deleted records included.
    pub fn has_records(&self) -> bool {
        self.journal.all().next().is_some()
            || self.helpers.all().next().is_some()
            || self.needs.all().next().is_some()
    }

    /// True while some change has not reached storage.
    pub fn has_unsaved(&self) -> bool {
        self.journal.has_unsaved() || self.helpers.has_unsaved() || self.needs.has_unsaved()
    }
}
