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
        &MapOptions::new(MapMode::Frequency),
        &MapText::default(),
        &PlainWords,
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
        &MapOptions::new(MapMode::Frequency),
        &MapText::default(),
        &PlainWords,
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
        &MapOptions::new(MapMode::Frequency),
        &MapText::default(),
        &PlainWords,
        &PlainNumbers,
    );
    let texts = parse(&svg);
    let has = |element: &str, wanted: &str| texts.iter().any(|(e, t)| e == element && t == wanted);
    // Node counts: Päätös has 3 events, Hakemus 2, Neuvonta 1.
    assert!(has("tspan", "3"), "{texts:?}");
    assert!(has("tspan", "start") && has("tspan", "end"));
    // Edge labels: Hakemus → Päätös twice, the self-loop once; start and
    // end edges as cases in words.
    let mut labels: Vec<&str> = texts
        .iter()
        .filter(|(e, _)| e == "text")
        .map(|(_, t)| t.as_str())
        .collect();
    labels.sort_unstable();
    assert_eq!(
        labels,
        [
            "1",
            "1 case ends",
            "1 case starts",
            "2",
            "2 cases end",
            "2 cases start",
            "6 of 6 transitions shown."
        ]
    );
    assert_eq!(svg.matches("<path d=").count(), 6, "every edge drawn once");
}

#[test]
fn performance_map_shows_median_waits_in_a_unit_by_size() {
    let svg = render_process_map(
        &small(),
        &MapOptions::new(MapMode::Performance),
        &MapText::default(),
        &PlainWords,
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
        labels.contains(&"2 cases start") && labels.contains(&"1 case ends"),
        "start and end edges are labelled as cases: {labels:?}"
    );
    assert!(!labels.contains(&"2"), "{labels:?}");
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
        &MapOptions::default(),
        &MapText::default(),
        &PlainWords,
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
    assert_eq!(
        drawn_edges(&report, &MapOptions::default()),
        map.edges.len()
    );
    let svg = render_process_map(
        &report,
        &MapOptions::new(MapMode::Frequency),
        &MapText::default(),
        &PlainWords,
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
        &MapOptions::new(MapMode::Frequency),
        &MapText::default(),
        &PlainWords,
        &DecimalComma,
    );
    let texts = parse(&svg);
    let count = |wanted: &str| texts.iter().filter(|(_, t)| t == wanted).count();
    assert_eq!(count("1.001"), 1, "the node: {texts:?}");
    assert_eq!(count("1001"), 0);
    // Start and end edges are sentences the caller's words write.
    assert_eq!(count("1001 cases start"), 1, "{texts:?}");
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
        &MapOptions::new(MapMode::Frequency),
        &MapText::default(),
        &PlainWords,
        &PlainNumbers,
    );
    let drawn = drawn_edges(&report, &MapOptions::default());
    assert!(drawn >= MAX_EDGES && drawn < report.dfg.len(), "{drawn}");
    assert_eq!(svg.matches("<path d=").count(), drawn);
    let texts = parse(&svg);
    let desc = &texts.iter().find(|(e, _)| e == "desc").expect("desc").1;
    let total = report.dfg.len() + report.start.len() + report.end.len();
    let shown = format!("{drawn} of {total} transitions shown.");
    assert!(desc.contains(&shown), "{desc}");
    assert!(
        texts.iter().any(|(e, t)| e == "text" && *t == shown),
        "the legend is visible text"
    );
    assert_eq!(desc.lines().count(), drawn + 1);

    // Every drawn activity can be reached from the start on the map.
    let model = MapModel::new(
        &report,
        &MapOptions::default(),
        &MapText::default(),
        &PlainWords,
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
        &MapOptions::new(MapMode::Frequency),
        &MapText::default(),
        &PlainWords,
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
        &MapOptions::new(MapMode::Frequency),
        &MapText::default(),
        &PlainWords,
        &PlainNumbers,
    ));
    let one = report(&[("1", "a", 0)]);
    let svg = render_process_map(
        &one,
        &MapOptions::new(MapMode::Performance),
        &MapText::default(),
        &PlainWords,
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
        let svg = render_process_map(&report, &MapOptions::new(mode), &MapText::default(), &PlainWords, &PlainNumbers);
        parse(&svg);
        let edges = report.dfg.len() + report.start.len() + report.end.len();
        let drawn = drawn_edges(&report, &MapOptions::new(mode));
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

/// A log of `n` activities `A00`, `A01`, ... where activity `i` has `n - i`
/// cases of its own (so the order by frequency is the order by name).
fn many_activities(n: usize) -> Report {
    let mut events = Vec::new();
    for i in 0..n {
        for k in 0..(n - i) {
            events.push((format!("{i}-{k}"), format!("A{i:02}"), 0));
        }
    }
    let borrowed: Vec<(&str, &str, i64)> = events
        .iter()
        .map(|(c, a, t)| (c.as_str(), a.as_str(), *t))
        .collect();
    report(&borrowed)
}

fn legend(svg: &str) -> Vec<String> {
    let start = svg.find("<g class=\"legend\"").expect("a legend");
    parse(svg)
        .into_iter()
        .filter(|(e, _)| e == "text")
        .map(|(_, t)| t)
        .filter(|t| svg[start..].contains(&escape(t)))
        .collect()
}

#[test]
fn activities_past_the_limit_are_left_out_and_named_on_the_map() {
    let report = many_activities(15);
    let options = MapOptions {
        mode: MapMode::Frequency,
        activities: Some(3),
    };
    let map = MapModel::new(
        &report,
        &options,
        &MapText::default(),
        &PlainWords,
        &PlainNumbers,
    );
    let names: Vec<&str> = map.nodes.iter().skip(2).map(|n| n.name.as_str()).collect();
    assert_eq!(names, ["A00", "A01", "A02"]);
    assert_eq!(
        left_out_activities(&report, &options),
        (3..15).map(|i| format!("A{i:02}")).collect::<Vec<_>>()
    );
    let svg = render_process_map(
        &report,
        &options,
        &MapText::default(),
        &PlainWords,
        &PlainNumbers,
    );
    let wanted =
        "12 activities left out: A03, A04, A05, A06, A07, A08, A09, A10, A11, A12 and 2 more.";
    let desc = parse(&svg)
        .into_iter()
        .find(|(e, _)| e == "desc")
        .expect("desc")
        .1;
    assert!(desc.contains(wanted), "{desc}");
    // Visible, wrapped at spaces only: the lines put together give the sentence.
    let legend = legend(&svg);
    assert_eq!(legend[0], "6 of 30 transitions shown.", "{legend:?}");
    assert_eq!(legend[1..].join(" "), wanted, "{legend:?}");
}

#[test]
fn every_activity_up_to_sixty_is_drawn_by_default() {
    let report = many_activities(MAX_ACTIVITIES);
    let options = MapOptions::default();
    assert!(left_out_activities(&report, &options).is_empty());
    let svg = render_process_map(
        &report,
        &options,
        &MapText::default(),
        &PlainWords,
        &PlainNumbers,
    );
    assert!(svg.contains(">A59<"));
    assert!(!svg.contains("left out"), "nothing left out");

    let report = many_activities(MAX_ACTIVITIES + 2);
    let svg = render_process_map(
        &report,
        &options,
        &MapText::default(),
        &PlainWords,
        &PlainNumbers,
    );
    assert!(svg.contains(">A59<") && !svg.contains(">A60<"));
    assert!(
        svg.contains("2 activities left out: A60, A61."),
        "{:?}",
        legend(&svg)
    );
}

#[test]
fn performance_maps_draw_the_longest_waits_even_when_rare() {
    // Many frequent transitions, far more than MAX_EDGES, with short waits.
    let mut events = Vec::new();
    let names: Vec<String> = (0..30).map(|i| format!("toiminto {i}")).collect();
    let mut case = 0;
    for i in 0..30 {
        for j in 0..30 {
            if (i * 7 + j * 3) % 4 == 0 && i != j {
                for _ in 0..=(i + j) % 5 + 1 {
                    case += 1;
                    let id = case.to_string();
                    events.push((id.clone(), names[i].clone(), 0));
                    events.push((id, names[j].clone(), DAY / 24));
                }
            }
        }
    }
    // Once only, a wait of 100 days, on a transition found nowhere else.
    events.push(("harvinainen".into(), names[0].clone(), 0));
    events.push(("harvinainen".into(), names[1].clone(), 100 * DAY));
    let borrowed: Vec<(&str, &str, i64)> = events
        .iter()
        .map(|(c, a, t)| (c.as_str(), a.as_str(), *t))
        .collect();
    let report = report(&borrowed);
    assert!(report.dfg.len() > MAX_EDGES);
    let drawn = |mode: MapMode| -> Vec<(String, String, String)> {
        let map = MapModel::new(
            &report,
            &MapOptions::new(mode),
            &MapText::default(),
            &PlainWords,
            &PlainNumbers,
        );
        map.edges
            .iter()
            .map(|e| {
                (
                    map.nodes[e.from].name.clone(),
                    map.nodes[e.to].name.clone(),
                    e.label.clone(),
                )
            })
            .collect()
    };
    let rare = |edges: &[(String, String, String)]| {
        edges
            .iter()
            .find(|(from, to, _)| *from == names[0] && *to == names[1])
            .map(|(_, _, label)| label.clone())
    };
    assert_eq!(
        rare(&drawn(MapMode::Frequency)),
        None,
        "too rare for the frequency map"
    );
    assert_eq!(rare(&drawn(MapMode::Performance)).as_deref(), Some("100 d"));
    assert!(drawn(MapMode::Performance).len() <= drawn(MapMode::Frequency).len() + LONGEST_WAITS);
}

#[test]
fn edge_labels_are_single_texts_never_broken_inside_a_word() {
    let svg = render_process_map(
        &small(),
        &MapOptions::new(MapMode::Performance),
        &MapText::default(),
        &PlainWords,
        &PlainNumbers,
    );
    let texts = parse(&svg);
    assert!(
        texts
            .iter()
            .any(|(e, t)| e == "text" && t == "2 cases start"),
        "{texts:?}"
    );
    // One <text> per label, no line breaks or pieces: a label never wraps.
    assert!(svg.contains("dominant-baseline=\"central\">2 cases start</text>"));
    assert!(!texts.iter().any(|(_, t)| t == "cases" || t == "2 cases"));
}
