//! `.../paths/{path_id}/transitions` and `.../critical_points`: the ways
//! between touchpoints (never in a cycle; an edit names the version it was
//! based on) and the points where clients fall off.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use polku_domain::paths::{
    CriticalPointDetails, CriticalPointInput, TransitionDetails, TransitionInput,
};
use polku_domain::{ErrorCode, Language, TouchpointId};
use polku_store::StoreError;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::api_in_path::{CriticalPointInPath, PathInPath, TransitionInPath};
use super::api_schema::{
    CriticalKindText, CriticalPointResponse, CriticalTargetBody, InfoFlowText,
    TransitionConflictResponse, TransitionResponse, TravelModeText, conflict_response,
    edit_conflict, first_error,
};
use crate::base::error::{AppError, ErrorResponse, JsonBodyErrors, WorkspaceErrors};
use crate::base::extract::ApiJson;
use crate::base::schema::{Line, Lines, Whole};
use crate::base::state::AppState;

/// Waiting days, up to ten years.
type WaitDays = Whole<0, { TransitionDetails::WAIT_MAX_DAYS as i64 }>;
/// Kilometres, up to across Finland and back.
type DistanceKm = Whole<0, { TransitionDetails::DISTANCE_MAX_KM as i64 }>;
/// Of 100 clients, how many.
type Percent = Whole<0, 100>;

/// Defines a transition body: `$extra` fields, then everything a transition
/// holds (written once for the two bodies, as serde's `flatten` cannot deny
/// unknown fields).
macro_rules! transition_body {
    ($(#[$doc:meta])* $name:ident { $($(#[$extra_doc:meta])* $extra:ident: $ty:ty,)* }) => {
        $(#[$doc])*
        #[derive(Deserialize, ToSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($(#[$extra_doc])* pub $extra: $ty,)*
            /// Days from one service to the next; `null` when not known.
            #[serde(default)]
            pub wait_days: Option<WaitDays>,
            /// Kilometres the client travels; `null` when not known.
            #[serde(default)]
            pub distance_km: Option<DistanceKm>,
            /// How the client travels; `null` when not known.
            #[serde(default)]
            pub travel_mode: Option<TravelModeText>,
            /// Whether information passes with the client.
            pub info_flow: InfoFlowText,
            /// Who holds responsibility in between (may be nobody).
            #[serde(default)]
            pub responsible: Line<{ TransitionDetails::RESPONSIBLE_MAX }>,
        }

        impl $name {
            fn details(&self) -> Result<TransitionDetails, AppError> {
                TransitionDetails::parse(&TransitionInput {
                    wait_days: WaitDays::optional_text(self.wait_days),
                    distance_km: DistanceKm::optional_text(self.distance_km),
                    travel_mode: self
                        .travel_mode
                        .as_ref()
                        .map(|m| m.0.clone())
                        .unwrap_or_default(),
                    info_flow: self.info_flow.0.clone(),
                    responsible: self.responsible.0.clone(),
                })
                .map_err(first_error)
            }
        }
    };
}

transition_body!(
    /// Body of `POST .../transitions`: the way from one touchpoint of the
    /// path to another.
    NewTransitionRequest {
        /// The touchpoint the client comes from.
        from: Uuid,
        /// The touchpoint the client goes to next.
        to: Uuid,
    }
);

transition_body!(
    /// Body of `PUT .../transitions/{transition_id}`: the whole transition
    /// (its ends stay) and the version the edit was based on.
    TransitionRequest {
        /// The version last seen; a newer one is 409 `edit_conflict`.
        #[schema(minimum = 1)]
        version: i64,
    }
);

/// Defines a critical point body: `$extra` fields, then everything a
/// critical point holds.
macro_rules! critical_point_body {
    ($(#[$doc:meta])* $name:ident { $($(#[$extra_doc:meta])* $extra:ident: $ty:ty,)* }) => {
        $(#[$doc])*
        #[derive(Deserialize, ToSchema)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($(#[$extra_doc])* pub $extra: $ty,)*
            /// Why people fall off there.
            pub kind: CriticalKindText,
            /// What happens there.
            pub description: Lines<1, { CriticalPointDetails::DESCRIPTION_MAX }>,
            /// Quotes that show it, one per line.
            #[serde(default)]
            pub evidence: Lines<0, { CriticalPointDetails::EVIDENCE_MAX }>,
            /// Of 100 clients, how many fall off here; `null` when not
            /// estimated.
            #[serde(default)]
            pub drop_off_percent: Option<Percent>,
        }

        impl $name {
            fn details(&self) -> Result<CriticalPointDetails, AppError> {
                CriticalPointDetails::parse(&CriticalPointInput {
                    kind: self.kind.0.clone(),
                    description: self.description.0.clone(),
                    evidence: self.evidence.0.clone(),
                    drop_off_percent: Percent::optional_text(self.drop_off_percent),
                })
                .map_err(first_error)
            }
        }
    };
}

critical_point_body!(
    /// Body of `POST .../critical_points`: a critical point on a touchpoint
    /// or a transition of the path; fields left out are empty.
    NewCriticalPointRequest {
        /// The touchpoint or transition it is on.
        target: CriticalTargetBody,
    }
);

critical_point_body!(
    /// Body of `PUT .../critical_points/{critical_point_id}`: all it holds
    /// (its target stays); fields left out are empty.
    CriticalPointRequest {}
);

/// A touchpoint or transition named in the body that is not on the path:
/// 404 on `target`.
fn target_missing(error: StoreError) -> AppError {
    match error {
        StoreError::NotFound => AppError::not_found().on_field("target"),
        other => other.into(),
    }
}

/// Adds a transition between two touchpoints of the path (facilitators and
/// owners); a touchpoint not on the path is 404. One back to where the client already was is 409
/// `transition_cycle`; one that exists, 409 `duplicate`.
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/transitions",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
    ),
    request_body = NewTransitionRequest,
    responses(
        (status = 201, description = "Added, at version 1", body = TransitionResponse),
        WorkspaceErrors,
        JsonBodyErrors,
        (status = 409, description = "It would close a cycle (`transition_cycle`) or exists (`duplicate`)", body = ErrorResponse),
    )
)]
pub async fn add_transition(
    State(state): State<AppState>,
    path: PathInPath,
    ApiJson(body): ApiJson<NewTransitionRequest>,
) -> Result<(StatusCode, Json<TransitionResponse>), AppError> {
    let details = body.details()?;
    let (workspace, id) = path.ids();
    let (from, to) = (TouchpointId::from(body.from), TouchpointId::from(body.to));
    let transition = state
        .store
        .add_transition(workspace, id, from, to, &details)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(TransitionResponse::from(&transition)),
    ))
}

/// Replaces what a transition holds if it is still at the version sent
/// (facilitators and owners); otherwise 409 `edit_conflict` with the
/// transition as it is now, and nothing is changed.
#[utoipa::path(
    put,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/transitions/{transition_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
        ("transition_id" = Uuid, Path, description = "The transition"),
    ),
    request_body = TransitionRequest,
    responses(
        (status = 200, description = "The transition as saved, with its new version", body = TransitionResponse),
        WorkspaceErrors,
        JsonBodyErrors,
        (status = 409, description = "Changed since the version sent (`edit_conflict`); `current` is the newer version", body = TransitionConflictResponse),
    )
)]
pub async fn update_transition(
    State(state): State<AppState>,
    language: Option<Extension<Language>>,
    TransitionInPath { path, transition }: TransitionInPath,
    ApiJson(body): ApiJson<TransitionRequest>,
) -> Result<Response, AppError> {
    let details = body.details()?;
    let (workspace, id) = path.ids();
    let updated = state
        .store
        .update_transition(workspace, id, transition.id, body.version, &details)
        .await;
    let structure = match updated {
        Ok(_) | Err(StoreError::Conflict(ErrorCode::EditConflict)) => {
            state.store.path_structure(workspace, id).await?
        }
        Err(other) => return Err(other.into()),
    };
    let current = structure
        .transition(transition.id)
        .map(TransitionResponse::from)
        .ok_or_else(AppError::not_found)?;
    if updated.is_ok() {
        return Ok(Json(current).into_response());
    }
    let language = language.map(|Extension(l)| l).unwrap_or_default();
    Ok(conflict_response(TransitionConflictResponse {
        error: edit_conflict(language),
        current,
    }))
}

/// Removes a transition with its critical points (facilitators and owners).
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/transitions/{transition_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
        ("transition_id" = Uuid, Path, description = "The transition"),
    ),
    responses(
        (status = 204, description = "Removed"),
        WorkspaceErrors,
    )
)]
pub async fn delete_transition(
    State(state): State<AppState>,
    TransitionInPath { path, transition }: TransitionInPath,
) -> Result<StatusCode, AppError> {
    let (workspace, id) = path.ids();
    state
        .store
        .delete_transition(workspace, id, transition.id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Marks a critical point on a touchpoint or a transition of the path
/// (facilitators and owners). A target not on the path is 404 on `target`.
#[utoipa::path(
    post,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/critical_points",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
    ),
    request_body = NewCriticalPointRequest,
    responses(
        (status = 201, description = "Added", body = CriticalPointResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn add_critical_point(
    State(state): State<AppState>,
    path: PathInPath,
    ApiJson(body): ApiJson<NewCriticalPointRequest>,
) -> Result<(StatusCode, Json<CriticalPointResponse>), AppError> {
    let target = body.target.parse()?;
    let details = body.details()?;
    let (workspace, id) = path.ids();
    let critical = state
        .store
        .add_critical_point(workspace, id, target, &details)
        .await
        .map_err(target_missing)?;
    Ok((
        StatusCode::CREATED,
        Json(CriticalPointResponse::from(&critical)),
    ))
}

/// Replaces what is written about a critical point (facilitators and
/// owners).
#[utoipa::path(
    put,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/critical_points/{critical_point_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
        ("critical_point_id" = Uuid, Path, description = "The critical point"),
    ),
    request_body = CriticalPointRequest,
    responses(
        (status = 200, description = "The critical point as saved", body = CriticalPointResponse),
        WorkspaceErrors,
        JsonBodyErrors,
    )
)]
pub async fn update_critical_point(
    State(state): State<AppState>,
    CriticalPointInPath {
        path,
        critical_point,
    }: CriticalPointInPath,
    ApiJson(body): ApiJson<CriticalPointRequest>,
) -> Result<Json<CriticalPointResponse>, AppError> {
    let details = body.details()?;
    let (workspace, id) = path.ids();
    state
        .store
        .update_critical_point(workspace, id, critical_point.id, &details)
        .await?;
    let saved = polku_domain::paths::CriticalPoint {
        details,
        ..critical_point
    };
    Ok(Json(CriticalPointResponse::from(&saved)))
}

/// Removes a critical point (facilitators and owners).
#[utoipa::path(
    delete,
    path = "/api/v1/workspaces/{workspace_id}/paths/{path_id}/critical_points/{critical_point_id}",
    tag = "paths",
    params(
        ("workspace_id" = Uuid, Path, description = "The workspace"),
        ("path_id" = Uuid, Path, description = "The path"),
        ("critical_point_id" = Uuid, Path, description = "The critical point"),
    ),
    responses(
        (status = 204, description = "Removed"),
        WorkspaceErrors,
    )
)]
pub async fn delete_critical_point(
    State(state): State<AppState>,
    CriticalPointInPath {
        path,
        critical_point,
    }: CriticalPointInPath,
) -> Result<StatusCode, AppError> {
    let (workspace, id) = path.ids();
    state
        .store
        .delete_critical_point(workspace, id, critical_point.id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
