//! `polku mine --svg`: the process map with its words in the user's language.

use std::path::Path;

use polku_app::{Arg, Tr};
use polku_mining::Report;
use polku_mining::svg::{MapMode, MapOptions, MapText, MapWords, render_process_map};

use super::io_reason;
use crate::error::CommandError;

/// Draws the process map into `path` with texts in `tr`'s language.
pub(super) fn write_svg(
    path: &Path,
    report: &Report,
    options: &MapOptions,
    tr: Tr,
) -> Result<(), CommandError> {
    let svg = render_process_map(
        report,
        options,
        &map_text(report, options.mode, tr),
        &Words(tr),
        &tr,
    );
    std::fs::write(path, svg).map_err(|e| {
        CommandError::BadInput(format!(
            "cannot write {}: {}",
            path.display(),
            io_reason(&e)
        ))
    })
}

/// The map's fixed words in `tr`'s language.
fn map_text(report: &Report, mode: MapMode, tr: Tr) -> MapText {
    let description = match mode {
        MapMode::Performance => "mine-map-desc-performance-units",
        MapMode::Frequency => "mine-map-desc-frequency",
    };
    MapText {
        title: tr.get("mine-map-title"),
        description: tr.with_args(
            description,
            &[
                ("cases", Arg::Count(report.cases)),
                ("events", Arg::Count(report.events)),
            ],
        ),
        start: tr.get("mine-map-start"),
        end: tr.get("mine-map-end"),
    }
}

/// The map's sentences with counts, through Fluent's plural forms.
struct Words(Tr);

impl MapWords for Words {
    fn transitions_shown(&self, shown: u64, total: u64) -> String {
        self.0.with_args(
            "mine-map-left-out",
            &[("shown", Arg::Count(shown)), ("total", Arg::Count(total))],
        )
    }

    fn activities_left_out(&self, count: u64, names: &str) -> String {
        self.0.with_args(
            "mine-map-activities-left-out",
            &[("count", Arg::Count(count)), ("names", Arg::Text(names))],
        )
    }

    fn and_more(&self, count: u64) -> String {
        self.0
            .with_args("mine-map-and-more", &[("count", Arg::Count(count))])
    }

    fn cases_start(&self, count: u64) -> String {
        self.0
            .with_args("mine-map-cases-start", &[("count", Arg::Count(count))])
    }

    fn cases_end(&self, count: u64) -> String {
        self.0
            .with_args("mine-map-cases-end", &[("count", Arg::Count(count))])
    }
}
