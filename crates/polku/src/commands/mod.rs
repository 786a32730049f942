//! One file per command: each parses nothing more (clap did), opens the
//! store, calls `polku-app` (or `polku_web::serve`) and maps errors to
//! [`CommandError`].

mod demo;
mod migrate;
mod serve;
mod user;

use polku_app::accounts::AccountError;
use polku_store::ConnectError;

use crate::cli::{Cli, Command};

/// A command's failure: bad input (exit 2) or anything else (exit 1).
#[derive(Debug)]
pub enum CommandError {
    /// The user gave something wrong; the message says what and where.
    BadInput(String),
    /// Something failed at run time.
    Failed(anyhow::Error),
}

impl From<anyhow::Error> for CommandError {
    fn from(error: anyhow::Error) -> Self {
        CommandError::Failed(error)
    }
}

impl From<ConnectError> for CommandError {
    fn from(error: ConnectError) -> Self {
        if error.is_bad_input() || matches!(error, ConnectError::Unreachable { .. }) {
            CommandError::BadInput(error.to_string())
        } else {
            CommandError::Failed(error.into())
        }
    }
}

impl From<AccountError> for CommandError {
    fn from(error: AccountError) -> Self {
        if error.is_bad_input() {
            CommandError::BadInput(error.to_string())
        } else {
            CommandError::Failed(error.into())
        }
    }
}

/// Runs the parsed command line.
pub async fn run(cli: Cli) -> Result<(), CommandError> {
    match cli.command {
        Command::Serve {
            addr,
            database,
            no_demo,
        } => serve::run(&addr, &database.database, no_demo).await,
        Command::Migrate { database } => migrate::run(&database.database).await,
        Command::User { command } => user::run(command).await,
        Command::Mine(args) => crate::mine::run(&args),
        Command::Demo { database } => demo::run(&database.database).await,
    }
}
