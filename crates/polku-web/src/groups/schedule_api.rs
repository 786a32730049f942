//! `.../series/{series_id}/workshops` and `.../periods`: a series' schedule
//! through the API: add, replace and remove workshops, add and remove
//! data-collection periods. A closed series answers 409 `series_closed`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use polku_domain::{
    CollectionPeriod, ErrorCode, Method, NewCollectionPeriod, NewWorkshop, Workshop,
};
use serde::{Deserialize, Serialize};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};
use uuid::Uuid;

use super::in_path::{PeriodInPath, SeriesInPath, WorkshopInPath};
use crate::base::error::{AppError, ErrorResponse, JsonBodyErrors, WorkspaceErrors};
use crate::base::extract::ApiJson;
use crate::base::schema::{Line, Lines};
use crate::base::state::AppState;

/// A moment as RFC 3339 text.
pub(super) fn rfc3339(at: time::OffsetDateTime) -> String {
    at.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// A time of day `HH:MM`, as a facilitator in Finland reads the clock.
const TIME_PATTERN: &str = r"^([01][0-9]|2[0-3]):[0-5][0-9]$";

/// A time of day, `HH:MM`.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct TimeText(pub String);

impl PartialSchema for TimeText {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(TIME_PATTERN))
            .into()
    }
}

impl ToSchema for TimeText {}

/// A method of the library by name: one of [`Method::ALL`].
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct MethodText(pub String);

impl PartialSchema for MethodText {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(Method::ALL.iter().map(|m| m.as_str())))
            .into()
    }
}

impl ToSchema for MethodText {}

/// One agenda item: a method of the library (with an optional note), or
/// the facilitator's own text. An item with neither is left out.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgendaItemRequest {
    /// The method, if one from the library.
    #[serde(default)]
    #[schema(nullable)]
    pub method: Option<MethodText>,
    /// The facilitator's own text, or a note on the method.
    #[serde(default)]
    pub text: Line<{ NewWorkshop::AGENDA_TEXT_MAX }>,
}

/// Body of `POST .../workshops` and `PUT .../workshops/{workshop_id}`: the
/// whole workshop; fields left out are empty.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkshopRequest {
    /// The day, `YYYY-MM-DD`, in Finland.
    #[schema(format = Date)]
    pub date: String,
    /// When it starts, `HH:MM` in Finnish time.
    pub time: TimeText,
    /// How long it lasts, in minutes.
    // Read as a number: JSON Schema counts `90.0` as an integer too.
    #[schema(value_type = u16, minimum = 1, maximum = 720)]
    pub duration_minutes: f64,
    /// Where: an address or a link.
    #[serde(default)]
    pub place: Line<{ NewWorkshop::PLACE_MAX }>,
    /// The agenda, in order, at most 20 items.
    #[serde(default)]
    #[schema(max_items = 20)]
    pub agenda: Vec<AgendaItemRequest>,
}

impl WorkshopRequest {
    fn parse(&self) -> Result<NewWorkshop, AppError> {
        if self.agenda.len() > NewWorkshop::AGENDA_MAX {
            return Err(AppError::invalid("agenda", ErrorCode::TooManyAgendaItems));
        }
        let agenda: Vec<(String, String)> = self
            .agenda
            .iter()
            .map(|item| {
                (
                    item.method.clone().map(|m| m.0).unwrap_or_default(),
                    item.text.0.clone(),
                )
            })
            .collect();
        NewWorkshop::parse(
            &self.date,
            &self.time.0,
            &minutes(self.duration_minutes),
            &self.place.0,
            &agenda,
        )
        .map_err(first_error)
    }
}

/// A whole number of minutes as the domain reads it from a form; anything
/// else as text the domain refuses.
fn minutes(value: f64) -> String {
    if value.fract() == 0.0 && (0.0..=f64::from(u16::MAX)).contains(&value) {
        format!("{value:.0}")
    } else {
        "-".to_owned()
    }
}

/// The first of a form's validation errors, as the API answers it.
fn first_error(errors: Vec<polku_domain::ValidationError>) -> AppError {
    match errors.into_iter().next() {
        Some(first) => first.into(),
        None => AppError::internal("a refused value without an error"),
    }
}

/// An agenda item as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct AgendaItemResponse {
    /// The method, if one from the library.
    pub method: Option<String>,
    /// The facilitator's own text, or a note on the method.
    pub text: String,
}

/// A workshop as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct WorkshopResponse {
    /// Its id (also its calendar UID, `{id}@polku`).
    pub id: Uuid,
    /// The day in Finland, `YYYY-MM-DD`.
    pub date: String,
    /// When it starts in Finnish time, `HH:MM`.
    pub time: String,
    /// When it starts (RFC 3339, UTC).
    pub starts_at: String,
    /// When it ends (RFC 3339, UTC).
    pub ends_at: String,
    /// How long it lasts, in minutes.
    pub duration_minutes: u16,
    /// Where.
    pub place: String,
    /// Its agenda, in order.
    pub agenda: Vec<AgendaItemResponse>,
}

impl From<&Workshop> for WorkshopResponse {
    fn from(workshop: &Workshop) -> Self {
        let d = &workshop.details;
        let (date, time) = d.local_start();
        Self {
            id: workshop.id.as_uuid(),
            date,
            time,
            starts_at: rfc3339(d.starts_at),
            ends_at: rfc3339(d.ends_at()),
            duration_minutes: d.duration_minutes,
            place: d.place.clone(),
            agenda: d
                .agenda
                .iter()
                .map(|item| AgendaItemResponse {
                    method: item.method.map(|m| m.as_str().to_owned()),
                    text: item.text.clone(),
                })
                .collect(),
        }
    }
}

/// Body of `POST .../periods`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodRequest {
    /// The first day, `YYYY-MM-DD`.
    #[schema(format = Date)]
    pub starts_on: String,
    /// The last day, `YYYY-MM-DD`, not before the first.
    #[schema(format = Date)]
    pub ends_on: String,
    /// What is collected, and how; line breaks allowed.
    pub what: Lines<{ NewCollectionPeriod::WHAT_MAX }>,
}

/// A data-collection period as the API shows it.
#[derive(Serialize, ToSchema)]
pub struct PeriodResponse {
    /// Its id.
    pub id: Uuid,
    /// The first day, `YYYY-MM-DD`.
    pub starts_on: String,
    /// The last day, `YYYY-MM-DD`.
    pub ends_on: String,
    /// What is collected, and how.
    pub what: String,
}

impl From<&CollectionPeriod> for PeriodResponse {
    fn from(period: &CollectionPeriod) -> Self {
        let d = &period.details;
        Self {
            id: period.id.as_uuid(),
            starts_on: d.starts_on.to_string(),
            ends_on: d.ends_on.to_string(),
            what: d.what.clone(),
        }
    }
}

/// Adds a workshop to a series (facilitators and owners).
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}/workshops",
    tag = "series",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("group_id" = Uuid, Path, description = "The group"),
        ("series_id" = Uuid, Path, description = "The series"),
    ),
    request_body = WorkshopRequest,
    responses(
        (status = 201, description = "Added", body = WorkshopResponse),
        WorkspaceErrors,
        JsonBodyErrors,
        (status = 409, description = "The series is closed (`series_closed`)", body = ErrorResponse),
    )
)]
pub async fn add_workshop(
    State(state): State<AppState>,
    path: SeriesInPath,
    ApiJson(body): ApiJson<WorkshopRequest>,
) -> Result<(StatusCode, Json<WorkshopResponse>), AppError> {
    let details = body.parse()?;
    let workshop = state
        .store
        .add_workshop(
            path.access.workspace.id,
            path.group.id,
            path.series.id,
            &details,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(WorkshopResponse::from(&workshop))))
}

/// Replaces a workshop's day, time, duration, place and agenda
/// (facilitators and owners); its id and calendar UID stay.
#[utoipa::path(
    put,
    path = "/api/v1/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}/workshops/{workshop_id}",
    tag = "series",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("group_id" = Uuid, Path, description = "The group"),
        ("series_id" = Uuid, Path, description = "The series"),
        ("workshop_id" = Uuid, Path, description = "The workshop"),
    ),
    request_body = WorkshopRequest,
    responses(
        (status = 200, description = "The workshop as saved", body = WorkshopResponse),
        WorkspaceErrors,
        JsonBodyErrors,
        (status = 409, description = "The series is closed (`series_closed`)", body = ErrorResponse),
    )
)]
pub async fn update_workshop(
    State(state): State<AppState>,
    WorkshopInPath { path, workshop }: WorkshopInPath,
    ApiJson(body): ApiJson<WorkshopRequest>,
) -> Result<Json<WorkshopResponse>, AppError> {
    let details = body.parse()?;
    let workshop = state
        .store
        .update_workshop(
            path.access.workspace.id,
            path.group.id,
            path.series.id,
            workshop.id,
            &details,
        )
        .await?;
    Ok(Json(WorkshopResponse::from(&workshop)))
}

/// Removes a workshop and its agenda (facilitators and owners).
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}/workshops/{workshop_id}",
    tag = "series",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("group_id" = Uuid, Path, description = "The group"),
        ("series_id" = Uuid, Path, description = "The series"),
        ("workshop_id" = Uuid, Path, description = "The workshop"),
    ),
    responses(
        (status = 204, description = "Removed"),
        WorkspaceErrors,
        (status = 409, description = "The series is closed (`series_closed`)", body = ErrorResponse),
    )
)]
pub async fn remove_workshop(
    State(state): State<AppState>,
    WorkshopInPath { path, workshop }: WorkshopInPath,
) -> Result<StatusCode, AppError> {
    state
        .store
        .remove_workshop(
            path.access.workspace.id,
            path.group.id,
            path.series.id,
            workshop.id,
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds a data-collection period to a series (facilitators and owners).
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}/periods",
    tag = "series",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("group_id" = Uuid, Path, description = "The group"),
        ("series_id" = Uuid, Path, description = "The series"),
    ),
    request_body = PeriodRequest,
    responses(
        (status = 201, description = "Added", body = PeriodResponse),
        WorkspaceErrors,
        JsonBodyErrors,
        (status = 409, description = "The series is closed (`series_closed`)", body = ErrorResponse),
    )
)]
pub async fn add_period(
    State(state): State<AppState>,
    path: SeriesInPath,
    ApiJson(body): ApiJson<PeriodRequest>,
) -> Result<(StatusCode, Json<PeriodResponse>), AppError> {
    let details = NewCollectionPeriod::parse(&body.starts_on, &body.ends_on, &body.what.0)
        .map_err(first_error)?;
    let period = state
        .store
        .add_collection_period(
            path.access.workspace.id,
            path.group.id,
            path.series.id,
            &details,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(PeriodResponse::from(&period))))
}

/// Removes a data-collection period (facilitators and owners).
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}/periods/{period_id}",
    tag = "series",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("group_id" = Uuid, Path, description = "The group"),
        ("series_id" = Uuid, Path, description = "The series"),
        ("period_id" = Uuid, Path, description = "The data-collection period"),
    ),
    responses(
        (status = 204, description = "Removed"),
        WorkspaceErrors,
        (status = 409, description = "The series is closed (`series_closed`)", body = ErrorResponse),
    )
)]
pub async fn remove_period(
    State(state): State<AppState>,
    PeriodInPath { path, period }: PeriodInPath,
) -> Result<StatusCode, AppError> {
    state
        .store
        .remove_collection_period(
            path.access.workspace.id,
            path.group.id,
            path.series.id,
            period.id,
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
