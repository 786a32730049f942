//! `/api/v1/workspaces/{workspace_id}/groups`: list, create, read and
//! update development groups.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use polku_domain::{DevelopmentGroup, ErrorCode, GroupDetails, GroupInput, UserId};
use polku_store::StoreError;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::in_path::GroupInPath;
use super::urls;
use crate::base::access::WorkspaceAccess;
use crate::base::error::{AppError, JsonBodyErrors, WorkspaceErrors};
use crate::base::extract::ApiJson;
use crate::base::schema::{DateOrBlank, Line, Lines, Text, exact_date};
use crate::base::state::AppState;

/// A development group as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct GroupDetailResponse {
    /// Its id.
    pub id: Uuid,
    /// The path of its public invitation page.
    pub invite_path: String,
    /// Finnish name.
    pub name_fi: String,
    /// Swedish name, if written.
    pub name_sv: Option<String>,
    /// English name, if written.
    pub name_en: Option<String>,
    /// Municipality or theme.
    pub area: String,
    /// What the group does.
    pub description: String,
    /// Its ground rules, one per line.
    pub ground_rules: String,
    /// When it agreed on them (`YYYY-MM-DD`).
    pub ground_rules_agreed_on: Option<String>,
    /// How to reach its facilitators (shown on the invitation page).
    pub contact: String,
    /// Account ids of its facilitators.
    pub facilitators: Vec<Uuid>,
}

impl From<&DevelopmentGroup> for GroupDetailResponse {
    fn from(group: &DevelopmentGroup) -> Self {
        let d = &group.details;
        Self {
            id: group.id.as_uuid(),
            invite_path: urls::invite(&group.public_id),
            name_fi: d.name.fi.clone(),
            name_sv: d.name.sv.clone(),
            name_en: d.name.en.clone(),
            area: d.area.clone(),
            description: d.description.clone(),
            ground_rules: d.ground_rules.clone(),
            ground_rules_agreed_on: d.ground_rules_agreed_on.map(|date| date.to_string()),
            contact: d.contact.clone(),
            facilitators: d.facilitators.iter().map(UserId::as_uuid).collect(),
        }
    }
}

/// Body of `POST .../groups` and `PUT .../groups/{group_id}`: the whole
/// group; fields left out are empty.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupRequest {
    /// Finnish name, 1 to 120 characters.
    pub name_fi: Text<1, { GroupDetails::NAME_MAX }>,
    /// Swedish name.
    #[serde(default)]
    pub name_sv: Line<{ GroupDetails::NAME_MAX }>,
    /// English name.
    #[serde(default)]
    pub name_en: Line<{ GroupDetails::NAME_MAX }>,
    /// Municipality or theme.
    #[serde(default)]
    pub area: Line<{ GroupDetails::AREA_MAX }>,
    /// What the group does; line breaks allowed.
    #[serde(default)]
    pub description: Lines<0, { GroupDetails::DESCRIPTION_MAX }>,
    /// Ground rules, one per line.
    #[serde(default)]
    pub ground_rules: Lines<0, { GroupDetails::RULES_MAX }>,
    /// When the ground rules were agreed (`YYYY-MM-DD`); `null` or blank
    /// for not yet.
    #[serde(default)]
    pub ground_rules_agreed_on: Option<DateOrBlank>,
    /// How to reach the facilitators; shown publicly; line breaks allowed.
    #[serde(default)]
    pub contact: Lines<0, { GroupDetails::CONTACT_MAX }>,
    /// Account ids of facilitators: members with the role facilitator or
    /// owner.
    #[serde(default)]
    pub facilitators: Vec<Uuid>,
}

impl GroupRequest {
    fn details(self) -> Result<GroupDetails, AppError> {
        let agreed_on = self.ground_rules_agreed_on.map(|d| d.0).unwrap_or_default();
        let input = GroupInput {
            name_fi: self.name_fi.0,
            name_sv: self.name_sv.0,
            name_en: self.name_en.0,
            area: self.area.0,
            description: self.description.0,
            ground_rules: self.ground_rules.0,
            ground_rules_agreed_on: agreed_on.clone(),
            contact: self.contact.0,
            facilitators: self.facilitators.iter().map(Uuid::to_string).collect(),
        };
        let details =
            GroupDetails::parse(&input).map_err(|errors| match errors.into_iter().next() {
                Some(first) => AppError::from(first),
                None => AppError::internal("a refused group without an error"),
            })?;
        exact_date(&agreed_on, "ground_rules_agreed_on")?;
        Ok(details)
    }
}

/// A facilitator who is not one is a field error, not a conflict.
fn refused(error: StoreError) -> AppError {
    match error {
        StoreError::Conflict(ErrorCode::NotAFacilitator) => {
            AppError::invalid("facilitators", ErrorCode::NotAFacilitator)
        }
        other => other.into(),
    }
}

/// The workspace's development groups, by Finnish name.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/groups",
    tag = "groups",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses(
        (status = 200, description = "The groups", body = [GroupDetailResponse]),
        WorkspaceErrors,
    )
)]
pub async fn list_groups(
    State(state): State<AppState>,
    access: WorkspaceAccess,
) -> Result<Json<Vec<GroupDetailResponse>>, AppError> {
    let groups = state.store.list_groups(access.workspace.id).await?;
    Ok(Json(groups.iter().map(GroupDetailResponse::from).collect()))
}

/// Creates a development group (facilitators and owners).
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/groups",
    tag = "groups",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = GroupRequest,
    responses(
        (status = 201, description = "Created", body = GroupDetailResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn create_group(
    State(state): State<AppState>,
    access: WorkspaceAccess,
    ApiJson(body): ApiJson<GroupRequest>,
) -> Result<(StatusCode, Json<GroupDetailResponse>), AppError> {
    let details = body.details()?;
    let group = state
        .store
        .create_group(access.workspace.id, &details)
        .await
        .map_err(refused)?;
    Ok((StatusCode::CREATED, Json(GroupDetailResponse::from(&group))))
}

/// One development group.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/groups/{group_id}",
    tag = "groups",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("group_id" = Uuid, Path, description = "The group"),
    ),
    responses(
        (status = 200, description = "The group", body = GroupDetailResponse),
        WorkspaceErrors,
    )
)]
pub async fn get_group(
    GroupInPath { group, .. }: GroupInPath,
) -> Result<Json<GroupDetailResponse>, AppError> {
    Ok(Json(GroupDetailResponse::from(&group)))
}

/// Replaces what is written about a group (facilitators and owners).
#[utoipa::path(
    put,
    path = "/api/v1/workspaces/{workspace_id}/groups/{group_id}",
    tag = "groups",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("group_id" = Uuid, Path, description = "The group"),
    ),
    request_body = GroupRequest,
    responses(
        (status = 200, description = "The group as saved", body = GroupDetailResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn update_group(
    State(state): State<AppState>,
    GroupInPath { access, group }: GroupInPath,
    ApiJson(body): ApiJson<GroupRequest>,
) -> Result<Json<GroupDetailResponse>, AppError> {
    let details = body.details()?;
    let group = state
        .store
        .update_group(access.workspace.id, group.id, &details)
        .await
        .map_err(refused)?;
    Ok(Json(GroupDetailResponse::from(&group)))
}
