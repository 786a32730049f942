//! The readable summary `polku mine` prints on a terminal, in the user's language.

use std::fmt::Write;

use polku_app::{Arg, Tr};
use polku_mining::Report;

/// How many rows each section shows.
const TOP: usize = 10;

/// Renders the summary of `report` in `tr`'s language.
pub fn render(report: &Report, tr: Tr) -> String {
    let mut out = String::new();
    let n = |value: u64| tr.count(value);
    let _ = writeln!(
        out,
        "{}",
        tr.with_args(
            "mine-summary-totals",
            &[
                ("events", Arg::Count(report.events)),
                ("cases", Arg::Count(report.cases)),
                ("activities", Arg::Count(report.activities.len() as u64)),
            ],
        )
    );
    section(&mut out, &tr.get("mine-summary-top-activities"));
    let width = report
        .activities
        .iter()
        .take(TOP)
        .map(|a| a.name.chars().count())
        .max()
        .unwrap_or(0);
    for activity in report.activities.iter().take(TOP) {
        let _ = writeln!(out, "  {:<width$}  {:>9}", activity.name, n(activity.count));
    }
    section(&mut out, &tr.get("mine-summary-top-edges"));
    for edge in report.dfg.iter().take(TOP) {
        let _ = writeln!(
            out,
            "  {} → {}  {}  ({})",
            edge.from,
            edge.to,
            n(edge.count),
            tr.duration(edge.wait_seconds.median)
        );
    }
    section(&mut out, &tr.get("mine-summary-longest-waits"));
    let mut slowest: Vec<_> = report.dfg.iter().collect();
    slowest.sort_by(|a, b| b.wait_seconds.median.total_cmp(&a.wait_seconds.median));
    for edge in slowest.iter().take(TOP) {
        let _ = writeln!(
            out,
            "  {} → {}  {}  ({})",
            edge.from,
            edge.to,
            tr.duration(edge.wait_seconds.median),
            n(edge.count)
        );
    }
    section(&mut out, &tr.get("mine-summary-top-variants"));
    for variant in report.variants.iter().take(TOP) {
        let _ = writeln!(
            out,
            "  {:>9}  {}",
            n(variant.count),
            variant.activities.join(" → ")
        );
    }
    let shown = report.variants.len().min(TOP) as u64;
    let covered: u64 = report.variants.iter().take(TOP).map(|v| v.count).sum();
    let _ = writeln!(
        out,
        "  {}",
        tr.with_args(
            "mine-summary-coverage",
            &[
                ("variants", Arg::Count(report.variants.len() as u64)),
                ("shown", Arg::Count(shown)),
                ("covered", Arg::Count(covered)),
                ("cases", Arg::Count(report.cases)),
            ]
        )
    );
    section(&mut out, &tr.get("mine-summary-endings"));
    for ending in report.drop_off.iter().filter(|d| d.ended > 0).take(TOP) {
        let share = tr.decimal(ending.share * 100.0);
        let _ = writeln!(
            out,
            "  {}  {}",
            ending.activity,
            tr.with_args(
                "mine-summary-ending-share",
                &[
                    ("ended", Arg::Count(ending.ended)),
                    ("reached", Arg::Count(ending.reached)),
                    ("share", Arg::Text(&share))
                ]
            )
        );
    }
    out
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}");
}
