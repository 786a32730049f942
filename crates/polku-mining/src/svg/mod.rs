//! The process map as a standalone, accessible SVG image: activities as
//! boxes with their event counts, a start and an end node, and the
//! directly-follows edges labelled with a count (frequency map) or with the
//! median wait in a unit chosen by its size (performance map).
//!
//! The layered layout comes from the `layout-rs` crate (Graphviz-like
//! ranking, crossing reduction and Brandes-Köpf placement); this module only
//! decides what to draw and writes the SVG through its own [`RenderBackend`]
//! so that every string is escaped here and the document carries `<title>`,
//! `<desc>` and ARIA attributes. The crate needs no i18n: the caller passes
//! every word in [`MapText`] and [`MapWords`] and writes the numbers
//! through a [`NumberFormat`].
//!
//! Below the drawing a visible legend says how many transitions are drawn
//! of how many, and which activities (if any) are left out.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;

use crate::report::Report;

mod canvas;
mod model;
#[cfg(test)]
mod tests;
mod text;

use canvas::*;
use model::*;
pub use model::{drawn_edges, left_out_activities};
use text::*;

/// At most this many edges (directly-follows, start and end edges together)
/// are drawn, so that maps of big logs stay readable: the most frequent
/// first, among those that continue from what is already on the map (see
/// `select_edges`), plus each drawn activity's strongest ways in and out.
pub const MAX_EDGES: usize = 40;

/// At most this many activities (the most frequent) are drawn unless the
/// caller asks for another number ([`MapOptions::activities`]); each with
/// at least its strongest incoming and outgoing edge, even past
/// [`MAX_EDGES`].
pub const MAX_ACTIVITIES: usize = 60;

/// On a performance map, this many transitions with the longest median
/// waits are always drawn (within [`MAX_EDGES`]), however rare they are.
pub const LONGEST_WAITS: usize = 5;

/// The legend names at most this many left-out activities, then says how
/// many more there are.
pub const LEFT_OUT_NAMES: usize = 10;

/// What the map shows and how much of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapOptions {
    /// Frequencies or waits on the edges.
    pub mode: MapMode,
    /// How many activities to draw at most, the most frequent first;
    /// [`MAX_ACTIVITIES`] when `None`. Zero is taken as one.
    pub activities: Option<usize>,
}

impl MapOptions {
    /// A map in `mode` with the default number of activities.
    pub fn new(mode: MapMode) -> Self {
        Self {
            mode,
            activities: None,
        }
    }

    /// The most activities drawn.
    pub fn activity_limit(&self) -> usize {
        self.activities.unwrap_or(MAX_ACTIVITIES).max(1)
    }
}

impl Default for MapOptions {
    fn default() -> Self {
        Self::new(MapMode::Frequency)
    }
}

/// What the edges of the map tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapMode {
    /// Edge labels are how many times one activity directly followed another.
    Frequency,
    /// Edge labels are the median wait between the two activities, in
    /// seconds, minutes, hours or days by its size.
    Performance,
}

/// How numbers are written in the reader's language (digit grouping,
/// decimal mark); implemented by the caller's translator.
pub trait NumberFormat {
    /// A count, such as `1 234` or `1,234`.
    fn count(&self, value: u64) -> String;
    /// A number with one decimal, such as `2,8` or `2.8`.
    fn decimal(&self, value: f64) -> String;
    /// A wait given in seconds, with its unit chosen by [`duration_parts`],
    /// such as `30 min`, `5 h` or `2,8 vrk`.
    fn duration(&self, seconds: f64) -> String;
}

/// The unit a wait is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationUnit {
    /// Under a minute.
    Seconds,
    /// Under an hour.
    Minutes,
    /// Under two days.
    Hours,
    /// Two days or more.
    Days,
}

/// How a wait of `seconds` is shown: its unit (seconds under a minute,
/// minutes under an hour, hours under two days, else days), the number in
/// that unit already rounded, and whether it is written with one decimal
/// (only under ten and when the decimal is not zero: `2,5 h`, `5 h`, `30 min`).
pub fn duration_parts(seconds: f64) -> (DurationUnit, f64, bool) {
    let seconds = seconds.max(0.0);
    let (unit, value) = if seconds < 60.0 {
        (DurationUnit::Seconds, seconds)
    } else if seconds < 3_600.0 {
        (DurationUnit::Minutes, seconds / 60.0)
    } else if seconds < 2.0 * SECONDS_PER_DAY {
        (DurationUnit::Hours, seconds / 3_600.0)
    } else {
        (DurationUnit::Days, seconds / SECONDS_PER_DAY)
    };
    let tenths = (value * 10.0).round();
    if tenths < 100.0 && tenths % 10.0 != 0.0 {
        (unit, tenths / 10.0, true)
    } else {
        (unit, value.round(), false)
    }
}

/// The sentences of the map that hold a count, in the reader's language
/// (with the right plural forms); implemented by the caller's translator.
pub trait MapWords {
    /// The legend's first line: `shown` of `total` transitions drawn
    /// (start and end edges counted in both).
    fn transitions_shown(&self, shown: u64, total: u64) -> String;
    /// The legend's line on the `count` activities not drawn; `names`
    /// lists them (at most [`LEFT_OUT_NAMES`], followed by
    /// [`MapWords::and_more`] when there are more).
    fn activities_left_out(&self, count: u64, names: &str) -> String;
    /// Ends a cut list of names: "and 12 more".
    fn and_more(&self, count: u64) -> String;
    /// The label of an edge from the start node: "120 cases start".
    fn cases_start(&self, count: u64) -> String;
    /// The label of an edge to the end node: "120 cases end".
    fn cases_end(&self, count: u64) -> String;
}

/// English sentences for tests and tools without a language.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlainWords;

impl MapWords for PlainWords {
    fn transitions_shown(&self, shown: u64, total: u64) -> String {
        let noun = if total == 1 {
            "transition"
        } else {
            "transitions"
        };
        format!("{shown} of {total} {noun} shown.")
    }

    fn activities_left_out(&self, count: u64, names: &str) -> String {
        let noun = if count == 1 { "activity" } else { "activities" };
        format!("{count} {noun} left out: {names}.")
    }

    fn and_more(&self, count: u64) -> String {
        format!("and {count} more")
    }

    fn cases_start(&self, count: u64) -> String {
        if count == 1 {
            "1 case starts".into()
        } else {
            format!("{count} cases start")
        }
    }

    fn cases_end(&self, count: u64) -> String {
        if count == 1 {
            "1 case ends".into()
        } else {
            format!("{count} cases end")
        }
    }
}

/// Digits without grouping and `.` as the decimal mark, for tests and
/// tools without a language.
#[derive(Debug, Clone, Copy, Default)]
pub struct PlainNumbers;

impl NumberFormat for PlainNumbers {
    fn count(&self, value: u64) -> String {
        value.to_string()
    }

    fn decimal(&self, value: f64) -> String {
        format!("{value:.1}")
    }

    fn duration(&self, seconds: f64) -> String {
        let (unit, value, decimal) = duration_parts(seconds);
        let unit = match unit {
            DurationUnit::Seconds => "s",
            DurationUnit::Minutes => "min",
            DurationUnit::Hours => "h",
            DurationUnit::Days => "d",
        };
        if decimal {
            format!("{value:.1} {unit}")
        } else {
            format!("{value:.0} {unit}")
        }
    }
}

/// The already-translated words the map shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapText {
    /// The image's title (its accessible name).
    pub title: String,
    /// A sentence or two on how to read the map; the legend and the list
    /// of drawn edges are appended to it in the `<desc>` text alternative.
    pub description: String,
    /// Label of the start node.
    pub start: String,
    /// Label of the end node.
    pub end: String,
}

impl Default for MapText {
    /// English words, for tests and tools without a language.
    fn default() -> Self {
        Self {
            title: "Process map".into(),
            description:
                "Boxes are activities with their number of events; arrows are transitions.".into(),
            start: "start".into(),
            end: "end".into(),
        }
    }
}

/// Element ids inside the document; prefixed so that several maps can be
/// inlined into one HTML page without clashes in practice.
const TITLE_ID: &str = "polku-map-title";
const DESC_ID: &str = "polku-map-desc";
const ARROW_END_ID: &str = "polku-map-arrow-end";
const ARROW_START_ID: &str = "polku-map-arrow-start";

/// Typography and spacing, in SVG user units (pixels).
const FONT_SIZE: f64 = 14.0;
const EDGE_FONT_SIZE: f64 = 12.0;
const LINE_HEIGHT: f64 = 17.0;
/// The legend below the drawing: its font, an estimate of one character's
/// width in it, and the fewest characters a line holds.
const LEGEND_FONT_SIZE: f64 = 13.0;
const LEGEND_CHAR_WIDTH: f64 = 7.8;
const LEGEND_MIN_CHARS: usize = 60;
/// A generous estimate of one character's width, so that labels fit their boxes.
const CHAR_WIDTH: f64 = 9.0;
const EDGE_CHAR_WIDTH: f64 = 7.2;
const BOX_PADDING: f64 = 10.0;
const MARGIN: f64 = 12.0;
/// Activity names are wrapped at this many characters and cut after three lines.
const WRAP_AT: usize = 24;
const MAX_NAME_LINES: usize = 3;
/// The font size `layout-rs` uses to estimate an edge label's box
/// (one em per character), chosen to match `EDGE_CHAR_WIDTH`.
const LAYOUT_LABEL_FONT: usize = 8;

const SECONDS_PER_DAY: f64 = 86_400.0;

/// Colours with at least 4.5:1 contrast for text on their fills.
const TEXT_COLOUR: &str = "#1a1a1a";
const EDGE_COLOUR: &str = "#4d4d4d";
const ACTIVITY_FILL: &str = "#e8f1fa";
const ACTIVITY_STROKE: &str = "#1f4e79";
const START_FILL: &str = "#dcefdc";
const START_STROKE: &str = "#2e6b30";
const END_FILL: &str = "#f6dede";
const END_STROKE: &str = "#8e1b1b";

/// Renders `report` as a process map as `options` say, with the words of
/// `text` and `words` and numbers written by `numbers`.
///
/// The result is a complete SVG document (no scripts, no external
/// references) whose first children are `<title>` and `<desc>`, referred to
/// by `aria-labelledby` on the `role="img"` root, and whose last text is the
/// visible legend.
pub fn render_process_map(
    report: &Report,
    options: &MapOptions,
    text: &MapText,
    words: &dyn MapWords,
    numbers: &dyn NumberFormat,
) -> String {
    let map = MapModel::new(report, options, text, words, numbers);
    let mut graph = VisualGraph::new(Orientation::TopToBottom);
    let handles: Vec<_> = map
        .nodes
        .iter()
        .enumerate()
        .map(|(index, node)| {
            let shape = match node.kind {
                NodeKind::Activity => ShapeKind::Box(String::new()),
                NodeKind::Start | NodeKind::End => ShapeKind::Circle(String::new()),
            };
            let element = Element::create_with_properties(
                shape,
                StyleAttr::simple(),
                Orientation::TopToBottom,
                node.size(),
                format!("n{index}"),
            );
            graph.add_node(element)
        })
        .collect();
    let label_look = StyleAttr::new(Color::fast("black"), 1, None, 0, LAYOUT_LABEL_FONT);
    for (index, edge) in map.edges.iter().enumerate() {
        let mut arrow = Arrow::simple_with_properties(&edge.label, format!("e{index}"));
        arrow.look = label_look.clone();
        graph.add_edge(arrow, handles[edge.from], handles[edge.to]);
    }
    let mut canvas = Canvas::new(&map);
    graph.do_it(false, false, false, &mut canvas);
    let legend = map.legend(report, options, words);
    canvas.finish(text, &map.description(text, &legend), &legend)
}
