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

/// Whether an XML document whose start is `head` looks like OCEL 2.0 XML
/// rather than XES: both have the root `<log>`, but an OCEL log's first
/// child is one of its lists (`<object-types>`, `<event-types>`,
/// `<objects>`, `<events>`), while an XES log starts with extensions,
/// globals, classifiers, attributes or traces. `None` when `head` ends
/// before the first child.
pub(crate) fn looks_like_ocel(head: &[u8]) -> Option<bool> {
    let mut reader = quick_xml::Reader::from_reader(head);
    let mut buf = Vec::new();
    let mut in_root = false;
    loop {
        // A head cut inside a tag is an error here: undecided.
        let event = reader.read_event_into(&mut buf).ok()?;
        match event {
            Event::Start(element) if !in_root => {
                if element.local_name().as_ref() != "log" {
                    return Some(false);
                }
                in_root = true;
            }
            Event::Start(element) | Event::Empty(element) if in_root => {
                return Some(matches!(
                    element.local_name().as_ref(),
                    "object-types" | "event-types" | "objects" | "events"
                ));
            }
            // An empty root, a root without children, or a DTD: the XES
            // reader has the errors for all of them.
            Event::Empty(_) | Event::End(_) | Event::DocType(_) => return Some(false),
            Event::Eof => return None,
            _ => {}
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
        assert_eq!(looks_like_ocel(ocel), Some(true));
        let events_first = b"<log>\n  <events><event id=\"e\"/></events></log>";
        assert_eq!(looks_like_ocel(events_first), Some(true));
        let xes = br#"<log xes.version="1.0" a="x>y"><extension name="Concept"/>"#;
        assert_eq!(looks_like_ocel(xes), Some(false));
        assert_eq!(looks_like_ocel(b"<log><trace>"), Some(false));
        assert_eq!(looks_like_ocel(b"<log/>"), Some(false));
        assert_eq!(looks_like_ocel(b"<html><objects>"), Some(false));
        assert_eq!(
            looks_like_ocel(b"<!DOCTYPE log><log><objects>"),
            Some(false)
        );
        assert_eq!(looks_like_ocel(b"<log xes.ver"), None, "cut inside a tag");
        assert_eq!(
            looks_like_ocel(b"<log>  "),
            None,
            "cut before the first child"
        );
    }
}
