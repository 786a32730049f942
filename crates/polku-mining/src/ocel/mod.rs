//! OCEL 2.0 object-centric event logs, in JSON (`.json`, `.jsonocel`) or XML
//! (`.xml`, `.xmlocel`), gzip-compressed or not, flattened on one object
//! type into a case-centric log as pm4py's `ocel_flattening` does: every
//! object of that type is a case (case id = object id), and every event
//! related to the object is an event of that case, its type the activity
//! and its time the timestamp. An event related to several objects of the
//! type appears in each of their cases. Within a case events are ordered by
//! time, ties in file order (pm4py sorts the events by time and file index
//! before flattening).
//!
//! Where pm4py's importers disagree, the JSON importer's rule is used for
//! both formats: an event related twice to the same object (two qualifiers)
//! counts once in that object's case, and a relationship to an object that
//! the log does not list is ignored. Objects of the type that no event
//! relates to are not cases. Events whose type or time is empty are left
//! out and counted in [`ReadLog::skipped`], as CSV rows are.
//!
//! Field names follow the OCEL 2.0 specification: JSON `objectTypes[].name`,
//! `objects[].id`/`type`, `events[].type`/`time`/`relationships[].objectId`;
//! XML `<object-type name>`, `<object id type>`, `<event id type time>` with
//! `<objects><relationship object-id qualifier/></objects>`. Attributes,
//! qualifiers and object-to-object relations play no part in flattening and
//! are skipped.

use std::collections::BTreeSet;
use std::fmt;
use std::io::{BufRead, Read};
use std::sync::Arc;

use quick_xml::events::BytesStart;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use serde::de::{
    DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};

use crate::error::MineError;
use crate::input::LogInput;
use crate::log::{LogBuilder, PROGRESS_BATCH, ReadLog};
use crate::progress::ReadProgress;
use crate::timestamps::parse_timestamp_in;
use crate::xml::{XmlVisitor, attribute, expect_log_root, no_log_root, walk_xml};
use crate::zone::TimeZone;

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Reads an OCEL 2.0 JSON log (gzip-compressed or not) and flattens it on
/// `object_type`.
///
/// Errors: [`MineError::UnknownObjectType`] (with the log's types) when no
/// object type is called `object_type`, [`MineError::Json`] for JSON that is
/// not an OCEL 2.0 log or a time that is not ISO 8601, [`MineError::Empty`]
/// and [`MineError::NoEvents`].
pub fn read_ocel_json<R: Read>(input: R, object_type: &str) -> Result<ReadLog, MineError> {
    read_ocel_json_input(
        LogInput::open_for_xml_or_json(input)?,
        object_type,
        &TimeZone::UTC,
        None,
    )
}

/// Reads OCEL 2.0 JSON from an opened input, adding the events read to
/// `progress`.
pub(crate) fn read_ocel_json_input<R: Read>(
    mut input: LogInput<R>,
    object_type: &str,
    zone: &TimeZone,
    progress: Option<Arc<ReadProgress>>,
) -> Result<ReadLog, MineError> {
    let gzip = input.is_gzip();
    let read_error = |reason: String| {
        if gzip {
            // Whatever goes wrong inside the decompressor is the file's fault.
            MineError::Json(format!("cannot decompress the gzip data: {reason}"))
        } else {
            MineError::Io {
                path: "input".into(),
                reason,
            }
        }
    };
    // Not JSON, but editors on Windows write it.
    if input
        .fill_buf()
        .map_err(|e| read_error(e.to_string()))?
        .starts_with(UTF8_BOM)
    {
        input.consume(UTF8_BOM.len());
    }
    let head = input.fill_buf().map_err(|e| read_error(e.to_string()))?;
    // serde would also take a JSON array as the struct's fields in order.
    if let Some(&first) = head.iter().find(|b| !b.is_ascii_whitespace())
        && first != b'{'
    {
        return Err(MineError::Json(
            "an OCEL 2.0 JSON log is an object: it starts with {".into(),
        ));
    }
    // Streamed rather than read whole, so memory stays proportional to what
    // is kept (ids, types, times), even for a gzip bomb of whitespace or
    // attributes; through a `BufReader` because the standard library reads
    // single bytes (as serde_json does) from one without a call per byte,
    // twice as fast.
    let buffered = std::io::BufReader::with_capacity(1 << 16, &mut input);
    let mut json = serde_json::Deserializer::from_reader(buffered);
    let seed = JsonLogSeed {
        progress: progress.as_deref(),
    };
    let log = seed
        .deserialize(&mut json)
        .and_then(|log| json.end().map(|()| log))
        .map_err(|e| {
            if e.is_io() {
                read_error(e.to_string())
            } else {
                MineError::Json(e.to_string())
            }
        })?;
    let mut ocel = Ocel::new(object_type, zone, progress);
    for kind in log.object_types.into_iter().flatten() {
        ocel.types.insert(kind.name);
    }
    for object in log.objects.into_iter().flatten() {
        ocel.add_object(object.id, object.object_type);
    }
    for event in log.events.into_iter().flatten() {
        let time = if event.time.trim().is_empty() {
            None
        } else {
            Some(parse_timestamp_in(&event.time, zone).ok_or_else(|| {
                MineError::Json(format!(
                    "event {}: cannot read time {:?} (expected ISO 8601, e.g. 2024-03-01T09:30:00+02:00)",
                    event.id, event.time
                ))
            })?)
        };
        ocel.events.push(PendingEvent {
            activity: event.event_type,
            time,
            objects: event
                .relationships
                .into_iter()
                .flatten()
                .map(|r| r.object_id)
                .collect(),
        });
    }
    ocel.flatten()
}

/// Reads an OCEL 2.0 XML log (gzip-compressed or not) and flattens it on
/// `object_type`.
///
/// Errors: [`MineError::UnknownObjectType`] as for JSON,
/// [`MineError::Xml`] with the byte position for malformed XML or any
/// `<!DOCTYPE`, [`MineError::BadTimestamp`] with the line of an event whose
/// time is not ISO 8601, [`MineError::Empty`] and [`MineError::NoEvents`].
pub fn read_ocel_xml<R: Read>(input: R, object_type: &str) -> Result<ReadLog, MineError> {
    read_ocel_xml_input(
        LogInput::open_for_xml_or_json(input)?,
        object_type,
        &TimeZone::UTC,
        None,
    )
}

/// Reads OCEL 2.0 XML from an opened input, adding the events read to
/// `progress`.
pub(crate) fn read_ocel_xml_input<R: Read>(
    mut input: LogInput<R>,
    object_type: &str,
    zone: &TimeZone,
    progress: Option<Arc<ReadProgress>>,
) -> Result<ReadLog, MineError> {
    let mut ocel = Ocel::new(object_type, zone, progress);
    let mut visitor = OcelXml {
        state: XmlState::default(),
        ocel: &mut ocel,
    };
    let end = walk_xml(&mut input, &mut visitor)?;
    if !visitor.state.seen_root {
        return Err(no_log_root(end, "OCEL 2.0 XML"));
    }
    ocel.report_read_events();
    ocel.flatten()
}

/// The parts of an OCEL 2.0 JSON log that flattening needs; everything else
/// (attributes, qualifiers, event types) is skipped unread. `null` lists are
/// taken as empty, as pm4py does.
#[derive(Default)]
struct JsonLog {
    object_types: Option<Vec<JsonType>>,
    objects: Option<Vec<JsonObject>>,
    events: Option<Vec<JsonEvent>>,
}

/// Deserializes a [`JsonLog`] as a derived `Deserialize` would (missing or
/// `null` lists are `None`, other keys skipped, a repeated key refused),
/// adding each event to `progress` as it is read.
struct JsonLogSeed<'p> {
    progress: Option<&'p ReadProgress>,
}

impl<'de> DeserializeSeed<'de> for JsonLogSeed<'_> {
    type Value = JsonLog;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<JsonLog, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for JsonLogSeed<'_> {
    type Value = JsonLog;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an OCEL 2.0 log object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonLog, A::Error> {
        let mut log = JsonLog::default();
        let (mut types_seen, mut objects_seen, mut events_seen) = (false, false, false);
        let once = |seen: &mut bool, field: &'static str| {
            if std::mem::replace(seen, true) {
                Err(A::Error::duplicate_field(field))
            } else {
                Ok(())
            }
        };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "objectTypes" => {
                    once(&mut types_seen, "objectTypes")?;
                    log.object_types = map.next_value()?;
                }
                "objects" => {
                    once(&mut objects_seen, "objects")?;
                    log.objects = map.next_value()?;
                }
                "events" => {
                    once(&mut events_seen, "events")?;
                    log.events = map.next_value_seed(JsonEventsSeed {
                        progress: self.progress,
                    })?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(log)
    }
}

/// The `events` list, `null` as `None`, each event counted as it is read.
struct JsonEventsSeed<'p> {
    progress: Option<&'p ReadProgress>,
}

impl<'de> DeserializeSeed<'de> for JsonEventsSeed<'_> {
    type Value = Option<Vec<JsonEvent>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for JsonEventsSeed<'_> {
    type Value = Option<Vec<JsonEvent>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of events")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut events = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(event) = seq.next_element::<JsonEvent>()? {
            events.push(event);
            if let Some(progress) = self.progress
                && events.len().is_multiple_of(PROGRESS_BATCH)
            {
                progress.add_events(PROGRESS_BATCH as u64);
            }
        }
        if let Some(progress) = self.progress {
            progress.add_events((events.len() % PROGRESS_BATCH) as u64);
        }
        Ok(Some(events))
    }
}

#[derive(Deserialize)]
struct JsonType {
    name: String,
}

#[derive(Deserialize)]
struct JsonObject {
    id: String,
    #[serde(rename = "type")]
    object_type: String,
}

#[derive(Deserialize)]
struct JsonEvent {
    /// Kept only to name the event in an error.
    #[serde(default)]
    id: serde_json::Value,
    #[serde(rename = "type")]
    event_type: String,
    time: String,
    #[serde(default)]
    relationships: Option<Vec<JsonRelationship>>,
}

#[derive(Deserialize)]
struct JsonRelationship {
    #[serde(rename = "objectId")]
    object_id: String,
}

/// An event before flattening.
struct PendingEvent {
    activity: String,
    /// `None` when the time is empty.
    time: Option<i64>,
    /// Ids of the related objects, as listed.
    objects: Vec<String>,
}

/// What flattening needs from a log: its object types, which objects are of
/// the wanted type, and the events.
struct Ocel<'a> {
    wanted: &'a str,
    /// The zone of times without an offset.
    zone: &'a TimeZone,
    /// Counts the events as they are read, then the flattened ones.
    progress: Option<Arc<ReadProgress>>,
    /// Declared object types and the types of the objects.
    types: BTreeSet<String>,
    /// Object id → whether it is of the wanted type (the last listing wins).
    of_wanted_type: FxHashMap<String, bool>,
    events: Vec<PendingEvent>,
}

impl<'a> Ocel<'a> {
    fn new(wanted: &'a str, zone: &'a TimeZone, progress: Option<Arc<ReadProgress>>) -> Self {
        Self {
            wanted,
            zone,
            progress,
            types: BTreeSet::new(),
            of_wanted_type: FxHashMap::default(),
            events: Vec::new(),
        }
    }

    fn add_object(&mut self, id: String, object_type: String) {
        self.of_wanted_type.insert(id, object_type == self.wanted);
        self.types.insert(object_type);
    }

    /// Adds an event read from the XML log, counting it now and then.
    fn push_event(&mut self, event: PendingEvent) {
        self.events.push(event);
        if let Some(progress) = &self.progress
            && self.events.len().is_multiple_of(PROGRESS_BATCH)
        {
            progress.add_events(PROGRESS_BATCH as u64);
        }
    }

    /// Counts the events `push_event` has not counted yet.
    fn report_read_events(&self) {
        if let Some(progress) = &self.progress {
            progress.add_events((self.events.len() % PROGRESS_BATCH) as u64);
        }
    }

    /// Flattens the events on the wanted object type. The progress counter,
    /// which has counted the log's events as read, is corrected to the
    /// flattened events (an event related to two objects counts twice).
    fn flatten(self) -> Result<ReadLog, MineError> {
        if !self.types.contains(self.wanted) {
            let available = if self.types.is_empty() {
                "(none)".to_owned()
            } else {
                self.types
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(MineError::UnknownObjectType {
                wanted: self.wanted.to_owned(),
                available,
            });
        }
        let mut builder = LogBuilder::new();
        let mut cases: Vec<&str> = Vec::new();
        // Events in file order: the builder's stable sort by time then gives
        // pm4py's order (time, then file index).
        for event in &self.events {
            cases.clear();
            cases.extend(
                event
                    .objects
                    .iter()
                    .filter(|id| {
                        self.of_wanted_type
                            .get(id.as_str())
                            .copied()
                            .unwrap_or(false)
                    })
                    .map(String::as_str),
            );
            // One event per object, however many times it is related.
            cases.sort_unstable();
            cases.dedup();
            for &case in &cases {
                match event.time {
                    Some(time) if !case.is_empty() && !event.activity.is_empty() => {
                        builder.push(case, &event.activity, time);
                    }
                    _ => builder.skip_incomplete(),
                }
            }
        }
        if let Some(progress) = &self.progress {
            progress.correct_events(self.events.len() as u64, builder.len() as u64);
        }
        builder.into_read_log()
    }
}

/// Which top-level list of an OCEL XML log the parser is in.
#[derive(Default, PartialEq, Eq, Clone, Copy)]
enum Section {
    #[default]
    Other,
    ObjectTypes,
    Objects,
    Events,
}

/// The OCEL XML walk: the parser's place and the log it fills.
struct OcelXml<'a, 'b> {
    state: XmlState,
    ocel: &'a mut Ocel<'b>,
}

impl XmlVisitor for OcelXml<'_, '_> {
    fn open(&mut self, element: &BytesStart<'_>, at: u64, line: u64) -> Result<(), MineError> {
        self.state.open(self.ocel, element, at, line)
    }

    fn close(&mut self) {
        self.state.close(self.ocel);
    }

    fn depth_mut(&mut self) -> &mut usize {
        &mut self.state.depth
    }
}

/// Where the OCEL XML parser is.
#[derive(Default)]
struct XmlState {
    /// Depth of open elements; the root `<log>` is at depth 1 once open.
    depth: usize,
    seen_root: bool,
    section: Section,
    event: Option<PendingEvent>,
    /// Inside the current event's `<objects>`.
    in_relationships: bool,
}

impl XmlState {
    /// Handles an opening tag at depth `self.depth + 1`.
    fn open(
        &mut self,
        ocel: &mut Ocel<'_>,
        element: &BytesStart<'_>,
        at: u64,
        line: u64,
    ) -> Result<(), MineError> {
        let name = element.local_name();
        let name = name.as_ref();
        match (self.depth + 1, self.section) {
            (1, _) => {
                expect_log_root(element, at, "OCEL 2.0 XML")?;
                self.seen_root = true;
            }
            (2, _) => {
                self.section = match name {
                    "object-types" => Section::ObjectTypes,
                    "objects" => Section::Objects,
                    "events" => Section::Events,
                    _ => Section::Other,
                };
            }
            (3, Section::ObjectTypes) if name == "object-type" => {
                if let Some(kind) = attribute(element, "name", at)? {
                    ocel.types.insert(kind);
                }
            }
            (3, Section::Objects) if name == "object" => {
                if let (Some(id), Some(kind)) = (
                    attribute(element, "id", at)?,
                    attribute(element, "type", at)?,
                ) {
                    ocel.add_object(id, kind);
                }
            }
            (3, Section::Events) if name == "event" => {
                let time = match attribute(element, "time", at)? {
                    Some(time) if !time.trim().is_empty() => Some(
                        parse_timestamp_in(&time, ocel.zone)
                            .ok_or(MineError::BadTimestamp { line, value: time })?,
                    ),
                    _ => None,
                };
                self.event = Some(PendingEvent {
                    activity: attribute(element, "type", at)?.unwrap_or_default(),
                    time,
                    objects: Vec::new(),
                });
            }
            (4, Section::Events) if name == "objects" && self.event.is_some() => {
                self.in_relationships = true;
            }
            (5, Section::Events) if self.in_relationships => {
                if let (Some(event), Some(id)) =
                    (self.event.as_mut(), attribute(element, "object-id", at)?)
                {
                    event.objects.push(id);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Handles a closing tag of the element at depth `self.depth`.
    fn close(&mut self, ocel: &mut Ocel<'_>) {
        match self.depth {
            2 => self.section = Section::Other,
            3 => {
                if let Some(event) = self.event.take() {
                    ocel.push_event(event);
                }
            }
            4 => self.in_relationships = false,
            _ => {}
        }
        self.depth = self.depth.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests;
