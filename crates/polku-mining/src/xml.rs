//! What the XES and OCEL 2.0 XML readers share: a streaming walk over the
//! elements (refusing any `<!DOCTYPE`, truncated or malformed XML), the
//! root check, attribute values with entities and whitespace decoded as
//! XML 1.0 says, and errors that name a byte position and a line.
//!
//! Refused, never expanded: any `<!DOCTYPE`, since a DTD could define
//! entities (billion laughs) or point at external files. Only the five
//! predefined entities and character references are unescaped.

use std::borrow::Cow;
use std::io::Read;

use quick_xml::XmlVersion;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};

use crate::error::MineError;
use crate::input::{LogInput, io_error};

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

/// Checks that the root element is `<log>`, the root of both XES and OCEL
/// 2.0 XML; `kind` names the format in the error ("XES", "OCEL 2.0 XML").
pub(crate) fn expect_log_root(
    element: &BytesStart<'_>,
    at: u64,
    kind: &str,
) -> Result<(), MineError> {
    let name = element.local_name();
    let name = name.as_ref();
    if name == "log" {
        Ok(())
    } else {
        Err(MineError::Xml {
            position: at,
            reason: format!("the root element is <{name}>, not <log>; is this an {kind} file?"),
        })
    }
}

/// The error for a document that ended without any root element.
pub(crate) fn no_log_root(position: u64, kind: &str) -> MineError {
    MineError::Xml {
        position,
        reason: format!("no <log> element; is this an {kind} file?"),
    }
}

/// The unescaped value of attribute `name`, if present (duplicate
/// attributes are refused).
pub(crate) fn attribute(
    element: &BytesStart<'_>,
    name: &str,
    at: u64,
) -> Result<Option<String>, MineError> {
    for attribute in element.attributes() {
        let attribute = attribute.map_err(|e| attribute_error(&e.to_string(), at))?;
        if attribute.key.as_ref() == name {
            return Ok(Some(unescape(&attribute, at)?.into_owned()));
        }
    }
    Ok(None)
}

/// An attribute's value with entities and character references replaced
/// and whitespace normalised, as XML 1.0 says (and as lxml, under pm4py,
/// does).
pub(crate) fn unescape<'b>(attribute: &Attribute<'b>, at: u64) -> Result<Cow<'b, str>, MineError> {
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

/// A malformed attribute at byte `at`.
pub(crate) fn attribute_error(reason: &str, at: u64) -> MineError {
    MineError::Xml {
        position: at,
        reason: format!("bad attribute: {reason}"),
    }
}

/// A quick-xml reader set up for event logs: whitespace between tags
/// dropped (nothing to see there), end tags checked against start tags.
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

/// What an XML event log is, told from its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum XmlLog {
    /// IEEE 1849 XES.
    Xes,
    /// OCEL 2.0 XML.
    Ocel2,
    /// OCEL 1.0 XML, which is refused with how to convert it.
    Ocel1,
}

/// What an XML document whose start is `head` is. All three have the root
/// `<log>`. An OCEL 2.0 log's first child is one of its lists
/// (`<object-types>`, `<event-types>`, `<objects>`, `<events>`). An OCEL 1.0
/// log starts with `<global>` sections (one with `scope="log"`, keys such
/// as `ocel:activity` in some exports) followed by `<events>` and
/// `<objects>`, or declares an OCEL namespace. An XES log starts with
/// extensions, globals, classifiers, attributes or traces. `None` when
/// `head` ends before that is known.
pub(crate) fn xml_log_kind(head: &[u8]) -> Option<XmlLog> {
    let mut reader = quick_xml::Reader::from_reader(head);
    let mut buf = Vec::new();
    // Open elements; the root is at depth 1 once open.
    let mut depth = 0usize;
    let mut seen_global = false;
    let mut ocel_namespace = false;
    loop {
        // A head cut inside a tag is an error here: undecided.
        let event = reader.read_event_into(&mut buf).ok()?;
        let (element, opens) = match event {
            Event::Start(element) => (element, true),
            Event::Empty(element) => (element, false),
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    // A root without children: the XES reader has the errors.
                    return Some(XmlLog::Xes);
                }
                buf.clear();
                continue;
            }
            // A DTD: the XES reader has the error for it.
            Event::DocType(_) => return Some(XmlLog::Xes),
            Event::Eof => return None,
            _ => {
                buf.clear();
                continue;
            }
        };
        match depth {
            0 => {
                if element.local_name().as_ref() != "log" || !opens {
                    return Some(XmlLog::Xes);
                }
                ocel_namespace = element.attributes().flatten().any(|a| {
                    a.key.as_ref().starts_with("xmlns")
                        && a.value.to_ascii_lowercase().contains("ocel")
                });
            }
            1 => match element.local_name().as_ref() {
                "events" | "objects" if seen_global || ocel_namespace => {
                    return Some(XmlLog::Ocel1);
                }
                "object-types" | "event-types" | "objects" | "events" => {
                    return Some(XmlLog::Ocel2);
                }
                "global" => {
                    seen_global = true;
                    let log_scope = element
                        .attributes()
                        .flatten()
                        .any(|a| a.key.as_ref() == "scope" && a.value.as_ref() == "log");
                    if log_scope {
                        return Some(XmlLog::Ocel1);
                    }
                }
                _ if ocel_namespace => return Some(XmlLog::Ocel1),
                _ => return Some(XmlLog::Xes),
            },
            _ => {
                // Inside a <global>: OCEL 1.0 exports may name keys `ocel:...`.
                let ocel_key = element
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == "key" && a.value.starts_with("ocel:"));
                if ocel_key {
                    return Some(XmlLog::Ocel1);
                }
            }
        }
        if opens {
            depth += 1;
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ocel_and_xes_are_told_apart_by_the_first_child() {
        let ocel = br#"<?xml version="1.0"?><!-- <trace> --><log><object-types>"#;
        assert_eq!(xml_log_kind(ocel), Some(XmlLog::Ocel2));
        let events_first = b"<log>\n  <events><event id=\"e\"/></events></log>";
        assert_eq!(xml_log_kind(events_first), Some(XmlLog::Ocel2));
        let xes = br#"<log xes.version="1.0" a="x>y"><extension name="Concept"/>"#;
        assert_eq!(xml_log_kind(xes), Some(XmlLog::Xes));
        assert_eq!(xml_log_kind(b"<log><trace>"), Some(XmlLog::Xes));
        assert_eq!(xml_log_kind(b"<log/>"), Some(XmlLog::Xes));
        assert_eq!(xml_log_kind(b"<html><objects>"), Some(XmlLog::Xes));
        assert_eq!(
            xml_log_kind(b"<!DOCTYPE log><log><objects>"),
            Some(XmlLog::Xes)
        );
        assert_eq!(xml_log_kind(b"<log xes.ver"), None, "cut inside a tag");
        assert_eq!(xml_log_kind(b"<log>  "), None, "cut before the first child");
    }

    #[test]
    fn ocel_1_0_xml_is_told_from_xes_and_ocel_2_0() {
        // As pm4py and the OCEL 1.0 standard's examples write it.
        let ocel1 = br#"<?xml version='1.0' encoding='UTF-8'?>
<log>
  <global scope="event">
    <string key="id" value="__INVALID__"/>
    <string key="activity" value="__INVALID__"/>
  </global>
  <global scope="object"><string key="type" value="__INVALID__"/></global>
  <global scope="log"><string key="version" value="1.0"/></global>
  <events>"#;
        assert_eq!(xml_log_kind(ocel1), Some(XmlLog::Ocel1));
        let prefixed = br#"<log><global scope="event"><string key="ocel:activity" value="x"/>"#;
        assert_eq!(xml_log_kind(prefixed), Some(XmlLog::Ocel1));
        let events_after_globals =
            br#"<log><global scope="event"><string key="id" value="x"/></global><events>"#;
        assert_eq!(xml_log_kind(events_after_globals), Some(XmlLog::Ocel1));
        let namespaced = br#"<log xmlns="http://www.ocel-standard.org/1.0"><events>"#;
        assert_eq!(xml_log_kind(namespaced), Some(XmlLog::Ocel1));
        // XES globals stay XES.
        let xes = br#"<log><global scope="trace"><string key="concept:name" value="x"/></global>
            <global scope="event"><date key="time:timestamp" value="1970-01-01"/></global><trace>"#;
        assert_eq!(xml_log_kind(xes), Some(XmlLog::Xes));
        assert_eq!(
            xml_log_kind(br#"<log><global scope="trace"><string key="concept:na"#),
            None,
            "cut inside the globals"
        );
    }
}
