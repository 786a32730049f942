//! The group (and series, workshop or period) named in a route's path,
//! resolved before any body is read, so another workspace's ids are 404
//! whatever the body.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use polku_domain::{CollectionPeriod, DevelopmentGroup, Workshop, WorkshopSeries};

use crate::base::access::WorkspaceAccess;
use crate::base::error::AppError;
use crate::base::extract::path_param;
use crate::base::state::AppState;

/// Extractor: the caller's access to the workspace and its group
/// `{group_id}`; 404 when the group is not in the workspace.
pub(super) struct GroupInPath {
    pub(super) access: WorkspaceAccess,
    pub(super) group: DevelopmentGroup,
}

/// Extractor: as [`GroupInPath`], and the group's series `{series_id}`.
pub(super) struct SeriesInPath {
    pub(super) access: WorkspaceAccess,
    pub(super) group: DevelopmentGroup,
    pub(super) series: WorkshopSeries,
}

/// Extractor: as [`SeriesInPath`], and the series' workshop `{workshop_id}`.
pub(super) struct WorkshopInPath {
    pub(super) path: SeriesInPath,
    pub(super) workshop: Workshop,
}

/// Extractor: as [`SeriesInPath`], and the series' data-collection period
/// `{period_id}`.
pub(super) struct PeriodInPath {
    pub(super) path: SeriesInPath,
    pub(super) period: CollectionPeriod,
}

impl FromRequestParts<AppState> for GroupInPath {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let access = WorkspaceAccess::from_request_parts(parts, state).await?;
        let id = path_param(parts, state, "group_id").await?;
        let group = state.store.group(access.workspace.id, id).await?;
        Ok(Self { access, group })
    }
}

impl FromRequestParts<AppState> for SeriesInPath {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let GroupInPath { access, group } = GroupInPath::from_request_parts(parts, state).await?;
        let id = path_param(parts, state, "series_id").await?;
        let series = state
            .store
            .series(access.workspace.id, group.id, id)
            .await?;
        Ok(Self {
            access,
            group,
            series,
        })
    }
}

impl FromRequestParts<AppState> for WorkshopInPath {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let path = SeriesInPath::from_request_parts(parts, state).await?;
        let id = path_param(parts, state, "workshop_id").await?;
        let workshop = state
            .store
            .workshop(path.access.workspace.id, path.group.id, path.series.id, id)
            .await?;
        Ok(Self { path, workshop })
    }
}

impl FromRequestParts<AppState> for PeriodInPath {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let path = SeriesInPath::from_request_parts(parts, state).await?;
        let id = path_param(parts, state, "period_id").await?;
        let period = state
            .store
            .collection_period(path.access.workspace.id, path.group.id, path.series.id, id)
            .await?;
        Ok(Self { path, period })
    }
}
