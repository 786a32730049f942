//! Every `tests/golden/*.csv` analysed by polku equals the pm4py oracle's
//! output committed beside it (`*.pm4py.json`, made by `scripts/make-golden.sh`).

use std::path::{Path, PathBuf};

use polku_mining::analyse;
use polku_mining::csv_reader::{CsvOptions, read_csv};
use serde_json::{Value, json};

fn golden_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Relative closeness for floating waits; counts must be exact.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn tallies(report: &[polku_mining::report::Tally]) -> Value {
    Value::Array(
        report
            .iter()
            .map(|t| json!({"activity": t.activity, "count": t.count}))
            .collect(),
    )
}

fn compare(log: &Path) {
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(log.with_extension("pm4py.json")).expect("golden JSON exists"),
    )
    .expect("golden JSON parses");
    let file = std::fs::File::open(log).expect("log opens");
    let read = read_csv(file, &CsvOptions::default()).expect("log reads");
    let report = analyse(&read.log);
    let name = log.display();

    assert_eq!(json!(report.cases), expected["cases"], "{name}: cases");
    assert_eq!(json!(report.events), expected["events"], "{name}: events");
    let activities: Vec<Value> = report
        .activities
        .iter()
        .map(|a| json!({"activity": a.name, "count": a.count}))
        .collect();
    assert_eq!(
        Value::Array(activities),
        expected["activities"],
        "{name}: activities"
    );
    assert_eq!(
        tallies(&report.start),
        expected["start_activities"],
        "{name}: start"
    );
    assert_eq!(
        tallies(&report.end),
        expected["end_activities"],
        "{name}: end"
    );

    let edges = expected["dfg"].as_array().expect("dfg");
    assert_eq!(report.dfg.len(), edges.len(), "{name}: number of edges");
    for (ours, theirs) in report.dfg.iter().zip(edges) {
        let label = format!("{name}: {} -> {}", ours.from, ours.to);
        assert_eq!(json!(ours.from), theirs["from"], "{label}");
        assert_eq!(json!(ours.to), theirs["to"], "{label}");
        assert_eq!(json!(ours.count), theirs["count"], "{label}");
        for (stat, value) in [
            ("median", ours.wait_seconds.median),
            ("p90", ours.wait_seconds.p90),
            ("mean", ours.wait_seconds.mean),
        ] {
            let oracle = theirs["wait_seconds"][stat].as_f64().expect("number");
            assert!(
                close(value, oracle),
                "{label}: {stat} {value} vs pm4py {oracle}"
            );
        }
    }

    let variants: Vec<Value> = report
        .variants
        .iter()
        .map(|v| json!({"activities": v.activities, "count": v.count}))
        .collect();
    assert_eq!(
        Value::Array(variants),
        expected["variants"],
        "{name}: variants"
    );
}

#[test]
fn every_golden_log_equals_pm4py() {
    let mut logs: Vec<PathBuf> = std::fs::read_dir(golden_folder())
        .expect("golden folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    logs.sort();
    assert!(logs.len() >= 8, "golden logs missing: {logs:?}");
    for log in &logs {
        compare(log);
    }
}
