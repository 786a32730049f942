//! The XES and OCEL 2.0 readers on files: the same log as CSV, XES and
//! gzip-compressed XES gives the same report; OCEL logs flatten as pm4py
//! does; hostile or broken input is refused with an error, never a panic.
//! Inputs found by fuzzing (`fuzz/`) are kept here as regressions.

use std::io::Write;
use std::path::{Path, PathBuf};

use polku_mining::csv_reader::{CsvOptions, read_csv};
use polku_mining::ocel::{read_ocel_json, read_ocel_xml};
use polku_mining::xes::read_xes;
use polku_mining::{MineError, Report, analyse};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(data(name)).expect("test data exists")
}

fn xes_report(xes: &[u8]) -> Report {
    analyse(&read_xes(xes).expect("XES reads").log)
}

/// Activity names of each case, cases sorted by their first activity and
/// length so that the comparison does not depend on case order.
fn traces(read: &polku_mining::csv_reader::ReadLog) -> Vec<Vec<String>> {
    let log = &read.log;
    let mut traces: Vec<Vec<String>> = (0..log.case_count())
        .map(|case| {
            log.case_activities(case)
                .iter()
                .map(|&a| log.activity_names()[a as usize].clone())
                .collect()
        })
        .collect();
    traces.sort();
    traces
}

/// A one-trace XES document around `events`.
fn xes_doc(case: &str, events: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xmlns="http://www.xes-standard.org/">
  <trace>
    <string key="concept:name" value="{case}"/>
    {events}
  </trace>
</log>
"#
    )
}

fn xes_event(activity: &str, time: &str, lifecycle: &str) -> String {
    format!(
        r#"<event><string key="concept:name" value="{activity}"/><string key="lifecycle:transition" value="{lifecycle}"/><date key="time:timestamp" value="{time}"/></event>"#
    )
}

#[test]
fn csv_and_xes_of_the_same_log_give_the_same_report() {
    let csv = read_csv(&bytes("small.csv")[..], &CsvOptions::default()).expect("CSV reads");
    let from_csv = analyse(&csv.log);
    assert_eq!(from_csv.cases, 30);
    let xes = read_xes(&bytes("small.xes")[..]).expect("XES reads");
    assert_eq!(xes.skipped, 0);
    assert_eq!(analyse(&xes.log), from_csv);
    assert_eq!(
        xes_report(&bytes("small.xes.gz")),
        from_csv,
        "gzip is detected by its magic bytes"
    );
}

#[test]
fn start_and_complete_events_both_count() {
    let events = [
        xes_event("Haku", "2024-01-01T09:00:00.000+02:00", "start"),
        xes_event("Haku", "2024-01-01T10:00:00.000+02:00", "complete"),
        xes_event("Päätös", "2024-01-05T10:00:00Z", "complete"),
    ]
    .concat();
    let report = xes_report(xes_doc("c1", &events).as_bytes());
    assert_eq!(report.events, 3);
    assert_eq!(report.activities[0].name, "Haku");
    assert_eq!(report.activities[0].count, 2);
    assert_eq!(report.variants[0].activities, ["Haku", "Haku", "Päätös"]);
}

#[test]
fn escapes_are_unescaped() {
    let events = [
        xes_event(
            "Velka- &amp; talousneuvonta",
            "2024-01-01T09:00:00Z",
            "complete",
        ),
        xes_event(
            "&lt;tyhjä&gt; &quot;x&quot; &apos;y&apos; P&#228;&#xe4;t&#246;s",
            "2024-01-02T09:00:00Z",
            "complete",
        ),
    ]
    .concat();
    let read = read_xes(xes_doc("A&amp;B", &events).as_bytes()).expect("reads");
    assert_eq!(
        traces(&read),
        [["Velka- & talousneuvonta", "<tyhjä> \"x\" 'y' Päätös"]]
    );
    let undefined = xes_doc("c", &xes_event("&nbsp;", "2024-01-01", "complete"));
    let err = read_xes(undefined.as_bytes()).expect_err("HTML entity");
    assert!(matches!(err, MineError::Xml { .. }), "{err:?}");
}

#[test]
fn gzip_is_detected_and_broken_gzip_is_refused() {
    let plain = xes_doc("c1", &xes_event("a", "2024-01-01T09:00:00Z", "complete"));
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(plain.as_bytes()).expect("compresses");
    let gz = encoder.finish().expect("compresses");
    assert_eq!(xes_report(&gz), xes_report(plain.as_bytes()));
    let err = read_xes(&gz[..gz.len() / 2]).expect_err("half a gzip file");
    assert!(matches!(err, MineError::Xml { .. }), "{err:?}");
    let mut corrupt = gz.clone();
    for byte in &mut corrupt[12..20] {
        *byte ^= 0x55;
    }
    let err = read_xes(&corrupt[..]).expect_err("corrupt deflate data");
    assert!(err.is_bad_input(), "{err:?}");
}

#[test]
fn doctype_is_refused_before_any_entity_is_expanded() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE log [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<log><trace><string key="concept:name" value="&lol3;"/></trace></log>"#;
    let err = read_xes(laughs.as_bytes()).expect_err("DOCTYPE");
    let MineError::Xml { position, reason } = &err else {
        panic!("expected an XML error, got {err:?}");
    };
    // The declaration starts at byte 22; the whitespace before it is
    // skipped in the same read, so the position may point at that.
    assert!((21..=22).contains(position), "{position}");
    assert!(reason.contains("DOCTYPE"), "{reason}");
    let external = r#"<!DOCTYPE log SYSTEM "file:///etc/passwd"><log/>"#;
    assert!(matches!(
        read_xes(external.as_bytes()),
        Err(MineError::Xml { .. })
    ));
    assert!(matches!(
        read_ocel_xml(external.as_bytes(), "x"),
        Err(MineError::Xml { .. })
    ));
}

#[test]
fn every_truncation_is_refused() {
    let whole = bytes("small.xes");
    let end = String::from_utf8_lossy(&whole)
        .rfind("</log>")
        .expect("has </log>")
        + "</log>".len();
    // Every 31st byte keeps the debug-build test quick and still lands in
    // every kind of place (inside names, values, between tags).
    for cut in (1..end).step_by(31).chain([end - 1]) {
        match read_xes(&whole[..cut]) {
            Err(MineError::Xml { position, .. }) => assert!(position <= cut as u64, "cut {cut}"),
            other => panic!("cut at {cut}: expected an XML error, got {other:?}"),
        }
    }
    let gz = bytes("small.xes.gz");
    for cut in (2..gz.len()).step_by(5) {
        assert!(read_xes(&gz[..cut]).is_err(), "gzip cut at {cut}");
    }
}

#[test]
fn malformed_xml_is_reported_with_its_position() {
    let text =
        "<log>\n<trace><string key=\"concept:name\" value=\"c\"/></trace>\n<trace></event></log>";
    let err = read_xes(text.as_bytes()).expect_err("mismatched end tag");
    let MineError::Xml { position, reason } = &err else {
        panic!("expected an XML error, got {err:?}");
    };
    assert!(*position >= 60, "{position}");
    assert!(reason.contains("line 3"), "{reason}");
}

#[test]
fn a_trace_without_a_name_is_left_out_and_counted() {
    let text = r#"<log>
  <trace>
    <event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-01"/></event>
    <event><string key="concept:name" value="b"/><date key="time:timestamp" value="2024-01-02"/></event>
  </trace>
  <trace><string key="concept:name" value=""/>
    <event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-01"/></event>
  </trace>
  <trace><string key="concept:name" value="named"/>
    <event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-01-01"/></event>
    <event><string key="concept:name" value="no time"/></event>
    <event><date key="time:timestamp" value="2024-01-03"/></event>
  </trace>
</log>"#;
    let read = read_xes(text.as_bytes()).expect("reads");
    assert_eq!(traces(&read), [["a"]]);
    assert_eq!(read.skipped, 5);
    let nameless = r#"<log><trace><event><string key="concept:name" value="a"/>
        <date key="time:timestamp" value="2024-01-01"/></event></trace></log>"#;
    assert!(matches!(
        read_xes(nameless.as_bytes()),
        Err(MineError::NoEvents)
    ));
}

#[test]
fn ocel_json_and_xml_flatten_alike() {
    let json = bytes("ocel_small.json");
    let xml = bytes("ocel_small.xml");
    let expected: [(&str, Vec<Vec<&str>>); 3] = [
        (
            "hakemus",
            vec![
                vec!["Hakemus vastaanotettu", "Lisäselvityspyyntö", "Päätös"],
                vec!["Hakemus vastaanotettu", "Päätös"],
            ],
        ),
        (
            "asiakas",
            vec![vec![
                "Hakemus vastaanotettu",
                "Hakemus vastaanotettu",
                "Päätös",
            ]],
        ),
        ("käsittelijä", vec![vec!["Lisäselvityspyyntö", "Päätös"]]),
    ];
    for (object_type, cases) in expected {
        let from_json = read_ocel_json(&json[..], object_type).expect("JSON reads");
        let from_xml = read_ocel_xml(&xml[..], object_type).expect("XML reads");
        assert_eq!(traces(&from_json), cases, "{object_type}");
        assert_eq!(
            analyse(&from_json.log),
            analyse(&from_xml.log),
            "{object_type}"
        );
    }
    let report = analyse(&read_ocel_json(&json[..], "hakemus").expect("reads").log);
    assert_eq!((report.cases, report.events), (2, 5));
    let waits: Vec<(&str, &str, f64)> = report
        .dfg
        .iter()
        .map(|e| (e.from.as_str(), e.to.as_str(), e.wait_seconds.median))
        .collect();
    assert_eq!(
        waits,
        [
            ("Hakemus vastaanotettu", "Lisäselvityspyyntö", 277_200.0),
            ("Hakemus vastaanotettu", "Päätös", 694_800.0),
            ("Lisäselvityspyyntö", "Päätös", 504_000.0),
        ]
    );
}

#[test]
fn unknown_object_type_is_refused_with_the_list() {
    for err in [
        read_ocel_json(&bytes("ocel_small.json")[..], "tilaus").expect_err("unknown"),
        read_ocel_xml(&bytes("ocel_small.xml")[..], "tilaus").expect_err("unknown"),
    ] {
        assert_eq!(
            err.to_string(),
            "object type \"tilaus\" not found; the object types are: asiakas, hakemus, käsittelijä"
        );
    }
}

#[test]
fn ocel_json_that_is_not_ocel_is_refused() {
    for text in [
        "[]",
        "{\"events\": 5}",
        "{\"events\": [{\"type\": \"a\"}]}",
        "nul",
    ] {
        let err = read_ocel_json(text.as_bytes(), "t").expect_err(text);
        assert!(matches!(err, MineError::Json(_)), "{text}: {err:?}");
    }
    assert!(matches!(
        read_ocel_json(&b"{}"[..], "t"),
        Err(MineError::UnknownObjectType { .. })
    ));
}

/// Found by `cargo fuzz run csv`: two events of a case 297 years apart made
/// the wait between them overflow an i64 of nanoseconds in `analyse`.
#[test]
fn fuzz_regression_waits_longer_than_292_years() {
    let csv =
        b"case_id,activity,timestamp,i\nA2204874-11,a,2023-10-19 ,lve\nA2204874-11,A,1726-10-23 \n";
    let read = read_csv(&csv[..], &CsvOptions::default()).expect("reads");
    let report = analyse(&read.log);
    assert_eq!(report.dfg.len(), 1);
    assert!(
        report.dfg[0].wait_seconds.median > 9.2e9,
        "saturated, not wrapped"
    );
    let xes = xes_doc(
        "c",
        &[
            xes_event("a", "1700-01-01T00:00:00Z", "complete"),
            xes_event("b", "2200-01-01T00:00:00Z", "complete"),
        ]
        .concat(),
    );
    assert!(xes_report(xes.as_bytes()).dfg[0].wait_seconds.mean > 9.2e9);
}
