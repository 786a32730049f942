//! Security headers and cross-site request refusal for every response.

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tower_http::csrf::{CsrfLayer, ProtectionError};
use tower_http::set_header::SetResponseHeaderLayer;

use polku_domain::ErrorCode;

use super::error::AppError;
use super::state::PublicUrl;

/// No inline script or style, nothing from other hosts, no framing.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; \
     object-src 'none'; frame-ancestors 'none'";

/// HSTS for a year, sent only when Polku knows it is served over HTTPS.
const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";

/// Sets CSP, nosniff, referrer policy and frame denial on every response;
/// `Cache-Control: no-store` unless a route set its own (the stylesheet), so
/// no signed-in page or API answer stays in a cache after logout; and HSTS
/// when the public URL is HTTPS.
pub fn with_security_headers(router: Router, public_url: Option<&PublicUrl>) -> Router {
    let set = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    let router = if public_url.is_some_and(PublicUrl::is_https) {
        router.layer(set(
            header::STRICT_TRANSPORT_SECURITY,
            STRICT_TRANSPORT_SECURITY,
        ))
    } else {
        router
    };
    router
        .layer(set(header::CACHE_CONTROL, "no-store"))
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
/// With a public URL, its origin is trusted as such (a reverse proxy may
/// rewrite `Host`); [`require_public_origin`] then refuses every other one.
pub fn csrf_layer(public_url: Option<&PublicUrl>) -> CsrfLayer<fn(ProtectionError) -> Response> {
    let layer = CsrfLayer::new();
    let layer = match public_url.map(|url| layer.clone().add_trusted_origin(url.origin())) {
        Some(Ok(trusting)) => trusting,
        Some(Err(e)) => {
            tracing::error!(%e, "the public URL cannot be a trusted origin");
            layer
        }
        None => layer,
    };
    layer.with_rejection_response(reject_cross_origin as fn(ProtectionError) -> Response)
}

fn reject_cross_origin(_: ProtectionError) -> Response {
    AppError::new(
        axum::http::StatusCode::FORBIDDEN,
        ErrorCode::CrossOriginRequest,
    )
    .into_response()
}

/// Middleware when the public URL is known: a state-changing request whose
/// `Origin` is not exactly that origin (scheme, host and port) is refused,
/// which also catches an `http://` page posting to the `https://` site.
pub async fn require_public_origin(
    axum::extract::State(origin): axum::extract::State<Option<PublicUrl>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let changes_state = !matches!(
        *request.method(),
        axum::http::Method::GET | axum::http::Method::HEAD | axum::http::Method::OPTIONS
    );
    if let Some(origin) = origin
        && changes_state
        && let Some(sent) = request.headers().get(header::ORIGIN)
        && sent.as_bytes() != origin.origin().as_bytes()
    {
        return reject_cross_origin_request();
    }
    next.run(request).await
}

fn reject_cross_origin_request() -> Response {
    AppError::new(
        axum::http::StatusCode::FORBIDDEN,
        ErrorCode::CrossOriginRequest,
    )
    .into_response()
}
