//! One-time password reset links: an administrator makes one with
//! `polku user reset`, passes it on, and its owner sets a new password at
//! `/reset/{secret}` within the hour. Using it ends all the account's
//! sessions; a used or expired link gives a clear "gone" answer.

use polku_store::{Store, StoreError, User};
use time::{Duration, OffsetDateTime};

use crate::accounts::{AccountError, NewPasswordError, account_by_email, check_new_password};
use crate::credentials::{HashError, hash_password, new_secret, secret_hash};
use crate::security_log::SecurityEvent;

/// How long a reset link works.
pub const RESET_LINK_LIFETIME: Duration = Duration::hours(1);

/// Where reset links lead, followed by the secret.
pub const RESET_PATH_PREFIX: &str = "/reset/";

/// A reset link just made.
#[derive(Debug, Clone)]
pub struct ResetLink {
    /// The link's secret, 64 hex characters; only its hash is kept.
    pub secret: String,
    /// When it stops working.
    pub expires_at: OffsetDateTime,
}

impl ResetLink {
    /// The link's path on the site, `/reset/{secret}`.
    pub fn path(&self) -> String {
        format!("{RESET_PATH_PREFIX}{}", self.secret)
    }
}

/// Makes a reset link for the account with `email`; earlier unused links of
/// the account stop working.
pub async fn issue_reset_link(store: &Store, email: &str) -> Result<ResetLink, AccountError> {
    let user = account_by_email(store, email).await?;
    let secret = new_secret("");
    let expires_at = OffsetDateTime::now_utc() + RESET_LINK_LIFETIME;
    store
        .create_password_reset(user.id, &secret_hash(&secret), expires_at)
        .await
        .map_err(AccountError::Store)?;
    SecurityEvent::ResetLinkIssued {
        user: user.id,
        expires_at,
    }
    .record();
    Ok(ResetLink { secret, expires_at })
}

/// What a reset link is worth now.
#[derive(Debug, Clone)]
pub enum ResetLinkState {
    /// It works, for this account.
    Usable(User),
    /// It was used already or has expired.
    Gone,
    /// No such link was ever made (or it was swept long ago).
    Unknown,
}

/// Looks the link with `secret` up without using it.
pub async fn reset_link_state(store: &Store, secret: &str) -> Result<ResetLinkState, StoreError> {
    Ok(
        match store.find_password_reset(&secret_hash(secret)).await? {
            Some(reset) if reset.is_usable(OffsetDateTime::now_utc()) => {
                ResetLinkState::Usable(reset.user)
            }
            Some(_) => ResetLinkState::Gone,
            None => ResetLinkState::Unknown,
        },
    )
}

/// Why a reset link did not set a password.
#[derive(Debug, thiserror::Error)]
pub enum ResetError {
    /// Used already or expired (also: lost a race with another use).
    #[error("the link was used already or has expired")]
    Gone,
    /// No such link.
    #[error("no such link")]
    Unknown,
    /// The new password was refused; the link still works.
    #[error("{0}")]
    NewPassword(#[from] NewPasswordError),
    /// Hashing failed.
    #[error(transparent)]
    Hash(#[from] HashError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Sets a new password through the link with `secret`: the link is used up
/// and every session of the account ends. Returns the account.
pub async fn reset_password(
    store: &Store,
    secret: &str,
    new: &str,
    again: &str,
) -> Result<User, ResetError> {
    let user = match reset_link_state(store, secret).await? {
        ResetLinkState::Usable(user) => user,
        ResetLinkState::Gone => return Err(ResetError::Gone),
        ResetLinkState::Unknown => return Err(ResetError::Unknown),
    };
    let password = check_new_password(&user, new, again)?;
    let hash = hash_password(&password).await?;
    let now = OffsetDateTime::now_utc();
    match store
        .use_password_reset(&secret_hash(secret), &hash, now)
        .await?
    {
        Some(_) => {
            SecurityEvent::ResetLinkUsed { user: user.id }.record();
            Ok(user)
        }
        None => Err(ResetError::Gone),
    }
}
