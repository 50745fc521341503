//! What Kindred works out from the data to show: insights, habits and goals, ideas, helpers suggested for a need, and the needs board's search.

pub mod habits;
pub mod ideas;
pub mod insights;
pub mod matching;
pub mod need_filter;
