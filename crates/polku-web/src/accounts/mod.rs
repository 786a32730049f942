//! Signing in and out of the pages. (Accounts themselves are made with
//! `polku user add`; the use cases live in `polku_app::accounts`.)

mod pages;

use axum::http::Method;
use axum::routing::{get, post};

use crate::base::access::Access;
use crate::base::route::Routes;

/// Adds this area's routes.
pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .page(Method::GET, "/login", Access::Anonymous, get(pages::show))
        .page(
            Method::POST,
            "/login",
            Access::Anonymous,
            post(pages::submit),
        )
        .page(
            Method::POST,
            "/logout",
            Access::Anonymous,
            post(pages::logout),
        )
}
