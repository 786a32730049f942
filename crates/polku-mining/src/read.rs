//! One entry point for every log: [`read_log`] tells gzip, CSV, XES and
//! OCEL 2.0 (JSON or XML) apart by their first bytes, streams the input
//! once through the right reader, and reports bytes and events read to a
//! [`ReadProgress`] on the way.

use std::fmt;
use std::io::Read;
use std::str::FromStr;
use std::sync::Arc;

use crate::csv_reader::{CsvOptions, read_csv_input};
use crate::error::MineError;
use crate::input::{BUFFER_BYTES, CountingReader, LogInput, io_error};
use crate::log::ReadLog;
use crate::ocel::{read_ocel_json_input, read_ocel_xml_input};
use crate::progress::ReadProgress;
use crate::xes::read_xes_input;
use crate::xml::{XmlLog, xml_log_kind};
use crate::zone::TimeZone;

/// How many bytes are looked at first to tell the format; an XML log whose
/// first child element comes later gets a second look at up to
/// [`BUFFER_BYTES`].
const SNIFF_BYTES: usize = 4096;
const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// The formats [`read_log`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LogFormat {
    /// Comma, semicolon, tab or bar separated values with a header row.
    Csv,
    /// IEEE 1849 XES.
    Xes,
    /// OCEL 2.0 as JSON or XML, flattened on one object type.
    Ocel,
}

impl LogFormat {
    /// Every format, in the order they are offered to users.
    pub const ALL: [LogFormat; 3] = [LogFormat::Csv, LogFormat::Xes, LogFormat::Ocel];

    /// The format a file's name suggests (`.csv`, `.tsv`, `.txt`; `.xes`;
    /// `.json`, `.jsonocel`, `.xml`, `.xmlocel`; each also with `.gz`), if
    /// any. Only a hint: [`read_log`] tells the format from the content.
    pub fn from_file_name(name: &str) -> Option<LogFormat> {
        let name = name.to_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let has = |extensions: &[&str]| extensions.iter().any(|e| name.ends_with(e));
        if has(&[".csv", ".tsv", ".txt"]) {
            Some(LogFormat::Csv)
        } else if has(&[".xes"]) {
            Some(LogFormat::Xes)
        } else if has(&[".jsonocel", ".xmlocel", ".json", ".xml"]) {
            Some(LogFormat::Ocel)
        } else {
            None
        }
    }

    /// The lower-case name, as `--format` takes it: `csv`, `xes`, `ocel`.
    pub fn as_str(self) -> &'static str {
        match self {
            LogFormat::Csv => "csv",
            LogFormat::Xes => "xes",
            LogFormat::Ocel => "ocel",
        }
    }
}

impl fmt::Display for LogFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LogFormat {
    type Err = MineError;

    /// `csv`, `xes` or `ocel`, in any case.
    fn from_str(text: &str) -> Result<Self, MineError> {
        LogFormat::ALL
            .into_iter()
            .find(|format| text.eq_ignore_ascii_case(format.as_str()))
            .ok_or_else(|| {
                MineError::Usage(format!(
                    "unknown log format {text:?}; give csv, xes or ocel"
                ))
            })
    }
}

/// How to read a log: the format if known, CSV columns, the OCEL object
/// type, and where to report progress. The default reads any format with
/// the default CSV columns.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The format; told from the content when `None`. Gzip is always
    /// detected, whatever the format.
    pub format: Option<LogFormat>,
    /// CSV: which columns hold the case, activity and timestamp, and the
    /// delimiter if known.
    pub csv: CsvOptions,
    /// OCEL: the object type whose objects become cases. Without it an
    /// OCEL log is refused with a [`MineError::Usage`] listing the types.
    pub object_type: Option<String>,
    /// The zone of timestamps written without an offset, in every format;
    /// UTC by default.
    pub timezone: TimeZone,
    /// Counters to add the bytes and events read to.
    pub progress: Option<Arc<ReadProgress>>,
}

/// The user's spelling of a CSV delimiter: `,` `;` `|` or `tab` (also `\t`
/// or a tab character).
pub fn parse_delimiter(text: &str) -> Result<u8, MineError> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        "," | ";" | "|" => Ok(text.as_bytes()[0]),
        other => Err(MineError::Usage(format!(
            "--delimiter {other:?} is not one of , ; | tab"
        ))),
    }
}

/// Reads an event log in any format [`LogFormat`] names, plain or
/// gzip-compressed, streaming `input` once (only a few kilobytes are looked
/// at ahead to tell the format).
///
/// The format is `options.format` when given; otherwise gzip is detected by
/// its magic bytes and, inside, the first non-blank character (after a
/// UTF-8 byte order mark) decides: `<` is XML, which is OCEL 2.0 when the
/// root `<log>`'s first child is one of OCEL's lists, OCEL 1.0 when it
/// starts with `<global>` sections followed by `<events>` (see
/// `xml_log_kind`), and XES otherwise; `{` (or `[`) is OCEL 2.0 JSON;
/// anything else is CSV.
///
/// Errors: [`MineError::Ocel1`] for an OCEL 1.0 log, JSON or XML; those of [`crate::csv_reader::read_csv`], [`crate::read_xes`],
/// [`crate::read_ocel_json`] and [`crate::read_ocel_xml`];
/// [`MineError::Empty`] for an input of nothing but blanks;
/// [`MineError::NotALog`] for a spreadsheet, UTF-16 text or binary data;
/// [`MineError::Gzip`] for gzip data that cannot be decompressed at all.
pub fn read_log<R: Read>(input: R, options: &ReadOptions) -> Result<ReadLog, MineError> {
    let progress = options.progress.clone();
    let mut input = LogInput::open(CountingReader::new(input, progress.clone()))?;
    let gzip = input.is_gzip();
    let head_error = |e: std::io::Error| {
        if gzip {
            MineError::Gzip(e.to_string())
        } else {
            io_error(&e)
        }
    };
    let head = input.peek(SNIFF_BYTES).map_err(head_error)?;
    if head.is_empty() {
        return Err(MineError::Empty);
    }
    let ocel1 = is_ocel1_json(head);
    let kind = match options.format {
        Some(LogFormat::Csv) => Kind::Csv,
        Some(LogFormat::Xes) => Kind::Xes,
        Some(LogFormat::Ocel) => match first_character(head) {
            Some(b'<') if xml_log_kind(without_bom(head)) == Some(XmlLog::Ocel1) => Kind::Ocel1Xml,
            Some(b'<') => Kind::OcelXml,
            _ => Kind::OcelJson,
        },
        None => {
            let ended = head.len() < SNIFF_BYTES;
            match sniff(head, ended)? {
                Some(kind) => kind,
                // An XML log whose first child lies beyond the first look.
                None => {
                    let head = input.peek(BUFFER_BYTES).map_err(head_error)?;
                    sniff(head, true)?.unwrap_or(Kind::Xes)
                }
            }
        }
    };
    if kind == Kind::OcelJson && ocel1 {
        return Err(MineError::Ocel1 { xml: false });
    }
    let object_type = options.object_type.as_deref();
    let zone = &options.timezone;
    let read = match kind {
        Kind::Csv => read_csv_input(
            input.without_line_count(),
            gzip,
            &options.csv,
            zone,
            progress,
        ),
        Kind::Xes => read_xes_input(input, zone, progress),
        Kind::OcelJson => {
            read_ocel_json_input(input, object_type.unwrap_or_default(), zone, progress)
        }
        Kind::OcelXml => {
            read_ocel_xml_input(input, object_type.unwrap_or_default(), zone, progress)
        }
        Kind::Ocel1Xml => Err(MineError::Ocel1 { xml: true }),
    };
    match (object_type, read) {
        (None, Err(MineError::UnknownObjectType { available, .. })) => {
            Err(MineError::Usage(format!(
                "OCEL logs are flattened on one object type: give --object-type, one of: {available}"
            )))
        }
        (_, read) => read,
    }
}

/// Which reader a log goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Csv,
    Xes,
    OcelJson,
    OcelXml,
    /// OCEL 1.0 XML, refused.
    Ocel1Xml,
}

fn without_bom(head: &[u8]) -> &[u8] {
    head.strip_prefix(UTF8_BOM).unwrap_or(head)
}

/// The first byte that is not blank, after a UTF-8 byte order mark.
fn first_character(head: &[u8]) -> Option<u8> {
    let text = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    text.iter().copied().find(|b| !b.is_ascii_whitespace())
}

/// The reader for a log starting with `head` (`ended`: nothing follows);
/// `None` when an XML head ends before it tells XES from OCEL.
fn sniff(head: &[u8], ended: bool) -> Result<Option<Kind>, MineError> {
    if let Some(reason) = not_a_log(head) {
        return Err(MineError::NotALog(reason.into()));
    }
    Ok(match first_character(head) {
        None if ended => return Err(MineError::Empty),
        None => Some(Kind::Csv),
        Some(b'<') => match xml_log_kind(without_bom(head)) {
            Some(XmlLog::Ocel2) => Some(Kind::OcelXml),
            Some(XmlLog::Ocel1) => Some(Kind::Ocel1Xml),
            Some(XmlLog::Xes) => Some(Kind::Xes),
            None if ended => Some(Kind::Xes),
            None => None,
        },
        Some(b'{' | b'[') => Some(Kind::OcelJson),
        Some(_) => Some(Kind::Csv),
    })
}

/// Whether a JSON head is OCEL 1.0: its top-level keys are prefixed
/// `ocel:` (`ocel:global-event`, `ocel:events`, ...), OCEL 2.0's are not.
fn is_ocel1_json(head: &[u8]) -> bool {
    let text = head
        .strip_prefix(UTF8_BOM)
        .unwrap_or(head)
        .trim_ascii_start();
    text.strip_prefix(b"{")
        .is_some_and(|rest| rest.trim_ascii_start().starts_with(b"\"ocel:"))
}

/// What a head that no reader can read seems to be.
fn not_a_log(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(b"PK\x03\x04") {
        Some("it is a ZIP archive, such as an Excel workbook; save the sheet as CSV (UTF-8)")
    } else if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        Some("it is UTF-16 text; save it as UTF-8")
    } else if head.contains(&0) {
        Some("it holds binary data")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_hint_at_formats() {
        for (name, format) in [
            ("loki.csv", Some(LogFormat::Csv)),
            ("LOKI.TSV", Some(LogFormat::Csv)),
            ("loki.csv.gz", Some(LogFormat::Csv)),
            ("/tmp/a.b/loki.xes.gz", Some(LogFormat::Xes)),
            ("loki.jsonocel", Some(LogFormat::Ocel)),
            ("loki.xml", Some(LogFormat::Ocel)),
            ("loki.gz", None),
            ("loki", None),
        ] {
            assert_eq!(LogFormat::from_file_name(name), format, "{name}");
        }
    }

    #[test]
    fn formats_print_and_parse_alike() {
        for format in LogFormat::ALL {
            assert_eq!(format.to_string().parse::<LogFormat>().ok(), Some(format));
        }
        assert_eq!("XES".parse::<LogFormat>().ok(), Some(LogFormat::Xes));
        let err = "xlsx".parse::<LogFormat>().expect_err("unknown");
        assert_eq!(
            err.to_string(),
            "unknown log format \"xlsx\"; give csv, xes or ocel"
        );
    }

    #[test]
    fn delimiters_are_spelled_as_users_do() {
        assert_eq!(parse_delimiter(";").ok(), Some(b';'));
        assert_eq!(parse_delimiter(",").ok(), Some(b','));
        assert_eq!(parse_delimiter("|").ok(), Some(b'|'));
        for tab in ["tab", "\\t", "\t"] {
            assert_eq!(parse_delimiter(tab).ok(), Some(b'\t'), "{tab:?}");
        }
        let err = parse_delimiter(":").expect_err("colon");
        assert_eq!(err.to_string(), "--delimiter \":\" is not one of , ; | tab");
        assert!(parse_delimiter("").is_err());
    }

    #[test]
    fn the_first_character_decides() {
        let kind = |head: &[u8]| sniff(head, true).expect("known").expect("decided");
        assert_eq!(kind(b"case_id;activity"), Kind::Csv);
        assert_eq!(kind(b"\xEF\xBB\xBF  {\"objects\": []}"), Kind::OcelJson);
        assert_eq!(kind(b"\n<log><trace/></log>"), Kind::Xes);
        assert_eq!(kind(b"<log><objects/></log>"), Kind::OcelXml);
        assert_eq!(kind(b"<log><tra"), Kind::Xes, "cut short at the end");
        assert_eq!(sniff(b"<log><tra", false).expect("no error"), None);
        assert!(matches!(sniff(b" \r\n\t", true), Err(MineError::Empty)));
        assert!(matches!(
            sniff(b"PK\x03\x04\x14\x00", true),
            Err(MineError::NotALog(_))
        ));
        assert!(matches!(
            sniff(b"\xFF\xFEc\x00a\x00", true),
            Err(MineError::NotALog(_))
        ));
    }
}
