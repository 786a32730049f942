//! Service event logs: readers that stream a file once into a columnar
//! [`EventLog`], and pure analyses over it (directly-follows graph, start and
//! end activities, variants, waiting times, drop-off), with pm4py's rules as
//! written in `CONTRACT.md` ("`polku mine --json` output").

pub mod analysis;
pub mod csv_reader;
pub mod error;
mod interner;
pub mod log;
pub mod ocel;
pub mod pipeline;
pub mod report;
pub mod svg;
pub mod timestamps;
pub mod xes;

pub use analysis::analyse;
pub use error::MineError;
pub use log::{EventLog, LogBuilder, ReadLog};
pub use ocel::{read_ocel_json, read_ocel_xml};
pub use report::Report;
pub use xes::read_xes;
