//! Site-wide routes: the front door, the accessibility statement, the
//! stylesheet, the favicon and the health check.

mod api;
mod pages;

use axum::http::Method;
use axum::routing::get;
use utoipa_axum::routes;

use crate::base::access::Access;
use crate::base::route::Routes;

/// Adds this area's routes.
pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .page(Method::GET, "/", Access::Anonymous, get(pages::front))
        .page(
            Method::GET,
            "/accessibility",
            Access::Anonymous,
            get(pages::accessibility),
        )
        .page(
            Method::GET,
            "/assets/polku.css",
            Access::Anonymous,
            get(pages::stylesheet),
        )
        .page(
            Method::GET,
            "/favicon.ico",
            Access::Anonymous,
            get(pages::favicon),
        )
        .api(Access::Anonymous, routes!(api::healthz))
}
