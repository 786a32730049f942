//! One error type for pages and the JSON API. A handler returns an [`AppError`]
//! without knowing the language; `error_page::render_errors`, which knows it,
//! turns it into `{"error": {"code", "message"}}` or a friendly page.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use polku_app::Tr;
use polku_app::accounts::AccountError;
use polku_app::invitations::InvitationError;
use polku_app::members::MemberError;
use polku_domain::{ErrorCode, PasswordError, ValidationError};
use polku_store::StoreError;
use serde::Serialize;
use utoipa::IntoResponses;
use utoipa::openapi::{RefOr, ResponseBuilder, content::ContentBuilder};

/// An error answer: an HTTP status and a stable [`ErrorCode`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppError {
    status: StatusCode,
    code: ErrorCode,
    field: Option<&'static str>,
}

impl AppError {
    /// An error with `status` and `code`.
    pub const fn new(status: StatusCode, code: ErrorCode) -> Self {
        Self {
            status,
            code,
            field: None,
        }
    }

    /// 404: no such thing (or not visible to the caller).
    pub const fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, ErrorCode::NotFound)
    }

    /// 403: the caller is known but may not do this.
    pub const fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, ErrorCode::Forbidden)
    }

    /// 401: no or bad credentials.
    pub const fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, ErrorCode::Unauthorized)
    }

    /// 409 with a specific code.
    pub const fn conflict(code: ErrorCode) -> Self {
        match code {
            // Someone else's note is not the caller's to change, whatever
            // the session's state: 403, not a state conflict.
            ErrorCode::NotYourNote => Self::new(StatusCode::FORBIDDEN, code),
            _ => Self::new(StatusCode::CONFLICT, code),
        }
    }

    /// 410: it existed but can no longer be used.
    pub const fn gone(code: ErrorCode) -> Self {
        Self::new(StatusCode::GONE, code)
    }

    /// The same error, about the request field `field`.
    pub const fn on_field(self, field: &'static str) -> Self {
        Self {
            field: Some(field),
            ..self
        }
    }

    /// 503: the database does not answer.
    pub const fn unavailable() -> Self {
        Self::new(
            StatusCode::SERVICE_UNAVAILABLE,
            ErrorCode::DatabaseUnavailable,
        )
    }

    /// 500: a fault of ours; details go to the log only.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        tracing::error!(%detail, "internal error");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal)
    }

    /// 422 for one field's value.
    pub const fn invalid(field: &'static str, code: ErrorCode) -> Self {
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
    pub const fn code(&self) -> ErrorCode {
        self.code
    }

    /// The field a validation error is about, if any.
    pub const fn field(&self) -> Option<&'static str> {
        self.field
    }

    /// This error's message in `tr`'s language.
    pub fn message(&self, tr: Tr) -> String {
        tr.error(self.code)
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
            StoreError::Conflict(code) => Self::conflict(code),
            StoreError::Unavailable(source) => {
                tracing::warn!(%source, "database unavailable");
                Self::unavailable()
            }
            StoreError::StorageFull(source) => {
                tracing::error!(%source, "database storage is full");
                Self::new(StatusCode::SERVICE_UNAVAILABLE, ErrorCode::StorageFull)
            }
            other => Self::internal(other),
        }
    }
}

impl From<MemberError> for AppError {
    fn from(e: MemberError) -> Self {
        match e {
            MemberError::Forbidden => Self::forbidden(),
            MemberError::NotMember => Self::not_found(),
            MemberError::Conflict(code) => Self::conflict(code),
            MemberError::Store(e) => e.into(),
        }
    }
}

impl From<AccountError> for AppError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::Invalid(e) => e.into(),
            AccountError::WeakPassword(e) => e.into(),
            AccountError::EmailTaken(_) => Self::conflict(ErrorCode::EmailTaken).on_field("email"),
            AccountError::UnknownAccount(_) | AccountError::UnknownToken(_) => Self::not_found(),
            AccountError::Hash(e) => Self::internal(e),
            AccountError::Store(e) => e.into(),
        }
    }
}

impl From<InvitationError> for AppError {
    fn from(e: InvitationError) -> Self {
        match e {
            InvitationError::Forbidden => Self::forbidden(),
            InvitationError::NotFound => Self::not_found(),
            InvitationError::Gone(code) => Self::gone(code),
            InvitationError::OtherAccount => {
                Self::new(StatusCode::FORBIDDEN, ErrorCode::InvitationOtherAccount)
            }
            InvitationError::Conflict(code) => Self::conflict(code),
            InvitationError::PasswordsDiffer => {
                Self::invalid("password_again", ErrorCode::PasswordsDiffer)
            }
            InvitationError::Account(e) => e.into(),
            InvitationError::Store(e) => e.into(),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.status.into_response();
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

/// OpenAPI error answers that many operations share, each list written once.
/// A handler names the groups that apply in `responses(..)` beside its own
/// success and conflict answers.
macro_rules! error_responses {
    ($($(#[$doc:meta])* $name:ident: [$(($status:literal, $description:literal)),+ $(,)?];)+) => {
        $(
            $(#[$doc])*
            pub struct $name;

            impl IntoResponses for $name {
                fn responses() -> BTreeMap<String, RefOr<utoipa::openapi::response::Response>> {
                    error_response_map(&[$(($status, $description)),+])
                }
            }
        )+
    };
}

error_responses! {
    /// Any route that needs a signed-in caller.
    SignedInErrors: [
        (401, "No or bad credentials"),
        (503, "The database does not answer, or its storage is full"),
    ];
    /// Routes under `/workspaces/{workspace_id}`.
    WorkspaceErrors: [
        (401, "No or bad credentials"),
        (403, "Not a member, or the role may not do this"),
        (404, "No such workspace, or no such object in it"),
        (503, "The database does not answer, or its storage is full"),
    ];
    /// Routes that read a JSON body.
    JsonBodyErrors: [
        (400, "Malformed JSON"),
        (413, "The body is too large"),
        (415, "The body is not JSON"),
        (422, "Missing or invalid fields"),
    ];
}

fn error_response_map(
    entries: &[(u16, &str)],
) -> BTreeMap<String, RefOr<utoipa::openapi::response::Response>> {
    entries
        .iter()
        .map(|(status, description)| {
            let response = ResponseBuilder::new()
                .description(*description)
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(utoipa::openapi::Ref::from_schema_name(
                            "ErrorResponse",
                        )))
                        .build(),
                )
                .build();
            (status.to_string(), RefOr::T(response))
        })
        .collect()
}

/// Whether `path` belongs to the JSON side of the app.
pub fn is_api_path(path: &str) -> bool {
    path.starts_with("/api/") || path == "/healthz"
}
