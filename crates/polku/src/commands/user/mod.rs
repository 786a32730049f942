//! `polku user ...`: accounts, API tokens and reset links from the command
//! line, one file per subcommand.

mod add;
mod reset;
mod token;
mod tokens;

use polku_store::Store;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::cli::UserCommand;
use crate::error::CommandError;

/// Runs `polku user ...`.
pub async fn run(command: UserCommand) -> Result<(), CommandError> {
    match command {
        UserCommand::Add {
            email,
            name,
            admin,
            database,
        } => add::run(&email, &name, admin, &database.database).await,
        UserCommand::Token {
            email,
            name,
            days,
            revoke,
            database,
        } => {
            let store = Store::open(&database.database).await?;
            match revoke {
                Some(id) => token::revoke(&store, &id, email.as_deref()).await,
                None => {
                    token::issue(&store, email.as_deref().unwrap_or_default(), &name, days).await
                }
            }
        }
        UserCommand::Tokens { email, database } => {
            let store = Store::open(&database.database).await?;
            tokens::run(&store, &email).await
        }
        UserCommand::Reset { email, database } => {
            let store = Store::open(&database.database).await?;
            reset::run(&store, &email).await
        }
    }
}

/// A time as the commands print it: RFC 3339 in UTC, to the second.
fn format_time(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .replace_nanosecond(0)
        .unwrap_or(at)
        .format(&Rfc3339)
        .unwrap_or_default()
}
