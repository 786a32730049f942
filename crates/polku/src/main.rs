//! The `polku` command: parses arguments, calls the libraries, maps errors to
//! exit codes (0 success, 2 bad usage or input, 1 any other failure).

mod cli;
mod commands;
mod error;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::Cli;
use crate::error::CommandError;

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("POLKU_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,security=info")),
        )
        .with_writer(std::io::stderr)
        // Colours only on a terminal: a log file or journal gets plain text.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("polku: cannot start: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(commands::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CommandError::BadInput(message)) => {
            eprintln!("polku: {message}");
            ExitCode::from(2)
        }
        Err(CommandError::Failed(error)) => {
            eprintln!("polku: {}", one_line(&error));
            ExitCode::from(1)
        }
    }
}

/// An error and its causes on one line.
fn one_line(error: &anyhow::Error) -> String {
    error
        .chain()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(": ")
        .replace('\n', " ")
}
