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
use polku_mining::svg::{MapMode, MapOptions};
use polku_mining::{
    CsvOptions, LogFormat, MineError, ReadLog, ReadOptions, ReadProgress, TimeZone, analyse,
    parse_delimiter, read_log,
};

mod map;
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
    // The flags first: a mistake in them is told before any reading.
    let map_options = MapOptions {
        mode: map_mode(args.performance),
        activities: args
            .activities
            .as_deref()
            .map(|n| activity_count(n, errors))
            .transpose()?,
    };
    let timezone = match args.timezone.as_deref() {
        None => TimeZone::UTC,
        Some(name) => {
            TimeZone::named(name).map_err(|e| CommandError::BadInput(error_text(&e, errors)))?
        }
    };
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
    let options = read_options(args, timezone, Arc::clone(&progress))
        .map_err(|e| with_file(path, e, errors))?;
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
        map::write_svg(svg, &report, &map_options, tr)?;
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

/// `--activities N`: a whole number of at least 1.
fn activity_count(text: &str, errors: Tr) -> Result<usize, CommandError> {
    match text.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(CommandError::BadInput(
            errors.with("mine-error-activities", &[("value", text)]),
        )),
    }
}

/// The flags of `polku mine` as options for `read_log`.
fn read_options(
    args: &MineArgs,
    timezone: TimeZone,
    progress: Arc<ReadProgress>,
) -> Result<ReadOptions, MineError> {
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
        timezone,
        progress: Some(progress),
    })
}

fn map_mode(performance: bool) -> MapMode {
    if performance {
        MapMode::Performance
    } else {
        MapMode::Frequency
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
        MineError::UnknownTimeZone(name) => tr.with(
            "mine-error-unknown-timezone",
            &[("zone", &format!("{name:?}"))],
        ),
        MineError::Ocel1 { xml } => tr.with(
            "mine-error-ocel1",
            &[("example", polku_mining::error::ocel1_conversion(*xml))],
        ),
        other => other.to_string(),
    }
}

pub(super) fn io_reason(error: &std::io::Error) -> String {
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
