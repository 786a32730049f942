//! `GET /healthz`: does the service and its database answer?

use axum::extract::State;
use axum::http::StatusCode;

use crate::base::state::AppState;

/// 200 `ok` when the database answers, 503 `unavailable` when it does not.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "health",
    security(()),
    responses(
        (status = 200, description = "The service and its database answer", body = String, content_type = "text/plain"),
        (status = 503, description = "The database does not answer", body = String, content_type = "text/plain"),
    )
)]
pub async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.store.is_healthy().await {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
    }
}
