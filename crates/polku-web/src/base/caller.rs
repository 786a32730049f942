//! Who is calling: a page session cookie or an API bearer token, resolved once
//! per request by [`identify_caller`] and read by the [`SignedIn`] extractor.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use polku_store::{Store, StoreError, User};
use time::OffsetDateTime;

use polku_app::credentials::secret_hash;

use super::error::AppError;
use super::language::cookie_value;
use super::session::SESSION_COOKIE;
use super::state::{AppState, WebConfig};

/// Sessions and tokens are marked as used at most this often, to spare writes.
const TOUCH_INTERVAL: time::Duration = time::Duration::minutes(1);

/// The outcome of identifying a request.
#[derive(Debug, Clone)]
pub enum Caller {
    /// No credentials, or ones that no longer hold.
    Anonymous,
    /// A signed-in account.
    User(User),
    /// The database did not answer, so nobody could be identified.
    Unavailable,
}

/// Middleware: resolves the caller once and stores it as a request extension.
pub async fn identify_caller(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let caller = match identify(&state.store, &state.config, request.headers()).await {
        Ok(Some(user)) => Caller::User(user),
        Ok(None) => Caller::Anonymous,
        Err(StoreError::Unavailable(_)) => Caller::Unavailable,
        Err(e) => {
            tracing::error!(%e, "identifying caller failed");
            Caller::Unavailable
        }
    };
    request.extensions_mut().insert(caller);
    next.run(request).await
}

async fn identify(
    store: &Store,
    config: &WebConfig,
    headers: &HeaderMap,
) -> Result<Option<User>, StoreError> {
    if let Some(token) = bearer_token(headers) {
        return identify_token(store, token).await;
    }
    let Some(secret) = cookie_value(headers, SESSION_COOKIE) else {
        return Ok(None);
    };
    let id_hash = secret_hash(&secret);
    let Some(session) = store.find_login_session(&id_hash).await? else {
        return Ok(None);
    };
    let now = OffsetDateTime::now_utc();
    let idle = now - session.last_seen_at;
    let age = now - session.created_at;
    if idle > config.session_idle || age > config.session_absolute {
        store.delete_login_session(&id_hash).await?;
        return Ok(None);
    }
    if idle > TOUCH_INTERVAL {
        store.touch_login_session(&id_hash, now).await?;
    }
    Ok(Some(session.user))
}

/// The account an API token acts as, unless it is unknown, revoked or expired;
/// its last use is recorded at most once a minute.
async fn identify_token(store: &Store, token: &str) -> Result<Option<User>, StoreError> {
    let Some(login) = store.find_api_token_login(&secret_hash(token)).await? else {
        return Ok(None);
    };
    let now = OffsetDateTime::now_utc();
    if login.token.is_expired(now) {
        return Ok(None);
    }
    if login
        .token
        .last_used_at
        .is_none_or(|last| now - last > TOUCH_INTERVAL)
    {
        store.touch_api_token(login.token.id, now).await?;
    }
    Ok(Some(login.user))
}

/// The token of an `Authorization: Bearer` header, if any.
pub(crate) fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// The signed-in user's id, for security log lines.
pub fn caller_id(request: &Request) -> Option<polku_domain::UserId> {
    match request.extensions().get::<Caller>() {
        Some(Caller::User(user)) => Some(user.id),
        _ => None,
    }
}

/// The signed-in user's name, for the page header of error pages.
pub fn caller_name(request: &Request) -> Option<String> {
    match request.extensions().get::<Caller>() {
        Some(Caller::User(user)) => Some(user.name.as_str().to_owned()),
        _ => None,
    }
}

/// Extractor: the signed-in account; 401 (a redirect to the login page for
/// pages) when there is none, 503 when the database is down.
#[derive(Debug, Clone)]
pub struct SignedIn(pub User);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<Caller>() {
            Some(Caller::User(user)) => Ok(SignedIn(user.clone())),
            Some(Caller::Unavailable) => Err(AppError::unavailable()),
            _ => Err(AppError::unauthorized()),
        }
    }
}

/// Extractor: the signed-in account if any; never rejects.
#[derive(Debug, Clone)]
pub struct MaybeSignedIn(pub Option<User>);

impl<S: Send + Sync> FromRequestParts<S> for MaybeSignedIn {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(MaybeSignedIn(match parts.extensions.get::<Caller>() {
            Some(Caller::User(user)) => Some(user.clone()),
            _ => None,
        }))
    }
}

/// The client's address, for rate limits; unspecified when unknown.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip()),
        ))
    }
}
