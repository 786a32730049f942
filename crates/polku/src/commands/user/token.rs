//! `polku user token`: print a new API token (only the secret on standard
//! output, so `TOKEN=$(polku user token ...)` works), or revoke one by id.

use polku_app::tokens::{issue_api_token_for, revoke_token_by_id};
use polku_domain::{TokenLifetime, TokenName};
use polku_store::Store;

use super::format_time;
use crate::error::CommandError;

/// `polku user token --email E [--name N] [--days D]`.
pub async fn issue(store: &Store, email: &str, name: &str, days: u32) -> Result<(), CommandError> {
    let name = TokenName::parse(name).map_err(|_| {
        CommandError::BadInput(format!(
            "--name must have 1 to {} characters and no control characters",
            TokenName::MAX_CHARS
        ))
    })?;
    let lifetime = TokenLifetime::from_days(days).map_err(|_| {
        CommandError::BadInput(format!(
            "--days must be {} to {}, not {days}",
            TokenLifetime::MIN_DAYS,
            TokenLifetime::MAX_DAYS
        ))
    })?;
    let issued = issue_api_token_for(store, email, &name, lifetime).await?;
    println!("{}", issued.secret);
    eprintln!(
        "Token \"{}\" (id {}) is valid until {}. Revoke it with: polku user token --revoke {}",
        issued.token.name,
        issued.token.id,
        format_time(issued.token.expires_at),
        issued.token.id
    );
    Ok(())
}

/// `polku user token --revoke ID [--email E]`.
pub async fn revoke(store: &Store, id: &str, email: Option<&str>) -> Result<(), CommandError> {
    let token = revoke_token_by_id(store, id, email).await?;
    println!("Revoked token \"{}\" ({}).", token.name, token.id);
    Ok(())
}
