//! `polku user tokens`: an account's API tokens, one a line, tab-separated
//! under a header: id, name, created, expires, last used. Never the secret.

use polku_app::tokens::tokens_of_email;
use polku_store::Store;
use time::OffsetDateTime;

use super::format_time;
use crate::error::CommandError;

/// Runs `polku user tokens --email E`.
pub async fn run(store: &Store, email: &str) -> Result<(), CommandError> {
    let tokens = tokens_of_email(store, email).await?;
    let now = OffsetDateTime::now_utc();
    println!("ID\tNAME\tCREATED\tEXPIRES\tLAST USED");
    for token in tokens {
        let expired = if token.is_expired(now) {
            " (expired)"
        } else {
            ""
        };
        println!(
            "{}\t{}\t{}\t{}{expired}\t{}",
            token.id,
            token.name,
            format_time(token.created_at),
            format_time(token.expires_at),
            token
                .last_used_at
                .map_or_else(|| "never".to_owned(), format_time),
        );
    }
    Ok(())
}
