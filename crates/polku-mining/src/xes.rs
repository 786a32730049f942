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
//! Refused, never expanded: any `<!DOCTYPE` (see [`crate::xml`]).

use std::borrow::Cow;
use std::io::Read;
use std::sync::Arc;

use quick_xml::events::BytesStart;
use quick_xml::events::attributes::Attribute;

use crate::error::MineError;
use crate::input::LogInput;
use crate::log::{LogBuilder, ReadLog};
use crate::progress::ReadProgress;
use crate::timestamps::parse_timestamp_bytes_on;
use crate::xml::{XmlVisitor, attribute_error, expect_log_root, no_log_root, unescape, walk_xml};
use crate::zone::{LocalClock, TimeZone};

/// Reads an XES event log, gzip-compressed or not.
///
/// Errors: [`MineError::Xml`] with the byte position (in the decompressed
/// document) for malformed or truncated XML, any `<!DOCTYPE`, a root other
/// than `<log>` or bytes that are not UTF-8; [`MineError::BadTimestamp`]
/// with the line of a `time:timestamp` that is not ISO 8601;
/// [`MineError::Empty`] and [`MineError::NoEvents`]. Never panics.
pub fn read_xes<R: Read>(input: R) -> Result<ReadLog, MineError> {
    read_xes_input(LogInput::open_for_xml_or_json(input)?, &TimeZone::UTC, None)
}

/// Reads XES from an opened input, times without an offset in `zone`,
/// adding the events read to `progress`.
pub(crate) fn read_xes_input<R: Read>(
    mut input: LogInput<R>,
    zone: &TimeZone,
    progress: Option<Arc<ReadProgress>>,
) -> Result<ReadLog, MineError> {
    let mut parser = XesParser {
        builder: LogBuilder::with_progress(progress),
        clock: LocalClock::new(zone),
        ..XesParser::default()
    };
    let end = walk_xml(&mut input, &mut parser)?;
    if !parser.seen_root {
        return Err(no_log_root(end, "XES"));
    }
    parser.finish()
}

/// Where the parser is: element depth and what the current trace and event
/// have shown so far.
#[derive(Default)]
struct XesParser {
    builder: LogBuilder,
    /// Reads times without an offset in the zone asked for.
    clock: LocalClock,
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
                expect_log_root(element, at, "XES")?;
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
                            Some(
                                parse_timestamp_bytes_on(value.as_bytes(), &mut self.clock)
                                    .ok_or_else(|| MineError::BadTimestamp {
                                        line,
                                        value: value.into_owned(),
                                    })?,
                            )
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

    /// CONTRACT.md: only `time:timestamp` orders events (`start_timestamp`
    /// is ignored), and an attribute with nested children names the
    /// activity by its own `value`.
    #[test]
    fn only_time_timestamp_orders_and_a_nested_name_keeps_its_own_value() {
        let text = format!(
            r#"{HEAD}<trace><string key="concept:name" value="c1"/>
              <event><string key="concept:name" value="second"><string key="lang" value="fi"/></string>
                <date key="start_timestamp" value="2024-01-01T00:00:00Z"/>
                <date key="time:timestamp" value="2024-01-03T00:00:00Z"/></event>
              <event><string key="concept:name" value="first"/>
                <date key="start_timestamp" value="2024-01-09T00:00:00Z"/>
                <date key="time:timestamp" value="2024-01-02T00:00:00Z"/></event>
            </trace></log>"#
        );
        let read = read(&text).expect("reads");
        assert_eq!(traces(&read), [["first", "second"]]);
        assert_eq!(read.skipped, 0);
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
