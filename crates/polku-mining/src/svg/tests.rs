//! Tests of the process map.

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
    let has = |element: &str, wanted: &str| texts.iter().any(|(e, t)| e == element && t == wanted);
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
