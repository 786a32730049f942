//! The accessibility statement (saavutettavuusseloste) required of public services.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::{Chrome, render_page};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "accessibility.html")]
struct AccessibilityPage {
    chrome: Chrome,
    feedback_email: String,
}

pub(super) async fn show(State(state): State<AppState>, chrome: Chrome) -> Response {
    let page = AccessibilityPage {
        chrome,
        feedback_email: state.config.accessibility_feedback_email.clone(),
    };
    render_page(StatusCode::OK, &page)
}
