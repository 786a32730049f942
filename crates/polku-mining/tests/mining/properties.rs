//! Properties that hold for every log, checked on generated ones.

use polku_mining::analyse;
use polku_mining::csv_reader::{CsvOptions, read_csv};
use proptest::prelude::*;

/// A small random log: (case, activity, seconds) rows.
fn rows() -> impl Strategy<Value = Vec<(u8, u8, u32)>> {
    prop::collection::vec((0u8..12, 0u8..6, 0u32..50), 1..120)
}

fn csv_of(rows: &[(u8, u8, u32)]) -> String {
    let mut text = String::from("case_id,activity,timestamp\n");
    for (case, activity, seconds) in rows {
        text.push_str(&format!(
            "c{case},\"Toiminto {activity}, vaihe\",2024-01-01T{:02}:{:02}:{:02}Z\n",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        ));
    }
    text
}

fn report_of(rows: &[(u8, u8, u32)]) -> polku_mining::Report {
    let read = read_csv(csv_of(rows).as_bytes(), &CsvOptions::default()).expect("reads");
    analyse(&read.log)
}

proptest! {
    #[test]
    fn counts_add_up(rows in rows()) {
        let report = report_of(&rows);
        let dfg_total: u64 = report.dfg.iter().map(|e| e.count).sum();
        prop_assert_eq!(dfg_total, report.events - report.cases);
        let variant_total: u64 = report.variants.iter().map(|v| v.count).sum();
        prop_assert_eq!(variant_total, report.cases);
        let starts: u64 = report.start.iter().map(|t| t.count).sum();
        let ends: u64 = report.end.iter().map(|t| t.count).sum();
        prop_assert_eq!(starts, report.cases);
        prop_assert_eq!(ends, report.cases);
        let events: u64 = report.activities.iter().map(|a| a.count).sum();
        prop_assert_eq!(events, rows.len() as u64);
        for edge in &report.dfg {
            prop_assert!(edge.wait_seconds.median >= 0.0 && edge.wait_seconds.p90 >= edge.wait_seconds.median - 1e-9);
        }
    }

    #[test]
    fn moving_whole_cases_around_in_the_file_changes_nothing(rows in rows(), seed in any::<u64>()) {
        // Reorder the cases' blocks but keep each case's rows in their order,
        // so ties still keep their file order.
        let mut cases: Vec<u8> = rows.iter().map(|r| r.0).collect();
        cases.sort_unstable();
        cases.dedup();
        let n = cases.len() as u64;
        cases.sort_by_key(|c| ((u64::from(*c) * 2_654_435_761) ^ seed) % (n * 7 + 1));
        let shuffled: Vec<(u8, u8, u32)> = cases
            .iter()
            .flat_map(|c| rows.iter().filter(move |r| r.0 == *c).copied())
            .collect();
        prop_assert_eq!(report_of(&rows), report_of(&shuffled));
    }
}
