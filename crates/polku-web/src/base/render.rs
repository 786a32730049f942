//! Turning askama pages into responses, and URL encoding for links.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::error::AppError;

/// Renders an askama page into a response with `status`.
pub fn render_page<T: askama::Template>(status: StatusCode, page: &T) -> Response {
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => AppError::internal(e).into_response(),
    }
}

/// Percent-encodes a URL component (keeping `/` so paths stay readable).
pub fn encode_component(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for byte in raw.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
