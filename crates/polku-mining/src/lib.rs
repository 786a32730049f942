//! Service event logs: [`read_log`] tells the format (CSV, XES, OCEL 2.0;
//! plain or gzip) from the content and streams the file once into a
//! columnar [`EventLog`]; pure analyses over it (directly-follows graph,
//! start and end activities, variants, waiting times, drop-off) follow
//! pm4py's rules as written in `CONTRACT.md` ("`polku mine --json` output").

pub mod analysis;
pub mod csv_reader;
pub mod error;
mod input;
mod interner;
pub mod log;
pub mod ocel;
pub mod pipeline;
mod progress;
pub mod read;
pub mod report;
pub mod svg;
pub mod timestamps;
pub mod xes;
mod xml;
pub mod zone;

pub use analysis::analyse;
pub use csv_reader::{CsvOptions, read_csv};
pub use error::MineError;
pub use log::{EventLog, LogBuilder, ReadLog};
pub use ocel::{read_ocel_json, read_ocel_xml};
pub use progress::ReadProgress;
pub use read::{LogFormat, ReadOptions, parse_delimiter, read_log};
pub use report::Report;
pub use xes::read_xes;
pub use zone::TimeZone;
