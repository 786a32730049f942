//! `/api/v1/workspaces/{workspace_id}/groups/{group_id}/series`: list,
//! create, read (with workshops and data-collection periods), rename or
//! move to another phase, close and reopen a group's workshop series.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use polku_domain::{Phase, SeriesName, WorkshopSeries};
use serde::{Deserialize, Serialize};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};
use uuid::Uuid;

use super::in_path::{GroupInPath, SeriesInPath};
use super::schedule_api::{PeriodResponse, WorkshopResponse, rfc3339};
use crate::base::error::{AppError, ErrorResponse, JsonBodyErrors, WorkspaceErrors};
use crate::base::extract::ApiJson;
use crate::base::schema::Text;
use crate::base::state::AppState;

/// A series as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct SeriesResponse {
    /// Its id.
    pub id: Uuid,
    /// The group it belongs to.
    pub group_id: Uuid,
    /// Its name.
    pub name: String,
    /// The phase it is in: `initial_coaching`, `current_state`,
    /// `primary_needs`, `ideation`, `refining`, `pilots` or `evaluation`.
    pub phase: String,
    /// When it was closed (RFC 3339); `null` while it runs. A closed series
    /// takes no changes (409 `series_closed`) until reopened.
    pub closed_at: Option<String>,
}

impl From<&WorkshopSeries> for SeriesResponse {
    fn from(series: &WorkshopSeries) -> Self {
        Self {
            id: series.id.as_uuid(),
            group_id: series.group_id.as_uuid(),
            name: series.name.as_str().to_owned(),
            phase: series.phase.as_str().to_owned(),
            closed_at: series.closed_at.map(rfc3339),
        }
    }
}

/// A series with its workshops (in time order) and data-collection periods
/// (by first day).
#[derive(Serialize, ToSchema)]
pub struct SeriesDetailResponse {
    /// Its id.
    pub id: Uuid,
    /// The group it belongs to.
    pub group_id: Uuid,
    /// Its name.
    pub name: String,
    /// The phase it is in.
    pub phase: String,
    /// When it was closed (RFC 3339); `null` while it runs.
    pub closed_at: Option<String>,
    /// Its workshops.
    pub workshops: Vec<WorkshopResponse>,
    /// Its data-collection periods.
    pub periods: Vec<PeriodResponse>,
}

/// A phase's name: one of [`Phase::ALL`].
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct PhaseText(pub String);

impl PartialSchema for PhaseText {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(Phase::ALL.iter().map(|p| p.as_str())))
            .into()
    }
}

impl ToSchema for PhaseText {}

/// Body of `POST .../series` and `PUT .../series/{series_id}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SeriesRequest {
    /// Its name, 1 to 120 characters.
    pub name: Text<1, { SeriesName::MAX_CHARS }>,
    /// The phase it is in.
    pub phase: PhaseText,
}

impl SeriesRequest {
    fn parse(&self) -> Result<(SeriesName, Phase), AppError> {
        let name = SeriesName::parse(&self.name.0)?;
        let phase = self.phase.0.parse::<Phase>()?;
        Ok((name, phase))
    }
}

/// The series of a group, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/groups/{group_id}/series",
    tag = "series",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("group_id" = Uuid, Path, description = "The group"),
    ),
    responses(
        (status = 200, description = "The series", body = [SeriesResponse]),
        WorkspaceErrors,
    )
)]
pub async fn list_series(
    State(state): State<AppState>,
    GroupInPath { access, group }: GroupInPath,
) -> Result<Json<Vec<SeriesResponse>>, AppError> {
    let series = state
        .store
        .list_series(access.workspace.id, group.id)
        .await?;
    Ok(Json(series.iter().map(SeriesResponse::from).collect()))
}

/// Creates a series in a group (facilitators and owners).
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/groups/{group_id}/series",
    tag = "series",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("group_id" = Uuid, Path, description = "The group"),
    ),
    request_body = SeriesRequest,
    responses(
        (status = 201, description = "Created", body = SeriesResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn create_series(
    State(state): State<AppState>,
    GroupInPath { access, group }: GroupInPath,
    ApiJson(body): ApiJson<SeriesRequest>,
) -> Result<(StatusCode, Json<SeriesResponse>), AppError> {
    let (name, phase) = body.parse()?;
    let series = state
        .store
        .create_series(access.workspace.id, group.id, &name, phase)
        .await?;
    Ok((StatusCode::CREATED, Json(SeriesResponse::from(&series))))
}

/// One series with its workshops and data-collection periods.
#[utoipa::path(
    get,
    path = "/api/v1/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}",
    tag = "series",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("group_id" = Uuid, Path, description = "The group"),
        ("series_id" = Uuid, Path, description = "The series"),
    ),
    responses(
        (status = 200, description = "The series", body = SeriesDetailResponse),
        WorkspaceErrors,
    )
)]
pub async fn get_series(
    State(state): State<AppState>,
    path: SeriesInPath,
) -> Result<Json<SeriesDetailResponse>, AppError> {
    let (workspace, group, series) = (path.access.workspace.id, path.group.id, &path.series);
    let workshops = state
        .store
        .list_workshops(workspace, group, series.id)
        .await?;
    let periods = state
        .store
        .list_collection_periods(workspace, group, series.id)
        .await?;
    let head = SeriesResponse::from(series);
    Ok(Json(SeriesDetailResponse {
        id: head.id,
        group_id: head.group_id,
        name: head.name,
        phase: head.phase,
        closed_at: head.closed_at,
        workshops: workshops.iter().map(WorkshopResponse::from).collect(),
        periods: periods.iter().map(PeriodResponse::from).collect(),
    }))
}

/// Renames a series and sets its phase (facilitators and owners).
#[utoipa::path(
    put,
    path = "/api/v1/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}",
    tag = "series",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("group_id" = Uuid, Path, description = "The group"),
        ("series_id" = Uuid, Path, description = "The series"),
    ),
    request_body = SeriesRequest,
    responses(
        (status = 200, description = "The series as saved", body = SeriesResponse),
        WorkspaceErrors,
        JsonBodyErrors,
        (status = 409, description = "The series is closed (`series_closed`)", body = ErrorResponse),
    )
)]
pub async fn update_series(
    State(state): State<AppState>,
    path: SeriesInPath,
    ApiJson(body): ApiJson<SeriesRequest>,
) -> Result<Json<SeriesResponse>, AppError> {
    let (name, phase) = body.parse()?;
    let series = state
        .store
        .update_series(
            path.access.workspace.id,
            path.group.id,
            path.series.id,
            &name,
            phase,
        )
        .await?;
    Ok(Json(SeriesResponse::from(&series)))
}

/// Closes a series (facilitators and owners): it takes no changes until
/// reopened, and the workspace's retention period (12 months unless set)
/// of its participants' nicknames and return codes starts. Closing a
/// closed series keeps its first closing time.
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}/close",
    tag = "series",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("group_id" = Uuid, Path, description = "The group"),
        ("series_id" = Uuid, Path, description = "The series"),
    ),
    responses(
        (status = 200, description = "The series, closed", body = SeriesResponse),
        WorkspaceErrors,
    )
)]
pub async fn close_series(
    State(state): State<AppState>,
    path: SeriesInPath,
) -> Result<Json<SeriesResponse>, AppError> {
    let series = state
        .store
        .close_series(path.access.workspace.id, path.group.id, path.series.id)
        .await?;
    Ok(Json(SeriesResponse::from(&series)))
}

/// Reopens a closed series (facilitators and owners); a running series
/// stays as it is.
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}/reopen",
    tag = "series",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("group_id" = Uuid, Path, description = "The group"),
        ("series_id" = Uuid, Path, description = "The series"),
    ),
    responses(
        (status = 200, description = "The series, running", body = SeriesResponse),
        WorkspaceErrors,
    )
)]
pub async fn reopen_series(
    State(state): State<AppState>,
    path: SeriesInPath,
) -> Result<Json<SeriesResponse>, AppError> {
    let series = state
        .store
        .reopen_series(path.access.workspace.id, path.group.id, path.series.id)
        .await?;
    Ok(Json(SeriesResponse::from(&series)))
}
