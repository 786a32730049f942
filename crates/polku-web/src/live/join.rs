//! The join page: code + nickname + perspective, nothing else. On success the
//! participant's token goes into a cookie and the board opens.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::response::{IntoResponse, Response};
use polku_app::Tr;
use polku_app::live::{LiveError, join};
use polku_domain::ErrorCode;
use polku_domain::live::Perspective;
use serde::Deserialize;

use super::api::live_error;
use super::join_api::{failed_join, rate_limited_message};
use super::urls;
use crate::base::caller::ClientAddr;
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::{ErrorSummary, FieldErrors, field_id};
use crate::base::live_access::PARTICIPANT_COOKIE;
use crate::base::render::render_page;
use crate::base::state::AppState;

/// One perspective choice of the form.
pub(super) struct PerspectiveOption {
    value: &'static str,
    label: String,
    selected: bool,
}

fn perspective_options(t: Tr, chosen: &str) -> Vec<PerspectiveOption> {
    Perspective::ALL
        .into_iter()
        .map(|p| PerspectiveOption {
            value: p.as_str(),
            label: t.get(p.label_key()),
            selected: p.as_str() == chosen,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "live/join.html")]
struct JoinPage {
    chrome: Chrome,
    code: String,
    return_code: String,
    nickname: String,
    perspectives: Vec<PerspectiveOption>,
    errors: FieldErrors,
    error_summary: ErrorSummary,
}

#[derive(Deserialize)]
pub(super) struct JoinQuery {
    code: Option<String>,
}

/// `GET /join`: the form, with `?code=` filled in (from the QR code).
pub(super) async fn show(chrome: Chrome, Query(query): Query<JoinQuery>) -> Response {
    let t = chrome.t;
    let page = JoinPage {
        chrome,
        code: query.code.unwrap_or_default().chars().take(12).collect(),
        return_code: String::new(),
        nickname: String::new(),
        perspectives: perspective_options(t, ""),
        errors: FieldErrors::none(),
        error_summary: ErrorSummary::default(),
    };
    render_page(StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub(super) struct JoinForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    nickname: String,
    #[serde(default)]
    perspective: String,
    #[serde(default)]
    return_code: String,
}

#[derive(Template)]
#[template(path = "live/welcome.html")]
struct WelcomePage {
    chrome: Chrome,
    code: String,
    code_spoken: String,
    board_url: String,
}

/// `POST /join`: joins and opens the board, or shows every error beside its
/// field with what was typed kept.
pub(super) async fn submit(
    State(state): State<AppState>,
    chrome: Chrome,
    ClientAddr(client): ClientAddr,
    PageForm(form): PageForm<JoinForm>,
) -> Result<Response, AppError> {
    let t = chrome.t;
    let refuse = |chrome: Chrome, status: StatusCode, errors: FieldErrors| {
        let return_id = field_id("join", "return_code");
        let error_summary = errors.summary_with_ids(&[
            ("code", "code"),
            ("nickname", "nickname"),
            ("perspective", "perspective-client"),
            ("return_code", return_id.as_str()),
        ]);
        let page = JoinPage {
            perspectives: perspective_options(t, &form.perspective),
            code: form.code.chars().take(12).collect(),
            return_code: form.return_code.chars().take(12).collect(),
            nickname: form.nickname.chars().take(40).collect(),
            chrome,
            errors,
            error_summary,
        };
        Ok(render_page(status, &page))
    };
    if let Err(wait) = state.join_limits.check(client) {
        let message = rate_limited_message(t, ErrorCode::JoinRateLimited, wait);
        return refuse(
            chrome,
            StatusCode::TOO_MANY_REQUESTS,
            FieldErrors::one("code", message),
        );
    }
    let joined = join(
        &state.store,
        &form.code,
        &form.nickname,
        &form.perspective,
        &form.return_code,
    )
    .await;
    match joined {
        Ok(joined) => {
            let cookie = format!(
                "{PARTICIPANT_COOKIE}={}; Path=/; Secure; HttpOnly; SameSite=Lax",
                joined.token
            );
            let board = urls::board(joined.session.id);
            let Some(code) = joined.return_code else {
                // Back with a return code: straight on to the board.
                return Ok((
                    StatusCode::SEE_OTHER,
                    [
                        (LOCATION, format!("{board}?notice=joined")),
                        (SET_COOKIE, cookie),
                    ],
                )
                    .into_response());
            };
            // A first visit: the return code, once, to write down.
            let shown = code.shown();
            let page = WelcomePage {
                code_spoken: urls::spoken(&shown),
                code: shown,
                board_url: format!("{board}?notice=joined"),
                chrome,
            };
            let mut response = render_page(StatusCode::OK, &page);
            if let Ok(value) = axum::http::HeaderValue::from_str(&cookie) {
                response.headers_mut().insert(SET_COOKIE, value);
            }
            Ok(response)
        }
        Err(LiveError::Invalid(errors)) => {
            let guessed = failed_join(&LiveError::Invalid(errors.clone()));
            if guessed && let Err(wait) = state.join_limits.failed(client) {
                let message = rate_limited_message(t, ErrorCode::JoinRateLimited, wait);
                return refuse(
                    chrome,
                    StatusCode::TOO_MANY_REQUESTS,
                    FieldErrors::one("code", message),
                );
            }
            let errors = FieldErrors::many(errors.iter().map(|e| (e.field, t.error(e.code))));
            refuse(chrome, StatusCode::UNPROCESSABLE_ENTITY, errors)
        }
        Err(LiveError::UnknownCode) => {
            if let Err(wait) = state.join_limits.failed(client) {
                let message = rate_limited_message(t, ErrorCode::JoinRateLimited, wait);
                return refuse(
                    chrome,
                    StatusCode::TOO_MANY_REQUESTS,
                    FieldErrors::one("code", message),
                );
            }
            let error = live_error(LiveError::UnknownCode);
            let errors = FieldErrors::one("code", error.message(t));
            refuse(chrome, StatusCode::NOT_FOUND, errors)
        }
        Err(other) => Err(live_error(other)),
    }
}
