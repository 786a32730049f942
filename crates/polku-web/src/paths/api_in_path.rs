//! The profile, path, or part of a path named in an API route's path,
//! resolved before any body is read, so another workspace's ids (and
//! another path's parts) are 404 whatever the body.

use std::str::FromStr;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use polku_domain::paths::{
    ClientProfile, CriticalPoint, PathStructure, ServicePath, Stage, Touchpoint, Transition,
};
use polku_domain::{CriticalPointId, PathId, ProfileId, StageId, TouchpointId, TransitionId};

use crate::base::access::WorkspaceAccess;
use crate::base::error::AppError;
use crate::base::extract::path_param;
use crate::base::state::AppState;

/// Extractor: the caller's access to the workspace and its profile
/// `{profile_id}`.
pub(super) struct ProfileInPath {
    pub(super) access: WorkspaceAccess,
    pub(super) profile: ClientProfile,
}

/// Extractor: the caller's access to the workspace and its path
/// `{path_id}`, without the path's structure.
pub(super) struct PathInPath {
    pub(super) access: WorkspaceAccess,
    pub(super) path: ServicePath,
}

/// Extractor: the caller's access and the whole path `{path_id}`.
pub(super) struct StructureInPath {
    pub(super) access: WorkspaceAccess,
    pub(super) structure: PathStructure,
}

/// Extractor: as [`PathInPath`], and the path's stage `{stage_id}`.
pub(super) struct StageInPath {
    pub(super) path: PathInPath,
    pub(super) stage: Stage,
}

/// Extractor: as [`PathInPath`], and the path's touchpoint `{touchpoint_id}`.
pub(super) struct TouchpointInPath {
    pub(super) path: PathInPath,
    pub(super) touchpoint: Touchpoint,
}

/// Extractor: as [`PathInPath`], and the path's transition `{transition_id}`.
pub(super) struct TransitionInPath {
    pub(super) path: PathInPath,
    pub(super) transition: Transition,
}

/// Extractor: as [`PathInPath`], and the path's critical point
/// `{critical_point_id}`.
pub(super) struct CriticalPointInPath {
    pub(super) path: PathInPath,
    pub(super) critical_point: CriticalPoint,
}

impl PathInPath {
    /// The workspace's id and the path's, as every store call takes them.
    pub(super) fn ids(&self) -> (polku_domain::WorkspaceId, PathId) {
        (self.access.workspace.id, self.path.id)
    }
}

impl FromRequestParts<AppState> for ProfileInPath {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let access = WorkspaceAccess::from_request_parts(parts, state).await?;
        let id: ProfileId = path_param(parts, state, "profile_id").await?;
        let profile = state.store.profile(access.workspace.id, id).await?;
        Ok(Self { access, profile })
    }
}

impl FromRequestParts<AppState> for PathInPath {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let access = WorkspaceAccess::from_request_parts(parts, state).await?;
        let id: PathId = path_param(parts, state, "path_id").await?;
        let path = state.store.path(access.workspace.id, id).await?;
        Ok(Self { access, path })
    }
}

impl FromRequestParts<AppState> for StructureInPath {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let access = WorkspaceAccess::from_request_parts(parts, state).await?;
        let id: PathId = path_param(parts, state, "path_id").await?;
        let structure = state.store.path_structure(access.workspace.id, id).await?;
        Ok(Self { access, structure })
    }
}

/// The path `{path_id}` and the part of it that `find` picks by the id in
/// route parameter `param`; 404 when the path has no such part.
async fn part<I: FromStr, T>(
    parts: &mut Parts,
    state: &AppState,
    param: &str,
    find: impl FnOnce(PathStructure, I) -> Option<T>,
) -> Result<(PathInPath, T), AppError> {
    let StructureInPath { access, structure } =
        StructureInPath::from_request_parts(parts, state).await?;
    let id: I = path_param(parts, state, param).await?;
    let path = structure.path.clone();
    let found = find(structure, id).ok_or_else(AppError::not_found)?;
    Ok((PathInPath { access, path }, found))
}

impl FromRequestParts<AppState> for StageInPath {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let (path, stage) = part(parts, state, "stage_id", |s, id: StageId| {
            s.stages.into_iter().find(|stage| stage.id == id)
        })
        .await?;
        Ok(Self { path, stage })
    }
}

impl FromRequestParts<AppState> for TouchpointInPath {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let (path, touchpoint) = part(parts, state, "touchpoint_id", |s, id: TouchpointId| {
            s.touchpoints.into_iter().find(|t| t.id == id)
        })
        .await?;
        Ok(Self { path, touchpoint })
    }
}

impl FromRequestParts<AppState> for TransitionInPath {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let (path, transition) = part(parts, state, "transition_id", |s, id: TransitionId| {
            s.transitions.into_iter().find(|t| t.id == id)
        })
        .await?;
        Ok(Self { path, transition })
    }
}

impl FromRequestParts<AppState> for CriticalPointInPath {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let (path, critical_point) = part(
            parts,
            state,
            "critical_point_id",
            |s, id: CriticalPointId| s.critical_points.into_iter().find(|c| c.id == id),
        )
        .await?;
        Ok(Self {
            path,
            critical_point,
        })
    }
}
