//! `/api/v1/workspaces`: list, create and read workspaces.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use polku_domain::{DevelopmentGroup, Role, Workspace, WorkspaceName};
use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use utoipa::ToSchema;
use uuid::Uuid;

use super::ApiJson;
use crate::access::WorkspaceAccess;
use crate::auth::SignedIn;
use crate::error::{AppError, ErrorResponse};
use crate::state::AppState;

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
            name_fi: group.name.fi.clone(),
            name_sv: group.name.sv.clone(),
            name_en: group.name.en.clone(),
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
    pub name: String,
}

/// The caller's workspaces (every workspace for an admin), by name.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces",
    tag = "workspaces",
    responses(
        (status = 200, description = "The caller's workspaces", body = [WorkspaceResponse]),
        (status = 401, description = "No or bad credentials", body = ErrorResponse),
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
        (status = 400, description = "Malformed JSON", body = ErrorResponse),
        (status = 401, description = "No or bad credentials", body = ErrorResponse),
        (status = 422, description = "Invalid name", body = ErrorResponse),
    )
)]
pub async fn create_workspace(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    ApiJson(body): ApiJson<CreateWorkspaceRequest>,
) -> Result<(StatusCode, Json<WorkspaceResponse>), AppError> {
    let name = WorkspaceName::parse(&body.name)?;
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
        (status = 401, description = "No or bad credentials", body = ErrorResponse),
        (status = 403, description = "Not a member", body = ErrorResponse),
        (status = 404, description = "No such workspace", body = ErrorResponse),
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
