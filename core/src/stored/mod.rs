//! How the model is kept in a key-value store, migrated from older layouts, backed up, and how safe the backup is.

pub mod backup;
pub mod backup_health;
pub mod persist;
pub mod schema1;
pub mod storage;
