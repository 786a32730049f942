//! A workshop's edit page: the workshop form filled with what is stored
//! (its start in Finnish time), saved in place so its calendar UID stays.
//! While the series is closed the page says so and shows no form.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use polku_domain::ErrorCode;
use polku_store::StoreError;

use super::in_path::WorkshopInPath;
use super::series::{SeriesTrail, back, closed_summary};
use super::urls::{self, Notice};
use super::workshop_form::{FORM, MethodHelp, WorkshopFields, WorkshopForm, method_help};
use crate::base::chrome::Chrome;
use crate::base::error::AppError;
use crate::base::extract::PageForm;
use crate::base::forms::{ErrorSummary, FormErrors};
use crate::base::render::render_page;
use crate::base::state::AppState;

#[derive(Template)]
#[template(path = "groups/edit_workshop.html")]
struct EditWorkshopPage {
    chrome: Chrome,
    trail: SeriesTrail,
    title: String,
    action: String,
    show_form: bool,
    workshop_form: WorkshopFields,
    methods: Vec<MethodHelp>,
    error_summary: ErrorSummary,
}

fn render(
    chrome: Chrome,
    WorkshopInPath { path, workshop }: &WorkshopInPath,
    form: &WorkshopForm,
    errors: &FormErrors,
    (status, error_summary): (StatusCode, ErrorSummary),
    show_form: bool,
) -> Response {
    let t = chrome.t;
    let when = t.date_time(workshop.details.starts_at);
    let mut summary = errors.summary(FORM);
    summary.items.extend(error_summary.items);
    let page = EditWorkshopPage {
        trail: SeriesTrail::of(path, &chrome),
        title: t.with("series-edit-workshop-title", &[("when", &when)]),
        action: urls::edit_workshop(
            path.access.workspace.id,
            path.group.id,
            path.series.id,
            workshop.id,
        ),
        show_form,
        workshop_form: WorkshopFields::new(t, form, errors),
        methods: method_help(t),
        error_summary: summary,
        chrome,
    };
    render_page(status, &page)
}

/// `GET .../workshops/{workshop_id}/edit`.
pub(super) async fn edit(chrome: Chrome, found: WorkshopInPath) -> Response {
    let form = WorkshopForm::of(&found.workshop.details);
    let closed = closed_summary(&found.path, &chrome);
    let show_form = closed.1.is_empty();
    render(
        chrome,
        &found,
        &form,
        &FormErrors::default(),
        closed,
        show_form,
    )
}

/// `POST .../workshops/{workshop_id}/edit`: saves, or shows the form again
/// with what was typed and the errors beside their fields.
pub(super) async fn update(
    State(state): State<AppState>,
    chrome: Chrome,
    found: WorkshopInPath,
    PageForm(values): PageForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let form = WorkshopForm::typed(values);
    let path = &found.path;
    let details = match form.parse() {
        Ok(details) => details,
        Err(errors) => {
            let errors = FormErrors::from_validation(&errors, chrome.t);
            let failed = (StatusCode::UNPROCESSABLE_ENTITY, ErrorSummary::default());
            return Ok(render(chrome, &found, &form, &errors, failed, true));
        }
    };
    match state
        .store
        .update_workshop(
            path.access.workspace.id,
            path.group.id,
            path.series.id,
            found.workshop.id,
            &details,
        )
        .await
    {
        Ok(_) => Ok(back(path, Notice::WorkshopSaved)),
        // Closed since the form was opened: keep what was typed in view.
        Err(StoreError::Conflict(ErrorCode::SeriesClosed)) => {
            let closed = (
                StatusCode::CONFLICT,
                ErrorSummary::one(None, chrome.t.error(ErrorCode::SeriesClosed)),
            );
            Ok(render(
                chrome,
                &found,
                &form,
                &FormErrors::default(),
                closed,
                true,
            ))
        }
        Err(e) => Err(e.into()),
    }
}
