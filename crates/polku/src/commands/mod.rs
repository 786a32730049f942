//! One file per command: each parses nothing more (clap did), opens the
//! store, calls `polku-app` (or `polku_web::serve`) and maps errors to
//! [`CommandError`].

mod demo;
mod migrate;
mod mine;
mod serve;
mod user;

pub use crate::error::CommandError;

use crate::cli::{Cli, Command};

/// Runs the parsed command line.
pub async fn run(cli: Cli) -> Result<(), CommandError> {
    match cli.command {
        Command::Serve {
            addr,
            database,
            no_demo,
            public_url,
        } => serve::run(&addr, &database.database, no_demo, public_url.as_deref()).await,
        Command::Migrate { database } => migrate::run(&database.database).await,
        Command::User { command } => user::run(command).await,
        Command::Mine(args) => mine::run(&args),
        Command::Demo { database } => demo::run(&database.database).await,
    }
}
