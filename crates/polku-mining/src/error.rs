//! Why a log could not be read. Every message is one line that names the
//! place (line, column, element) and what was wrong.

/// A log that could not be read; always the user's input at fault except `Io`.
#[derive(Debug, thiserror::Error)]
pub enum MineError {
    /// The file could not be opened or read.
    #[error("cannot read {path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// The system's reason.
        reason: String,
    },
    /// The file holds nothing.
    #[error("the file is empty")]
    Empty,
    /// The file has no events with all of case, activity and timestamp.
    #[error("the file has no events (every row lacks a case, an activity or a timestamp)")]
    NoEvents,
    /// A named column is not in the header.
    #[error("column {wanted:?} not found; the columns are: {available}")]
    MissingColumn {
        /// The column asked for.
        wanted: String,
        /// The header's columns, comma-separated.
        available: String,
    },
    /// A timestamp could not be understood.
    #[error(
        "line {line}: cannot read timestamp {value:?} (expected ISO 8601, e.g. 2024-03-01T09:30:00+02:00)"
    )]
    BadTimestamp {
        /// 1-based line (or element position for XML).
        line: u64,
        /// The value as written.
        value: String,
    },
    /// Bytes that are not UTF-8.
    #[error(
        "line {line}: the file is not UTF-8; save it as UTF-8 (it may be Windows-1252 or ISO-8859-1, as older Excel exports are)"
    )]
    NotUtf8 {
        /// 1-based line.
        line: u64,
    },
    /// A line longer than the limit.
    #[error("line {line} is longer than 1 MB; is this an event log?")]
    LineTooLong {
        /// 1-based line.
        line: u64,
    },
    /// Broken CSV (unbalanced quotes and the like).
    #[error("line {line}: malformed CSV: {reason}")]
    Csv {
        /// 1-based line.
        line: u64,
        /// The parser's reason.
        reason: String,
    },
    /// Broken or refused XML.
    #[error("malformed XML at byte {position}: {reason}")]
    Xml {
        /// Byte offset into the (decompressed) document.
        position: u64,
        /// What was wrong.
        reason: String,
    },
    /// Gzip data that cannot be decompressed (said of a CSV log or before
    /// the format is known; the XML and JSON readers say it in their own
    /// errors).
    #[error("cannot decompress the gzip data: {0}")]
    Gzip(String),
    /// Input that is none of the formats read, such as a spreadsheet or
    /// binary data; says what it seems to be.
    #[error("not a CSV, XES or OCEL 2.0 log: {0}")]
    NotALog(String),
    /// An OCEL 1.0 log, which is not read: JSON with keys prefixed `ocel:`,
    /// or XML whose `<log>` starts with `<global>` sections and holds
    /// `<events>` and `<objects>`.
    #[error(
        "this is an OCEL 1.0 log; polku reads OCEL 2.0. Convert it first, for example with pm4py: {}",
        ocel1_conversion(*xml)
    )]
    Ocel1 {
        /// Whether the log is XML (else JSON).
        xml: bool,
    },
    /// Broken OCEL JSON.
    #[error("malformed OCEL JSON: {0}")]
    Json(String),
    /// The OCEL object type asked for does not exist.
    #[error("object type {wanted:?} not found; the object types are: {available}")]
    UnknownObjectType {
        /// The type asked for.
        wanted: String,
        /// The log's object types, comma-separated.
        available: String,
    },
    /// A `--timezone` that is not in the IANA time zone database.
    #[error("unknown time zone {0:?}; give an IANA name such as Europe/Helsinki (or UTC)")]
    UnknownTimeZone(String),
    /// A required option is missing.
    #[error("{0}")]
    Usage(String),
}

/// A line of Python that turns an OCEL 1.0 file into OCEL 2.0 with pm4py
/// (`read_ocel` tells the version-1 format by the file name's extension).
pub fn ocel1_conversion(xml: bool) -> &'static str {
    if xml {
        "pm4py.write_ocel2(pm4py.read_ocel(\"old.xmlocel\"), \"new.xml\")"
    } else {
        "pm4py.write_ocel2(pm4py.read_ocel(\"old.jsonocel\"), \"new.json\")"
    }
}

impl MineError {
    /// The same error placed on `line`, for errors found in a record
    /// before its line was known.
    pub(crate) fn at_line(self, line: u64) -> Self {
        match self {
            MineError::BadTimestamp { value, .. } => MineError::BadTimestamp { line, value },
            MineError::NotUtf8 { .. } => MineError::NotUtf8 { line },
            MineError::LineTooLong { .. } => MineError::LineTooLong { line },
            other => other,
        }
    }

    /// Whether the input was at fault (exit 2) rather than the system (exit 1).
    pub fn is_bad_input(&self) -> bool {
        !matches!(self, MineError::Io { .. })
    }
}
