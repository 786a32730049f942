//! `/api/v1/workspaces/{workspace_id}/profiles` and `.../paths`: client
//! profiles, and their service paths (as-is, or a to-be copy of one) read
//! whole, retitled and removed.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use polku_domain::paths::{PathDetails, PathVersion, ProfileDetails, ProfileInput};
use polku_domain::{PathId, ProfileId};
use polku_store::StoreError;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::api_in_path::{PathInPath, ProfileInPath, StructureInPath};
use super::api_schema::{
    AgeBandText, DigitalSkillsText, PathGoalText, PathResponse, PathStructureResponse,
    ProfileResponse, first_error,
};
use crate::base::access::WorkspaceAccess;
use crate::base::error::{AppError, JsonBodyErrors, WorkspaceErrors};
use crate::base::extract::ApiJson;
use crate::base::schema::{Line, Lines, Text};
use crate::base::state::AppState;

/// Body of `POST .../profiles` and `PUT .../profiles/{profile_id}`: the
/// whole profile; fields left out are empty. A composite of many clients,
/// never a real person.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileRequest {
    /// Short name, e.g. "Osatyökykyinen Pekka, 50".
    pub name: Text<1, { ProfileDetails::NAME_MAX }>,
    /// Age band.
    pub age_band: AgeBandText,
    /// Life situation; line breaks allowed.
    #[serde(default)]
    pub situation: Lines<0, { ProfileDetails::LONG_MAX }>,
    /// Work ability in the profile's own words; line breaks allowed.
    #[serde(default)]
    pub work_ability: Lines<0, { ProfileDetails::LONG_MAX }>,
    /// Distance to services, e.g. "100 km to specialised health care".
    #[serde(default)]
    pub distance: Line<{ ProfileDetails::SHORT_MAX }>,
    /// Languages spoken.
    #[serde(default)]
    pub languages: Line<{ ProfileDetails::SHORT_MAX }>,
    /// Digital skills.
    pub digital_skills: DigitalSkillsText,
    /// Goals; line breaks allowed.
    #[serde(default)]
    pub goals: Lines<0, { ProfileDetails::LONG_MAX }>,
}

impl ProfileRequest {
    fn details(self) -> Result<ProfileDetails, AppError> {
        ProfileDetails::parse(&ProfileInput {
            name: self.name.0,
            age_band: self.age_band.0,
            situation: self.situation.0,
            work_ability: self.work_ability.0,
            distance: self.distance.0,
            languages: self.languages.0,
            digital_skills: self.digital_skills.0,
            goals: self.goals.0,
        })
        .map_err(first_error)
    }
}

/// Body of `POST .../paths`: a new as-is path of a profile, or a to-be copy
/// of a path.
#[derive(Deserialize, ToSchema)]
#[serde(untagged)]
pub enum NewPathRequest {
    /// An empty as-is path of a profile.
    AsIs(AsIsPathRequest),
    /// A to-be path copied from a path, with its stages, touchpoints,
    /// transitions and critical points.
    ToBe(ToBePathRequest),
}

/// A new, empty as-is path.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AsIsPathRequest {
    /// The profile whose path it is.
    pub profile_id: Uuid,
    /// Its title.
    pub title: Text<1, { PathDetails::TITLE_MAX }>,
    /// Where it leads.
    pub goal: PathGoalText,
}

/// A to-be path: a copy of another path of the workspace.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ToBePathRequest {
    /// The path to copy (usually the profile's as-is path).
    pub copy_of: Uuid,
    /// The copy's title.
    pub title: Text<1, { PathDetails::TITLE_MAX }>,
    /// Where it leads.
    pub goal: PathGoalText,
}

/// Body of `PUT .../paths/{path_id}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PathRequest {
    /// Its title.
    pub title: Text<1, { PathDetails::TITLE_MAX }>,
    /// Where it leads.
    pub goal: PathGoalText,
}

fn path_details(
    title: &Text<1, { PathDetails::TITLE_MAX }>,
    goal: &PathGoalText,
) -> Result<PathDetails, AppError> {
    PathDetails::parse(&title.0, &goal.0).map_err(first_error)
}

/// An id in the body that names nothing in the workspace: 404 on its field.
fn missing(field: &'static str) -> impl FnOnce(StoreError) -> AppError {
    move |error| match error {
        StoreError::NotFound => AppError::not_found().on_field(field),
        other => other.into(),
    }
}

/// The workspace's client profiles, by name.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/profiles",
    tag = "paths",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses(
        (status = 200, description = "The profiles", body = [ProfileResponse]),
        WorkspaceErrors,
    )
)]
pub async fn list_profiles(
    State(state): State<AppState>,
    access: WorkspaceAccess,
) -> Result<Json<Vec<ProfileResponse>>, AppError> {
    let profiles = state.store.list_profiles(access.workspace.id).await?;
    Ok(Json(profiles.iter().map(ProfileResponse::from).collect()))
}

/// Adds a client profile (facilitators and owners).
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/profiles",
    tag = "paths",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = ProfileRequest,
    responses(
        (status = 201, description = "Created", body = ProfileResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn create_profile(
    State(state): State<AppState>,
    access: WorkspaceAccess,
    ApiJson(body): ApiJson<ProfileRequest>,
) -> Result<(StatusCode, Json<ProfileResponse>), AppError> {
    let details = body.details()?;
    let profile = state
        .store
        .create_profile(access.workspace.id, &details)
        .await?;
    Ok((StatusCode::CREATED, Json(ProfileResponse::from(&profile))))
}

/// One client profile.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/profiles/{profile_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("profile_id" = Uuid, Path, description = "The profile"),
    ),
    responses(
        (status = 200, description = "The profile", body = ProfileResponse),
        WorkspaceErrors,
    )
)]
pub async fn get_profile(
    ProfileInPath { profile, .. }: ProfileInPath,
) -> Result<Json<ProfileResponse>, AppError> {
    Ok(Json(ProfileResponse::from(&profile)))
}

/// Replaces what is written about a profile (facilitators and owners).
#[utoipa::path(
    put,
    path = "/api/v1/workspaces/{workspace_id}/profiles/{profile_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("profile_id" = Uuid, Path, description = "The profile"),
    ),
    request_body = ProfileRequest,
    responses(
        (status = 200, description = "The profile as saved", body = ProfileResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn update_profile(
    State(state): State<AppState>,
    ProfileInPath { access, profile }: ProfileInPath,
    ApiJson(body): ApiJson<ProfileRequest>,
) -> Result<Json<ProfileResponse>, AppError> {
    let details = body.details()?;
    let profile = state
        .store
        .update_profile(access.workspace.id, profile.id, &details)
        .await?;
    Ok(Json(ProfileResponse::from(&profile)))
}

/// Removes a profile with all its paths (facilitators and owners).
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/profiles/{profile_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("profile_id" = Uuid, Path, description = "The profile"),
    ),
    responses(
        (status = 204, description = "Removed, with its paths"),
        WorkspaceErrors,
    )
)]
pub async fn delete_profile(
    State(state): State<AppState>,
    ProfileInPath { access, profile }: ProfileInPath,
) -> Result<StatusCode, AppError> {
    state
        .store
        .delete_profile(access.workspace.id, profile.id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The workspace's service paths, profile by profile, as-is first.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/paths",
    tag = "paths",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    responses(
        (status = 200, description = "The paths", body = [PathResponse]),
        WorkspaceErrors,
    )
)]
pub async fn list_paths(
    State(state): State<AppState>,
    access: WorkspaceAccess,
) -> Result<Json<Vec<PathResponse>>, AppError> {
    let paths = state.store.list_paths(access.workspace.id).await?;
    Ok(Json(paths.iter().map(PathResponse::from).collect()))
}

/// Creates an empty as-is path of a profile (`profile_id`), or copies a
/// path as a to-be path (`copy_of`) with everything on it (facilitators
/// and owners). A profile or path not in the workspace is 404 on its field.
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/paths",
    tag = "paths",
    params(("workspace_id" = Uuid, Path, description = "The workspace")),
    request_body = NewPathRequest,
    responses(
        (status = 201, description = "Created", body = PathResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn create_path(
    State(state): State<AppState>,
    access: WorkspaceAccess,
    ApiJson(body): ApiJson<NewPathRequest>,
) -> Result<(StatusCode, Json<PathResponse>), AppError> {
    let workspace = access.workspace.id;
    let path = match body {
        NewPathRequest::AsIs(body) => {
            let details = path_details(&body.title, &body.goal)?;
            let profile = ProfileId::from(body.profile_id);
            state
                .store
                .create_path(workspace, profile, PathVersion::AsIs, &details)
                .await
                .map_err(missing("profile_id"))?
        }
        NewPathRequest::ToBe(body) => {
            let details = path_details(&body.title, &body.goal)?;
            let source = PathId::from(body.copy_of);
            state
                .store
                .copy_as_to_be(workspace, source, &details)
                .await
                .map_err(missing("copy_of"))?
        }
    };
    Ok((StatusCode::CREATED, Json(PathResponse::from(&path))))
}

/// A whole path: stages, touchpoints, transitions and critical points.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
    ),
    responses(
        (status = 200, description = "The path", body = PathStructureResponse),
        WorkspaceErrors,
    )
)]
pub async fn get_path(
    StructureInPath { structure, .. }: StructureInPath,
) -> Result<Json<PathStructureResponse>, AppError> {
    Ok(Json(PathStructureResponse::from(&structure)))
}

/// Retitles a path and sets its goal (facilitators and owners).
#[utoipa::path(
    put,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
    ),
    request_body = PathRequest,
    responses(
        (status = 200, description = "The path as saved", body = PathResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn update_path(
    State(state): State<AppState>,
    path: PathInPath,
    ApiJson(body): ApiJson<PathRequest>,
) -> Result<Json<PathResponse>, AppError> {
    let details = path_details(&body.title, &body.goal)?;
    let (workspace, id) = path.ids();
    state.store.update_path(workspace, id, &details).await?;
    let saved = polku_domain::paths::ServicePath {
        details,
        ..path.path
    };
    Ok(Json(PathResponse::from(&saved)))
}

/// Removes a path with everything on it (facilitators and owners); a to-be
/// copy of it stays.
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
    ),
    responses(
        (status = 204, description = "Removed"),
        WorkspaceErrors,
    )
)]
pub async fn delete_path(
    State(state): State<AppState>,
    path: PathInPath,
) -> Result<StatusCode, AppError> {
    let (workspace, id) = path.ids();
    state.store.delete_path(workspace, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
