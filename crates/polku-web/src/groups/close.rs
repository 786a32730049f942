//! Closing a series, asked first on a page of its own that says what
//! closing means for participants' pseudonyms (decision 0009), and
//! reopening it. The erasure itself runs elsewhere; here a series only
//! gets or loses its `closed_at`.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use polku_app::Arg;

use super::in_path::SeriesInPath;
use super::series::{SeriesTrail, back};
use super::urls::{self, Notice};
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::render::render_page;
use crate::base::state::AppState;

#[derive(Template)]
#[template(path = "groups/close_series.html")]
struct CloseSeriesPage {
    chrome: Chrome,
    trail: SeriesTrail,
    title: String,
    erasure: String,
    action: String,
}

/// `GET .../series/{series_id}/close`: what closing means, and the button;
/// a closed series' page instead.
pub(super) async fn confirm(
    State(state): State<AppState>,
    chrome: Chrome,
    path: SeriesInPath,
) -> Result<Response, AppError> {
    let workspace = path.access.workspace.id;
    if path.series.is_closed() {
        let url = urls::series(workspace, path.group.id, path.series.id);
        return Ok(Redirect::to(&url).into_response());
    }
    let months = state.store.series_retention_months(workspace).await?;
    let t = chrome.t;
    let page = CloseSeriesPage {
        trail: SeriesTrail::of(&path, &chrome),
        title: t.with("series-close-title", &[("name", path.series.name.as_str())]),
        erasure: t.with_args(
            "series-close-erasure",
            &[("months", Arg::Count(u64::from(months)))],
        ),
        action: urls::close_series(workspace, path.group.id, path.series.id),
        chrome,
    };
    Ok(render_page(StatusCode::OK, &page))
}

/// `POST .../series/{series_id}/close` (closing a closed series changes
/// nothing).
pub(super) async fn close(
    State(state): State<AppState>,
    path: SeriesInPath,
) -> Result<Response, AppError> {
    state
        .store
        .close_series(path.access.workspace.id, path.group.id, path.series.id)
        .await?;
    Ok(back(&path, Notice::SeriesClosed))
}

/// `POST .../series/{series_id}/reopen`.
pub(super) async fn reopen(
    State(state): State<AppState>,
    path: SeriesInPath,
) -> Result<Response, AppError> {
    state
        .store
        .reopen_series(path.access.workspace.id, path.group.id, path.series.id)
        .await?;
    Ok(back(&path, Notice::SeriesReopened))
}
