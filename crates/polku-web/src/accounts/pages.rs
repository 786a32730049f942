//! Logging in and out of the pages.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header::{LOCATION, RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use polku_app::Arg;
use polku_app::accounts::authenticate;
use polku_app::security_log::SecurityEvent;
use polku_domain::ErrorCode;

use crate::base::caller::{ClientAddr, MaybeSignedIn};
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::ErrorSummary;
use crate::base::render::render_page;
use crate::base::session::{end_session, start_session};
use crate::base::state::AppState;

use super::urls::LoginNotice;

#[derive(Template)]
#[template(path = "accounts/login.html")]
struct LoginPage {
    chrome: Chrome,
    email: String,
    next: String,
    error: Option<String>,
    error_summary: ErrorSummary,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct LoginQuery {
    next: Option<String>,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// Where to go after login: only a path on this site, never another host.
/// Browsers read `\\` as `/` and drop tabs and newlines, so a backslash makes
/// the target the workspace list and a control character is a bad request
/// (it could also split the `Location` header).
fn safe_next(next: &str) -> Result<&str, AppError> {
    if next.chars().any(char::is_control) {
        return Err(AppError::new(
            StatusCode::BAD_REQUEST,
            ErrorCode::InvalidForm,
        ));
    }
    let local = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    Ok(if local { next } else { "/workspaces" })
}

/// `GET /login`: the form, or for someone already signed in, straight on to
/// where the form would have taken them (the workspace list by default).
pub(super) async fn show(
    chrome: Chrome,
    MaybeSignedIn(user): MaybeSignedIn,
    Query(query): Query<LoginQuery>,
) -> Result<Response, AppError> {
    if user.is_some() {
        let next = safe_next(query.next.as_deref().unwrap_or_default())?;
        return Ok(Redirect::to(next).into_response());
    }
    let notice = query
        .notice
        .as_deref()
        .and_then(LoginNotice::parse)
        .map(|n| chrome.t.get(n.label_key()));
    let page = LoginPage {
        chrome,
        email: String::new(),
        next: safe_next(query.next.as_deref().unwrap_or_default())?.to_owned(),
        error: None,
        error_summary: ErrorSummary::default(),
        notice,
    };
    Ok(render_page(StatusCode::OK, &page))
}

pub(super) async fn submit(
    State(state): State<AppState>,
    chrome: Chrome,
    ClientAddr(client): ClientAddr,
    headers: HeaderMap,
    PageForm(form): PageForm<LoginForm>,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let next = safe_next(&form.next)?.to_owned();
    let refuse = |chrome: Chrome, status: StatusCode, message: String| {
        LoginPage {
            chrome,
            email: form.email.clone(),
            next: next.clone(),
            error_summary: ErrorSummary::one(Some("email".to_owned()), message.clone()),
            error: Some(message),
            notice: None,
        }
        .render()
        .map(|html| (status, axum::response::Html(html)).into_response())
        .map_err(AppError::internal)
    };
    if let Err(wait) = state.login_limits.check(form.email.trim(), client) {
        SecurityEvent::LoginRateLimited {
            email: &form.email,
            client,
        }
        .record();
        let message = t.with_args(
            ErrorCode::LoginRateLimited.message_key(),
            &[("seconds", Arg::Count(wait))],
        );
        let mut response = refuse(chrome, StatusCode::TOO_MANY_REQUESTS, message)?;
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from(wait));
        return Ok(response);
    }
    let Some(user) = authenticate(&state.store, &form.email, &form.password).await? else {
        SecurityEvent::LoginFailed {
            email: &form.email,
            client,
        }
        .record();
        return refuse(
            chrome,
            StatusCode::UNAUTHORIZED,
            t.error(ErrorCode::InvalidCredentials),
        );
    };
    SecurityEvent::LoginSucceeded {
        user: user.id,
        client,
    }
    .record();
    let cookie = start_session(&state.store, &headers, &user).await?;
    let mut response = StatusCode::SEE_OTHER.into_response();
    response.headers_mut().insert(SET_COOKIE, cookie);
    response.headers_mut().insert(
        LOCATION,
        HeaderValue::from_str(&next).map_err(AppError::internal)?,
    );
    Ok(response)
}

pub(super) async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let cookie = end_session(&state.store, &headers).await?;
    let mut response = StatusCode::SEE_OTHER.into_response();
    response.headers_mut().insert(SET_COOKIE, cookie);
    response
        .headers_mut()
        .insert(LOCATION, HeaderValue::from_static("/login"));
    Ok(response)
}
