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
//! every word in [`MapText`] and writes the numbers through a
//! [`NumberFormat`].

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

/// At most this many edges (directly-follows, start and end edges together)
/// are drawn, so that maps of big logs stay readable: the most frequent
/// first, among those that continue from what is already on the map (see
/// `select_edges`), plus each drawn activity's strongest ways in and out.
pub const MAX_EDGES: usize = 40;

/// At most this many activities (the most frequent) are drawn; each with at
/// least its strongest incoming and outgoing edge, even past [`MAX_EDGES`].
pub const MAX_ACTIVITIES: usize = 60;

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
    /// A sentence or two on how to read the map; the list of drawn edges is
    /// appended to it in the `<desc>` text alternative.
    pub description: String,
    /// Added to the description when the report has more than [`MAX_EDGES`]
    /// edges and only the most frequent are drawn (the caller says how many
    /// of how many).
    pub left_out: String,
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
            left_out: "To keep the map readable, not every transition is drawn.".into(),
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

/// Renders `report` as a process map in `mode`, with the words of `text`
/// and numbers written by `numbers`.
///
/// The result is a complete SVG document (no scripts, no external
/// references) whose first children are `<title>` and `<desc>`, referred to
/// by `aria-labelledby` on the `role="img"` root.
pub fn render_process_map(
    report: &Report,
    mode: MapMode,
    text: &MapText,
    numbers: &dyn NumberFormat,
) -> String {
    let map = MapModel::new(report, mode, text, numbers);
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
    canvas.finish(text, &map.description(text))
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NodeKind {
    Start,
    End,
    Activity,
}

/// A node to draw: its lines of text (already wrapped, not yet escaped).
#[derive(Debug)]
struct MapNode {
    kind: NodeKind,
    name: String,
    lines: Vec<String>,
}

impl MapNode {
    fn size(&self) -> Point {
        let widest = self
            .lines
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(1)
            .max(1);
        let width = widest as f64 * CHAR_WIDTH + 2.0 * BOX_PADDING;
        let height = self.lines.len() as f64 * LINE_HEIGHT + 2.0 * BOX_PADDING;
        match self.kind {
            NodeKind::Activity => Point::new(width.max(80.0), height),
            // Circles: wide enough for the word, a little flattened.
            NodeKind::Start | NodeKind::End => Point::new(width.max(56.0), height.max(40.0)),
        }
    }
}

/// An edge to draw between two nodes (indices into `MapModel::nodes`).
#[derive(Debug)]
struct MapEdge {
    from: usize,
    to: usize,
    label: String,
    /// Line width, 1 to 5 by the edge's weight.
    width: f64,
}

/// The nodes and edges chosen for the picture.
#[derive(Debug)]
struct MapModel {
    nodes: Vec<MapNode>,
    edges: Vec<MapEdge>,
    /// How many edges (start, directly-follows and end) the report has.
    total_edges: usize,
}

/// Where an edge starts and ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum EdgeKind {
    /// From the start node to a first activity.
    Start,
    /// A directly-follows edge between two activities.
    Follows,
    /// From a last activity to the end node.
    End,
}

/// An edge candidate before selection; `from` is empty for a start edge and
/// `to` for an end edge.
struct Candidate<'a> {
    kind: EdgeKind,
    from: &'a str,
    to: &'a str,
    count: u64,
    median_seconds: Option<f64>,
}

/// The edges the map draws, and how many the report has in all.
fn chosen_candidates(report: &Report) -> (Vec<Candidate<'_>>, usize) {
    let mut candidates: Vec<Candidate> =
        Vec::with_capacity(report.dfg.len() + report.start.len() + report.end.len());
    candidates.extend(report.start.iter().map(|s| Candidate {
        kind: EdgeKind::Start,
        from: "",
        to: &s.activity,
        count: s.count,
        median_seconds: None,
    }));
    candidates.extend(report.dfg.iter().map(|e| Candidate {
        kind: EdgeKind::Follows,
        from: &e.from,
        to: &e.to,
        count: e.count,
        median_seconds: Some(e.wait_seconds.median),
    }));
    candidates.extend(report.end.iter().map(|e| Candidate {
        kind: EdgeKind::End,
        from: &e.activity,
        to: "",
        count: e.count,
        median_seconds: None,
    }));
    let total_edges = candidates.len();
    candidates.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.from.cmp(b.from))
            .then_with(|| a.to.cmp(b.to))
    });
    let allowed: Vec<&str> = report
        .activities
        .iter()
        .take(MAX_ACTIVITIES)
        .map(|a| a.name.as_str())
        .collect();
    (select_edges(candidates, MAX_EDGES, &allowed), total_edges)
}

/// How many edges (start, directly-follows and end) the map of `report` draws.
pub fn drawn_edges(report: &Report) -> usize {
    chosen_candidates(report).0.len()
}

impl MapModel {
    fn new(report: &Report, mode: MapMode, text: &MapText, numbers: &dyn NumberFormat) -> Self {
        let (candidates, total_edges) = chosen_candidates(report);

        let mut nodes = vec![
            MapNode {
                kind: NodeKind::Start,
                name: text.start.clone(),
                lines: vec![text.start.clone()],
            },
            MapNode {
                kind: NodeKind::End,
                name: text.end.clone(),
                lines: vec![text.end.clone()],
            },
        ];
        // Activities in the report's order (most events first) that a drawn edge touches.
        let touched: HashSet<&str> = candidates
            .iter()
            .flat_map(|c| [c.from, c.to])
            .filter(|name| !name.is_empty())
            .collect();
        let mut index_of = HashMap::new();
        for activity in &report.activities {
            if touched.contains(activity.name.as_str()) {
                index_of.insert(activity.name.as_str(), nodes.len());
                let mut lines = wrap(&activity.name, WRAP_AT, MAX_NAME_LINES);
                lines.push(numbers.count(activity.count));
                nodes.push(MapNode {
                    kind: NodeKind::Activity,
                    name: activity.name.clone(),
                    lines,
                });
            }
        }

        let weight = |c: &Candidate| match (mode, c.median_seconds) {
            (MapMode::Performance, Some(median)) => median.max(0.0),
            (MapMode::Performance, None) => 0.0,
            (MapMode::Frequency, _) => c.count as f64,
        };
        let heaviest = candidates.iter().map(weight).fold(0.0_f64, f64::max);
        let edges = candidates
            .iter()
            .filter_map(|c| {
                let from = if c.kind == EdgeKind::Start {
                    Some(0)
                } else {
                    index_of.get(c.from).copied()
                }?;
                let to = if c.kind == EdgeKind::End {
                    Some(1)
                } else {
                    index_of.get(c.to).copied()
                }?;
                let label = match (mode, c.median_seconds) {
                    (MapMode::Performance, Some(median)) => numbers.duration(median),
                    _ => numbers.count(c.count),
                };
                let share = if heaviest > 0.0 {
                    weight(c) / heaviest
                } else {
                    0.0
                };
                Some(MapEdge {
                    from,
                    to,
                    label,
                    width: 1.0 + 4.0 * share,
                })
            })
            .collect();
        Self {
            nodes,
            edges,
            total_edges,
        }
    }

    /// The text alternative: the caller's description, the note on edges
    /// left out, and every drawn edge as "from → to: label".
    fn description(&self, text: &MapText) -> String {
        let mut out = text.description.trim().to_owned();
        if self.total_edges > self.edges.len() && !text.left_out.is_empty() {
            out.push(' ');
            out.push_str(text.left_out.trim());
        }
        for edge in &self.edges {
            let _ = write!(
                out,
                "\n{} → {}: {}",
                self.nodes[edge.from].name, self.nodes[edge.to].name, edge.label
            );
        }
        out
    }
}

/// Picks at most `limit` edges from `sorted` (most frequent first), growing
/// the map from the start node: the next edge is the most frequent one whose
/// source is already on the map, so that every drawn activity can be reached
/// from the start and no fragments float apart. When the log has no more
/// than `limit` edges, every edge is kept (each activity is reachable from
/// the start, since every case begins with a start edge).
fn select_edges<'a>(
    sorted: Vec<Candidate<'a>>,
    limit: usize,
    allowed: &[&'a str],
) -> Vec<Candidate<'a>> {
    let allowed_set: HashSet<&str> = allowed.iter().copied().collect();
    let drawable = |c: &Candidate| {
        (c.kind == EdgeKind::Start || allowed_set.contains(c.from))
            && (c.kind == EdgeKind::End || allowed_set.contains(c.to))
    };
    let mut on_map: HashSet<&'a str> = HashSet::new();
    let mut chosen = vec![false; sorted.len()];
    for _ in 0..limit {
        let next = (0..sorted.len()).find(|&i| {
            !chosen[i]
                && drawable(&sorted[i])
                && (sorted[i].kind == EdgeKind::Start || on_map.contains(sorted[i].from))
        });
        let Some(i) = next else { break };
        chosen[i] = true;
        if sorted[i].kind != EdgeKind::End {
            on_map.insert(sorted[i].to);
        }
    }
    // Every activity with its strongest way in and way out, so that none is
    // missing and none looks like a dead end.
    for &activity in allowed {
        let way_in = (0..sorted.len()).find(|&i| {
            sorted[i].kind != EdgeKind::End && sorted[i].to == activity && drawable(&sorted[i])
        });
        let way_out = (0..sorted.len()).find(|&i| {
            sorted[i].kind != EdgeKind::Start && sorted[i].from == activity && drawable(&sorted[i])
        });
        for i in way_in.into_iter().chain(way_out) {
            chosen[i] = true;
        }
    }
    sorted
        .into_iter()
        .zip(chosen)
        .filter_map(|(candidate, keep)| keep.then_some(candidate))
        .collect()
}

/// Collects the draw calls of the layout and writes the SVG document.
struct Canvas<'a> {
    map: &'a MapModel,
    edges: String,
    nodes: String,
    labels: String,
    min: Point,
    max: Point,
}

impl<'a> Canvas<'a> {
    fn new(map: &'a MapModel) -> Self {
        Self {
            map,
            edges: String::new(),
            nodes: String::new(),
            labels: String::new(),
            min: Point::splat(f64::INFINITY),
            max: Point::splat(f64::NEG_INFINITY),
        }
    }

    fn include(&mut self, point: Point) {
        if point.x.is_finite() && point.y.is_finite() {
            self.min = Point::new(self.min.x.min(point.x), self.min.y.min(point.y));
            self.max = Point::new(self.max.x.max(point.x), self.max.y.max(point.y));
        }
    }

    fn node(&self, properties: Option<&str>) -> Option<&'a MapNode> {
        let index: usize = properties?.strip_prefix('n')?.parse().ok()?;
        self.map.nodes.get(index)
    }

    fn edge(&self, properties: Option<&str>) -> Option<&'a MapEdge> {
        let index: usize = properties?.strip_prefix('e')?.parse().ok()?;
        self.map.edges.get(index)
    }

    /// The node's lines, centred on `center`.
    fn node_text(&mut self, node: &MapNode, center: Point) {
        let first = center.y - (node.lines.len() as f64 - 1.0) * LINE_HEIGHT / 2.0;
        let _ = write!(
            self.nodes,
            "<text x=\"{:.1}\" text-anchor=\"middle\">",
            center.x
        );
        for (i, line) in node.lines.iter().enumerate() {
            let last_of_activity = node.kind == NodeKind::Activity && i + 1 == node.lines.len();
            let weight = if last_of_activity {
                ""
            } else {
                " font-weight=\"bold\""
            };
            let _ = write!(
                self.nodes,
                "<tspan x=\"{:.1}\" y=\"{:.1}\" dominant-baseline=\"central\"{weight}>{}</tspan>",
                center.x,
                first + i as f64 * LINE_HEIGHT,
                escape(line)
            );
        }
        self.nodes.push_str("</text>");
    }

    fn finish(self, text: &MapText, description: &str) -> String {
        let (min, max) = if self.min.x.is_finite() {
            (self.min, self.max)
        } else {
            (Point::zero(), Point::zero())
        };
        let x = min.x - MARGIN;
        let y = min.y - MARGIN;
        let width = (max.x - min.x + 2.0 * MARGIN).max(1.0);
        let height = (max.y - min.y + 2.0 * MARGIN).max(1.0);
        let mut out =
            String::with_capacity(self.edges.len() + self.nodes.len() + self.labels.len() + 2048);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" role=\"img\" \
             aria-labelledby=\"{TITLE_ID} {DESC_ID}\" width=\"{width:.0}\" height=\"{height:.0}\" \
             viewBox=\"{x:.1} {y:.1} {width:.1} {height:.1}\">\
             <title id=\"{TITLE_ID}\">{}</title>\
             <desc id=\"{DESC_ID}\">{}</desc>",
            escape(&text.title),
            escape(description)
        );
        let _ = write!(
            out,
            "<defs>\
             <marker id=\"{ARROW_END_ID}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" \
             markerWidth=\"10\" markerHeight=\"10\" orient=\"auto\"><path fill=\"{EDGE_COLOUR}\" d=\"M0,0 L10,5 L0,10 z\"/></marker>\
             <marker id=\"{ARROW_START_ID}\" viewBox=\"0 0 10 10\" refX=\"0\" refY=\"5\" markerUnits=\"userSpaceOnUse\" \
             markerWidth=\"10\" markerHeight=\"10\" orient=\"auto\"><path fill=\"{EDGE_COLOUR}\" d=\"M10,0 L0,5 L10,10 z\"/></marker>\
             </defs>"
        );
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{width:.1}\" height=\"{height:.1}\" fill=\"#ffffff\"/>\
             <g font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\" fill=\"{TEXT_COLOUR}\">\
             <g fill=\"none\" stroke=\"{EDGE_COLOUR}\">{}</g>\
             <g font-size=\"{FONT_SIZE}\">{}</g>\
             <g font-size=\"{EDGE_FONT_SIZE}\" text-anchor=\"middle\" stroke=\"#ffffff\" stroke-width=\"4\" \
             stroke-linejoin=\"round\" paint-order=\"stroke\">{}</g>\
             </g></svg>",
            self.edges, self.nodes, self.labels
        );
        out
    }
}

impl RenderBackend for Canvas<'_> {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        _look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        let Some(node) = self.node(properties.as_deref()) else {
            return;
        };
        self.include(xy);
        self.include(xy.add(size));
        let _ = write!(
            self.nodes,
            "<g><title>{}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\" \
             fill=\"{ACTIVITY_FILL}\" stroke=\"{ACTIVITY_STROKE}\" stroke-width=\"1.5\"/>",
            escape(&node.name),
            xy.x,
            xy.y,
            size.x,
            size.y
        );
        self.node_text(node, Point::new(xy.x + size.x / 2.0, xy.y + size.y / 2.0));
        self.nodes.push_str("</g>");
    }

    fn draw_line(
        &mut self,
        _start: Point,
        _stop: Point,
        _look: &StyleAttr,
        _properties: Option<String>,
    ) {
    }

    fn draw_circle(
        &mut self,
        xy: Point,
        size: Point,
        _look: &StyleAttr,
        properties: Option<String>,
    ) {
        let Some(node) = self.node(properties.as_deref()) else {
            return;
        };
        let half = size.scale(0.5);
        self.include(xy.sub(half));
        self.include(xy.add(half));
        let (fill, stroke) = if node.kind == NodeKind::End {
            (END_FILL, END_STROKE)
        } else {
            (START_FILL, START_STROKE)
        };
        let _ = write!(
            self.nodes,
            "<g><ellipse cx=\"{:.1}\" cy=\"{:.1}\" rx=\"{:.1}\" ry=\"{:.1}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"/>",
            xy.x, xy.y, half.x, half.y
        );
        self.node_text(node, xy);
        self.nodes.push_str("</g>");
    }

    fn draw_text(&mut self, xy: Point, text: &str, _look: &StyleAttr) {
        // Node texts are written with their shapes; the rest are edge labels.
        if text.is_empty() {
            return;
        }
        let half_width = text.chars().count() as f64 * EDGE_CHAR_WIDTH / 2.0;
        self.include(Point::new(xy.x - half_width, xy.y - LINE_HEIGHT / 2.0));
        self.include(Point::new(xy.x + half_width, xy.y + LINE_HEIGHT / 2.0));
        // A background so that lines passing under the label do not cut it.
        let _ = write!(
            self.labels,
            "<rect class=\"label-bg\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"3\" \
             fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"none\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" dominant-baseline=\"central\">{}</text>",
            xy.x - half_width - 2.0,
            xy.y - EDGE_FONT_SIZE * 0.75,
            2.0 * half_width + 4.0,
            EDGE_FONT_SIZE * 1.5,
            xy.x,
            xy.y,
            escape(text)
        );
    }

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        dashed: bool,
        head: (bool, bool),
        _look: &StyleAttr,
        properties: Option<String>,
        _text: &str,
    ) {
        let Some(edge) = self.edge(properties.as_deref()) else {
            return;
        };
        let width = edge.width;
        if path.len() < 2 {
            return;
        }
        for (a, b) in path {
            self.include(*a);
            self.include(*b);
        }
        // The layout's path: a move and a cubic curve, then smooth curves.
        let mut d = format!(
            "M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
            path[0].0.x,
            path[0].0.y,
            path[0].1.x,
            path[0].1.y,
            path[1].0.x,
            path[1].0.y,
            path[1].1.x,
            path[1].1.y
        );
        for (a, b) in &path[2..] {
            let _ = write!(d, " S{:.1},{:.1} {:.1},{:.1}", a.x, a.y, b.x, b.y);
        }
        let dash = if dashed {
            " stroke-dasharray=\"5,5\""
        } else {
            ""
        };
        let start = if head.0 {
            format!(" marker-start=\"url(#{ARROW_START_ID})\"")
        } else {
            String::new()
        };
        let end = if head.1 {
            format!(" marker-end=\"url(#{ARROW_END_ID})\"")
        } else {
            String::new()
        };
        let _ = write!(
            self.edges,
            "<path d=\"{d}\" stroke-width=\"{width:.1}\"{dash}{start}{end}/>"
        );
    }

    fn create_clip(&mut self, _xy: Point, _size: Point, _rounded_px: usize) -> ClipHandle {
        0
    }
}

/// Escapes text for XML content and attribute values; characters XML 1.0
/// does not allow (most control characters) become U+FFFD.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Splits `text` into lines of at most `width` characters at spaces and
/// after hyphens (a longer piece is cut), keeping at most `max_lines` and
/// ending with "…" when something was left out.
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(1);
    // Pieces to place, each with whether a space goes before it.
    let mut pieces: Vec<(bool, Vec<char>)> = Vec::new();
    for word in text.split_whitespace() {
        let mut spaced = true;
        for part in word.split_inclusive('-') {
            pieces.push((spaced, part.chars().collect()));
            spaced = false;
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line: Vec<char> = Vec::new();
    for (spaced, mut piece) in pieces {
        loop {
            let gap = usize::from(spaced && !line.is_empty());
            if line.len() + gap + piece.len() <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.append(&mut piece);
                break;
            }
            if !line.is_empty() {
                lines.push(line.drain(..).collect());
                continue;
            }
            // A piece longer than a line: cut it.
            let rest = piece.split_off(width);
            lines.push(piece.into_iter().collect());
            piece = rest;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line.into_iter().collect());
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(width - 1).collect();
            *last = format!("{}…", kept.trim_end());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse;
    use crate::log::LogBuilder;
    use quick_xml::events::Event;

    const DAY: i64 = 86_400 * 1_000_000_000;

    /// Counts with a `.` between thousands and a decimal comma, to see that
    /// the map writes every number through its `NumberFormat`.
    struct DecimalComma;

    impl NumberFormat for DecimalComma {
        fn count(&self, value: u64) -> String {
            if value >= 1000 {
                format!("{}.{:03}", value / 1000, value % 1000)
            } else {
                value.to_string()
            }
        }

        fn decimal(&self, value: f64) -> String {
            format!("{value:.1}").replace('.', ",")
        }

        fn duration(&self, seconds: f64) -> String {
            let (unit, value, decimal) = duration_parts(seconds);
            let unit = match unit {
                DurationUnit::Seconds => "s",
                DurationUnit::Minutes => "min",
                DurationUnit::Hours => "h",
                DurationUnit::Days => "vrk",
            };
            if decimal {
                format!("{} {unit}", self.decimal(value))
            } else {
                format!("{value:.0} {unit}")
            }
        }
    }

    fn report(events: &[(&str, &str, i64)]) -> Report {
        let mut builder = LogBuilder::new();
        for (case, activity, t) in events {
            builder.push(case, activity, *t);
        }
        analyse(&builder.finish())
    }

    fn small() -> Report {
        report(&[
            ("1", "Hakemus <saapuu> & \"kirjataan\"", 0),
            ("1", "Päätös 'annetaan'", 2 * DAY + DAY / 2),
            ("2", "Hakemus <saapuu> & \"kirjataan\"", 0),
            ("2", "Päätös 'annetaan'", 3 * DAY),
            ("2", "Päätös 'annetaan'", 4 * DAY),
            ("3", "Neuvonta", 0),
        ])
    }

    /// Parses the whole document; returns the text of every element with
    /// the name of the element that holds it, entities resolved.
    fn parse(svg: &str) -> Vec<(String, String)> {
        let mut reader = quick_xml::Reader::from_str(svg);
        let mut stack: Vec<String> = Vec::new();
        let mut texts = Vec::new();
        let mut raw = String::new();
        let mut flush = |stack: &[String], raw: &mut String| {
            if !raw.is_empty() {
                let text = quick_xml::escape::unescape(raw)
                    .expect("valid entities")
                    .into_owned();
                texts.push((stack.last().cloned().unwrap_or_default(), text));
                raw.clear();
            }
        };
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) => {
                    flush(&stack, &mut raw);
                    stack.push(e.name().as_ref().to_owned());
                }
                Event::End(_) => {
                    flush(&stack, &mut raw);
                    stack.pop();
                }
                Event::Empty(_) => flush(&stack, &mut raw),
                Event::Text(t) => raw.push_str(&t.xml10_content()),
                Event::GeneralRef(r) => {
                    raw.push('&');
                    raw.push_str(&r.xml10_content());
                    raw.push(';');
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert!(stack.is_empty(), "every element closed");
        texts
    }

    #[test]
    fn escape_handles_markup_quotes_and_control_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(escape("x\u{1}y\u{ffff}"), "x\u{fffd}y\u{fffd}");
        assert_eq!(escape("Päätös\n"), "Päätös\n");
    }

    #[test]
    fn document_starts_with_title_and_desc_referred_to_by_aria() {
        let svg = render_process_map(
            &small(),
            MapMode::Frequency,
            &MapText::default(),
            &PlainNumbers,
        );
        let root_end = svg.find('>').expect("root tag");
        let root = &svg[..root_end];
        assert!(
            root.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{root}"
        );
        assert!(root.contains("role=\"img\""));
        assert!(root.contains(&format!("aria-labelledby=\"{TITLE_ID} {DESC_ID}\"")));
        let rest = &svg[root_end + 1..];
        assert!(rest.starts_with(&format!(
            "<title id=\"{TITLE_ID}\">Process map</title><desc id=\"{DESC_ID}\">"
        )));
        for forbidden in [
            "<script",
            "href",
            "http://www.w3.org/1999/xlink",
            "<image",
            "<foreignObject",
            "@import",
        ] {
            assert!(!rest.contains(forbidden), "{forbidden} in the map");
        }
    }

    #[test]
    fn output_parses_and_names_are_escaped() {
        let svg = render_process_map(
            &small(),
            MapMode::Frequency,
            &MapText::default(),
            &PlainNumbers,
        );
        assert!(!svg.contains("<saapuu>"), "raw markup leaked");
        let texts = parse(&svg);
        let all: String = texts
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("|");
        assert!(all.contains("Hakemus <saapuu> &"), "{all}");
        assert!(all.contains("Päätös 'annetaan'"), "{all}");
        let desc = &texts.iter().find(|(e, _)| e == "desc").expect("desc").1;
        assert!(desc.contains("→ Päätös 'annetaan': 2"), "{desc}");
    }

    #[test]
    fn frequency_map_shows_event_and_edge_counts() {
        let svg = render_process_map(
            &small(),
            MapMode::Frequency,
            &MapText::default(),
            &PlainNumbers,
        );
        let texts = parse(&svg);
        let has =
            |element: &str, wanted: &str| texts.iter().any(|(e, t)| e == element && t == wanted);
        // Node counts: Päätös has 3 events, Hakemus 2, Neuvonta 1.
        assert!(has("tspan", "3"), "{texts:?}");
        assert!(has("tspan", "start") && has("tspan", "end"));
        // Edge labels: Hakemus → Päätös twice, the self-loop once, start → Hakemus twice.
        let labels: Vec<&str> = texts
            .iter()
            .filter(|(e, _)| e == "text")
            .map(|(_, t)| t.as_str())
            .collect();
        assert_eq!(
            labels.iter().filter(|&&l| l == "2").count(),
            3,
            "{labels:?}"
        );
        assert_eq!(
            labels.iter().filter(|&&l| l == "1").count(),
            3,
            "{labels:?}"
        );
        assert_eq!(svg.matches("<path d=").count(), 6, "every edge drawn once");
    }

    #[test]
    fn performance_map_shows_median_waits_in_a_unit_by_size() {
        let svg = render_process_map(
            &small(),
            MapMode::Performance,
            &MapText::default(),
            &DecimalComma,
        );
        let texts = parse(&svg);
        let labels: Vec<&str> = texts
            .iter()
            .filter(|(e, _)| e == "text")
            .map(|(_, t)| t.as_str())
            .collect();
        // Hakemus → Päätös waits 2.5 and 3 days: median 2.75, shown as 2,8.
        assert!(labels.contains(&"2,8 vrk"), "{labels:?}");
        assert!(labels.contains(&"24 h"), "self-loop: {labels:?}");
        assert!(
            labels.contains(&"2"),
            "start edges keep their case counts: {labels:?}"
        );
    }

    #[test]
    fn every_activity_is_drawn_with_a_way_in_and_a_way_out() {
        let mut events = Vec::new();
        // 60 cases over ten frequent activities: far more than MAX_EDGES
        // transitions among them.
        for i in 0..60i64 {
            let case = format!("c{i}");
            for (step, activity) in [0, 1 + i % 9, 1 + (i * 7) % 9, 1 + (i / 9) % 9, 9 - i % 3]
                .into_iter()
                .enumerate()
            {
                events.push((case.clone(), format!("A{activity}"), step as i64 * DAY));
            }
        }
        // Twenty rare activities, once each, between frequent ones.
        for j in 0..20i64 {
            let case = format!("r{j}");
            for (step, activity) in ["A0".to_owned(), format!("R{j}"), "A5".to_owned()]
                .into_iter()
                .enumerate()
            {
                events.push((case.clone(), activity, step as i64 * DAY));
            }
        }
        let events: Vec<(&str, &str, i64)> = events
            .iter()
            .map(|(c, a, t)| (c.as_str(), a.as_str(), *t))
            .collect();
        let report = report(&events);
        assert_eq!(report.activities.len(), 30);
        assert!(report.dfg.len() > MAX_EDGES, "{}", report.dfg.len());
        let map = MapModel::new(
            &report,
            MapMode::Frequency,
            &MapText::default(),
            &PlainNumbers,
        );
        let names: Vec<&str> = map.nodes.iter().map(|n| n.name.as_str()).collect();
        for activity in &report.activities {
            assert!(
                names.contains(&activity.name.as_str()),
                "{} missing",
                activity.name
            );
        }
        for (index, node) in map.nodes.iter().enumerate().skip(2) {
            assert!(
                map.edges.iter().any(|e| e.from == index),
                "{} has no way out",
                node.name
            );
            assert!(
                map.edges.iter().any(|e| e.to == index),
                "{} has no way in",
                node.name
            );
        }
        assert_eq!(drawn_edges(&report), map.edges.len());
        let svg = render_process_map(
            &report,
            MapMode::Frequency,
            &MapText::default(),
            &PlainNumbers,
        );
        assert!(svg.contains(">R19<"), "rare activities are drawn");
        assert_eq!(
            svg.matches("<rect class=\"label-bg\"").count(),
            map.edges.len(),
            "every edge label has a background"
        );
    }

    #[test]
    fn durations_choose_their_unit_by_size() {
        let plain = PlainNumbers;
        assert_eq!(plain.duration(0.0), "0 s");
        assert_eq!(plain.duration(7.25), "7.3 s");
        assert_eq!(plain.duration(30.0 * 60.0), "30 min");
        assert_eq!(plain.duration(59.0 * 60.0 + 50.0), "60 min");
        assert_eq!(plain.duration(5.0 * 3600.0), "5 h");
        assert_eq!(plain.duration(2.5 * 3600.0), "2.5 h");
        assert_eq!(plain.duration(47.0 * 3600.0), "47 h");
        assert_eq!(plain.duration(3.0 * 86_400.0), "3 d");
        assert_eq!(plain.duration(2.75 * 86_400.0), "2.8 d");
        assert_eq!(plain.duration(120.4 * 86_400.0), "120 d");
    }

    #[test]
    fn counts_are_written_by_the_given_format() {
        let cases: Vec<String> = (0..1001).map(|c| c.to_string()).collect();
        let events: Vec<(&str, &str, i64)> = cases.iter().map(|c| (c.as_str(), "a", 0)).collect();
        let svg = render_process_map(
            &report(&events),
            MapMode::Frequency,
            &MapText::default(),
            &DecimalComma,
        );
        let texts = parse(&svg);
        let count = |wanted: &str| texts.iter().filter(|(_, t)| t == wanted).count();
        assert_eq!(count("1.001"), 3, "node and both edges: {texts:?}");
        assert_eq!(count("1001"), 0);
    }

    #[test]
    fn big_logs_draw_only_the_most_frequent_edges_and_say_so() {
        let mut events = Vec::new();
        let names: Vec<String> = (0..30).map(|i| format!("toiminto {i}")).collect();
        let mut case = 0;
        for i in 0..30 {
            for j in 0..30 {
                if (i * 7 + j * 3) % 4 == 0 && i != j {
                    for _ in 0..=(i + j) % 5 {
                        case += 1;
                        let id = case.to_string();
                        events.push((id.clone(), names[i].clone(), 0));
                        events.push((id, names[j].clone(), DAY));
                    }
                }
            }
        }
        let borrowed: Vec<(&str, &str, i64)> = events
            .iter()
            .map(|(c, a, t)| (c.as_str(), a.as_str(), *t))
            .collect();
        let report = report(&borrowed);
        assert!(report.dfg.len() > MAX_EDGES);
        let svg = render_process_map(
            &report,
            MapMode::Frequency,
            &MapText::default(),
            &PlainNumbers,
        );
        let drawn = drawn_edges(&report);
        assert!(drawn >= MAX_EDGES && drawn < report.dfg.len(), "{drawn}");
        assert_eq!(svg.matches("<path d=").count(), drawn);
        let texts = parse(&svg);
        let desc = &texts.iter().find(|(e, _)| e == "desc").expect("desc").1;
        assert!(desc.contains("not every transition"), "{desc}");
        assert_eq!(desc.lines().count(), drawn + 1);

        // Every drawn activity can be reached from the start on the map.
        let model = MapModel::new(
            &report,
            MapMode::Frequency,
            &MapText::default(),
            &PlainNumbers,
        );
        let mut reached = vec![false; model.nodes.len()];
        reached[0] = true;
        let mut changed = true;
        while changed {
            changed = false;
            for edge in &model.edges {
                if reached[edge.from] && !reached[edge.to] {
                    reached[edge.to] = true;
                    changed = true;
                }
            }
        }
        assert!(reached.iter().skip(2).all(|&r| r), "fragments on the map");
    }

    #[test]
    fn small_maps_do_not_mention_left_out_edges() {
        let svg = render_process_map(
            &small(),
            MapMode::Frequency,
            &MapText::default(),
            &PlainNumbers,
        );
        assert!(!svg.contains("only the 40"));
    }

    #[test]
    fn empty_and_single_event_logs_still_render() {
        let empty = Report {
            cases: 0,
            events: 0,
            activities: vec![],
            start: vec![],
            end: vec![],
            dfg: vec![],
            variants: vec![],
            drop_off: vec![],
        };
        parse(&render_process_map(
            &empty,
            MapMode::Frequency,
            &MapText::default(),
            &PlainNumbers,
        ));
        let one = report(&[("1", "a", 0)]);
        let svg = render_process_map(
            &one,
            MapMode::Performance,
            &MapText::default(),
            &PlainNumbers,
        );
        assert_eq!(svg.matches("<path d=").count(), 2, "start → a → end");
        parse(&svg);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        /// Any log (loops, back edges, self-loops, single events) lays out
        /// without a panic into a well-formed document with every edge drawn.
        #[test]
        fn any_log_renders(
            events in proptest::collection::vec((0u8..12, 0u8..9, 0i64..5), 1..120),
            performance in proptest::bool::ANY,
        ) {
            let names = ["a", "b", "c", "<d>", "e & f", "g", "h", "i", "j"];
            let cases: Vec<String> = (0..12).map(|c| c.to_string()).collect();
            let owned: Vec<(&str, &str, i64)> = events
                .iter()
                .map(|&(c, a, t)| (cases[c as usize].as_str(), names[a as usize], t * DAY))
                .collect();
            let report = report(&owned);
            let mode = if performance { MapMode::Performance } else { MapMode::Frequency };
            let svg = render_process_map(&report, mode, &MapText::default(), &PlainNumbers);
            parse(&svg);
            let edges = report.dfg.len() + report.start.len() + report.end.len();
            let drawn = drawn_edges(&report);
            proptest::prop_assert_eq!(svg.matches("<path d=").count(), drawn);
            proptest::prop_assert!(drawn >= edges.min(MAX_EDGES) && drawn <= edges);
            proptest::prop_assert!(!svg.contains("NaN") && !svg.contains("inf"));
        }
    }

    #[test]
    fn long_names_are_wrapped_and_cut() {
        assert_eq!(wrap("lyhyt", 24, 3), ["lyhyt"]);
        assert_eq!(wrap("yksi kaksi kolme", 10, 3), ["yksi kaksi", "kolme"]);
        assert_eq!(wrap("aaaaaaaaaaaa", 5, 3), ["aaaaa", "aaaaa", "aa"]);
        assert_eq!(wrap("a b c d e f", 1, 2), ["a", "…"]);
        assert_eq!(wrap("", 5, 3), [""]);
        assert_eq!(
            wrap("Kelan perustoimeentulotuki-hakemus", 24, 3),
            ["Kelan", "perustoimeentulotuki-", "hakemus"]
        );
        assert_eq!(wrap("TE-palvelut", 24, 3), ["TE-palvelut"]);
    }
}
