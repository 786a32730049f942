//! A workspace's audit trail of membership: who invited, withdrew,
//! accepted, removed or changed whose role, and when. Owners only.

mod pages;
pub(crate) mod urls;

use axum::http::Method;
use axum::routing::get;
use polku_domain::Role;

use crate::base::access::Access;
use crate::base::route::Routes;

/// Adds this area's routes.
pub(crate) fn routes(routes: Routes) -> Routes {
    routes.page(
        Method::GET,
        "/workspaces/{workspace_id}/audit",
        Access::Member(Role::Owner),
        get(pages::list),
    )
}
