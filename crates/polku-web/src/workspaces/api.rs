//! `/api/v1/workspaces`: list, create and read workspaces, and their members
//! (list, change a role, remove). People join through invitations.

use axum::Json;
use axum::extract::Path;
use axum::extract::State;
use axum::http::StatusCode;
use polku_app::members::{change_role, remove_member as remove_member_rule};
use polku_domain::{DevelopmentGroup, Member, Role, UserId, Workspace, WorkspaceName};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use utoipa::ToSchema;
use uuid::Uuid;

use super::member_path::MemberInPath;
use crate::base::access::WorkspaceAccess;
use crate::base::caller::SignedIn;
use crate::base::error::{
    AppError, ErrorResponse, JsonBodyErrors, SignedInErrors, WorkspaceErrors,
};
use crate::base::extract::ApiJson;
use crate::base::schema::{RoleText, Text};
use crate::base::state::AppState;

/// A workspace as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct WorkspaceResponse {
    /// Its id.
    pub id: Uuid,
    /// Its name.
    pub name: String,
    /// When it was created (RFC 3339).
    pub created_at: String,
    /// The caller's role in it: `owner`, `facilitator` or `viewer`; absent
    /// where an admin sees a workspace without being a member.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

impl WorkspaceResponse {
    fn new(workspace: &Workspace, role: Option<Role>) -> Self {
        Self {
            id: workspace.id.as_uuid(),
            name: workspace.name.as_str().to_owned(),
            created_at: workspace.created_at.format(&Rfc3339).unwrap_or_default(),
            role: role.map(|r| r.as_str().to_owned()),
        }
    }
}

/// A development group's name in the three languages.
#[derive(Serialize, ToSchema)]
pub struct GroupResponse {
    /// Its id.
    pub id: Uuid,
    /// Finnish name.
    pub name_fi: String,
    /// Swedish name, if written.
    pub name_sv: Option<String>,
    /// English name, if written.
    pub name_en: Option<String>,
}

impl From<&DevelopmentGroup> for GroupResponse {
    fn from(group: &DevelopmentGroup) -> Self {
        Self {
            id: group.id.as_uuid(),
            name_fi: group.details.name.fi.clone(),
            name_sv: group.details.name.sv.clone(),
            name_en: group.details.name.en.clone(),
        }
    }
}

/// A workspace with its development groups.
#[derive(Serialize, ToSchema)]
pub struct WorkspaceDetailResponse {
    /// The workspace.
    #[serde(flatten)]
    pub workspace: WorkspaceResponse,
    /// Its development groups.
    pub groups: Vec<GroupResponse>,
}

/// Body of `POST /api/v1/workspaces`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWorkspaceRequest {
    /// The new workspace's name, 1 to 120 characters.
    pub name: Text<1, { WorkspaceName::MAX_CHARS }>,
}

/// The caller's workspaces (every workspace for an admin), by name.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces",
    tag = "workspaces",
    responses(
        (status = 200, description = "The caller's workspaces", body = [WorkspaceResponse]),
        SignedInErrors,
    )
)]
pub async fn list_workspaces(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
) -> Result<Json<Vec<WorkspaceResponse>>, AppError> {
    let workspaces = state.store.list_workspaces_for(&user).await?;
    Ok(Json(
        workspaces
            .iter()
            .map(|(w, role)| WorkspaceResponse::new(w, *role))
            .collect(),
    ))
}

/// Creates a workspace with the caller as its owner.
#[utoipa::path(
    post,
    path = "/api/v1/workspaces",
    tag = "workspaces",
    request_body = CreateWorkspaceRequest,
    responses(
        (status = 201, description = "Created", body = WorkspaceResponse),
        SignedInErrors,
        JsonBodyErrors,
    )
)]
pub async fn create_workspace(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ApiJson(body): ApiJson<CreateWorkspaceRequest>,
) -> Result<(StatusCode, Json<WorkspaceResponse>), AppError> {
    let name = WorkspaceName::parse(&body.name.0)?;
    let workspace = state.store.create_workspace(&name, user.id).await?;
    Ok((
        StatusCode::CREATED,
        Json(WorkspaceResponse::new(&workspace, Some(Role::Owner))),
    ))
}

/// One workspace with its development groups.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses(
        (status = 200, description = "The workspace", body = WorkspaceDetailResponse),
        WorkspaceErrors,
    )
)]
pub async fn get_workspace(
    State(state): State<AppState>,
    access: WorkspaceAccess,
) -> Result<Json<WorkspaceDetailResponse>, AppError> {
    let groups = state.store.list_groups(access.workspace.id).await?;
    Ok(Json(WorkspaceDetailResponse {
        workspace: WorkspaceResponse::new(&access.workspace, Some(access.role)),
        groups: groups.iter().map(GroupResponse::from).collect(),
    }))
}

/// A member as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct MemberResponse {
    /// The account's id.
    pub user_id: Uuid,
    /// Display name.
    pub name: String,
    /// E-mail address; shown to owners and facilitators only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `owner`, `facilitator` or `viewer`.
    pub role: String,
}

impl MemberResponse {
    /// `member` as a caller with role `reader` may see it: viewers do not see
    /// e-mail addresses.
    fn new(member: &Member, reader: Role) -> Self {
        Self {
            user_id: member.user_id.as_uuid(),
            name: member.name.as_str().to_owned(),
            email: reader
                .can_manage_members()
                .then(|| member.email.as_str().to_owned()),
            role: member.role.as_str().to_owned(),
        }
    }
}

/// Body of `PATCH .../members/{user_id}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeRoleRequest {
    /// The new role: `owner`, `facilitator` or `viewer`.
    pub role: RoleText,
}

/// The workspace's members, owners first (e-mail addresses for owners and
/// facilitators only).
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/members",
    tag = "workspaces",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses(
        (status = 200, description = "The members", body = [MemberResponse]),
        WorkspaceErrors,
    )
)]
pub async fn list_members(
    State(state): State<AppState>,
    access: WorkspaceAccess,
) -> Result<Json<Vec<MemberResponse>>, AppError> {
    let members = state.store.list_members(access.workspace.id).await?;
    Ok(Json(
        members
            .iter()
            .map(|m| MemberResponse::new(m, access.role))
            .collect(),
    ))
}

/// Changes a member's role (owners and facilitators; only owners give or
/// take the owner role; the last owner keeps it).
#[utoipa::path(
    patch,
    path = "/api/v1/workspaces/{workspace_id}/members/{user_id}",
    tag = "workspaces",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("user_id" = Uuid, Path, description = "The member's account"),
    ),
    request_body = ChangeRoleRequest,
    responses(
        (status = 200, description = "The member with the new role", body = MemberResponse),
        WorkspaceErrors,
        JsonBodyErrors,
        (status = 409, description = "The last owner cannot lose the role", body = ErrorResponse),
    )
)]
pub async fn change_member_role(
    State(state): State<AppState>,
    MemberInPath { access, member }: MemberInPath,
    ApiJson(body): ApiJson<ChangeRoleRequest>,
) -> Result<Json<MemberResponse>, AppError> {
    let role: Role = body.role.0.parse()?;
    let member = change_role(
        &state.store,
        access.workspace.id,
        access.acting(),
        member.user_id,
        role,
    )
    .await?;
    Ok(Json(MemberResponse::new(&member, access.role)))
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
        WorkspaceErrors,
        (status = 409, description = "The last owner cannot be removed", body = ErrorResponse),
    )
)]
pub async fn remove_member(
    State(state): State<AppState>,
    access: WorkspaceAccess,
    Path((_, user_id)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    let user_id: UserId = user_id.parse().map_err(|_| AppError::not_found())?;
    remove_member_rule(&state.store, access.workspace.id, access.acting(), user_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
