//! Renders [`AppError`]s (and bare 404/405/413 answers of the framework) in the
//! request's language: JSON under `/api/` and `/healthz`, a redirect to the
//! login page for 401 on pages, a friendly page for everything else.

use askama::Template;
use axum::Json;
use axum::extract::Request;
use axum::http::header::{LOCATION, RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use polku_app::Tr;
use polku_domain::{ErrorCode, Language};

use super::caller::{caller_id, caller_name};
use super::chrome::{Chrome, page_path};
use super::error::{AppError, ErrorDetail, ErrorResponse, is_api_path};
use super::render::encode_component;

#[derive(Template)]
#[template(path = "site/error.html")]
struct ErrorPage {
    chrome: Chrome,
    title: String,
    message: String,
    status: u16,
}

/// Middleware: renders errors of the inner service; see the module docs.
pub async fn render_errors(request: Request, next: Next) -> Response {
    let language = request
        .extensions()
        .get::<Language>()
        .copied()
        .unwrap_or_default();
    let path = request.uri().path().to_owned();
    let page = page_path(request.method(), request.uri(), request.headers());
    let path_and_query = request
        .uri()
        .path_and_query()
        .map_or_else(|| path.clone(), |pq| pq.as_str().to_owned());
    let signed_in = caller_name(&request);
    let user = caller_id(&request);
    let method = request.method().clone();
    let mut response = next.run(request).await;
    let error = match response.extensions_mut().remove::<AppError>() {
        Some(error) => error,
        None if response.status() == StatusCode::NOT_FOUND && response_is_empty(&response) => {
            AppError::not_found()
        }
        None if response.status() == StatusCode::METHOD_NOT_ALLOWED => {
            AppError::new(StatusCode::METHOD_NOT_ALLOWED, ErrorCode::MethodNotAllowed)
        }
        None if response.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            AppError::new(StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
        }
        None => return response,
    };
    if matches!(error.status().as_u16(), 401 | 403) {
        tracing::warn!(
            target: "security",
            event = "access_refused",
            status = error.status().as_u16(),
            code = error.code().as_str(),
            %method,
            path = redact_secrets(&path),
            user = user.map(|u| u.to_string()),
        );
    }
    let tr = Tr::new(language);
    let headers = std::mem::take(response.headers_mut());
    let mut rendered = if is_api_path(&path) {
        let body = ErrorResponse {
            error: ErrorDetail {
                code: error.code().as_str().to_owned(),
                message: error.message(tr),
                field: error.field().map(str::to_owned),
            },
        };
        (error.status(), Json(body)).into_response()
    } else if error.status() == StatusCode::UNAUTHORIZED {
        let target = format!("/login?next={}", encode_component(&path_and_query));
        let mut redirect = StatusCode::SEE_OTHER.into_response();
        if let Ok(value) = HeaderValue::from_str(&target) {
            redirect.headers_mut().insert(LOCATION, value);
        }
        redirect
    } else {
        let page = ErrorPage {
            chrome: Chrome::new(language, &page, signed_in),
            title: tr.get(title_key(error.status())),
            message: error.message(tr),
            status: error.status().as_u16(),
        };
        match page.render() {
            Ok(html) => (error.status(), Html(html)).into_response(),
            Err(e) => {
                tracing::error!(%e, "error page failed to render");
                error.status().into_response()
            }
        }
    };
    for (name, value) in headers.iter() {
        if name == RETRY_AFTER || name == SET_COOKIE || name == LOCATION {
            rendered.headers_mut().append(name, value.clone());
        }
    }
    rendered
}

/// `path` with every segment that looks like a secret (32 or more hex
/// digits: invitation and reset tokens) replaced, for the log.
fn redact_secrets(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            if segment.len() >= 32 && segment.bytes().all(|b| b.is_ascii_hexdigit()) {
                "{secret}"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn response_is_empty(response: &Response) -> bool {
    use axum::body::HttpBody;
    response.body().size_hint().exact() == Some(0)
}

/// The error page's title for a status.
fn title_key(status: StatusCode) -> &'static str {
    match status.as_u16() {
        403 => "error-title-forbidden",
        404 => "error-title-not_found",
        429 => "error-title-rate_limited",
        503 => "error-title-unavailable",
        400..=499 => "error-title-bad_request",
        _ => "error-title-internal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_in_paths_never_reach_the_log() {
        let token = "a".repeat(64);
        assert_eq!(
            redact_secrets(&format!("/invitations/{token}/accept")),
            "/invitations/{secret}/accept"
        );
        assert_eq!(
            redact_secrets("/workspaces/0b6c2f8e-1d2a-4c1e-9f3a-2b7c8d9e0f11"),
            "/workspaces/0b6c2f8e-1d2a-4c1e-9f3a-2b7c8d9e0f11"
        );
    }
}
