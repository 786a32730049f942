//! Writing the laid-out map as SVG: the `RenderBackend` that `layout-rs`
//! draws through, escaping every string.

use super::*;

/// Collects the draw calls of the layout and writes the SVG document.
pub(super) struct Canvas<'a> {
    pub(super) map: &'a MapModel,
    pub(super) edges: String,
    pub(super) nodes: String,
    pub(super) labels: String,
    pub(super) min: Point,
    pub(super) max: Point,
}

impl<'a> Canvas<'a> {
    pub(super) fn new(map: &'a MapModel) -> Self {
        Self {
            map,
            edges: String::new(),
            nodes: String::new(),
            labels: String::new(),
            min: Point::splat(f64::INFINITY),
            max: Point::splat(f64::NEG_INFINITY),
        }
    }

    pub(super) fn include(&mut self, point: Point) {
        if point.x.is_finite() && point.y.is_finite() {
            self.min = Point::new(self.min.x.min(point.x), self.min.y.min(point.y));
            self.max = Point::new(self.max.x.max(point.x), self.max.y.max(point.y));
        }
    }

    pub(super) fn node(&self, properties: Option<&str>) -> Option<&'a MapNode> {
        let index: usize = properties?.strip_prefix('n')?.parse().ok()?;
        self.map.nodes.get(index)
    }

    pub(super) fn edge(&self, properties: Option<&str>) -> Option<&'a MapEdge> {
        let index: usize = properties?.strip_prefix('e')?.parse().ok()?;
        self.map.edges.get(index)
    }

    /// The node's lines, centred on `center`.
    pub(super) fn node_text(&mut self, node: &MapNode, center: Point) {
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

    /// The document: title, description, the drawing, and below it the
    /// visible `legend`, wrapped at spaces to the drawing's width (or
    /// [`LEGEND_MIN_CHARS`] characters if the drawing is narrower).
    pub(super) fn finish(self, text: &MapText, description: &str, legend: &[String]) -> String {
        let (min, max) = if self.min.x.is_finite() {
            (self.min, self.max)
        } else {
            (Point::zero(), Point::zero())
        };
        let per_line = (((max.x - min.x) / LEGEND_CHAR_WIDTH) as usize).max(LEGEND_MIN_CHARS);
        let legend_lines: Vec<String> = legend
            .iter()
            .flat_map(|line| wrap(line, per_line, usize::MAX))
            .collect();
        let widest = legend_lines
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        let legend_top = max.y + MARGIN;
        let mut legend_svg = String::new();
        for (i, line) in legend_lines.iter().enumerate() {
            let _ = write!(
                legend_svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" dominant-baseline=\"central\">{}</text>",
                min.x,
                legend_top + (i as f64 + 0.5) * LINE_HEIGHT,
                escape(line)
            );
        }
        let x = min.x - MARGIN;
        let y = min.y - MARGIN;
        let drawing_width = max.x - min.x;
        let width = (drawing_width.max(widest as f64 * LEGEND_CHAR_WIDTH) + 2.0 * MARGIN).max(1.0);
        let height = (max.y - min.y
            + 2.0 * MARGIN
            + if legend_lines.is_empty() {
                0.0
            } else {
                MARGIN + legend_lines.len() as f64 * LINE_HEIGHT
            })
        .max(1.0);
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
             <g class=\"legend\" font-size=\"{LEGEND_FONT_SIZE}\">{legend_svg}</g>\
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
