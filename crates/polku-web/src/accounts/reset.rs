//! Password reset links, `/reset/{token}`: an anonymous page with a form to
//! set a new password. A used or expired link gives a clear page (410), an
//! unknown one the same page as 404.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, REFERRER_POLICY};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::accounts::NewPasswordError;
use polku_app::resets::{ResetError, ResetLinkState, reset_link_state, reset_password};
use polku_domain::ErrorCode;
use serde::Deserialize;

use super::urls::{self, LoginNotice};
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::ErrorSummary;
use crate::base::render::{encode_component, render_page};
use crate::base::state::AppState;

#[derive(Template)]
#[template(path = "accounts/reset.html")]
struct ResetPage {
    chrome: Chrome,
    action: String,
    intro: String,
    new_error: Option<String>,
    again_error: Option<String>,
    error_summary: ErrorSummary,
}

#[derive(Template)]
#[template(path = "accounts/reset_gone.html")]
struct ResetGonePage {
    chrome: Chrome,
}

/// The link's secret must not leave the page: not in a cache, not in a
/// `Referer` to anywhere.
fn private(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

fn gone(chrome: Chrome, status: StatusCode) -> Response {
    private(render_page(status, &ResetGonePage { chrome }))
}

fn form_page(
    chrome: Chrome,
    token: &str,
    email: &str,
    errors: (Option<String>, Option<String>),
    status: StatusCode,
) -> Response {
    let intro = chrome.t.with("reset-intro", &[("email", email)]);
    let error_summary = ErrorSummary::of_fields([
        ("new-password", errors.0.as_ref()),
        ("new-password-again", errors.1.as_ref()),
    ]);
    let page = ResetPage {
        chrome,
        error_summary,
        action: urls::RESET.replace("{token}", &encode_component(token)),
        intro,
        new_error: errors.0,
        again_error: errors.1,
    };
    private(render_page(status, &page))
}

/// `GET /reset/{token}`.
pub(super) async fn show(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    Ok(match reset_link_state(&state.store, &token).await? {
        ResetLinkState::Usable(user) => form_page(
            chrome,
            &token,
            user.email.as_str(),
            (None, None),
            StatusCode::OK,
        ),
        ResetLinkState::Gone => gone(chrome, StatusCode::GONE),
        ResetLinkState::Unknown => gone(chrome, StatusCode::NOT_FOUND),
    })
}

#[derive(Deserialize)]
pub(super) struct ResetForm {
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    new_password_again: String,
}

/// `POST /reset/{token}`: sets the password, ends every session of the
/// account and sends the person to log in.
pub(super) async fn submit(
    State(state): State<AppState>,
    chrome: Chrome,
    Path(token): Path<String>,
    PageForm(form): PageForm<ResetForm>,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let errors = match reset_password(
        &state.store,
        &token,
        &form.new_password,
        &form.new_password_again,
    )
    .await
    {
        Ok(_) => {
            return Ok(
                Redirect::to(&urls::login_with_notice(LoginNotice::PasswordReset)).into_response(),
            );
        }
        Err(ResetError::Gone) => return Ok(gone(chrome, StatusCode::GONE)),
        Err(ResetError::Unknown) => return Ok(gone(chrome, StatusCode::NOT_FOUND)),
        Err(ResetError::NewPassword(NewPasswordError::Differ)) => {
            (None, Some(t.error(ErrorCode::PasswordsDiffer)))
        }
        Err(ResetError::NewPassword(NewPasswordError::Weak(e))) => (Some(t.error(e.code())), None),
        Err(ResetError::Store(e)) => return Err(e.into()),
        Err(ResetError::Hash(e)) => return Err(AppError::internal(e)),
    };
    // Still usable (the password was refused before the link was claimed).
    let email = match reset_link_state(&state.store, &token).await? {
        ResetLinkState::Usable(user) => user.email.as_str().to_owned(),
        _ => return Ok(gone(chrome, StatusCode::GONE)),
    };
    Ok(form_page(
        chrome,
        &token,
        &email,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    ))
}
