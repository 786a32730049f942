//! Development groups: a group's page, ground rules and facilitators, the
//! forms that create and edit groups, workshop series with workshops,
//! agendas, data-collection periods and calendar files, a group's public
//! invitation page, and the groups API.

mod api;
mod in_path;
mod invite;
pub(crate) mod pages;
mod remove;
mod series;
pub(crate) mod urls;

use axum::http::Method;
use axum::routing::{get, post};
use polku_domain::Role;
use utoipa_axum::routes;

use crate::base::access::Access;
use crate::base::route::Routes;

const GROUP: &str = "/workspaces/{workspace_id}/groups/{group_id}";
const SERIES: &str = "/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}";

/// Adds this area's routes.
pub(crate) fn routes(routes: Routes) -> Routes {
    let viewer = Access::Member(Role::Viewer);
    let facilitator = Access::Member(Role::Facilitator);
    routes
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/groups/new",
            facilitator,
            get(pages::new),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/groups",
            facilitator,
            post(pages::create),
        )
        .page(Method::GET, GROUP, viewer, get(pages::show))
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/groups/{group_id}/edit",
            facilitator,
            get(pages::edit),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/groups/{group_id}/edit",
            facilitator,
            post(pages::update),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/groups/{group_id}/series/new",
            facilitator,
            get(series::new),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/groups/{group_id}/series",
            facilitator,
            post(series::create),
        )
        .page(Method::GET, SERIES, viewer, get(series::show))
        .page(Method::POST, SERIES, facilitator, post(series::update))
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}/workshops",
            facilitator,
            post(series::add_workshop),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}/periods",
            facilitator,
            post(series::add_period),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}/calendar.ics",
            viewer,
            get(series::calendar),
        )
        .page(
            Method::GET,
            "/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}/workshops/{workshop_id}/remove",
            facilitator,
            get(remove::confirm),
        )
        .page(
            Method::POST,
            "/workspaces/{workspace_id}/groups/{group_id}/series/{series_id}/workshops/{workshop_id}/remove",
            facilitator,
            post(remove::remove),
        )
        .page(
            Method::GET,
            "/groups/{public_id}/invite",
            Access::Anonymous,
            get(invite::show),
        )
        .api(viewer, routes!(api::list_groups))
        .api(facilitator, routes!(api::create_group))
        .api(viewer, routes!(api::get_group))
        .api(facilitator, routes!(api::update_group))
}
