//! Removing a workshop or a data-collection period from a series: asked on
//! a page of its own (GET) with the button and a way back, done by the POST
//! (decision 0009). While the series is closed the page says so and offers
//! no button.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::in_path::{PeriodInPath, WorkshopInPath};
use super::series::{SeriesTrail, back, closed_summary};
use super::urls::{self, Notice};
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::forms::ErrorSummary;
use crate::base::render::render_page;
use crate::base::state::AppState;

#[derive(Template)]
#[template(path = "groups/remove.html")]
struct RemovePage {
    chrome: Chrome,
    trail: SeriesTrail,
    title: String,
    what: String,
    submit: String,
    action: String,
    error_summary: ErrorSummary,
}

/// `GET .../workshops/{workshop_id}/remove`.
pub(super) async fn confirm_workshop(
    chrome: Chrome,
    WorkshopInPath { path, workshop }: WorkshopInPath,
) -> Response {
    let t = chrome.t;
    let workspace = path.access.workspace.id;
    let when = t.date_time(workshop.details.starts_at);
    let (status, error_summary) = closed_summary(&path, &chrome);
    let page = RemovePage {
        trail: SeriesTrail::of(&path, &chrome),
        title: t.with("series-remove-workshop-title", &[("when", &when)]),
        what: t.get("series-remove-workshop-what"),
        submit: t.get("series-remove-workshop-submit"),
        action: urls::remove_workshop(workspace, path.group.id, path.series.id, workshop.id),
        error_summary,
        chrome,
    };
    render_page(status, &page)
}

/// `POST .../workshops/{workshop_id}/remove`.
pub(super) async fn remove_workshop(
    State(state): State<AppState>,
    WorkshopInPath { path, workshop }: WorkshopInPath,
) -> Result<Response, AppError> {
    state
        .store
        .remove_workshop(
            path.access.workspace.id,
            path.group.id,
            path.series.id,
            workshop.id,
        )
        .await?;
    Ok(back(&path, Notice::WorkshopRemoved))
}

/// `GET .../periods/{period_id}/remove`.
pub(super) async fn confirm_period(
    chrome: Chrome,
    PeriodInPath { path, period }: PeriodInPath,
) -> Response {
    let t = chrome.t;
    let workspace = path.access.workspace.id;
    let dates = format!(
        "{} – {}",
        t.date(period.details.starts_on),
        t.date(period.details.ends_on)
    );
    let (status, error_summary) = closed_summary(&path, &chrome);
    let page = RemovePage {
        trail: SeriesTrail::of(&path, &chrome),
        title: t.with("series-remove-period-title", &[("dates", &dates)]),
        what: t.with(
            "series-remove-period-what",
            &[("what", &period.details.what)],
        ),
        submit: t.get("series-remove-period-submit"),
        action: urls::remove_period(workspace, path.group.id, path.series.id, period.id),
        error_summary,
        chrome,
    };
    render_page(status, &page)
}

/// `POST .../periods/{period_id}/remove`.
pub(super) async fn remove_period(
    State(state): State<AppState>,
    PeriodInPath { path, period }: PeriodInPath,
) -> Result<Response, AppError> {
    state
        .store
        .remove_collection_period(
            path.access.workspace.id,
            path.group.id,
            path.series.id,
            period.id,
        )
        .await?;
    Ok(back(&path, Notice::PeriodRemoved))
}
