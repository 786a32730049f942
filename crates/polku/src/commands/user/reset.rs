//! `polku user reset`: print a one-time password reset link for an account.
//! With `POLKU_PUBLIC_URL` (the site's address, e.g. `https://polku.example`)
//! the link is whole; without it, a path to put after the site's address.

use polku_app::resets::issue_reset_link;
use polku_store::Store;

use super::format_time;
use crate::error::CommandError;

/// The environment variable naming the site's public address.
const PUBLIC_URL_VAR: &str = "POLKU_PUBLIC_URL";

/// Runs `polku user reset --email E`.
pub async fn run(store: &Store, email: &str) -> Result<(), CommandError> {
    let base = public_url()?;
    let link = issue_reset_link(store, email).await?;
    let path_only = base.is_none();
    println!("{}{}", base.unwrap_or_default(), link.path());
    eprintln!(
        "The link works once, until {}. Using it sets a new password and ends every session of the account.",
        format_time(link.expires_at)
    );
    if path_only {
        eprintln!(
            "This is a path: put the site's address in front of it, or set {PUBLIC_URL_VAR} (e.g. https://polku.example)."
        );
    }
    Ok(())
}

/// The site's address from `POLKU_PUBLIC_URL`, without a trailing slash;
/// bad input unless it is an `http(s)://` address.
fn public_url() -> Result<Option<String>, CommandError> {
    let Ok(raw) = std::env::var(PUBLIC_URL_VAR) else {
        return Ok(None);
    };
    let base = raw.trim().trim_end_matches('/');
    let host = base
        .strip_prefix("https://")
        .or_else(|| base.strip_prefix("http://"));
    match host {
        Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', ' ']) => {
            Ok(Some(base.to_owned()))
        }
        _ => Err(CommandError::BadInput(format!(
            "{PUBLIC_URL_VAR} must be the site's address like https://polku.example, not {raw:?}"
        ))),
    }
}
