//! What the map shows: its nodes and the edges chosen to draw.

use super::*;

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NodeKind {
    Start,
    End,
    Activity,
}

/// A node to draw: its lines of text (already wrapped, not yet escaped).
#[derive(Debug)]
pub(super) struct MapNode {
    pub(super) kind: NodeKind,
    pub(super) name: String,
    pub(super) lines: Vec<String>,
}

impl MapNode {
    pub(super) fn size(&self) -> Point {
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
pub(super) struct MapEdge {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) label: String,
    /// Line width, 1 to 5 by the edge's weight.
    pub(super) width: f64,
}

/// The nodes and edges chosen for the picture.
#[derive(Debug)]
pub(super) struct MapModel {
    pub(super) nodes: Vec<MapNode>,
    pub(super) edges: Vec<MapEdge>,
    /// How many edges (start, directly-follows and end) the report has.
    pub(super) total_edges: usize,
}

/// Where an edge starts and ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum EdgeKind {
    /// From the start node to a first activity.
    Start,
    /// A directly-follows edge between two activities.
    Follows,
    /// From a last activity to the end node.
    End,
}

/// An edge candidate before selection; `from` is empty for a start edge and
/// `to` for an end edge.
pub(super) struct Candidate<'a> {
    pub(super) kind: EdgeKind,
    pub(super) from: &'a str,
    pub(super) to: &'a str,
    pub(super) count: u64,
    pub(super) median_seconds: Option<f64>,
}

/// The edges the map draws, and how many the report has in all.
pub(super) fn chosen_candidates<'r>(
    report: &'r Report,
    options: &MapOptions,
) -> (Vec<Candidate<'r>>, usize) {
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
        .take(options.activity_limit())
        .map(|a| a.name.as_str())
        .collect();
    let must = match options.mode {
        MapMode::Performance => longest_waits(&candidates, &allowed, LONGEST_WAITS),
        MapMode::Frequency => Vec::new(),
    };
    (
        select_edges(candidates, MAX_EDGES, &allowed, &must),
        total_edges,
    )
}

/// Indices into `sorted` of the `how_many` directly-follows edges between
/// `allowed` activities with the longest median waits (ties: the more
/// frequent first, as `sorted` has them).
fn longest_waits(sorted: &[Candidate<'_>], allowed: &[&str], how_many: usize) -> Vec<usize> {
    let allowed: HashSet<&str> = allowed.iter().copied().collect();
    let mut waits: Vec<(usize, f64)> = sorted
        .iter()
        .enumerate()
        .filter(|(_, c)| allowed.contains(c.from) && allowed.contains(c.to))
        .filter_map(|(i, c)| Some((i, c.median_seconds?)))
        .filter(|(_, median)| median.is_finite())
        .collect();
    waits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    waits.into_iter().take(how_many).map(|(i, _)| i).collect()
}

/// How many edges (start, directly-follows and end) the map of `report`
/// drawn as `options` say has.
pub fn drawn_edges(report: &Report, options: &MapOptions) -> usize {
    chosen_candidates(report, options).0.len()
}

/// The activities the map leaves out: all but the most frequent
/// [`MapOptions::activity_limit`], most frequent first.
pub fn left_out_activities<'r>(report: &'r Report, options: &MapOptions) -> Vec<&'r str> {
    report
        .activities
        .iter()
        .skip(options.activity_limit())
        .map(|a| a.name.as_str())
        .collect()
}

impl MapModel {
    pub(super) fn new(
        report: &Report,
        options: &MapOptions,
        text: &MapText,
        words: &dyn MapWords,
        numbers: &dyn NumberFormat,
    ) -> Self {
        let mode = options.mode;
        let (candidates, total_edges) = chosen_candidates(report, options);

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
                // Start and end edges count cases, in words, in both modes.
                let label = match (c.kind, mode, c.median_seconds) {
                    (EdgeKind::Start, _, _) => words.cases_start(c.count),
                    (EdgeKind::End, _, _) => words.cases_end(c.count),
                    (_, MapMode::Performance, Some(median)) => numbers.duration(median),
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

    /// The legend's lines: how many transitions are drawn of how many, and
    /// which activities are left out, if any.
    pub(super) fn legend(
        &self,
        report: &Report,
        options: &MapOptions,
        words: &dyn MapWords,
    ) -> Vec<String> {
        let mut lines =
            vec![words.transitions_shown(self.edges.len() as u64, self.total_edges as u64)];
        let left_out = left_out_activities(report, options);
        if !left_out.is_empty() {
            let mut names = left_out
                .iter()
                .take(LEFT_OUT_NAMES)
                .copied()
                .collect::<Vec<_>>()
                .join(", ");
            if left_out.len() > LEFT_OUT_NAMES {
                names.push(' ');
                names.push_str(&words.and_more((left_out.len() - LEFT_OUT_NAMES) as u64));
            }
            lines.push(words.activities_left_out(left_out.len() as u64, &names));
        }
        lines
    }

    /// The text alternative: the caller's description, the legend, and
    /// every drawn edge as "from → to: label".
    pub(super) fn description(&self, text: &MapText, legend: &[String]) -> String {
        let mut out = text.description.trim().to_owned();
        for line in legend {
            out.push(' ');
            out.push_str(line.trim());
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
///
/// The edges at the indices `must` are chosen first and count against
/// `limit` (a performance map's longest waits).
pub(super) fn select_edges<'a>(
    sorted: Vec<Candidate<'a>>,
    limit: usize,
    allowed: &[&'a str],
    must: &[usize],
) -> Vec<Candidate<'a>> {
    let allowed_set: HashSet<&str> = allowed.iter().copied().collect();
    let drawable = |c: &Candidate| {
        (c.kind == EdgeKind::Start || allowed_set.contains(c.from))
            && (c.kind == EdgeKind::End || allowed_set.contains(c.to))
    };
    let mut on_map: HashSet<&'a str> = HashSet::new();
    let mut chosen = vec![false; sorted.len()];
    let must: Vec<usize> = must
        .iter()
        .copied()
        .filter(|&i| i < sorted.len())
        .take(limit)
        .collect();
    for &i in &must {
        chosen[i] = true;
    }
    for _ in must.len()..limit {
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
        // An edge chosen first leads on once its source is reached.
        let mut grown = true;
        while grown {
            grown = false;
            for &m in &must {
                let edge = &sorted[m];
                if edge.kind != EdgeKind::End
                    && on_map.contains(edge.from)
                    && on_map.insert(edge.to)
                {
                    grown = true;
                }
            }
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
