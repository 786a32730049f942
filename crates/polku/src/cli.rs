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
        /// Where people reach Polku, e.g. https://polku.example.fi: HTTPS
        /// turns on HSTS, and forms must come from exactly this origin.
        #[arg(long, env = "POLKU_PUBLIC_URL")]
        public_url: Option<String>,
        /// Most connections open at once (each live screen holds one);
        /// more wait in the listen queue. Default 2048.
        #[arg(long, env = "POLKU_MAX_CONNECTIONS")]
        max_connections: Option<usize>,
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
    /// Analyse a service event log (CSV, XES or OCEL 2.0).
    Mine(MineArgs),
}

/// Log formats `polku mine` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Comma, semicolon or tab separated values with a header row.
    Csv,
    /// IEEE 1849 XES, also gzip-compressed.
    Xes,
    /// OCEL 2.0 as JSON or XML, flattened on `--object-type`.
    Ocel,
}

/// Interface languages for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// Suomi.
    Fi,
    /// Svenska.
    Sv,
    /// English.
    En,
}

/// Arguments of `polku mine`.
#[derive(Debug, Args)]
pub struct MineArgs {
    /// The event log file.
    pub file: std::path::PathBuf,
    /// The file's format; detected from its content when not given.
    #[arg(long, value_enum)]
    pub format: Option<LogFormat>,
    /// CSV column holding the case id.
    #[arg(long, default_value = "case_id")]
    pub case: String,
    /// CSV column holding the activity.
    #[arg(long, default_value = "activity")]
    pub activity: String,
    /// CSV column holding the timestamp.
    #[arg(long, default_value = "timestamp")]
    pub timestamp: String,
    /// CSV delimiter (`,`, `;` or `tab`); detected from the header when not given.
    #[arg(long)]
    pub delimiter: Option<String>,
    /// OCEL: the object type whose objects become cases.
    #[arg(long)]
    pub object_type: Option<String>,
    /// Print the report as JSON (the contract's format) instead of a summary.
    #[arg(long)]
    pub json: bool,
    /// Also draw the process map as SVG into this file.
    #[arg(long)]
    pub svg: Option<std::path::PathBuf>,
    /// Draw waiting times on the map instead of frequencies.
    #[arg(long)]
    pub performance: bool,
    /// Draw at most this many activities on the map, the most frequent
    /// (default: every activity up to 60); the map names those left out.
    #[arg(long, value_name = "N")]
    pub activities: Option<String>,
    /// The IANA time zone of timestamps without an offset, such as
    /// Europe/Helsinki (default UTC).
    #[arg(long, value_name = "NAME")]
    pub timezone: Option<String>,
    /// Language of the summary (default from LANG, else Finnish).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
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
    /// Print a new API bearer token for an account, or revoke one.
    Token {
        /// The account's e-mail; with `--revoke`, only a token of this account.
        #[arg(long, required_unless_present = "revoke")]
        email: Option<String>,
        /// A name to tell the token by.
        #[arg(long, default_value = polku_app::tokens::DEFAULT_TOKEN_NAME, conflicts_with = "revoke")]
        name: String,
        /// Days the token stays valid, 1 to 365.
        #[arg(long, default_value_t = 90, conflicts_with = "revoke")]
        days: u32,
        /// Revoke the token with this id (from `polku user tokens`) instead.
        #[arg(long, value_name = "ID")]
        revoke: Option<String>,
        #[command(flatten)]
        database: DatabaseArg,
    },
    /// List an account's API tokens (id, name, created, expires; never the secret).
    Tokens {
        /// The account's e-mail.
        #[arg(long)]
        email: String,
        #[command(flatten)]
        database: DatabaseArg,
    },
    /// Print a one-time password reset link for an account, valid one hour.
    /// The link is a path unless `POLKU_PUBLIC_URL` gives the site's address.
    Reset {
        /// The account's e-mail.
        #[arg(long)]
        email: String,
        #[command(flatten)]
        database: DatabaseArg,
    },
}
