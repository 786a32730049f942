//! The board's API beyond notes and votes: its columns (questions), moving
//! a note under a theme (participants too, only their own while the board is
//! locked), a participant taking back their own note, merging duplicates and
//! locking the board (facilitators).

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use polku_domain::live::ColumnPrompt;
use polku_domain::{ErrorCode, NoteId, ThemeId};
use polku_store::StoreError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::api::SessionResponse;
use super::in_path::note_in_path;
use super::join_api::rate_limited;
use crate::base::chrome::Chrome;
use crate::base::error::{AppError, ErrorResponse, JsonBodyErrors, WorkspaceErrors};
use crate::base::extract::ApiJson;
use crate::base::link_origin::LinkOrigin;
use crate::base::live_access::{SessionAccess, SessionCaller, SessionRole};
use crate::base::schema::Text;
use crate::base::state::AppState;

/// A column of the board: one question notes answer.
#[derive(Serialize, ToSchema)]
pub struct ColumnResponse {
    /// Its id (send as a note's `column_id`).
    pub id: Uuid,
    /// The question.
    pub prompt: String,
}

/// The board's columns in their order.
#[utoipa::path(
    get,
    path = "/api/v1/sessions/{session_id}/columns",
    tag = "live",
    params(("session_id" = Uuid, Path, description = "The session")),
    responses((status = 200, description = "The columns", body = [ColumnResponse]), WorkspaceErrors)
)]
pub async fn list_columns(
    State(state): State<AppState>,
    caller: SessionCaller,
) -> Result<Json<Vec<ColumnResponse>>, AppError> {
    let columns = state.store.list_live_columns(caller.session.id).await?;
    Ok(Json(
        columns
            .into_iter()
            .map(|c| ColumnResponse {
                id: c.id.as_uuid(),
                prompt: c.prompt.as_str().to_owned(),
            })
            .collect(),
    ))
}

/// Body of `POST .../columns`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ColumnRequest {
    /// The question (1 to 200 characters).
    pub prompt: Text<1, 200>,
}

/// Adds a question after the others (owners and facilitators).
#[utoipa::path(
    post,
    path = "/api/v1/sessions/{session_id}/columns",
    tag = "live",
    params(("session_id" = Uuid, Path, description = "The session")),
    request_body = ColumnRequest,
    responses((status = 201, description = "Added", body = ColumnResponse), WorkspaceErrors, JsonBodyErrors)
)]
pub async fn add_column(
    State(state): State<AppState>,
    access: SessionAccess,
    ApiJson(body): ApiJson<ColumnRequest>,
) -> Result<(StatusCode, Json<ColumnResponse>), AppError> {
    let prompt = ColumnPrompt::parse(&body.prompt.0)?;
    let column = state
        .store
        .add_live_column(access.session.id, &prompt)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(ColumnResponse {
            id: column.id.as_uuid(),
            prompt: column.prompt.as_str().to_owned(),
        }),
    ))
}

/// Body of `POST .../notes/{note_id}/move`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoveRequest {
    /// The theme to put the note under; `null` takes it out of any.
    pub theme_id: Option<Uuid>,
}

/// Puts a note under a theme. Facilitators move any note; a participant
/// moves any note while the board is open for grouping and only their own
/// while it is locked (409 `session_locked`).
#[utoipa::path(
    post,
    path = "/api/v1/sessions/{session_id}/notes/{note_id}/move",
    tag = "live",
    params(
        ("session_id" = Uuid, Path, description = "The session"),
        ("note_id" = Uuid, Path, description = "The note"),
    ),
    request_body = MoveRequest,
    responses(
        (status = 204, description = "Moved"),
        WorkspaceErrors,
        JsonBodyErrors,
        (status = 409, description = "The board is locked or the session closed", body = ErrorResponse),
        (status = 429, description = "Too many posts", body = ErrorResponse),
    )
)]
pub async fn move_note(
    State(state): State<AppState>,
    chrome: Chrome,
    caller: SessionCaller,
    Path(params): Path<HashMap<String, String>>,
    ApiJson(body): ApiJson<MoveRequest>,
) -> Result<Response, AppError> {
    let note = note_in_path(&params)?;
    let by = match &caller.who {
        SessionRole::Participant(p) => {
            if let Err(wait) = state.post_limits.check(p.id) {
                return Ok(rate_limited(&chrome, ErrorCode::PostRateLimited, wait));
            }
            Some(p.id)
        }
        SessionRole::Member { .. } if caller.who.facilitates() => None,
        SessionRole::Member { .. } => return Err(AppError::forbidden()),
    };
    state
        .store
        .move_live_note(
            caller.session.id,
            note,
            body.theme_id.map(ThemeId::from),
            by,
        )
        .await
        .map_err(|e| match e {
            // The note is in the path (404); a theme of another session is
            // a bad field.
            StoreError::NotFound if body.theme_id.is_some() => {
                AppError::invalid("theme_id", ErrorCode::InvalidFields)
            }
            other => other.into(),
        })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A participant takes back their own note (while the session is open); the
/// votes it had go back to those who gave them. Anyone else's note is 403
/// `not_your_note`: facilitators hide notes with a reason instead.
#[utoipa::path(
    delete,
    path = "/api/v1/sessions/{session_id}/notes/{note_id}",
    tag = "live",
    params(
        ("session_id" = Uuid, Path, description = "The session"),
        ("note_id" = Uuid, Path, description = "The note"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        WorkspaceErrors,
        (status = 409, description = "The session is closed", body = ErrorResponse),
    )
)]
pub async fn delete_note(
    State(state): State<AppState>,
    caller: SessionCaller,
    Path(params): Path<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let note = note_in_path(&params)?;
    let SessionRole::Participant(participant) = &caller.who else {
        return Err(AppError::new(StatusCode::FORBIDDEN, ErrorCode::NotYourNote));
    };
    state
        .store
        .delete_live_note(caller.session.id, note, participant.id)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Body of `POST .../notes/{note_id}/merge`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeRequest {
    /// The note it repeats, which keeps standing and gets its votes.
    pub into: Uuid,
}

/// Merges a duplicate into the note it repeats (owners and facilitators):
/// its votes go there and its writer sees where it went. 409
/// `cannot_merge` for the same note, a merged or a hidden one.
#[utoipa::path(
    post,
    path = "/api/v1/sessions/{session_id}/notes/{note_id}/merge",
    tag = "live",
    params(
        ("session_id" = Uuid, Path, description = "The session"),
        ("note_id" = Uuid, Path, description = "The duplicate"),
    ),
    request_body = MergeRequest,
    responses(
        (status = 204, description = "Merged"),
        WorkspaceErrors,
        JsonBodyErrors,
        (status = 409, description = "Cannot be merged", body = ErrorResponse),
    )
)]
pub async fn merge_note(
    State(state): State<AppState>,
    access: SessionAccess,
    Path(params): Path<HashMap<String, String>>,
    body: Result<ApiJson<MergeRequest>, AppError>,
) -> Result<Response, AppError> {
    let note = note_in_path(&params)?;
    // Another session's note is missing, whatever the body says.
    if !state
        .store
        .live_note_exists(access.session.id, note)
        .await?
    {
        return Err(AppError::not_found());
    }
    let ApiJson(body) = body?;
    state
        .store
        .merge_live_note(access.session.id, note, NoteId::from(body.into))
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Body of `POST .../lock`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LockRequest {
    /// `true`: participants move only their own notes; `false`: everyone
    /// may group notes into themes.
    pub locked: bool,
}

/// Locks or opens the board for participants' grouping (owners and
/// facilitators).
#[utoipa::path(
    post,
    path = "/api/v1/sessions/{session_id}/lock",
    tag = "live",
    params(("session_id" = Uuid, Path, description = "The session")),
    request_body = LockRequest,
    responses((status = 200, description = "Changed", body = SessionResponse), WorkspaceErrors, JsonBodyErrors)
)]
pub async fn lock(
    State(state): State<AppState>,
    access: SessionAccess,
    origin: LinkOrigin,
    ApiJson(body): ApiJson<LockRequest>,
) -> Result<Json<SessionResponse>, AppError> {
    let session = state
        .store
        .set_live_lock(access.session.workspace_id, access.session.id, body.locked)
        .await?;
    Ok(Json(SessionResponse::new(&session, &origin)))
}
