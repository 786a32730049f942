//! The mining crate's integration tests: golden outputs made by pm4py, and
//! properties that hold for any log.

mod golden;
mod properties;
mod readers;
