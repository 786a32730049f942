//! Security headers and cross-site request refusal for every response.

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tower_http::csrf::{CsrfLayer, ProtectionError};
use tower_http::set_header::SetResponseHeaderLayer;

use polku_domain::ErrorCode;

use super::error::AppError;

/// No inline script or style, nothing from other hosts, no framing.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; \
     object-src 'none'; frame-ancestors 'none'";

/// Sets CSP, nosniff, referrer policy and frame denial on every response.
pub fn with_security_headers(router: Router) -> Router {
    let set = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    router
        .layer(set(
            header::CONTENT_SECURITY_POLICY,
            CONTENT_SECURITY_POLICY,
        ))
        .layer(set(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(set(header::REFERRER_POLICY, "same-origin"))
        .layer(set(header::X_FRAME_OPTIONS, "DENY"))
}

/// Refuses state-changing requests from another origin with 403, rendered as
/// the contract's error (code `cross_origin_request`).
pub fn csrf_layer() -> CsrfLayer<fn(ProtectionError) -> Response> {
    CsrfLayer::new().with_rejection_response(reject_cross_origin as fn(ProtectionError) -> Response)
}

fn reject_cross_origin(_: ProtectionError) -> Response {
    AppError::new(
        axum::http::StatusCode::FORBIDDEN,
        ErrorCode::CrossOriginRequest,
    )
    .into_response()
}
