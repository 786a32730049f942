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
            max_connections,
        } => {
            let options = serve::Options {
                no_demo,
                public_url: public_url.as_deref(),
                max_connections,
            };
            serve::run(&addr, &database.database, &options).await
        }
        Command::Migrate { database } => migrate::run(&database.database).await,
        Command::User { command } => user::run(command).await,
        Command::Mine(args) => mine::run(&args),
        Command::Demo { database } => demo::run(&database.database).await,
    }
}
