//! `polku mine`: read a log, analyse it, print JSON or a summary. Nothing is
//! printed on standard output until the whole log has been read. The
//! format, gzip and the OCEL flavour are told by `polku_mining::read_log`.

use std::fs::File;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use polku_app::{Arg, Tr};
use polku_domain::Language;
use polku_mining::svg::{MapMode, MapText, drawn_edges, render_process_map};
use polku_mining::{
    CsvOptions, LogFormat, MineError, ReadLog, ReadOptions, ReadProgress, analyse, parse_delimiter,
    read_log,
};

mod summary;

use crate::cli::{self, LangArg, MineArgs};
use crate::error::CommandError;

/// Files larger than this get a progress bar on a terminal.
const PROGRESS_THRESHOLD: u64 = 4 * 1024 * 1024;

impl From<MineError> for CommandError {
    fn from(error: MineError) -> Self {
        if error.is_bad_input() {
            CommandError::BadInput(error.to_string())
        } else {
            CommandError::Failed(error.into())
        }
    }
}

/// Runs `polku mine`.
pub fn run(args: &MineArgs) -> Result<(), CommandError> {
    let tr = Tr::new(language(args.lang));
    let errors = Tr::new(chosen_language(args.lang).unwrap_or(Language::En));
    let path = &args.file;
    let file = File::open(path).map_err(|e| {
        let shown = path.display().to_string();
        CommandError::BadInput(match e.kind() {
            std::io::ErrorKind::NotFound => {
                errors.with("mine-error-no-such-file", &[("path", &shown)])
            }
            _ => format!("cannot open {shown}: {}", io_reason(&e)),
        })
    })?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let progress = Arc::new(ReadProgress::new());
    let options =
        read_options(args, Arc::clone(&progress)).map_err(|e| with_file(path, e, errors))?;
    let bar = Progress::start(size, progress);
    let result = read_log(file, &options);
    bar.finish();
    let ReadLog { log, skipped } = result.map_err(|e| with_file(path, e, errors))?;
    if skipped > 0 {
        eprintln!(
            "{}",
            tr.with_args("mine-skipped-rows", &[("count", Arg::Count(skipped))])
        );
    }
    let report = analyse(&log);
    if let Some(svg) = &args.svg {
        write_svg(svg, &report, args.performance, tr)?;
    }
    // One buffered writer: stdout alone is line-buffered.
    let stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = if args.json {
        report.write_json(stdout)
    } else {
        let mut stdout = stdout;
        stdout
            .write_all(summary::render(&report, tr).as_bytes())
            .and_then(|()| stdout.flush())
    };
    // The process ends right after this: freeing a million events piece by
    // piece would only cost time.
    std::mem::forget(report);
    std::mem::forget(log);
    match written {
        // A reader such as `head` that has seen enough: not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => {
            other.map_err(|e| CommandError::Failed(anyhow::anyhow!("writing the report: {e}")))
        }
    }
}

/// The flags of `polku mine` as options for `read_log`.
fn read_options(args: &MineArgs, progress: Arc<ReadProgress>) -> Result<ReadOptions, MineError> {
    Ok(ReadOptions {
        format: args.format.map(|format| match format {
            cli::LogFormat::Csv => LogFormat::Csv,
            cli::LogFormat::Xes => LogFormat::Xes,
            cli::LogFormat::Ocel => LogFormat::Ocel,
        }),
        csv: CsvOptions {
            case: args.case.clone(),
            activity: args.activity.clone(),
            timestamp: args.timestamp.clone(),
            delimiter: args.delimiter.as_deref().map(parse_delimiter).transpose()?,
        },
        object_type: args.object_type.clone(),
        progress: Some(progress),
    })
}

/// Draws the process map into `path` with texts in `tr`'s language.
fn write_svg(
    path: &Path,
    report: &polku_mining::Report,
    performance: bool,
    tr: Tr,
) -> Result<(), CommandError> {
    let svg = render_process_map(
        report,
        map_mode(performance),
        &map_text(report, performance, tr),
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

fn map_mode(performance: bool) -> MapMode {
    if performance {
        MapMode::Performance
    } else {
        MapMode::Frequency
    }
}

/// The map's words in `tr`'s language.
fn map_text(report: &polku_mining::Report, performance: bool, tr: Tr) -> MapText {
    let description = if performance {
        "mine-map-desc-performance-units"
    } else {
        "mine-map-desc-frequency"
    };
    let total_edges = (report.dfg.len() + report.start.len() + report.end.len()) as u64;
    MapText {
        title: tr.get("mine-map-title"),
        description: tr.with_args(
            description,
            &[
                ("cases", Arg::Count(report.cases)),
                ("events", Arg::Count(report.events)),
            ],
        ),
        left_out: tr.with_args(
            "mine-map-left-out",
            &[
                ("shown", Arg::Count(drawn_edges(report) as u64)),
                ("total", Arg::Count(total_edges)),
            ],
        ),
        start: tr.get("mine-map-start"),
        end: tr.get("mine-map-end"),
    }
}

fn language(arg: Option<LangArg>) -> Language {
    chosen_language(arg).unwrap_or_default()
}

/// The language `--lang` or the locale asks for, if any. Errors are in it,
/// and in English (as scripts expect) when none is asked for.
fn chosen_language(arg: Option<LangArg>) -> Option<Language> {
    match arg {
        Some(LangArg::Fi) => Some(Language::Fi),
        Some(LangArg::Sv) => Some(Language::Sv),
        Some(LangArg::En) => Some(Language::En),
        None => ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Language::from_tag(&v)),
    }
}

fn with_file(path: &Path, error: MineError, tr: Tr) -> CommandError {
    let message = format!("{}: {}", path.display(), error_text(&error, tr));
    if error.is_bad_input() {
        CommandError::BadInput(message)
    } else {
        CommandError::Failed(anyhow::anyhow!(message))
    }
}

/// The common bad inputs in `tr`'s language; the rest as the reader says them.
fn error_text(error: &MineError, tr: Tr) -> String {
    match error {
        MineError::MissingColumn { wanted, available } => tr.with(
            "mine-error-missing-column",
            &[("wanted", &format!("{wanted:?}")), ("available", available)],
        ),
        MineError::BadTimestamp { line, value } => tr.with(
            "mine-error-bad-timestamp",
            &[
                ("line", &line.to_string()),
                ("value", &format!("{value:?}")),
            ],
        ),
        other => other.to_string(),
    }
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => error.to_string(),
    }
}

/// A progress bar on standard error for large files on a terminal: bytes
/// read and events per second, as `read_log` counts them. None at all when
/// not on a terminal.
struct Progress {
    bar: Option<ProgressBar>,
    stop: Arc<AtomicBool>,
    ticker: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    fn start(size: u64, progress: Arc<ReadProgress>) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        if size < PROGRESS_THRESHOLD || !std::io::stderr().is_terminal() {
            return Self {
                bar: None,
                stop,
                ticker: None,
            };
        }
        let bar = ProgressBar::new(size);
        let style = ProgressStyle::with_template(
            "{bar:40} {binary_bytes}/{binary_total_bytes} {msg} ({eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        let ticker = {
            let bar = bar.clone();
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let started = std::time::Instant::now();
                while !stop.load(Ordering::Relaxed) {
                    let seconds = started.elapsed().as_secs_f64().max(0.001);
                    bar.set_position(progress.bytes());
                    let read = progress.events();
                    if read > 0 {
                        bar.set_message(format!("{:.0} events/s", read as f64 / seconds));
                    }
                    std::thread::sleep(Duration::from_millis(200));
                }
            })
        };
        Self {
            bar: Some(bar),
            stop,
            ticker: Some(ticker),
        }
    }

    fn finish(self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(ticker) = self.ticker {
            let _ = ticker.join();
        }
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}
