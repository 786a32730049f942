//! Removing a workshop from a series: asked on a page of its own (GET) with
//! the button and a way back, done by the POST (decision 0009).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use polku_domain::{Workshop, WorkshopId};

use super::in_path::SeriesInPath;
use super::urls::{self, Notice};
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::render::render_page;
use crate::base::state::AppState;

/// Extractor: the series of the path and its workshop `{workshop_id}`;
/// 404 when the workshop is not in that series.
pub(super) struct WorkshopInPath {
    path: SeriesInPath,
    workshop: Workshop,
}

impl FromRequestParts<AppState> for WorkshopInPath {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let path = SeriesInPath::from_request_parts(parts, state).await?;
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::not_found())?;
        let id: WorkshopId = params
            .get("workshop_id")
            .and_then(|raw| raw.parse().ok())
            .ok_or_else(AppError::not_found)?;
        let workshop = state
            .store
            .list_workshops(path.access.workspace.id, path.group.id, path.series.id)
            .await?
            .into_iter()
            .find(|w| w.id == id)
            .ok_or_else(AppError::not_found)?;
        Ok(Self { path, workshop })
    }
}

#[derive(Template)]
#[template(path = "groups/remove_workshop.html")]
struct RemoveWorkshopPage {
    chrome: Chrome,
    title: String,
    series_name: String,
    series_url: String,
    action: String,
}

/// `GET .../workshops/{workshop_id}/remove`.
pub(super) async fn confirm(
    chrome: Chrome,
    WorkshopInPath { path, workshop }: WorkshopInPath,
) -> Response {
    let t = chrome.t;
    let workspace = path.access.workspace.id;
    let when = t.date_time(workshop.details.starts_at);
    let page = RemoveWorkshopPage {
        title: t.with("series-remove-workshop-title", &[("when", &when)]),
        series_name: path.series.name.as_str().to_owned(),
        series_url: urls::series(workspace, path.group.id, path.series.id),
        action: urls::remove_workshop(workspace, path.group.id, path.series.id, workshop.id),
        chrome,
    };
    render_page(StatusCode::OK, &page)
}

/// `POST .../workshops/{workshop_id}/remove`.
pub(super) async fn remove(
    State(state): State<AppState>,
    WorkshopInPath { path, workshop }: WorkshopInPath,
) -> Result<Response, AppError> {
    let workspace = path.access.workspace.id;
    state
        .store
        .remove_workshop(workspace, path.group.id, path.series.id, workshop.id)
        .await?;
    let url = urls::series_with_notice(
        workspace,
        path.group.id,
        path.series.id,
        Notice::WorkshopRemoved,
    );
    Ok(Redirect::to(&url).into_response())
}
