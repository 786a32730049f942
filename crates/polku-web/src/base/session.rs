//! Page login sessions: the `__Host-` cookie, started fresh at login (the id
//! is never reused across a login) and ended at logout.

use axum::http::{HeaderMap, HeaderValue};
use polku_app::credentials::{new_secret, secret_hash};
use polku_store::{Store, User};

use super::error::AppError;
use super::language::cookie_value;

/// The page session cookie. `__Host-` makes the browser insist on `Secure`,
/// `Path=/` and no `Domain`, so no other site or subdomain can plant one.
pub const SESSION_COOKIE: &str = "__Host-polku_session";

/// Starts a fresh page session for `user`, ending the one the browser held
/// (the id is never reused across a login), and returns its `Set-Cookie`.
pub async fn start_session(
    store: &Store,
    headers: &HeaderMap,
    user: &User,
) -> Result<HeaderValue, AppError> {
    if let Some(old) = cookie_value(headers, SESSION_COOKIE) {
        store.delete_login_session(&secret_hash(&old)).await?;
    }
    let secret = new_secret("");
    store
        .create_login_session(&secret_hash(&secret), user)
        .await?;
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={secret}; Path=/; Secure; HttpOnly; SameSite=Lax"
    ))
    .map_err(AppError::internal)
}

/// Ends the browser's page session and returns the `Set-Cookie` that clears it.
pub async fn end_session(store: &Store, headers: &HeaderMap) -> Result<HeaderValue, AppError> {
    if let Some(old) = cookie_value(headers, SESSION_COOKIE) {
        store.delete_login_session(&secret_hash(&old)).await?;
    }
    Ok(HeaderValue::from_static(
        "__Host-polku_session=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0",
    ))
}
