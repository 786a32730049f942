//! The command line as the contract describes it.

use clap::{Args, Parser, Subcommand};

/// Polku: co-developing social, health and employment services.
#[derive(Debug, Parser)]
#[command(name = "polku", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Where the data lives.
#[derive(Debug, Args)]
pub struct DatabaseArg {
    /// `sqlite://PATH` or `postgres://USER@HOST:PORT/DB`; created and migrated when new.
    #[arg(long, env = "POLKU_DATABASE_URL", default_value = "sqlite://polku.db")]
    pub database: String,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "POLKU_ADDR", default_value = "127.0.0.1:8080")]
        addr: String,
        #[command(flatten)]
        database: DatabaseArg,
        /// Do not create the demo workspace.
        #[arg(long)]
        no_demo: bool,
    },
    /// Apply schema migrations and exit.
    Migrate {
        #[command(flatten)]
        database: DatabaseArg,
    },
    /// Manage facilitator accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// (Re)create the demo workspace and print its facilitator's login.
    Demo {
        #[command(flatten)]
        database: DatabaseArg,
    },
}

/// Account commands.
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account; the password is read from standard input.
    Add {
        /// Login e-mail.
        #[arg(long)]
        email: String,
        /// Display name.
        #[arg(long)]
        name: String,
        /// The account sees and manages every workspace.
        #[arg(long)]
        admin: bool,
        #[command(flatten)]
        database: DatabaseArg,
    },
    /// Print a new API bearer token for an account.
    Token {
        /// The account's e-mail.
        #[arg(long)]
        email: String,
        #[command(flatten)]
        database: DatabaseArg,
    },
}
