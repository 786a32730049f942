//! `.../paths/{path_id}/stages` and `.../touchpoints`: add, rename or edit,
//! reorder and remove a path's stages and the touchpoints in them. An edit
//! of a touchpoint names the version it was based on; a newer one is a 409
//! that carries the touchpoint as it is now.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use polku_domain::paths::{Direction, StageName, TouchpointDetails, TouchpointInput};
use polku_domain::{ErrorCode, Language, StageId};
use polku_store::StoreError;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::api_in_path::{PathInPath, StageInPath, TouchpointInPath};
use super::api_schema::{
    ChannelText, DirectionText, SectorText, StageResponse, TouchpointConflictResponse,
    TouchpointResponse, conflict_response, edit_conflict, first_error,
};
use crate::base::error::{AppError, JsonBodyErrors, WorkspaceErrors};
use crate::base::extract::ApiJson;
use crate::base::schema::{Line, Lines, Text, Whole};
use crate::base::state::AppState;

/// Body of `POST .../stages` and `PUT .../stages/{stage_id}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StageRequest {
    /// Its name, e.g. "Tarpeen tunnistaminen".
    pub name: Text<1, { StageName::MAX_CHARS }>,
}

/// Body of `POST .../stages/{stage_id}/move`, and of a touchpoint's move
/// within its stage.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DirectionRequest {
    /// `earlier` (a stage left, a touchpoint up) or `later`; nothing moves
    /// at the edge.
    pub direction: DirectionText,
}

/// Body of `POST .../touchpoints/{touchpoint_id}/move`: one place up or
/// down in its stage, or to the end of another stage of the path.
#[derive(Deserialize, ToSchema)]
#[serde(untagged)]
pub enum TouchpointMoveRequest {
    /// One place `earlier` (up) or `later` (down); nothing at the edge.
    Step(DirectionRequest),
    /// To the end of another stage.
    ToStage(ToStageRequest),
}

/// To the end of a stage.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ToStageRequest {
    /// The stage of the path to move to.
    pub stage_id: Uuid,
}

/// Experience from -2 (very bad) to 2 (very good).
type ExperienceValue = Whole<-2, 2>;

/// Defines a touchpoint body: `$extra` fields, then everything a
/// touchpoint holds (written once for the two bodies, as serde's `flatten`
/// cannot deny unknown fields).
macro_rules! touchpoint_body {
    ($(#[$doc:meta])* $name:ident { $($(#[$extra_doc:meta])* $extra:ident: $ty:ty,)* }) => {
        $(#[$doc])*
        #[derive(Deserialize, ToSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($(#[$extra_doc])* pub $extra: $ty,)*
            /// The service, e.g. "Aikuissosiaalityön alkuarvio".
            pub service: Text<1, { TouchpointDetails::NAME_MAX }>,
            /// The organisation that provides it.
            #[serde(default)]
            pub provider: Line<{ TouchpointDetails::NAME_MAX }>,
            /// Its sector (the map's lane).
            pub sector: SectorText,
            /// How the client meets it.
            pub channel: ChannelText,
            /// How it felt, from -2 (very bad) to 2 (very good); `null`
            /// when not known.
            #[serde(default)]
            pub experience: Option<ExperienceValue>,
            /// A short quote of how it felt; line breaks allowed.
            #[serde(default)]
            pub quote: Lines<0, { TouchpointDetails::QUOTE_MAX }>,
            /// What the organisations do there that the client does not
            /// see; line breaks allowed.
            #[serde(default)]
            pub backstage: Lines<0, { TouchpointDetails::BACKSTAGE_MAX }>,
        }

        impl $name {
            fn details(&self) -> Result<TouchpointDetails, AppError> {
                TouchpointDetails::parse(&TouchpointInput {
                    service: self.service.0.clone(),
                    provider: self.provider.0.clone(),
                    sector: self.sector.0.clone(),
                    channel: self.channel.0.clone(),
                    experience: ExperienceValue::optional_text(self.experience),
                    quote: self.quote.0.clone(),
                    backstage: self.backstage.0.clone(),
                })
                .map_err(first_error)
            }
        }
    };
}

touchpoint_body!(
    /// Body of `POST .../touchpoints`: a touchpoint at the end of its
    /// stage; fields left out are empty.
    NewTouchpointRequest {
        /// The stage of the path it is in.
        stage_id: Uuid,
    }
);

touchpoint_body!(
    /// Body of `PUT .../touchpoints/{touchpoint_id}`: the whole touchpoint
    /// and the version the edit was based on; fields left out are empty.
    TouchpointRequest {
        /// The version last seen; a newer one is 409 `edit_conflict`.
        #[schema(minimum = 1)]
        version: i64,
    }
);

/// A stage named in the body that is not on the path: 404 on `stage_id`.
fn stage_missing(error: StoreError) -> AppError {
    match error {
        StoreError::NotFound => AppError::not_found().on_field("stage_id"),
        other => other.into(),
    }
}

/// Adds a stage at the end of the path (facilitators and owners).
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/stages",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
    ),
    request_body = StageRequest,
    responses(
        (status = 201, description = "Added", body = StageResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn add_stage(
    State(state): State<AppState>,
    path: PathInPath,
    ApiJson(body): ApiJson<StageRequest>,
) -> Result<(StatusCode, Json<StageResponse>), AppError> {
    let name = StageName::parse(&body.name.0)?;
    let (workspace, id) = path.ids();
    let stage = state.store.add_stage(workspace, id, &name).await?;
    Ok((StatusCode::CREATED, Json(StageResponse::from(&stage))))
}

/// Renames a stage (facilitators and owners).
#[utoipa::path(
    put,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/stages/{stage_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
        ("stage_id" = Uuid, Path, description = "The stage"),
    ),
    request_body = StageRequest,
    responses(
        (status = 200, description = "The stage as saved", body = StageResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn rename_stage(
    State(state): State<AppState>,
    StageInPath { path, stage }: StageInPath,
    ApiJson(body): ApiJson<StageRequest>,
) -> Result<Json<StageResponse>, AppError> {
    let name = StageName::parse(&body.name.0)?;
    let (workspace, id) = path.ids();
    state
        .store
        .rename_stage(workspace, id, stage.id, &name)
        .await?;
    Ok(Json(StageResponse::from(&polku_domain::paths::Stage {
        name,
        ..stage
    })))
}

/// Moves a stage one place earlier or later (facilitators and owners); the
/// path's stages in their new order.
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/stages/{stage_id}/move",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
        ("stage_id" = Uuid, Path, description = "The stage"),
    ),
    request_body = DirectionRequest,
    responses(
        (status = 200, description = "The path's stages in order", body = [StageResponse]),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn move_stage(
    State(state): State<AppState>,
    StageInPath { path, stage }: StageInPath,
    ApiJson(body): ApiJson<DirectionRequest>,
) -> Result<Json<Vec<StageResponse>>, AppError> {
    let direction = body.direction.0.trim().parse::<Direction>()?;
    let (workspace, id) = path.ids();
    state
        .store
        .move_stage(workspace, id, stage.id, direction)
        .await?;
    let structure = state.store.path_structure(workspace, id).await?;
    Ok(Json(
        structure.stages.iter().map(StageResponse::from).collect(),
    ))
}

/// Removes a stage with its touchpoints, their transitions and critical
/// points (facilitators and owners).
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/stages/{stage_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
        ("stage_id" = Uuid, Path, description = "The stage"),
    ),
    responses(
        (status = 204, description = "Removed"),
        WorkspaceErrors,
    )
)]
pub async fn delete_stage(
    State(state): State<AppState>,
    StageInPath { path, stage }: StageInPath,
) -> Result<StatusCode, AppError> {
    let (workspace, id) = path.ids();
    state.store.delete_stage(workspace, id, stage.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds a touchpoint at the end of a stage (facilitators and owners). A
/// stage not on the path is 404 on `stage_id`.
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/touchpoints",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
    ),
    request_body = NewTouchpointRequest,
    responses(
        (status = 201, description = "Added, at version 1", body = TouchpointResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn add_touchpoint(
    State(state): State<AppState>,
    path: PathInPath,
    ApiJson(body): ApiJson<NewTouchpointRequest>,
) -> Result<(StatusCode, Json<TouchpointResponse>), AppError> {
    let details = body.details()?;
    let (workspace, id) = path.ids();
    let touchpoint = state
        .store
        .add_touchpoint(workspace, id, StageId::from(body.stage_id), &details)
        .await
        .map_err(stage_missing)?;
    Ok((
        StatusCode::CREATED,
        Json(TouchpointResponse::from(&touchpoint)),
    ))
}

/// Replaces what a touchpoint holds if it is still at the version sent
/// (facilitators and owners); otherwise 409 `edit_conflict` with the
/// touchpoint as it is now, and nothing is changed.
#[utoipa::path(
    put,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/touchpoints/{touchpoint_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
        ("touchpoint_id" = Uuid, Path, description = "The touchpoint"),
    ),
    request_body = TouchpointRequest,
    responses(
        (status = 200, description = "The touchpoint as saved, with its new version", body = TouchpointResponse),
        WorkspaceErrors,
        JsonBodyErrors,
        (status = 409, description = "Changed since the version sent (`edit_conflict`); `current` is the newer version", body = TouchpointConflictResponse),
    )
)]
pub async fn update_touchpoint(
    State(state): State<AppState>,
    language: Option<Extension<Language>>,
    TouchpointInPath { path, touchpoint }: TouchpointInPath,
    ApiJson(body): ApiJson<TouchpointRequest>,
) -> Result<Response, AppError> {
    let details = body.details()?;
    let (workspace, id) = path.ids();
    let updated = state
        .store
        .update_touchpoint(workspace, id, touchpoint.id, body.version, &details)
        .await;
    let structure = match updated {
        Ok(_) | Err(StoreError::Conflict(ErrorCode::EditConflict)) => {
            state.store.path_structure(workspace, id).await?
        }
        Err(other) => return Err(other.into()),
    };
    let current = structure
        .touchpoint(touchpoint.id)
        .map(TouchpointResponse::from)
        .ok_or_else(AppError::not_found)?;
    if updated.is_ok() {
        return Ok(Json(current).into_response());
    }
    let language = language.map(|Extension(l)| l).unwrap_or_default();
    Ok(conflict_response(TouchpointConflictResponse {
        error: edit_conflict(language),
        current,
    }))
}

/// Moves a touchpoint one place up or down in its stage, or to the end of
/// another stage of the path (facilitators and owners); the touchpoint
/// where it is now.
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/touchpoints/{touchpoint_id}/move",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
        ("touchpoint_id" = Uuid, Path, description = "The touchpoint"),
    ),
    request_body = TouchpointMoveRequest,
    responses(
        (status = 200, description = "The touchpoint where it is now", body = TouchpointResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn move_touchpoint(
    State(state): State<AppState>,
    TouchpointInPath { path, touchpoint }: TouchpointInPath,
    ApiJson(body): ApiJson<TouchpointMoveRequest>,
) -> Result<Json<TouchpointResponse>, AppError> {
    let (workspace, id) = path.ids();
    match body {
        TouchpointMoveRequest::Step(step) => {
            let direction = step.direction.0.trim().parse::<Direction>()?;
            state
                .store
                .move_touchpoint(workspace, id, touchpoint.id, direction)
                .await?;
        }
        TouchpointMoveRequest::ToStage(to) => {
            state
                .store
                .move_touchpoint_to_stage(workspace, id, touchpoint.id, StageId::from(to.stage_id))
                .await
                .map_err(stage_missing)?;
        }
    }
    let structure = state.store.path_structure(workspace, id).await?;
    structure
        .touchpoint(touchpoint.id)
        .map(|t| Json(TouchpointResponse::from(t)))
        .ok_or_else(AppError::not_found)
}

/// Removes a touchpoint with its transitions and critical points
/// (facilitators and owners).
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/touchpoints/{touchpoint_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
        ("touchpoint_id" = Uuid, Path, description = "The touchpoint"),
    ),
    responses(
        (status = 204, description = "Removed"),
        WorkspaceErrors,
    )
)]
pub async fn delete_touchpoint(
    State(state): State<AppState>,
    TouchpointInPath { path, touchpoint }: TouchpointInPath,
) -> Result<StatusCode, AppError> {
    let (workspace, id) = path.ids();
    state
        .store
        .delete_touchpoint(workspace, id, touchpoint.id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
