//! The mining crate's integration tests: golden outputs made by pm4py, the
//! readers and `read_log`'s format detection on files, and properties that
//! hold for any log.

mod golden;
mod properties;
mod read_log;
mod readers;
