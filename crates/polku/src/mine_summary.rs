//! The readable summary `polku mine` prints on a terminal, in the user's language.

use std::fmt::Write;

use polku_domain::Language;
use polku_mining::Report;
use polku_web::i18n::Tr;

/// How many rows each section shows.
const TOP: usize = 10;

/// Renders the summary of `report` in `tr`'s language.
pub fn render(report: &Report, tr: Tr) -> String {
    let mut out = String::new();
    let n = |value: u64| group_thousands(value, tr.language());
    let _ = writeln!(
        out,
        "{}",
        tr.with(
            "mine-summary-totals",
            &[
                ("events", &n(report.events)),
                ("cases", &n(report.cases)),
                ("activities", &n(report.activities.len() as u64)),
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
        let days = decimal(edge.wait_seconds.median / 86_400.0, tr.language());
        let _ = writeln!(
            out,
            "  {} → {}  {}  ({})",
            edge.from,
            edge.to,
            n(edge.count),
            tr.with("mine-summary-median-days", &[("days", &days)])
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
    section(&mut out, &tr.get("mine-summary-endings"));
    for ending in report.drop_off.iter().filter(|d| d.ended > 0).take(TOP) {
        let share = decimal(ending.share * 100.0, tr.language());
        let _ = writeln!(
            out,
            "  {}  {}",
            ending.activity,
            tr.with(
                "mine-summary-ending-share",
                &[
                    ("ended", &n(ending.ended)),
                    ("reached", &n(ending.reached)),
                    ("share", &share)
                ]
            )
        );
    }
    out
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}");
}

/// `1234567` as `1 234 567` (fi, sv) or `1,234,567` (en).
pub(crate) fn group_thousands(value: u64, language: Language) -> String {
    let separator = if language == Language::En {
        ','
    } else {
        '\u{a0}'
    };
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// One decimal with the language's decimal mark.
pub(crate) fn decimal(value: f64, language: Language) -> String {
    let text = format!("{value:.1}");
    if language == Language::En {
        text
    } else {
        text.replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(group_thousands(1_234_567, Language::En), "1,234,567");
        assert_eq!(
            group_thousands(1_234_567, Language::Fi),
            "1\u{a0}234\u{a0}567"
        );
        assert_eq!(group_thousands(999, Language::Sv), "999");
        assert_eq!(decimal(12.345, Language::Fi), "12,3");
        assert_eq!(decimal(12.345, Language::En), "12.3");
    }
}
