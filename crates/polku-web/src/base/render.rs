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

/// Markup Polku drew itself, shown unescaped: the one reviewed way around
/// the templates' escaping. Only [`TrustedSvg::qr`] makes one, from
/// `polku_app::qr::svg`, which escapes the label and draws only rectangles.
#[derive(Debug, Clone)]
pub struct TrustedSvg(String);

impl TrustedSvg {
    /// A QR code of `url` labelled `label`.
    pub fn qr(url: &str, label: &str) -> Result<Self, AppError> {
        polku_app::qr::svg(url, label)
            .map(Self)
            .map_err(AppError::internal)
    }
}

impl std::fmt::Display for TrustedSvg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::filters::HtmlSafe for TrustedSvg {}
