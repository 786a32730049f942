//! `/api/v1/workspaces/{workspace_id}/members`: who is in a workspace.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use polku_domain::{Email, Member, Role, UserId};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::ApiJson;
use crate::access::WorkspaceAccess;
use crate::error::{AppError, ErrorResponse};
use crate::members::{add_member_by_email, remove_member as remove_member_rule};
use crate::state::AppState;

/// A member as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct MemberResponse {
    /// The account's id.
    pub user_id: Uuid,
    /// Display name.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// `owner`, `facilitator` or `viewer`.
    pub role: String,
}

impl From<&Member> for MemberResponse {
    fn from(member: &Member) -> Self {
        Self {
            user_id: member.user_id.as_uuid(),
            name: member.name.as_str().to_owned(),
            email: member.email.as_str().to_owned(),
            role: member.role.as_str().to_owned(),
        }
    }
}

/// Body of `POST .../members`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddMemberRequest {
    /// E-mail of an existing account.
    pub email: String,
    /// `owner`, `facilitator` or `viewer`.
    pub role: String,
}

/// The workspace's members, owners first.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/members",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses(
        (status = 200, description = "The members", body = [MemberResponse]),
        (status = 401, description = "No or bad credentials", body = ErrorResponse),
        (status = 403, description = "Not a member", body = ErrorResponse),
        (status = 404, description = "No such workspace", body = ErrorResponse),
    )
)]
pub async fn list_members(
    State(state): State<AppState>,
    access: WorkspaceAccess,
) -> Result<Json<Vec<MemberResponse>>, AppError> {
    let members = state.store.list_members(access.workspace.id).await?;
    Ok(Json(members.iter().map(MemberResponse::from).collect()))
}

/// Adds an existing account to the workspace (owners and facilitators).
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/members",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = AddMemberRequest,
    responses(
        (status = 201, description = "Added", body = MemberResponse),
        (status = 401, description = "No or bad credentials", body = ErrorResponse),
        (status = 403, description = "May not manage members or grant this role", body = ErrorResponse),
        (status = 404, description = "No such workspace", body = ErrorResponse),
        (status = 409, description = "Already a member", body = ErrorResponse),
        (status = 422, description = "Invalid e-mail or role, or no such account", body = ErrorResponse),
    )
)]
pub async fn add_member(
    State(state): State<AppState>,
    access: WorkspaceAccess,
    ApiJson(body): ApiJson<AddMemberRequest>,
) -> Result<(StatusCode, Json<MemberResponse>), AppError> {
    let email = Email::parse(&body.email)?;
    let role: Role = body.role.parse()?;
    let member = add_member_by_email(&state.store, &access, &email, role).await?;
    Ok((StatusCode::CREATED, Json(MemberResponse::from(&member))))
}

/// Removes a member (owners and facilitators; only owners remove owners; the
/// last owner stays).
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/members/{user_id}",
    tag = "workspaces",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("user_id" = Uuid, Path, description = "The member's account"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No or bad credentials", body = ErrorResponse),
        (status = 403, description = "May not remove this member", body = ErrorResponse),
        (status = 404, description = "No such workspace or member", body = ErrorResponse),
        (status = 409, description = "The last owner cannot be removed", body = ErrorResponse),
    )
)]
pub async fn remove_member(
    State(state): State<AppState>,
    access: WorkspaceAccess,
    Path((_, user_id)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    let user_id: UserId = user_id.parse().map_err(|_| AppError::not_found())?;
    remove_member_rule(&state.store, &access, user_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
