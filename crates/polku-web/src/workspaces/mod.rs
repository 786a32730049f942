//! Workspaces and their members: the list, a workspace's home page, changing
//! roles and removing members, the privacy settings, and the same through
//! the API. (Joining is by invitation: `crate::invitations`.)

mod api;
mod member_path;
mod pages;
mod settings;
pub(crate) mod urls;

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
    let owner = Access::Member(Role::Owner);
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
            "/workspaces/{workspace_id}/members/{user_id}/role",
            facilitator,
            post(pages::change_member_role),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/members/{user_id}/remove",
            facilitator,
            get(pages::confirm_remove),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/members/{user_id}/remove",
            facilitator,
            post(pages::remove_member),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/settings",
            owner,
            get(settings::page),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/settings",
            owner,
            post(settings::save),
        )
        .api(Access::SignedIn, routes!(api::list_workspaces))
        .api(Access::SignedIn, routes!(api::create_workspace))
        .api(viewer, routes!(api::get_workspace))
        .api(viewer, routes!(api::list_members))
        .api(facilitator, routes!(api::change_member_role))
        .api(facilitator, routes!(api::remove_member))
        .api(viewer, routes!(settings::get_workspace_settings))
        .api(owner, routes!(settings::update_workspace_settings))
}
