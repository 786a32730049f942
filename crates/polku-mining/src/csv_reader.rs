//! CSV event logs: a header row, three named columns (others ignored), `,`
//! `;` or tab (detected from the header when not given, since Finnish
//! spreadsheet exports use `;`), UTF-8 with or without a BOM, quoted fields,
//! CRLF line ends. Through [`crate::read_log`] also gzip-compressed.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;

use crate::error::MineError;
use crate::input::io_error;
use crate::pipeline::build_concurrently;
use crate::progress::ReadProgress;
use crate::timestamps::parse_timestamp_bytes_on;
use crate::zone::{LocalClock, TimeZone};

/// Longest line accepted.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// Which columns hold what, and the delimiter if known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvOptions {
    /// Case id column.
    pub case: String,
    /// Activity column.
    pub activity: String,
    /// Timestamp column.
    pub timestamp: String,
    /// Field delimiter; detected from the header when `None` (see
    /// [`crate::parse_delimiter`] for the user's spelling of one).
    pub delimiter: Option<u8>,
}

impl Default for CsvOptions {
    fn default() -> Self {
        Self {
            case: "case_id".into(),
            activity: "activity".into(),
            timestamp: "timestamp".into(),
            delimiter: None,
        }
    }
}

pub use crate::log::ReadLog;

/// Reads a CSV event log (not compressed; [`crate::read_log`] also takes
/// gzip).
pub fn read_csv<R: Read>(input: R, options: &CsvOptions) -> Result<ReadLog, MineError> {
    // Small: it only serves the BOM check and delimiter detection; once drained,
    // the csv reader's larger reads go straight to the file without a copy.
    read_csv_input(
        BufReader::with_capacity(1 << 13, input),
        false,
        options,
        &TimeZone::UTC,
        None,
    )
}

/// Reads CSV from a buffered input, times without an offset in `zone`,
/// adding the events read to `progress`;
/// `gzip` says whether read errors come from a decompressor (and so are
/// the file's fault).
pub(crate) fn read_csv_input<B: BufRead>(
    mut input: B,
    gzip: bool,
    options: &CsvOptions,
    zone: &TimeZone,
    progress: Option<Arc<ReadProgress>>,
) -> Result<ReadLog, MineError> {
    let read_error = |e: &std::io::Error| {
        if gzip {
            MineError::Gzip(e.to_string())
        } else {
            io_error(e)
        }
    };
    skip_bom(&mut input).map_err(|e| read_error(&e))?;
    let head = input.fill_buf().map_err(|e| read_error(&e))?;
    if head.is_empty() {
        return Err(MineError::Empty);
    }
    let delimiter = options.delimiter.unwrap_or_else(|| detect_delimiter(head));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(LineCounter::new(input));
    let csv_error = |error: &csv::Error, line: u64| match error.kind() {
        csv::ErrorKind::Utf8 { .. } => MineError::NotUtf8 { line },
        csv::ErrorKind::Io(e) => read_error(e),
        _ => MineError::Csv {
            line,
            reason: error.to_string(),
        },
    };
    let headers = reader.byte_headers().map_err(|e| csv_error(&e, 1))?.clone();
    let names: Vec<String> = headers
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_owned())
        .collect();
    let column = |wanted: &str| {
        names
            .iter()
            .position(|n| n == wanted)
            .ok_or_else(|| MineError::MissingColumn {
                wanted: wanted.to_owned(),
                available: names.join(", "),
            })
    };
    let (case_col, activity_col, time_col) = (
        column(&options.case)?,
        column(&options.activity)?,
        column(&options.timestamp)?,
    );
    let builder = build_concurrently(progress, |sink| {
        let mut record = csv::ByteRecord::new();
        let mut records: u64 = 0;
        let mut clock = LocalClock::new(zone);
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let line = e
                        .position()
                        .map_or(0, |p| reader.get_mut().line_at(p.byte()));
                    return Err(csv_error(&e, line));
                }
            }
            // The line is found only for an error (and every few thousand
            // records, to keep the line counter's memory small).
            let start = record.position().map_or(0, |p| p.byte());
            records += 1;
            if records.is_multiple_of(PRUNE_EVERY) {
                reader.get_mut().line_at(start);
            }
            match event_of(&record, case_col, activity_col, time_col, &mut clock) {
                Ok(Some((case, activity, timestamp))) => sink.push(case, activity, timestamp),
                Ok(None) => sink.skip_incomplete(),
                Err(e) => return Err(e.at_line(reader.get_mut().line_at(start))),
            }
        }
        Ok(())
    })?;
    builder.into_read_log()
}

/// Records between two prunings of the line counter.
const PRUNE_EVERY: u64 = 4096;

/// The event in `record`, `None` when a field is empty; errors carry line 0,
/// which the caller replaces with the record's line.
fn event_of<'r>(
    record: &'r csv::ByteRecord,
    case_col: usize,
    activity_col: usize,
    time_col: usize,
    clock: &mut LocalClock,
) -> Result<Option<(&'r str, &'r str, i64)>, MineError> {
    if record.as_slice().len() > MAX_LINE_BYTES {
        return Err(MineError::LineTooLong { line: 0 });
    }
    let field = |index: usize| -> Result<&str, MineError> {
        std::str::from_utf8(record.get(index).unwrap_or_default())
            .map_err(|_| MineError::NotUtf8 { line: 0 })
    };
    let (case, activity) = (field(case_col)?, field(activity_col)?);
    let time = record.get(time_col).unwrap_or_default();
    if case.is_empty() || activity.is_empty() || time.is_empty() {
        return Ok(None);
    }
    let timestamp =
        parse_timestamp_bytes_on(time, clock).ok_or_else(|| match std::str::from_utf8(time) {
            Ok(text) => MineError::BadTimestamp {
                line: 0,
                value: text.to_owned(),
            },
            Err(_) => MineError::NotUtf8 { line: 0 },
        })?;
    Ok(Some((case, activity, timestamp)))
}

/// Counts lines as an editor shows them (`\n`, `\r\n`), which the `csv`
/// crate's positions do not do after blank lines or quoted newlines: keeps
/// the places of line-end bytes between the last record asked about and what
/// has been read, so its memory follows the reader's buffer, not the file.
struct LineCounter<R> {
    inner: R,
    /// Bytes read so far.
    offset: u64,
    /// Offsets of `\r` (false) and `\n` (true) bytes not yet passed.
    ends: VecDeque<(u64, bool)>,
    /// `\n` bytes passed.
    newlines: u64,
}

impl<R> LineCounter<R> {
    fn new(inner: R) -> Self {
        Self {
            inner,
            offset: 0,
            ends: VecDeque::new(),
            newlines: 0,
        }
    }

    /// The 1-based line of the record that starts at `byte` (or, for the
    /// `csv` crate's positions, after the blank lines that start there).
    /// Calls must come in increasing order of `byte`.
    fn line_at(&mut self, byte: u64) -> u64 {
        while let Some(&(at, newline)) = self.ends.front() {
            if at >= byte {
                break;
            }
            self.newlines += u64::from(newline);
            self.ends.pop_front();
        }
        // Line ends right at the start are blank lines (or the rest of a
        // `\r\n`) before the record.
        let mut next = byte;
        while let Some(&(at, newline)) = self.ends.front() {
            if at != next {
                break;
            }
            self.newlines += u64::from(newline);
            self.ends.pop_front();
            next += 1;
        }
        self.newlines + 1
    }
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let start = self.offset;
        let filled = buf.get(..n).unwrap_or_default();
        self.ends.extend(
            memchr::memchr2_iter(b'\r', b'\n', filled)
                .map(|i| (start + i as u64, filled.get(i) == Some(&b'\n'))),
        );
        self.offset += n as u64;
        Ok(n)
    }
}

fn skip_bom<B: BufRead>(input: &mut B) -> std::io::Result<()> {
    if input.fill_buf()?.starts_with(&[0xEF, 0xBB, 0xBF]) {
        input.consume(3);
    }
    Ok(())
}

/// The most frequent of `,`, `;` and tab outside quotes in the first line.
fn detect_delimiter(head: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &byte in head {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    candidates[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<ReadLog, MineError> {
        read_csv(text.as_bytes(), &CsvOptions::default())
    }

    #[test]
    fn semicolons_bom_crlf_and_quotes_are_understood() {
        let text = "\u{feff}case_id;activity;timestamp;org\r\n\
                    1;\"Haku; kiireellinen\";2024-01-01 10:00:00;\"A \"\"B\"\"\"\r\n\
                    1;Päätös;2024-01-02 10:00:00;x\r\n";
        let read = read(text).expect("reads");
        assert_eq!(read.log.event_count(), 2);
        assert_eq!(read.log.activity_names(), ["Haku; kiireellinen", "Päätös"]);
    }

    fn bad_time_line(text: &str) -> u64 {
        match read(text) {
            Err(MineError::BadTimestamp { line, .. }) => line,
            other => panic!("expected a bad timestamp: {other:?}"),
        }
    }

    #[test]
    fn error_lines_are_the_lines_an_editor_shows() {
        // CRLF, as every Excel export.
        let crlf =
            "case_id,activity,timestamp\r\n1,a,2024-01-01\r\n1,b,2024-01-02\r\n1,c,eilen\r\n";
        assert_eq!(bad_time_line(crlf), 4);
        // Blank lines, with and without CR.
        let blank = "case_id,activity,timestamp\n\n1,a,2024-01-01\n\n\n1,b,eilen\n";
        assert_eq!(bad_time_line(blank), 6);
        let blank_crlf = "case_id,activity,timestamp\r\n\r\n1,a,2024-01-01\r\n\r\n1,b,eilen\r\n";
        assert_eq!(bad_time_line(blank_crlf), 5);
        // A quoted newline inside a field: the record spans two lines.
        let quoted =
            "case_id,activity,timestamp\n1,\"two\nlines\",2024-01-01\n1,b,2024-01-02\n1,c,eilen\n";
        assert_eq!(bad_time_line(quoted), 5);
        let quoted_crlf =
            "case_id,activity,timestamp\r\n1,\"two\r\nlines\",2024-01-01\r\n\r\n1,c,eilen\r\n";
        assert_eq!(bad_time_line(quoted_crlf), 5);
        // The bad timestamp inside a multi-line record: its first line.
        let inside = "case_id,activity,timestamp\n1,a,2024-01-01\n1,\"x\ny\",eilen\n";
        assert_eq!(bad_time_line(inside), 3);
        // With a BOM, and with a file that does not end in a newline.
        let bom = "\u{feff}case_id,activity,timestamp\r\n\r\n1,c,eilen";
        assert_eq!(bad_time_line(bom), 3);
        // Across the reader's buffer: many rows before the bad one.
        let mut long = String::from("case_id,activity,timestamp\r\n");
        for i in 0..20_000 {
            long.push_str(&format!("{i},\"a\r\nb\",2024-01-01\r\n\r\n"));
        }
        long.push_str("x,a,eilen\r\n");
        assert_eq!(bad_time_line(&long), 2 + 3 * 20_000);
    }

    #[test]
    fn delimiter_is_detected_outside_quotes() {
        assert_eq!(detect_delimiter(b"\"a,b,c\";x;y\n"), b';');
        assert_eq!(detect_delimiter(b"a\tb\tc\n"), b'\t');
        assert_eq!(detect_delimiter(b"a,b,c\n"), b',');
        assert_eq!(detect_delimiter(b"single\n"), b',');
    }

    #[test]
    fn incomplete_rows_are_skipped_and_counted() {
        let text =
            "case_id,activity,timestamp\n1,a,2024-01-01\n,a,2024-01-01\n2,,2024-01-01\n3,a,\n";
        let read = read(text).expect("reads");
        assert_eq!(read.log.event_count(), 1);
        assert_eq!(read.skipped, 3);
    }

    #[test]
    fn bad_input_names_its_place() {
        let missing = read("case,activity,timestamp\n1,a,2024-01-01\n").expect_err("missing");
        assert_eq!(
            missing.to_string(),
            "column \"case_id\" not found; the columns are: case, activity, timestamp"
        );
        let bad_time =
            read("case_id,activity,timestamp\n1,a,2024-01-01\n1,b,eilen\n").expect_err("time");
        assert_eq!(
            bad_time.to_string(),
            "line 3: cannot read timestamp \"eilen\" (expected ISO 8601, e.g. 2024-03-01T09:30:00+02:00)"
        );
        assert!(matches!(read(""), Err(MineError::Empty)));
        assert!(matches!(
            read("case_id,activity,timestamp\n"),
            Err(MineError::NoEvents)
        ));
        let latin1 = b"case_id,activity,timestamp\n1,P\xe4\xe4t\xf6s,2024-01-01\n";
        let err = read_csv(&latin1[..], &CsvOptions::default()).expect_err("not utf-8");
        assert!(matches!(err, MineError::NotUtf8 { line: 2 }), "{err:?}");
        let long = format!(
            "case_id,activity,timestamp\n1,{},2024-01-01\n",
            "x".repeat(MAX_LINE_BYTES + 1)
        );
        assert!(matches!(
            read(&long),
            Err(MineError::LineTooLong { line: 2 })
        ));
    }
}
