//! `POST /api/v1/join`: joining a session with its code, and the rate
//! limits on guessing codes.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::RETRY_AFTER;
use axum::response::{IntoResponse, Response};
use polku_app::Arg;
use polku_app::live::{LiveError, join};
use polku_domain::ErrorCode;
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{
    AdditionalProperties, AllOfBuilder, ObjectBuilder, OneOfBuilder, Schema, SchemaType, Type,
};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};
use uuid::Uuid;

use crate::base::caller::ClientAddr;
use crate::base::chrome::Chrome;
use crate::base::error::{AppError, ErrorDetail, ErrorResponse, JsonBodyErrors};
use crate::base::extract::ApiJson;
use crate::base::schema::{
    Text, blank_pattern, join_code_pattern, perspective_pattern, return_code_pattern,
};
use crate::base::state::AppState;

use super::api::live_error;

/// Body of `POST /api/v1/join`: the code and either a return code or a
/// nickname with a perspective.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
    /// The code shown in the room (case, spaces and dashes do not matter).
    pub code: String,
    /// A nickname; no real name is needed (not needed with a return code).
    #[serde(default)]
    pub nickname: Option<Text<1, 40>>,
    /// A perspective's name (not needed with a return code).
    #[serde(default)]
    pub perspective: Option<String>,
    /// A return code from an earlier workshop of the same workspace: join as
    /// that pseudonym again.
    #[serde(default)]
    pub return_code: Option<String>,
}

// By hand: which fields are required depends on whether a return code is
// given (not blank), which a derived schema cannot say.
impl PartialSchema for JoinRequest {
    fn schema() -> RefOr<Schema> {
        let text_or_null =
            || ObjectBuilder::new().schema_type(SchemaType::from_iter([Type::String, Type::Null]));
        let fields = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "Body of `POST /api/v1/join`: the code and either a return code (then \
                 nickname and perspective are not read) or a nickname with a perspective.",
            ))
            .property(
                "code",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some(
                        "The code shown in the room: six characters of \
                         `ACEFGHJKMNPRTWXY34679`, in either case; spaces and dashes do not matter.",
                    ))
                    .pattern(Some(join_code_pattern())),
            )
            .required("code")
            .property(
                "nickname",
                text_or_null().description(Some(
                    "A nickname, 1 to 40 characters; no real name is needed \
                     (required without a return code).",
                )),
            )
            .property(
                "perspective",
                text_or_null().description(Some(
                    "`client`, `expert_by_experience`, `professional`, `relative`, `ngo`, \
                     `manager` or `other` (required without a return code).",
                )),
            )
            .property(
                "return_code",
                text_or_null().description(Some(
                    "A return code from an earlier workshop of the same workspace \
                     (`K7M3-TPHX`; case, spaces and dashes do not matter): join as that \
                     pseudonym again. Blank or `null` for none.",
                )),
            )
            .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(false)));
        let returning = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some("Back with a return code"))
            .property(
                "return_code",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some(return_code_pattern())),
            )
            .required("return_code");
        let new = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some("A new participant"))
            .property("nickname", Ref::from_schema_name(Text::<1, 40>::name()))
            .required("nickname")
            .property(
                "perspective",
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some(perspective_pattern())),
            )
            .required("perspective")
            .property("return_code", text_or_null().pattern(Some(blank_pattern())));
        AllOfBuilder::new()
            .item(fields)
            .item(OneOfBuilder::new().item(returning).item(new))
            .into()
    }
}

impl ToSchema for JoinRequest {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push((Text::<1, 40>::name().into_owned(), Text::<1, 40>::schema()));
    }
}

/// A participant's key to the session.
#[derive(Serialize, ToSchema)]
pub struct JoinedResponse {
    /// Send as `Authorization: Bearer ...`; Polku keeps only its hash.
    pub participant_token: String,
    /// The session joined.
    pub session_id: Uuid,
    /// The participant's id in it.
    pub participant_id: Uuid,
    /// A new return code to write down (`K7M3-TPHX`), or `null` when the
    /// participant came back with one.
    pub return_code: Option<String>,
}

/// The 429 answer with its wait in the caller's language and `Retry-After`.
pub(super) fn rate_limited(chrome: &Chrome, code: ErrorCode, wait: u64) -> Response {
    let message = rate_limited_message(chrome.t, code, wait);
    let body = ErrorResponse {
        error: ErrorDetail {
            code: code.as_str().to_owned(),
            message,
            field: None,
        },
    };
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(RETRY_AFTER, wait.to_string())],
        Json(body),
    )
        .into_response()
}

/// "Wait N seconds" for `code` in `t`'s language.
pub(super) fn rate_limited_message(t: polku_app::Tr, code: ErrorCode, wait: u64) -> String {
    t.with_args(code.message_key(), &[("seconds", Arg::Count(wait))])
}

/// Joins an open session with its code, a nickname and a perspective. No
/// account and no e-mail; failed attempts are rate limited per client and
/// for everyone together.
#[utoipa::path(
    post,
    path = "/api/v1/join",
    tag = "live",
    request_body = JoinRequest,
    responses(
        (status = 201, description = "Joined", body = JoinedResponse),
        (status = 404, description = "No open session has the code", body = ErrorResponse),
        (status = 429, description = "Too many failed attempts", body = ErrorResponse),
        JsonBodyErrors,
    )
)]
pub async fn join_session(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    chrome: Chrome,
    ApiJson(body): ApiJson<JoinRequest>,
) -> Result<Response, AppError> {
    if let Err(wait) = state.join_limits.check(client) {
        return Ok(rate_limited(&chrome, ErrorCode::JoinRateLimited, wait));
    }
    let nickname = body.nickname.as_ref().map_or("", |n| n.0.as_str());
    let perspective = body.perspective.as_deref().unwrap_or_default();
    let return_code = body.return_code.as_deref().unwrap_or_default();
    match join(&state.store, &body.code, nickname, perspective, return_code).await {
        Ok(joined) => Ok((
            StatusCode::CREATED,
            Json(JoinedResponse {
                participant_token: joined.token,
                session_id: joined.session.id.as_uuid(),
                participant_id: joined.participant.id.as_uuid(),
                return_code: joined.return_code.map(|c| c.shown()),
            }),
        )
            .into_response()),
        Err(error) => {
            if failed_join(&error)
                && let Err(wait) = state.join_limits.failed(client)
            {
                return Ok(rate_limited(&chrome, ErrorCode::JoinRateLimited, wait));
            }
            Err(live_error(error))
        }
    }
}

/// Whether a refused join was a guess (a wrong code or return code) that
/// counts against the join limits.
pub(super) fn failed_join(error: &LiveError) -> bool {
    match error {
        LiveError::UnknownCode => true,
        LiveError::Invalid(errors) => errors
            .iter()
            .any(|e| e.code == ErrorCode::InvalidReturnCode),
        LiveError::Store(_) => false,
    }
}
