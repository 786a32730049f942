//! API tokens: making one (its secret shown once), listing and revoking an
//! account's tokens. The web's account page and `polku user token(s)` share
//! these.

use polku_domain::{TokenId, TokenLifetime, TokenName};
use polku_store::{ApiToken, NewApiToken, Store, StoreError, User};
use time::OffsetDateTime;

use crate::accounts::{AccountError, account_by_email};
use crate::credentials::{new_secret, secret_hash};
use crate::security_log::SecurityEvent;

/// The name a token gets from `polku user token` when none is given.
pub const DEFAULT_TOKEN_NAME: &str = "cli";

/// A token just made: its stored record and its secret, which exists
/// nowhere else and must be shown to its owner now or never.
#[derive(Debug, Clone)]
pub struct IssuedToken {
    /// The stored token.
    pub token: ApiToken,
    /// The bearer secret, `polku_` and 64 hex characters.
    pub secret: String,
}

/// Makes a token for `user` named `name`, valid for `lifetime`.
pub async fn issue_token(
    store: &Store,
    user: &User,
    name: &TokenName,
    lifetime: TokenLifetime,
) -> Result<IssuedToken, StoreError> {
    let secret = new_secret("polku_");
    let now = OffsetDateTime::now_utc();
    let token = store
        .create_api_token(&NewApiToken {
            user_id: user.id,
            token_hash: &secret_hash(&secret),
            name,
            created_at: now,
            expires_at: now + lifetime.duration(),
        })
        .await?;
    SecurityEvent::TokenCreated {
        user: user.id,
        token: token.id,
        expires_at: token.expires_at,
    }
    .record();
    Ok(IssuedToken { token, secret })
}

/// Makes a token for the account with `email` (the command line's way).
pub async fn issue_api_token_for(
    store: &Store,
    email: &str,
    name: &TokenName,
    lifetime: TokenLifetime,
) -> Result<IssuedToken, AccountError> {
    let user = account_by_email(store, email).await?;
    issue_token(store, &user, name, lifetime)
        .await
        .map_err(AccountError::Store)
}

/// The tokens of the account with `email`, newest first.
pub async fn tokens_of_email(store: &Store, email: &str) -> Result<Vec<ApiToken>, AccountError> {
    let user = account_by_email(store, email).await?;
    store
        .list_api_tokens(user.id)
        .await
        .map_err(AccountError::Store)
}

/// Token `id` if it is `user`'s; `NotFound` for a token of anyone else, so
/// another account's token cannot even be shown to exist.
pub async fn token_of(store: &Store, user: &User, id: TokenId) -> Result<ApiToken, StoreError> {
    match store.find_api_token(id).await? {
        Some(token) if token.user_id == user.id => Ok(token),
        _ => Err(StoreError::NotFound),
    }
}

/// Revokes `user`'s token `id`; `NotFound` when `user` has no such token.
pub async fn revoke_token(store: &Store, user: &User, id: TokenId) -> Result<(), StoreError> {
    store.delete_api_token(user.id, id).await?;
    SecurityEvent::TokenRevoked {
        user: user.id,
        token: id,
    }
    .record();
    Ok(())
}

/// Revokes token `id` (the command line's way); with `email`, only a token
/// of that account. Returns the revoked token.
pub async fn revoke_token_by_id(
    store: &Store,
    id: &str,
    email: Option<&str>,
) -> Result<ApiToken, AccountError> {
    let unknown = || AccountError::UnknownToken(id.to_owned());
    let token_id: TokenId = id.trim().parse().map_err(|_| unknown())?;
    let token = store
        .find_api_token(token_id)
        .await
        .map_err(AccountError::Store)?
        .ok_or_else(unknown)?;
    if let Some(email) = email {
        let owner = account_by_email(store, email).await?;
        if owner.id != token.user_id {
            return Err(unknown());
        }
    }
    let owner = store
        .user(token.user_id)
        .await
        .map_err(AccountError::Store)?;
    match revoke_token(store, &owner, token_id).await {
        Ok(()) => Ok(token),
        Err(StoreError::NotFound) => Err(unknown()),
        Err(e) => Err(AccountError::Store(e)),
    }
}

/// Makes a new API token named "cli" for the account with `email`, valid
/// for the default 90 days, and returns its secret (only its hash is kept).
pub async fn issue_api_token(store: &Store, email: &str) -> Result<String, AccountError> {
    let name = TokenName::parse(DEFAULT_TOKEN_NAME)?;
    let issued = issue_api_token_for(store, email, &name, TokenLifetime::DEFAULT).await?;
    Ok(issued.secret)
}
