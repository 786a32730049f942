//! The pages that belong to no feature: the front door, the accessibility
//! statement (saavutettavuusseloste), the stylesheet and the favicon.

use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::base::caller::MaybeSignedIn;
use crate::base::chrome::Chrome;
use crate::base::render::render_page;
use crate::base::state::AppState;

#[derive(Template)]
#[template(path = "site/accessibility.html")]
struct AccessibilityPage {
    chrome: Chrome,
    feedback_email: String,
}

/// `GET /accessibility`.
pub(super) async fn accessibility(State(state): State<AppState>, chrome: Chrome) -> Response {
    let page = AccessibilityPage {
        chrome,
        feedback_email: state.config.accessibility_feedback_email.clone(),
    };
    render_page(StatusCode::OK, &page)
}

/// `GET /`: the workspace list when signed in, else the login page.
pub(super) async fn front(MaybeSignedIn(user): MaybeSignedIn) -> Redirect {
    Redirect::to(if user.is_some() {
        "/workspaces"
    } else {
        "/login"
    })
}

/// `GET /assets/polku.css`.
pub(super) async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../assets/polku.css"),
    )
        .into_response()
}

/// `GET /favicon.ico`: a 16 × 16 icon built into the binary, so browsers that
/// ask for it by default get no 404.
pub(super) async fn favicon() -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/x-icon"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        &include_bytes!("../../assets/favicon.ico")[..],
    )
        .into_response()
}
