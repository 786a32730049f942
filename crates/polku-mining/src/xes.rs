//! XES event logs (IEEE 1849), plain or gzip-compressed (detected by the
//! magic bytes, so `.xes.gz` works whatever the file is called), read in one
//! streaming pass with `quick-xml`.
//!
//! What is taken, as pm4py takes it: the case id is the trace's
//! `concept:name`, the activity the event's `concept:name`, the time its
//! `time:timestamp`; only attributes directly under `<trace>` and `<event>`
//! count (a nested attribute that happens to be keyed `concept:name` does
//! not), and `<global>` defaults are not applied. Every event counts,
//! whatever its `lifecycle:transition`. Events lacking an activity or a
//! timestamp, and the events of a trace without a name, are left out and
//! counted in [`ReadLog::skipped`].
//!
//! Refused, never expanded: any `<!DOCTYPE`, since a DTD could define
//! entities (billion laughs) or point at external files. Only the five
//! predefined entities and character references are unescaped.

use std::borrow::Cow;
use std::io::{self, BufRead, BufReader, Read};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use flate2::bufread::MultiGzDecoder;
use quick_xml::XmlVersion;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};

use crate::csv_reader::ReadLog;
use crate::error::MineError;
use crate::log::LogBuilder;
use crate::timestamps::parse_timestamp;

/// Reads an XES event log, gzip-compressed or not.
///
/// Errors: [`MineError::Xml`] with the byte position (in the decompressed
/// document) for malformed or truncated XML, any `<!DOCTYPE`, a root other
/// than `<log>` or bytes that are not UTF-8; [`MineError::BadTimestamp`]
/// with the line of a `time:timestamp` that is not ISO 8601;
/// [`MineError::Empty`] and [`MineError::NoEvents`]. Never panics.
pub fn read_xes<R: Read>(input: R) -> Result<ReadLog, MineError> {
    read_xes_with_progress(input, None)
}

/// [`read_xes`], adding the number of events read to `progress` now and then.
pub fn read_xes_with_progress<R: Read>(
    input: R,
    progress: Option<Arc<AtomicU64>>,
) -> Result<ReadLog, MineError> {
    let mut input = LogInput::open(input)?;
    let mut parser = XesParser {
        builder: LogBuilder::with_progress(progress),
        ..XesParser::default()
    };
    let end = walk_xml(&mut input, &mut parser)?;
    if !parser.seen_root {
        return Err(MineError::Xml {
            position: end,
            reason: "no <log> element; is this an XES file?".into(),
        });
    }
    parser.finish()
}

/// Where the parser is: element depth and what the current trace and event
/// have shown so far.
#[derive(Default)]
struct XesParser {
    builder: LogBuilder,
    /// Depth of open elements; the root `<log>` is at depth 1 once open.
    depth: usize,
    seen_root: bool,
    in_trace: bool,
    in_event: bool,
    case: Option<String>,
    /// The current trace's complete events: activity range in `names`, time.
    /// Held until `</trace>` because the trace's name may come after them.
    events: Vec<(usize, usize, i64)>,
    names: String,
    activity: Option<(usize, usize)>,
    time: Option<i64>,
}

impl XmlVisitor for XesParser {
    fn open(&mut self, element: &BytesStart<'_>, at: u64, line: u64) -> Result<(), MineError> {
        XesParser::open(self, element, at, line)
    }

    fn close(&mut self) {
        XesParser::close(self);
    }

    fn depth_mut(&mut self) -> &mut usize {
        &mut self.depth
    }
}

impl XesParser {
    /// Handles an opening tag at depth `self.depth + 1`.
    fn open(&mut self, element: &BytesStart<'_>, at: u64, line: u64) -> Result<(), MineError> {
        let name = element.local_name();
        let name = name.as_ref();
        match self.depth + 1 {
            1 => {
                if name != "log" {
                    return Err(MineError::Xml {
                        position: at,
                        reason: format!(
                            "the root element is <{name}>, not <log>; is this an XES file?"
                        ),
                    });
                }
                self.seen_root = true;
            }
            2 if name == "trace" => {
                self.in_trace = true;
                self.case = None;
                self.events.clear();
                self.names.clear();
            }
            // An event outside any trace has no case.
            2 if name == "event" => self.builder.skip_incomplete(),
            3 if self.in_trace && name == "event" => {
                self.in_event = true;
                self.activity = None;
                self.time = None;
            }
            3 if self.in_trace => {
                if let Some((key, value)) = key_and_value(element, at)?
                    && key == "concept:name"
                {
                    self.case = Some(unescape(&value, at)?.into_owned());
                }
            }
            4 if self.in_event => {
                let Some((key, value)) = key_and_value(element, at)? else {
                    return Ok(());
                };
                match key.as_ref() {
                    "concept:name" => {
                        let start = self.names.len();
                        self.names.push_str(&unescape(&value, at)?);
                        self.activity = Some((start, self.names.len()));
                    }
                    "time:timestamp" => {
                        let value = unescape(&value, at)?;
                        self.time = if value.trim().is_empty() {
                            None
                        } else {
                            Some(parse_timestamp(&value).ok_or_else(|| {
                                MineError::BadTimestamp {
                                    line,
                                    value: value.into_owned(),
                                }
                            })?)
                        };
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Handles a closing tag of the element at depth `self.depth`.
    fn close(&mut self) {
        match self.depth {
            3 if self.in_event => {
                self.in_event = false;
                match (self.activity, self.time) {
                    (Some((start, end)), Some(time)) if start < end => {
                        self.events.push((start, end, time));
                    }
                    _ => self.builder.skip_incomplete(),
                }
            }
            2 if self.in_trace => {
                self.in_trace = false;
                match self.case.as_deref() {
                    Some(case) if !case.is_empty() => {
                        for &(start, end, time) in &self.events {
                            self.builder.push(case, &self.names[start..end], time);
                        }
                    }
                    _ => {
                        for _ in &self.events {
                            self.builder.skip_incomplete();
                        }
                    }
                }
            }
            _ => {}
        }
        self.depth = self.depth.saturating_sub(1);
    }

    fn finish(self) -> Result<ReadLog, MineError> {
        self.builder.into_read_log()
    }
}

/// The unescaped `key` and the raw `value` of an XES attribute element
/// such as `<string key="concept:name" value="..."/>`, if it has both. The
/// value is unescaped only when the key is one the reader wants, which
/// saves an allocation for every other attribute.
fn key_and_value<'b>(
    element: &'b BytesStart<'_>,
    at: u64,
) -> Result<Option<(Cow<'b, str>, Attribute<'b>)>, MineError> {
    let mut key = None;
    let mut value = None;
    // Duplicate attributes are not looked for (the last one wins): the
    // check costs a twentieth of the reading time and cannot change which
    // events are read.
    for attribute in element.attributes().with_checks(false) {
        let attribute = attribute.map_err(|e| attribute_error(&e.to_string(), at))?;
        match attribute.key.as_ref() {
            "key" => key = Some(unescape(&attribute, at)?),
            "value" => value = Some(attribute),
            _ => {}
        }
    }
    Ok(key.zip(value))
}

/// An attribute's value with entities and character references replaced
/// and whitespace normalised, as XML 1.0 says (and as lxml, under pm4py,
/// does).
fn unescape<'b>(attribute: &Attribute<'b>, at: u64) -> Result<Cow<'b, str>, MineError> {
    // Most values have nothing to replace; this scan is cheaper than
    // quick-xml's general one.
    if !attribute
        .value
        .bytes()
        .any(|b| matches!(b, b'&' | b'\t' | b'\n' | b'\r'))
    {
        return Ok(attribute.value.clone());
    }
    attribute
        .normalized_value(XmlVersion::Implicit1_0)
        .map_err(|e| attribute_error(&e.to_string(), at))
}

fn attribute_error(reason: &str, at: u64) -> MineError {
    MineError::Xml {
        position: at,
        reason: format!("bad attribute: {reason}"),
    }
}

/// A quick-xml reader set up for event logs: whitespace between tags
/// dropped (nothing to see there), end tags checked against start tags.
/// Receives the elements a streaming XML walk meets; [`walk_xml`] counts the depth.
pub(crate) trait XmlVisitor {
    /// An element opens one level below the current depth.
    fn open(&mut self, element: &BytesStart<'_>, at: u64, line: u64) -> Result<(), MineError>;
    /// The element at the current depth closes (and the depth drops by one).
    fn close(&mut self);
    /// The depth of open elements.
    fn depth_mut(&mut self) -> &mut usize;
}

/// Streams the whole document to `visitor`, refusing any `<!DOCTYPE` and
/// truncated or malformed XML; returns the end position.
pub(crate) fn walk_xml<R: Read>(
    input: &mut LogInput<R>,
    visitor: &mut impl XmlVisitor,
) -> Result<u64, MineError> {
    let mut reader = xml_reader(input);
    let mut buf = Vec::with_capacity(1024);
    loop {
        let at = reader.buffer_position();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(&reader, e))?;
        let line = reader.get_ref().line();
        match event {
            Event::Start(element) => {
                visitor.open(&element, at, line)?;
                *visitor.depth_mut() += 1;
            }
            Event::Empty(element) => {
                visitor.open(&element, at, line)?;
                // A self-closing element opens and closes at once.
                *visitor.depth_mut() += 1;
                visitor.close();
            }
            Event::End(_) => visitor.close(),
            Event::DocType(_) => return Err(doctype_refused(at)),
            Event::Eof => {
                if *visitor.depth_mut() > 0 {
                    return Err(truncated(reader.buffer_position(), reader.get_ref().line()));
                }
                return Ok(reader.buffer_position());
            }
            _ => {}
        }
        buf.clear();
    }
}

fn xml_reader<R: Read>(input: &mut LogInput<R>) -> quick_xml::Reader<&mut LogInput<R>> {
    let mut reader = quick_xml::Reader::from_reader(input);
    let config = reader.config_mut();
    config.trim_text(true);
    config.check_end_names = true;
    reader
}

/// The refusal of a document type declaration.
fn doctype_refused(position: u64) -> MineError {
    MineError::Xml {
        position,
        reason: "<!DOCTYPE> is not accepted: a DTD can define entities or fetch files; \
                 event logs need none, so remove the declaration"
            .into(),
    }
}

/// The end of the input before the root element is closed.
fn truncated(position: u64, line: u64) -> MineError {
    MineError::Xml {
        position,
        reason: format!("the file ends (line {line}) before </log>; is it truncated?"),
    }
}

/// A quick-xml error as the user's fault, unless the system failed to read.
fn xml_error<R: Read>(
    reader: &quick_xml::Reader<&mut LogInput<R>>,
    error: quick_xml::Error,
) -> MineError {
    let input = reader.get_ref();
    let reason = match &error {
        quick_xml::Error::Io(e) => {
            if !input.is_gzip() {
                return io_error(e);
            }
            // Whatever goes wrong inside the decompressor is the file's fault.
            format!("cannot decompress the gzip data: {e}")
        }
        quick_xml::Error::Encoding(_) => {
            "the file is not UTF-8; save it as UTF-8 (the XML declaration's encoding is not used)"
                .into()
        }
        other => other.to_string(),
    };
    // quick-xml records the start of the broken markup for syntax errors;
    // a failed read happens at the read position.
    let position = if matches!(error, quick_xml::Error::Io(_)) {
        reader.buffer_position()
    } else {
        reader.error_position()
    };
    MineError::Xml {
        position,
        reason: format!("{reason} (near line {})", input.line()),
    }
}

fn io_error(error: &io::Error) -> MineError {
    MineError::Io {
        path: "input".into(),
        reason: error.to_string(),
    }
}

/// A log file's bytes, decompressed if they start with the gzip magic
/// bytes, counting the lines the XML parser has consumed so that errors can
/// name a line. Shared by the XES and OCEL readers.
pub(crate) struct LogInput<R: Read> {
    source: Source<R>,
    /// 1 + newlines consumed so far.
    line: u64,
}

enum Source<R: Read> {
    Plain(BufReader<R>),
    Gzip(Box<BufReader<MultiGzDecoder<BufReader<R>>>>),
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
const BUFFER_BYTES: usize = 1 << 16;

impl<R: Read> LogInput<R> {
    /// Wraps `input`, detecting gzip; [`MineError::Empty`] if it holds nothing.
    pub(crate) fn open(input: R) -> Result<Self, MineError> {
        let mut plain = BufReader::with_capacity(BUFFER_BYTES, input);
        let head = plain.fill_buf().map_err(|e| io_error(&e))?;
        if head.is_empty() {
            return Err(MineError::Empty);
        }
        let mut this = if head.starts_with(&GZIP_MAGIC) {
            let decoder = MultiGzDecoder::new(plain);
            Self {
                source: Source::Gzip(Box::new(BufReader::with_capacity(BUFFER_BYTES, decoder))),
                line: 1,
            }
        } else {
            Self {
                source: Source::Plain(plain),
                line: 1,
            }
        };
        let decompressed = this.fill_buf().map_err(|e| MineError::Xml {
            position: 0,
            reason: format!("cannot decompress the gzip data: {e}"),
        })?;
        if decompressed.is_empty() {
            return Err(MineError::Empty);
        }
        Ok(this)
    }

    /// Whether the input is gzip-compressed.
    pub(crate) fn is_gzip(&self) -> bool {
        matches!(self.source, Source::Gzip(_))
    }

    /// The line the parser has reached (1-based).
    pub(crate) fn line(&self) -> u64 {
        self.line
    }
}

fn count_lines(bytes: &[u8]) -> u64 {
    // Byte-wide counters over chunks of at most 255 bytes cannot overflow
    // and let the compiler count 32 bytes at a time.
    bytes
        .chunks(255)
        .map(|chunk| u64::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n'))))
        .sum()
}

impl<R: Read> Read for LogInput<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = match &mut self.source {
            Source::Plain(r) => r.read(out)?,
            Source::Gzip(r) => r.read(out)?,
        };
        self.line += count_lines(&out[..n]);
        Ok(n)
    }
}

impl<R: Read> BufRead for LogInput<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match &mut self.source {
            Source::Plain(r) => r.fill_buf(),
            Source::Gzip(r) => r.fill_buf(),
        }
    }

    fn consume(&mut self, amount: usize) {
        match &mut self.source {
            Source::Plain(r) => consume_counting(r, amount, &mut self.line),
            Source::Gzip(r) => consume_counting(r, amount, &mut self.line),
        }
    }
}

/// Consumes `amount` buffered bytes, adding their newlines to `line`. The
/// parser consumes exactly what it has parsed, so counting here keeps
/// `line` at the parser's place, not the read-ahead's.
fn consume_counting<B: Read>(reader: &mut BufReader<B>, amount: usize, line: &mut u64) {
    let buffered = reader.buffer();
    *line += count_lines(&buffered[..amount.min(buffered.len())]);
    reader.consume(amount);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<ReadLog, MineError> {
        read_xes(text.as_bytes())
    }

    fn traces(read: &ReadLog) -> Vec<Vec<&str>> {
        let log = &read.log;
        (0..log.case_count())
            .map(|case| log.case_activity_names(case).collect())
            .collect()
    }

    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?><log xes.version="1.0">"#;

    #[test]
    fn start_and_complete_both_count() {
        let text = format!(
            r#"{HEAD}<trace><string key="concept:name" value="c1"/>
            <event><string key="concept:name" value="a"/><string key="lifecycle:transition" value="start"/>
              <date key="time:timestamp" value="2024-01-01T10:00:00.000+02:00"/></event>
            <event><string key="concept:name" value="a"/><string key="lifecycle:transition" value="complete"/>
              <date key="time:timestamp" value="2024-01-01T09:00:00Z"/></event>
            </trace></log>"#
        );
        let read = read(&text).expect("reads");
        assert_eq!(traces(&read), [["a", "a"]]);
        let times = read.log.case_times(0);
        assert_eq!(
            times[1] - times[0],
            3_600_000_000_000,
            "+02:00 is converted to UTC"
        );
    }

    #[test]
    fn nested_attributes_and_globals_are_not_taken() {
        let text = format!(
            r#"{HEAD}<global scope="event"><string key="concept:name" value="DEFAULT"/></global>
            <trace><string key="concept:name" value="c1"/>
              <list key="l"><string key="concept:name" value="not the case"/></list>
              <event><string key="x" value="y"><string key="concept:name" value="nested"/></string>
                <string key="concept:name" value="real"/><date key="time:timestamp" value="2024-01-01"/></event>
              <event><date key="time:timestamp" value="2024-01-02"/></event>
            </trace></log>"#
        );
        let read = read(&text).expect("reads");
        assert_eq!(traces(&read), [["real"]]);
        assert_eq!(
            read.skipped, 1,
            "the event without a name is not given the global default"
        );
    }

    #[test]
    fn case_name_after_the_events_still_counts() {
        let text = format!(
            r#"{HEAD}<trace><event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-01"/></event>
            <string key="concept:name" value="late"/></trace></log>"#
        );
        assert_eq!(read(&text).expect("reads").log.case_count(), 1);
    }

    #[test]
    fn whitespace_in_values_is_normalised_as_xml_says() {
        let text = format!(
            "{HEAD}<trace><string key=\"concept:name\" value=\"c\"/><event>\
             <string key=\"concept:name\" value=\"two\tparts\"/>\
             <date key=\"time:timestamp\" value=\"2024-01-01\"/></event></trace></log>"
        );
        assert_eq!(traces(&read(&text).expect("reads")), [["two parts"]]);
    }

    #[test]
    fn bad_timestamp_names_its_line() {
        let text = format!(
            "{HEAD}\n<trace><string key=\"concept:name\" value=\"c\"/>\n<event>\n\
             <date key=\"time:timestamp\" value=\"eilen\"/></event></trace></log>"
        );
        let err = read(&text).expect_err("bad time");
        assert!(
            matches!(err, MineError::BadTimestamp { line: 4, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn other_documents_are_refused() {
        assert!(matches!(read(""), Err(MineError::Empty)));
        assert!(matches!(read("<log></log>"), Err(MineError::NoEvents)));
        let err = read("<html><body/></html>").expect_err("not xes");
        assert!(err.to_string().contains("not <log>"), "{err}");
        assert!(matches!(read("  "), Err(MineError::Xml { .. })));
    }

    #[test]
    fn latin1_is_refused_as_not_utf8() {
        let bytes =
            b"<log><trace><string key=\"concept:name\" value=\"P\xe4\xe4t\xf6s\"/></trace></log>";
        let err = read_xes(&bytes[..]).expect_err("latin-1");
        assert!(err.to_string().contains("not UTF-8"), "{err}");
    }
}
