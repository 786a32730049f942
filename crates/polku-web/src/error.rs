//! One error type for pages and the JSON API. A handler returns an [`AppError`]
//! without knowing the language; the [`render_errors`] middleware, which knows
//! it, turns it into `{"error": {"code", "message"}}` under `/api/` and
//! `/healthz`, and into a friendly page everywhere else.

use askama::Template;
use axum::Json;
use axum::extract::Request;
use axum::http::header::{LOCATION, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use polku_domain::{Language, PasswordError, ValidationError};
use polku_store::StoreError;
use serde::Serialize;

use crate::i18n::Tr;
use crate::pages::Chrome;

/// An error answer: an HTTP status and a stable `snake_case` code that is also
/// the translation key `error-<code>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppError {
    status: StatusCode,
    code: &'static str,
    field: Option<&'static str>,
    retry_after: Option<u64>,
}

impl AppError {
    /// An error with `status` and `code`.
    pub const fn new(status: StatusCode, code: &'static str) -> Self {
        Self {
            status,
            code,
            field: None,
            retry_after: None,
        }
    }

    /// 404: no such thing (or not visible to the caller).
    pub const fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found")
    }

    /// 403: the caller is known but may not do this.
    pub const fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden")
    }

    /// 401: no or bad credentials.
    pub const fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized")
    }

    /// 409 with a specific code.
    pub const fn conflict(code: &'static str) -> Self {
        Self::new(StatusCode::CONFLICT, code)
    }

    /// 503: the database does not answer.
    pub const fn unavailable() -> Self {
        Self::new(StatusCode::SERVICE_UNAVAILABLE, "database_unavailable")
    }

    /// 500: a fault of ours; details go to the log only.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        tracing::error!(%detail, "internal error");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal")
    }

    /// 429 with `Retry-After` in seconds.
    pub const fn rate_limited(retry_after_secs: u64) -> Self {
        Self {
            retry_after: Some(retry_after_secs),
            ..Self::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited")
        }
    }

    /// 422 for one field's value.
    pub const fn invalid(field: &'static str, code: &'static str) -> Self {
        Self {
            field: Some(field),
            ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, code)
        }
    }

    /// The HTTP status.
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The stable code.
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The field a validation error is about, if any.
    pub const fn field(&self) -> Option<&'static str> {
        self.field
    }

    /// This error's message in `tr`'s language.
    pub fn message(&self, tr: Tr) -> String {
        tr.get(&format!("error-{}", self.code))
    }
}

impl From<ValidationError> for AppError {
    fn from(e: ValidationError) -> Self {
        Self::invalid(e.field, e.code)
    }
}

impl From<PasswordError> for AppError {
    fn from(e: PasswordError) -> Self {
        Self::invalid("password", e.code())
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::not_found(),
            StoreError::Conflict { what } => Self::conflict(what),
            StoreError::Unavailable(source) => {
                tracing::warn!(%source, "database unavailable");
                Self::unavailable()
            }
            other => Self::internal(other),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        response.extensions_mut().insert(self);
        response
    }
}

#[derive(Serialize, utoipa::ToSchema)]
/// The body of every JSON error.
pub struct ErrorResponse {
    /// What went wrong.
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
/// A stable code and a message in the caller's language.
pub struct ErrorDetail {
    /// Stable `snake_case` code, e.g. `not_found`.
    pub code: String,
    /// Human-readable message in the language of the request.
    pub message: String,
    /// The request field the error is about, for validation errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// Whether `path` belongs to the JSON side of the app.
pub fn is_api_path(path: &str) -> bool {
    path.starts_with("/api/") || path == "/healthz"
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    title: String,
    message: String,
    status: u16,
}

/// Middleware: renders [`AppError`]s (and bare 404/405/413 answers of the
/// framework) in the request's language.
pub async fn render_errors(request: Request, next: Next) -> Response {
    let language = request
        .extensions()
        .get::<Language>()
        .copied()
        .unwrap_or_default();
    let path = request.uri().path().to_owned();
    let path_and_query = request
        .uri()
        .path_and_query()
        .map_or_else(|| path.clone(), |pq| pq.as_str().to_owned());
    let signed_in = crate::auth::caller_name(&request);
    let mut response = next.run(request).await;
    let error = match response.extensions_mut().remove::<AppError>() {
        Some(error) => error,
        None if response.status() == StatusCode::NOT_FOUND && response_is_empty(&response) => {
            AppError::not_found()
        }
        None if response.status() == StatusCode::METHOD_NOT_ALLOWED => {
            AppError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
        }
        None if response.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            AppError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
        }
        None => return response,
    };
    let tr = Tr::new(language);
    let headers = std::mem::take(response.headers_mut());
    let mut rendered = if is_api_path(&path) {
        let body = ErrorResponse {
            error: ErrorDetail {
                code: error.code.to_owned(),
                message: error.message(tr),
                field: error.field.map(str::to_owned),
            },
        };
        (error.status, Json(body)).into_response()
    } else if error.status == StatusCode::UNAUTHORIZED {
        let target = format!(
            "/login?next={}",
            crate::pages::encode_component(&path_and_query)
        );
        let mut redirect = StatusCode::SEE_OTHER.into_response();
        if let Ok(value) = HeaderValue::from_str(&target) {
            redirect.headers_mut().insert(LOCATION, value);
        }
        redirect
    } else {
        let page = ErrorPage {
            chrome: Chrome::new(language, &path, signed_in),
            title: tr.get(&format!("error-title-{}", title_key(error.status))),
            message: error.message(tr),
            status: error.status.as_u16(),
        };
        match page.render() {
            Ok(html) => (error.status, Html(html)).into_response(),
            Err(e) => {
                tracing::error!(%e, "error page failed to render");
                error.status.into_response()
            }
        }
    };
    for (name, value) in headers.iter() {
        if name == RETRY_AFTER || name == axum::http::header::SET_COOKIE || name == LOCATION {
            rendered.headers_mut().append(name, value.clone());
        }
    }
    rendered
}

fn response_is_empty(response: &Response) -> bool {
    use axum::body::HttpBody;
    response.body().size_hint().exact() == Some(0)
}

/// The short title key suffix for a status.
fn title_key(status: StatusCode) -> &'static str {
    match status.as_u16() {
        403 => "forbidden",
        404 => "not_found",
        429 => "rate_limited",
        503 => "unavailable",
        400..=499 => "bad_request",
        _ => "internal",
    }
}
