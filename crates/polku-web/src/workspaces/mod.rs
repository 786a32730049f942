//! Workspaces and their members: the list, a workspace's home page, adding
//! and removing members, and the same through the API.

mod api;
mod pages;
mod urls;

use axum::http::Method;
use axum::routing::{get, post};
use polku_domain::Role;
use utoipa_axum::routes;

use crate::base::access::Access;
use crate::base::route::Routes;

/// Adds this area's routes.
pub(crate) fn routes(routes: Routes) -> Routes {
    let viewer = Access::Member(Role::Viewer);
    let facilitator = Access::Member(Role::Facilitator);
    routes
        .page(Method::GET, urls::LIST, Access::SignedIn, get(pages::list))
        .page(
            Method::POST,
            urls::LIST,
            Access::SignedIn,
            post(pages::create),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}",
            viewer,
            get(pages::home),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/members",
            facilitator,
            post(pages::add_member),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/members/{user_id}/remove",
            facilitator,
            post(pages::remove_member),
        )
        .api(Access::SignedIn, routes!(api::list_workspaces))
        .api(Access::SignedIn, routes!(api::create_workspace))
        .api(viewer, routes!(api::get_workspace))
        .api(viewer, routes!(api::list_members))
        .api(facilitator, routes!(api::add_member))
        .api(facilitator, routes!(api::remove_member))
}
