//! `read_log`, the one entry point: every format is told from its content
//! (gzip or not) and read exactly as its own reader reads it; an explicit
//! format wins; empty and foreign input is refused clearly; bytes and
//! events are reported to a `ReadProgress` alike for every format.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use polku_mining::csv_reader::{CsvOptions, ReadLog, read_csv};
use polku_mining::{
    LogFormat, MineError, ReadOptions, ReadProgress, analyse, read_log, read_ocel_json,
    read_ocel_xml, read_xes,
};

fn data(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read(path).expect("test data exists")
}

fn golden_logs() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut logs: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("golden folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "csv"))
        .collect();
    logs.sort();
    assert!(!logs.is_empty());
    logs
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).expect("compresses");
    encoder.finish().expect("compresses")
}

fn detected(input: &[u8]) -> Result<ReadLog, MineError> {
    read_log(input, &ReadOptions::default())
}

fn ocel(object_type: &str) -> ReadOptions {
    ReadOptions {
        object_type: Some(object_type.into()),
        ..ReadOptions::default()
    }
}

fn with_format(format: LogFormat) -> ReadOptions {
    ReadOptions {
        format: Some(format),
        ..ReadOptions::default()
    }
}

fn csv(bytes: &[u8]) -> ReadLog {
    read_csv(bytes, &CsvOptions::default()).expect("CSV reads")
}

#[test]
fn csv_is_detected_with_any_delimiter_plain_or_gzip() {
    let comma = data("small.csv");
    let expected = csv(&comma);
    let text = String::from_utf8(comma.clone()).expect("UTF-8");
    for delimiter in [",", ";", "\t"] {
        let bytes = text.replace(',', delimiter).into_bytes();
        let read = detected(&bytes).expect("reads");
        assert_eq!(read, expected, "{delimiter:?}");
        assert_eq!(
            detected(&gzip(&bytes)).expect("gzip reads"),
            expected,
            "{delimiter:?} gzip"
        );
    }
    for log in golden_logs() {
        let bytes = std::fs::read(&log).expect("golden log");
        assert_eq!(detected(&bytes).expect("reads"), csv(&bytes), "{log:?}");
    }
}

#[test]
fn xes_is_detected_plain_or_gzip() {
    let xes = data("small.xes");
    let expected = read_xes(&xes[..]).expect("XES reads");
    assert_eq!(detected(&xes).expect("reads"), expected);
    assert_eq!(detected(&data("small.xes.gz")).expect("reads"), expected);
    assert_eq!(
        analyse(&expected.log),
        analyse(&csv(&data("small.csv")).log),
        "the same log as the CSV"
    );
}

#[test]
fn ocel_json_and_xml_are_detected_plain_or_gzip() {
    let json = data("ocel_small.json");
    let xml = data("ocel_small.xml");
    for object_type in ["hakemus", "asiakas", "käsittelijä"] {
        let from_json = read_ocel_json(&json[..], object_type).expect("JSON reads");
        let from_xml = read_ocel_xml(&xml[..], object_type).expect("XML reads");
        let options = ocel(object_type);
        assert_eq!(read_log(&json[..], &options).expect("reads"), from_json);
        assert_eq!(read_log(&xml[..], &options).expect("reads"), from_xml);
        assert_eq!(
            read_log(&gzip(&json)[..], &options).expect("reads"),
            from_json
        );
        assert_eq!(
            read_log(&gzip(&xml)[..], &options).expect("reads"),
            from_xml
        );
    }
}

#[test]
fn an_ocel_xml_log_with_a_long_prologue_is_still_told_from_xes() {
    let xml = String::from_utf8(data("ocel_small.xml")).expect("UTF-8");
    let comment = format!("<!-- {} -->\n", "kommentti ".repeat(1000));
    let long = xml.replacen("<log>", &format!("<log>\n{comment}"), 1);
    assert!(long.find("<object-types>").expect("has types") > 8192);
    let read = read_log(long.as_bytes(), &ocel("hakemus")).expect("reads as OCEL");
    assert_eq!(
        read,
        read_ocel_xml(&data("ocel_small.xml")[..], "hakemus").expect("reads")
    );
}

#[test]
fn an_explicit_format_overrides_detection() {
    // XES read as CSV: its first line is no header with the CSV columns.
    let err = read_log(&data("small.xes")[..], &with_format(LogFormat::Csv)).expect_err("CSV");
    assert!(matches!(err, MineError::MissingColumn { .. }), "{err:?}");
    let err = read_log(&data("small.csv")[..], &with_format(LogFormat::Xes)).expect_err("XES");
    assert!(matches!(err, MineError::Xml { .. }), "{err:?}");
    let err = read_log(&data("small.csv")[..], &with_format(LogFormat::Ocel)).expect_err("OCEL");
    assert!(matches!(err, MineError::Json(_)), "{err:?}");
    // Both OCEL encodings under the one explicit format.
    for name in ["ocel_small.json", "ocel_small.xml"] {
        let options = ReadOptions {
            format: Some(LogFormat::Ocel),
            ..ocel("hakemus")
        };
        let read = read_log(&data(name)[..], &options).expect(name);
        assert_eq!(
            read,
            read_log(&data(name)[..], &ocel("hakemus")).expect(name)
        );
    }
    // A CSV whose header starts with `<` would be taken for XML.
    let odd = b"<case_id>,activity,timestamp\n1,a,2024-01-01\n";
    assert!(detected(odd).is_err());
    let options = ReadOptions {
        format: Some(LogFormat::Csv),
        csv: CsvOptions {
            case: "<case_id>".into(),
            ..CsvOptions::default()
        },
        ..ReadOptions::default()
    };
    assert_eq!(
        read_log(&odd[..], &options)
            .expect("reads")
            .log
            .event_count(),
        1
    );
}

#[test]
fn csv_options_are_passed_on() {
    let text = "tapaus|toiminto|aika\n1|a|2024-01-01\n1|b|2024-01-02\n";
    let options = ReadOptions {
        csv: CsvOptions {
            case: "tapaus".into(),
            activity: "toiminto".into(),
            timestamp: "aika".into(),
            delimiter: Some(polku_mining::parse_delimiter("|").expect("bar")),
        },
        ..ReadOptions::default()
    };
    let read = read_log(text.as_bytes(), &options).expect("reads");
    assert_eq!(read.log.event_count(), 2);
}

#[test]
fn ocel_without_an_object_type_asks_for_one() {
    for name in ["ocel_small.json", "ocel_small.xml"] {
        let err = detected(&data(name)).expect_err("no object type");
        assert!(matches!(err, MineError::Usage(_)), "{err:?}");
        assert_eq!(
            err.to_string(),
            "OCEL logs are flattened on one object type: give --object-type, one of: \
             asiakas, hakemus, käsittelijä"
        );
        let err = read_log(&data(name)[..], &ocel("lasku")).expect_err("unknown type");
        assert!(
            matches!(err, MineError::UnknownObjectType { .. }),
            "{err:?}"
        );
    }
}

#[test]
fn empty_input_is_empty_whatever_the_wrapping() {
    for input in [&b""[..], b"   \r\n\t\n", b"\xEF\xBB\xBF\n"] {
        assert!(
            matches!(detected(input), Err(MineError::Empty)),
            "{input:?}"
        );
        assert!(
            matches!(detected(&gzip(input)), Err(MineError::Empty)),
            "gzip {input:?}"
        );
    }
    for format in LogFormat::ALL {
        assert!(matches!(
            read_log(&b""[..], &with_format(format)),
            Err(MineError::Empty)
        ));
    }
}

#[test]
fn foreign_input_is_refused_with_what_it_seems_to_be() {
    let zip = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml";
    let err = detected(zip).expect_err("zip");
    assert_eq!(
        err.to_string(),
        "not a CSV, XES or OCEL 2.0 log: it is a ZIP archive, such as an Excel workbook; \
         save the sheet as CSV (UTF-8)"
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("case_id,activity".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert!(
        detected(&utf16)
            .expect_err("UTF-16")
            .to_string()
            .contains("UTF-16")
    );
    let binary: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect();
    let err = detected(&binary).expect_err("binary");
    assert!(matches!(err, MineError::NotALog(_)), "{err:?}");
    assert!(err.is_bad_input());
    let err = detected(&gzip(&gzip(b"case_id,activity,timestamp\n"))).expect_err("gzip twice");
    assert!(matches!(err, MineError::NotALog(_)), "{err:?}");
    // Text that is no log is read as CSV and found without the columns.
    let err = detected(b"Hei maailma!\n").expect_err("prose");
    assert!(matches!(err, MineError::MissingColumn { .. }), "{err:?}");
    let err = detected(b"<html><body>Hei</body></html>").expect_err("HTML");
    assert!(err.to_string().contains("not <log>"), "{err}");
}

#[test]
fn broken_gzip_is_the_files_fault() {
    let whole = gzip(&data("small.csv"));
    let mut corrupt = whole.clone();
    corrupt[3] = 0xE0; // reserved header flags
    let err = detected(&corrupt).expect_err("bad header");
    assert!(matches!(err, MineError::Gzip(_)), "{err:?}");
    for cut in [whole.len() / 2, whole.len() - 4] {
        let err = detected(&whole[..cut]).expect_err("truncated");
        assert!(err.is_bad_input(), "cut at {cut}: {err:?}");
    }
}

/// The same generated log of `cases` × 5 events as CSV, XES, OCEL JSON and
/// OCEL XML (object type `tapaus`), each event of OCEL also related to an
/// object of another type.
fn generated(cases: usize) -> [(&'static str, Vec<u8>); 4] {
    let mut rows = Vec::new();
    for case in 0..cases {
        for step in 0..5 {
            let activity = ["Haku", "Käsittely", "Lisäselvitys", "Päätös", "Valitus"][step];
            let time = format!(
                "2024-01-{:02}T{:02}:00:00Z",
                1 + step * 5 + case % 5,
                case % 24
            );
            rows.push((format!("c{case}"), activity, time));
        }
    }
    let mut csv = String::from("case_id,activity,timestamp\n");
    let mut xes = String::from("<?xml version=\"1.0\"?>\n<log xes.version=\"1.0\">\n");
    for case in rows.chunks(5) {
        xes.push_str(&format!(
            "<trace><string key=\"concept:name\" value=\"{}\"/>\n",
            case[0].0
        ));
        for (id, activity, time) in case {
            csv.push_str(&format!("{id},{activity},{time}\n"));
            xes.push_str(&format!(
                "<event><string key=\"concept:name\" value=\"{activity}\"/>\
                 <date key=\"time:timestamp\" value=\"{time}\"/></event>\n"
            ));
        }
        xes.push_str("</trace>\n");
    }
    xes.push_str("</log>\n");
    let objects: Vec<String> = (0..cases)
        .map(|c| format!("{{\"id\": \"c{c}\", \"type\": \"tapaus\"}}"))
        .chain(["{\"id\": \"k\", \"type\": \"käsittelijä\"}".to_owned()])
        .collect();
    let events: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(i, (id, activity, time))| {
            format!(
                "{{\"id\": \"e{i}\", \"type\": \"{activity}\", \"time\": \"{time}\", \
                 \"relationships\": [{{\"objectId\": \"{id}\", \"qualifier\": \"q\"}}, \
                 {{\"objectId\": \"k\", \"qualifier\": \"q\"}}]}}"
            )
        })
        .collect();
    let json = format!(
        "{{\"objectTypes\": [{{\"name\": \"tapaus\"}}, {{\"name\": \"käsittelijä\"}}],\n\
         \"objects\": [{}],\n\"events\": [{}]}}",
        objects.join(",\n"),
        events.join(",\n")
    );
    let mut xml = String::from(
        "<?xml version=\"1.0\"?>\n<log>\n<object-types><object-type name=\"tapaus\"/>\
         <object-type name=\"käsittelijä\"/></object-types>\n<objects>\n",
    );
    for c in 0..cases {
        xml.push_str(&format!("<object id=\"c{c}\" type=\"tapaus\"/>\n"));
    }
    xml.push_str("<object id=\"k\" type=\"käsittelijä\"/>\n</objects>\n<events>\n");
    for (i, (id, activity, time)) in rows.iter().enumerate() {
        xml.push_str(&format!(
            "<event id=\"e{i}\" type=\"{activity}\" time=\"{time}\"><objects>\
             <relationship object-id=\"{id}\" qualifier=\"q\"/>\
             <relationship object-id=\"k\" qualifier=\"q\"/></objects></event>\n"
        ));
    }
    xml.push_str("</events>\n</log>\n");
    [
        ("csv", csv.into_bytes()),
        ("xes", xes.into_bytes()),
        ("ocel json", json.into_bytes()),
        ("ocel xml", xml.into_bytes()),
    ]
}

#[test]
fn every_format_reports_bytes_and_events_alike() {
    // 1,700 cases of 5 events: more than one progress batch of events.
    let logs = generated(1700);
    let expected = analyse(
        &read_csv(&logs[0].1[..], &CsvOptions::default())
            .expect("reads")
            .log,
    );
    assert_eq!(expected.events, 8500);
    for (name, bytes) in logs {
        for (wrapping, input) in [("plain", bytes.clone()), ("gzip", gzip(&bytes))] {
            let progress = Arc::new(ReadProgress::new());
            let options = ReadOptions {
                progress: Some(Arc::clone(&progress)),
                ..ocel("tapaus")
            };
            let read = read_log(&input[..], &options).expect(name);
            assert_eq!(analyse(&read.log), expected, "{name} {wrapping}");
            assert_eq!(
                progress.events(),
                read.log.event_count() as u64,
                "{name} {wrapping}"
            );
            assert_eq!(progress.bytes(), input.len() as u64, "{name} {wrapping}");
        }
    }
}

#[test]
fn flattened_ocel_events_are_what_progress_reports() {
    // An event related to two objects of the type counts in both cases,
    // and events related to no such object not at all.
    let json = data("ocel_small.json");
    for object_type in ["hakemus", "asiakas", "käsittelijä"] {
        let progress = Arc::new(ReadProgress::new());
        let options = ReadOptions {
            progress: Some(Arc::clone(&progress)),
            ..ocel(object_type)
        };
        let read = read_log(&json[..], &options).expect("reads");
        assert_eq!(
            progress.events(),
            read.log.event_count() as u64,
            "{object_type}"
        );
        assert_eq!(progress.bytes(), json.len() as u64);
    }
}

#[test]
fn the_small_data_files_report_their_progress() {
    for (name, options) in [
        ("small.csv", ReadOptions::default()),
        ("small.xes", ReadOptions::default()),
        ("small.xes.gz", ReadOptions::default()),
        ("ocel_small.json", ocel("hakemus")),
        ("ocel_small.xml", ocel("hakemus")),
    ] {
        let bytes = data(name);
        let progress = Arc::new(ReadProgress::new());
        let options = ReadOptions {
            progress: Some(Arc::clone(&progress)),
            ..options
        };
        let read = read_log(&bytes[..], &options).expect(name);
        assert_eq!(progress.events(), read.log.event_count() as u64, "{name}");
        assert_eq!(progress.bytes(), bytes.len() as u64, "{name}");
    }
}

#[test]
fn ocel_1_0_is_named_with_how_to_convert_it() {
    let ocel1 = br#"{"ocel:global-event": {"ocel:activity": "__INVALID__"},
        "ocel:global-object": {"ocel:type": "__INVALID__"},
        "ocel:global-log": {"ocel:attribute-names": [], "ocel:object-types": ["order"], "ocel:version": "1.0"},
        "ocel:events": {"e1": {"ocel:activity": "place", "ocel:timestamp": "2024-01-01T10:00:00", "ocel:omap": ["o1"], "ocel:vmap": {}}},
        "ocel:objects": {"o1": {"ocel:type": "order", "ocel:ovmap": {}}}}"#;
    for format in [None, Some(LogFormat::Ocel)] {
        let options = ReadOptions {
            format,
            ..ReadOptions::default()
        };
        let err = read_log(&ocel1[..], &options).expect_err("OCEL 1.0");
        assert!(matches!(err, MineError::Ocel1 { xml: false }), "{err:?}");
        let message = err.to_string();
        assert!(message.contains("OCEL 1.0"), "{message}");
        assert!(
            message.contains("pm4py.write_ocel2(pm4py.read_ocel("),
            "{message}"
        );
        assert!(err.is_bad_input());
    }
}

#[test]
fn ocel_1_0_xml_is_named_with_how_to_convert_it() {
    let ocel1 = br#"<?xml version='1.0' encoding='UTF-8'?>
<log>
  <global scope="event"><string key="id" value="__INVALID__"/><string key="activity" value="__INVALID__"/></global>
  <global scope="object"><string key="type" value="__INVALID__"/></global>
  <global scope="log"><list key="object-types"><string key="object-type" value="order"/></list><string key="version" value="1.0"/></global>
  <events><event><string key="id" value="e1"/><string key="activity" value="place"/>
    <date key="timestamp" value="2024-01-01T10:00:00"/><list key="omap"><string key="object-id" value="o1"/></list></event></events>
  <objects><object><string key="id" value="o1"/><string key="type" value="order"/></object></objects>
</log>"#;
    for input in [ocel1.to_vec(), gzip(ocel1)] {
        for format in [None, Some(LogFormat::Ocel)] {
            let options = ReadOptions {
                format,
                ..ocel("order")
            };
            let err = read_log(&input[..], &options).expect_err("OCEL 1.0");
            assert!(matches!(err, MineError::Ocel1 { xml: true }), "{err:?}");
            let message = err.to_string();
            assert!(message.contains("OCEL 1.0"), "{message}");
            assert!(
                message.contains("pm4py.write_ocel2(pm4py.read_ocel(\"old.xmlocel\")"),
                "{message}"
            );
            assert!(err.is_bad_input());
        }
    }
}

#[test]
fn every_reader_reads_naive_times_in_the_zone_given() {
    let zone = polku_mining::TimeZone::named("Europe/Helsinki").expect("known zone");
    let in_zone = |format: LogFormat, object_type: Option<&str>| ReadOptions {
        format: Some(format),
        object_type: object_type.map(Into::into),
        timezone: zone.clone(),
        ..ReadOptions::default()
    };
    let first = |read: ReadLog| {
        let report = analyse(&read.log);
        report.dfg[0].wait_seconds.median
    };
    // Across the night the clocks went forward: one hour, not two.
    let csv = b"case_id,activity,timestamp\n1,a,2024-03-31 02:30:00\n1,b,2024-03-31 04:30:00\n";
    assert_eq!(
        first(read_log(&csv[..], &in_zone(LogFormat::Csv, None)).expect("CSV")),
        3600.0
    );
    assert_eq!(
        first(read_log(&csv[..], &ReadOptions::default()).expect("CSV")),
        7200.0
    );
    let xes = br#"<log><trace><string key="concept:name" value="1"/>
        <event><string key="concept:name" value="a"/><date key="time:timestamp" value="2024-03-31T02:30:00"/></event>
        <event><string key="concept:name" value="b"/><date key="time:timestamp" value="2024-03-31T04:30:00"/></event>
        </trace></log>"#;
    assert_eq!(
        first(read_log(&xes[..], &in_zone(LogFormat::Xes, None)).expect("XES")),
        3600.0
    );
    let ocel2 = br#"{"objectTypes": [{"name": "order", "attributes": []}],
        "eventTypes": [], "objects": [{"id": "o1", "type": "order"}],
        "events": [
          {"id": "e1", "type": "a", "time": "2024-03-31T02:30:00", "relationships": [{"objectId": "o1", "qualifier": ""}]},
          {"id": "e2", "type": "b", "time": "2024-03-31T04:30:00", "relationships": [{"objectId": "o1", "qualifier": ""}]}
        ]}"#;
    assert_eq!(
        first(read_log(&ocel2[..], &in_zone(LogFormat::Ocel, Some("order"))).expect("OCEL")),
        3600.0
    );
}
